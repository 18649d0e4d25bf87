import ExcelJS from 'exceljs';
import { STATUS_LABEL, ui } from '../messages.js';
import { STATUSES } from '../types.js';
import type { Lang, Report, ReportCriterion, ReportMeasure, ReportUnitRef, Status } from '../types.js';
import { numberMeets } from '../util/compare.js';
import { displayDate } from '../util/dates.js';
import type { FormatOptions } from './format-options.js';
import { planNotes, wantsNotes } from './plan-notes.js';
import { fixedDate, stampZipEntries } from './zip-stamp.js';
import { formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

/** Words only the workbook uses; the shared ones come from `ui()`. */
const LABELS = {
  vi: {
    summarySheet: 'Tổng hợp', overdueSheet: 'Quá hạn', byUnitSheet: 'Theo đơn vị',
    requirement: 'Yêu cầu', value: 'Tử số', total: 'Mẫu số', daysOverdue: 'Số ngày quá hạn',
    missingUnits: 'Đơn vị chưa báo cáo', leadUnit: 'Đơn vị chủ trì',
    progressAsOf: 'Tình hình thực hiện tính đến ngày {date}',
    counts: 'Tổng số {n} tiêu chí: {counts}',
    overdueTitle: 'Các tiêu chí quá hạn tính đến ngày {date}: {n}',
    byUnitTitle: 'Số tiêu chí theo đơn vị chủ trì và trạng thái, tính đến ngày {date}',
    lowest: 'thấp nhất: {unit}',
    notesSheet: 'Ghi chú', note: 'Ghi chú', notesTitle: 'Ghi chú về kế hoạch (khi chép kế hoạch)',
    footer: 'Trang &P/&N',
  },
  en: {
    summarySheet: 'Summary', overdueSheet: 'Overdue', byUnitSheet: 'By unit',
    requirement: 'Requirement', value: 'Value', total: 'Out of', daysOverdue: 'Days overdue',
    missingUnits: 'Units without a report', leadUnit: 'Lead unit',
    progressAsOf: 'Progress as of {date}',
    counts: '{n} criteria: {counts}',
    overdueTitle: 'Overdue criteria as of {date}: {n}',
    byUnitTitle: 'Criteria by lead unit and status, as of {date}',
    lowest: 'lowest: {unit}',
    notesSheet: 'Notes', note: 'Note', notesTitle: 'Notes on the plan (from its transcription)',
    footer: 'Page &P of &N',
  },
} satisfies Record<Lang, Record<string, string>>;

type LabelKey = keyof (typeof LABELS)['vi'];

function label(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
}

/** Light fills with dark text of the same hue: readable on screen and on a grey-scale printer. */
const STATUS_STYLE: Record<Status, { fill: string; font: string }> = {
  pass: { fill: 'C6EFCE', font: '006100' },
  fail: { fill: 'FFC7CE', font: '9C0006' },
  overdue: { fill: 'E4CCF0', font: '5B1A78' },
  'at-risk': { fill: 'FFEB9C', font: '7F4F00' },
  pending: { fill: 'DDEBF7', font: '1F4E78' },
  'no-data': { fill: 'E7E6E6', font: '3A3838' },
};

// Times New Roman is the font of Vietnamese administrative papers (Nghị định 30/2020/NĐ-CP).
const FONT = 'Times New Roman';
const SIZE = 10;
/** Points per printed line at SIZE, and characters of Vietnamese text per unit of column width (measured on the PDF). */
const LINE_HEIGHT = 12.5;
const CHARS_PER_WIDTH = 1.45;
const PERCENT = '0.0%';
const INTEGER = '#,##0';
/** Dates as the text formats show them: dd/MM/yyyy in Vietnamese, ISO in English (`displayDate`). */
const DATE: Record<Lang, string> = { vi: 'dd/mm/yyyy', en: 'yyyy-mm-dd' };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

type Value = string | number | Date | null;
interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  numFmt?: string;
  align?: ExcelJS.Alignment['horizontal'];
  border?: boolean;
}

/** Writes a value as data, never as a formula: exceljs stores a JS string as a shared string, whatever it starts with. */
function put(ws: ExcelJS.Worksheet, row: number, col: number, value: Value, style: CellStyle = {}): void {
  const cell = ws.getCell(row, col);
  // XML turns a stored CR LF into LF on reading; store what will be read.
  cell.value = typeof value === 'string' ? value.replace(/\r\n?/gu, '\n') : value;
  cell.font = { name: FONT, size: style.size ?? SIZE, bold: style.bold ?? false, italic: style.italic ?? false, ...(style.color ? { color: { argb: `FF${style.color}` } } : {}) };
  const horizontal = style.align ?? 'left';
  // A little space between a right-aligned figure and the border.
  cell.alignment = { vertical: 'top', horizontal, wrapText: true, ...(horizontal === 'right' ? { indent: 1 } : {}) };
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  if (style.border) cell.border = BORDER;
}

/** How many lines `text` takes in a column `width` wide, word-wrapped; a guess on the safe side. */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  let lines = 0;
  let used = 0;
  // A word that starts a line and is longer than the line breaks over as many lines as it needs.
  const start = (length: number) => {
    const more = Math.max(0, Math.ceil(length / perLine) - 1);
    lines += more;
    used = length - more * perLine;
  };
  for (const paragraph of text.split(/\r?\n|\r/u)) {
    lines++;
    used = 0;
    for (const word of paragraph.split(' ')) {
      if (used === 0) start(word.length);
      else if (used + 1 + word.length <= perLine) used += 1 + word.length;
      else {
        lines++;
        start(word.length);
      }
    }
  }
  return lines;
}

/** Row height for these texts in these widths: Excel fits rows on opening, LibreOffice and merged cells do not. */
function heightFor(cells: [text: string, width: number][], size = SIZE): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => lineCount(text, (width * SIZE) / size)));
  return lines * LINE_HEIGHT * (size / SIZE) + 3;
}

function setupPage(ws: ExcelJS.Worksheet, headerRow: number, columns: number, lastRow: number, lang: Lang): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: columns } };
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
  };
  // Only fixed text in header and footer: there `&` starts a code, so plan text would be misread.
  ws.headerFooter = { oddFooter: `&C${label(lang, 'footer')}` };
}

interface Column { header: string; width: number; align?: ExcelJS.Alignment['horizontal'] }

function writeHeader(ws: ExcelJS.Worksheet, row: number, columns: Column[], fills: (string | undefined)[] = []): void {
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    put(ws, row, i + 1, c.header, { bold: true, border: true, align: 'center', fill: fills[i] ?? 'D9E1F2' });
  });
  // Bold text is wider: count the header in narrower columns.
  ws.getRow(row).height = heightFor(columns.map((c) => [c.header, c.width * 0.85]));
}

/** A bold line of text across the whole table (plan title, area, heading), its height set because merged cells never fit. */
function writeBanner(ws: ExcelJS.Worksheet, row: number, text: string, columns: Column[], style: CellStyle): void {
  put(ws, row, 1, text, style);
  for (let col = 2; col <= columns.length; col++) put(ws, row, col, null, style);
  ws.mergeCells(row, 1, row, columns.length);
  ws.getRow(row).height = heightFor([[text, columns.reduce((sum, c) => sum + c.width, 0)]], style.size);
}

/** One decimal, or more where rounding would show a missed target as met (99.96% as "100.0%") or the reverse. */
function percentFormat(percent: number, m: ReportMeasure): string {
  if (m.met === null) return PERCENT;
  for (let decimals = 1; decimals <= 4; decimals++) {
    const shown = Math.round(percent * 10 ** decimals) / 10 ** decimals;
    if (numberMeets(shown, m.target.op, m.target.value) === m.met) return `0.${'0'.repeat(decimals)}%`;
  }
  return '0.00000%';
}

interface MeasureCells { target: string; actual: Value; actualFormat?: string; value: number | null; total: number | null }

function measureCells(m: ReportMeasure, c: ReportCriterion, report: Report, lang: Lang): MeasureCells {
  let target = formatTarget(m, lang);
  if (c.measures.length > 1) target = `${m.label}: ${target}`;
  if (m.aggregate === 'each') {
    target += ` (${ui(lang, 'each')})`;
    const worst = m.met === false ? m.byUnit?.find((b) => !b.met) : undefined;
    if (worst) target += `\n${label(lang, 'lowest', { unit: unitLabel(report, worst.unit) })}`;
  }
  if (m.value === null) return { target, actual: '—', value: null, total: null };
  if (m.kind === 'ratio') {
    if (m.notApplicable || !m.total) return { target, actual: ui(lang, 'notArising'), value: m.value, total: m.total ?? 0 };
    return { target, actual: m.value / m.total, actualFormat: percentFormat((m.value / m.total) * 100, m), value: m.value, total: m.total };
  }
  if (m.kind === 'percent') return { target, actual: m.value / 100, actualFormat: percentFormat(m.value, m), value: null, total: null };
  return { target, actual: m.value, actualFormat: INTEGER, value: null, total: null };
}

/** A calendar date as the Excel serial of that day: built in UTC, as exceljs converts in UTC. */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The due cell: a real date, or words where the date alone would mislead (ongoing, assumed, due soon). */
function dueValue(c: ReportCriterion, lang: Lang): Value {
  if (c.ongoing) return ui(lang, 'ongoing');
  const notes = [...(c.dueImplied ? [ui(lang, 'dueImplied')] : []), ...(c.dueSoon ? [ui(lang, 'dueSoon')] : [])];
  return notes.length > 0 ? `${displayDate(c.due, lang)}\n(${notes.join(', ')})` : excelDate(c.due);
}

/** One criterion: a row per measure (one row for a task), its own cells merged down them. Returns the next free row. */
function writeCriterion(ws: ExcelJS.Worksheet, first: number, c: ReportCriterion, columns: Column[], report: Report, lang: Lang): number {
  let row = first;
  const cell = (col: number, value: Value, style: CellStyle = {}) =>
    put(ws, row, col, value, { border: true, align: columns[col - 1]!.align, ...style });
  const shared: [number, Value, CellStyle?][] = [
    [1, c.id], [2, c.title], [3, c.requirement ?? '—'],
    [8, dueValue(c, lang), { numFmt: DATE[lang] }], [9, c.lead.name],
    [10, STATUS_LABEL[lang][c.status], { bold: true, fill: STATUS_STYLE[c.status].fill, color: STATUS_STYLE[c.status].font }],
    [11, c.daysOverdue > 0 ? c.daysOverdue : null, { numFmt: INTEGER }],
  ];
  const measures = c.measures.length > 0
    ? c.measures.map((m) => measureCells(m, c, report, lang))
    : [{ target: ui(lang, 'task'), actual: formatTask(c, lang, (id) => unitLabel(report, id)), value: null, total: null } satisfies MeasureCells];
  const heights: number[] = [];
  for (const m of measures) {
    for (const [col, value, style] of shared) cell(col, row === first ? value : null, style);
    cell(4, m.target);
    cell(5, m.actual, m.actualFormat ? { numFmt: m.actualFormat } : { align: typeof m.actual === 'string' ? 'left' : 'right' });
    cell(6, m.value, { numFmt: INTEGER });
    cell(7, m.total, { numFmt: INTEGER });
    heights.push(heightFor([[m.target, columns[3]!.width], [typeof m.actual === 'string' ? m.actual : '', columns[4]!.width]]));
    row++;
  }
  // Criterion cells span its measure rows; the rows share out the height those cells need.
  const sharedHeight = heightFor(shared.map(([col, value]) => [typeof value === 'string' ? value : '', columns[col - 1]!.width]));
  const extra = Math.max(0, sharedHeight - heights.reduce((a, b) => a + b, 0)) / heights.length;
  heights.forEach((h, i) => (ws.getRow(first + i).height = h + extra));
  if (measures.length > 1) for (const [col] of shared) ws.mergeCells(first, col, row - 1, col);
  return row;
}

function summarySheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const ws = wb.addWorksheet(label(lang, 'summarySheet'));
  const columns: Column[] = [
    { header: ui(lang, 'id'), width: 7 },
    { header: ui(lang, 'criterion'), width: 32 },
    { header: label(lang, 'requirement'), width: 30 },
    { header: ui(lang, 'target'), width: 12, align: 'center' },
    { header: ui(lang, 'actual'), width: 14, align: 'right' },
    { header: label(lang, 'value'), width: 13, align: 'right' },
    { header: label(lang, 'total'), width: 13, align: 'right' },
    { header: ui(lang, 'due'), width: 12, align: 'center' },
    { header: ui(lang, 'lead'), width: 17 },
    { header: ui(lang, 'status'), width: 12, align: 'center' },
    { header: label(lang, 'daysOverdue'), width: 9, align: 'center' },
  ];
  const date = displayDate(report.asOf, lang);
  let row = 1;
  if (report.plan.issuer) writeBanner(ws, row++, report.plan.issuer, columns, { bold: true, size: 11 });
  writeBanner(ws, row++, report.plan.title, columns, { bold: true, size: 14, align: 'center' });
  writeBanner(ws, row++, label(lang, 'progressAsOf', { date }), columns, { italic: true, size: 11, align: 'center' });
  if (report.unit) writeBanner(ws, row++, ui(lang, 'unitFocus', { unit: report.unit.name }), columns, { italic: true, size: 11, align: 'center' });
  const counts = STATUSES.map((s) => `${STATUS_LABEL[lang][s]} ${report.summary[s]}`).join(' · ');
  writeBanner(ws, row++, label(lang, 'counts', { n: report.summary.total, counts }), columns, { size: 11, align: 'center' });
  row++;
  const headerRow = row++;
  writeHeader(ws, headerRow, columns);

  const banner = (text: string, fill?: string) => writeBanner(ws, row++, text, columns, { bold: true, border: true, ...(fill ? { fill } : {}) });
  const areas = new Set(report.areas.map((a) => a.id));
  for (const area of report.areas) {
    const criteria = report.criteria.filter((c) => c.area === area.id);
    if (criteria.length === 0) continue;
    banner(`${area.id}. ${area.title}`, 'F2F2F2');
    let heading: string | undefined;
    for (const c of criteria) {
      if (c.heading && c.heading !== heading) {
        const h = area.headings.find((x) => x.id === c.heading);
        if (h) banner(`${h.id} ${h.title}`);
      }
      heading = c.heading;
      row = writeCriterion(ws, row, c, columns, report, lang);
    }
  }
  // A criterion of an area the report does not list still gets its row.
  for (const c of report.criteria.filter((x) => !areas.has(x.area))) row = writeCriterion(ws, row, c, columns, report, lang);
  if (report.criteria.length === 0) banner(ui(lang, 'noMatch'));
  setupPage(ws, headerRow, columns.length, row - 1, lang);
}

function overdueSheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const ws = wb.addWorksheet(label(lang, 'overdueSheet'));
  const columns: Column[] = [
    { header: ui(lang, 'id'), width: 7 },
    { header: ui(lang, 'criterion'), width: 50 },
    { header: ui(lang, 'lead'), width: 26 },
    { header: ui(lang, 'due'), width: 12, align: 'center' },
    { header: label(lang, 'daysOverdue'), width: 10, align: 'center' },
    { header: label(lang, 'missingUnits'), width: 32 },
  ];
  const overdue = report.criteria.filter((c) => c.status === 'overdue');
  const title = overdue.length > 0
    ? label(lang, 'overdueTitle', { date: displayDate(report.asOf, lang), n: overdue.length })
    : ui(lang, 'overdueNone');
  writeBanner(ws, 1, title, columns, { bold: true, size: 12 });
  writeHeader(ws, 2, columns);
  let row = 3;
  for (const c of overdue) {
    const missing = c.missingUnits.map((u) => u.name).join('; ');
    const values: [Value, CellStyle?][] = [
      [c.id], [c.title], [c.lead.name], [c.ongoing ? ui(lang, 'ongoing') : excelDate(c.due), { numFmt: DATE[lang] }],
      [c.daysOverdue, { numFmt: INTEGER }], [missing],
    ];
    values.forEach(([value, style], i) => put(ws, row, i + 1, value, { border: true, align: columns[i]!.align, ...style }));
    ws.getRow(row).height = heightFor([[c.id, 7], [c.title, 50], [c.lead.name, 26], [missing, 32]]);
    row++;
  }
  setupPage(ws, 2, columns.length, row - 1, lang);
}

function byUnitSheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const ws = wb.addWorksheet(label(lang, 'byUnitSheet'));
  const columns: Column[] = [
    { header: label(lang, 'leadUnit'), width: 40 },
    ...STATUSES.map((s) => ({ header: STATUS_LABEL[lang][s], width: 12, align: 'center' as const })),
    { header: ui(lang, 'total'), width: 10, align: 'center' },
  ];
  writeBanner(ws, 1, label(lang, 'byUnitTitle', { date: displayDate(report.asOf, lang) }), columns, { bold: true, size: 12 });
  writeHeader(ws, 2, columns, [undefined, ...STATUSES.map((s) => STATUS_STYLE[s].fill)]);

  // Lead units in the plan's unit order; a lead the unit list lacks comes after, in order of appearance.
  const order = new Map<string, number>(report.units.map((u, i) => [u.id, i]));
  const leads = new Map<string, { unit: ReportUnitRef; counts: Record<Status, number> }>();
  for (const c of report.criteria) {
    const entry = leads.get(c.lead.id) ?? { unit: c.lead, counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number> };
    entry.counts[c.status]++;
    leads.set(c.lead.id, entry);
  }
  const rank = (id: string) => order.get(id) ?? report.units.length;
  const rows = [...leads.values()].sort((a, b) => rank(a.unit.id) - rank(b.unit.id));

  let row = 3;
  const writeCounts = (name: string, counts: Record<Status, number>, bold: boolean) => {
    put(ws, row, 1, name, { border: true, bold });
    STATUSES.forEach((s, i) => put(ws, row, i + 2, counts[s], { border: true, bold, align: 'center', numFmt: INTEGER }));
    put(ws, row, STATUSES.length + 2, STATUSES.reduce((sum, s) => sum + counts[s], 0), { border: true, bold: true, align: 'center', numFmt: INTEGER });
    ws.getRow(row).height = heightFor([[name, 40]]);
    row++;
  };
  for (const { unit, counts } of rows) writeCounts(unit.name, counts, false);
  const lastUnitRow = row - 1;
  writeCounts(ui(lang, 'total'), Object.fromEntries(STATUSES.map((s) => [s, report.criteria.filter((c) => c.status === s).length])) as Record<Status, number>, true);
  setupPage(ws, 2, columns.length, lastUnitRow, lang);
}

/** The plan's transcription notes, one row each, when asked for (plan-notes.ts). */
function notesSheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const ws = wb.addWorksheet(label(lang, 'notesSheet'));
  const columns: Column[] = [{ header: ui(lang, 'id'), width: 8 }, { header: label(lang, 'note'), width: 100 }];
  writeBanner(ws, 1, label(lang, 'notesTitle'), columns, { bold: true, size: 12 });
  writeHeader(ws, 2, columns);
  let row = 3;
  for (const n of planNotes(report)) {
    put(ws, row, 1, n.id, { border: true });
    put(ws, row, 2, n.note, { border: true });
    ws.getRow(row).height = heightFor([[n.note, 100]]);
    row++;
  }
  setupPage(ws, 2, columns.length, row - 1, lang);
}

/**
 * The report as an Excel workbook for meeting papers: summary table, overdue list, counts by lead
 * unit, and with --notes the plan's notes. The file claims to be made at --stamp when given,
 * otherwise on the report's as-of date, so equal inputs give equal files.
 */
export async function formatXlsx(report: Report, options: FormatOptions): Promise<Uint8Array> {
  const { lang } = options;
  const wb = new ExcelJS.Workbook();
  const when = fixedDate(report, options);
  wb.creator = 'cchc';
  wb.lastModifiedBy = 'cchc';
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = report.plan.title.replace(/\r\n?/gu, '\n');
  summarySheet(wb, report, lang);
  overdueSheet(wb, report, lang);
  byUnitSheet(wb, report, lang);
  if (wantsNotes(options)) notesSheet(wb, report, lang);
  const buffer = await wb.xlsx.writeBuffer();
  return stampZipEntries(new Uint8Array(buffer), when);
}
