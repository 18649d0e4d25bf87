import type { PlanOutline } from '../types.js';
import { foldName } from '../util/fold-name.js';

const indexes = new WeakMap<PlanOutline, Map<string, string>>();

/** The unit id a progress file means by `unit:` — its id, its name or an alias, spelt any common way. */
export function resolveUnit(plan: PlanOutline, written: string): string | undefined {
  let index = indexes.get(plan);
  if (!index) {
    index = new Map();
    for (const unit of plan.units.values()) {
      for (const name of [unit.id, unit.name, ...unit.aliases]) index.set(foldName(name), unit.id);
    }
    indexes.set(plan, index);
  }
  return index.get(foldName(written));
}

/** The units that report figures for a criterion led by `lead`: the members of a group, or the lead itself. */
export function reportingUnits(plan: PlanOutline, lead: string): string[] {
  return plan.units.get(lead)?.members ?? [lead];
}
