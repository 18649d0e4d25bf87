/**
 * `diffPlans` on pairs of small plans: the base plan of tests/plan/small-plan.ts and a copy with
 * one edit, both loaded through readSource + loadPlan, one test per kind of change.
 */
import { describe, expect, it } from 'vitest';
import { diffPlans, toAmendmentChange, type PlanChange } from '../src/plan/diff.js';
import { edited, planFrom, SMALL_PLAN, type RawPlan } from './plan/small-plan.js';

const base = planFrom(SMALL_PLAN);
const diff = (edit: (raw: RawPlan) => void): PlanChange[] => diffPlans(base, edited(edit));

/** The criterion with this id, wherever it sits in the raw plan. */
function criterion(raw: RawPlan, id: string): RawPlan {
  const walk = (nodes: RawPlan[]): RawPlan | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const found = n.criteria ? walk(n.criteria) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  for (const area of raw.areas) {
    const found = walk(area.criteria);
    if (found) return found;
  }
  throw new Error(`no ${id}`);
}
const unit = (raw: RawPlan, id: string): RawPlan => raw.units.find((u: RawPlan) => u.id === id);

describe('diffPlans', () => {
  it('finds nothing between a plan and itself, or a copy with only a new revision', () => {
    expect(diffPlans(base, planFrom(SMALL_PLAN))).toEqual([]);
    expect(diff((p) => { p.revision = 2; })).toEqual([]);
  });

  it('ignores wording that does not change meaning: spaces, ≥ for >=, support order, notes, dueText', () => {
    expect(diff((p) => {
      criterion(p, '3.2.1').title = '  Tỷ lệ hồ sơ   đúng hạn ';
      criterion(p, '3.2.1').measures[0].target = '≥ 100 %';
      criterion(p, '3.1').support = ['bplq', 'ccm'];
      criterion(p, '3.2.2').notes = ['Ghi chú khác'];
      criterion(p, '3.2.1').dueText = 'Trong ngày 31/12/2025';
      p.notes = 'Ghi chú chung';
    })).toEqual([]);
  });

  it('target-changed: the target text as written, compared by meaning', () => {
    expect(diff((p) => { criterion(p, '7.3.3').measures[0].target = '> 90%'; })).toEqual([
      { kind: 'target-changed', criterion: '7.3.3', measure: 'online_full', from: '> 85%', to: '> 90%' },
    ]);
    // Same number, another operator.
    expect(diff((p) => { criterion(p, '7.3.3').measures[0].target = '>= 85%'; })).toEqual([
      { kind: 'target-changed', criterion: '7.3.3', measure: 'online_full', from: '> 85%', to: '>= 85%' },
    ]);
  });

  it('due-changed: a date, ongoing, or null where the plan gives no deadline', () => {
    expect(diff((p) => { criterion(p, '3.2.1').due = '30/11/2025'; })).toEqual([
      { kind: 'due-changed', criterion: '3.2.1', from: '2025-12-31', to: '2025-11-30' },
    ]);
    expect(diff((p) => { criterion(p, '3.2.3').due = '2025-12-31'; })).toEqual([
      { kind: 'due-changed', criterion: '3.2.3', from: 'ongoing', to: '2025-12-31' },
    ]);
    // Writing down the deadline that was implied is still a change of the plan's text and meaning.
    expect(diff((p) => { criterion(p, '3.2.2').due = '2025-12-31'; })).toEqual([
      { kind: 'due-changed', criterion: '3.2.2', from: null, to: '2025-12-31' },
    ]);
  });

  it('lead-changed', () => {
    expect(diff((p) => { criterion(p, '7.4').lead = 'kt'; })).toEqual([
      { kind: 'lead-changed', criterion: '7.4', from: 'vp', to: 'kt' },
    ]);
  });

  it('support-changed: compared as a set, reported as written', () => {
    expect(diff((p) => { criterion(p, '3.1').support = ['ccm']; })).toEqual([
      { kind: 'support-changed', criterion: '3.1', from: ['ccm', 'bplq'], to: ['ccm'] },
    ]);
    expect(diff((p) => { criterion(p, '7.4').support = ['tt']; })).toEqual([
      { kind: 'support-changed', criterion: '7.4', from: [], to: ['tt'] },
    ]);
  });

  it('measure-added and measure-removed, with the target', () => {
    expect(diff((p) => {
      criterion(p, '3.2.2').measures = [{ id: 'apology_letters', label: 'Tỷ lệ hồ sơ quá hạn có thư xin lỗi', kind: 'ratio', target: '>= 100%' }];
    })).toEqual([
      { kind: 'measure-added', criterion: '3.2.2', measure: 'apology_letters', from: null, to: '>= 100%' },
    ]);
    expect(diff((p) => { criterion(p, '3.2.3').measures.splice(0, 1); })).toEqual([
      { kind: 'measure-removed', criterion: '3.2.3', measure: 'digitized', from: '>= 90%', to: null },
    ]);
  });

  it('requirement-changed, including a requirement added or dropped (null)', () => {
    expect(diff((p) => { criterion(p, '7.3.3').requirement = 'Trên 90% hồ sơ trực tuyến toàn trình'; })).toEqual([
      { kind: 'requirement-changed', criterion: '7.3.3', from: 'Trên 85% hồ sơ trực tuyến toàn trình', to: 'Trên 90% hồ sơ trực tuyến toàn trình' },
    ]);
    expect(diff((p) => { criterion(p, '3.2.2').requirement = 'Gửi thư xin lỗi 100% hồ sơ quá hạn'; })).toEqual([
      { kind: 'requirement-changed', criterion: '3.2.2', from: null, to: 'Gửi thư xin lỗi 100% hồ sơ quá hạn' },
    ]);
    expect(diff((p) => { delete criterion(p, '3.1').requirement; })).toEqual([
      { kind: 'requirement-changed', criterion: '3.1', from: 'Công khai 100% TTHC', to: null },
    ]);
  });

  it('title-changed', () => {
    expect(diff((p) => { criterion(p, '3.1').title = 'Công khai thủ tục hành chính'; })).toEqual([
      { kind: 'title-changed', criterion: '3.1', from: 'Công khai TTHC', to: 'Công khai thủ tục hành chính' },
    ]);
  });

  it('criterion-added and criterion-removed, in plan order', () => {
    expect(diff((p) => {
      p.areas[1].criteria.splice(1, 0, { id: '7.3.4', title: 'Thanh toán trực tuyến', due: '2025-12-31', lead: 'tt' });
    })).toEqual([{ kind: 'criterion-added', criterion: '7.3.4', from: null, to: 'Thanh toán trực tuyến' }]);
    // A removed criterion is listed where it stood: after 3.2.1, before the changes of 3.2.3.
    expect(diff((p) => {
      const heading = criterion(p, '3.2');
      heading.criteria.splice(1, 1);
      criterion(p, '3.2.3').due = '2025-12-31';
    })).toEqual([
      { kind: 'criterion-removed', criterion: '3.2.2', from: 'Thực hiện việc xin lỗi người dân', to: null },
      { kind: 'due-changed', criterion: '3.2.3', from: 'ongoing', to: '2025-12-31' },
    ]);
  });

  it('criterion-renumbered: same title under a new id; its other changes name the new id', () => {
    expect(diff((p) => {
      const c = criterion(p, '7.3.3');
      c.id = '7.3.4';
      c.title = 'Tỷ lệ hồ sơ   trực tuyến toàn trình'; // spaces folded: still the same title
      c.measures[0].target = '> 90%';
    })).toEqual([
      { kind: 'criterion-renumbered', criterion: '7.3.4', from: '7.3.3', to: '7.3.4' },
      { kind: 'target-changed', criterion: '7.3.4', measure: 'online_full', from: '> 85%', to: '> 90%' },
    ]);
  });

  it('an id that disappears with its title changed too is a removal and an addition, not a renumbering', () => {
    expect(diff((p) => {
      const c = criterion(p, '7.4');
      c.id = '7.5';
      c.title = 'Không có công chức bị kỷ luật';
    })).toEqual([
      // The removal stands where 7.4 stood (after 7.3.3), so it comes before the new 7.5.
      { kind: 'criterion-removed', criterion: '7.4', from: 'Không có cán bộ bị kỷ luật', to: null },
      { kind: 'criterion-added', criterion: '7.5', from: null, to: 'Không có công chức bị kỷ luật' },
    ]);
  });

  it('measure-kind-changed, aggregate-changed and measure-label-changed', () => {
    expect(diff((p) => {
      const [digitized, eResults] = criterion(p, '3.2.3').measures;
      eResults.kind = 'ratio';
      eResults.aggregate = 'sum';
      digitized.label = 'Tỷ lệ hồ sơ được số hóa';
    })).toEqual([
      { kind: 'measure-label-changed', criterion: '3.2.3', measure: 'digitized', from: 'Tỷ lệ kết quả được số hóa', to: 'Tỷ lệ hồ sơ được số hóa' },
      { kind: 'measure-kind-changed', criterion: '3.2.3', measure: 'e_results', from: 'percent', to: 'ratio' },
      { kind: 'aggregate-changed', criterion: '3.2.3', measure: 'e_results', from: 'each', to: 'sum' },
    ]);
  });

  it('unit-added and unit-removed', () => {
    expect(diff((p) => { p.units.push({ id: 'mttq', name: 'Ủy ban MTTQ Việt Nam xã' }); })).toEqual([
      { kind: 'unit-added', unit: 'mttq', from: null, to: 'Ủy ban MTTQ Việt Nam xã' },
    ]);
    expect(diff((p) => {
      p.units = p.units.filter((u: RawPlan) => u.id !== 'bplq');
      criterion(p, '3.1').support = ['ccm'];
    })).toEqual([
      { kind: 'support-changed', criterion: '3.1', from: ['ccm', 'bplq'], to: ['ccm'] },
      { kind: 'unit-removed', unit: 'bplq', from: 'Các bộ phận có liên quan', to: null },
    ]);
  });

  it('members-changed: a group gains a member, a unit becomes a group', () => {
    expect(diff((p) => { unit(p, 'ccm').members = ['vp', 'kt', 'tt']; })).toEqual([
      { kind: 'members-changed', unit: 'ccm', from: ['vp', 'kt'], to: ['vp', 'kt', 'tt'] },
    ]);
    expect(diff((p) => { unit(p, 'ccm').members = ['kt', 'vp']; })).toEqual([]);
    expect(diff((p) => { unit(p, 'bplq').members = ['vp']; })).toEqual([
      { kind: 'members-changed', unit: 'bplq', from: [], to: ['vp'] },
    ]);
  });

  it('unit-renamed and aliases-changed (aliases compared as a set)', () => {
    expect(diff((p) => {
      unit(p, 'kt').name = 'Phòng Kinh tế xã';
      unit(p, 'tt').aliases = ['Trung tâm Phục vụ HCC xã'];
    })).toEqual([
      { kind: 'aliases-changed', unit: 'tt', from: ['Trung tâm Phục vụ HCC'], to: ['Trung tâm Phục vụ HCC xã'] },
      { kind: 'unit-renamed', unit: 'kt', from: 'Phòng Kinh tế', to: 'Phòng Kinh tế xã' },
    ]);
  });

  it('plan-changed: the plan\'s id, title, issuer and year', () => {
    expect(diff((p) => { p.year = 2026; p.title = 'Kế hoạch thử nghiệm năm 2026'; })).toEqual([
      { kind: 'plan-changed', field: 'title', from: 'Kế hoạch thử nghiệm năm 2025', to: 'Kế hoạch thử nghiệm năm 2026' },
      { kind: 'plan-changed', field: 'year', from: 2025, to: 2026 },
      // 3.2.2 has no deadline: still none, though the implied one moved with the year.
    ]);
  });

  it('lists many changes in plan order: plan, criteria as in NEW (each one\'s changes together), units', () => {
    const changes = diff((p) => {
      p.issuer = 'UBND xã Thử Nghiệm Mới';
      unit(p, 'vp').name = 'Văn phòng HĐND và UBND xã';
      criterion(p, '7.4').measures[0].target = '<= 1';
      criterion(p, '3.1').due = 'ongoing';
      criterion(p, '3.1').lead = 'vp';
      criterion(p, '3.2.1').measures[0].target = '>= 98%';
    });
    expect(changes.map((c) => [c.kind, 'criterion' in c ? c.criterion : 'unit' in c ? c.unit : 'plan'])).toEqual([
      ['plan-changed', 'plan'],
      ['due-changed', '3.1'],
      ['lead-changed', '3.1'],
      ['target-changed', '3.2.1'],
      ['target-changed', '7.4'],
      ['unit-renamed', 'vp'],
    ]);
    // Deterministic: the same inputs give the same list.
    expect(diffPlans(base, edited((p) => { criterion(p, '7.4').measures[0].target = '<= 1'; }))).toEqual(
      diffPlans(base, edited((p) => { criterion(p, '7.4').measures[0].target = '<= 1'; })),
    );
  });
});

describe('toAmendmentChange', () => {
  it('gives the simple-scalar items of a plan\'s amendments: list', () => {
    const items = [
      { kind: 'target-changed', criterion: '7.3.3', measure: 'online_full', from: '> 85%', to: '> 90%' },
      { kind: 'support-changed', criterion: '3.1', from: ['ccm', 'bplq'], to: ['ccm'] },
      { kind: 'due-changed', criterion: '3.2.2', from: null, to: '2025-12-31' },
      { kind: 'criterion-renumbered', criterion: '7.3.4', from: '7.3.3', to: '7.3.4' },
      { kind: 'criterion-removed', criterion: '3.2.2', from: 'Xin lỗi', to: null },
      { kind: 'members-changed', unit: 'bplq', from: null, to: ['vp'] },
      { kind: 'plan-changed', field: 'year', from: 2025, to: 2026 },
    ] satisfies PlanChange[];
    expect(items.map(toAmendmentChange)).toEqual([
      { criterion: '7.3.3', field: 'target', measure: 'online_full', from: '> 85%', to: '> 90%' },
      { criterion: '3.1', field: 'support', from: 'ccm, bplq', to: 'ccm' },
      { criterion: '3.2.2', field: 'due', to: '2025-12-31' },
      { criterion: '7.3.4', field: 'id', from: '7.3.3', to: '7.3.4' },
      { criterion: '3.2.2', field: 'criterion', from: 'Xin lỗi' },
      { unit: 'bplq', field: 'members', to: 'vp' },
      { field: 'year', from: 2025, to: 2026 },
    ]);
    expect(Object.keys(toAmendmentChange(items[0]!))).toEqual(['criterion', 'field', 'measure', 'from', 'to']);
  });
});
