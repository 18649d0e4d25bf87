import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildTemplate, criteriaSupported, criteriaToReport } from '../authoring/template.js';
import { InvalidInputError, UsageError } from '../errors.js';
import type { Config } from '../load/config.js';
import { displayPath } from '../load/discover.js';
import { formatMessage, ui } from '../messages.js';
import { packageRoot } from '../paths.js';
import type { Lang, Plan, ProgressReport } from '../types.js';
import { commandLinePath } from '../util/command-line-path.js';
import { commandName } from '../util/command-name.js';
import { displayDate, parseDate } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { resolveUnit } from '../validate/resolve-unit.js';
import type { CheckContext } from './check.js';
import { gather, gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics } from './output.js';
import { writeFileAtomic } from './write-file.js';

export interface InitOptions {
  /** Unit id, name or alias; defaults to the unit of `--from`. */
  unit?: string;
  period?: string;
  /** Data cut-off: ISO (already checked by the command line parser) or dd/MM/yyyy. */
  asOf?: string;
  /** The plan file, or the plan's id when the configuration loads several. */
  plan?: string;
  config?: string;
  /** `-o FILE` (or a folder, which gets `<unit>.yaml`). */
  output?: string;
  /** An earlier progress report of the unit whose figures are carried forward. */
  from?: string;
  lang?: Lang;
}

const YAML_FILE = /\.ya?ml$/iu;
const XLSX_FILE = /\.xlsx$/iu;

/** Writes a progress template for one unit, never over an existing file; returns 0 or throws. */
export async function runInit(options: InitOptions, ctx: CheckContext): Promise<0> {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  if (configDiagnostics.length > 0) {
    for (const d of configDiagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
    throw new InvalidInputError();
  }
  if (options.unit === undefined && options.from === undefined) throw new UsageError('init-missing-option', { option: '--unit' });
  if (options.period === undefined) throw new UsageError('init-missing-option', { option: '--period' });
  if (options.asOf === undefined) throw new UsageError('init-missing-option', { option: '--as-of' });
  const asOf = parseAsOf(options.asOf);
  const period = options.period.trim();
  if (period === '' || /[\r\n]/u.test(period)) throw new UsageError('init-period', { value: options.period });

  const { plan, previous } = load(options, config, ctx, lang);
  const unit = findUnit(plan, options.unit ?? previous!.unit);
  if (previous) checkPrevious(previous, plan, unit, asOf, lang);

  const abs = outputPath(options, config, ctx.cwd, period, unit);
  const file = displayPath(abs, ctx.cwd);
  if (existsSync(abs)) throw new UsageError('init-exists', { file });
  const base = config ? dirname(config.abs) : ctx.cwd;
  if (XLSX_FILE.test(abs)) {
    // The Excel form: exceljs is loaded only for it.
    const { buildProgressForm } = await import('../authoring/progress-form.js');
    write(abs, await buildProgressForm({ plan, unit, period, asOf, lang, ...(previous ? { previous } : {}) }), file);
  } else {
    const text = buildTemplate({
      plan, unit, period, asOf, lang, schemaRef: schemaRef(abs),
      ...(previous ? { previous, previousFile: displayPath(resolve(ctx.cwd, options.from!), base) } : {}),
    });
    write(abs, text, file);
  }

  const criteria = criteriaToReport(plan, unit);
  if (criteria.length === 0) {
    const supported = criteriaSupported(plan, unit).map((c) => c.id).join(', ');
    ctx.err(formatMessage({ code: 'init-support-only', args: { file, unit: plan.units.get(unit)!.name, supported } }, lang));
    return 0;
  }
  const measured = criteria.filter((c) => c.measures.length > 0).length;
  ctx.err(formatMessage({ code: 'init-created', args: { file, total: criteria.length, measured, tasks: criteria.length - measured } }, lang));
  if (previous) {
    ctx.err(formatMessage({ code: 'init-carried', args: { file: displayPath(resolve(ctx.cwd, options.from!), ctx.cwd), asOf: displayDate(previous.asOf, lang), wanted: displayDate(asOf, lang) } }, lang));
  }
  // Without a configuration, `cchc validate` must be told the plan as well; `npx cchc` unless cchc
  // was installed globally.
  const planArg = !config && options.plan !== undefined && YAML_FILE.test(options.plan) ? `${shellArg(options.plan)} ` : '';
  ctx.err(formatMessage({ code: 'init-next-steps', args: { command: `${commandName({ env: ctx.env })} validate ${planArg}${shellArg(file)}`, carried: previous ? 1 : '', form: XLSX_FILE.test(abs) ? 1 : '' } }, lang));
  return 0;
}

function parseAsOf(text: string): string {
  const parsed = parseDate(text);
  if ('problem' in parsed) throw new UsageError('option-value', { option: '--as-of', value: text, hint: parsed.problem === 'impossible' ? 'impossible-date' : 'date' });
  return parsed.date;
}

/** Loads the plan (--plan, else the configuration's), and the --from report checked against it. */
function load(options: InitOptions, config: Config | undefined, ctx: CheckContext, lang: Lang): { plan: Plan; previous?: ProgressReport } {
  const planIsFile = options.plan !== undefined && YAML_FILE.test(options.plan);
  const planPaths = planIsFile ? [options.plan!] : config?.plans ?? [];
  if (planPaths.length === 0) throw new UsageError('no-plan');
  const paths = [...planPaths, ...(options.from !== undefined ? [options.from] : [])];
  const inputs = gather({ paths, plan: options.plan, cwd: ctx.cwd }, config);
  const diagnostics = sortDiagnostics(inputs.diagnostics);
  for (const d of diagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }
  let previous: ProgressReport | undefined;
  if (options.from !== undefined) {
    const file = displayPath(resolve(ctx.cwd, options.from), ctx.cwd);
    previous = inputs.reports.find((r) => r.file === file);
    if (!previous) throw new UsageError('init-from-not-progress', { file });
  }
  return { plan: pickPlan(inputs.plans, planIsFile ? undefined : options.plan, previous?.plan), ...(previous ? { previous } : {}) };
}

function pickPlan(plans: Map<string, Plan>, wantedId: string | undefined, previousPlan: string | undefined): Plan {
  if (plans.size === 0) throw new UsageError('no-plan');
  const wanted = wantedId ?? previousPlan;
  if (wanted !== undefined && plans.has(wanted)) return plans.get(wanted)!;
  if (plans.size > 1) throw new UsageError('several-plans', { ids: [...plans.keys()].join(', ') });
  return [...plans.values()][0]!;
}

function findUnit(plan: Plan, written: string): string {
  const id = resolveUnit(plan, written);
  if (!id) {
    const suggestion = suggest(written, [...plan.units.values()].flatMap((u) => [u.id, u.name, ...u.aliases]));
    throw new UsageError('unknown-unit', { id: written, example: [...plan.units.keys()][0] ?? '', ...(suggestion ? { suggestion } : {}) });
  }
  const unit = plan.units.get(id)!;
  if (unit.members) {
    const members = unit.members.map((m) => `${m} (${plan.units.get(m)?.name ?? m})`).join(', ');
    throw new UsageError('init-group', { id: written, name: unit.name, members, example: unit.members[0] ?? '' });
  }
  return id;
}

function checkPrevious(previous: ProgressReport, plan: Plan, unit: string, asOf: string, lang: Lang): void {
  const file = previous.file;
  if (previous.plan !== plan.id) throw new UsageError('init-from-other-plan', { file, plan: previous.plan, wanted: plan.id });
  if (previous.unit !== unit) throw new UsageError('init-from-other-unit', { file, unit: previous.unit, wanted: unit });
  if (previous.asOf >= asOf) {
    throw new UsageError('init-from-not-earlier', { file, asOf: displayDate(previous.asOf, lang), wanted: displayDate(asOf, lang) });
  }
}

/** -o FILE (a folder gets `<unit>.yaml`), else `<progress folder>/<period>/<unit>.yaml`. */
function outputPath(options: InitOptions, config: Config | undefined, cwd: string, period: string, unit: string): string {
  let abs: string;
  if (options.output !== undefined) {
    // A new file: `\` typed from Windows instructions is a separator, never part of a name.
    abs = commandLinePath(sep === '/' ? options.output.replace(/\\/gu, '/') : options.output, cwd);
    if (/[\\/]$/u.test(options.output) || isDirectory(abs)) abs = join(abs, `${unit}.yaml`);
  } else {
    const folder = config?.progress.find((p) => !YAML_FILE.test(p)) ?? resolve(config ? dirname(config.abs) : cwd, 'progress');
    abs = join(folder, folderName(period), `${unit}.yaml`);
  }
  if (!YAML_FILE.test(extname(abs)) && !XLSX_FILE.test(abs)) throw new UsageError('init-extension', { file: displayPath(abs, cwd) });
  return abs;
}

/** A period label as one folder name on every system: no slashes or characters Windows forbids. */
function folderName(period: string): string {
  const name = period.normalize('NFC').replace(/[<>:"/\\|?*\u0000-\u001f]/gu, '-').trim().replace(/[. ]+$/u, '');
  if (!/[\p{L}\p{N}]/u.test(name)) throw new UsageError('init-period', { value: period });
  return name;
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The modeline's target: the nearest `schemas/progress.schema.json` above the new file (a
 * repository that keeps its schemas), else the schema shipped with cchc.
 */
function schemaRef(abs: string): string {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const candidate = join(dir, 'schemas', 'progress.schema.json');
    if (existsSync(candidate)) return relativeRef(abs, candidate);
    if (dirname(dir) === dir) break;
  }
  return relativeRef(abs, fileURLToPath(new URL('schemas/progress.schema.json', packageRoot)));
}

function relativeRef(from: string, target: string): string {
  const rel = relative(dirname(from), target);
  // Another drive on Windows: no relative path exists.
  if (isAbsolute(rel)) return pathToFileURL(target).href;
  return rel.split(sep).join('/');
}

function write(abs: string, text: string | Uint8Array, file: string): void {
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (error) {
    throw new UsageError('output-failed', { file, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  try {
    writeFileAtomic(abs, text, { overwrite: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EEXIST') throw new UsageError('init-exists', { file });
    throw new UsageError('output-failed', { file, reason: code });
  }
}

/** A path as the user would type it in a shell: quoted when it holds spaces or quotes. */
function shellArg(path: string): string {
  return /^[\p{L}\p{N}_./\\:-]+$/u.test(path) ? path : `"${path}"`;
}
