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

type Cell = string | number | boolean | null | undefined;
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

const NUMERIC = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/u;
// OWASP "CSV injection": Excel and LibreOffice run a cell starting with these as a formula
// (=HYPERLINK(...) exfiltrates data on click). A leading ' makes them text. Numbers are left alone
// so that negative figures stay numbers; a reader that wants the raw text drops a leading ' that
// is followed by one of these characters (the op "=" comes out as "'=").
const FORMULA_START = /^[=+\-@\t\r]/u;

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function field(value: Cell): string {
  let text: string;
  // Plain numbers with a '.' decimal, whatever the language: Excel under a vi-VN locale (decimal
  // comma) may then read 99.44 as text, but a comma decimal would clash with the separator and
  // with every script that reads the file. The XLSX export is the one for people.
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = String(value);
  else text = value ?? '';
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * The report as CSV (RFC 4180: comma, CRLF, quoted fields), one row per criterion and measure, a
 * task criterion on one row with its progress in words; headers in the chosen language. With
 * `options.stamp` a last column says when the file was made.
 */
export function formatCsv(report: Report, options: FormatOptions): string {
  const x: Context = { report, lang: options.lang };
  const column = options.lang === 'vi' ? 0 : 1;
  const header = COLUMNS.map((col) => col[column]);
  if (options.stamp) header.push(options.lang === 'vi' ? 'Thời điểm lập' : 'Generated at');
  const lines = [header.map(field).join(',')];
  for (const c of report.criteria) {
    const rows: Row[] = c.measures.length > 0 ? c.measures.map((m) => ({ c, m })) : [{ c, m: undefined }];
    for (const r of rows) {
      const cells = COLUMNS.map(([, , get]) => get(r, x));
      if (options.stamp) cells.push(options.stamp);
      lines.push(cells.map(field).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
