/**
 * The bundle gives cli-table3 src/format/string-width.ts instead of the string-width package
 * (src/build/build.mjs). It must measure every text exactly as the package does, or the table's
 * columns would shift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import stringWidthOfPackage from 'string-width';
import { describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/format/string-width.js';

const chars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** What a table of the Vietnamese example is made of, plus every code unit near those ranges. */
const common = [
  ...chars(0x20, 0x7e), ...chars(0xa0, 0x24f), ...chars(0x300, 0x36f), ...chars(0x1e00, 0x1eff),
  ...chars(0x2000, 0x206f), ...chars(0x2190, 0x21ff), ...chars(0x2200, 0x22ff),
];
/** Text that must go to the package: colours, controls, emoji (with joiners and variation selectors), wide letters, lone surrogates. */
const rare = [
  '\u001b[31m', '\u001b[1m', '\u001b[39m', '\u001b[22m', '\u009b31m', '\u001b]8;;http://x\u0007', '\n', '\t', '\u0000', '\u007f', '\u0085',
  '©', '®', '©\ufe0f', '‼', '⁉', '™', 'ℹ', '↔', '↩', '⌚', '▶', '☀', '✅', '❤\ufe0f', '#\ufe0f\u20e3', '1\ufe0f\u20e3', '🇻🇳', '👍🏽', '👨‍👩‍👧',
  '越', '한', 'ｶ', 'Ａ', '\u3000', '\ud83d', '\ude00', '\u200b', '\u200d', '\ufe0f', '\u0483', '\u1100',
];

describe('stringWidth for cli-table3', () => {
  it('measures each character as the package does', () => {
    for (const c of [...common, ...rare]) expect([c, stringWidth(c)]).toEqual([c, stringWidthOfPackage(c)]);
  });

  it('measures mixed text as the package does', () => {
    const text = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) }), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => { expect(stringWidth(t)).toBe(stringWidthOfPackage(t)); }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => { expect(stringWidth(t)).toBe(stringWidthOfPackage(t)); }), { numRuns: 5_000 });
  });

  it('measures every line of the golden tables and the plans as the package does', () => {
    const lines = [
      ...readdirSync('tests/format/__golden__').flatMap((f) => readFileSync(`tests/format/__golden__/${f}`, 'utf8').split('\n')),
      ...readFileSync('plans/quang-son-2025.yaml', 'utf8').split('\n'),
    ];
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) expect([line, stringWidth(line)]).toEqual([line, stringWidthOfPackage(line)]);
  });
});
