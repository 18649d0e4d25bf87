import { compactFromPlaces, compactReport, type HeavyPart, type Place } from '../format/compact-report.js';
import { RollupBuilder, type RollupEntry } from '../format/rollup/index.js';
import type { Plan, ProgressReport, Report } from '../types.js';
import type { Needs } from './outputs.js';
import { planResult, wantedForItself, type PlanResult, type PlanSettings } from './plan-result.js';

/** A plan as evaluated when read: its result (or why there is none), kept if it may be shown. */
export interface Evaluated {
  matches: boolean;
  filtered: boolean;
  report?: Report;
  error?: unknown;
  /** Counted in the province's view, its report let go of. */
  inView?: boolean;
}

/**
 * A result evaluated in a worker thread: its line of the view (when the view is wanted), with the
 * report when it may be shown (check-worker.ts): its heavy parts as JSON text in the worker's
 * spool file.
 */
export interface CompactResult extends Omit<PlanResult, 'report'> {
  compact?: { entry?: RollupEntry; whole?: { light: Report; places: Record<HeavyPart, Place> } };
}

/**
 * A plan with neither report nor error: one of eight objects made once, shared by every such plan
 * (a province's 3,300 communes each had its own, kept to the end).
 */
const BARE: readonly Evaluated[] = Array.from({ length: 8 }, (_, i) => Object.freeze({ matches: (i & 1) === 1, filtered: (i & 2) === 2, ...(i & 4 ? { inView: true } : {}) }));
const bare = (matches: boolean, filtered: boolean, inView: boolean): Evaluated => BARE[(matches ? 1 : 0) + (filtered ? 2 : 0) + (inView ? 4 : 0)]!;

/**
 * What check keeps of each plan as it is handed over (in any order: worker threads hand plans over
 * as they finish them): its result if it may be shown, its line of the province's view, and
 * nothing more once the view is all that is shown (issue 18).
 */
export function collector(settings: PlanSettings, needs: Needs) {
  const evaluated = new Map<string, Evaluated>();
  let first: string | undefined;
  let compacting = false;
  let dropping = false;
  const rollup = settings.plan === undefined && needs.view ? new RollupBuilder() : undefined;
  // Reports dated after the evaluation date are left out (design.md); they are counted to say so.
  const later = { n: 0, latest: '' };
  /** Counted in the view and not the first plan by id (shown alone when no plan has the unit or area asked for): let go of. */
  const drop = (id: string) => {
    const e = evaluated.get(id);
    if (e?.report && e.filtered && id !== first) evaluated.set(id, bare(e.matches, e.filtered, true));
  };

  const accept = (r: PlanResult | CompactResult) => {
    later.n += r.later.n;
    if (r.later.latest > later.latest) later.latest = r.later.latest;
    const { id, matches, filtered } = r;
    // The plan first by id is shown when no plan is wanted; a plan id may come again (loadInputs).
    if (first === undefined || id <= first) {
      const previous = first;
      const before = previous !== undefined && previous !== id ? evaluated.get(previous) : undefined;
      if (before && !wantedForItself(before, settings.plan)) evaluated.set(previous!, bare(before.matches, before.filtered, false));
      first = id;
      if (dropping && previous !== undefined) drop(previous);
    }
    if (id !== first && !wantedForItself(r, settings.plan)) {
      evaluated.set(id, bare(matches, filtered, false));
      return;
    }
    const compact = 'compact' in r ? r.compact : undefined;
    if (compact && !compact.whole) {
      // Shown only in the province's view (check-worker.ts): never the first by id, nor the one plan wanted.
      if (rollup && filtered && compact.entry) rollup.addEntry(compact.entry);
      evaluated.set(id, bare(matches, filtered, true));
    } else {
      keep(r, compact);
    }
    if (rollup && !needs.reports && rollup.size > 1) {
      if (dropping) drop(id);
      else {
        dropping = true;
        for (const key of [...evaluated.keys()]) drop(key);
      }
    }
  };

  /** A result that may be shown: kept (as text from the second on), and counted in the view. */
  const keep = (r: PlanResult | CompactResult, compact: CompactResult['compact']) => {
    const { id, matches, filtered } = r;
    const whole = compact?.whole;
    let report = whole ? compactFromPlaces(whole.light, whole.places) : 'report' in r ? r.report : undefined;
    // From the second result on, results are kept as text (compact-report.ts).
    if (report && !compacting && [...evaluated.values()].some((e) => e.report)) {
      compacting = true;
      for (const e of evaluated.values()) if (e.report) e.report = compactReport(e.report);
    }
    if (report && compacting) report = compactReport(report);
    if (rollup && filtered && report) {
      if (compact?.entry) rollup.addEntry(compact.entry);
      else rollup.add(report);
    }
    evaluated.set(id, { matches, filtered, ...(report ? { report } : {}), ...(r.error !== undefined ? { error: r.error } : {}) });
  };

  /** A plan read in this thread: evaluated here if it may be shown. */
  const onPlan = (plan: Plan, own: ProgressReport[]) => {
    accept(planResult(plan, own, settings, (r) => first === undefined || plan.id <= first || wantedForItself(r, settings.plan)));
  };
  return { evaluated, rollup, later, onPlan, accept };
}
