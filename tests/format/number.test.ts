/**
 * formatNumber writes numbers itself instead of through Intl.NumberFormat (whose ICU data cost a
 * fresh process ~20 ms): it must write exactly what Intl writes, in both languages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/format/text.js';
import type { Lang } from '../../src/types.js';

const intl = (n: number, lang: Lang, maxFraction: number) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxFraction }).format(n);

const numbers = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  // Decimals as people write them: 7,85 / 1.005 / 99,95 — where rounding is decided on the digits.
  fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 5 })).map(([m, k]) => m / 10 ** k),
  fc.double({ min: -1e20, max: 1e20, noNaN: true }),
  fc.constantFrom(0, -0, 1.005, 0.125, 2.675, 99.95, 99.995, 0.045, 999.999, -0.001, 1e21, 1e-7, 123456789.999, Number.MAX_SAFE_INTEGER, Infinity, -Infinity),
);

describe('formatNumber', () => {
  it('writes what Intl.NumberFormat writes', () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom<Lang>('vi', 'en'), fc.integer({ min: 0, max: 3 }), (n, lang, maxFraction) => {
        expect(formatNumber(n, lang, maxFraction)).toBe(intl(n, lang, maxFraction));
      }),
      { numRuns: 20_000 },
    );
  });

  it('groups thousands and writes the decimal mark of each language', () => {
    expect(formatNumber(1234567.891, 'vi')).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatNumber(99.95, 'vi', 1)).toBe('100');
  });
});
