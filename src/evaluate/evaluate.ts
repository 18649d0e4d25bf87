import type { Plan, ProgressReport, Report, ReportCriterion, ReportMeasure, ReportUnitRef, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { daysBetween } from '../util/dates.js';
import { reportingUnits } from '../validate/resolve-unit.js';
import { forecastMeasure } from './forecast.js';
import { measureHistory } from './history.js';
import { evaluateMeasure, type Latest } from './measure.js';

export interface EvaluateOptions {
  /** ISO date D: reports with asOf > D are ignored, deadlines are judged against D. */
  asOf: string;
  /** A criterion not yet passing and due within this many days is flagged due-soon. */
  dueSoonDays: number;
  /**
   * Focus on one unit's own share: where a group it belongs to leads a criterion, only its figures
   * count (not the pooled group), so an officer sees what their unit still has to do.
   */
  unit?: string;
}

/**
 * Evaluates every criterion of a plan as of a date (design.md, "Evaluation").
 * Pure: no clock, no files, no console — the same inputs give the same Report.
 */
export function evaluate(plan: Plan, reports: readonly ProgressReport[], options: EvaluateOptions): Report {
  const D = options.asOf;
  const usable = reports.filter((r) => r.plan === plan.id && r.asOf <= D);
  const unitRef = (id: string): ReportUnitRef => {
    const u = plan.units.get(id);
    return u ? { id, name: u.name, ...(u.short ? { short: u.short } : {}) } : { id, name: id };
  };

  const latestFor = (criterion: string, unit: string): Latest | undefined => {
    let best: Latest | undefined;
    for (const report of usable) {
      if (report.unit !== unit) continue;
      const entry = report.entries.get(criterion);
      // A note alone gives no figures: it does not replace earlier figures.
      if (!entry || (entry.figures.size === 0 && entry.status === undefined)) continue;
      if (!best || report.asOf > best.report.asOf) best = { report, entry };
    }
    return best;
  };

  const criteria = plan.criteria.map((c): ReportCriterion => {
    const group = reportingUnits(plan, c.lead);
    const reporters = options.unit !== undefined && group.includes(options.unit) ? [options.unit] : group;
    const latest = new Map<string, Latest>();
    for (const unit of reporters) {
      const found = latestFor(c.id, unit);
      if (found) latest.set(unit, found);
    }
    const missing = new Set(reporters.filter((u) => !latest.has(u)));
    const pastDue = !c.ongoing && D > c.due;

    let status: Status;
    let measures: ReportMeasure[] = [];
    let task: ReportCriterion['task'];
    if (c.measures.length > 0) {
      measures = c.measures.map((m) => evaluateMeasure(m, reporters, plan.units.get(c.lead)?.members !== undefined, latest, missing));
      if (missing.size > 0) status = pastDue ? 'overdue' : 'no-data';
      else if (measures.every((m) => m.met)) status = 'pass';
      else status = pastDue || c.ongoing ? 'fail' : 'at-risk';
    } else {
      task = reporters.filter((u) => latest.has(u)).map((u) => {
        const e = latest.get(u)!.entry;
        return { unit: u, status: e.status!, ...(e.completedOn ? { completedOn: e.completedOn } : {}), evidence: e.evidence };
      });
      if (missing.size > 0) status = pastDue ? 'overdue' : 'no-data';
      else if (task.every((t) => t.status === 'done')) {
        const late = !c.ongoing && task.some((t) => t.completedOn !== undefined && t.completedOn > c.due);
        status = late ? 'fail' : 'pass';
      } else status = pastDue ? 'overdue' : 'pending';
    }

    // Where a measure still short of its target is heading (a forecast never changes the status).
    // Only while there is time left: past the date, the status is the answer.
    const by = c.ongoing ? `${plan.year}-12-31` : c.due;
    if (status !== 'pass' && D < by) {
      const each = plan.units.get(c.lead)?.members !== undefined;
      measures = measures.map((rm, i) => {
        if (rm.met !== false) return rm;
        const m = c.measures[i]!;
        const forecast = forecastMeasure(m, reporters, usable, c.id, by, each && m.aggregate === 'each');
        return forecast ? { ...rm, forecast } : rm;
      });
    }
    // How each measure moved, report by report (the history command and the HTML chart).
    const pooled = plan.units.get(c.lead)?.members !== undefined;
    measures = measures.map((rm, i) => {
      const history = measureHistory(c.measures[i]!, reporters, pooled, usable, c.id);
      return history ? { ...rm, history } : rm;
    });
    const dueSoon = status !== 'pass' && !c.ongoing && !pastDue && daysBetween(D, c.due) <= options.dueSoonDays;
    const sources = [...latest.values()]
      .map((l) => ({ file: l.report.file, line: l.entry.line }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    return {
      id: c.id,
      area: c.area,
      ...(c.heading ? { heading: c.heading } : {}),
      title: c.title,
      requirement: c.requirement ?? null,
      due: c.due,
      ...(c.dueText ? { dueText: c.dueText } : {}),
      ...(c.dueImplied ? { dueImplied: true } : {}),
      ongoing: c.ongoing,
      dueSoon,
      daysOverdue: status === 'overdue' || (pastDue && status === 'fail') ? daysBetween(c.due, D) : 0,
      lead: unitRef(c.lead),
      support: c.support.map(unitRef),
      status,
      measures,
      ...(task ? { task } : {}),
      missingUnits: [...missing].map(unitRef),
      ...(c.notes.length > 0 ? { notes: c.notes } : {}),
      sources,
    };
  });

  const summary = { total: criteria.length } as Report['summary'];
  for (const s of STATUSES) summary[s] = criteria.filter((c) => c.status === s).length;
  const forecastMiss = criteria.filter((c) => c.measures.some((m) => m.forecast?.met === false)).length;
  if (forecastMiss > 0) summary.forecastMiss = forecastMiss;
  return {
    schema: 'cchc/report@1',
    asOf: D,
    plan: { id: plan.id, revision: plan.revision, title: plan.title, issuer: plan.issuer, file: plan.file },
    summary,
    ...(options.unit !== undefined ? { unit: unitRef(options.unit) } : {}),
    units: [...plan.units.keys()].map(unitRef),
    areas: plan.areas.map((a) => ({
      id: a.id,
      title: a.title,
      ...(a.notes.length > 0 ? { notes: a.notes } : {}),
      headings: a.headings.map((h) => ({ id: h.id, title: h.title, ...(h.notes.length > 0 ? { notes: h.notes } : {}) })),
    })),
    criteria,
    diagnostics: [],
  };
}
