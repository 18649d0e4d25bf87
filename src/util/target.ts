import type { MeasureKind, Op, Target } from '../types.js';

const GRAMMAR = /^\s*(>=|<=|≥|≤|>|<|=)\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/u;

/** Why a target text was rejected, for the message table. */
export type TargetProblem = 'syntax' | 'percent-missing' | 'percent-not-allowed' | 'count-not-integer' | 'percent-range';

/** Parses `OP NUMBER[%]` (design.md, "Target grammar") for a measure of the given kind. */
export function parseTarget(text: string, kind: MeasureKind): { target: Target } | { problem: TargetProblem } {
  const m = GRAMMAR.exec(text);
  if (!m) return { problem: 'syntax' };
  const op = ({ '≥': '>=', '≤': '<=' } as Record<string, Op>)[m[1]!] ?? (m[1] as Op);
  const value = Number(m[2]!.replace(',', '.'));
  const percent = m[3] === '%';
  if (kind === 'count') {
    if (percent) return { problem: 'percent-not-allowed' };
    if (!Number.isInteger(value)) return { problem: 'count-not-integer' };
  } else {
    if (!percent) return { problem: 'percent-missing' };
    if (value > 100) return { problem: 'percent-range' };
  }
  return { target: { op, value, unit: percent ? '%' : '', text: text.trim() } };
}
