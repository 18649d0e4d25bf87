import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, formatCsv, readAsFormula } from '../../src/format/csv.js';
import type { Lang, Report } from '../../src/types.js';
import { HOSTILE, reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const options = (lang: Lang, stamp?: string) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120, ...(stamp ? { stamp } : {}) });

/** A strict RFC 4180 reader (with `;` for Vietnamese): CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (text[i] === '"') { i++; break; } else cell += text[i];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === separator) { i++; continue; }
    if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; continue; }
    throw new Error(`expected ${separator} or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const rowCount = (report: Report) => report.criteria.reduce((n, c) => n + Math.max(1, c.measures.length), 0);

describe('formatCsv', () => {
  it('renders the Q3 and year-end reports (golden, vi and en)', async () => {
    await expect(formatCsv(reportQ3(), options('vi'))).toMatchFileSnapshot('__golden__/csv-q3.vi.csv');
    await expect(formatCsv(reportYearEnd(), options('vi'))).toMatchFileSnapshot('__golden__/csv-year-end.vi.csv');
    await expect(formatCsv(reportYearEnd(), options('en'))).toMatchFileSnapshot('__golden__/csv-year-end.en.csv');
  });

  it('has one row per criterion and measure, all as wide as the header, with no BOM', () => {
    const report = reportYearEnd();
    const out = formatCsv(report, options('vi'));
    expect(out.startsWith(CSV_BOM)).toBe(false);
    const [header, ...rows] = parseCsv(out, ';');
    expect(header).toContain('Mã tiêu chí');
    expect(rows).toHaveLength(rowCount(report));
    for (const r of rows) expect(r).toHaveLength(header!.length);
    // 7.3.2 has two measures; a task has one row with empty measure columns.
    const col = (name: string) => header!.indexOf(name);
    expect(rows.filter((r) => r[col('Mã tiêu chí')] === '7.3.2').map((r) => r[col('Mã chỉ tiêu')])).toEqual(['digitized', 'e_results']);
    const task = rows.find((r) => r[col('Mã tiêu chí')] === '2.1.2')!;
    expect(task[col('Mã chỉ tiêu')]).toBe('');
    expect(task[col('Tiến độ nhiệm vụ')]).toBe('Chưa bắt đầu');
    expect(task[col('Trạng thái')]).toBe('Quá hạn');
    const disbursement = rows.find((r) => r[col('Mã chỉ tiêu')] === 'disbursement')!;
    // A decimal comma, as Excel reads numbers on a PC set to Vietnamese.
    expect([disbursement[col('Thực tế')], disbursement[col('Tử số / giá trị')], disbursement[col('Mẫu số')]]).toEqual(['61,33', '7850000000', '12800000000']);
  });

  it('adds a stamp column only when asked', () => {
    expect(formatCsv(reportQ3(), options('en'))).not.toContain('Generated at');
    const [header, first] = parseCsv(formatCsv(reportQ3(), options('en', '2025-09-20T08:00:00+07:00')));
    expect(header!.at(-1)).toBe('Generated at');
    expect(first!.at(-1)).toBe('2025-09-20T08:00:00+07:00');
  });

  it('quotes and neutralises hostile text so that it survives a round trip and never runs as a formula', () => {
    const report = reportHostile();
    for (const [lang, separator] of [['vi', ';'], ['en', ',']] as const) {
      const [header, ...rows] = parseCsv(formatCsv(report, options(lang)), separator);
      expect(rows).toHaveLength(rowCount(report));
      // No cell a spreadsheet would read as a formula: each one that could be starts with '.
      for (const cell of [...header!, ...rows.flat()]) expect(readAsFormula(cell), JSON.stringify(cell)).toBe(false);
      // Every hostile string comes back whole, with ' in front only when it would start a formula.
      const titles = rows.map((r) => r[header!.indexOf(lang === 'vi' ? 'Tiêu chí' : 'Criterion')]);
      for (const c of report.criteria) expect(titles).toContain(readAsFormula(c.title) ? `'${c.title}` : c.title);
      for (const h of HOSTILE) expect(rows.flat().some((cell) => cell.includes(h))).toBe(true);
    }
  });
});
