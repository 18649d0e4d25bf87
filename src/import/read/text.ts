import { cell, MAX_CELLS, MAX_TABLE_ROWS, tidy, type Row, type SourceDocument, type Table } from '../table.js';

const BOLD = /^(?:<b>([\s\S]*)<\/b>|\*\*([\s\S]*)\*\*)$/u;

/**
 * Reads text copied out of Word or Excel, or a whole plan document saved as text: lines with tabs
 * are table rows (cells separated by tabs; a cell in double quotes may hold line breaks, as Excel
 * copies it), blank lines inside a table are page breaks, any other line is the document's text.
 * A cell written `<b>…</b>` or `**…**` is bold.
 */
export function readText(text: string): SourceDocument {
  const tables: Table[] = [];
  const lines: string[] = [];
  let rows: Row[] = [];
  const physical = text.replace(/\r\n?/gu, '\n').split('\n');
  const flush = () => {
    if (rows.length > 0) tables.push({ rows: spreadSingleCells(rows) });
    rows = [];
  };
  const isRow = (i: number | undefined) => i !== undefined && physical[i]!.includes('\t');
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (!line.includes('\t')) {
      if (line.trim() === '') continue;
      // A lone line between two table rows is a row of one cell merged across the table
      // ("I. CÔNG TÁC CHỈ ĐẠO" copied out of Word has no tabs); more lines are the document's text.
      if (rows.length > 0 && isRow(nonBlank(physical, i, -1)) && isRow(nonBlank(physical, i, 1))) {
        rows.push({ cells: [toCell(line)], at: { kind: 'line', line: i + 1 } });
        continue;
      }
      flush();
      lines.push(plainLine(line));
      continue;
    }
    const start = i;
    const { cells, next } = splitRow(physical, i);
    i = next;
    if (rows.length <= MAX_TABLE_ROWS) rows.push({ cells: cells.slice(0, MAX_CELLS).map(toCell), at: { kind: 'line', line: start + 1 } });
  }
  flush();
  return { kind: 'text', tables, lines: lines.filter((l) => l !== '') };
}

/** The nearest line before (step -1) or after (step 1) that is not blank. */
function nonBlank(lines: string[], i: number, step: 1 | -1): number | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim() !== '') return j;
  return undefined;
}

/** A row of one cell spans the table's width, as the merged cell it was copied from. */
function spreadSingleCells(rows: Row[]): Row[] {
  let width = 0;
  for (const r of rows) width = Math.max(width, r.cells.length);
  for (const r of rows) if (r.cells.length === 1 && width > 2) r.cells[0]!.colSpan = width;
  return rows;
}

function toCell(raw: string) {
  const trimmed = raw.trim();
  const bold = BOLD.exec(trimmed);
  return bold ? cell(tidy(stripMarks(bold[1] ?? bold[2] ?? '')), true) : cell(tidy(stripMarks(trimmed)));
}

const stripMarks = (s: string) => s.replace(/<\/?b>|\*\*/gu, '');

/** A document line without Markdown's marks (`## KẾ HOẠCH`, `**PHỤ LỤC**`). */
const plainLine = (line: string) => tidy(line.replace(/^\s*#+\s*/u, '').replace(/\*+/gu, '').replace(/<\/?[bi]>/gu, ''));

/** Cells of the row starting at line i; a quoted cell may run over several lines. */
function splitRow(lines: string[], i: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let line = lines[i]!;
  let pos = 0;
  for (;;) {
    const quoted = line[pos] === '"' ? quotedCell(lines, i, pos) : undefined;
    if (quoted) {
      cells.push(quoted.value);
      i = quoted.line;
      line = lines[i]!;
      if (quoted.end >= line.length) break;
      pos = quoted.end + 1;
      continue;
    }
    const tab = line.indexOf('\t', pos);
    cells.push(tab === -1 ? line.slice(pos) : line.slice(pos, tab));
    if (tab === -1) break;
    pos = tab + 1;
  }
  return { cells, next: i };
}

/**
 * A cell Excel copied in double quotes ("…""…", line breaks inside): only when its closing quote
 * ends the cell (a tab or the end of a line follows), within 50 lines. Otherwise the quote is
 * the cell's own text ("Một cửa" điện tử).
 */
function quotedCell(lines: string[], i: number, pos: number): { value: string; line: number; end: number } | undefined {
  let value = '';
  let p = pos + 1;
  for (let n = 0; n < 50 && i < lines.length; n++) {
    const line = lines[i]!;
    for (;;) {
      const q = line.indexOf('"', p);
      if (q === -1) break;
      if (line[q + 1] === '"') {
        value += `${line.slice(p, q)}"`;
        p = q + 2;
        continue;
      }
      if (q + 1 < line.length && line[q + 1] !== '\t') return undefined;
      return { value: value + line.slice(p, q), line: i, end: q + 1 };
    }
    value += `${line.slice(p)}\n`;
    i++;
    p = 0;
  }
  return undefined;
}
