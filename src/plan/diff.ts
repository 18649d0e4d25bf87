import type { Criterion, Measure, Plan, Unit } from '../types.js';

/**
 * A deadline as the plan states it: an ISO date, `ongoing` ("Thường xuyên"), or null when the
 * plan gives none (the criterion is then due at the end of the plan year).
 */
export type DueValue = string | null;

/**
 * One difference between two revisions of a plan, keyed by `kind`. Every change carries `from`
 * (the old value) and `to` (the new value), null where there is none; criterion changes name the
 * criterion by its id in the NEW plan (a removed criterion by its old id), measure changes also
 * name the measure, unit changes name the unit.
 *
 * | kind | names | from → to |
 * |---|---|---|
 * | `plan-changed` | `field`: id, title, issuer or year | the plan's value |
 * | `criterion-added` | criterion | null → title |
 * | `criterion-removed` | criterion (old id) | title → null |
 * | `criterion-renumbered` | criterion (new id) | old id → new id; same title (NFC, spaces folded) |
 * | `title-changed` | criterion | title |
 * | `requirement-changed` | criterion | requirement text, null when absent |
 * | `due-changed` | criterion | {@link DueValue} |
 * | `lead-changed` | criterion | unit id |
 * | `support-changed` | criterion | unit ids (compared as a set) |
 * | `measure-added` | criterion, measure | null → target text |
 * | `measure-removed` | criterion, measure | target text → null |
 * | `target-changed` | criterion, measure | target text as written (`> 85%`); compared by meaning, so `>= 90%` = `≥ 90%` |
 * | `measure-kind-changed` | criterion, measure | ratio, percent or count |
 * | `aggregate-changed` | criterion, measure | sum or each |
 * | `measure-label-changed` | criterion, measure | label |
 * | `unit-added` | unit | null → name |
 * | `unit-removed` | unit | name → null |
 * | `unit-renamed` | unit | name |
 * | `aliases-changed` | unit | aliases (compared as a set) |
 * | `members-changed` | unit | member ids (compared as a set); null for a unit that is not a group |
 *
 * Not compared: the revision itself, `notes`, `dueText`, `source`, `amendments`, value/total
 * labels, short unit names, and area and heading titles — wording that neither evaluation nor
 * a progress file depends on. A criterion that keeps its id but moves to another area or heading
 * is not reported either.
 */
export type PlanChange =
  | { kind: 'plan-changed'; field: 'id' | 'title' | 'issuer' | 'year'; from: string | number; to: string | number }
  | { kind: 'criterion-added'; criterion: string; from: null; to: string }
  | { kind: 'criterion-removed'; criterion: string; from: string; to: null }
  | { kind: 'criterion-renumbered'; criterion: string; from: string; to: string }
  | { kind: 'title-changed'; criterion: string; from: string; to: string }
  | { kind: 'requirement-changed'; criterion: string; from: string | null; to: string | null }
  | { kind: 'due-changed'; criterion: string; from: DueValue; to: DueValue }
  | { kind: 'lead-changed'; criterion: string; from: string; to: string }
  | { kind: 'support-changed'; criterion: string; from: string[]; to: string[] }
  | { kind: 'measure-added'; criterion: string; measure: string; from: null; to: string }
  | { kind: 'measure-removed'; criterion: string; measure: string; from: string; to: null }
  | { kind: 'target-changed'; criterion: string; measure: string; from: string; to: string }
  | { kind: 'measure-kind-changed'; criterion: string; measure: string; from: Measure['kind']; to: Measure['kind'] }
  | { kind: 'aggregate-changed'; criterion: string; measure: string; from: Measure['aggregate']; to: Measure['aggregate'] }
  | { kind: 'measure-label-changed'; criterion: string; measure: string; from: string; to: string }
  | { kind: 'unit-added'; unit: string; from: null; to: string }
  | { kind: 'unit-removed'; unit: string; from: string; to: null }
  | { kind: 'unit-renamed'; unit: string; from: string; to: string }
  | { kind: 'aliases-changed'; unit: string; from: string[]; to: string[] }
  | { kind: 'members-changed'; unit: string; from: string[] | null; to: string[] | null };

export type PlanChangeKind = PlanChange['kind'];

/** Changes about one criterion (they carry `criterion`). */
export type CriterionChange = Extract<PlanChange, { criterion: string }>;
/** Changes about one unit (they carry `unit`). */
export type UnitChange = Extract<PlanChange, { unit: string }>;

export function isCriterionChange(change: PlanChange): change is CriterionChange {
  return 'criterion' in change;
}

export function isUnitChange(change: PlanChange): change is UnitChange {
  return 'unit' in change;
}

/** Titles compare equal after NFC and whitespace folding: re-typing a line must not count. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

const dueOf = (c: Criterion): DueValue => (c.ongoing ? 'ongoing' : c.dueImplied ? null : c.due);

function measureChanges(criterion: string, old: Measure[], next: Measure[]): CriterionChange[] {
  const changes: CriterionChange[] = [];
  const before = new Map(old.map((m) => [m.id, m]));
  for (const m of next) {
    const o = before.get(m.id);
    if (!o) {
      changes.push({ kind: 'measure-added', criterion, measure: m.id, from: null, to: m.target.text });
      continue;
    }
    if (o.kind !== m.kind) changes.push({ kind: 'measure-kind-changed', criterion, measure: m.id, from: o.kind, to: m.kind });
    const t = o.target;
    const u = m.target;
    if (t.op !== u.op || t.value !== u.value || t.unit !== u.unit) {
      changes.push({ kind: 'target-changed', criterion, measure: m.id, from: t.text, to: u.text });
    }
    if (o.aggregate !== m.aggregate) changes.push({ kind: 'aggregate-changed', criterion, measure: m.id, from: o.aggregate, to: m.aggregate });
    if (normalizeText(o.label) !== normalizeText(m.label)) changes.push({ kind: 'measure-label-changed', criterion, measure: m.id, from: o.label, to: m.label });
  }
  const kept = new Set(next.map((m) => m.id));
  for (const o of old) {
    if (!kept.has(o.id)) changes.push({ kind: 'measure-removed', criterion, measure: o.id, from: o.target.text, to: null });
  }
  return changes;
}

/** What changed in one criterion that exists in both plans (`o` may have another id when renumbered). */
function criterionChanges(o: Criterion, c: Criterion): CriterionChange[] {
  const id = c.id;
  const changes: CriterionChange[] = [];
  if (o.id !== c.id) changes.push({ kind: 'criterion-renumbered', criterion: id, from: o.id, to: c.id });
  if (normalizeText(o.title) !== normalizeText(c.title)) changes.push({ kind: 'title-changed', criterion: id, from: o.title, to: c.title });
  const req = (r: string | undefined) => (r === undefined ? null : r);
  if (normalizeText(o.requirement ?? '') !== normalizeText(c.requirement ?? '') || (o.requirement === undefined) !== (c.requirement === undefined)) {
    changes.push({ kind: 'requirement-changed', criterion: id, from: req(o.requirement), to: req(c.requirement) });
  }
  if (dueOf(o) !== dueOf(c)) changes.push({ kind: 'due-changed', criterion: id, from: dueOf(o), to: dueOf(c) });
  if (o.lead !== c.lead) changes.push({ kind: 'lead-changed', criterion: id, from: o.lead, to: c.lead });
  if (!sameSet(o.support, c.support)) changes.push({ kind: 'support-changed', criterion: id, from: [...o.support], to: [...c.support] });
  changes.push(...measureChanges(id, o.measures, c.measures));
  return changes;
}

/**
 * Pairs every NEW criterion with its OLD one: the same id, or, for an id that no longer exists,
 * a new id (one that did not exist before) with the same title — a renumbering. Both sides are
 * taken in plan order, so when several candidates share a title the first pairs with the first.
 */
function pairCriteria(old: Plan, next: Plan): Map<string, Criterion> {
  const oldById = new Map(old.criteria.map((c) => [c.id, c]));
  const newIds = new Set(next.criteria.map((c) => c.id));
  const pairs = new Map<string, Criterion>();
  for (const c of next.criteria) {
    const o = oldById.get(c.id);
    if (o) pairs.set(c.id, o);
  }
  const gone = old.criteria.filter((c) => !newIds.has(c.id));
  for (const c of next.criteria) {
    if (oldById.has(c.id)) continue;
    const title = normalizeText(c.title);
    const i = gone.findIndex((o) => normalizeText(o.title) === title);
    if (i === -1) continue;
    pairs.set(c.id, gone[i]!);
    gone.splice(i, 1);
  }
  return pairs;
}

function criteriaChanges(old: Plan, next: Plan): CriterionChange[] {
  const pairs = pairCriteria(old, next);
  const paired = new Set([...pairs.values()].map((o) => o.id));
  // A removed criterion is listed after the NEW criterion that took the place of the OLD one
  // before it, so removals appear where they were in the plan rather than at the very end.
  const removedAfter = new Map<string | undefined, Criterion[]>();
  const newIdOf = new Map([...pairs].map(([newId, o]) => [o.id, newId]));
  let anchor: string | undefined;
  for (const o of old.criteria) {
    if (paired.has(o.id)) {
      anchor = newIdOf.get(o.id);
      continue;
    }
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), o]);
  }
  const removed = (after: string | undefined): CriterionChange[] =>
    (removedAfter.get(after) ?? []).map((o) => ({ kind: 'criterion-removed', criterion: o.id, from: o.title, to: null }));

  const changes: CriterionChange[] = [...removed(undefined)];
  for (const c of next.criteria) {
    const o = pairs.get(c.id);
    if (o) changes.push(...criterionChanges(o, c));
    else changes.push({ kind: 'criterion-added', criterion: c.id, from: null, to: c.title });
    changes.push(...removed(c.id));
  }
  return changes;
}

function unitChanges(old: Map<string, Unit>, next: Map<string, Unit>): UnitChange[] {
  const changes: UnitChange[] = [];
  for (const u of next.values()) {
    const o = old.get(u.id);
    if (!o) {
      changes.push({ kind: 'unit-added', unit: u.id, from: null, to: u.name });
      continue;
    }
    if (normalizeText(o.name) !== normalizeText(u.name)) changes.push({ kind: 'unit-renamed', unit: u.id, from: o.name, to: u.name });
    if (!sameSet(o.aliases.map(normalizeText), u.aliases.map(normalizeText))) {
      changes.push({ kind: 'aliases-changed', unit: u.id, from: [...o.aliases], to: [...u.aliases] });
    }
    if ((o.members === undefined) !== (u.members === undefined) || !sameSet(o.members ?? [], u.members ?? [])) {
      changes.push({ kind: 'members-changed', unit: u.id, from: o.members ? [...o.members] : null, to: u.members ? [...u.members] : null });
    }
  }
  for (const o of old.values()) {
    if (!next.has(o.id)) changes.push({ kind: 'unit-removed', unit: o.id, from: o.name, to: null });
  }
  return changes;
}

/**
 * What changed from `old` to `next`: the plan's own fields, then criteria in NEW plan order
 * (each criterion's changes together, a removed criterion where it stood), then units in NEW
 * plan order with removed units last. Pure and deterministic; `[]` when nothing changed.
 */
export function diffPlans(old: Plan, next: Plan): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of ['id', 'title', 'issuer', 'year'] as const) {
    const from = old[field];
    const to = next[field];
    const differs = typeof from === 'string' && typeof to === 'string' ? normalizeText(from) !== normalizeText(to) : from !== to;
    if (differs) changes.push({ kind: 'plan-changed', field, from, to });
  }
  changes.push(...criteriaChanges(old, next), ...unitChanges(old.units, next.units));
  return changes;
}

/**
 * One item of a plan's `amendments[].changes` list (schemas/plan.schema.json): simple scalars
 * only. `field` says what changed; lists are written as comma-separated ids; a missing value
 * (an added or removed thing, a deadline not given) leaves out `from` or `to`.
 */
export interface AmendmentChange {
  criterion?: string;
  unit?: string;
  field: string;
  measure?: string;
  from?: string | number;
  to?: string | number;
}

const FIELD: Record<PlanChangeKind, string> = {
  'plan-changed': '', // its own field
  'criterion-added': 'criterion',
  'criterion-removed': 'criterion',
  'criterion-renumbered': 'id',
  'title-changed': 'title',
  'requirement-changed': 'requirement',
  'due-changed': 'due',
  'lead-changed': 'lead',
  'support-changed': 'support',
  'measure-added': 'measure',
  'measure-removed': 'measure',
  'target-changed': 'target',
  'measure-kind-changed': 'kind',
  'aggregate-changed': 'aggregate',
  'measure-label-changed': 'label',
  'unit-added': 'unit',
  'unit-removed': 'unit',
  'unit-renamed': 'name',
  'aliases-changed': 'aliases',
  'members-changed': 'members',
};

const scalar = (v: string | number | string[] | null): string | number | undefined =>
  v === null ? undefined : Array.isArray(v) ? v.join(', ') : v;

/** A change as an `amendments:` item: `{ criterion: "7.3.3", field: target, measure: online_full, from: "> 85%", to: "> 90%" }`. */
export function toAmendmentChange(change: PlanChange): AmendmentChange {
  const from = scalar(change.from);
  const to = scalar(change.to);
  return {
    ...('criterion' in change ? { criterion: change.criterion } : {}),
    ...('unit' in change ? { unit: change.unit } : {}),
    field: change.kind === 'plan-changed' ? change.field : FIELD[change.kind],
    ...('measure' in change ? { measure: change.measure } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}
