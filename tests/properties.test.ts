import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/util/dates.js';
import { parseTarget } from '../src/util/target.js';
import { numberMeets, ratioMeets } from '../src/util/compare.js';
import { foldName } from '../src/util/fold-name.js';
import type { MeasureKind, Op } from '../src/types.js';

const RUNS = { numRuns: 2000 };
const pad = (n: number, w: number) => String(n).padStart(w, '0');

// An independent calendar: Gregorian leap years.
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

const validDate = fc
  .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= daysIn(y, m));

describe('parseDate properties', () => {
  it('round-trips every valid date written ISO, dd/MM/yyyy and d/M/yyyy', () => {
    fc.assert(
      fc.property(validDate, ({ y, m, d }) => {
        const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(parseDate(iso)).toEqual({ date: iso });
        expect(parseDate(`${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`)).toEqual({ date: iso });
        expect(parseDate(`${d}/${m}/${pad(y, 4)}`)).toEqual({ date: iso });
      }),
      RUNS,
    );
  });

  it('round-trips dates in the plan-year range around 2025, leap days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
        const vn = `${pad(d, 2)}/${pad(m, 2)}/${y}`;
        const expected = d <= daysIn(y, m) ? { date: iso } : { problem: 'impossible' };
        expect(parseDate(iso)).toEqual(expected);
        expect(parseDate(vn)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('a well-formed day/month that does not exist is "impossible", never a wrong date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const r = parseDate(`${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`);
        const exists = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        expect(r).toEqual(exists ? { date: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` } : { problem: 'impossible' });
      }),
      RUNS,
    );
  });

  const dateLike = fc
    .array(fc.constantFrom('0', '1', '2', '9', '3', '/', '-', ' ', '.', 'T', '١', '\u00a0'), { maxLength: 14 })
    .map((cs) => cs.join(''));

  it('never throws on any string, and answers a date or a known problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), dateLike), (s) => {
        const r = parseDate(s);
        if ('date' in r) {
          expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          // whatever was accepted reads back as itself
          expect(parseDate(r.date)).toEqual(r);
        } else {
          expect(['format', 'impossible']).toContain(r.problem);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseTarget properties', () => {
  const kinds: MeasureKind[] = ['ratio', 'percent', 'count'];
  const PROBLEMS = ['syntax', 'percent-missing', 'percent-not-allowed', 'count-not-integer', 'percent-range'];

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), fc.constantFrom(...kinds), (s, kind) => {
        const r = parseTarget(s, kind);
        if ('problem' in r) expect(PROBLEMS).toContain(r.problem);
        else {
          expect(['>=', '>', '=', '<=', '<']).toContain(r.target.op);
          expect(Number.isFinite(r.target.value)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  const opText = fc.constantFrom<[string, Op]>(['>=', '>='], ['>', '>'], ['=', '='], ['<=', '<='], ['<', '<'], ['≥', '>='], ['≤', '<=']);
  const space = fc.constantFrom('', ' ', '  ', '\t');

  it('accepts every valid percentage target', () => {
    const pct = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((n) => ({ text: String(n), value: n })),
      fc
        .record({ whole: fc.integer({ min: 0, max: 99 }), frac: fc.integer({ min: 0, max: 999 }), comma: fc.boolean() })
        .map(({ whole, frac, comma }) => {
          const f = String(frac);
          return { text: `${whole}${comma ? ',' : '.'}${f}`, value: Number(`${whole}.${f}`) };
        }),
    );
    fc.assert(
      fc.property(opText, pct, space, space, space, fc.constantFrom<MeasureKind>('ratio', 'percent'), ([opWritten, op], { text: num, value }, s1, s2, s3, kind) => {
        const text = `${s1}${opWritten}${s2}${num}${s3}%`;
        expect(parseTarget(text, kind)).toEqual({ target: { op, value, unit: '%', text: text.trim() } });
      }),
      RUNS,
    );
  });

  it('accepts every valid count target', () => {
    fc.assert(
      fc.property(opText, fc.nat({ max: 1_000_000 }), space, space, ([opWritten, op], n, s1, s2) => {
        const text = `${s1}${opWritten}${s2}${n}`;
        expect(parseTarget(text, 'count')).toEqual({ target: { op, value: n, unit: '', text: text.trim() } });
      }),
      RUNS,
    );
  });
});

describe('exact comparison properties', () => {
  const ops: Op[] = ['>=', '>', '=', '<=', '<'];
  const holds = (cmp: number, op: Op) =>
    op === '>=' ? cmp >= 0 : op === '>' ? cmp > 0 : op === '=' ? cmp === 0 : op === '<=' ? cmp <= 0 : cmp < 0;
  const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

  const valueTotal = fc
    .record({ total: fc.integer({ min: 1, max: 1e12 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ total, share }) => ({ total, value: Math.min(total, Math.floor(total * share)) }));
  // Values right at an integer percentage, where floating point is most likely to be off by one ulp.
  const atBoundary = fc
    .record({ k: fc.integer({ min: 1, max: 1e10 }), p: fc.integer({ min: 0, max: 100 }) })
    .map(({ k, p }) => ({ total: 100 * k, value: p * k }));

  it('ratioMeets agrees with integer cross-multiplication (value/total up to 1e12, targets 0..100)', () => {
    fc.assert(
      fc.property(fc.oneof(valueTotal, atBoundary), fc.integer({ min: 0, max: 100 }), fc.constantFrom(...ops), ({ value, total }, target, op) => {
        const expected = holds(cmpBig(100n * BigInt(value), BigInt(target) * BigInt(total)), op);
        expect(ratioMeets(value, total, op, target)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('ratioMeets agrees with integer cross-multiplication for targets with two decimals', () => {
    fc.assert(
      fc.property(fc.oneof(valueTotal, atBoundary), fc.integer({ min: 0, max: 10000 }), fc.constantFrom(...ops), ({ value, total }, hundredths, op) => {
        const expected = holds(cmpBig(10000n * BigInt(value), BigInt(hundredths) * BigInt(total)), op);
        expect(ratioMeets(value, total, op, hundredths / 100)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('numberMeets agrees with integer comparison', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.maxSafeNat(), fc.constantFrom(...ops), (a, b, op) => {
        expect(numberMeets(a, op, b)).toBe(holds(cmpBig(BigInt(a), BigInt(b)), op));
      }),
      RUNS,
    );
  });
});

describe('foldName properties', () => {
  const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
  const VOWELS = new Set([...'aăâeêioôơuưy']);
  const letter = fc
    .tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...TONES))
    .map(([l, t]) => (VOWELS.has(l) ? (l + t).normalize('NFC') : l));
  const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((ls) => ls.join(''));
  const sep = fc.constantFrom(' ', '  ', ' - ', '-', ' – ', '—', '\u00a0');
  const vietnamese = fc
    .tuple(word, fc.array(fc.tuple(sep, word), { maxLength: 5 }))
    .map(([w, rest]) => w + rest.map(([s, x]) => s + x).join(''));
  const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), vietnamese);

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(foldName(foldName(s))).toBe(foldName(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('does not see NFC vs NFD', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const f = foldName(s);
        expect(foldName(s.normalize('NFD'))).toBe(f);
        expect(foldName(s.normalize('NFC'))).toBe(f);
      }),
      { numRuns: 5000 },
    );
  });

  it('does not see upper or lower case in Vietnamese names', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        const f = foldName(s);
        expect(foldName(s.toUpperCase())).toBe(f);
        expect(foldName(s.toLowerCase())).toBe(f);
        expect(foldName(s.toUpperCase().normalize('NFD'))).toBe(f);
      }),
      RUNS,
    );
  });

  it('does not see where the tone mark sits in a syllable (hoá = hóa)', () => {
    const tone = fc.constantFrom('\u0300', '\u0301', '\u0303', '\u0309', '\u0323');
    const onset = fc.constantFrom('', 'h', 'th', 'kh', 'ng', 'qu', 'x', 'l');
    const nucleus = fc.constantFrom<[string, string]>(['o', 'a'], ['o', 'e'], ['u', 'y'], ['u', 'ê'], ['i', 'a'], ['ư', 'ơ']);
    fc.assert(
      fc.property(onset, nucleus, tone, fc.constantFrom('', 'n', 'c', 'ng'), (o, [v1, v2], t, coda) => {
        const onFirst = `${o}${v1}${t}${v2}${coda}`.normalize('NFC');
        const onSecond = `${o}${v1}${v2}${t}${coda}`.normalize('NFC');
        expect(foldName(onFirst)).toBe(foldName(onSecond));
        expect(foldName(onFirst)).not.toBe(foldName(`${o}${v1}${v2}${coda}`));
      }),
      RUNS,
    );
  });
});
