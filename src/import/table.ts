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

/**
 * Cells of a row and rows of a table that readers keep: far beyond any appendix (a few hundred
 * rows, under ten columns), so that a small hostile file cannot make a grid of billions of cells.
 * A table cut at MAX_TABLE_ROWS is refused (import-plan.ts).
 */
export const MAX_CELLS = 64;
export const MAX_TABLE_ROWS = 20_000;

export const cell = (text: string, bold = false, colSpan = 1, rowSpan = 1): Cell => ({ text, colSpan, rowSpan, bold });

/** Whitespace as a person sees it: one space between words, no blanks at the ends of lines. */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    // Control characters (which a plan file may not hold) go; odd spaces become spaces.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/gu, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\u2028\u2029]/gu, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\u200b]+/gu, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
