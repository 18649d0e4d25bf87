// Loaded only when a workbook is asked for (exceljs is large); a static import, as in ../xlsx.ts.
import ExcelJS from 'exceljs';
import { STATUSES } from '../../types.js';
import type { FormatOptions } from '../format-options.js';
import { fixedDate, stampZipEntries } from '../zip-stamp.js';
import { notPassing, type Rollup } from './model.js';
import { overdueText, statusHeads, summaryLine, title, word } from './words.js';

type Value = string | number | null;

/** A sheet: a title row, a bold frozen header with an autofilter, then the rows; data never read as a formula. */
function sheet(wb: ExcelJS.Workbook, name: string, heading: string, head: string[], widths: number[], rows: Value[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = widths.map((width) => ({ width }));
  ws.getCell(1, 1).value = heading;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  head.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  rows.forEach((row, r) => row.forEach((value, c) => {
    // A string is stored as a shared string by exceljs, never as a formula, whatever it starts with.
    if (value !== null) ws.getCell(r + 3, c + 1).value = value;
  }));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: head.length } };
}

/** The province's view as a workbook (issue 18): a sheet per view — communes, criteria, overdue. */
export async function formatRollupXlsx(r: Rollup, options: FormatOptions): Promise<Uint8Array> {
  const { lang } = options;
  const wb = new ExcelJS.Workbook();
  const when = fixedDate(r, options);
  Object.assign(wb, { creator: 'cchc', lastModifiedBy: 'cchc', created: when, modified: when, lastPrinted: when, title: title(r, lang) });
  const statuses = statusHeads(lang);
  sheet(wb, word(lang, 'sheetCommunes'), `${title(r, lang)}. ${summaryLine(r, lang)}`,
    [word(lang, 'plan'), word(lang, 'name'), ...statuses, word(lang, 'forecastMiss'), word(lang, 'total')],
    [22, 30, ...statuses.map(() => 11), 12, 8],
    r.communes.map((c) => [c.id, c.name, ...STATUSES.map((s) => c.counts[s]), c.forecastMiss, c.total]));
  sheet(wb, word(lang, 'sheetCriteria'), title(r, lang),
    [word(lang, 'id'), word(lang, 'criterion'), word(lang, 'communeCount'), word(lang, 'notPassing'), ...statuses, word(lang, 'forecastMiss')],
    [8, 60, 8, 12, ...statuses.map(() => 11), 12],
    r.criteria.map((c) => [c.id, c.title, c.communes, notPassing(c.counts), ...STATUSES.map((s) => c.counts[s]), c.forecastMiss]));
  sheet(wb, word(lang, 'sheetOverdue'), word(lang, 'overdue'),
    [word(lang, 'plan'), word(lang, 'name'), word(lang, 'overdueList')],
    [22, 30, 80],
    r.communes.filter((c) => c.overdue.length > 0).map((c) => [c.id, c.name, overdueText(c.overdue, lang)]));
  return stampZipEntries(new Uint8Array(await wb.xlsx.writeBuffer()), when);
}
