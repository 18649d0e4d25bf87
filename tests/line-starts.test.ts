/**
 * LineStarts finds lines only as far as a position asks: whatever the order of the questions, each
 * answer must be the one yaml's LineCounter gives for the whole text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter } from 'yaml';
import { LineStarts } from '../src/load/line-starts.js';

function yamlPos(text: string, offset: number): { line: number; col: number } {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter.linePos(offset);
}

describe('LineStarts', () => {
  it('gives yaml\'s line and column for any offsets, asked in any order, on one instance', () => {
    const text = fc.array(fc.constantFrom('a', 'ă', '\n', '\r', ' '), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, picks) => {
      const starts = new LineStarts(t);
      for (const pick of picks) {
        const offset = pick % (t.length + 1);
        expect(starts.linePos(offset)).toEqual(yamlPos(t, offset));
      }
    }), { numRuns: 2000 });
  });

  it('answers at the end of a text that ends with a line feed, and of an empty text', () => {
    expect(new LineStarts('a\nb\n').linePos(4)).toEqual({ line: 3, col: 1 });
    expect(new LineStarts('a\nb\n').linePos(3)).toEqual({ line: 2, col: 2 });
    expect(new LineStarts('').linePos(0)).toEqual({ line: 1, col: 1 });
  });
});
