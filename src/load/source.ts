import type { Document, LineCounter } from 'yaml';
import type { DataPath } from '../types.js';

/** One YAML file as read: its text, its parsed document (for positions) and its plain data. */
export interface Source {
  /** Path as shown to the user: relative to the working folder, with `/`. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

export type { DataPath };
