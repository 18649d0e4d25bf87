/**
 * The CSV as Excel reads it on a PC set to Vietnamese (list separator `;`, decimal comma), and the
 * formula guard: a leading ' only where a spreadsheet would read a formula, never before "-", the
 * target op "=" or a negative number.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatCsv, readAsFormula } from '../../src/format/csv.js';
import type { Lang } from '../../src/types.js';
import { reportQ3 } from './fixtures.js';

const options = (lang: Lang) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120 });
const line = (csv: string, start: string) => csv.split('\r\n').find((l) => l.startsWith(start))!;

describe('the CSV dialect', () => {
  it('Vietnamese: fields separated by ;, a decimal comma; English: , and a decimal point', () => {
    const vi = formatCsv(reportQ3(), options('vi'));
    expect(vi.slice(0, vi.indexOf('\r\n'))).toMatch(/^Mã kế hoạch;Tính đến ngày;Mã lĩnh vực;/u);
    // 6.1.1 disbursement: 61.33% of 12.8 billion.
    expect(line(vi, 'quang-son-2025;2025-09-14;VI;6.1;6.1.1;')).toContain(';>=;90;%;61,33;7850000000;12800000000;false;');
    const en = formatCsv(reportQ3(), options('en'));
    expect(en.slice(0, en.indexOf('\r\n'))).toMatch(/^Plan id,As of,Area id,/u);
    expect(line(en, 'quang-son-2025,2025-09-14,VI,6.1,6.1.1,')).toContain(',>=,90,%,61.33,7850000000,12800000000,false,');
  });

  it('quotes a field holding the separator, not one holding the other language\'s', () => {
    const vi = formatCsv(reportQ3(), options('vi'));
    // A title with commas needs no quotes between semicolons…
    expect(line(vi, 'quang-son-2025;2025-09-14;V;;5.2;')).toContain(';Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức;');
    const report = reportQ3();
    report.criteria[0]!.title = 'Rà soát; công bố';
    expect(formatCsv(report, options('vi'))).toContain(';"Rà soát; công bố";');
    expect(formatCsv(report, options('en'))).toContain(',Rà soát; công bố,');
  });

  it('the target op "=" of a count (5.2) has no apostrophe; a requirement written as a list item keeps one', () => {
    for (const [lang, sep] of [['vi', ';'], ['en', ',']] as const) {
      const csv = formatCsv(reportQ3(), options(lang));
      expect(line(csv, `quang-son-2025${sep}2025-09-14${sep}V${sep}${sep}5.2${sep}`)).toContain(`${sep}count${sep}${sep}=${sep}0${sep}`);
      // "- Tỷ lệ số hoá …": Excel would take it for a formula (=- Tỷ …) and show #NAME?. (It holds
      // commas: quoted in English.)
      expect(csv).toContain(`7.3.2${sep}Triển khai số hoá hồ sơ giải quyết TTHC${sep}${lang === 'en' ? '"' : ''}'- Tỷ lệ số hoá hồ sơ`);
    }
  });
});

describe('readAsFormula', () => {
  it.each([
    '-', '=', '+', '@', '- ', '--', ' = ', '', '>=', '-5', '+5', '-61,33', '-61.33', '-1.5e3', '1.250.000', '-12%', '+84',
    'Hoàn thành 100%', '\tbắt đầu bằng tab', 'a=b', "'=1+1",
  ])('%j is text', (text) => {
    expect(readAsFormula(text)).toBe(false);
  });

  it.each([
    '=HYPERLINK("http://evil.example","bấm vào")', '=0', '-2+3', '+1+1', '@SUM(A1:A9)', '-abc', '- Tỷ lệ', '+84 912 345 678',
    '\t=1+1', ' =1+1', '\r\n@x', "-cmd|' /C calc'!A0",
  ])('%j would be read as a formula', (text) => {
    expect(readAsFormula(text)).toBe(true);
  });
});
