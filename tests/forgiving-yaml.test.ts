/**
 * YAML that forgives what people type (issue 16): Vietnamese number writing is read with a
 * warning showing the number read, or refused with the exact text to write; a bare number where a
 * text belongs is that text; reports after the evaluation date and reports outside the plan year
 * are announced. Each case failed before (a bare type error, a misleading message, or silence).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFigure } from '../src/validate/forgive.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-forgive-'));
  cpSync(join(root, 'plans'), join(dir, 'plans'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

/** A Phòng Kinh tế report whose 6.1.1 disbursement is written `figure` (and period `period`). */
function report(name: string, figure: string, { period = 'Quý III/2025', asOf = '2025-09-14' } = {}): string {
  const file = join('progress', name, 'kt.yaml');
  mkdirSync(join(dir, 'progress', name), { recursive: true });
  writeFileSync(join(dir, file), ['schema: cchc/progress@1', 'plan: quang-son-2025', 'planRevision: 1', 'unit: kt', `period: ${period}`, `asOf: ${asOf}`, 'criteria:', '  "6.1.1":', `    disbursement: ${figure}`, ''].join('\n'));
  return file;
}

const disbursement = (file: string) => {
  const r = cchc('check', 'plans', file, '--as-of', '2025-09-14', '--format', 'json');
  const c = JSON.parse(r.stdout).criteria.find((x: { id: string }) => x.id === '6.1.1');
  return { status: r.status, stderr: r.stderr, measure: c.measures[0] as { value: number; total: number } };
};

describe('numbers written the Vietnamese way', () => {
  it('reads thousands dots, with a warning showing the number read; the result is that of plain digits', () => {
    const dotted = disbursement(report('dots', '{ value: 11.500.000.000, total: 12.800.000.000 }'));
    const plain = disbursement(report('plain', '{ value: 11500000000, total: 12800000000 }'));
    expect(dotted.measure).toMatchObject({ value: 11500000000, total: 12800000000 });
    expect(dotted.measure).toEqual(plain.measure);
    expect(dotted.stderr).toContain('cảnh báo: Đã đọc “11.500.000.000” là 11500000000 (dấu chấm phân cách hàng nghìn)');
    expect(dotted.stderr).toContain('[figure-read]');
    expect(plain.stderr).toBe('');
  });

  it('reads "11,5 tỷ", "250 triệu" and "… đồng" in a block, with a warning', () => {
    const r = disbursement(report('ty', '\n      value: 11,5 tỷ\n      total: 12800 triệu đồng'));
    expect(r.measure).toMatchObject({ value: 11500000000, total: 12800000000 });
    expect(r.stderr).toContain('Đã đọc “11,5 tỷ” là 11500000000');
    expect(r.stderr).toContain('Đã đọc “12800 triệu đồng” là 12800000000');
  });

  it('refuses "11,5 tỷ" inside braces, showing the exact text to write', () => {
    const r = cchc('validate', 'plans', report('ty-braces', '{ value: 11,5 tỷ, total: 12,8 tỷ }'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('progress/ty-braces/kt.yaml:9:19: lỗi: “value: 11,5 tỷ, total: 12,8 tỷ”: trong dấu { } dấu phẩy ngăn cách các trường');
    expect(r.stderr).toContain('Viết số không có dấu phẩy: { value: 11500000000, total: 12800000000 }. [comma-in-braces]');
    expect(r.stderr).not.toMatch(/Trường “5 tỷ”|unknown-field/u);
  });

  it('says to put a space after each colon in {value:9,total:9}', () => {
    const r = cchc('validate', 'plans', report('colon', '{value:9,total:9}'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('thiếu dấu cách sau dấu hai chấm');
    expect(r.stderr).toContain('Viết { value: 9, total: 9 } (mỗi dấu hai chấm có một dấu cách theo sau). [colon-needs-space]');
    expect(r.stderr).not.toContain('chưa được điền');
  });

  it('still flags 1.250, which YAML reads as 1.25', () => {
    const r = cchc('validate', 'plans', report('one-dot', '{ value: 1.250, total: 2000 }'));
    expect(r.stderr).toContain('Số “1.250” được đọc là 1,25');
  });

  it.each([
    ['11.500.000.000', 'ratio', 11500000000],
    ['1.250.000', 'count', 1250000],
    ['1.250,5', 'ratio', 1250.5],
    ['11,5 tỷ', 'ratio', 11500000000],
    ['250 triệu', 'count', 250000000],
    ['3 nghìn', 'count', 3000],
    ['11500000000 đồng', 'ratio', 11500000000],
    ['95%', 'percent', 95],
    ['99,5 %', 'percent', 99.5],
    ['95%', 'ratio', undefined],
    ['95%', 'count', undefined],
    ['mười', 'count', undefined],
    ['1,5', 'count', undefined],
  ] as const)('readFigure(%s, %s) = %s', (written, kind, value) => {
    expect(readFigure(written, kind)?.value).toBe(value);
  });
});

describe('texts and dates', () => {
  it('takes a bare number as the text of a label (period: 2025)', () => {
    const r = cchc('validate', 'plans', report('year-label', '{ value: 1, total: 2 }', { period: '2025' }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('warns of a report outside the plan year', () => {
    const r = cchc('validate', 'plans', report('next-year', '{ value: 1, total: 2 }', { period: 'Quý I/2026', asOf: '2026-03-14' }));
    expect(r.stderr).toContain('progress/next-year/kt.yaml:5:9: cảnh báo: Kỳ báo cáo “Quý I/2026” không thuộc năm 2025 của kế hoạch quang-son-2025.');
    expect(r.stderr).toContain('[period-outside-plan-year]');
    expect(r.stderr).toContain('Ngày chốt số liệu 14/03/2026 không thuộc năm 2025 của kế hoạch quang-son-2025');
  });

  it('accepts the year window from 15/12 of the year before', () => {
    const r = cchc('validate', 'plans', report('window', '{ value: 1, total: 2 }', { period: 'Quý I', asOf: '2024-12-15' }));
    expect(r.stderr).not.toContain('as-of-outside-plan-year');
  });

  it('announces reports after the evaluation date, with the --as-of to see them', () => {
    const q3 = report('q3', '{ value: 1, total: 2 }');
    const q4 = report('q4', '{ value: 2, total: 2 }', { period: 'Quý IV/2025', asOf: '2025-12-14' });
    const vi = cchc('check', 'plans', q3, q4, '--as-of', '14/09/2025');
    expect(vi.stderr).toContain('cchc: 1 báo cáo sau ngày 14/09/2025 không được tính; dùng --as-of 14/12/2025 để xem.');
    const en = cchc('check', 'plans', q3, q4, '--as-of', '14/09/2025', '--lang', 'en');
    expect(en.stderr).toContain('1 report(s) dated after 2025-09-14 are not counted; use --as-of 2025-12-14 to see them.');
    expect(cchc('check', 'plans', q3, q4, '--as-of', '14/12/2025').stderr).not.toContain('không được tính');
  });

  it('names the configuration when it pins the evaluation date', () => {
    writeFileSync(join(dir, 'cchc.config.yaml'), 'plans: [plans]\nprogress: [progress/q3, progress/q4]\nasOf: 2025-09-14\n');
    const r = cchc('check');
    rmSync(join(dir, 'cchc.config.yaml'));
    expect(r.stderr).toContain('(ngày đánh giá asOf lấy từ cchc.config.yaml)');
  });
});
