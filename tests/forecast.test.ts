/**
 * Trend, forecast and history (design.md; issue 17, parts 1 and 2): each reporting unit's pace between its last
 * two reports is carried on to the due date; a ratio projects its value and total. Checked
 * against hand calculations on the bundled example's H1 (14/06) and Q3 (14/09) reports.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forecastMeasure } from '../src/evaluate/forecast.js';
import { measureHistory } from '../src/evaluate/history.js';
import type { Measure, ProgressReport, Report } from '../src/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [join(root, 'bin/cchc.js'), 'check', ...args, '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout) as Report;
const measure = (r: Report, criterion: string) => r.criteria.find((c) => c.id === criterion)!.measures[0]!;

describe('forecast on the bundled example at the Q3 cut-off', () => {
  const q3 = check('--as-of', '2025-09-14');

  it('7.3.3: 452/645 on 14/06 and 975/1250 on 14/09 give 81,1% by 31/12, short of > 85%', () => {
    // 92 days between the reports, 108 to the due date:
    // value 975 + 523 × 108/92 = 1588.96, total 1250 + 605 × 108/92 = 1960.22 → 81.06%.
    expect(measure(q3, '7.3.3').forecast).toEqual({ value: 81.1, by: '2025-12-31', met: false, basis: ['2025-06-14', '2025-09-14'] });
  });

  it('6.1.1: disbursement at the H1-to-Q3 pace passes the planned capital: 100%, met', () => {
    // 7.85 + (7.85 − 3.12) × 108/92 = 13.40 tỷ > 12.8 tỷ planned: capped at the whole, 100%.
    expect(measure(q3, '6.1.1').forecast).toEqual({ value: 100, by: '2025-12-31', met: true, basis: ['2025-06-14', '2025-09-14'] });
  });

  it('an ongoing criterion is projected to the end of the plan year', () => {
    expect(measure(q3, '3.1.1').forecast?.by).toBe('2025-12-31');
  });

  it('never changes a status, and the summary counts the criteria forecast to miss', () => {
    const statuses = q3.criteria.map((c) => c.status);
    expect(q3.summary.forecastMiss).toBe(q3.criteria.filter((c) => c.measures.some((m) => m.forecast?.met === false)).length);
    expect(q3.summary.forecastMiss).toBe(3);
    expect(statuses.filter((s) => s === 'at-risk')).toHaveLength(5);
    // Passing measures get none.
    for (const c of q3.criteria) for (const m of c.measures) if (m.met) expect(m.forecast).toBeUndefined();
  });

  it('with one report (the H1 view) there is no forecast', () => {
    const h1 = check('--as-of', '2025-06-14');
    expect(h1.criteria.flatMap((c) => c.measures).filter((m) => m.forecast)).toEqual([]);
    expect(h1.summary.forecastMiss).toBeUndefined();
  });

  it('past the due date there is none: the status is the answer', () => {
    const late = check('--as-of', '2026-01-05');
    expect(late.criteria.flatMap((c) => c.measures).filter((m) => m.forecast)).toEqual([]);
  });
});

describe('forecastMeasure', () => {
  const m = (kind: Measure['kind'], target: number): Measure => ({ id: 'x', label: 'x', kind, target: { op: '>=', value: target, unit: kind === 'count' ? '' : '%', text: '' }, aggregate: 'sum' });
  const report = (unit: string, asOf: string, value: number, total?: number): ProgressReport => ({
    file: `${unit}-${asOf}.yaml`, plan: 'p', planRevision: 1, unit, period: asOf, asOf,
    entries: new Map([['1', { criterion: '1', figures: new Map([['x', total === undefined ? { value } : { value, total }]]), evidence: [], line: 1 }]]),
  });

  it('adds up the members of a group, each projected at its own pace', () => {
    const reports = [report('a', '2025-03-31', 10, 100), report('a', '2025-06-30', 20, 100), report('b', '2025-03-31', 0, 50), report('b', '2025-06-30', 50, 50)];
    // a: 20 + 10 × 184/91 = 40.2 of 100; b: 50 + 50 × 184/91 = 151 capped at its total 50.
    const f = forecastMeasure(m('ratio', 90), ['a', 'b'], reports, '1', '2025-12-31', false)!;
    expect(f.value).toBe(60.1);
    expect(f.met).toBe(false);
  });

  it('projects a count, never below zero, and skips `each` groups and units with one report', () => {
    const falling = [report('a', '2025-03-31', 10), report('a', '2025-06-30', 2)];
    expect(forecastMeasure(m('count', 0), ['a'], falling, '1', '2025-12-31', false)!.value).toBe(0);
    expect(forecastMeasure(m('count', 0), ['a'], falling, '1', '2025-12-31', true)).toBeUndefined();
    expect(forecastMeasure(m('count', 0), ['a', 'b'], falling, '1', '2025-12-31', false)).toBeUndefined();
  });
});

describe('measureHistory: a measure as it stood on each report date', () => {
  const m = (kind: Measure['kind'], aggregate: Measure['aggregate'] = 'sum'): Measure => ({ id: 'x', label: 'x', kind, target: { op: '>=', value: 90, unit: kind === 'count' ? '' : '%', text: '' }, aggregate });
  const report = (unit: string, asOf: string, value: number, total?: number): ProgressReport => ({
    file: `${unit}-${asOf}.yaml`, plan: 'p', planRevision: 1, unit, period: asOf, asOf,
    entries: new Map([['1', { criterion: '1', figures: new Map([['x', total === undefined ? { value } : { value, total }]]), evidence: [], line: 1 }]]),
  });

  it('6.1.1 on the bundled example: 3,12 of 12,8 tỷ on 14/06, 7,85 on 14/09', () => {
    const q3 = check('--as-of', '2025-09-14');
    expect(measure(q3, '6.1.1').history).toEqual([
      { asOf: '2025-06-14', actual: 24.38, value: 3_120_000_000, total: 12_800_000_000 },
      { asOf: '2025-09-14', actual: 61.33, value: 7_850_000_000, total: 12_800_000_000 },
    ]);
    // Reports after the evaluation date are not history yet: with one report, none.
    expect(check('--as-of', '2025-06-30').criteria.flatMap((c) => c.measures).filter((x) => x.history)).toEqual([]);
  });

  it('adds up each unit\'s latest figure on every date, leaving out dates before all units have reported', () => {
    const reports = [report('a', '2025-03-31', 10, 100), report('a', '2025-06-30', 20, 100), report('b', '2025-04-15', 0, 50), report('b', '2025-07-15', 50, 50)];
    // 31/03: b has not reported yet, left out. 15/04: 10 + 0 of 150. 30/06: 20 + 0. 15/07: 20 + 50.
    expect(measureHistory(m('ratio'), ['a', 'b'], true, reports, '1')).toEqual([
      { asOf: '2025-04-15', actual: 6.67, value: 10, total: 150 },
      { asOf: '2025-06-30', actual: 13.33, value: 20, total: 150 },
      { asOf: '2025-07-15', actual: 46.67, value: 70, total: 150 },
    ]);
  });

  it('shows the worst unit for `each`, a count as the count, and nothing with one date', () => {
    const reports = [report('a', '2025-03-31', 90, 100), report('b', '2025-03-31', 40, 50), report('a', '2025-06-30', 95, 100), report('b', '2025-06-30', 48, 50)];
    expect(measureHistory(m('ratio', 'each'), ['a', 'b'], true, reports, '1')!.map((p) => p.actual)).toEqual([80, 95]);
    const counts = [report('a', '2025-03-31', 3), report('a', '2025-06-30', 1)];
    expect(measureHistory(m('count'), ['a'], false, counts, '1')).toEqual([{ asOf: '2025-03-31', actual: 3, value: 3 }, { asOf: '2025-06-30', actual: 1, value: 1 }]);
    expect(measureHistory(m('count'), ['a'], false, counts.slice(1), '1')).toBeUndefined();
  });
});
