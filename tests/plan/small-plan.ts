import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readSource } from '../../src/load/read-source.js';
import type { Plan } from '../../src/types.js';
import { loadPlan } from '../../src/validate/plan.js';

/**
 * A small plan for `plan diff` and `plan show` tests: a group lead, a heading with three
 * criteria (one with no deadline, one ongoing), an empty heading and a second area.
 */
export const SMALL_PLAN = `schema: cchc/plan@1
id: thu-nghiem-2025
revision: 1
title: Kế hoạch thử nghiệm năm 2025
issuer: UBND xã Thử Nghiệm
year: 2025
units:
  - id: tt
    name: Trung tâm Phục vụ hành chính công
    short: TT PVHCC
    aliases: [Trung tâm Phục vụ HCC]
  - id: vp
    name: Văn phòng HĐND-UBND xã
  - id: kt
    name: Phòng Kinh tế
  - id: ccm
    name: Các cơ quan chuyên môn
    short: Các CQCM
    members: [vp, kt]
  - id: bplq
    name: Các bộ phận có liên quan
    members: []
areas:
  - id: III
    title: CẢI CÁCH THỦ TỤC HÀNH CHÍNH
    criteria:
      - id: "3.1"
        title: Công khai TTHC
        requirement: Công khai 100% TTHC
        due: 2025-06-30
        lead: tt
        support: [ccm, bplq]
      - id: "3.2"
        title: Kết quả giải quyết TTHC
        criteria:
          - id: "3.2.1"
            title: Tỷ lệ hồ sơ đúng hạn
            requirement: Phấn đấu 100% hồ sơ được giải quyết đúng hạn.
            due: 2025-12-31
            dueText: Trong năm 2025
            lead: tt
            support: [ccm]
            measures:
              - id: on_time
                label: Tỷ lệ hồ sơ giải quyết đúng hạn
                kind: ratio
                target: ">= 100%"
          - id: "3.2.2"
            title: Thực hiện việc xin lỗi người dân
            lead: tt
            support: [ccm]
            notes: Bản gốc không ghi yêu cầu và thời hạn.
          - id: "3.2.3"
            title: Số hóa kết quả giải quyết TTHC
            requirement: Tối thiểu 90% kết quả được số hóa
            due: ongoing
            lead: ccm
            measures:
              - id: digitized
                label: Tỷ lệ kết quả được số hóa
                kind: ratio
                target: ">= 90%"
                aggregate: sum
              - id: e_results
                label: Tỷ lệ kết quả điện tử
                kind: percent
                target: ">= 80%"
                aggregate: each
          - id: "3.2.4"
            title: Chỉ số phụ
            criteria: []
  - id: VII
    title: CHÍNH QUYỀN SỐ
    criteria:
      - id: "7.3.3"
        title: Tỷ lệ hồ sơ trực tuyến toàn trình
        requirement: Trên 85% hồ sơ trực tuyến toàn trình
        due: 2025-12-31
        lead: tt
        support: [ccm]
        measures:
          - id: online_full
            label: Tỷ lệ hồ sơ trực tuyến toàn trình
            kind: ratio
            target: "> 85%"
      - id: "7.4"
        title: Không có cán bộ bị kỷ luật
        due: 2025-12-31
        lead: vp
        measures:
          - id: disciplined
            label: Số cán bộ bị kỷ luật
            kind: count
            target: "= 0"
`;

/** The plan's data as parsed from YAML, edited freely by tests. */
export type RawPlan = any;

/** Loads plan text through the real loader (readSource + loadPlan) from a temporary file. */
export function planFrom(text: string, name = 'plans/thu-nghiem.yaml'): Plan {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-plan-test-'));
  try {
    const abs = join(dir, 'plan.yaml');
    writeFileSync(abs, text);
    const { source, diagnostics } = readSource(abs, name);
    if (!source) throw new Error(`unreadable: ${JSON.stringify(diagnostics)}`);
    const { plan, diagnostics: planDiagnostics } = loadPlan(source);
    if (!plan) throw new Error(`invalid plan: ${JSON.stringify(planDiagnostics)}`);
    return plan;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The small plan's YAML with `edit` applied to its data. */
export function editedText(edit: (raw: RawPlan) => void, base = SMALL_PLAN): string {
  const raw = parse(base) as RawPlan;
  edit(raw);
  return stringify(raw);
}

/** The small plan with `edit` applied, loaded. */
export function edited(edit: (raw: RawPlan) => void): Plan {
  return planFrom(editedText(edit));
}
