import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { formatMessage, ui } from '../messages.js';
import type { Diagnostic, Lang, ReportDiagnostic } from '../types.js';

/** Colour follows --no-color, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. */
export function chooseChalk(colorFlag: boolean, env: NodeJS.ProcessEnv): ChalkInstance {
  if (!colorFlag) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR === undefined && env.NO_COLOR) return new Chalk({ level: 0 });
  return new Chalk({ level: chalk.level });
}

export function terminalWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  return Number(env.COLUMNS) || 120;
}

export function toReportDiagnostic(d: Diagnostic, lang: Lang): ReportDiagnostic {
  return {
    severity: d.severity, code: d.code, file: d.file,
    ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
    ...(d.cell !== undefined ? { cell: d.cell } : {}),
    message: formatMessage(d, lang),
  };
}

/** `file:line:column: lỗi: message [code]`, the shape editors and CI logs link from. */
export function formatDiagnostic(d: Diagnostic, lang: Lang, c: ChalkInstance): string {
  const where = d.cell !== undefined ? `${d.file}!${d.cell}` : d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  const severity = d.severity === 'error' ? c.red.bold(ui(lang, 'error')) : c.yellow.bold(ui(lang, 'warning'));
  return `${c.bold(where)}: ${severity}: ${formatMessage(d, lang)} ${c.gray(`[${d.code}]`)}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}
