/**
 * The one shape every reader gives (design.md, "Plan import"): the tables of a document as rows of
 * cells with their spans and emphasis, and the document's text outside the tables. Everything after
 * the readers works on this model only.
 */

/** Where a row was read: a line of a text file, a row of a Word table, a row of a sheet. */
export type Place =
  | { kind: 'line'; line: number }
  | { kind: 'row'; table: number; row: number }
  | { kind: 'sheet'; sheet: string; row: number };

export interface Cell {
  /** The cell's paragraphs joined with "\n"; runs of spaces and tabs become one space. */
  text: string;
  colSpan: number;
  /** Rows the cell covers, itself included: more than 1 for a vertical merge (as HTML's rowspan). */
  rowSpan: number;
  bold: boolean;
}

export interface Row {
  cells: Cell[];
  at: Place;
  /** Word's "repeat as header row at the top of each page". */
  repeatsAsHeader?: boolean;
}

export interface Table {
  rows: Row[];
}

export interface SourceDocument {
  /** `docx`, `xlsx` or `text`: how the file was read, for messages. */
  kind: 'docx' | 'xlsx' | 'text';
  tables: Table[];
  /** Paragraphs outside the tables, in order: the plan's title, issuer and number are found here. */
  lines: string[];
}

export const cell = (text: string, bold = false, colSpan = 1, rowSpan = 1): Cell => ({ text, colSpan, rowSpan, bold });

/** Whitespace as a person sees it: one space between words, no blanks at the ends of lines. */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/gu, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\u200b]+/gu, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
