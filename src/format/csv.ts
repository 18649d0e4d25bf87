import { STATUS_LABEL } from '../messages.js';
import type { Lang, Report, ReportCriterion, ReportMeasure } from '../types.js';
import type { FormatOptions } from './format-options.js';
import { formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

/**
 * Excel opens a UTF-8 CSV as Windows-1258 unless it starts with a byte order mark, and Vietnamese
 * then turns into mojibake. The formatter returns text without it; whoever writes the .csv file
 * prepends this (stdout stays BOM-free so that pipes and `diff` see clean text).
 */
export const CSV_BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;
interface Row { c: ReportCriterion; m: ReportMeasure | undefined }
interface Context { report: Report; lang: Lang }

// Short names, as formatTask uses for units that have not reported.
/**
 * The columns: Vietnamese header, English header, value. Codes (status, kind, op) and dates stay
 * as in the JSON report so that a script can read the file in either language; the status label
 * and task progress are the human words.
 */
const COLUMNS: [string, string, (r: Row, x: Context) => Cell][] = [
  ['Mã kế hoạch', 'Plan id', (_, x) => x.report.plan.id],
  ['Tính đến ngày', 'As of', (_, x) => x.report.asOf],
  ['Mã lĩnh vực', 'Area id', ({ c }) => c.area],
  ['Mã nhóm tiêu chí', 'Heading id', ({ c }) => c.heading],
  ['Mã tiêu chí', 'Criterion id', ({ c }) => c.id],
  ['Tiêu chí', 'Criterion', ({ c }) => c.title],
  ['Yêu cầu', 'Requirement', ({ c }) => c.requirement],
  ['Mã chỉ tiêu', 'Measure id', ({ m }) => m?.id],
  ['Chỉ tiêu', 'Measure', ({ m }) => m?.label],
  ['Loại chỉ tiêu', 'Kind', ({ m }) => m?.kind],
  // For a group lead: `sum` pools the members; `each` shows the member furthest from the target.
  ['Cách tổng hợp', 'Aggregate', ({ m }) => m?.aggregate],
  ['Phép so sánh', 'Target op', ({ m }) => m?.target.op],
  ['Mức chỉ tiêu', 'Target value', ({ m }) => m?.target.value],
  ['Đơn vị chỉ tiêu', 'Target unit', ({ m }) => m?.target.unit],
  ['Thực tế', 'Actual', ({ m }) => m?.actual],
  ['Tử số / giá trị', 'Value', ({ m }) => m?.value],
  ['Mẫu số', 'Total', ({ m }) => m?.total],
  ['Đạt chỉ tiêu', 'Met', ({ m }) => m?.met],
  ['Tiến độ nhiệm vụ', 'Task progress', ({ c }, x) => (c.measures.length === 0 ? formatTask(c, x.lang, (id) => unitLabel(x.report, id)) : null)],
  ['Hạn', 'Due', ({ c }) => c.due],
  ['Thường xuyên', 'Ongoing', ({ c }) => c.ongoing],
  ['Số ngày quá hạn', 'Days overdue', ({ c }) => c.daysOverdue],
  ['Mã đơn vị chủ trì', 'Lead id', ({ c }) => c.lead.id],
  ['Đơn vị chủ trì', 'Lead', ({ c }) => c.lead.name],
  ['Mã trạng thái', 'Status code', ({ c }) => c.status],
  ['Trạng thái', 'Status', ({ c }, x) => STATUS_LABEL[x.lang][c.status]],
  ['Đơn vị chưa báo cáo', 'Not reported by', ({ c }) => c.missingUnits.map((u) => u.name).join('; ')],
  ['Nguồn số liệu', 'Sources', ({ c }) => c.sources.map((s) => `${s.file}:${s.line}`).join('; ')],
];

/**
 * How a spreadsheet on a PC set to the language reads a CSV opened by double-click: Excel splits
 * at the Windows list separator and reads numbers with the Windows decimal symbol, which for
 * Vietnamese are `;` and `,` (English: `,` and `.`). Without them a Vietnamese Excel puts each row
 * in one cell and reads 61.33 as text.
 */
interface Dialect { separator: string; decimal: string }
const DIALECTS: Record<Lang, Dialect> = { vi: { separator: ';', decimal: ',' }, en: { separator: ',', decimal: '.' } };

// OWASP "CSV injection": Excel runs a cell that starts with = + - or @ as a formula (LibreOffice
// one that starts with =), and =HYPERLINK(...) exfiltrates data on click. A leading ' makes it
// text — and shows, since a spreadsheet opening a CSV keeps it in the cell: so it goes only where
// a formula could be read. Not before a number ("-5", "-61,33", "+84"), nor before text that is
// nothing but these signs and spaces ("-", the target op "="): neither makes a formula. Leading
// white space (a tab) does not hide a formula from a reader that trims it. A reader that wants the
// raw text drops a leading ' that is followed by white space or one of these signs.
const FORMULA_START = /^\s*[=+\-@]/u;
const SIGNS_ONLY = /^[\s=+\-@]*$/u;
const NUMBER_TEXT = /^\s*[-+]?(?:\d[\d.,]*|[.,]\d+)(?:[eE][-+]?\d+)?%?\s*$/u;

/** Whether a spreadsheet would read this text as a formula. */
export function readAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNS_ONLY.test(text) && !NUMBER_TEXT.test(text);
}

/** RFC 4180: quote a field holding the separator, a quote or a line break; double the quotes inside. */
function field(value: Cell, dialect: Dialect): string {
  let text: string;
  // Plain digits, no grouping: any spreadsheet reads 12800000000 as a number.
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value).replace('.', dialect.decimal) : '';
  else if (typeof value === 'boolean') text = String(value);
  else text = value ?? '';
  if (typeof value === 'string' && readAsFormula(text)) text = `'${text}`;
  return text.includes(dialect.separator) || /["\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One CSV record in the dialect of the language, fields quoted and guarded against formulas, no line end. */
export function csvLine(cells: readonly Cell[], lang: Lang): string {
  const dialect = DIALECTS[lang];
  return cells.map((cell) => field(cell, dialect)).join(dialect.separator);
}

/**
 * The report as CSV (RFC 4180 with CRLF and quoted fields; in Vietnamese `;` between fields and a
 * decimal comma, in English `,` and a decimal point), one row per criterion and measure, a task
 * criterion on one row with its progress in words; headers in the chosen language. With
 * `options.stamp` a last column says when the file was made.
 */
export function formatCsv(report: Report, options: FormatOptions): string {
  const x: Context = { report, lang: options.lang };
  const dialect = DIALECTS[options.lang];
  const row = (cells: Cell[]) => cells.map((cell) => field(cell, dialect)).join(dialect.separator);
  const column = options.lang === 'vi' ? 0 : 1;
  const header = COLUMNS.map((col) => col[column]);
  if (options.stamp) header.push(options.lang === 'vi' ? 'Thời điểm lập' : 'Generated at');
  const lines = [row(header)];
  for (const c of report.criteria) {
    const rows: Row[] = c.measures.length > 0 ? c.measures.map((m) => ({ c, m })) : [{ c, m: undefined }];
    for (const r of rows) {
      const cells = COLUMNS.map(([, , get]) => get(r, x));
      if (options.stamp) cells.push(options.stamp);
      lines.push(row(cells));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
