import type { Measure, ProgressEntry, ProgressReport, ReportMeasure, ReportMeasureByUnit } from '../types.js';
import { numberMeets, ratioMeets } from '../util/compare.js';

/** A unit's latest report (on or before the evaluation date) that gives a criterion. */
export interface Latest {
  report: ProgressReport;
  entry: ProgressEntry;
}

function figureOf(m: Measure, unit: string, latest: Map<string, Latest>) {
  return latest.get(unit)?.entry.figures.get(m.id);
}

function judge(m: Measure, value: number, total: number | undefined): { actual: number | null; met: boolean; notApplicable: boolean } {
  if (m.kind !== 'ratio') return { actual: value, met: numberMeets(value, m.target.op, m.target.value), notApplicable: false };
  if (!total) return { actual: null, met: true, notApplicable: true }; // "không phát sinh": nothing arose
  return { actual: round2((value / total) * 100), met: ratioMeets(value, total, m.target.op, m.target.value), notApplicable: false };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A measure over its reporting units, from each one's latest figures: summed, or, for a group with
 * `aggregate: each`, judged unit by unit (the worst shown). A unit without the figure joins `missing`.
 */
export function evaluateMeasure(m: Measure, reporters: string[], group: boolean, latest: Map<string, Latest>, missing: Set<string>): ReportMeasure {
  const base = { id: m.id, label: m.label, kind: m.kind, target: { op: m.target.op, value: m.target.value, unit: m.target.unit } };
  for (const u of reporters) if (latest.has(u) && !figureOf(m, u, latest)) missing.add(u);
  const known = reporters.filter((u) => figureOf(m, u, latest));
  const empty: ReportMeasure = { ...base, actual: null, value: null, total: null, met: null };

  if (group && m.aggregate === 'each') {
    const byUnit: ReportMeasureByUnit[] = known.map((u) => {
      const f = figureOf(m, u, latest)!;
      const j = judge(m, f.value, f.total);
      return { unit: u, actual: j.actual, value: f.value, ...(f.total !== undefined ? { total: f.total } : {}), met: j.met };
    });
    if (known.length < reporters.length) return { ...empty, aggregate: 'each', byUnit };
    const failing = byUnit.filter((b) => !b.met);
    const notApplicable = byUnit.every((b) => b.actual === null);
    const worst = (failing.length > 0 ? failing : byUnit).reduce((a, b) => (worse(m, b.actual, a.actual) ? b : a));
    return {
      ...base, actual: worst.actual, value: worst.value, total: worst.total ?? null, met: failing.length === 0,
      ...(notApplicable && m.kind === 'ratio' ? { notApplicable: true } : {}), aggregate: 'each', byUnit,
    };
  }
  if (known.length < reporters.length) return { ...empty, ...(group ? { aggregate: m.aggregate } : {}) };
  const value = known.reduce((s, u) => s + figureOf(m, u, latest)!.value, 0);
  const total = m.kind === 'ratio' ? known.reduce((s, u) => s + (figureOf(m, u, latest)!.total ?? 0), 0) : undefined;
  const j = judge(m, value, total);
  return {
    ...base, actual: j.actual, value, total: total ?? null, met: j.met,
    ...(j.notApplicable ? { notApplicable: true } : {}),
    ...(group ? { aggregate: m.aggregate } : {}),
  };
}

/** Is `a` further from meeting the target than `b`? */
function worse(m: Measure, a: number | null, b: number | null): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return m.target.op === '<' || m.target.op === '<=' ? a > b : a < b;
}
