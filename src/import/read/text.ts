import { cell, tidy, type Row, type SourceDocument, type Table } from '../table.js';

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
    if (rows.length > 0) tables.push({ rows });
    rows = [];
  };
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (!line.includes('\t')) {
      if (line.trim() === '') continue;
      flush();
      lines.push(plainLine(line));
      continue;
    }
    const start = i;
    const { cells, next } = splitRow(physical, i);
    i = next;
    rows.push({ cells: cells.map(toCell), at: { kind: 'line', line: start + 1 } });
  }
  flush();
  return { kind: 'text', tables, lines: lines.filter((l) => l !== '') };
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
    if (line[pos] === '"') {
      let value = '';
      let p = pos + 1;
      for (;;) {
        const q = line.indexOf('"', p);
        if (q === -1) {
          // The quoted cell goes on to the next line, if there is one (at most 50 lines).
          if (i + 1 >= lines.length || value.split('\n').length > 50) {
            value += line.slice(p);
            p = line.length;
            break;
          }
          value += `${line.slice(p)}\n`;
          i++;
          line = lines[i]!;
          p = 0;
          continue;
        }
        if (line[q + 1] === '"') {
          value += `${line.slice(p, q)}"`;
          p = q + 2;
          continue;
        }
        value += line.slice(p, q);
        p = q + 1;
        break;
      }
      const tab = line.indexOf('\t', p);
      cells.push(value + (tab === -1 ? line.slice(p) : line.slice(p, tab)));
      if (tab === -1) break;
      pos = tab + 1;
    } else {
      const tab = line.indexOf('\t', pos);
      cells.push(tab === -1 ? line.slice(pos) : line.slice(pos, tab));
      if (tab === -1) break;
      pos = tab + 1;
    }
  }
  return { cells, next: i };
}
