/**
 * Inputs a review of plan import found to crash it, exhaust memory, write a plan cchc rejects, or
 * misread a Vietnamese phrase; each is kept here so that it stays fixed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPlan } from '../../src/import/import-plan.js';
import { writePlan } from '../../src/import/write-plan.js';
import { discover } from '../../src/load/discover.js';
import { loadInputs } from '../../src/load/load-inputs.js';
import { REVIEW_MESSAGES } from '../../src/messages/import.js';
import { zip } from './make-files.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'cchc-import-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'STT\tNhiệm vụ, giải pháp\tYêu cầu\tThời gian\tChủ trì\tPhối hợp';
const table = (...rows: string[]) => ['Kế hoạch CCHC xã Tân Lập năm 2026', HEADER, 'I\tCÔNG TÁC\t\t\t\t', ...rows].join('\n');

/** Imports, writes, and loads the plan as cchc would; returns the written text and the errors of loading it. */
async function roundTrip(text: string) {
  const draft = await importPlan(Buffer.from(text, 'utf8'), 'input.txt');
  const written = writePlan(draft, { lang: 'vi', schemaPath: '../schemas/plan.schema.json', say: (r, lang) => REVIEW_MESSAGES[r.code]![lang](r.args) });
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, written.text);
  const found = discover([file], dir);
  const errors = [...found.diagnostics, ...loadInputs(found.files).diagnostics].filter((d) => d.severity === 'error');
  return { written, plan: parse(written.text), errors };
}

describe('plans cchc accepts', () => {
  it('with control characters in cells', async () => {
    const r = await roundTrip(table('1\tViệc a\u007fb\tHoàn thành\tQuý II\u0001\tPhòng Kinh tế\t'));
    expect(r.errors).toEqual([]);
    expect(r.plan.areas[0].criteria[0].title).toBe('Việc ab');
  });

  it('with the same two units named as a lead in several ways', async () => {
    const r = await roundTrip(table(
      '1\tViệc một\tHoàn thành\tTrong năm 2026\tUBND xã, HĐND xã\t',
      '2\tViệc hai\tHoàn thành\tTrong năm 2026\tUBND xã; HĐND xã\t',
      '3\tViệc ba\tHoàn thành\tTrong năm 2026\tUBND xã; HĐND xã; Công an xã\t',
    ));
    expect(r.errors).toEqual([]);
  });

  it('with a percentage over 100 or a change, left for the reviewer, not made a target', async () => {
    const r = await roundTrip(table(
      '1\tThu ngân sách\tThu ngân sách đạt 110% dự toán\tTrong năm 2026\tPhòng Kinh tế\t',
      '2\tGiảm hồ sơ trễ\tGiảm ít nhất 10% số hồ sơ trễ hạn so với năm 2025\tTrong năm 2026\tPhòng Kinh tế\t',
    ));
    expect(r.errors).toEqual([]);
    expect(r.plan.areas[0].criteria.map((c: { measures?: unknown }) => c.measures)).toEqual([undefined, undefined]);
    expect(r.written.text).toMatch(/KIỂM TRA: “Thu ngân sách đạt 110%” là mức tăng, giảm hoặc vượt 100%/u);
  });

  it('with a year in the title the schema cannot hold (a typo): the deadlines give the year', async () => {
    const r = await roundTrip(['Kế hoạch CCHC xã Tân Lập năm 2206', HEADER, '1\tViệc\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t'].join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.plan.year).toBe(2026);
  });
});

describe('what the reviewer reads', () => {
  it('numbers each review on stderr as the line it is on, after a text of several lines', async () => {
    const r = await roundTrip(table('1\t"Việc một\ncó hai dòng"\t80% hồ sơ\tQuý II/2026\tPhòng Kinh tế\t'));
    const lines = r.written.text.split('\n');
    expect(r.written.reviews.length).toBeGreaterThan(3);
    for (const review of r.written.reviews) expect(lines[review.line - 1]).toContain(review.message);
  });

  it('keeps a quote that does not end its cell as text, and loses no row', async () => {
    const r = await roundTrip(table(
      '1\t"Dân vận khéo" trong CCHC\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t',
      '2\tViệc hai\t"Một cửa" điện tử\tTrong năm 2026\tPhòng Kinh tế\t',
      '3\tViệc ba\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t',
    ));
    const criteria = r.plan.areas[0].criteria;
    expect(criteria.map((c: { id: string }) => c.id)).toEqual(['1', '2', '3']);
    expect(criteria[0].title).toBe('"Dân vận khéo" trong CCHC');
    expect(criteria[1].requirement).toBe('"Một cửa" điện tử');
  });

  it('keeps "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" one unit, and splits acronyms at commas', async () => {
    const r = await roundTrip(table(
      '1\tViệc một\tHoàn thành\tTrong năm 2026\tVăn phòng Hội đồng nhân dân và Ủy ban nhân dân xã\tPhòng Kinh tế, UBND xã, MTTQ xã',
      '2\tViệc hai\tHoàn thành\tTrong năm 2026\tVăn phòng HĐND và UBND xã\tBCH Quân sự xã, Đoàn TN',
    ));
    const names = r.plan.units.map((u: { name: string }) => u.name);
    expect(names).toEqual(['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', 'Phòng Kinh tế', 'UBND xã', 'MTTQ xã', 'BCH Quân sự xã', 'Đoàn TN']);
  });

  it('reads lettered items as items, not as areas', async () => {
    const r = await roundTrip(table('1\tViệc một\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t', 'i)\tViệc i\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t', '2\tViệc hai\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t'));
    expect(r.plan.areas).toHaveLength(1);
    expect(r.plan.areas[0].criteria.map((c: { id: string }) => c.id)).toEqual(['1', '3', '2']);
  });
});

describe('bounded time and memory', () => {
  const cli = (file: string) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), 'plan', 'import', file], { cwd: dir, encoding: 'utf8', timeout: 30_000 });

  it('refuses a table of tens of thousands of rows, quickly', () => {
    writeFileSync(join(dir, 'dai.txt'), table(...Array.from({ length: 25_000 }, (_, i) => `${i + 1}\tViệc ${i}\tHoàn thành\tTrong năm 2026\tPhòng Kinh tế\t`)));
    const r = cli('dai.txt');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/quá nhiều cho một Phụ lục/u);
  });

  it('refuses a sheet whose merged range covers a million rows, before exceljs lays it out', () => {
    const sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells></worksheet>';
    writeFileSync(join(dir, 'gop.xlsx'), zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]));
    const r = cli('gop.xlsx');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/quá nhiều cho một Phụ lục/u);
  });
});
