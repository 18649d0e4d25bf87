import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../types.js';

/** A plan is about 60 KB and a progress file a few KB: a file this large was not written by hand. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const lossyUtf8 = new TextDecoder('utf-8');

// Every file is read into this one buffer, which grows to the largest (at most MAX_FILE_BYTES): a
// buffer per file was 1,000 allocations of a plan's size at N = 1,000, outside the heap, each
// counted towards its next collection. The bytes are decoded (copied) before the next read.
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * The text of a file: UTF-8 with or without BOM, normalised to NFC; or why there is none (a
 * folder, a device, too large, unreadable, UTF-16, binary, not UTF-8).
 */
export function readText(absPath: string, file: string): string | Diagnostic {
  const bytes = readBytes(absPath, file);
  return Buffer.isBuffer(bytes) ? decodeText(bytes, file) : bytes;
}

/** A file's bytes (in a buffer reused by the next read), or why they cannot be read. */
export function readBytes(absPath: string, file: string): Buffer | Diagnostic {
  let fd: number;
  try {
    // Non-blocking: opening a named pipe to read would otherwise wait for a writer for ever.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (reason === 'EISDIR') return { severity: 'error', code: 'path-is-directory', args: {}, file };
    return { severity: 'error', code: 'file-unreadable', args: { reason }, file };
  }
  // One open, fstat and read: a separate stat cost 50 µs a file, 85 ms of a 1,700-file run.
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { severity: 'error', code: 'path-is-directory', args: {}, file };
    if (!stat.isFile()) return { severity: 'error', code: 'not-a-file', args: {}, file };
    if (stat.size > MAX_FILE_BYTES) {
      return { severity: 'error', code: 'file-too-large', args: { size: stat.size, limit: MAX_FILE_BYTES }, file, line: 1, column: 1 };
    }
    if (scratch.length < stat.size) scratch = Buffer.allocUnsafeSlow(Math.max(stat.size, Math.min(2 * scratch.length, MAX_FILE_BYTES)));
    let length = 0;
    for (let n = 1; length < stat.size && n > 0; length += n) n = readSync(fd, scratch, length, stat.size - length, null);
    return scratch.subarray(0, length);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { severity: 'error', code: 'file-unreadable', args: { reason }, file };
  } finally {
    closeSync(fd);
  }
}

function decodeText(bytes: Buffer, file: string): string | Diagnostic {
  // Notepad's "Unicode" is UTF-16 with a byte order mark; every other byte of it is a zero, so it
  // is told apart before the test for binary files.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { severity: 'error', code: 'file-utf16', args: {}, file, line: 1, column: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lossyUtf8.decode(bytes.subarray(0, nul));
    return { severity: 'error', code: 'file-binary', args: {}, file, ...positionIn(before, before.length) };
  }
  // isUtf8 and toString take exactly the bytes a fatal TextDecoder takes (tests/file-text.test.ts),
  // in the same time once warm; isUtf8 also finds the line of a bad byte below.
  if (!isUtf8(bytes)) return { severity: 'error', code: 'file-not-utf8', args: {}, file, line: lineOfFirstBadByte(bytes), column: 1 };
  let text = bytes.toString('utf8');
  // The byte order mark (TextDecoder dropped one; a second one is dropped as text below).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // NFC first: files saved on macOS may hold NFD text, and ids and names must compare equal.
  return text.replace(/^\uFEFF/u, '').normalize('NFC');
}

/** 1-based line and column of `offset` in `text`, counted as LineCounter counts them. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The line of the first byte that is not UTF-8, walking the text one character at a time (linear,
 * and a character split by the end of a line's check cannot be blamed for a later mistake).
 */
function lineOfFirstBadByte(bytes: Buffer): number {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return line;
    i += length;
  }
  return line;
}
