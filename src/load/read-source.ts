import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../types.js';
import type { Source } from './source.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a YAML file: UTF-8 with or without BOM, CRLF or LF, text normalised to NFC. */
export function readSource(absPath: string, file: string): { source?: Source; diagnostics: Diagnostic[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { diagnostics: [{ severity: 'error', code: 'file-unreadable', args: { reason }, file }] };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { diagnostics: [{ severity: 'error', code: 'file-not-utf8', args: {}, file, line: lineOfFirstBadByte(bytes), column: 1 }] };
  }
  // NFC first: files saved on macOS may hold NFD text, and ids and names must compare equal.
  text = text.replace(/^\uFEFF/u, '').normalize('NFC');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', merge: false });
  const diagnostics = doc.errors.map((error): Diagnostic => {
    const pos = lineCounter.linePos(error.pos[0]);
    const at = { file, line: pos.line, column: pos.col };
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, error.pos[0]);
      const firstLine = key === undefined ? undefined : firstUse(text, key, pos.line, pos.col);
      return { severity: 'error', code: 'yaml-duplicate-key', args: { key: key ?? '', ...(firstLine ? { firstLine } : {}) }, ...at };
    }
    return { severity: 'error', code: 'yaml-syntax', args: { yamlCode: error.code, detail: firstLine(error.message) }, ...at };
  });
  if (diagnostics.length > 0) return { diagnostics };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return { diagnostics: [{ severity: 'error', code: 'file-empty', args: {}, file, line: 1, column: 1 }] };
  }
  return { source: { file, text, doc, lineCounter, data }, diagnostics: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '');
}

function lineOfFirstBadByte(bytes: Buffer): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i]! >= 0x80) {
      try {
        utf8.decode(bytes.subarray(0, Math.min(bytes.length, i + 4)));
      } catch {
        return line;
      }
    }
  }
  return line;
}

const KEY = /^\s*(?:-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s:#][^:#]*?))\s*:(?:\s|$)/u;

/** The key written at `offset` (a duplicate key's position), without its quotes. */
function keyAt(text: string, offset: number): string | undefined {
  const m = KEY.exec(text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset)));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The line where the same key first appears in the same mapping, scanning up to the parent. */
function firstUse(text: string, key: string, line: number, column: number): number | undefined {
  const lines = text.split(/\r?\n/u);
  let found: number | undefined;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (/^\s*(#|$)/u.test(l)) continue;
    const indent = l.length - l.trimStart().length;
    if (indent < column - 1) break;
    const m = KEY.exec(l);
    if (indent === column - 1 && m && (m[1] ?? m[2] ?? m[3]) === key) found = i + 1;
  }
  return found;
}
