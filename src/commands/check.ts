import { relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { evaluate } from '../evaluate/evaluate.js';
import { InvalidInputError, UsageError } from '../errors.js';
import type { FormatName } from '../choices.js';
import { ui } from '../messages.js';
import type { FailOn, Lang, Plan, ProgressReport, Report, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { todayIn } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { resolveUnit } from '../validate/resolve-unit.js';
import { gather, gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics, toReportDiagnostic } from './output.js';
import { deliver } from './outputs.js';

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
  const inputs = gather({ paths: options.paths, plan: options.plan, strict: options.strict, cwd: ctx.cwd }, config);
  const diagnostics = sortDiagnostics(inputs.diagnostics);
  for (const d of diagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0 && inputs.plans.size === 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }

  const plans = pickPlans(inputs.plans, options.plan);
  const asOf = options.asOf ?? config?.asOf ?? todayIn(ctx.now, config?.timezone);
  const dueSoonDays = options.dueSoonDays ?? config?.dueSoonDays ?? 30;
  const reportDiagnostics = diagnostics.map((d) => toReportDiagnostic(d, lang));
  // With several plans, --unit and --area keep the plans that have that unit or area.
  const wanted = plans.filter((plan) => plans.length === 1 || (
    (options.unit === undefined || resolveUnit(plan, options.unit) !== undefined) &&
    (options.area === undefined || plan.areas.some((a) => a.id.toLowerCase() === options.area!.toLowerCase()))));
  // Each plan is evaluated with its own progress reports only (a province has a thousand plans),
  // which are let go once it is: they take as much memory as the results.
  const reportsOf = new Map<string, ProgressReport[]>();
  for (const r of inputs.reports) {
    const list = reportsOf.get(r.plan);
    if (list) list.push(r);
    else reportsOf.set(r.plan, [r]);
  }
  inputs.reports = [];
  const reports = (wanted.length > 0 ? wanted : plans.slice(0, 1)).map((plan) => {
    const unit = options.unit !== undefined ? findUnit(plan, options.unit) : undefined;
    const own = reportsOf.get(plan.id) ?? [];
    reportsOf.delete(plan.id);
    const report = filterReport(evaluate(plan, own, { asOf, dueSoonDays, unit }), plan, unit, options.area);
    report.diagnostics = reportDiagnostics;
    return report;
  });

  if (errors > 0) {
    // The valid files are still evaluated and shown, so one broken file does not hide the rest;
    // but nothing is exported from incomplete data, and the exit code says the input is invalid.
    await deliver(reports, { format: options.format, files: [], defaults: [] }, { lang, chalk: ctx.chalk, width: ctx.width }, {
      ...ctx, inputs: new Set(), written: (file) => file,
    });
    ctx.err(ui(lang, 'invalidInputPartial', { n: errors }));
    throw new InvalidInputError();
  }

  await deliver(
    reports,
    { format: options.format, files: options.output ?? [], defaults: config?.outputs.map((f) => relative(ctx.cwd, f)) ?? [] },
    { lang, chalk: ctx.chalk, width: ctx.width, ...(options.stamp ? { stamp: ctx.now.toISOString() } : {}) },
    { ...ctx, inputs: new Set([...inputs.files, ...(config ? [config.abs] : [])]), written: (file) => ui(lang, 'written', { file }) },
  );
  const failOn = options.failOn ?? config?.failOn ?? 'fail';
  return reports.some((r) => r.criteria.some((c) => FAILING[failOn].includes(c.status))) ? 1 : 0;
}

/** Every loaded plan, in id order; `--plan` (an id, or the plan's file) keeps one. */
function pickPlans(plans: Map<string, Plan>, wanted: string | undefined): Plan[] {
  if (plans.size === 0) throw new UsageError('no-plan');
  const all = [...plans.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (wanted === undefined || plans.size === 1) return all;
  const file = wanted.replace(/\\/gu, '/').replace(/^\.\//u, '');
  const chosen = plans.get(wanted) ?? all.find((p) => p.file === file || p.file.endsWith(`/${file}`));
  if (!chosen) {
    const suggestion = suggest(wanted, plans.keys());
    throw new UsageError('unknown-plan', { plan: wanted, loaded: [...plans.keys()].join(', '), ...(suggestion ? { suggestion } : {}) });
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
