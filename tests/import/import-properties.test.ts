/**
 * Property tests of plan import: whatever bytes or table it is given, it either writes a plan that
 * cchc loads with no error, or refuses with a known message (never crashes, never writes a plan
 * that cchc would reject).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { importPlan } from '../../src/import/import-plan.js';
import { writePlan } from '../../src/import/write-plan.js';
import { discover } from '../../src/load/discover.js';
import { loadInputs } from '../../src/load/load-inputs.js';
import { IMPORT_MESSAGES, REVIEW_MESSAGES } from '../../src/messages/import.js';

const dir = mkdtempSync(join(tmpdir(), 'cchc-import-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Imports, and if a plan comes out, checks that cchc loads it with no error. */
async function importAndLoad(bytes: Uint8Array): Promise<'plan' | 'refused'> {
  let text: string;
  try {
    const draft = await importPlan(bytes, 'input');
    text = writePlan(draft, { lang: 'vi', schemaPath: '../schemas/plan.schema.json', say: (r, lang) => REVIEW_MESSAGES[r.code]![lang](r.args) }).text;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect(Object.keys(IMPORT_MESSAGES)).toContain((error as UsageError).code);
    return 'refused';
  }
  const file = join(dir, `plan-${n++}.yaml`);
  writeFileSync(file, text);
  const found = discover([file], dir);
  const inputs = loadInputs(found.files);
  const errors = [...found.diagnostics, ...inputs.diagnostics].filter((d) => d.severity === 'error');
  expect(errors, text).toEqual([]);
  expect(inputs.plans.size).toBe(1);
  return 'plan';
}

const HEADERS = ['STT', 'Lĩnh vực, tiêu chí', 'Nhiệm vụ, giải pháp', 'Yêu cầu', 'Chỉ tiêu', 'Thời gian hoàn thành', 'Thời hạn', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Ghi chú', 'Phân công nhiệm vụ'];
const CELLS = [
  '', '1', '1.1', '1.1.1', '2', '2.1', '3.2.1', 'I', 'II', 'IV', '-', 'a)', '(1)', '<b>III</b>', '**CẢI CÁCH**',
  'Hoàn thành 100% Kế hoạch', 'tối thiểu 90% trở lên', 'trên 85 %', 'không có cán bộ bị kỷ luật', 'ít nhất 02 cuộc', '100% UBND có tỷ lệ đạt từ 90% trở lên',
  'Trong năm 2026', 'Quý II/2026', 'Thường xuyên', 'Tháng 13/2026', '31/02/2026', 'Hằng quý', '6 tháng đầu năm',
  'Phòng Kinh tế', 'Phòng VH-XH, các đơn vị sự nghiệp', 'Văn phòng HĐND và UBND xã', 'Các cơ quan chuyên môn', 'Trung tâm Phục vụ HCC; Các cơ quan chuyên môn',
  'Phòng Kinh tế, Phòng Văn hóa - Xã hội', 'note: "x"', '# y', '- z', '{a: 1}', '"quoted"', "it's", 'key: value', 'true', '2026-01-01', '0x1F', '…',
];

const cellArb = fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 12 }));
const tableArb = fc.record({
  header: fc.shuffledSubarray(HEADERS, { minLength: 1 }),
  rows: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 8 }), { maxLength: 25 }),
  before: fc.array(fc.constantFrom('KẾ HOẠCH', 'Nâng cao Chỉ số CCHC xã Tân Lập năm 2026', 'PHỤ LỤC', '(Kèm theo Kế hoạch số 06/KH-UBND)', 'văn bản'), { maxLength: 3 }),
});

describe('plan import never crashes and never writes a plan cchc rejects', () => {
  it('on tables copied out of Word', async () => {
    let plans = 0;
    await fc.assert(fc.asyncProperty(tableArb, async ({ header, rows, before }) => {
      const text = [...before, header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
      if ((await importAndLoad(Buffer.from(text, 'utf8'))) === 'plan') plans++;
    }), { numRuns: 300 });
    // The generator must reach the interesting part: some inputs make a plan.
    expect(plans).toBeGreaterThan(20);
  }, 120_000);

  it('on any bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      await importAndLoad(bytes);
    }), { numRuns: 300 });
  }, 60_000);

  it('on damaged Word files', async () => {
    const { readFileSync } = await import('node:fs');
    const docx = readFileSync(join(import.meta.dirname ?? __dirname, '../../fixtures/import/quang-son-2025-phu-luc.docx'));
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: docx.length - 1 }), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
      const copy = Buffer.from(docx);
      copy[at] = byte;
      await importAndLoad(copy);
    }), { numRuns: 150 });
  }, 60_000);
});
