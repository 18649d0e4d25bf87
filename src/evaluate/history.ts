import type { Measure, ProgressReport, ReportHistoryPoint } from '../types.js';
import { evaluateMeasure, type Latest } from './measure.js';

/**
 * A measure's figure report by report: at each date on which one of its reporting units reported
 * it, the measure as it stood then (each unit's latest figure up to that date, combined as the
 * evaluation combines them). A date before every unit has reported is left out: a sum of some units
 * would look like a fall. Undefined when fewer than two dates remain: one point is no history.
 */
export function measureHistory(m: Measure, reporters: readonly string[], group: boolean, usable: readonly ProgressReport[], criterion: string): ReportHistoryPoint[] | undefined {
  const mine = usable.filter((r) => reporters.includes(r.unit) && r.entries.get(criterion)?.figures.has(m.id));
  const dates = [...new Set(mine.map((r) => r.asOf))].sort();
  if (dates.length < 2) return undefined;
  const points: ReportHistoryPoint[] = [];
  for (const date of dates) {
    const latest = new Map<string, Latest>();
    for (const r of mine) {
      if (r.asOf > date) continue;
      const held = latest.get(r.unit);
      if (!held || r.asOf > held.report.asOf) latest.set(r.unit, { report: r, entry: r.entries.get(criterion)! });
    }
    if (latest.size < reporters.length) continue;
    const at = evaluateMeasure(m, [...reporters], group, latest, new Set());
    if (at.value === null) continue;
    points.push({ asOf: date, actual: at.actual, value: at.value, ...(at.total !== null && m.kind === 'ratio' ? { total: at.total } : {}) });
  }
  return points.length >= 2 ? points : undefined;
}
