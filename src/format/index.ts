import { type FormatName } from '../choices.js';
import type { Report } from '../types.js';
import { formatCsv } from './csv.js';
import type { FormatOptions } from './format-options.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

export type { FormatOptions };

/** A report format: text, or bytes for binary formats (XLSX). */
export type Formatter = (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;

/** Every report format, by the name `--format` takes. */
export const formatters = {
  table: formatTable,
  json: formatJson,
  markdown: formatMarkdown,
  csv: formatCsv,
  html: formatHtml,
  junit: formatJunit,
  github: formatGithub,
  // exceljs is large: load it only when a workbook is asked for.
  xlsx: async (report, options) => (await import('./xlsx.js')).formatXlsx(report, options),
  // The Word report for meetings: the docx package, likewise loaded only when asked for.
  docx: async (report, options) => (await import('./docx.js')).formatDocx(report, options),
} satisfies Record<FormatName, Formatter>;
