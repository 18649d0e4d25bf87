/**
 * The scan that spots nesting past the limit before yaml's parser sees the text (nesting-scan.ts):
 * it must stop at the bracket or dash that crosses the limit, and skip what YAML reads as text.
 */
import { describe, expect, it } from 'vitest';
import { deepNestingEnd } from '../src/load/nesting-scan.js';

const LIMIT = 4;

describe('deepNestingEnd', () => {
  it('stops at the end of the line of the bracket past the limit', () => {
    // The fifth "[" is at offset 7; its line ends at offset 14.
    expect(deepNestingEnd('a: [[[[[1]]]]]\nb: 2\n', LIMIT)).toBe(14);
    expect(deepNestingEnd('{a: [{b: [{c: 1}]}]}\n', LIMIT)).toBe(20);
    expect(deepNestingEnd('[[[[]]]]\n[[[[]]]]\n', LIMIT)).toBeUndefined();
  });

  it('stops 1,024 characters on when the line is longer', () => {
    expect(deepNestingEnd('['.repeat(5000), LIMIT)).toBe(4 + 1024);
  });

  it('counts "- " and "? " chained at the start of a line', () => {
    expect(deepNestingEnd('- - - - - 1\n', LIMIT)).toBe(11);
    expect(deepNestingEnd('? - ? - ? x\n', LIMIT)).toBe(11);
    expect(deepNestingEnd('- - - - 1\n- - - - 2\n', LIMIT)).toBeUndefined();
    expect(deepNestingEnd('a: - - - - - -\n', LIMIT)).toBeUndefined();
  });

  it('skips brackets in comments and quoted text, with their escapes', () => {
    expect(deepNestingEnd('a: 1 # [[[[[[\n', LIMIT)).toBeUndefined();
    expect(deepNestingEnd('# [[[[[[\n', LIMIT)).toBeUndefined();
    expect(deepNestingEnd('a: "[[[[[[\\" [[[["\n', LIMIT)).toBeUndefined();
    expect(deepNestingEnd("a: '[[[['' [[[['\n", LIMIT)).toBeUndefined();
    expect(deepNestingEnd('a: ["[[[[[", \'[[[[[\', {"x":"[[[[["}]\n', LIMIT)).toBeUndefined();
    // A quote inside plain text opens nothing; a "#" without a space before it is text.
    expect(deepNestingEnd("a: it's [[[[[x\n", LIMIT)).toBe(14);
    expect(deepNestingEnd('a: b#[[[[[\n', LIMIT)).toBe(10);
    // A closing bracket in a comment or in quotes does not close anything.
    expect(deepNestingEnd('[[[ # ]]]\n"]]]", [[\n', LIMIT)).toBe(19);
  });

  it('gives up, saying nothing, at a quote that is never closed', () => {
    expect(deepNestingEnd('a: "[[[[[[\n', LIMIT)).toBeUndefined();
  });
});
