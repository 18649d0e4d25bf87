import { locate } from '../load/locate.js';
import type { Source } from '../load/source.js';
import type { CriterionOutline, DataPath, Diagnostic, Figure, PlanChangeRecord, PlanOutline, ProgressEntry, ProgressReport, TaskStatus } from '../types.js';
import { parseDate } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { reportingUnits, resolveUnit } from './resolve-unit.js';
import { evidenceKind, normalisePath } from './evidence.js';
import { forgive } from './forgive.js';
import { checkSchema } from './schema-check.js';
import { thousandsDot } from './thousands-dot.js';

type RawFigure = number | { value: number; total: number };
type RawEntry = Record<string, unknown> & { note?: string; status?: TaskStatus; completedOn?: string; evidence?: string[] };
interface RawProgress { plan: string; planRevision: number; unit: string; period: string; asOf: string; reportedBy?: string; criteria: Record<string, RawEntry> }

const RESERVED = new Set(['note', 'status', 'completedOn', 'evidence']);
/** Findings of the plan check that explain a schema finding at the same place better … */
const PLAN_SAYS_MORE = new Set(['unknown-criterion', 'unknown-measure', 'task-has-no-measures', 'ratio-needs-total']);
/** … and the schema findings they replace: a wrong id form, a wrong type. */
const SCHEMA_SAYS_LESS = new Set(['bad-format', 'wrong-type', 'decimal-comma']);

/**
 * Checks a progress file against the schema and against its plan (design.md's rules) and builds
 * the ProgressReport when it has no error. `brokenPlans` are plan ids whose file has errors:
 * their progress files get only the schema check, not a cascade of "unknown plan".
 */
export interface ProgressCheckOptions {
  /** Does this repository-relative evidence file exist? (I/O stays with the caller.) */
  evidenceExists?: (path: string, progressFile: string) => boolean;
  /** --strict: a missing evidence file is an error, not a warning. */
  strict?: boolean;
  /**
   * false: the lines of the report's entries are not looked up and are left 0, for a caller that
   * keeps only the findings (`cchc validate`). Looking them up meant finding every line of every
   * file; findings still get their positions.
   */
  lines?: boolean;
}

export function loadProgress(
  source: Source,
  plans: Pick<ReadonlyMap<string, PlanOutline>, 'get' | 'keys'>,
  brokenPlans: ReadonlySet<string>,
  options: ProgressCheckOptions = {},
): { report?: ProgressReport; diagnostics: Diagnostic[] } {
  // Empty placeholders of a `cchc init` template are one "not filled in" per criterion, not a
  // schema error per empty value.
  // What officers type the Vietnamese way is read, with a warning, or refused with the text to
  // write (forgive.ts); then the schema sees numbers where numbers belong.
  const planId = isRecord(source.data) ? source.data.plan : undefined;
  const forgiven = forgive(source, source.data, typeof planId === 'string' ? plans.get(planId) : undefined);
  const { data: filled, unfilled } = withoutPlaceholders(forgiven.data);
  const schemaDiagnostics = checkSchema(source, 'progress', filled);
  const raw = filled as RawProgress;
  const diagnostics: Diagnostic[] = [...schemaDiagnostics];
  const push = (severity: Diagnostic['severity'], code: string, args: Diagnostic['args'], path: DataPath, key = false) => {
    const pos = locate(source, path, { key });
    diagnostics.push({ severity, code, args, file: source.file, line: pos.line, column: pos.column });
  };
  for (const f of forgiven.findings) push(f.severity, f.code, f.args, f.path);
  for (const [criterion, fields] of unfilled) push('error', 'not-filled', { criterion, fields: fields.join(', ') }, ['criteria', criterion], true);
  const error = (code: string, args: Diagnostic['args'], path: DataPath, key = false) => push('error', code, args, path, key);
  const lineOf = options.lines === false ? () => 0 : (path: DataPath) => locate(source, path, { key: true }).line;

  const dateOf = (text: unknown, path: DataPath): string | undefined => {
    if (typeof text !== 'string') return undefined;
    const parsed = parseDate(text);
    if ('date' in parsed) return parsed.date;
    if (parsed.problem === 'impossible') error('impossible-date', { value: text }, path);
    return undefined; // a wrong format was already reported by the schema
  };
  const asOf = dateOf(raw.asOf, ['asOf']);

  // Keep checking against the plan after schema errors, so one run shows every problem;
  // the checks below skip values whose shape the schema already rejected.
  if (typeof raw.plan !== 'string') return { diagnostics };
  const plan = plans.get(raw.plan);
  if (!plan) {
    if (!brokenPlans.has(raw.plan)) {
      const loaded = [...plans.keys()];
      const suggestion = suggest(raw.plan, loaded);
      error('unknown-plan', { plan: raw.plan, loaded: loaded.join(', '), ...(suggestion ? { suggestion } : {}) }, ['plan']);
    }
    return { diagnostics };
  }
  if (plan.year !== undefined) {
    // The year's figures run from 15/12 of the year before (design.md) to the year's end.
    if (asOf && (asOf < `${plan.year - 1}-12-15` || asOf > `${plan.year}-12-31`)) push('warning', 'as-of-outside-plan-year', { asOf, year: plan.year, plan: plan.id }, ['asOf']);
    const years = typeof raw.period === 'string' && /\d{4}/u.test(raw.period) ? [...raw.period.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu)].map((m) => Number(m[0])) : [];
    if (years.length > 0 && !years.includes(plan.year)) push('warning', 'period-outside-plan-year', { period: raw.period, year: plan.year, plan: plan.id }, ['period']);
  }
  if (typeof raw.planRevision !== 'number') { /* reported by the schema */ }
  else if (raw.planRevision > plan.revision) error('plan-revision-newer', { planRevision: raw.planRevision, revision: plan.revision }, ['planRevision']);
  else if (raw.planRevision < plan.revision) {
    push('warning', 'plan-revision-older', { planRevision: raw.planRevision, revision: plan.revision }, ['planRevision']);
    // Name exactly the recorded changes since the file's revision that touch what it reports.
    const reported = isRecord(raw.criteria) ? raw.criteria : {};
    for (const a of plan.amendments.filter((x) => x.revision > raw.planRevision)) {
      for (const c of a.changes) {
        if (c.criterion === undefined || !(c.criterion in reported)) continue;
        if (c.field === 'removed' || c.field === 'renumbered') continue; // an error below says it
        push('warning', 'plan-changed', { ...changeArgs(c), revision: a.revision }, ['criteria', c.criterion], true);
      }
    }
  }

  const resolved = typeof raw.unit === 'string' ? resolveUnit(plan, raw.unit) : undefined;
  // A group cannot report; after saying so, its entries are not also judged "not responsible".
  const unit = resolved && !plan.units.get(resolved)!.members ? resolved : undefined;
  const unitIds = [...plan.units.keys()];
  if (typeof raw.unit !== 'string') { /* reported by the schema */ }
  else if (!resolved) {
    const suggestion = suggest(raw.unit, [...unitIds, ...[...plan.units.values()].map((u) => u.name)]);
    error('unknown-unit', { id: raw.unit, example: unitIds[0] ?? '', ...(suggestion ? { suggestion } : {}) }, ['unit']);
  } else if (!unit) {
    const members = plan.units.get(resolved)!.members!;
    error('unit-is-group', { id: raw.unit, members: members.join(', '), example: members[0] ?? '' }, ['unit']);
  }

  // Keys the schema already called misspelt fields ("complatedOn"), by position, with the field
  // meant: one mistake, one message — not also an unknown measure, nor a missing completion date.
  const misspelt = new Map(schemaDiagnostics.filter((d) => d.code === 'unknown-field').map((d) => [`${d.line}:${d.column}`, d.args.suggestion]));
  const criteriaById = criteriaOf(plan);
  const entries = new Map<string, ProgressEntry>();
  const rawCriteria = isRecord(raw.criteria) ? raw.criteria : {};
  for (const [id, entry] of Object.entries(rawCriteria)) {
    const path = ['criteria', id];
    if (!isRecord(entry)) continue;
    const criterion = criteriaById.get(id);
    if (!criterion) {
      if (plan.headingIds.has(id)) {
        const children = plan.criteria.filter((c) => c.heading === id).map((c) => c.id).join(', ');
        error('criterion-is-heading', { id, children }, path, true);
      } else {
        const gone = plan.amendments.flatMap((a) => a.changes.map((c) => ({ a, c })))
          .find(({ c }) => c.criterion === id && (c.field === 'removed' || c.field === 'renumbered'));
        if (gone) {
          error('criterion-removed', { id, revision: gone.a.revision, ...(gone.c.field === 'renumbered' && gone.c.to != null ? { to: String(gone.c.to) } : {}) }, path, true);
          continue;
        }
        const suggestion = suggest(id, criteriaById.keys());
        error('unknown-criterion', { id, plan: plan.id, ...(suggestion ? { suggestion } : {}) }, path, true);
      }
      continue;
    }
    const figures = new Map<string, Figure>();
    const measureIds = () => criterion.measures.map((m) => m.id);
    let completedOnMisspelt = false;
    for (const [key, value] of Object.entries(entry)) {
      if (RESERVED.has(key)) continue;
      const mPath = [...path, key];
      const measure = criterion.measures.find((m) => m.id === key);
      const keyAt = measure ? undefined : locate(source, mPath, { key: true });
      if (keyAt && misspelt.has(`${keyAt.line}:${keyAt.column}`)) {
        if (misspelt.get(`${keyAt.line}:${keyAt.column}`) === 'completedOn') completedOnMisspelt = true;
        continue;
      }
      if (!measure) {
        if (criterion.measures.length === 0) error('task-has-no-measures', { criterion: id, measure: key }, mPath, true);
        else {
          const known = measureIds();
          const suggestion = suggest(key, known);
          error('unknown-measure', { criterion: id, measure: key, known: known.join(', '), ...(suggestion ? { suggestion } : {}) }, mPath, true);
        }
        continue;
      }
      const figure = value as RawFigure;
      // The schema has already refused a negative figure (too-small) and, but for a ratio, a
      // figure that is neither a number nor a mapping (decimal-comma, wrong-type): the checks
      // below would only repeat it in other words.
      if (measure.kind === 'ratio') {
        if (!isRecord(figure)) {
          error('ratio-needs-total', { measure: key, ...(measure.totalLabel ? { totalLabel: measure.totalLabel } : {}) }, mPath);
          continue;
        }
        if (typeof figure.value !== 'number' || typeof figure.total !== 'number' || figure.value < 0 || figure.total < 0) continue;
        const dot = thousandsDot(source, mPath, measure.kind, figure);
        if (dot) push(dot.severity, 'thousands-dot', dot.args, dot.path);
        else if (figure.value > figure.total) error('value-exceeds-total', { value: figure.value, total: figure.total }, [...mPath, 'value']);
        figures.set(key, { value: figure.value, total: figure.total });
      } else {
        if (isRecord(figure)) {
          error('number-expected', { measure: key, kind: measure.kind }, mPath);
          continue;
        }
        if (typeof figure !== 'number' || figure < 0) continue;
        const dot = thousandsDot(source, mPath, measure.kind, figure);
        if (dot) push(dot.severity, 'thousands-dot', dot.args, dot.path);
        else if (measure.kind === 'count' && !Number.isInteger(figure)) error('count-not-integer', { measure: key, value: figure }, mPath);
        if (measure.kind === 'percent' && figure > 100) error('percent-out-of-range', { value: figure }, mPath);
        figures.set(key, { value: figure });
      }
    }
    if (entry.status !== undefined && criterion.measures.length > 0) error('status-on-measured', { criterion: id, known: measureIds().join(', ') }, [...path, 'status'], true);
    const completedOn = dateOf(entry.completedOn, [...path, 'completedOn']);
    if (entry.status === 'done' && entry.completedOn === undefined && !completedOnMisspelt) error('done-needs-date', { criterion: id }, [...path, 'status']);
    if (completedOn && asOf && completedOn > asOf) {
      push('warning', 'completed-after-as-of', { completedOn, asOf }, [...path, 'completedOn']);
    }
    if (Array.isArray(entry.evidence) && options.evidenceExists) {
      entry.evidence.forEach((item, i) => {
        if (typeof item !== 'string' || evidenceKind(item) !== 'path') return;
        if (!options.evidenceExists!(normalisePath(item), source.file)) {
          push(options.strict ? 'error' : 'warning', 'evidence-missing', { path: normalisePath(item) }, [...path, 'evidence', i]);
        }
      });
    }
    // Anything but a note counts as reporting: figures, a status, a completion date, evidence.
    const givesFigures = Object.keys(entry).some((k) => k !== 'note');
    if (unit && givesFigures && !reportingUnits(plan, criterion.lead).includes(unit)) {
      error('not-responsible', { unit: raw.unit, criterion: id, lead: plan.units.get(criterion.lead)?.name ?? criterion.lead }, path, true);
    }
    entries.set(id, {
      criterion: id, figures, status: entry.status, completedOn, evidence: Array.isArray(entry.evidence) ? entry.evidence.map((e) => (typeof e === 'string' && evidenceKind(e) === 'path' ? normalisePath(e) : e)) : [], note: entry.note,
      line: lineOf(path),
    });
  }

  // "3.2.l", "On_time": the schema says the id has the wrong form, the plan check says which id
  // was meant; `on_time: "1243/1250"`: the schema wants a number, the plan check says a ratio
  // needs value and total. One mistake, one message — keep the plan check's, which says more.
  const at = (d: Diagnostic) => `${d.line}:${d.column}`;
  const said = new Set(diagnostics.filter((d) => PLAN_SAYS_MORE.has(d.code)).map(at));
  const unique = diagnostics.filter((d) => !(SCHEMA_SAYS_LESS.has(d.code) && said.has(at(d)) && (d.code !== 'bad-format' || d.args.hint === 'criterionId' || d.args.hint === 'measureId')));
  diagnostics.length = 0;
  diagnostics.push(...unique);
  if (diagnostics.some((d) => d.severity === 'error') || !unit || !asOf) return { diagnostics };
  return {
    report: { file: source.file, plan: plan.id, planRevision: raw.planRevision, unit, period: raw.period, asOf, reportedBy: raw.reportedBy, entries },
    diagnostics,
  };
}

const criteriaByPlan = new WeakMap<PlanOutline, ReadonlyMap<string, CriterionOutline>>();

/** A plan's criteria by id, made once per plan rather than once per progress file. */
function criteriaOf(plan: PlanOutline): ReadonlyMap<string, CriterionOutline> {
  let byId = criteriaByPlan.get(plan);
  if (!byId) criteriaByPlan.set(plan, (byId = new Map(plan.criteria.map((c) => [c.id, c]))));
  return byId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A ratio `{ value: , total: }`, a count or percent, or a status left empty. */
function isPlaceholder(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => value[k] === null);
}

/** A field of a criterion's entry left empty (a note or evidence may be empty). */
const isUnfilled = (key: string, value: unknown) => key !== 'note' && key !== 'evidence' && isPlaceholder(value);

const holdsPlaceholder = (entry: unknown) => isRecord(entry) && Object.keys(entry).some((key) => isUnfilled(key, entry[key]));

/** The data with empty placeholders removed, and which fields of which criteria were left empty. */
function withoutPlaceholders(data: unknown): { data: unknown; unfilled: Map<string, string[]> } {
  const unfilled = new Map<string, string[]>();
  if (!isRecord(data) || !isRecord(data.criteria)) return { data, unfilled };
  // Nearly every file has none: then it is not copied.
  if (!Object.values(data.criteria).some(holdsPlaceholder)) return { data, unfilled };
  const criteria: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(data.criteria)) {
    if (!isRecord(entry)) {
      criteria[id] = entry;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (isUnfilled(key, value)) unfilled.set(id, [...(unfilled.get(id) ?? []), key]);
      else kept[key] = value;
    }
    criteria[id] = kept;
  }
  return { data: { ...data, criteria }, unfilled };
}

function changeArgs(c: PlanChangeRecord): Diagnostic['args'] {
  return {
    criterion: c.criterion ?? '', field: c.field,
    ...(c.measure ? { measure: c.measure } : {}),
    ...(c.from != null ? { from: String(c.from) } : {}),
    ...(c.to != null ? { to: String(c.to) } : {}),
  };
}
