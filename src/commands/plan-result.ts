import { evaluate } from '../evaluate/evaluate.js';
import { UsageError } from '../errors.js';
import type { Plan, ProgressReport, Report } from '../types.js';
import { STATUSES } from '../types.js';
import { suggest } from '../util/suggest.js';
import { resolveUnit } from '../validate/resolve-unit.js';

/** What `check` asks of every plan: the date, and which plans, units and areas are wanted. */
export interface PlanSettings {
  asOf: string;
  dueSoonDays: number;
  /** `--plan`: an id or a plan file. */
  plan?: string;
  unit?: string;
  area?: string;
}

/** One plan as `check` sees it once read: whether it is wanted, and its result if it was evaluated. */
export interface PlanResult {
  id: string;
  /** Named by `--plan`. */
  matches: boolean;
  /** Has the unit of `--unit` and the area of `--area`. */
  filtered: boolean;
  /** Its reports dated after the evaluation date: how many, the latest date. */
  later: { n: number; latest: string };
  report?: Report;
  error?: unknown;
}

/**
 * Evaluates one plan with its own reports, as `check` shows it (--unit, --area), or only says
 * whether it is wanted when `evaluateIt` is false. Pure: runs in the main thread or a worker.
 */
export function planResult(plan: Plan, own: readonly ProgressReport[], settings: PlanSettings, evaluateIt: (r: Pick<PlanResult, 'matches' | 'filtered'>) => boolean): PlanResult {
  const later = { n: 0, latest: '' };
  for (const r of own) {
    if (r.asOf <= settings.asOf) continue;
    later.n++;
    if (r.asOf > later.latest) later.latest = r.asOf;
  }
  const matches = planMatches(plan, settings.plan);
  const filtered = (settings.unit === undefined || resolveUnit(plan, settings.unit) !== undefined) &&
    (settings.area === undefined || plan.areas.some((a) => a.id.toLowerCase() === settings.area!.toLowerCase()));
  const result: PlanResult = { id: plan.id, matches, filtered, later };
  if (!evaluateIt(result)) return result;
  try {
    const unit = settings.unit !== undefined ? findUnit(plan, settings.unit) : undefined;
    result.report = filterReport(evaluate(plan, own, { asOf: settings.asOf, dueSoonDays: settings.dueSoonDays, unit }), plan, unit, settings.area);
  } catch (error) {
    result.error = error;
  }
  return result;
}

/** Shown if it is read: named by `--plan`, or, without it, having the unit and area asked for. */
export function wantedForItself(e: Pick<PlanResult, 'matches' | 'filtered'>, plan: string | undefined): boolean {
  return plan === undefined ? e.filtered : e.matches;
}

/** `--plan` names this plan: by id, or by its file. */
function planMatches(plan: Plan, wanted: string | undefined): boolean {
  if (wanted === undefined) return false;
  const file = wanted.replace(/\\/gu, '/').replace(/^\.\//u, '');
  return plan.id === wanted || plan.file === file || plan.file.endsWith(`/${file}`);
}

function findUnit(plan: Plan, written: string): string {
  const unit = resolveUnit(plan, written);
  if (unit) return unit;
  const suggestion = suggest(written, [...plan.units.values()].flatMap((u) => [u.id, u.name, ...u.aliases]));
  throw new UsageError('unknown-unit', { id: written, example: [...plan.units.keys()][0] ?? '', ...(suggestion ? { suggestion } : {}) });
}

/** --unit and --area keep the criteria a unit reports (as lead or lead-group member) or of an area. */
function filterReport(report: Report, plan: Plan, unit: string | undefined, areaId: string | undefined): Report {
  let criteria = report.criteria;
  if (unit !== undefined) {
    criteria = criteria.filter((c) => c.lead.id === unit || (plan.units.get(c.lead.id)?.members ?? []).includes(unit));
  }
  if (areaId !== undefined) {
    const area = plan.areas.find((a) => a.id.toLowerCase() === areaId.toLowerCase());
    if (!area) throw new UsageError('not-in-list', { value: areaId, allowed: plan.areas.map((a) => a.id).join(', ') });
    criteria = criteria.filter((c) => c.area === area.id);
  }
  if (criteria === report.criteria) return report;
  const summary = { total: criteria.length } as Report['summary'];
  for (const s of STATUSES) summary[s] = criteria.filter((c) => c.status === s).length;
  return { ...report, criteria, summary };
}
