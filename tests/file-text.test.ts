/**
 * readText decodes with isUtf8 and Buffer.toString (faster than a fatal TextDecoder): it must take
 * and refuse exactly the files TextDecoder takes and refuses, give the same text, and name the
 * line of the first byte that is not UTF-8.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readText } from '../src/load/file-text.js';

const dir = mkdtempSync(join(tmpdir(), 'cchc-file-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function read(bytes: Uint8Array) {
  const abs = join(dir, `f${n++}.yaml`);
  writeFileSync(abs, bytes);
  return readText(abs, 'f.yaml');
}

/** What a fatal TextDecoder made of the bytes before; the line from a lossy decode's first U+FFFD. */
function reference(bytes: Uint8Array) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/u, '').normalize('NFC') };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const before = lossy.slice(0, lossy.indexOf('\uFFFD'));
    return { line: before.split('\n').length };
  }
}

const enc = (s: string) => [...Buffer.from(s, 'utf8')];
/** Pieces of Vietnamese text, line ends, a BOM, and byte sequences that are not UTF-8. */
const good = fc.constantFrom(...['a', ' ', ':', '\n', '\r\n', 'Đ', 'ạ', 'ữ', 'ơ', '≥', '😀', 'e\u0301', '\uFEFF', '-'].map(enc));
const bad = fc.constantFrom([0xfd], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe1, 0xba], [0xe1], [0xf0, 0x9f, 0x98], [0xc4], [0xff]);
const bytes = fc.array(fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad }), { maxLength: 60 })
  .map((pieces) => Uint8Array.from(pieces.flat()));

describe('readText', () => {
  it('takes, refuses and decodes as a fatal TextDecoder did, and names the line of the first bad byte', () => {
    fc.assert(fc.property(bytes, (b) => {
      const got = read(b);
      const want = reference(b);
      if ('text' in want) expect(got).toBe(want.text);
      else expect(got).toMatchObject({ code: 'file-not-utf8', line: want.line, column: 1 });
    }), { numRuns: 3_000 });
  });

  it('blames the line of the bad byte, not an earlier line whose last letter is followed by one on the next', () => {
    // "Đ" is two bytes and "Ạ" three: a check of four bytes from "Đ" cut "Ạ" short and blamed line 1.
    const b = Buffer.concat([Buffer.from('id: Đ\nẠnh: 1\nx: 2\n', 'utf8'), Buffer.from([0xfd, 0x0a])]);
    expect(read(b)).toMatchObject({ code: 'file-not-utf8', line: 4, column: 1 });
  });
});
