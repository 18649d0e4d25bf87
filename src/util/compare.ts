import type { Op } from '../types.js';

/** An exact decimal as numerator / 10^scale, so 9/10 compares equal to 90% (0.9 * 100 does not). */
function exact(n: number): { num: bigint; scale: number } {
  const [mantissa, exponent = '0'] = n.toString().toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  let num = BigInt(whole! + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num, scale };
}

function sign(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares factor * pNum / pDen with q, exactly. pDen must be > 0. */
function compareFraction(pNum: number, pDen: number, q: number, factor = 1n): number {
  const a = exact(pNum);
  const b = exact(pDen);
  const c = exact(q);
  // factor*pNum/pDen <=> q   ⇔   factor * a.num * 10^(b.scale + c.scale) <=> c.num * b.num * 10^(a.scale)
  const left = factor * a.num * 10n ** BigInt(b.scale + c.scale);
  const right = c.num * b.num * 10n ** BigInt(a.scale);
  return sign(left, right);
}

function holds(cmp: number, op: Op): boolean {
  switch (op) {
    case '>=': return cmp >= 0;
    case '>': return cmp > 0;
    case '=': return cmp === 0;
    case '<=': return cmp <= 0;
    case '<': return cmp < 0;
  }
}

/** Does value/total, in percent, meet `op target`? total must be > 0. */
export function ratioMeets(value: number, total: number, op: Op, targetPercent: number): boolean {
  return holds(compareFraction(value, total, targetPercent, 100n), op);
}

/** Does a plain number (a count or a percent) meet `op target`? */
export function numberMeets(actual: number, op: Op, target: number): boolean {
  return holds(compareFraction(actual, 1, target), op);
}
