import { relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { evaluate } from '../evaluate/evaluate.js';
import { compactReport } from '../format/compact-report.js';
import { RollupBuilder } from '../format/rollup/index.js';
import { InvalidInputError, UsageError } from '../errors.js';
import type { FormatName } from '../choices.js';
import { formatMessage, ui } from '../messages.js';
import type { FailOn, Lang, Plan, ProgressReport, Report, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { todayIn } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { resolveUnit } from '../validate/resolve-unit.js';
import { gather, gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics, toReportDiagnostic } from './output.js';
import { deliver, needsReports, type OutputRequest } from './outputs.js';

export interface CheckOptions {
  paths: string[];
  plan?: string;
  config?: string;
  /** ISO date, already checked by the command line parser. */
  asOf?: string;
  /** Given only when the user chose it: with `-o`, files otherwise take the format of their extension. */
  format?: FormatName;
  /** `-o FILE`, repeatable. */
  output?: string[];
  /** `--stamp`: put the time of the run into exported reports. */
  stamp?: boolean;
  /** `--notes`: the plan's transcription notes go into the Word, HTML and XLSX exports. */
  notes?: boolean;
  /** `--detail`: with several plans, every plan's full report instead of the province's view. */
  detail?: boolean;
  failOn?: FailOn;
  unit?: string;
  area?: string;
  lang?: Lang;
  /** Missing evidence files are errors, not warnings. */
  strict?: boolean;
  dueSoonDays?: number;
}

export interface CheckContext {
  cwd: string;
  now: Date;
  chalk: ChalkInstance;
  width: number;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  out: (data: string | Uint8Array) => void;
  err: (text: string) => void;
}

const FAILING: Record<FailOn, readonly Status[]> = {
  none: [],
  overdue: ['overdue'],
  fail: ['fail', 'overdue'],
  'at-risk': ['fail', 'overdue', 'at-risk'],
};

/** Loads, validates, evaluates and prints; returns the exit code (0, or 1 when criteria fail). */
export async function runCheck(options: CheckOptions, ctx: CheckContext): Promise<0 | 1> {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  if (configDiagnostics.length > 0) {
    for (const d of configDiagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
    throw new InvalidInputError();
  }
  const asOf = options.asOf ?? config?.asOf ?? todayIn(ctx.now, config?.timezone);
  const dueSoonDays = options.dueSoonDays ?? config?.dueSoonDays ?? 30;
  // Each plan is evaluated with its own reports as soon as they are read, and let go of with
  // them (a province has a thousand plans): what is kept is its result, if it may be shown.
  const evaluated = new Map<string, Evaluated>();
  let first: string | undefined;
  let compacting = false;
  const request: OutputRequest = { format: options.format, detail: options.detail, files: options.output ?? [], defaults: config?.outputs.map((f) => relative(ctx.cwd, f)) ?? [] };
  // Several plans (a province): the table and the roll-up exports need only the province's view,
  // built as each plan is evaluated, so that no report is kept and memory does not grow with the
  // number of communes (issue 18). JSON, JUnit, GitHub, Word and --detail need every report.
  const rollup = options.plan === undefined ? new RollupBuilder() : undefined;
  const keepReports = needsReports(request);
  // Reports dated after the evaluation date are left out (design.md); say so, or a Q4 file just
  // filled in seems to change nothing.
  const later = { n: 0, latest: '' };
  const onPlan = (plan: Plan, own: ProgressReport[]) => {
    for (const r of own) {
      if (r.asOf <= asOf) continue;
      later.n++;
      if (r.asOf > later.latest) later.latest = r.asOf;
    }
    const matches = planMatches(plan, options.plan);
    const filtered = (options.unit === undefined || resolveUnit(plan, options.unit) !== undefined) &&
      (options.area === undefined || plan.areas.some((a) => a.id.toLowerCase() === options.area!.toLowerCase()));
    // The plan first by id is shown when no plan is wanted; a plan id may come again (loadInputs).
    if (first === undefined || plan.id <= first) {
      const before = first !== undefined && first !== plan.id ? evaluated.get(first) : undefined;
      if (before && !wantedForItself(before, options.plan)) evaluated.set(first!, { matches: before.matches, filtered: before.filtered });
      first = plan.id;
    }
    if (plan.id !== first && !wantedForItself({ matches, filtered }, options.plan)) {
      evaluated.set(plan.id, { matches, filtered });
      return;
    }
    let outcome: Pick<Evaluated, 'report' | 'error'>;
    try {
      const unit = options.unit !== undefined ? findUnit(plan, options.unit) : undefined;
      outcome = { report: filterReport(evaluate(plan, own, { asOf, dueSoonDays, unit }), plan, unit, options.area) };
    } catch (error) {
      outcome = { error };
    }
    // From the second result on, results are kept as text (compact-report.ts).
    if (outcome.report && !compacting && [...evaluated.values()].some((e) => e.report)) {
      compacting = true;
      for (const e of evaluated.values()) if (e.report) e.report = compactReport(e.report);
    }
    if (outcome.report && compacting) outcome.report = compactReport(outcome.report);
    if (rollup && filtered && outcome.report) rollup.add(outcome.report);
    evaluated.set(plan.id, { matches, filtered, ...outcome });
    // From the second plan of the view on, its reports are let go of (the first plan by id is
    // kept: it is shown alone when no plan has the unit or area asked for).
    if (rollup && !keepReports && rollup.size > 1) {
      for (const [id, e] of evaluated) if (e.report && e.filtered && id !== first) evaluated.set(id, { matches: e.matches, filtered: e.filtered, inView: true });
    }
  };
  const inputs = gather({ paths: options.paths, plan: options.plan, strict: options.strict, cwd: ctx.cwd, onPlan }, config);
  const diagnostics = sortDiagnostics(inputs.diagnostics);
  for (const d of diagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  if (later.n > 0) {
    const fromConfig = options.asOf === undefined && config?.asOf !== undefined ? relative(ctx.cwd, config.abs).split('\\').join('/') : undefined;
    ctx.err(`cchc: ${formatMessage({ code: 'later-reports', args: { n: later.n, asOf, latest: later.latest, ...(fromConfig ? { config: fromConfig } : {}) } }, lang)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0 && inputs.planFiles.size === 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }

  const plans = pickPlans(inputs.planFiles, evaluated, options.plan);
  const reportDiagnostics = diagnostics.map((d) => toReportDiagnostic(d, lang));
  // With several plans, --unit and --area keep the plans that have that unit or area.
  const wanted = plans.filter(([, e]) => plans.length === 1 || e.filtered);
  const view = rollup && wanted.length > 1 ? rollup.finish() : undefined;
  const reports = (wanted.length > 0 ? wanted : plans.slice(0, 1)).flatMap(([, e]) => {
    if (e.inView) return [];
    if (!e.report) throw e.error;
    e.report.diagnostics = reportDiagnostics;
    return [e.report];
  });
  const failing = (failOn: FailOn) => (view
    ? FAILING[failOn].some((status) => view.counts[status] > 0)
    : reports.some((r) => FAILING[failOn].some((status) => r.summary[status] > 0)));

  if (errors > 0) {
    // The valid files are still evaluated and shown, so one broken file does not hide the rest;
    // but nothing is exported from incomplete data, and the exit code says the input is invalid.
    await deliver(reports, { format: options.format, detail: options.detail, files: [], defaults: [] }, { lang, chalk: ctx.chalk, width: ctx.width }, {
      ...ctx, inputs: new Set(), written: (file) => file,
    }, view);
    ctx.err(ui(lang, 'invalidInputPartial', { n: errors }));
    throw new InvalidInputError();
  }

  await deliver(
    reports,
    request,
    { lang, chalk: ctx.chalk, width: ctx.width, ...(options.stamp ? { stamp: ctx.now.toISOString() } : {}),
      ...(options.notes ? { notes: true } : {}), ...(config?.report ? { meeting: config.report } : {}) },
    { ...ctx, inputs: new Set([...inputs.files, ...(config ? [config.abs] : [])]), written: (file) => ui(lang, 'written', { file }) },
    view,
  );
  return failing(options.failOn ?? config?.failOn ?? 'fail') ? 1 : 0;
}

/** A plan as evaluated when read: its result (or why there is none), kept if it may be shown. */
interface Evaluated {
  /** Named by `--plan`. */
  matches: boolean;
  /** Has the unit of `--unit` and the area of `--area`. */
  filtered: boolean;
  report?: Report;
  error?: unknown;
  /** Counted in the province's view, its report let go of. */
  inView?: boolean;
}

/** `--plan` names this plan: by id, or by its file. */
function planMatches(plan: Plan, wanted: string | undefined): boolean {
  if (wanted === undefined) return false;
  const file = wanted.replace(/\\/gu, '/').replace(/^\.\//u, '');
  return plan.id === wanted || plan.file === file || plan.file.endsWith(`/${file}`);
}

/** Shown if it is read: named by `--plan`, or, without it, having the unit and area asked for. */
function wantedForItself(e: Pick<Evaluated, 'matches' | 'filtered'>, plan: string | undefined): boolean {
  return plan === undefined ? e.filtered : e.matches;
}

/** Every plan read, in id order; `--plan` (an id, or the plan's file) keeps one. */
function pickPlans(planFiles: ReadonlyMap<string, string>, evaluated: ReadonlyMap<string, Evaluated>, wanted: string | undefined): [string, Evaluated][] {
  if (planFiles.size === 0) throw new UsageError('no-plan');
  const all = [...evaluated].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (wanted === undefined || planFiles.size === 1) return all;
  const chosen = all.find(([id]) => id === wanted) ?? all.find(([, e]) => e.matches);
  if (!chosen) {
    const suggestion = suggest(wanted, planFiles.keys());
    throw new UsageError('unknown-plan', { plan: wanted, loaded: [...planFiles.keys()].join(', '), ...(suggestion ? { suggestion } : {}) });
  }
  return [chosen];
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
