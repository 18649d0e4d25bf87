import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import type {
  Criterion, Measure, MeasureKind, Op, Plan, ProgressEntry, ProgressReport, ReportCriterion,
  Status, TaskStatus, Unit,
} from '../src/types.js';

// ---------------------------------------------------------------------------
// Factories. Every expectation below is worked out by hand from design.md
// ("Evaluation"), never copied from the output of the code.
// ---------------------------------------------------------------------------

const UNITS: Unit[] = [
  { id: 'ttphcc', name: 'Trung tâm Phục vụ hành chính công', aliases: ['Trung tâm Phục vụ HCC'], notes: [] },
  { id: 'vp', name: 'Văn phòng HĐND-UBND', aliases: [], notes: [] },
  { id: 'kt', name: 'Phòng Kinh tế', aliases: [], notes: [] },
  { id: 'vhxh', name: 'Phòng Văn hóa - Xã hội', aliases: ['Phòng Văn hoá - Xã hội'], notes: [] },
  { id: 'ccm', name: 'Các cơ quan chuyên môn', aliases: [], members: ['vp', 'kt', 'vhxh'], notes: [] },
];
const NAME: Record<string, string> = Object.fromEntries(UNITS.map((u) => [u.id, u.name]));
const ref = (id: string) => ({ id, name: NAME[id]! });

function measure(id: string, kind: MeasureKind, op: Op, value: number, aggregate: 'sum' | 'each' = 'sum'): Measure {
  const unit = kind === 'count' ? '' : '%';
  return { id, label: `Chỉ tiêu ${id}`, kind, target: { op, value, unit, text: `${op} ${value}${unit}` }, aggregate };
}

let nextLine = 10;
function criterion(id: string, opts: Partial<Criterion> = {}): Criterion {
  return {
    id,
    area: 'III',
    title: `Tiêu chí ${id}`,
    requirement: `Yêu cầu ${id}`,
    due: '2025-12-31',
    ongoing: false,
    dueImplied: false,
    lead: 'ttphcc',
    support: [],
    measures: [],
    notes: [],
    line: nextLine++,
    ...opts,
  };
}

function plan(criteria: Criterion[]): Plan {
  return {
    file: 'plans/test-2025.yaml',
    id: 'test-2025',
    revision: 1,
    title: 'Kế hoạch thử',
    issuer: 'UBND xã Thử',
    year: 2025,
    units: new Map(UNITS.map((u) => [u.id, structuredClone(u)])),
    areas: [{ id: 'III', title: 'Cải cách thủ tục hành chính', headings: [], notes: [] }],
    criteria,
    headingIds: new Set(criteria.map((c) => c.id)),
  };
}

type FigureSpec = number | [value: number, total: number];
interface EntrySpec {
  line?: number;
  figures?: Record<string, FigureSpec>;
  status?: TaskStatus;
  completedOn?: string;
  evidence?: string[];
  note?: string;
}

function entry(criterionId: string, spec: EntrySpec): ProgressEntry {
  const line = spec.line ?? 20;
  const figures = new Map(
    Object.entries(spec.figures ?? {}).map(([m, f], i) => [
      m,
      typeof f === 'number' ? { value: f, line: line + 1 + i } : { value: f[0], total: f[1], line: line + 1 + i },
    ]),
  );
  return {
    criterion: criterionId,
    figures,
    ...(spec.status ? { status: spec.status } : {}),
    ...(spec.completedOn ? { completedOn: spec.completedOn } : {}),
    evidence: spec.evidence ?? [],
    ...(spec.note !== undefined ? { note: spec.note } : {}),
    line,
  };
}

function report(unit: string, asOf: string, entries: Record<string, EntrySpec>, opts: { file?: string; plan?: string } = {}): ProgressReport {
  return {
    file: opts.file ?? `progress/${asOf}/${unit}.yaml`,
    plan: opts.plan ?? 'test-2025',
    planRevision: 1,
    unit,
    period: asOf,
    asOf,
    entries: new Map(Object.entries(entries).map(([c, s]) => [c, entry(c, s)])),
  };
}

const DEFAULTS = { dueSoonDays: 30 };

/** Evaluates a one-criterion plan and returns that criterion's result. */
function one(c: Criterion, reports: ProgressReport[], asOf: string, dueSoonDays = 30): ReportCriterion {
  const r = evaluate(plan([c]), reports, { asOf, dueSoonDays });
  expect(r.criteria).toHaveLength(1);
  return r.criteria[0]!;
}

const ratioCrit = (op: Op, value: number, opts: Partial<Criterion> = {}) =>
  criterion('3.2.1', { measures: [measure('on_time', 'ratio', op, value)], ...opts });
const taskCrit = (opts: Partial<Criterion> = {}) => criterion('3.1.2', opts);

// ---------------------------------------------------------------------------
// The status table, row by row
// ---------------------------------------------------------------------------

describe('status table — measured criteria', () => {
  const c = ratioCrit('>=', 100);
  const full = report('ttphcc', '2025-09-14', { '3.2.1': { figures: { on_time: [1250, 1250] } } });
  const short = report('ttphcc', '2025-09-14', { '3.2.1': { figures: { on_time: [1243, 1250] } } });

  it('pass before the deadline: every measure meets its target', () => {
    const r = one(c, [full], '2025-09-14');
    expect(r.status).toBe('pass');
    expect(r.daysOverdue).toBe(0);
    expect(r.missingUnits).toEqual([]);
    expect(r.measures).toEqual([
      {
        id: 'on_time', label: 'Chỉ tiêu on_time', kind: 'ratio', target: { op: '>=', value: 100, unit: '%' },
        actual: 100, value: 1250, total: 1250, met: true,
      },
    ]);
  });

  it('pass after the deadline too', () => {
    const r = one(c, [full], '2026-01-20');
    expect(r.status).toBe('pass');
    expect(r.daysOverdue).toBe(0);
  });

  it('at-risk: before the deadline a measure misses its target (1243/1250 = 99.44% vs >= 100%)', () => {
    const r = one(c, [short], '2025-09-14');
    expect(r.status).toBe('at-risk');
    expect(r.measures[0]).toMatchObject({ actual: 99.44, value: 1243, total: 1250, met: false });
    expect(r.daysOverdue).toBe(0);
  });

  it('fail: after the deadline a measure misses its target', () => {
    const r = one(c, [short], '2026-01-10');
    expect(r.status).toBe('fail');
    expect(r.measures[0]).toMatchObject({ actual: 99.44, met: false });
  });

  it('no-data: before the deadline the lead has not reported', () => {
    const r = one(c, [], '2025-09-14');
    expect(r.status).toBe('no-data');
    expect(r.missingUnits).toEqual([ref('ttphcc')]);
    expect(r.measures[0]).toMatchObject({ actual: null, value: null, total: null, met: null });
    expect(r.sources).toEqual([]);
    expect(r.daysOverdue).toBe(0);
  });

  it('overdue: after the deadline the lead has not reported', () => {
    const r = one(c, [], '2026-01-05');
    expect(r.status).toBe('overdue');
    expect(r.daysOverdue).toBe(5);
    expect(r.missingUnits).toEqual([ref('ttphcc')]);
  });

  it('a criterion with two measures passes only when both meet; one short → at-risk', () => {
    const two = criterion('4.1', {
      measures: [measure('a', 'ratio', '>=', 90), measure('b', 'count', '=', 0)],
    });
    const ok = report('ttphcc', '2025-09-14', { '4.1': { figures: { a: [95, 100], b: 0 } } });
    const bad = report('ttphcc', '2025-09-14', { '4.1': { figures: { a: [95, 100], b: 2 } } });
    expect(one(two, [ok], '2025-09-14').status).toBe('pass');
    const r = one(two, [bad], '2025-09-14');
    expect(r.status).toBe('at-risk');
    expect(r.measures.map((m) => m.met)).toEqual([true, false]);
  });

  it('a reported entry that lacks one of the measures counts as not reported (no-data), the other measure is still judged', () => {
    const two = criterion('4.1', {
      measures: [measure('a', 'ratio', '>=', 90), measure('b', 'count', '=', 0)],
    });
    const partial = report('ttphcc', '2025-09-14', { '4.1': { figures: { a: [95, 100] } } });
    const r = one(two, [partial], '2025-09-14');
    expect(r.status).toBe('no-data');
    expect(r.missingUnits).toEqual([ref('ttphcc')]);
    expect(r.measures[0]).toMatchObject({ actual: 95, met: true });
    expect(r.measures[1]).toMatchObject({ actual: null, met: null });
  });
});

describe('status table — task criteria', () => {
  const c = taskCrit({ due: '2025-12-31' });

  it('pass: done on or before due', () => {
    const r = one(c, [report('ttphcc', '2025-09-14', { '3.1.2': { status: 'done', completedOn: '2025-08-15', evidence: ['QĐ 123/QĐ-UBND'] } })], '2025-09-14');
    expect(r.status).toBe('pass');
    expect(r.measures).toEqual([]);
    expect(r.task).toEqual([{ unit: 'ttphcc', status: 'done', completedOn: '2025-08-15', evidence: ['QĐ 123/QĐ-UBND'] }]);
    expect(r.dueSoon).toBe(false);
  });

  it('pending: not done, deadline not passed (in-progress and not-started)', () => {
    for (const status of ['in-progress', 'not-started'] as const) {
      const r = one(c, [report('ttphcc', '2025-09-14', { '3.1.2': { status } })], '2025-09-14');
      expect(r.status).toBe('pending');
      expect(r.task).toEqual([{ unit: 'ttphcc', status, evidence: [] }]);
      expect(r.daysOverdue).toBe(0);
    }
  });

  it('overdue: not done after the deadline', () => {
    const r = one(c, [report('ttphcc', '2025-12-14', { '3.1.2': { status: 'in-progress' } })], '2026-01-31');
    expect(r.status).toBe('overdue');
    expect(r.daysOverdue).toBe(31);
  });

  it('no-data before due, overdue after due when nobody reported', () => {
    expect(one(c, [], '2025-12-31').status).toBe('no-data');
    const r = one(c, [], '2026-01-01');
    expect(r.status).toBe('overdue');
    expect(r.daysOverdue).toBe(1);
    expect(r.missingUnits).toEqual([ref('ttphcc')]);
    expect(r.task).toEqual([]);
  });

  it('fail: done after due', () => {
    const r = one(c, [report('ttphcc', '2026-01-14', { '3.1.2': { status: 'done', completedOn: '2026-01-05' } })], '2026-01-14');
    expect(r.status).toBe('fail');
  });
});

// ---------------------------------------------------------------------------
// Exactness at the target
// ---------------------------------------------------------------------------

describe('targets at the boundary (exact, not floating point)', () => {
  const before = '2025-09-14';
  const after = '2026-01-02';
  const ratio = (value: number, total: number, asOf = before) =>
    report('ttphcc', asOf, { '3.2.1': { figures: { on_time: [value, total] } } });

  it.each([
    [9, 10],
    [900, 1000],
    [18, 20],
  ])('%i/%i is exactly 90 percent: meets ">= 90 percent" (pass)', (v, t) => {
    const r = one(ratioCrit('>=', 90), [ratio(v, t)], before);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ actual: 90, met: true });
  });

  it.each([
    [9, 10],
    [900, 1000],
  ])('%i/%i does not meet "> 90 percent": at-risk before due, fail after', (v, t) => {
    const r1 = one(ratioCrit('>', 90), [ratio(v, t)], before);
    expect(r1.status).toBe('at-risk');
    expect(r1.measures[0]).toMatchObject({ actual: 90, met: false });
    const r2 = one(ratioCrit('>', 90), [ratio(v, t)], after);
    expect(r2.status).toBe('fail');
  });

  it('percent measure 90 vs "> 90%" and ">= 90%"', () => {
    const gt = criterion('5.1', { measures: [measure('rate', 'percent', '>', 90)] });
    const ge = criterion('5.1', { measures: [measure('rate', 'percent', '>=', 90)] });
    const rep = report('ttphcc', before, { '5.1': { figures: { rate: 90 } } });
    expect(one(gt, [rep], before).status).toBe('at-risk');
    expect(one(ge, [rep], before).status).toBe('pass');
    expect(one(ge, [rep], before).measures[0]).toMatchObject({ actual: 90, value: 90, total: null, met: true });
  });

  it('85% against "> 85%" is not met; 86% is', () => {
    expect(one(ratioCrit('>', 85), [ratio(85, 100)], before).status).toBe('at-risk');
    expect(one(ratioCrit('>', 85), [ratio(17, 20)], before).status).toBe('at-risk');
    expect(one(ratioCrit('>', 85), [ratio(17, 20)], after).status).toBe('fail');
    expect(one(ratioCrit('>', 85), [ratio(86, 100)], before).status).toBe('pass');
  });

  it('float traps: 7/100 and 11/20 vs "> 7%" / "> 55%", 57/100 and 29/100 vs ">= 57%" / ">= 29%"', () => {
    // In floating point these percentages land just above or just below the target.
    expect((7 / 100) * 100).toBeGreaterThan(7);
    expect((11 / 20) * 100).toBeGreaterThan(55);
    expect(one(ratioCrit('>', 55), [ratio(11, 20)], before).status).toBe('at-risk');
    expect(one(ratioCrit('>', 55), [ratio(11, 20)], after).status).toBe('fail');
    expect(one(ratioCrit('>=', 55), [ratio(11, 20)], before).status).toBe('pass');
    expect(one(ratioCrit('=', 55), [ratio(11, 20)], before).status).toBe('pass');
    expect((57 / 100) * 100).toBeLessThan(57);
    expect((29 / 100) * 100).toBeLessThan(29);
    expect(one(ratioCrit('>', 7), [ratio(7, 100)], before).status).toBe('at-risk');
    expect(one(ratioCrit('>=', 57), [ratio(57, 100)], before).status).toBe('pass');
    expect(one(ratioCrit('>=', 29), [ratio(29, 100)], before).status).toBe('pass');
  });

  it('1243/1250 against ">= 100%": at-risk, actual 99.44', () => {
    const r = one(ratioCrit('>=', 100), [ratio(1243, 1250)], before);
    expect(r.status).toBe('at-risk');
    expect(r.measures[0]!.actual).toBe(99.44);
  });

  it('decimal target: 995/1000 meets ">= 99.5%", 994/1000 does not', () => {
    expect(one(ratioCrit('>=', 99.5), [ratio(995, 1000)], before).status).toBe('pass');
    expect(one(ratioCrit('>=', 99.5), [ratio(994, 1000)], before).status).toBe('at-risk');
  });

  it('disbursement-sized numbers (VND ~10^12)', () => {
    expect(one(ratioCrit('>=', 100), [ratio(999_999_999_999, 1_000_000_000_000)], before).status).toBe('at-risk');
    expect(one(ratioCrit('>=', 100), [ratio(1_000_000_000_000, 1_000_000_000_000)], before).status).toBe('pass');
    expect(one(ratioCrit('>=', 95), [ratio(950_000_000_000, 1_000_000_000_000)], before).status).toBe('pass');
  });

  it('count "= 0": 0 passes, 1 is at-risk before due and fail after', () => {
    const c = criterion('5.2', { measures: [measure('leaders_disciplined', 'count', '=', 0)] });
    const zero = report('ttphcc', before, { '5.2': { figures: { leaders_disciplined: 0 } } });
    const oneCase = report('ttphcc', before, { '5.2': { figures: { leaders_disciplined: 1 } } });
    const r0 = one(c, [zero], before);
    expect(r0.status).toBe('pass');
    expect(r0.measures[0]).toMatchObject({ actual: 0, value: 0, total: null, met: true });
    expect(r0.measures[0]!.notApplicable).toBeUndefined();
    expect(one(c, [oneCase], before).status).toBe('at-risk');
    expect(one(c, [oneCase], after).status).toBe('fail');
  });

  it('"<=" and "<" targets', () => {
    const le = criterion('5.3', { measures: [measure('late', 'count', '<=', 5)] });
    const at = (n: number) => report('ttphcc', before, { '5.3': { figures: { late: n } } });
    expect(one(le, [at(5)], before).status).toBe('pass');
    expect(one(le, [at(0)], before).status).toBe('pass');
    expect(one(le, [at(6)], before).status).toBe('at-risk');

    const lt = criterion('5.3', { measures: [measure('late', 'count', '<', 5)] });
    expect(one(lt, [at(4)], before).status).toBe('pass');
    expect(one(lt, [at(5)], before).status).toBe('at-risk');

    // ratio "<= 5%" / "< 5%" with exactly 1/20 = 5%
    expect(one(ratioCrit('<=', 5), [ratio(1, 20)], before).status).toBe('pass');
    expect(one(ratioCrit('<', 5), [ratio(1, 20)], before).status).toBe('at-risk');
    expect(one(ratioCrit('<', 5), [ratio(1, 25)], before).status).toBe('pass');

    const pct = criterion('5.4', { measures: [measure('rate', 'percent', '<=', 10)] });
    const p = (n: number) => report('ttphcc', before, { '5.4': { figures: { rate: n } } });
    expect(one(pct, [p(10)], before).status).toBe('pass');
    expect(one(pct, [p(10.5)], before).status).toBe('at-risk');
  });

  it('"= 100%" is met only by value == total', () => {
    expect(one(ratioCrit('=', 100), [ratio(40, 40)], before).status).toBe('pass');
    expect(one(ratioCrit('=', 100), [ratio(39, 40)], before).status).toBe('at-risk');
  });
});

// ---------------------------------------------------------------------------
// The deadline day
// ---------------------------------------------------------------------------

describe('the due day itself is still in time', () => {
  const due = '2025-06-30';

  it('not reported: no-data on the due day, overdue (1 day) the day after', () => {
    const c = ratioCrit('>=', 90, { due });
    const onDue = one(c, [], '2025-06-30');
    expect(onDue.status).toBe('no-data');
    expect(onDue.daysOverdue).toBe(0);
    const dayAfter = one(c, [], '2025-07-01');
    expect(dayAfter.status).toBe('overdue');
    expect(dayAfter.daysOverdue).toBe(1);
  });

  it('missed measure: at-risk on the due day, fail the day after', () => {
    const c = ratioCrit('>=', 90, { due });
    const rep = report('ttphcc', '2025-06-14', { '3.2.1': { figures: { on_time: [8, 10] } } });
    expect(one(c, [rep], '2025-06-30').status).toBe('at-risk');
    expect(one(c, [rep], '2025-07-01').status).toBe('fail');
  });

  it('task not done: pending on the due day, overdue (1 day) the day after', () => {
    const c = taskCrit({ due });
    const rep = report('ttphcc', '2025-06-14', { '3.1.2': { status: 'in-progress' } });
    const onDue = one(c, [rep], '2025-06-30');
    expect(onDue.status).toBe('pending');
    expect(onDue.daysOverdue).toBe(0);
    const dayAfter = one(c, [rep], '2025-07-01');
    expect(dayAfter.status).toBe('overdue');
    expect(dayAfter.daysOverdue).toBe(1);
  });

  it('task done on the due day = pass; done the day after = fail', () => {
    const c = taskCrit({ due });
    const onTime = report('ttphcc', '2025-07-14', { '3.1.2': { status: 'done', completedOn: '2025-06-30' } });
    const late = report('ttphcc', '2025-07-14', { '3.1.2': { status: 'done', completedOn: '2025-07-01' } });
    expect(one(c, [onTime], '2025-07-14').status).toBe('pass');
    expect(one(c, [late], '2025-07-14').status).toBe('fail');
  });

  it('daysOverdue counts calendar days across month and year ends', () => {
    expect(one(ratioCrit('>=', 90, { due: '2025-12-31' }), [], '2026-03-01').daysOverdue).toBe(31 + 28 + 1);
    expect(one(ratioCrit('>=', 90, { due: '2024-02-28' }), [], '2024-03-01').daysOverdue).toBe(2);
  });
});

// ---------------------------------------------------------------------------
// Ongoing ("Thường xuyên")
// ---------------------------------------------------------------------------

describe('ongoing criteria', () => {
  const c = criterion('5.2', {
    ongoing: true, due: '2025-12-31', dueText: 'Thường xuyên',
    measures: [measure('leaders_disciplined', 'count', '=', 0)],
  });
  const rep = (n: number, asOf = '2025-03-14') => report('ttphcc', asOf, { '5.2': { figures: { leaders_disciplined: n } } });

  it('a missed target is fail even long before year end', () => {
    const r = one(c, [rep(1)], '2025-03-14');
    expect(r.status).toBe('fail');
    expect(r.daysOverdue).toBe(0);
    expect(r.dueSoon).toBe(false);
    expect(r.ongoing).toBe(true);
  });

  it('a met target passes', () => {
    expect(one(c, [rep(0)], '2025-03-14').status).toBe('pass');
  });

  it('never overdue: not reported is no-data, even after the year ends', () => {
    for (const asOf of ['2025-03-14', '2025-12-31', '2026-02-01']) {
      const r = one(c, [], asOf);
      expect(r.status).toBe('no-data');
      expect(r.daysOverdue).toBe(0);
      expect(r.missingUnits).toEqual([ref('ttphcc')]);
    }
  });

  it('a missed target after the year end is fail with no days overdue', () => {
    const r = one(c, [rep(1, '2025-12-14')], '2026-02-01');
    expect(r.status).toBe('fail');
    expect(r.daysOverdue).toBe(0);
  });

  it('never due-soon, even in the last days of the year', () => {
    expect(one(c, [], '2025-12-20').dueSoon).toBe(false);
    expect(one(c, [rep(1, '2025-12-14')], '2025-12-20').dueSoon).toBe(false);
  });

  it('ongoing task: not done stays pending after year end; done passes whatever the date', () => {
    const t = taskCrit({ ongoing: true, due: '2025-12-31' });
    const inProgress = report('ttphcc', '2025-12-14', { '3.1.2': { status: 'in-progress' } });
    const r = one(t, [inProgress], '2026-02-01');
    expect(r.status).toBe('pending');
    expect(r.daysOverdue).toBe(0);
    expect(r.dueSoon).toBe(false);
    const done = report('ttphcc', '2026-01-14', { '3.1.2': { status: 'done', completedOn: '2026-01-10' } });
    expect(one(t, [done], '2026-01-14').status).toBe('pass');
  });
});

// ---------------------------------------------------------------------------
// Which figures are used
// ---------------------------------------------------------------------------

describe('latest figures per reporting unit', () => {
  const c = ratioCrit('>=', 100);
  const q2 = report('ttphcc', '2025-06-14', { '3.2.1': { line: 9, figures: { on_time: [600, 600] } } }, { file: 'progress/2025-Q2/ttphcc.yaml' });

  it('the report with the greatest asOf <= D wins', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.2.1': { line: 12, figures: { on_time: [1243, 1250] } } }, { file: 'progress/2025-Q3/ttphcc.yaml' });
    for (const order of [[q2, q3], [q3, q2]]) {
      const r = one(c, order, '2025-09-14');
      expect(r.status).toBe('at-risk');
      expect(r.measures[0]).toMatchObject({ value: 1243, total: 1250 });
      expect(r.sources).toEqual([{ file: 'progress/2025-Q3/ttphcc.yaml', line: 12 }]);
    }
  });

  it('a later report that omits the criterion does not erase earlier figures', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.1.2': { line: 9, status: 'in-progress' } }, { file: 'progress/2025-Q3/ttphcc.yaml' });
    const r = one(c, [q2, q3], '2025-09-14');
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 600, total: 600, actual: 100, met: true });
    expect(r.sources).toEqual([{ file: 'progress/2025-Q2/ttphcc.yaml', line: 9 }]);
  });

  it('a later report with only a note for the criterion does not replace earlier figures', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.2.1': { line: 9, note: 'Đang tổng hợp số liệu' } }, { file: 'progress/2025-Q3/ttphcc.yaml' });
    const r = one(c, [q3, q2], '2025-09-14');
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 600, total: 600 });
    expect(r.sources).toEqual([{ file: 'progress/2025-Q2/ttphcc.yaml', line: 9 }]);
  });

  it('a note-only entry for a task does not replace an earlier status', () => {
    const t = taskCrit();
    const early = report('ttphcc', '2025-06-14', { '3.1.2': { status: 'done', completedOn: '2025-05-01' } });
    const later = report('ttphcc', '2025-09-14', { '3.1.2': { note: 'Đã xong' } });
    expect(one(t, [early, later], '2025-09-14').status).toBe('pass');
  });

  it('a note-only entry and nothing earlier is still no-data', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.2.1': { note: 'Chưa có số liệu' } });
    const r = one(c, [q3], '2025-09-14');
    expect(r.status).toBe('no-data');
    expect(r.sources).toEqual([]);
  });

  it('reports dated after D are ignored (reproduces the earlier view)', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.2.1': { figures: { on_time: [1243, 1250] } } });
    const r = one(c, [q2, q3], '2025-06-14');
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 600, total: 600 });
    // one day before the Q3 cut-off
    expect(one(c, [q2, q3], '2025-09-13').status).toBe('pass');
    // only a future report → no data
    expect(one(c, [q3], '2025-09-13').status).toBe('no-data');
  });

  it('a report whose asOf equals D is used', () => {
    const q3 = report('ttphcc', '2025-09-14', { '3.2.1': { figures: { on_time: [1243, 1250] } } });
    expect(one(c, [q2, q3], '2025-09-14').status).toBe('at-risk');
  });

  it('reports for another plan and from units that are not the lead are ignored', () => {
    const other = report('ttphcc', '2025-09-14', { '3.2.1': { figures: { on_time: [1, 2] } } }, { plan: 'khac-2025' });
    const stranger = report('vp', '2025-09-14', { '3.2.1': { figures: { on_time: [1, 2] } } });
    const r = one(c, [q2, other, stranger], '2025-09-14');
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 600, total: 600 });
    expect(r.sources).toEqual([{ file: 'progress/2025-Q2/ttphcc.yaml', line: 9 }]);
  });
});

// ---------------------------------------------------------------------------
// Group leads
// ---------------------------------------------------------------------------

describe('group lead (ccm = vp, kt, vhxh)', () => {
  const asOf = '2025-09-14';
  const grp = (aggregate: 'sum' | 'each', op: Op = '>=', value = 90, kind: MeasureKind = 'ratio') =>
    criterion('2.1', { lead: 'ccm', support: ['ttphcc'], measures: [measure('digitized', kind, op, value, aggregate)] });
  const fig = (unit: string, f: FigureSpec, line = 7) =>
    report(unit, asOf, { '2.1': { line, figures: { digitized: f } } }, { file: `progress/2025-Q3/${unit}.yaml` });
  // vp 40/50 = 80 %, kt 30/30 = 100 %, vhxh 20/20 = 100 % → pooled 90/100 = 90 %
  const mixed = () => [fig('vp', [40, 50], 8), fig('kt', [30, 30], 6), fig('vhxh', [20, 20], 11)];

  it('sum pools value and total: 90/100 = 90% meets ">= 90%" though vp alone has 80%', () => {
    const r = one(grp('sum'), mixed(), asOf);
    expect(r.status).toBe('pass');
    expect(r.lead).toEqual(ref('ccm'));
    expect(r.support).toEqual([ref('ttphcc')]);
    expect(r.measures[0]).toMatchObject({ value: 90, total: 100, actual: 90, met: true, aggregate: 'sum' });
    expect(r.missingUnits).toEqual([]);
  });

  it('sum pooled 90/100 does not meet "> 90%"', () => {
    expect(one(grp('sum', '>'), mixed(), asOf).status).toBe('at-risk');
  });

  it('each: one member below target → not met; byUnit lists every member in member order', () => {
    const r = one(grp('each'), mixed(), asOf);
    expect(r.status).toBe('at-risk');
    const m = r.measures[0]!;
    expect(m.met).toBe(false);
    expect(m.aggregate).toBe('each');
    expect(m.byUnit).toEqual([
      { unit: 'vp', actual: 80, value: 40, total: 50, met: false },
      { unit: 'kt', actual: 100, value: 30, total: 30, met: true },
      { unit: 'vhxh', actual: 100, value: 20, total: 20, met: true },
    ]);
    // the headline figure is the failing member's
    expect(m).toMatchObject({ actual: 80, value: 40, total: 50 });
  });

  it('each: every member meets → pass, headline is the weakest member', () => {
    const r = one(grp('each'), [fig('vp', [45, 50]), fig('kt', [30, 30]), fig('vhxh', [19, 20])], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ met: true, actual: 90, value: 45, total: 50 });
    expect(r.measures[0]!.byUnit).toHaveLength(3);
  });

  it('each with a "<=" count: the largest count is the weakest', () => {
    const r = one(grp('each', '<=', 2, 'count'), [fig('vp', 1), fig('kt', 3), fig('vhxh', 0)], asOf);
    expect(r.status).toBe('at-risk');
    expect(r.measures[0]).toMatchObject({ met: false, actual: 3, value: 3, total: null });
    expect(r.measures[0]!.byUnit!.map((b) => [b.unit, b.met])).toEqual([['vp', true], ['kt', false], ['vhxh', true]]);
  });

  it('sum of counts adds the members', () => {
    const r = one(grp('sum', '=', 0, 'count'), [fig('vp', 0), fig('kt', 1), fig('vhxh', 0)], asOf);
    expect(r.status).toBe('at-risk');
    expect(r.measures[0]).toMatchObject({ value: 1, actual: 1, total: null, met: false });
  });

  it('a missing member is named in missingUnits: no-data before due, overdue after', () => {
    const reports = [fig('vp', [45, 50]), fig('vhxh', [20, 20])];
    for (const aggregate of ['sum', 'each'] as const) {
      const r = one(grp(aggregate), reports, asOf);
      expect(r.status).toBe('no-data');
      expect(r.missingUnits).toEqual([ref('kt')]);
      expect(r.measures[0]).toMatchObject({ actual: null, value: null, total: null, met: null, aggregate });
      const late = one(grp(aggregate), reports, '2026-01-03');
      expect(late.status).toBe('overdue');
      expect(late.daysOverdue).toBe(3);
      expect(late.missingUnits).toEqual([ref('kt')]);
    }
    const each = one(grp('each'), reports, asOf);
    expect(each.measures[0]!.byUnit).toEqual([
      { unit: 'vp', actual: 90, value: 45, total: 50, met: true },
      { unit: 'vhxh', actual: 100, value: 20, total: 20, met: true },
    ]);
  });

  it('a missing member makes no-data even when the others miss the target', () => {
    const r = one(grp('sum'), [fig('vp', [1, 50]), fig('kt', [1, 30])], asOf);
    expect(r.status).toBe('no-data');
    expect(r.missingUnits).toEqual([ref('vhxh')]);
  });

  it('two missing members are listed in member order', () => {
    const r = one(grp('sum'), [fig('vhxh', [20, 20])], asOf);
    expect(r.missingUnits).toEqual([ref('vp'), ref('kt')]);
  });

  it('sources list every member entry, sorted by file', () => {
    const r = one(grp('sum'), mixed(), asOf);
    expect(r.sources).toEqual([
      { file: 'progress/2025-Q3/kt.yaml', line: 6 },
      { file: 'progress/2025-Q3/vhxh.yaml', line: 11 },
      { file: 'progress/2025-Q3/vp.yaml', line: 8 },
    ]);
  });

  it('sources mix quarters when a member\'s latest entry is older', () => {
    const vpQ2 = report('vp', '2025-06-14', { '2.1': { line: 30, figures: { digitized: [10, 10] } } }, { file: 'progress/2025-Q2/vp.yaml' });
    const r = one(grp('sum'), [vpQ2, fig('kt', [30, 30], 6), fig('vhxh', [20, 20], 11)], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 60, total: 60 });
    expect(r.sources).toEqual([
      { file: 'progress/2025-Q2/vp.yaml', line: 30 },
      { file: 'progress/2025-Q3/kt.yaml', line: 6 },
      { file: 'progress/2025-Q3/vhxh.yaml', line: 11 },
    ]);
  });

  it('group task: pass when every member is done in time, pending while one is not, no-data while one is silent, fail when one is late', () => {
    const t = criterion('2.2', { lead: 'ccm' });
    const st = (unit: string, spec: EntrySpec, at = asOf) => report(unit, at, { '2.2': spec });
    const done = (u: string, on = '2025-08-01') => st(u, { status: 'done', completedOn: on });
    expect(one(t, [done('vp'), done('kt'), done('vhxh')], asOf).status).toBe('pass');
    expect(one(t, [done('vp'), st('kt', { status: 'in-progress' }), done('vhxh')], asOf).status).toBe('pending');
    const silent = one(t, [done('vp'), done('vhxh')], asOf);
    expect(silent.status).toBe('no-data');
    expect(silent.missingUnits).toEqual([ref('kt')]);
    expect(silent.task!.map((x) => x.unit)).toEqual(['vp', 'vhxh']);
    const late = [done('vp'), report('kt', '2026-01-14', { '2.2': { status: 'done', completedOn: '2026-01-02' } }), done('vhxh')];
    expect(one(t, late, '2026-01-14').status).toBe('fail');
    expect(one(t, [done('vp'), st('kt', { status: 'not-started' }), done('vhxh')], '2026-01-14').status).toBe('overdue');
  });
});

// ---------------------------------------------------------------------------
// "Không phát sinh" (denominator 0)
// ---------------------------------------------------------------------------

describe('0 of 0 = "không phát sinh"', () => {
  const asOf = '2025-09-14';

  it('single unit 0/0 is met and not applicable, actual null', () => {
    const r = one(ratioCrit('>=', 100), [report('ttphcc', asOf, { '3.2.1': { figures: { on_time: [0, 0] } } })], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ met: true, notApplicable: true, actual: null, value: 0, total: 0 });
  });

  it('0/0 is met after the deadline too', () => {
    const r = one(ratioCrit('>=', 100), [report('ttphcc', '2025-12-14', { '3.2.1': { figures: { on_time: [0, 0] } } })], '2026-01-10');
    expect(r.status).toBe('pass');
  });

  it('pooled 0/0 in a group sum is met and not applicable', () => {
    const c = criterion('2.1', { lead: 'ccm', measures: [measure('digitized', 'ratio', '>=', 90, 'sum')] });
    const zero = (u: string) => report(u, asOf, { '2.1': { figures: { digitized: [0, 0] } } });
    const r = one(c, [zero('vp'), zero('kt'), zero('vhxh')], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ met: true, notApplicable: true, actual: null, value: 0, total: 0, aggregate: 'sum' });
  });

  it('a member with 0/0 adds nothing to the pool: 0/0 + 18/20 + 0/0 = 90%', () => {
    const c = criterion('2.1', { lead: 'ccm', measures: [measure('digitized', 'ratio', '>=', 90, 'sum')] });
    const r = one(c, [
      report('vp', asOf, { '2.1': { figures: { digitized: [0, 0] } } }),
      report('kt', asOf, { '2.1': { figures: { digitized: [18, 20] } } }),
      report('vhxh', asOf, { '2.1': { figures: { digitized: [0, 0] } } }),
    ], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ value: 18, total: 20, actual: 90, met: true });
    expect(r.measures[0]!.notApplicable).toBeUndefined();
  });

  it('each: a member with 0/0 counts as met', () => {
    const c = criterion('2.1', { lead: 'ccm', measures: [measure('digitized', 'ratio', '>=', 90, 'each')] });
    const r = one(c, [
      report('vp', asOf, { '2.1': { figures: { digitized: [0, 0] } } }),
      report('kt', asOf, { '2.1': { figures: { digitized: [18, 20] } } }),
      report('vhxh', asOf, { '2.1': { figures: { digitized: [10, 10] } } }),
    ], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]!.byUnit![0]).toEqual({ unit: 'vp', actual: null, value: 0, total: 0, met: true });
  });

  it('each: every member 0/0 is met', () => {
    const c = criterion('2.1', { lead: 'ccm', measures: [measure('digitized', 'ratio', '>=', 90, 'each')] });
    const zero = (u: string) => report(u, asOf, { '2.1': { figures: { digitized: [0, 0] } } });
    const r = one(c, [zero('vp'), zero('kt'), zero('vhxh')], asOf);
    expect(r.status).toBe('pass');
    expect(r.measures[0]).toMatchObject({ met: true, actual: null, value: 0, total: 0 });
  });

  // With every member at 0/0 the table must say "không phát sinh (0/0)", not "0% (0/0)".
  it('each: every member 0/0 is flagged notApplicable like the pooled case', () => {
    const c = criterion('2.1', { lead: 'ccm', measures: [measure('digitized', 'ratio', '>=', 90, 'each')] });
    const zero = (u: string) => report(u, asOf, { '2.1': { figures: { digitized: [0, 0] } } });
    const r = one(c, [zero('vp'), zero('kt'), zero('vhxh')], asOf);
    expect(r.measures[0]!.notApplicable).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Due soon
// ---------------------------------------------------------------------------

describe('dueSoon', () => {
  const asOf = '2025-09-14';
  const short = () => report('ttphcc', asOf, { '3.2.1': { figures: { on_time: [8, 10] } } });

  it('a not-passing criterion due within dueSoonDays is flagged (at-risk, no-data, pending)', () => {
    expect(one(ratioCrit('>=', 90, { due: '2025-10-10' }), [short()], asOf).dueSoon).toBe(true);
    const noData = one(ratioCrit('>=', 90, { due: '2025-10-10' }), [], asOf);
    expect(noData.status).toBe('no-data');
    expect(noData.dueSoon).toBe(true);
    const pending = one(taskCrit({ due: '2025-10-10' }), [report('ttphcc', asOf, { '3.1.2': { status: 'in-progress' } })], asOf);
    expect(pending.status).toBe('pending');
    expect(pending.dueSoon).toBe(true);
  });

  it('a passing criterion is never due-soon', () => {
    const ok = report('ttphcc', asOf, { '3.2.1': { figures: { on_time: [10, 10] } } });
    const r = one(ratioCrit('>=', 90, { due: '2025-09-20' }), [ok], asOf);
    expect(r.status).toBe('pass');
    expect(r.dueSoon).toBe(false);
  });

  it('window edges: due in exactly 30 days → true, 31 days → false, due today → true', () => {
    expect(one(ratioCrit('>=', 90, { due: '2025-10-14' }), [], asOf).dueSoon).toBe(true);
    expect(one(ratioCrit('>=', 90, { due: '2025-10-15' }), [], asOf).dueSoon).toBe(false);
    expect(one(ratioCrit('>=', 90, { due: '2025-09-14' }), [], asOf).dueSoon).toBe(true);
  });

  it('follows the dueSoonDays option', () => {
    expect(one(ratioCrit('>=', 90, { due: '2025-09-21' }), [], asOf, 7).dueSoon).toBe(true);
    expect(one(ratioCrit('>=', 90, { due: '2025-09-22' }), [], asOf, 7).dueSoon).toBe(false);
    expect(one(ratioCrit('>=', 90, { due: '2025-09-14' }), [], asOf, 0).dueSoon).toBe(true);
  });

  it('not due-soon once past due (overdue / fail)', () => {
    expect(one(ratioCrit('>=', 90, { due: '2025-09-13' }), [], asOf).dueSoon).toBe(false);
    expect(one(ratioCrit('>=', 90, { due: '2025-09-13' }), [short()], asOf).dueSoon).toBe(false);
  });

  it('ongoing criteria are never due-soon', () => {
    expect(one(ratioCrit('>=', 90, { ongoing: true, due: '2025-09-20' }), [], asOf).dueSoon).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// The report as a whole
// ---------------------------------------------------------------------------

describe('the report', () => {
  const asOf = '2025-09-14';
  // One criterion of each status, ids chosen so that plan order ≠ sorted order.
  const criteria = [
    criterion('9.1', { area: 'IX', measures: [measure('m', 'ratio', '>=', 90)] }), // pass
    criterion('10.2', { area: 'IX', measures: [measure('m', 'ratio', '>=', 90)] }), // at-risk
    criterion('2.1', { area: 'II', due: '2025-06-30', measures: [measure('m', 'ratio', '>=', 90)] }), // fail
    criterion('1.3', { area: 'I', due: '2025-06-30' }), // overdue task
    criterion('3.10', { area: 'III' }), // pending task
    criterion('3.9', { area: 'III', measures: [measure('m', 'count', '=', 0)] }), // no-data
    criterion('4.1', { area: 'IV', requirement: undefined, dueImplied: true, notes: ['Bản gốc không ghi yêu cầu'] }), // no-data task
  ];
  const p = () => plan(structuredClone(criteria));
  const reports = () => [
    report('ttphcc', '2025-06-14', {
      '9.1': { line: 5, figures: { m: [95, 100] } },
      '2.1': { line: 9, figures: { m: [80, 100] } },
      '1.3': { line: 13, status: 'in-progress' },
    }, { file: 'progress/2025-Q2/ttphcc.yaml' }),
    report('ttphcc', '2025-09-14', {
      '10.2': { line: 5, figures: { m: [85, 100] } },
      '3.10': { line: 9, status: 'not-started' },
      '9.1': { line: 12, note: 'Giữ nguyên' },
    }, { file: 'progress/2025-Q3/ttphcc.yaml' }),
    report('ttphcc', '2025-12-14', { '3.9': { figures: { m: 0 } } }, { file: 'progress/2025-Q4/ttphcc.yaml' }),
  ];

  it('criteria come out in plan order with the expected statuses', () => {
    const r = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    expect(r.criteria.map((c) => [c.id, c.status])).toEqual([
      ['9.1', 'pass'],
      ['10.2', 'at-risk'],
      ['2.1', 'fail'],
      ['1.3', 'overdue'],
      ['3.10', 'pending'],
      ['3.9', 'no-data'],
      ['4.1', 'no-data'],
    ] satisfies [string, Status][]);
  });

  it('summary counts each status and adds up to total', () => {
    const r = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    expect(r.summary).toEqual({ total: 7, pass: 1, fail: 1, overdue: 1, 'at-risk': 1, pending: 1, 'no-data': 2 });
    const { total, ...rest } = r.summary;
    expect(Object.values(rest).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('header fields and per-criterion plan fields', () => {
    const r = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    expect(r.schema).toBe('cchc/report@1');
    expect(r.asOf).toBe(asOf);
    expect(r.plan).toMatchObject({ id: 'test-2025', revision: 1, title: 'Kế hoạch thử' });
    expect(r.units.map((u) => u.id)).toEqual(['ttphcc', 'vp', 'kt', 'vhxh', 'ccm']);
    const fail = r.criteria.find((c) => c.id === '2.1')!;
    expect(fail).toMatchObject({ area: 'II', due: '2025-06-30', ongoing: false, requirement: 'Yêu cầu 2.1' });
    expect(fail.sources).toEqual([{ file: 'progress/2025-Q2/ttphcc.yaml', line: 9 }]);
    const overdue = r.criteria.find((c) => c.id === '1.3')!;
    expect(overdue.daysOverdue).toBe(76); // 30/6 → 14/9: 31 (Jul) + 31 (Aug) + 14
    const noReq = r.criteria.find((c) => c.id === '4.1')!;
    expect(noReq.requirement).toBeNull();
    expect(noReq.dueImplied).toBe(true);
    expect(noReq.notes).toEqual(['Bản gốc không ghi yêu cầu']);
    const withReq = r.criteria.find((c) => c.id === '9.1')!;
    expect(withReq).not.toHaveProperty('dueImplied');
    expect(withReq).not.toHaveProperty('notes');
    // a note-only later entry does not become a source
    expect(withReq.sources).toEqual([{ file: 'progress/2025-Q2/ttphcc.yaml', line: 5 }]);
  });

  it('running evaluate twice gives deep-equal results', () => {
    const a = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    const b = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // the same objects evaluated twice, too
    const pl = p();
    const rs = reports();
    expect(evaluate(pl, rs, { asOf, ...DEFAULTS })).toEqual(evaluate(pl, rs, { asOf, ...DEFAULTS }));
  });

  it('does not depend on the order of the reports', () => {
    const a = evaluate(p(), reports(), { asOf, ...DEFAULTS });
    const b = evaluate(p(), reports().reverse(), { asOf, ...DEFAULTS });
    expect(b).toEqual(a);
  });

  it('does not mutate its inputs', () => {
    const pl = p();
    const rs = reports();
    const planBefore = structuredClone(pl);
    const reportsBefore = structuredClone(rs);
    evaluate(pl, rs, { asOf, ...DEFAULTS });
    evaluate(pl, rs, { asOf: '2026-02-01', ...DEFAULTS });
    expect(pl).toEqual(planBefore);
    expect(rs).toEqual(reportsBefore);
  });

  it('an empty plan gives an empty summary', () => {
    const r = evaluate(plan([]), [], { asOf, ...DEFAULTS });
    expect(r.criteria).toEqual([]);
    expect(r.summary).toEqual({ total: 0, pass: 0, fail: 0, overdue: 0, 'at-risk': 0, pending: 0, 'no-data': 0 });
  });
});

// ---------------------------------------------------------------------------
// Machine time zone (built module in a child process)
// ---------------------------------------------------------------------------

describe('evaluate does not depend on the machine time zone', () => {
  const evaluateUrl = new URL('../dist/evaluate/evaluate.js', import.meta.url).href;
  // Due 29/03/2025, nothing reported, D = 31/03/2025 → overdue by 2 days.
  // Due 31/03/2025, nothing reported, D = 29/03/2025, dueSoonDays 2 → no-data, due-soon.
  const script = `
    const { evaluate } = await import(${JSON.stringify(evaluateUrl)});
    const c = (id, due) => ({ id, area: 'I', title: id, due, ongoing: false, dueImplied: false, lead: 'u', support: [], measures: [], notes: [], line: 1 });
    const plan = { file: 'p.yaml', id: 'p', revision: 1, title: 't', issuer: 'i', year: 2025,
      units: new Map([['u', { id: 'u', name: 'U', aliases: [], notes: [] }]]), areas: [],
      criteria: [c('a', '2025-03-29'), c('b', '2025-03-31')], headingIds: new Set() };
    const late = evaluate(plan, [], { asOf: '2025-03-31', dueSoonDays: 2 }).criteria[0];
    const soon = evaluate(plan, [], { asOf: '2025-03-29', dueSoonDays: 2 }).criteria[1];
    console.log(JSON.stringify([late, soon].map((x) => [x.status, x.daysOverdue, x.dueSoon])));
  `;
  const run = (tz: string) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim();
  const expected = JSON.stringify([['overdue', 2, false], ['no-data', 0, true]]);

  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Europe/London'])('TZ=%s', (tz) => {
    expect(run(tz)).toBe(expected);
  }, 30_000);

  // In TZ=Atlantic/Azores (UTC-1 → UTC+0 on 30/03/2025) a local-time day count is off by one.
  it('TZ=Atlantic/Azores', () => {
    expect(run('Atlantic/Azores')).toBe(expected);
  }, 30_000);
});
