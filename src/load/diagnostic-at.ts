import type { Diagnostic } from '../types.js';
import type { LineStarts } from './line-starts.js';

/** Makes an error of one file at a character offset of its text. */
export type At = (code: string, args: Diagnostic['args'], offset: number) => Diagnostic;

export function diagnosticAt(file: string, lineCounter: LineStarts): At {
  return (code, args, offset) => {
    const pos = lineCounter.linePos(offset);
    return { severity: 'error', code, args, file, line: pos.line, column: pos.col };
  };
}
