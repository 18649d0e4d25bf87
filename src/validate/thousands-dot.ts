import { plainTextAt } from '../load/locate.js';
import type { Source } from '../load/source.js';
import type { DataPath, Diagnostic, MeasureKind } from '../types.js';

/** `1.250`: how Vietnamese writes one thousand two hundred and fifty; YAML reads 1.25. */
const THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/u;
/** A whole number as written: no point, no exponent. */
const WHOLE = /^\d+$/u;

export interface ThousandsDot {
  severity: Diagnostic['severity'];
  /** The figure written with the dot: the measure itself, or its `value` or `total`. */
  path: DataPath;
  args: Diagnostic['args'];
}

/**
 * A count, or a ratio's value or total, written with a dot before exactly three digits, where
 * the dot is most likely a thousands separator. The rule stays on the safe side of decimals
 * that are meant, such as sums in tỷ đồng (7.85, or 7.850 of 12.800):
 * - an error, in place of the rule it breaks, when the figure as YAML reads it breaks a rule that
 *   the figure without its dot keeps: a total below its value (`{ value: 1243, total: 1.250 }`),
 *   a count that is not whole (`1.250`);
 * - a warning when the figures are consistent either way but only one figure of a ratio has the
 *   dot and the other is a whole number (`{ value: 1.243, total: 1250 }`), or a count is written
 *   `1.000`;
 * - nothing when both figures of a ratio have such a dot (the ratio is the same either way), for
 *   percentages, or for any other decimal.
 * `path` is the measure's; both figures are numbers, not negative.
 */
export function thousandsDot(source: Source, path: DataPath, kind: MeasureKind, figure: number | { value: number; total: number }): ThousandsDot | undefined {
  // Every finding is of a figure written with a point: none in most files, as quickYaml notes.
  if (source.dottedNumbers === false) return undefined;
  if (typeof figure === 'number') {
    if (kind !== 'count') return undefined;
    const written = writtenAt(source, path);
    if (written === undefined || !THOUSANDS.test(written)) return undefined;
    const whole = Number.isInteger(figure);
    return { severity: whole ? 'warning' : 'error', path, args: finding(written, figure, whole ? {} : { reason: 'not-integer' }) };
  }
  const value = writtenAt(source, [...path, 'value']);
  const total = writtenAt(source, [...path, 'total']);
  if (value === undefined || total === undefined) return undefined;
  const dotted = THOUSANDS.test(total) ? 'total' : THOUSANDS.test(value) ? 'value' : undefined;
  if (dotted === undefined) return undefined;
  const other = dotted === 'total' ? value : total;
  if (THOUSANDS.test(other)) return undefined;
  const undotted = { value: figure.value, total: figure.total, [dotted]: Number((dotted === 'total' ? total : value).replace('.', '')) };
  if (undotted.value > undotted.total) return undefined;
  const written = dotted === 'total' ? total : value;
  if (figure.value > figure.total) {
    return { severity: 'error', path: [...path, dotted], args: finding(written, figure.total, { reason: 'below-value', other: figure.value }) };
  }
  if (!WHOLE.test(other)) return undefined;
  return { severity: 'warning', path: [...path, dotted], args: finding(written, figure[dotted], {}) };
}

function finding(written: string, read: number, extra: Diagnostic['args']): Diagnostic['args'] {
  return { value: written, read, fixed: written.replace('.', ''), ...extra };
}

/** The text of the plain number at `path`, as written in the file. */
function writtenAt(source: Source, path: DataPath): string | undefined {
  return plainTextAt(source, path);
}
