import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatXlsx } from '../../src/format/xlsx.js';
import { STATUS_LABEL } from '../../src/messages.js';
import type { Lang, Report } from '../../src/types.js';
import { STATUSES } from '../../src/types.js';
import { HOSTILE, reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const options = (lang: Lang = 'vi', stamp?: string) => ({ lang, chalk: new Chalk({ level: 0 }), width: 100, ...(stamp ? { stamp } : {}) });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

async function workbook(report: Report, lang: Lang = 'vi'): Promise<ExcelJS.Workbook> {
  return load(await formatXlsx(report, options(lang)));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose first cell holds `text` (a criterion id, or the header word). */
function rowOf(ws: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === text) return ws.getRow(r);
  throw new Error(`no row ${text} in ${ws.name}`);
}

function allCells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => cells.push(cell))));
  return cells;
}

const SUMMARY = 'Tổng hợp';
const OVERDUE = 'Quá hạn';
const BY_UNIT = 'Theo đơn vị';
// Columns of the summary table.
const COL = { id: 1, title: 2, target: 4, actual: 5, value: 6, total: 7, due: 8, lead: 9, status: 10, daysOverdue: 11 };

describe('xlsx format', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the sheets in Vietnamese and in English', async () => {
    expect((await workbook(reportQ3())).worksheets.map((ws) => ws.name)).toEqual([SUMMARY, OVERDUE, BY_UNIT]);
    const en = await workbook(reportQ3(), 'en');
    expect(en.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Overdue', 'By unit']);
    expect(rowOf(sheet(en, 'Summary'), 'Id').getCell(COL.status).value).toBe('Status');
    expect(rowOf(sheet(en, 'Summary'), '3.2.1').getCell(COL.due).numFmt).toBe('yyyy-mm-dd');
  });

  it('adds a sheet of the plan\'s notes only when asked for', async () => {
    const report = reportQ3();
    const notes = [...report.areas.flatMap((a) => [...(a.notes ?? []).map((n) => [a.id, n]), ...a.headings.flatMap((h) => (h.notes ?? []).map((n) => [h.id, n]))]), ...report.criteria.flatMap((c) => (c.notes ?? []).map((n) => [c.id, n]))];
    const plain = await workbook(report);
    const texts = allCells(plain).map((cell) => JSON.stringify(cell.value));
    for (const [, n] of notes) expect(texts.some((t) => t.includes(JSON.stringify(n).slice(1, -1))), n).toBe(false);
    const wb = await load(await formatXlsx(report, { ...options(), notes: true }));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([SUMMARY, OVERDUE, BY_UNIT, 'Ghi chú']);
    const ws = sheet(wb, 'Ghi chú');
    const rows: string[][] = [];
    for (let r = 3; r <= ws.rowCount; r++) rows.push([String(ws.getRow(r).getCell(1).value), String(ws.getRow(r).getCell(2).value)]);
    expect(rows.sort()).toEqual(notes.sort());
  });

  it('puts issuer, plan title and cut-off date above a frozen, filtered table', async () => {
    const ws = sheet(await workbook(reportQ3()), SUMMARY);
    expect(ws.getCell('A1').value).toBe('UBND xã Quang Sơn');
    expect(ws.getCell('A2').value).toBe('Kế hoạch nâng cao Chỉ số cải cách hành chính xã Quang Sơn năm 2025');
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('A2').isMerged && ws.getCell('K2').isMerged).toBe(true);
    expect(ws.getCell('A3').value).toBe('Tình hình thực hiện tính đến ngày 14/09/2025');

    const header = rowOf(ws, 'Mã');
    expect(header.values).toEqual([undefined, 'Mã', 'Tiêu chí', 'Yêu cầu', 'Chỉ tiêu', 'Thực tế', 'Tử số', 'Mẫu số', 'Hạn', 'Chủ trì', 'Trạng thái', 'Số ngày quá hạn']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number });
    expect(ws.autoFilter).toBe(`A${header.number}:K${ws.rowCount}`);
    expect(ws.getColumn(COL.title).width).toBeGreaterThan(20);
    expect(rowOf(ws, '3.2.1').getCell(COL.title).alignment.wrapText).toBe(true);
  });

  it('writes figures as numbers and deadlines as dates, with formats', async () => {
    const ws = sheet(await workbook(reportQ3()), SUMMARY);
    const row = rowOf(ws, '3.2.1');
    expect(row.getCell(COL.actual).value).toBeCloseTo(0.9944, 10);
    expect(row.getCell(COL.actual).numFmt).toBe('0.0%');
    expect(row.getCell(COL.value).value).toBe(1243);
    expect(row.getCell(COL.total).value).toBe(1250);
    expect(row.getCell(COL.value).numFmt).toBe('#,##0');
    expect(row.getCell(COL.total).numFmt).toBe('#,##0');
    expect(row.getCell(COL.due).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(COL.due).value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(row.getCell(COL.due).numFmt).toBe('dd/mm/yyyy');
    expect(rowOf(ws, '3.1.1').getCell(COL.due).value).toBe('Thường xuyên');
    // Large amounts (VND) stay exact.
    expect(rowOf(ws, '6.1.1').getCell(COL.total).value).toBe(reportQ3().criteria.find((c) => c.id === '6.1.1')!.measures[0]!.total);
  });

  it('shows more decimals where rounding would turn a missed target into a met one', async () => {
    const report = reportQ3();
    const m = report.criteria.find((c) => c.id === '3.2.1')!.measures[0]!;
    Object.assign(m, { value: 9996, total: 10000, actual: 99.96, met: false });
    const cell = rowOf(sheet(await workbook(report), SUMMARY), '3.2.1').getCell(COL.actual);
    expect(cell.value).toBeCloseTo(0.9996, 10);
    expect(cell.numFmt).toBe('0.00%');
  });

  it('gives a multi-measure criterion one row per measure under one merged id and status', async () => {
    const ws = sheet(await workbook(reportQ3()), SUMMARY);
    const row = rowOf(ws, '7.3.2');
    const next = ws.getRow(row.number + 1);
    expect([row.getCell(COL.value).value, next.getCell(COL.value).value]).toEqual([1172, 1250]);
    expect(next.getCell(COL.id).isMerged && next.getCell(COL.status).isMerged).toBe(true);
  });

  it('fills the status cell in the colour of the status, with the word in it', async () => {
    const ws = sheet(await workbook(reportYearEnd()), SUMMARY);
    const pass = rowOf(ws, '1.2').getCell(COL.status);
    const fail = rowOf(ws, '1.1').getCell(COL.status);
    expect(pass.value).toBe('Đạt');
    expect(fail.value).toBe('Không đạt');
    expect(pass.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(fail.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(pass.font.color?.argb).toBe('FF006100');
    expect(fail.font.color?.argb).toBe('FF9C0006');
    expect(rowOf(ws, '1.1').getCell(COL.daysOverdue).value).toBe(5);
  });

  it('prints on A4 landscape, one page wide, repeating the header row', async () => {
    const wb = await workbook(reportYearEnd());
    for (const name of [SUMMARY, OVERDUE, BY_UNIT]) {
      const ws = sheet(wb, name);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const ws = sheet(wb, SUMMARY);
    const header = rowOf(ws, 'Mã').number;
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0.2);
  });

  it('lists each overdue criterion on the overdue sheet', async () => {
    const report = reportYearEnd();
    const ws = sheet(await workbook(report), OVERDUE);
    const overdue = report.criteria.filter((c) => c.status === 'overdue');
    expect(overdue.length).toBe(9);
    expect(ws.rowCount - 2).toBe(overdue.length);
    expect(ws.getRow(2).getCell(1).value).toBe('Mã');
    const row = rowOf(ws, '8.1.5');
    expect(row.getCell(4).value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(row.getCell(5).value).toBe(5);
    expect(row.getCell(6).value).toBe('Phòng Kinh tế');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const q3 = sheet(await workbook(reportQ3()), OVERDUE);
    expect(q3.rowCount - 2).toBe(0);
    expect(q3.getCell('A1').value).toBe('Không có tiêu chí quá hạn.');
  });

  it('counts criteria by lead unit and status, adding up to the summary', async () => {
    for (const report of [reportQ3(), reportYearEnd()]) {
      const ws = sheet(await workbook(report), BY_UNIT);
      expect(ws.getRow(2).values).toEqual([undefined, 'Đơn vị chủ trì', ...STATUSES.map((s) => STATUS_LABEL.vi[s]), 'Tổng']);
      const units = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getRow(3 + i));
      const leads = new Set(report.criteria.map((c) => c.lead.id));
      expect(units.length).toBe(leads.size);
      const column = (i: number) => units.reduce((sum, row) => sum + (row.getCell(i).value as number), 0);
      STATUSES.forEach((s, i) => expect(column(i + 2)).toBe(report.summary[s]));
      expect(column(STATUSES.length + 2)).toBe(report.summary.total);
      const totals = ws.getRow(ws.rowCount);
      expect(totals.getCell(1).value).toBe('Tổng');
      expect(totals.getCell(STATUSES.length + 2).value).toBe(report.summary.total);
      const ttphcc = rowOf(ws, 'Trung tâm Phục vụ hành chính công');
      expect(ttphcc.getCell(STATUSES.length + 2).value).toBe(report.criteria.filter((c) => c.lead.id === 'ttphcc').length);
    }
  });

  it('stores hostile text verbatim as strings, never as formulas or links', async () => {
    const report = reportHostile();
    const wb = await workbook(report);
    const cells = allCells(wb);
    for (const cell of cells) {
      expect(cell.formula, cell.address).toBeUndefined();
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Hyperlink);
      expect(cell.hyperlink, cell.address).toBeUndefined();
    }
    // An XML reader turns CR LF into LF, so the workbook stores line breaks as LF.
    const lf = (s: string) => s.replace(/\r\n?/gu, '\n');
    const strings = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value as string);
    for (const text of HOSTILE) expect(strings.some((s) => s.includes(lf(text))), text).toBe(true);

    const ws = sheet(wb, SUMMARY);
    expect(ws.getCell('A2').value).toBe(lf(report.plan.title));
    for (const c of report.criteria) {
      const title = rowOf(ws, c.id).getCell(COL.title);
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.value).toBe(lf(c.title));
    }
    const formulaLike = rowOf(ws, report.criteria.find((c) => c.title.startsWith('=HYPERLINK'))!.id).getCell(COL.title);
    expect(formulaLike.value).toMatch(/^=HYPERLINK\("http:\/\/evil\.example","bấm vào"\) /u);
  });

  it('sets fixed workbook properties: from asOf, or from --stamp', async () => {
    const wb = await workbook(reportQ3());
    expect(wb.creator).toBe('cchc');
    for (const date of [wb.created, wb.modified, wb.lastPrinted]) expect(date).toEqual(new Date('2025-09-14T00:00:00Z'));
    const stamped = await load(await formatXlsx(reportQ3(), options('vi', '2025-09-20T08:30:00+07:00')));
    expect(stamped.modified).toEqual(new Date('2025-09-20T01:30:00Z'));
  });

  it('gives byte-identical files whatever the clock and the time zone', async () => {
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T03:04:05Z'));
      process.env.TZ = 'Pacific/Kiritimati';
      const first = await formatXlsx(reportYearEnd(), options());
      vi.setSystemTime(new Date('2031-07-15T22:59:59Z'));
      process.env.TZ = 'America/Los_Angeles';
      const second = await formatXlsx(reportYearEnd(), options());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  // LibreOffice is optional: where it is installed, the workbook must convert to a PDF. Elsewhere
  // (most developer machines and CI images) this test is skipped.
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('converts to PDF with LibreOffice', { timeout: 150_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-'));
    try {
      const file = join(dir, 'q3.xlsx');
      writeFileSync(file, await formatXlsx(reportQ3(), options()));
      // A profile of its own, so a LibreOffice the user has open does not take over the conversion.
      const result = spawnSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000, encoding: 'utf8' });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(statSync(join(dir, 'q3.pdf')).size).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
