import type { Report, Status } from '../../types.js';
import { STATUSES } from '../../types.js';
import { compareIds } from '../../util/compare-ids.js';

/** One commune (one plan) in the province's view: its counts, and its overdue criteria. */
export interface RollupCommune {
  id: string;
  /** The plan's issuer ("UBND xã Tân Phú"), else its title. */
  name: string;
  total: number;
  counts: Record<Status, number>;
  /** Criteria with a measure forecast to miss its target. */
  forecastMiss: number;
  overdue: { id: string; title: string; lead: string; daysOverdue: number }[];
}

/** One criterion id across the communes whose plans have it. */
export interface RollupCriterion {
  id: string;
  /** As the first plan by id names it (plans copied from one template name it alike). */
  title: string;
  communes: number;
  counts: Record<Status, number>;
  forecastMiss: number;
}

/** The province's view (issue 18): communes worst first, then criteria in id order. */
export interface Rollup {
  asOf: string;
  communes: RollupCommune[];
  criteria: RollupCriterion[];
  /** Over every commune and criterion. */
  counts: Record<Status, number>;
  total: number;
  forecastMiss: number;
}

/** What the view needs of one commune's report: its line, and each criterion's status. */
export interface RollupEntry {
  asOf: string;
  commune: RollupCommune;
  criteria: { id: string; title: string; status: Status; miss: boolean }[];
}

/** A commune's report boiled down to what the view shows of it. */
export function rollupEntry(report: Report): RollupEntry {
  return {
    asOf: report.asOf,
    commune: {
      id: report.plan.id,
      name: report.plan.issuer ?? report.plan.title,
      total: report.summary.total,
      counts: Object.fromEntries(STATUSES.map((s) => [s, report.summary[s]])) as Record<Status, number>,
      forecastMiss: report.summary.forecastMiss ?? 0,
      overdue: report.criteria.filter((c) => c.status === 'overdue')
        .map((c) => ({ id: c.id, title: c.title, lead: c.lead.short ?? c.lead.name, daysOverdue: c.daysOverdue })),
    },
    criteria: report.criteria.map((c) => ({ id: c.id, title: c.title, status: c.status, miss: c.measures.some((m) => m.forecast?.met === false) })),
  };
}

/**
 * What is kept of a commune's report: its line, and where its criteria are in the builder's
 * `at` and `codes`, which hold for every criterion of every commune an index into the criteria
 * met, a status and whether it is forecast to miss (3,300 communes' 43 criteria as objects were
 * 8 MB of the heap, and as two typed arrays each 2 MB).
 */
interface Kept {
  commune: RollupCommune;
  from: number;
  count: number;
}

export const zeroCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/**
 * Builds the roll-up one report at a time, keeping only what the view shows, so that its memory
 * does not grow with the size of the reports. A plan added again (its files read again) replaces
 * what it gave before.
 */
export class RollupBuilder {
  private readonly communes = new Map<string, Kept>();
  /** Each criterion id met, with the title of the first plan by id that has it (plans come in any order). */
  private readonly registry: { id: string; title: string; plan: string }[] = [];
  private readonly indexOf = new Map<string, number>();
  private asOf = '';
  /** For each criterion of each commune, in turn: its index in the registry. */
  private at = new Uint32Array(4096);
  /** The status's index in STATUSES, doubled, plus 1 when forecast to miss. */
  private codes = new Uint8Array(4096);
  private used = 0;

  add(report: Report): void {
    this.addEntry(rollupEntry(report));
  }

  /** A commune's line of the view, made by rollupEntry (in a worker thread, or here). */
  addEntry(entry: RollupEntry): void {
    this.asOf = entry.asOf;
    const from = this.room(entry.criteria.length);
    const { at, codes } = this;
    entry.criteria.forEach((c, k) => {
      const i = from + k;
      let index = this.indexOf.get(c.id);
      if (index === undefined) {
        index = this.registry.push({ id: c.id, title: c.title, plan: entry.commune.id }) - 1;
        this.indexOf.set(c.id, index);
      } else if (entry.commune.id < this.registry[index]!.plan) {
        this.registry[index] = { id: c.id, title: c.title, plan: entry.commune.id };
      }
      at[i] = index;
      codes[i] = 2 * STATUSES.indexOf(c.status) + (c.miss ? 1 : 0);
    });
    // Texts that come from a worker thread are copies: the same title is kept once.
    const { overdue } = entry.commune;
    const commune = { ...entry.commune, overdue: overdue.map((o) => ({ ...o, id: this.interned(o.id), title: this.interned(o.title), lead: this.interned(o.lead) })) };
    this.communes.set(entry.commune.id, { commune, from, count: entry.criteria.length });
  }

  /** Where `count` more criteria go (what a plan added again gave before is left unused). */
  private room(count: number): number {
    if (this.used + count > this.at.length) {
      const size = Math.max(2 * this.at.length, this.used + count);
      const [at, codes] = [new Uint32Array(size), new Uint8Array(size)];
      at.set(this.at.subarray(0, this.used));
      codes.set(this.codes.subarray(0, this.used));
      [this.at, this.codes] = [at, codes];
    }
    this.used += count;
    return this.used - count;
  }

  private readonly texts = new Map<string, string>();

  private interned(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }

  get size(): number {
    return this.communes.size;
  }

  finish(): Rollup {
    const kept = [...this.communes.values()];
    const criteria: RollupCriterion[] = this.registry.map(({ id, title }) => ({ id, title, communes: 0, counts: zeroCounts(), forecastMiss: 0 }));
    const counts = zeroCounts();
    for (const { from, count } of kept) {
      for (let i = from; i < from + count; i++) {
        const c = criteria[this.at[i]!]!;
        const status = STATUSES[this.codes[i]! >> 1]!;
        c.communes++;
        c.counts[status]++;
        if (this.codes[i]! & 1) c.forecastMiss++;
        counts[status]++;
      }
    }
    return {
      asOf: this.asOf,
      communes: kept.map((k) => k.commune).sort(worstCommuneFirst),
      criteria: criteria.filter((c) => c.communes > 0).sort((a, b) => compareIds(a.id, b.id)),
      counts,
      total: kept.reduce((n, k) => n + k.count, 0),
      forecastMiss: criteria.reduce((n, c) => n + c.forecastMiss, 0),
    };
  }
}

/** Most failed or overdue first, then at risk, forecast to miss, not reported, pending; then by id. */
function worstCommuneFirst(a: RollupCommune, b: RollupCommune): number {
  const key = (c: RollupCommune) => [c.counts.fail + c.counts.overdue, c.counts['at-risk'], c.forecastMiss, c.counts['no-data'], c.counts.pending];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Criteria not passing in a commune or across communes: everything but `pass`. */
export const notPassing = (counts: Record<Status, number>) => STATUSES.reduce((n, s) => n + (s === 'pass' ? 0 : counts[s]), 0);
