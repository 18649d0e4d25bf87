import type { ChalkInstance } from 'chalk';
import type { Lang, Report } from '../types.js';
import { formatJson } from './json.js';
import { formatTable } from './table.js';

export interface FormatOptions {
  lang: Lang;
  chalk: ChalkInstance;
  width: number;
}

/** Every report format, by the name `--format` takes. */
export const formatters = {
  table: (report, options) => formatTable(report, options),
  json: (report) => formatJson(report),
} satisfies Record<string, (report: Report, options: FormatOptions) => string>;

export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
