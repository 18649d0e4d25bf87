/**
 * plans/quang-son-2025.yaml against the seed it was copied from: the appendix ("PHỤ LỤC") of
 * Kế hoạch nâng cao Chỉ số CCHC xã Quang Sơn năm 2025 (../shared/seeds/000_820b8b120fa1ae73.txt).
 * The tables below were typed by reading the appendix, row by row, not generated from the plan.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import { discover } from '../src/load/discover.js';
import { loadInputs } from '../src/load/load-inputs.js';
import type { Criterion, Plan } from '../src/types.js';
import { resolveUnit } from '../src/validate/resolve-unit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_FILE = 'plans/quang-son-2025.yaml';

/** "Thời gian chậm nhất phải hoàn thành" as written in the appendix. */
const IN_DAY = 'Trong ngày 31/12/2025';
const IN_YEAR = 'Trong năm 2025';
const ONGOING = 'Thường xuyên';

/**
 * One appendix row: id, lead unit id, the lead as the appendix spells it (null where the cell
 * names more than one body or a long description), the deadline text (null: the cell is empty),
 * and the measures with their targets, read from the numbers in "Yêu cầu năm 2025"
 * (none: a task, done or not done).
 */
type Row = [id: string, lead: string, leadText: string | null, dueText: string | null, measures: [id: string, target: string][]];

const CQCM = 'Các cơ quan chuyên môn';
const VP = 'Văn phòng HĐND-UBND xã';
const TT = 'Trung tâm Phục vụ HCC';
const VHXH_OLD = 'Phòng Văn hoá - Xã hội';
const KT = 'Phòng Kinh tế';

const ROWS: Row[] = [
  // I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
  ['1.1', 'ccm', null, IN_DAY, [['tasks_completed', '>= 100%']]], // "Hoàn thành 100% Kế hoạch"
  ['1.2', 'ccm', CQCM, IN_DAY, [['issues_handled', '>= 100%']]],
  ['1.3', 'ccm', CQCM, IN_DAY, [['province_tasks', '>= 100%']]],
  // II. XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN BẢNG QPPL TẠI XÃ
  ['2.1.1', 'vp', VP, IN_YEAR, []],
  ['2.1.2', 'vp', VP, IN_YEAR, []],
  ['2.2.1', 'ccm', CQCM, IN_YEAR, []],
  ['2.2.2', 'vp', VP, IN_YEAR, [['published', '>= 100%']]], // "(Đạt 100% TTHC ... được công khai)"
  // III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
  ['3.1.1', 'ttphcc', TT, ONGOING, [['published', '>= 100%']]],
  ['3.1.2', 'ttphcc', TT, ONGOING, []],
  ['3.2.1', 'ttphcc', TT, IN_YEAR, [['on_time', '>= 100%']]],
  ['3.2.2', 'ttphcc', null, null, [['apology_letters', '>= 100%']]], // requirement and deadline empty; "TTPVHCC; Các CQCM"
  ['3.2.3', 'ttphcc', TT, IN_YEAR, []],
  // IV. CẢI CÁCH TỔ CHỨC, BỘ MÁY
  ['4.1.1', 'vhxh', VHXH_OLD, IN_YEAR, [['functions_defined', '>= 100%']]],
  ['4.1.2', 'vhxh', VHXH_OLD, IN_YEAR, []],
  ['4.2.1', 'vhxh', VHXH_OLD, IN_YEAR, []],
  ['4.2.2', 'ccm', CQCM, IN_YEAR, []],
  ['4.2.3', 'vhxh', 'Phòng Văn hóa - Xã hội', IN_YEAR, [['issues_remedied', '>= 100%']]],
  // V. NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC
  ['5.1', 'vhxh', VHXH_OLD, IN_YEAR, []],
  ['5.2', 'vhxh', VHXH_OLD, IN_YEAR, [['leaders_disciplined', '= 0']]], // "không có ... bị kỷ luật"
  // VI. CẢI CÁCH TÀI CHÍNH CÔNG
  ['6.1.1', 'kt', KT, IN_YEAR, [['disbursement', '>= 90%']]], // "tối thiểu 90% trở lên"
  ['6.1.2', 'kt', KT, IN_YEAR, [['units_compliant', '>= 100%']]],
  ['6.1.3', 'kt', KT, IN_YEAR, [['recommendations_paid', '>= 90%']]],
  ['6.2.1', 'kt', KT, IN_YEAR, []],
  ['6.2.2', 'kt', KT, IN_YEAR, []],
  ['6.2.3', 'kt', KT, IN_YEAR, []],
  // VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ
  ['7.1.1', 'ttphcc', 'Trung tâm Phục vụ hành chính công', IN_YEAR, []],
  ['7.2.1', 'ccm', CQCM, IN_YEAR, [['e_documents', '>= 100%']]],
  ['7.2.2', 'ccm', CQCM, IN_YEAR, [['processed_online', '>= 90%']]], // "đạt từ 90 % trở lên"
  ['7.2.3', 'ccm', CQCM, IN_YEAR, [['units_connected', '>= 100%']]],
  ['7.3.1', 'vhxh', VHXH_OLD, IN_YEAR, []],
  ['7.3.2', 'ttphcc', TT, IN_YEAR, [['digitized', '>= 100%'], ['e_results', '>= 100%']]], // two indents, "là 100%" each
  ['7.3.3', 'ttphcc', TT, IN_YEAR, [['online_full', '> 85%']]], // "trên 85 %"
  // VIII. TÁC ĐỘNG CCHC ĐẾN KINH TẾ - XÃ HỘI
  ['8.1.1', 'ttphcc', TT, IN_YEAR, []],
  ['8.1.2', 'ttphcc', TT, IN_YEAR, []],
  ['8.1.3', 'ttphcc', TT, IN_YEAR, []],
  ['8.1.4', 'ttphcc', 'Trung tâm Phục vụ HCC xã', IN_YEAR, []],
  ['8.1.5', 'ccm', 'Các cơ quan chuyên môn xã', IN_YEAR, []],
  // IX. MỘT SỐ TIÊU CHÍ NÂNG CAO CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)
  ['9.1.1', 'vhxh', 'Phòng VH-XH xã', IN_YEAR, [['easy_access', '>= 100%']]],
  ['9.1.2', 'ttphcc', 'Trung tâm Phục vụ HCC xã', IN_YEAR, [['legal_support', '>= 100%']]],
  ['9.1.3', 'ttphcc', 'Trung tâm Phục vụ HCC xã', IN_YEAR, [['businesses_supported', '>= 100%']]],
  // 9.1.4 "Chỉ số Chi phí không chính thức": an empty row, kept as a heading.
  ['9.1.5', 'vhxh', null, IN_YEAR, []], // "Phòng VH-XH, các đơn vị sự nghiệp đóng trên địa bàn"
  ['9.2.1', 'ccm', CQCM, IN_YEAR, []],
  ['9.2.2', 'ccm', CQCM, IN_YEAR, []],
];

const AREAS: [string, string][] = [
  ['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'],
  ['II', 'XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN BẢNG QPPL TẠI XÃ'],
  ['III', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
  ['IV', 'CẢI CÁCH TỔ CHỨC, BỘ MÁY'],
  ['V', 'NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'],
  ['VI', 'CẢI CÁCH TÀI CHÍNH CÔNG'],
  ['VII', 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ'],
  ['VIII', 'TÁC ĐỘNG CCHC ĐẾN KINH TẾ - XÃ HỘI'],
  ['IX', 'MỘT SỐ TIÊU CHÍ NÂNG CAO CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)'],
];

/** The 14 group rows of the appendix that have criteria under them (4.1 is not bold but is one). */
const HEADINGS: [string, string][] = [
  ['2.1', 'Theo dõi thi hành pháp luật'],
  ['2.2', 'Rà soát văn bản bằng QPPL'],
  ['3.1', 'Công bố, công khai TTHC và các quy định có liên quan'],
  ['3.2', 'Kết quả giải quyết TTHC'],
  ['4.1', 'Thực hiện quy định của Chính phủ và hướng dẫn của các bộ, ngành về tổ chức bộ máy'],
  ['4.2', 'Thực hiện phân cấp quản lý'],
  ['6.1', 'Tổ chức thực hiện công tác tài chính - ngân sách'],
  ['6.2', 'Công tác quản lý, sử dụng tài sản công'],
  ['7.1', 'Phát triển nền tảng cơ sở dữ liệu'],
  ['7.2', 'Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan nhà nước'],
  ['7.3', 'Phát triển các ứng dụng, dịch vụ phục vụ người dân, tổ chức'],
  ['8.1', 'Kết quả Chỉ số hài lòng về phục vụ hành chính năm 2025'],
  ['9.1', 'Chỉ số chi phí thời gian'],
  ['9.2', 'Chỉ số năng động và tiên phong của chính quyền'],
];

let plan: Plan;
const criterion = (id: string): Criterion => {
  const c = plan.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};

beforeAll(() => {
  const found = discover([PLAN_FILE], root);
  const inputs = loadInputs(found.files);
  expect([...found.diagnostics, ...inputs.diagnostics]).toEqual([]);
  expect(inputs.counts).toEqual({ files: 1, plans: 1, reports: 0 });
  plan = inputs.plans.get('quang-son-2025')!;
  expect(plan).toBeDefined();
});

describe('plans/quang-son-2025.yaml matches the appendix of the seed', () => {
  it('is plan quang-son-2025, revision 1, of UBND xã Quang Sơn for 2025', () => {
    expect(plan).toMatchObject({ id: 'quang-son-2025', revision: 1, year: 2025, issuer: 'UBND xã Quang Sơn', file: PLAN_FILE });
    expect(plan.title).toBe('Kế hoạch nâng cao Chỉ số cải cách hành chính xã Quang Sơn năm 2025');
  });

  it('has the 43 criteria of the appendix, in its order', () => {
    expect(ROWS).toHaveLength(43);
    expect(plan.criteria.map((c) => c.id)).toEqual(ROWS.map((r) => r[0]));
  });

  it('has the 9 areas I–IX with the appendix titles, each criterion in its area', () => {
    expect(plan.areas.map((a) => [a.id, a.title])).toEqual(AREAS);
    for (const c of plan.criteria) expect(AREAS[Number.parseInt(c.id, 10) - 1]![0], c.id).toBe(c.area);
  });

  it('has the 14 headings of the appendix, plus the empty row 9.1.4 as a heading without criteria', () => {
    const headings = plan.areas.flatMap((a) => a.headings.map((h) => [h.id, h.title]));
    expect(headings.filter(([id]) => id !== '9.1.4')).toEqual(HEADINGS);
    expect(headings).toContainEqual(['9.1.4', 'Chỉ số Chi phí không chính thức']);
    expect(plan.criteria.filter((c) => c.heading === '9.1.4')).toEqual([]);
    expect([...plan.headingIds].sort()).toEqual([...HEADINGS.map(([id]) => id), '9.1.4'].sort());
    // Every criterion sits under the heading its id starts with, where there is one.
    for (const c of plan.criteria) {
      const parent = c.id.split('.').slice(0, -1).join('.');
      expect(c.heading, c.id).toBe(HEADINGS.some(([id]) => id === parent) ? parent : undefined);
    }
  });

  describe.each(ROWS)('%s', (id, lead, leadText, dueText, measures) => {
    it(`is led by ${lead}`, () => {
      expect(criterion(id).lead).toBe(lead);
      // The appendix's own spelling of the lead resolves to the same unit.
      if (leadText !== null) expect(resolveUnit(plan, leadText)).toBe(lead);
    });

    it(`is due ${dueText ?? '(no deadline: end of the plan year)'}`, () => {
      const c = criterion(id);
      if (dueText === ONGOING) {
        expect(c).toMatchObject({ ongoing: true, dueImplied: false, dueText: ONGOING });
      } else if (dueText === null) {
        expect(c).toMatchObject({ ongoing: false, dueImplied: true, due: '2025-12-31' });
        expect(c.dueText).toBeUndefined();
      } else {
        expect(c).toMatchObject({ ongoing: false, dueImplied: false, due: '2025-12-31', dueText });
      }
    });

    it(measures.length === 0 ? 'is a task' : `has measures ${measures.map(([m, t]) => `${m} ${t}`).join(', ')}`, () => {
      const got = criterion(id).measures.map((m) => [m.id, `${m.target.op} ${m.target.value}${m.target.unit}`]);
      expect(got).toEqual(measures);
      for (const m of criterion(id).measures) expect(m.kind).toBe(m.target.unit === '%' ? 'ratio' : 'count');
    });
  });

  it('keeps notes on the defects of the appendix', () => {
    const notes = (id: string) => criterion(id).notes.join('\n');
    // 2.1.2 names Văn phòng HĐND-UBND xã as both lead and support.
    expect(notes('2.1.2')).toContain('Văn phòng HĐND-UBND xã');
    expect(criterion('2.1.2').support).toEqual([]);
    // 3.2.2 has no requirement and no deadline.
    expect(notes('3.2.2')).toContain('để trống');
    expect(criterion('3.2.2').requirement).toBeUndefined();
    // 3.2.3 carries 3.2.2's requirement (apology letters), kept verbatim.
    expect(notes('3.2.3')).toContain('3.2.2');
    expect(criterion('3.2.3').requirement).toBe('100% hồ sơ giải quyết quá hạn phải có văn bản xin lỗi của Thủ trưởng đơn vị kịp thời, đúng quy định');
    // 9.1.3 repeats 9.1.2's requirement, kept verbatim.
    expect(notes('9.1.3')).toContain('9.1.2');
    expect(criterion('9.1.3').requirement).toBe(criterion('9.1.2').requirement);
    expect(criterion('9.1.3').requirement).toBe('100% doanh nghiệp có yêu cầu được hỗ trợ pháp lý theo quy định');
    // "Phân đầu" (for "Phấn đấu") is kept verbatim in the requirement and explained in a note.
    for (const id of ['6.1.1', '6.1.3', '7.3.3']) {
      expect(criterion(id).requirement, id).toMatch(/^Phân đầu /u);
      expect(notes(id), id).toContain('Phân đầu');
      expect(notes(id), id).toContain('Phấn đấu');
    }
  });

  it('keeps a note on the empty row 9.1.4 in the plan file', () => {
    interface Node { id: string; notes?: string[]; criteria?: Node[] }
    const raw = parse(readFileSync(join(root, PLAN_FILE), 'utf8')) as { areas: { id: string; criteria: Node[] }[] };
    const h91 = raw.areas.find((a) => a.id === 'IX')!.criteria.find((n) => n.id === '9.1')!;
    const h914 = h91.criteria!.find((n) => n.id === '9.1.4')!;
    expect(h914.criteria).toEqual([]);
    expect(h914.notes?.join('\n')).toMatch(/9\.1\.4/u);
  });

  // design.md asks that defects such as the empty row 9.1.4 stay visible: the note reaches the report.
  it('carries the note on 9.1.4 through to the report', () => {
    const report = evaluate(plan, [], { asOf: '2025-09-14', dueSoonDays: 30 });
    const h914 = report.areas.flatMap((a) => a.headings).find((h) => h.id === '9.1.4') as { notes?: string[] } | undefined;
    expect(h914?.notes?.join('\n') ?? '').toMatch(/9\.1\.4/u);
  });

  it('never lists a lead among its own supporting units (the 2.1.2 defect is not copied)', () => {
    for (const c of plan.criteria) expect(c.support, c.id).not.toContain(c.lead);
  });
});

describe('the bundled example', () => {
  it('`cchc validate` exits 0', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: 'UTC' };
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [join(root, 'bin/cchc.js'), 'validate'], { cwd: root, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Hợp lệ: 9 tệp (1 kế hoạch, 8 báo cáo tiến độ).\n');
    expect(r.status).toBe(0);
  });
});
