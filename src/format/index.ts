import type { ChalkInstance } from 'chalk';
import type { Lang, Report } from '../types.js';
import { formatJson } from './json.js';
import { formatTable } from './table.js';

export interface FormatOptions {
  lang: Lang;
  /** Chalk at the colour level the CLI chose; only the terminal table uses it. */
  chalk: ChalkInstance;
  /** Terminal width, for the table. */
  width: number;
  /** With --stamp: when the report was made (ISO 8601). Absent, output carries no timestamp. */
  stamp?: string;
}

/** A report format: text, or bytes for binary formats (XLSX). */
export type Formatter = (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;

/** Every report format, by the name `--format` takes. */
export const formatters = {
  table: (report, options) => formatTable(report, options),
  json: (report) => formatJson(report),
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
