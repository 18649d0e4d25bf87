import { locate, plainTextAt } from '../load/locate.js';
import type { Source } from '../load/source.js';
import type { DataPath, Diagnostic, MeasureKind, PlanOutline } from '../types.js';

/** A finding of `forgive`: where, and what was read or what to write instead. */
export interface Forgiven {
  severity: Diagnostic['severity'];
  code: string;
  args: Diagnostic['args'];
  path: DataPath;
}

/** Fields whose value is a text: a bare number or yes/no there is taken as the text written. */
const TEXT_FIELDS = ['plan', 'unit', 'period', 'reportedBy'] as const;
const MULTIPLIERS: Record<string, number> = { tỷ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };
const MONEY = /\s*(?:đồng|đ|vnđ|vnd)\.?$/iu;
const MULTIPLIED = /^(\d+(?:[.,]\d+)*)\s*(tỷ|triệu|nghìn|ngàn)$/iu;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u;
const PERCENT = /^(\d+(?:[.,]\d+)?)\s*%$/u;

/**
 * Reads what officers type the Vietnamese way, never silently (issue 16):
 * - a bare number where a text belongs (`period: 2025`) is that text;
 * - `11.500.000.000` (thousands dots), `11,5 tỷ`, `250 triệu`, `11500000000 đồng`, and `95%` for a
 *   percent measure are read as the number they say, each with a warning that shows the number read;
 * - `{value:9,total:9}` (no space after the colons) and `{ value: 11,5 tỷ, total: 12,8 tỷ }` (a
 *   comma inside braces, which YAML takes as the end of the field) are errors that show the exact
 *   text to write.
 * Returns the data to check, copied only where something was read differently.
 */
export function forgive(source: Source, data: unknown, plan: PlanOutline | undefined): { data: unknown; findings: Forgiven[] } {
  if (!isRecord(data)) return { data, findings: [] };
  const findings: Forgiven[] = [];
  let out: Record<string, unknown> = data;
  const set = (key: string, value: unknown) => {
    if (out === data) out = { ...data };
    out[key] = value;
  };
  for (const field of TEXT_FIELDS) {
    const value = data[field];
    if (typeof value === 'number' || typeof value === 'boolean') set(field, plainTextAt(source, [field]) ?? String(value));
  }
  if (!isRecord(data.criteria)) return { data: out, findings };
  const kinds = plan ? measureKinds(plan) : undefined;
  let criteria: Record<string, unknown> = data.criteria;
  for (const [id, entry] of Object.entries(data.criteria)) {
    if (!isRecord(entry)) continue;
    let fixed: Record<string, unknown> = entry;
    const put = (key: string, value: unknown) => {
      if (fixed === entry) fixed = { ...entry };
      if (value === undefined) delete fixed[key];
      else fixed[key] = value;
    };
    if (typeof entry.note === 'number' || typeof entry.note === 'boolean') put('note', plainTextAt(source, ['criteria', id, 'note']) ?? String(entry.note));
    for (const key in entry) {
      const value = entry[key];
      // Nearly every figure is a plain number or { value, total } of numbers: nothing to read.
      if (typeof value === 'number' || value === null || (isRecord(value) && isPlainRatio(value))) continue;
      const kind = kinds?.get(`${id}\u0000${key}`);
      if (kind === undefined) continue;
      const path = ['criteria', id, key];
      if (kind === 'ratio' && isRecord(value)) {
        const figure = forgiveRatio(source, path, value, findings);
        if (figure !== value) put(key, figure);
      } else if (kind !== 'ratio' && typeof value === 'string') {
        const read = readFigure(value, kind);
        if (read !== undefined) {
          findings.push({ severity: 'warning', code: 'figure-read', args: { written: value, read: read.value, how: read.how }, path });
          put(key, read.value);
        }
      }
    }
    if (fixed !== entry) {
      if (criteria === data.criteria) criteria = { ...data.criteria };
      criteria[id] = fixed;
    }
  }
  if (criteria !== data.criteria) set('criteria', criteria);
  return { data: out, findings };
}

/** The ratio's figure as read; undefined when it is written so that it cannot be (the error says how). */
function forgiveRatio(source: Source, path: DataPath, figure: Record<string, unknown>, findings: Forgiven[]): Record<string, unknown> | undefined {
  const keys = Object.keys(figure);
  // `{value:9,total:9}`: YAML reads "value:9" as one word, a key with no value.
  const glued = keys.filter((k) => /^(?:value|total):\S/u.test(k));
  if (glued.length > 0) {
    const fields = glued.map((k) => k.replace(/^(value|total):\s*/u, '$1: '));
    findings.push({ severity: 'error', code: 'colon-needs-space', args: { written: `{${glued.join(',')}}`, fixed: `{ ${fields.join(', ')} }` }, path });
    return undefined;
  }
  // `{ value: 11,5 tỷ, total: 12,8 tỷ }`: the comma ended the field; "5 tỷ" became a key.
  const split = keys.filter((k) => k !== 'value' && k !== 'total' && figure[k] === null && /^\d+(?:\s*(?:tỷ|triệu|nghìn|ngàn|%|đồng|đ))?$/iu.test(k));
  if (split.length > 0) {
    const line = lineText(source, path);
    const written = [...line.matchAll(/\b(value|total)\s*:\s*(\d[\d.,]*(?:\s*(?:tỷ|triệu|nghìn|ngàn))?(?:\s*(?:đồng|đ))?)/giu)];
    const parts = written.map(([, field, text]) => {
      const read = readFigure(text!.trim(), 'count') ?? readFigure(text!.trim().replace(',', '.'), 'count');
      const number = read?.value ?? Number(text!.replace(',', '.'));
      return `${field}: ${Number.isFinite(number) ? number : text}`;
    });
    findings.push({ severity: 'error', code: 'comma-in-braces', args: { written: written.map((m) => m[0]).join(', '), fixed: `{ ${parts.join(', ')} }` }, path });
    return undefined;
  }
  let out = figure;
  for (const field of ['value', 'total'] as const) {
    const text = figure[field];
    if (typeof text !== 'string') continue;
    const read = readFigure(text, 'count');
    if (read === undefined) continue;
    findings.push({ severity: 'warning', code: 'figure-read', args: { written: text, read: read.value, how: read.how }, path: [...path, field] });
    if (out === figure) out = { ...figure };
    out[field] = read.value;
  }
  return out;
}

/**
 * A figure written as Vietnamese write it, as a number: `11.500.000.000`, `1.250,5`, `11,5 tỷ`,
 * `250 triệu`, `11500000000 đồng`, and `95%` for a percent measure. Undefined for anything else
 * (the schema then says what is wrong).
 */
export function readFigure(written: string, kind: MeasureKind): { value: number; how: 'thousands' | 'multiplier' | 'money' | 'percent' } | undefined {
  const text = written.trim();
  const percent = PERCENT.exec(text);
  if (percent) return kind === 'percent' ? { value: Number(percent[1]!.replace(',', '.')), how: 'percent' } : undefined;
  const money = MONEY.test(text);
  const bare = text.replace(MONEY, '').trim();
  const multiplied = MULTIPLIED.exec(bare);
  if (multiplied) {
    const number = vietnameseNumber(multiplied[1]!);
    return number === undefined ? undefined : { value: Math.round(number * MULTIPLIERS[multiplied[2]!.toLowerCase()]!), how: 'multiplier' };
  }
  if (THOUSANDS.test(bare)) return { value: vietnameseNumber(bare)!, how: 'thousands' };
  if (money && /^\d+$/u.test(bare)) return { value: Number(bare), how: 'money' };
  return undefined;
}

/** `1.250,5` → 1250.5; `11,5` → 11.5; `1.250` → 1250 (a dot before three digits groups thousands). */
function vietnameseNumber(text: string): number | undefined {
  const [whole, decimals] = text.split(',');
  if (text.split(',').length > 2) return undefined;
  const digits = /^\d{1,3}(?:\.\d{3})+$/u.test(whole!) ? whole!.replace(/\./gu, '') : whole!;
  const number = Number(decimals === undefined ? digits : `${digits}.${decimals}`);
  return Number.isFinite(number) ? number : undefined;
}

const kindsByPlan = new WeakMap<PlanOutline, Map<string, MeasureKind>>();

/** Each measure's kind, keyed "criterion\0measure", made once per plan. */
function measureKinds(plan: PlanOutline): Map<string, MeasureKind> {
  let kinds = kindsByPlan.get(plan);
  if (!kinds) {
    kinds = new Map(plan.criteria.flatMap((c) => c.measures.map((m) => [`${c.id}\u0000${m.id}`, m.kind] as const)));
    kindsByPlan.set(plan, kinds);
  }
  return kinds;
}

function lineText(source: Source, path: DataPath): string {
  const { line } = locate(source, path);
  return source.text.split('\n')[line - 1] ?? '';
}

function isPlainRatio(figure: Record<string, unknown>): boolean {
  let n = 0;
  for (const key in figure) {
    if ((key !== 'value' && key !== 'total') || typeof figure[key] !== 'number') return false;
    n++;
  }
  return n > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
