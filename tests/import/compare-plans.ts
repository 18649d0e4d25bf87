/**
 * Compares an imported plan with a reference plan criterion by criterion, on what design.md asks
 * the import to get right: id, title, lead, support, due and numeric targets. Units are compared by
 * name: an imported unit is the reference unit whose name or aliases it spells (folded).
 */
import { foldName } from '../../src/util/fold-name.js';

interface PlanData {
  year: number;
  units: { id: string; name: string; aliases?: string[]; members?: string[] }[];
  areas: { id: string; criteria: NodeData[] }[];
}
interface NodeData {
  id: string;
  title: string;
  lead?: string;
  support?: string[];
  due?: string;
  measures?: { target: string; kind: string }[];
  criteria?: NodeData[];
}

export interface CriterionFacts {
  id: string;
  title: string;
  lead: string;
  support: string[];
  due: string;
  targets: string[];
}

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const target = (t: string) => t.replace(/\s+/gu, '').replace('≥', '>=').replace('≤', '<=');

/** Leaf criteria in plan order, units named by the reference's ids where a name matches. */
export function criteriaOf(plan: PlanData, unitKey: (id: string) => string): CriterionFacts[] {
  const out: CriterionFacts[] = [];
  const walk = (nodes: NodeData[]) => {
    for (const n of nodes) {
      if (n.criteria && n.lead === undefined) {
        walk(n.criteria);
        continue;
      }
      out.push({
        id: n.id,
        title: tidy(n.title),
        lead: unitKey(n.lead ?? ''),
        support: (n.support ?? []).map(unitKey).sort(),
        due: n.due ?? `${plan.year}-12-31`,
        targets: (n.measures ?? []).map((m) => target(m.target)).sort(),
      });
    }
  };
  for (const a of plan.areas) walk(a.criteria);
  return out;
}

/** A function naming each unit of `plan` by the id of the `reference` unit it spells, or `?name`. */
export function unitMatcher(plan: PlanData, reference: PlanData): (id: string) => string {
  const byName = new Map<string, string>();
  for (const u of reference.units) for (const n of [u.name, ...(u.aliases ?? [])]) byName.set(foldName(n), u.id);
  return (id) => {
    const unit = plan.units.find((u) => u.id === id);
    if (!unit) return `?${id}`;
    for (const n of [unit.name, ...(unit.aliases ?? [])]) {
      const found = byName.get(foldName(n));
      if (found) return found;
    }
    return `?${unit.name}`;
  };
}

export interface Difference {
  id: string;
  field: keyof CriterionFacts | 'missing' | 'extra';
  expected: unknown;
  actual: unknown;
}

export function differences(expected: CriterionFacts[], actual: CriterionFacts[]): Difference[] {
  const diffs: Difference[] = [];
  const byId = new Map(actual.map((c) => [c.id, c]));
  for (const e of expected) {
    const a = byId.get(e.id);
    if (!a) {
      diffs.push({ id: e.id, field: 'missing', expected: e.title, actual: undefined });
      continue;
    }
    for (const field of ['title', 'lead', 'support', 'due', 'targets'] as const) {
      if (JSON.stringify(e[field]) !== JSON.stringify(a[field])) diffs.push({ id: e.id, field, expected: e[field], actual: a[field] });
    }
  }
  const ids = new Set(expected.map((e) => e.id));
  for (const a of actual) if (!ids.has(a.id)) diffs.push({ id: a.id, field: 'extra', expected: undefined, actual: a.title });
  return diffs;
}
