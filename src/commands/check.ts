import { relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { InvalidInputError, UsageError } from '../errors.js';
import type { FormatName } from '../choices.js';
import { formatMessage, ui } from '../messages.js';
import type { FailOn, Lang, Status } from '../types.js';
import { todayIn } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { gather, gatherConfig } from './gather.js';
import { collector, type Evaluated } from './check-collector.js';
import { gatherInParallel, workerCount } from './parallel-check.js';
import type { PlanSettings } from './plan-result.js';
import { formatDiagnostic, sortDiagnostics, toReportDiagnostic } from './output.js';
import { deliver, needsOf, type OutputRequest } from './outputs.js';

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
  const request: OutputRequest = { format: options.format, detail: options.detail, files: options.output ?? [], defaults: config?.outputs.map((f) => relative(ctx.cwd, f)) ?? [] };
  // Several plans (a province): the table and the roll-up exports need only the province's view,
  // built as each plan is evaluated, so that no report is kept and memory does not grow with the
  // number of communes (issue 18). JSON, JUnit, GitHub, Word and --detail need every report; no
  // view is built unless an output shows it (GitHub's step summary does).
  const needs = needsOf(request);
  const settings: PlanSettings = { asOf, dueSoonDays, plan: options.plan, unit: options.unit, area: options.area };
  const gathering = { paths: options.paths, plan: options.plan, strict: options.strict, cwd: ctx.cwd };
  // A province's files are read and evaluated in worker threads; should that not do (see
  // parallel-check.ts), they are read again here, from the start.
  let run = collector(settings, needs);
  const workers = workerCount(ctx.env);
  let inputs = workers > 1 ? await gatherInParallel(gathering, config, { settings, needs, accept: run.accept }, workers) : undefined;
  if (!inputs) {
    run = collector(settings, needs);
    inputs = gather({ ...gathering, onPlan: run.onPlan }, config);
  }
  const { evaluated, rollup, later } = run;
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
    { ...ctx, inputs: { has: (abs) => abs === config?.abs || inputs.files.has(abs) }, written: (file) => ui(lang, 'written', { file }) },
    view,
  );
  return failing(options.failOn ?? config?.failOn ?? 'fail') ? 1 : 0;
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

