/**
 * The CSV opened by a real spreadsheet: LibreOffice Calc (`soffice`, skipped where it is not
 * installed) reads the Vietnamese CSV as a PC set to Vietnamese would (`;` between fields, the
 * vi-VN locale: decimal comma) and the English one as en-US, with formulas evaluated, and saves
 * each as .xlsx for exceljs to read back: every row splits into the header's columns, figures are
 * numbers, no cell holds a formula, and only the guarded cells begin with '.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk } from 'chalk';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, formatCsv } from '../../src/format/csv.js';
import type { Lang, Report } from '../../src/types.js';
import { reportHostile, reportQ3 } from './fixtures.js';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const options = (lang: Lang) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120 });

/** LibreOffice's CSV filter: separator, text delimiter ", UTF-8, from line 1, locale, …, evaluate formulas. */
const FILTER: Record<Lang, string> = { vi: 'CSV:59,34,76,1,,1066,false,true,false,false,false,false,true', en: 'CSV:44,34,76,1,,1033,false,true,false,false,false,false,true' };

let dir: string;
const sheets = new Map<string, ExcelJS.Worksheet>();
const CASES: [string, () => Report, Lang][] = [['q3-vi', reportQ3, 'vi'], ['q3-en', reportQ3, 'en'], ['hostile-vi', reportHostile, 'vi'], ['hostile-en', reportHostile, 'en']];

beforeAll(async () => {
  if (!hasSoffice) return;
  dir = mkdtempSync(join(tmpdir(), 'cchc-csv-calc-'));
  for (const lang of ['vi', 'en'] as const) {
    const files = CASES.filter((c) => c[2] === lang).map(([name, report]) => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, CSV_BOM + formatCsv(report(), options(lang)));
      return file;
    });
    // A profile of its own: another LibreOffice running on the machine is left alone.
    const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', `--infilter=${FILTER[lang]}`,
      '--convert-to', 'xlsx', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
  }
  for (const [name] of CASES) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, `${name}.xlsx`));
    sheets.set(name, book.worksheets[0]!);
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each row's cells as exceljs reads them, columns 1 to the last that holds anything. */
function rows(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const out: ExcelJS.Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c));
    out.push(cells);
  });
  return out;
}

describe.skipIf(!hasSoffice)('the CSV in LibreOffice Calc', () => {
  it.each(CASES.map(([name, report]) => [name, report] as const))('%s: every row splits into the header\'s columns', (name, report) => {
    const [header, ...data] = rows(sheets.get(name)!);
    expect(header!.length).toBe(28);
    expect(data).toHaveLength(report().criteria.reduce((n, c) => n + Math.max(1, c.measures.length), 0));
    // Nothing split too far, nor too little: the plan id first, the status code in its column.
    for (const row of data) {
      expect(row.length).toBeLessThanOrEqual(28);
      expect(row[0]!.value).toBe('quang-son-2025');
      expect(['pass', 'fail', 'overdue', 'at-risk', 'pending', 'no-data']).toContain(row[24]!.value);
    }
  });

  it.each(['q3-vi', 'q3-en'])('%s: figures are numbers, decimals included; ids stay text in Vietnamese', (name) => {
    const [header, ...data] = rows(sheets.get(name)!);
    const col = (label: string) => header!.findIndex((c) => c.value === label);
    const vi = name.endsWith('-vi');
    const disbursement = data.find((r) => r[col(vi ? 'Mã chỉ tiêu' : 'Measure id')]!.value === 'disbursement')!;
    expect([vi ? 'Thực tế' : 'Actual', vi ? 'Tử số / giá trị' : 'Value', vi ? 'Mẫu số' : 'Total'].map((l) => disbursement[col(l)]!.value)).toEqual([61.33, 7850000000, 12800000000]);
    for (const row of data) {
      const actual = row[col(vi ? 'Thực tế' : 'Actual')]!;
      if (actual.value !== null) expect(actual.type, String(actual.value)).toBe(ExcelJS.ValueType.Number);
    }
    // In vi-VN "1.1" is no number (the dot groups thousands) and stays the criterion id.
    if (vi) expect(data[0]![col('Mã tiêu chí')]!.value).toBe('1.1');
  });

  it.each(CASES.map(([name, report, lang]) => [name, report, lang] as const))('%s: no formula; a leading \' only on the cells that would be one', (name, report, lang) => {
    const cells = rows(sheets.get(name)!).flat();
    for (const cell of cells) expect(cell.type, JSON.stringify(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
    const texts = new Set(cells.map((c) => (typeof c.value === 'string' ? c.value : '')));
    const r = report();
    // The target op "=" of 5.2 shows as "=", nothing before it.
    expect(texts.has('=')).toBe(true);
    expect(texts.has("'=")).toBe(false);
    // Every title is in a cell as written, with ' before it only when it would start a formula.
    for (const c of r.criteria) {
      const guarded = /^\s*[=+\-@]/u.test(c.title) && !/^[\s=+\-@]*$/u.test(c.title);
      expect(texts.has(guarded ? `'${c.title.replace(/\r\n/gu, '\n')}` : c.title.replace(/\r\n/gu, '\n')), `${lang}: ${JSON.stringify(c.title)}`).toBe(true);
    }
  });
});
