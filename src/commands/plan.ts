import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DiffFormatName, PlanFormatName } from '../choices.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { discover, displayPath, type FoundFile } from '../load/discover.js';
import { loadInputs } from '../load/load-inputs.js';
import { locate, type Position } from '../load/locate.js';
import { readSource } from '../load/read-source.js';
import { describeChange, planUi } from '../messages-plan.js';
import { ui } from '../messages.js';
import { diffPlans, isCriterionChange, isUnitChange, toAmendmentChange, type AmendmentChange, type PlanChange } from '../plan/diff.js';
import { planFormatters } from '../plan/show.js';
import type { Diagnostic, Lang, Plan } from '../types.js';
import type { CheckContext } from './check.js';
import { gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics } from './output.js';

export type PlanContext = Pick<CheckContext, 'cwd' | 'chalk' | 'width' | 'env' | 'out' | 'err'>;

export interface PlanShowOptions {
  /** A plan file, or a plan id among the plans of the configuration. Default: the configuration's plan. */
  plan?: string;
  config?: string;
  format?: PlanFormatName;
  lang?: Lang;
}

export interface PlanDiffOptions {
  format?: DiffFormatName;
  config?: string;
  lang?: Lang;
}

/** `cchc plan show`: prints the plan as a tree (areas, headings, criteria) and its units. */
export function runPlanShow(options: PlanShowOptions, ctx: PlanContext): 0 {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  report(configDiagnostics, lang, ctx);
  const wanted = options.plan;
  const planIsPath = wanted !== undefined && (/\.ya?ml$/iu.test(wanted) || existsSync(resolve(ctx.cwd, wanted)));
  let paths: string[];
  if (planIsPath) paths = [wanted];
  else if (config && config.plans.length > 0) paths = config.plans;
  else throw new UsageError('no-plan');

  const { files, diagnostics } = discover(paths, ctx.cwd);
  const inputs = loadInputs(files);
  report([...diagnostics, ...inputs.diagnostics], lang, ctx);
  let plan: Plan | undefined;
  if (wanted !== undefined && !planIsPath) {
    plan = inputs.plans.get(wanted);
    if (!plan) throw new UsageError('unknown-plan', { plan: wanted, loaded: [...inputs.plans.keys()].join(', ') });
  } else if (inputs.plans.size > 1) {
    throw new UsageError('several-plans', { ids: [...inputs.plans.keys()].join(', ') });
  } else {
    plan = [...inputs.plans.values()][0];
    if (!plan) throw planIsPath ? new UsageError('not-a-plan', { file: files[0]?.file ?? wanted }) : new UsageError('no-plan');
  }
  ctx.out(planFormatters[options.format ?? 'table'](plan, { lang, chalk: ctx.chalk, width: ctx.width }));
  return 0;
}

/** Prints diagnostics; any error stops the command (exit 2). */
function report(diagnostics: Diagnostic[], lang: Lang, ctx: PlanContext): void {
  const sorted = sortDiagnostics(diagnostics);
  for (const d of sorted) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  const errors = sorted.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }
}

// ---- plan diff ----

/** `plans/x.yaml` (a file) or `plans/x.yaml@HEAD~1` (the file as it was in a git revision). */
interface PlanSpec {
  spec: string;
  path: string;
  rev?: string;
}

function parseSpec(spec: string, cwd: string): PlanSpec {
  if (!spec.includes('@') || existsSync(resolve(cwd, spec))) return { spec, path: spec };
  // The first `.yaml@` ends the path, so revisions such as HEAD@{1} keep their own `@`.
  const m = /^(.*?\.ya?ml)@(.*)$/isu.exec(spec) ?? /^([^@]*)@(.*)$/su.exec(spec)!;
  return { spec, path: m[1]!, rev: m[2]! };
}

interface LoadedPlan {
  plan: Plan;
  /** As shown to the user: `plans/x.yaml` or `plans/x.yaml@HEAD~1`. */
  file: string;
  revisionAt?: Position;
}

interface GitFailure extends Error {
  code?: string;
  status?: number | null;
  stderr?: Buffer | string;
}

function git(args: string[], at: string, env: NodeJS.ProcessEnv): Buffer {
  return execFileSync('git', ['-C', at, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    // Untranslated messages, so that "not a git repository" can be recognised.
    env: { ...env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0' },
  });
}

const firstLine = (error: GitFailure) => String(error.stderr ?? error.message).trim().split('\n')[0]!.replace(/^fatal: /u, '');

/** The bytes of `path` as committed in `rev`, read with `git show REV:<path from the top level>`. */
function readFromGit(spec: PlanSpec & { rev: string }, ctx: PlanContext): Buffer {
  const abs = resolve(ctx.cwd, spec.path);
  let dir = dirname(abs);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const args = { spec: spec.spec, rev: spec.rev, path: spec.path, dir: displayPath(dir, ctx.cwd) };
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dir, ctx.env).toString('utf8').trim();
  } catch (error) {
    const e = error as GitFailure;
    if (e.code === 'ENOENT') throw new UsageError('git-missing', args);
    if (/not a git repository/iu.test(String(e.stderr ?? ''))) throw new UsageError('git-not-repository', args);
    throw new UsageError('git-failed', { ...args, detail: firstLine(e) });
  }
  // A revision is never an option: `--output=…` must not reach git as one.
  const unknownRevision = new UsageError('git-unknown-revision', args);
  if (spec.rev === '' || spec.rev.startsWith('-')) throw unknownRevision;
  try {
    git(['rev-parse', '--verify', '--quiet', `${spec.rev}^{commit}`], top, ctx.env);
  } catch {
    throw unknownRevision;
  }
  // git names the top level with symbolic links resolved (/private/tmp on macOS); do the same here.
  const real = join(realpathSync(dir), relative(dir, abs));
  const inRepo = relative(resolve(top), real);
  const gitPath = inRepo.split(sep).join('/');
  if (inRepo === '' || inRepo.startsWith('..') || isAbsolute(inRepo)) throw new UsageError('git-file-not-in-revision', { ...args, path: spec.path });
  try {
    return git(['show', `${spec.rev}:${gitPath}`], top, ctx.env);
  } catch {
    throw new UsageError('git-file-not-in-revision', { ...args, path: gitPath });
  }
}

/** Loads one side of the diff: a plan file, or a plan read from git (shown as `path@REV`). */
function loadSide(spec: PlanSpec, ctx: PlanContext): { loaded?: LoadedPlan; diagnostics: Diagnostic[] } {
  if (spec.rev === undefined) {
    const { files, diagnostics } = discover([spec.path], ctx.cwd);
    if (diagnostics.length > 0) return { diagnostics };
    if (files.length !== 1) throw new UsageError('not-a-plan', { file: spec.path });
    return loadFile(files[0]!);
  }
  const bytes = readFromGit({ ...spec, rev: spec.rev }, ctx);
  const file = `${displayPath(resolve(ctx.cwd, spec.path), ctx.cwd)}@${spec.rev}`;
  // The loaders read files; the old revision goes through a private temporary copy.
  const temp = mkdtempSync(join(tmpdir(), 'cchc-plan-'));
  try {
    const abs = join(temp, basename(spec.path) || 'plan.yaml');
    writeFileSync(abs, bytes);
    return loadFile({ abs, file });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function loadFile(found: FoundFile): { loaded?: LoadedPlan; diagnostics: Diagnostic[] } {
  const inputs = loadInputs([found]);
  const plan = [...inputs.plans.values()][0];
  if (!plan) {
    const diagnostics = inputs.diagnostics.filter((d) => d.severity === 'error');
    if (diagnostics.length > 0) return { diagnostics };
    throw new UsageError('not-a-plan', { file: found.file });
  }
  const { source } = readSource(found.abs, found.file);
  return { loaded: { plan, file: found.file, ...(source ? { revisionAt: locate(source, ['revision']) } : {}) }, diagnostics: inputs.diagnostics };
}

/**
 * `cchc plan diff OLD NEW`: what changed between two revisions of a plan. Either side may be
 * `path@REV`, read from git; `@REV` alone means the other side's path. Returns 1 when something
 * changed, 0 when nothing did; warns when the content changed but NEW's revision was not raised.
 */
export function runPlanDiff(oldSpec: string, newSpec: string, options: PlanDiffOptions, ctx: PlanContext): 0 | 1 {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  report(configDiagnostics, lang, ctx);
  const specs = [parseSpec(oldSpec, ctx.cwd), parseSpec(newSpec, ctx.cwd)] as const;
  for (const [i, s] of specs.entries()) {
    if (s.path !== '') continue;
    const other = specs[1 - i]!;
    if (other.path === '') throw new UsageError('plan-spec-no-path', { spec: s.spec });
    s.path = other.path;
  }
  const [a, b] = specs.map((s) => loadSide(s, ctx)) as [ReturnType<typeof loadSide>, ReturnType<typeof loadSide>];
  report([...a.diagnostics, ...b.diagnostics], lang, ctx);
  const old = a.loaded!;
  const next = b.loaded!;

  const changes = diffPlans(old.plan, next.plan);
  const suggested = Math.max(next.plan.revision, old.plan.revision + 1);
  if (changes.length > 0 && next.plan.revision <= old.plan.revision) {
    ctx.err(formatDiagnostic({
      severity: 'warning', code: 'plan-revision-not-bumped',
      args: { old: old.file, oldRevision: old.plan.revision, revision: next.plan.revision, suggested },
      file: next.file, ...(next.revisionAt ? { line: next.revisionAt.line, column: next.revisionAt.column } : {}),
    }, lang, ctx.chalk));
  }

  const format = options.format ?? 'text';
  if (format === 'json') ctx.out(formatDiffJson(changes, old, next));
  else if (format === 'yaml') ctx.out(formatAmendmentYaml(changes, changes.length > 0 ? suggested : next.plan.revision));
  else ctx.out(formatDiffText(changes, old, next, lang, ctx));
  return changes.length > 0 ? 1 : 0;
}

// ---- diff output ----

function formatDiffJson(changes: PlanChange[], old: LoadedPlan, next: LoadedPlan): string {
  const side = (p: LoadedPlan) => ({ file: p.file, id: p.plan.id, revision: p.plan.revision });
  return `${JSON.stringify({ old: side(old), new: side(next), changes }, null, 2)}\n`;
}

const subjectOf = (c: PlanChange) => (isCriterionChange(c) ? `c:${c.criterion}` : isUnitChange(c) ? `u:${c.unit}` : 'plan');

/** One line per change, the lines of one criterion (or unit) together, then a count. */
function formatDiffText(changes: PlanChange[], old: LoadedPlan, next: LoadedPlan, lang: Lang, ctx: PlanContext): string {
  const { chalk } = ctx;
  const header = planUi(lang, 'compare', { old: old.file, oldRevision: old.plan.revision, new: next.file, newRevision: next.plan.revision });
  if (changes.length === 0) return `${header}\n${planUi(lang, 'noChange')}\n`;
  const unit = (id: string) => {
    const u = next.plan.units.get(id) ?? old.plan.units.get(id);
    return u?.short ?? u?.name ?? id;
  };
  const lines: string[] = [header];
  let subject: string | undefined;
  for (const c of changes) {
    if (subjectOf(c) !== subject) lines.push('');
    subject = subjectOf(c);
    const who = isCriterionChange(c) ? `${planUi(lang, 'criterion')} ${c.criterion}` : isUnitChange(c) ? `${planUi(lang, 'unit')} ${c.unit}` : planUi(lang, 'plan');
    lines.push(`${chalk.bold(who)}: ${describeChange(c, lang, { unit })}`);
  }
  const criteria = new Set(changes.filter(isCriterionChange).map((c) => c.criterion)).size;
  const units = new Set(changes.filter(isUnitChange).map((c) => c.unit)).size;
  const parts = [
    ...(changes.some((c) => c.kind === 'plan-changed') ? [planUi(lang, 'partPlan')] : []),
    ...(criteria > 0 ? [planUi(lang, criteria === 1 ? 'partCriterion' : 'partCriteria', { n: criteria })] : []),
    ...(units > 0 ? [planUi(lang, units === 1 ? 'partUnit' : 'partUnits', { n: units })] : []),
  ];
  lines.push('', planUi(lang, 'summary', { n: changes.length, parts: parts.join(', ') }));
  return `${lines.join('\n')}\n`;
}

/** A YAML double-quoted scalar: JSON's string syntax, with the C1 controls YAML forbids escaped too. */
const quoted = (s: string) => JSON.stringify(s).replace(/[\u007f-\u009f]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function flowItem(item: AmendmentChange): string {
  const parts: string[] = [];
  if (item.criterion !== undefined) parts.push(`criterion: ${quoted(item.criterion)}`);
  if (item.unit !== undefined) parts.push(`unit: ${item.unit}`);
  parts.push(`field: ${item.field}`);
  if (item.measure !== undefined) parts.push(`measure: ${item.measure}`);
  for (const key of ['from', 'to'] as const) {
    const v = item[key];
    if (v !== undefined) parts.push(`${key}: ${typeof v === 'number' ? v : quoted(v)}`);
  }
  return `{ ${parts.join(', ')} }`;
}

/** The changes as one entry of the plan's `amendments:` list, ready to paste under it. */
function formatAmendmentYaml(changes: PlanChange[], revision: number): string {
  if (changes.length === 0) return `- revision: ${revision}\n  changes: []\n`;
  return [`- revision: ${revision}`, '  changes:', ...changes.map((c) => `    - ${flowItem(toAmendmentChange(c))}`)].join('\n') + '\n';
}
