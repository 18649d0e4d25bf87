// The Word report for meetings (design.md, "Word report for meetings"): the administrative layout
// of Nghị định 30/2020/NĐ-CP. A static import: this module is itself loaded only when a .docx is
// asked for (index.ts), and the CLI's bundle runs in a vm.Script, where import() has no loader.
import {
  AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
  type ISectionOptions,
} from 'docx';
import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion } from '../types.js';
import { displayDate } from '../util/dates.js';
import { adminLayout } from './admin-layout.js';
import type { FormatOptions } from './format-options.js';
import { planNotes, wantsNotes } from './plan-notes.js';
import { formatActual, formatDue, formatForecast, formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';
import { fixedDate, stampZipEntries } from './zip-stamp.js';

/** A4 in twentieths of a point, and the margins of Nghị định 30: top and bottom 20 mm, left 30, right 15. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };
/** The width between the margins, portrait and landscape. */
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
/** Body 13 pt; sizes are in half-points. */
const BODY = 26;

const WORDS = {
  vi: {
    title: 'BÁO CÁO', subject: 'Kết quả thực hiện {plan}', asOf: '(Số liệu tính đến ngày {date})',
    summary: 'Đến ngày {date}, trong {total} tiêu chí của Kế hoạch: {counts}.', forecastMiss: 'Theo tiến độ hiện nay, {n} tiêu chí dự báo không đạt chỉ tiêu khi đến hạn.',
    table: 'I. TÌNH HÌNH THỰC HIỆN CÁC TIÊU CHÍ', overdue: 'II. CÁC TIÊU CHÍ QUÁ HẠN', forecast: 'III. CÁC TIÊU CHÍ DỰ BÁO KHÔNG ĐẠT',
    none: 'Không có.', notes: 'IV. GHI CHÚ VỀ KẾ HOẠCH',
    columns: ['Mã', 'Tiêu chí', 'Chỉ tiêu', 'Thực tế', 'Hạn', 'Chủ trì', 'Trạng thái'],
    dueWord: 'hạn', lead: 'chủ trì',
  },
  en: {
    title: 'REPORT', subject: 'Progress of {plan}', asOf: '(Figures as of {date})',
    summary: 'As of {date}, of the plan\'s {total} criteria: {counts}.', forecastMiss: 'At the present pace, {n} criteria are forecast to miss their target by their deadline.',
    table: 'I. PROGRESS BY CRITERION', overdue: 'II. OVERDUE CRITERIA', forecast: 'III. CRITERIA FORECAST TO MISS',
    none: 'None.', notes: 'IV. NOTES ON THE PLAN',
    columns: ['Id', 'Criterion', 'Target', 'Actual', 'Due', 'Lead', 'Status'],
    dueWord: 'due', lead: 'lead',
  },
} satisfies Record<Lang, unknown>;

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? BODY, bold: options.bold, italics: options.italics });

const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
  new Paragraph({ alignment: options.align ?? AlignmentType.JUSTIFIED, spacing: { after: options.after ?? 60 }, children: [run(text, options)] });

/** Lines of a cell, each its own paragraph (a value such as "75% (15/20)\n→ dự báo 100%"). */
const lines = (text: string, options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  text.split('\n').map((l) => para(l, { ...options, after: 0, align: options.align ?? AlignmentType.LEFT }));

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * The report as a Word document: the issuer's and the national motto's blocks, the number, place
 * and date in words, the title, a summary, the status table by area on landscape pages, the
 * overdue and forecast-to-miss lists, "Nơi nhận:" and the signature block. What `report:` in
 * cchc.config.yaml does not give is left as dots to fill in.
 */
export async function formatDocx(report: Report, options: FormatOptions): Promise<Uint8Array> {
  const { lang } = options;
  const w = WORDS[lang];
  const admin = adminLayout(report, options.meeting ?? {}, lang);

  const header = new Table({
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: [3600, PORTRAIT_WIDTH - 3600],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: 3600, type: WidthType.DXA }, borders: NO_BORDERS, children: [
        para(admin.authority, { align: AlignmentType.CENTER, after: 0 }),
        para(admin.issuer || '…', { bold: true, align: AlignmentType.CENTER, after: 0 }),
        para('———', { align: AlignmentType.CENTER, after: 60 }),
        para(admin.number, { align: AlignmentType.CENTER }),
      ] }),
      new TableCell({ width: { size: PORTRAIT_WIDTH - 3600, type: WidthType.DXA }, borders: NO_BORDERS, children: [
        para(admin.nation, { bold: true, align: AlignmentType.CENTER, after: 0, size: 24 }),
        para(admin.motto, { bold: true, align: AlignmentType.CENTER, after: 0 }),
        para('———', { align: AlignmentType.CENTER, after: 60 }),
        para(admin.placeDate, { italics: true, align: AlignmentType.CENTER }),
      ] }),
    ] })],
  });

  const counts = (['pass', 'fail', 'overdue', 'at-risk', 'pending', 'no-data'] as const)
    .filter((s) => report.summary[s] > 0).map((s) => `${STATUS_LABEL[lang][s].toLowerCase()} ${report.summary[s]}`).join(', ');
  const opening: (Paragraph | Table)[] = [
    header,
    para(w.title, { bold: true, align: AlignmentType.CENTER, after: 0, size: 28 }),
    para(fill(w.subject, { plan: report.plan.title }), { bold: true, align: AlignmentType.CENTER, after: 0 }),
    para(fill(w.asOf, { date: displayDate(report.asOf, lang) }), { italics: true, align: AlignmentType.CENTER, after: 240 }),
    para(fill(w.summary, { date: displayDate(report.asOf, lang), total: report.summary.total, counts })),
    ...(report.summary.forecastMiss ? [para(fill(w.forecastMiss, { n: report.summary.forecastMiss }))] : []),
  ];

  const lists: Paragraph[] = [
    para(w.overdue, { bold: true, after: 60 }),
    ...itemList(report.criteria.filter((c) => c.status === 'overdue'), (c) => `${c.id} ${c.title} (${w.dueWord} ${formatDue(c, lang)}, ${ui(lang, 'daysOverdue', { n: c.daysOverdue })}; ${w.lead}: ${unitLabel(report, c.lead.id)})`, w.none),
    para(w.forecast, { bold: true, after: 60 }),
    ...itemList(report.criteria.filter((c) => c.measures.some((m) => m.forecast?.met === false)), (c) => {
      const m = c.measures.find((x) => x.forecast?.met === false)!;
      return `${c.id} ${c.title}: ${formatActual(m, lang)} ${formatForecast(m, lang)}; ${w.lead}: ${unitLabel(report, c.lead.id)}`;
    }, w.none),
    ...(wantsNotes(options) ? [para(w.notes, { bold: true, after: 60 }), ...planNotes(report).map((n) => para(`- ${n.id}: ${n.note}`))] : []),
  ];

  const closing = new Table({
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: [PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: PORTRAIT_WIDTH / 2, type: WidthType.DXA }, borders: NO_BORDERS, children: [
        para(admin.recipientsTitle, { bold: true, italics: true, size: 24, after: 0, align: AlignmentType.LEFT }),
        ...admin.recipients.map((r) => para(r, { size: 22, after: 0, align: AlignmentType.LEFT })),
        para(admin.archive, { size: 22, after: 0, align: AlignmentType.LEFT }),
      ] }),
      new TableCell({ width: { size: PORTRAIT_WIDTH / 2, type: WidthType.DXA }, borders: NO_BORDERS, children: [
        para(admin.signing, { bold: true, align: AlignmentType.CENTER, after: 0 }),
        para(admin.signerTitle, { bold: true, align: AlignmentType.CENTER, after: 1200 }),
        para(admin.signer, { bold: true, align: AlignmentType.CENTER, after: 0 }),
      ] }),
    ] })],
  });

  const page = (landscape: boolean): ISectionOptions['properties'] => ({
    page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: MARGIN },
  });
  const doc = new Document({
    creator: 'cchc',
    title: `${w.title} ${report.plan.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      { properties: page(false), children: opening },
      { properties: page(true), children: [para(w.table, { bold: true }), statusTable(report, lang, w.columns)] },
      { properties: page(false), children: [...lists, para('', { after: 240 }), closing] },
    ],
  });
  // The document properties say when it was made: the as-of date (or --stamp), not the clock.
  const when = fixedDate(report, options).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(`${w.title} ${report.plan.title}`)}</dc:title><dc:creator>cchc</dc:creator><cp:lastModifiedBy>cchc</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  return stampZipEntries(new Uint8Array(await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }])), fixedDate(report, options));
}

const escapeXml = (text: string) => text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '');

function itemList(criteria: ReportCriterion[], text: (c: ReportCriterion) => string, none: string): Paragraph[] {
  return criteria.length === 0 ? [para(none)] : criteria.map((c) => para(`- ${text(c)}`));
}

/** The status table, an area row (merged across) before each area's criteria. */
function statusTable(report: Report, lang: Lang, columns: string[]): Table {
  const widths = [7, 33, 10, 17, 10, 12, 11].map((p) => Math.floor((LANDSCAPE_WIDTH * p) / 100));
  const cell = (text: string, c: number, options: { bold?: boolean } = {}) =>
    new TableCell({ width: { size: widths[c]!, type: WidthType.DXA }, children: lines(text, { size: 22, ...options }) });
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: columns.map((h, c) => cell(h, c, { bold: true })) })];
  for (const area of report.areas) {
    const criteria = report.criteria.filter((c) => c.area === area.id);
    if (criteria.length === 0) continue;
    rows.push(new TableRow({ children: [new TableCell({ columnSpan: columns.length, width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA }, children: lines(`${area.id}. ${area.title}`, { bold: true, size: 22 }) })] }));
    for (const c of criteria) {
      const target = c.measures.length > 0 ? c.measures.map((m) => formatTarget(m, lang)).join('\n') : ui(lang, 'task');
      const actual = c.measures.length > 0
        ? c.measures.map((m) => [formatActual(m, lang), formatForecast(m, lang)].filter((x) => x).join('\n')).join('\n')
        : formatTask(c, lang, (id) => unitLabel(report, id));
      let status = STATUS_LABEL[lang][c.status];
      if (c.status === 'overdue') status += ` (${ui(lang, 'days', { n: c.daysOverdue })})`;
      rows.push(new TableRow({ cantSplit: true, children: [
        cell(c.id, 0), cell(c.title, 1), cell(target, 2), cell(actual, 3), cell(formatDue(c, lang), 4), cell(unitLabel(report, c.lead.id), 5), cell(status, 6),
      ] }));
    }
  }
  return new Table({ width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

