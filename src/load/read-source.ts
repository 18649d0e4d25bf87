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
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    return {
      severity: 'error',
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      args: { detail: firstLine(error.message), yamlCode: error.code },
      file,
      line: pos.line,
      column: pos.col,
    };
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
