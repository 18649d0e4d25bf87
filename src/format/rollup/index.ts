import type { FormatName } from '../../choices.js';
import type { FormatOptions } from '../format-options.js';
import type { Rollup } from './model.js';
import { formatRollupHtml } from './html.js';
import { formatRollupCsv, formatRollupMarkdown, formatRollupTable } from './text.js';

export { RollupBuilder, rollupEntry, type Rollup, type RollupEntry } from './model.js';

/** The formats that show the province's view when several plans are checked; the others show every report. */
export const ROLLUP_FORMATS: ReadonlySet<FormatName> = new Set(['table', 'markdown', 'csv', 'html', 'xlsx']);

/** The roll-up in one of ROLLUP_FORMATS. */
export async function formatRollup(format: FormatName, rollup: Rollup, options: FormatOptions & { command?: string }): Promise<string | Uint8Array> {
  switch (format) {
    case 'table': return formatRollupTable(rollup, options);
    case 'markdown': return formatRollupMarkdown(rollup, options);
    case 'csv': return formatRollupCsv(rollup, options);
    case 'html': return formatRollupHtml(rollup, options);
    case 'xlsx': return (await import('./xlsx.js')).formatRollupXlsx(rollup, options);
    default: throw new Error(`formatRollup: ${format} shows every report`);
  }
}
