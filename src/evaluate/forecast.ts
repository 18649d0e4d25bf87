import type { Measure, ProgressReport, ReportForecast } from '../types.js';
import { numberMeets, ratioMeets } from '../util/compare.js';
import { daysBetween } from '../util/dates.js';

/** One unit's figure for a measure in one report. */
interface Point {
  asOf: string;
  value: number;
  total?: number;
}

/**
 * Where a measure is heading (design.md, "Trend and forecast"): each reporting unit's figures are
 * cumulative for the year, so the pace between its last two reports (on or before the evaluation
 * date) is carried on to `by`, linearly; a ratio's value and total are projected each, then added
 * up over the units (as `aggregate: sum` adds them). No forecast when a unit has fewer than two
 * reports with the figure, for `aggregate: each`, or when `by` is not after the last report.
 * Pure: figures in, forecast out.
 */
export function forecastMeasure(m: Measure, reporters: readonly string[], reports: readonly ProgressReport[], criterion: string, by: string, each: boolean): ReportForecast | undefined {
  if (each) return undefined;
  let value = 0;
  let total = 0;
  const basis = new Set<string>();
  for (const unit of reporters) {
    const points = pointsOf(m, unit, reports, criterion);
    if (points.length < 2) return undefined;
    const [p1, p2] = points.slice(-2) as [Point, Point];
    const span = daysBetween(p1.asOf, p2.asOf);
    const ahead = daysBetween(p2.asOf, by);
    if (span <= 0 || ahead <= 0) return undefined;
    const project = (a: number, b: number) => Math.max(0, b + ((b - a) * ahead) / span);
    const v = project(p1.value, p2.value);
    if (m.kind === 'ratio') {
      const t = project(p1.total ?? 0, p2.total ?? 0);
      value += Math.min(v, t);
      total += t;
    } else {
      value += v;
    }
    basis.add(p1.asOf).add(p2.asOf);
  }
  let shown: number;
  let met: boolean;
  if (m.kind === 'ratio') {
    if (total === 0) return undefined;
    shown = round1((value / total) * 100);
    met = ratioMeets(value, total, m.target.op, m.target.value);
  } else if (m.kind === 'percent') {
    // A percentage of the whole unit's work: one unit's figure, projected, within 0–100.
    shown = round1(Math.min(100, value / reporters.length));
    met = numberMeets(shown, m.target.op, m.target.value);
  } else {
    shown = Math.round(value);
    met = numberMeets(shown, m.target.op, m.target.value);
  }
  return { value: shown, by, met, basis: [...basis].sort() };
}

/** A unit's figures for the measure, one per report date, in date order. */
function pointsOf(m: Measure, unit: string, reports: readonly ProgressReport[], criterion: string): Point[] {
  const byDate = new Map<string, Point>();
  for (const r of reports) {
    if (r.unit !== unit) continue;
    const f = r.entries.get(criterion)?.figures.get(m.id);
    if (f) byDate.set(r.asOf, { asOf: r.asOf, value: f.value, ...(f.total !== undefined ? { total: f.total } : {}) });
  }
  return [...byDate.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
}

const round1 = (n: number) => Math.round(n * 10) / 10;
