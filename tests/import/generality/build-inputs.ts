/**
 * Writes a generality case (cases.ts) as the file a commune office would have: a Word document
 * (`docx`), an Excel workbook (`exceljs`), or the text Word gives when the table is copied out
 * (cells separated by tabs, one line per row, the header again after each page break). Nothing
 * binary is kept in the repository: the files are made in a temporary folder at test time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun,
  VerticalMergeType, WidthType, type ISectionOptions,
} from 'docx';
import ExcelJS from 'exceljs';
import { ABOVE, CUT, type Block, type Case, type Column, type Format } from './cases.js';

/** A cell where it starts in the table's grid, with its spans. */
interface Anchor {
  col: number;
  text: string;
  colSpan: number;
  rowSpan: number;
  bold: boolean;
}

interface GridRow {
  kind: 'header' | 'numbers' | 'area' | 'heading' | 'criterion';
  anchors: Anchor[];
  /** A page break falls before this row (text: blank line and the header again). */
  breakBefore?: boolean;
  xlsxDate?: boolean;
}

/** The case's table as rows of anchored cells: one model for the three writers. */
function grid(c: Case): { head: GridRow[]; body: GridRow[] } {
  const n = c.columns.length;
  const head: GridRow[] = [];
  // Header rows: cells fill the positions that a row span from above leaves free.
  const taken = new Set<string>();
  c.header.forEach((cells, r) => {
    const anchors: Anchor[] = [];
    let col = 0;
    for (const h of cells) {
      while (taken.has(`${r}:${col}`)) col++;
      const a = { col, text: h.text, colSpan: h.colSpan ?? 1, rowSpan: h.rowSpan ?? 1, bold: true };
      for (let dr = 0; dr < a.rowSpan; dr++) for (let dc = 0; dc < a.colSpan; dc++) taken.add(`${r + dr}:${col + dc}`);
      anchors.push(a);
      col += a.colSpan;
    }
    head.push({ kind: 'header', anchors });
  });
  if (c.columnNumbers) {
    head.push({ kind: 'numbers', anchors: c.columns.map((_, col) => ({ col, text: `(${col + 1})`, colSpan: 1, rowSpan: 1, bold: false })) });
  }

  const body: GridRow[] = [];
  const open = new Map<number, Anchor>(); // per column, the cell a following ABOVE extends
  let breakBefore = false;
  for (const r of c.rows) {
    if (r.kind === 'page-break') {
      breakBefore = true;
      continue;
    }
    let row: GridRow;
    if (r.kind === 'area') {
      row = {
        kind: 'area',
        anchors: r.layout === 'split'
          ? [{ col: 0, text: r.id, colSpan: 1, rowSpan: 1, bold: true }, { col: 1, text: r.title, colSpan: n - 1, rowSpan: 1, bold: true }]
          : [{ col: 0, text: `${r.id}. ${r.title}`, colSpan: n, rowSpan: 1, bold: true }],
      };
      open.clear();
    } else if (r.kind === 'heading') {
      row = { kind: 'heading', anchors: [{ col: 0, text: r.id, colSpan: 1, rowSpan: 1, bold: true }, { col: 1, text: r.title, colSpan: 1, rowSpan: 1, bold: true }] };
      for (let col = 2; col < n; col++) row.anchors.push({ col, text: '', colSpan: 1, rowSpan: 1, bold: false });
      open.clear();
    } else {
      row = { kind: 'criterion', anchors: [], ...(r.xlsxDate && { xlsxDate: true }) };
      c.columns.forEach((column, col) => {
        const v = r.cells[column];
        if (v === ABOVE) {
          const a = open.get(col);
          if (!a) throw new Error(`${c.name}: row ${r.cells.stt} continues a merged ${column} cell that does not exist`);
          a.rowSpan++;
          return;
        }
        const a = { col, text: v ?? '', colSpan: 1, rowSpan: 1, bold: false };
        open.set(col, a);
        row.anchors.push(a);
      });
    }
    if (breakBefore) row.breakBefore = true;
    breakBefore = false;
    body.push(row);
  }
  return { head, body };
}

/** For each row, the anchor from a row above that covers each column (vertical merges). */
function coverage(rows: GridRow[]): Map<number, Anchor>[] {
  const covers = rows.map(() => new Map<number, Anchor>());
  rows.forEach((row, r) => {
    for (const a of row.anchors) {
      for (let dr = 1; dr < a.rowSpan; dr++) for (let dc = 0; dc < a.colSpan; dc++) covers[r + dr]?.set(a.col + dc, a);
    }
  });
  return covers;
}

const uncut = (text: string) => text.replace(CUT, ' ');

export async function buildInput(c: Case, format: Format, dir: string): Promise<string> {
  if (!c.formats.includes(format)) throw new Error(`${c.name} is not written as ${format}`);
  const file = join(dir, `${c.name}.${format === 'text' ? 'txt' : format}`);
  if (format === 'docx') writeFileSync(file, await docxBytes(c));
  else if (format === 'xlsx') writeFileSync(file, await xlsxBytes(c));
  else writeFileSync(file, copiedText(c));
  return file;
}

// ---------------------------------------------------------------------------------------------
// Word

const WIDTH: Record<Column, number> = { stt: 700, title: 3600, requirement: 3100, due: 1700, lead: 2000, support: 2000, note: 1300 };
const FONT = 'Times New Roman';

function paragraphs(text: string, opts: { bold?: boolean; italic?: boolean; center?: boolean } = {}): Paragraph[] {
  return uncut(text).split('\n').map((line) => new Paragraph({
    ...(opts.center && { alignment: AlignmentType.CENTER }),
    children: line === '' ? [] : [new TextRun({ text: line, bold: opts.bold, italics: opts.italic, font: FONT, size: 26 })],
  }));
}

function docxTable(c: Case): Table {
  const { head, body } = grid(c);
  const n = c.columns.length;
  const widths = c.columns.map((col) => WIDTH[col]);
  const spanWidth = (a: Anchor) => widths.slice(a.col, a.col + a.colSpan).reduce((s, w) => s + w, 0);

  const rowsOf = (rows: GridRow[], asHeader: boolean): TableRow[] => {
    const covers = coverage(rows);
    return rows.map((row, r) => {
      const cells: TableCell[] = [];
      for (let col = 0; col < n;) {
        const a = row.anchors.find((x) => x.col === col);
        if (a) {
          cells.push(new TableCell({
            children: paragraphs(a.text, { bold: a.bold, center: row.kind === 'header' || row.kind === 'numbers' }),
            columnSpan: a.colSpan > 1 ? a.colSpan : undefined,
            verticalMerge: a.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
            width: { size: spanWidth(a), type: WidthType.DXA },
          }));
          col += a.colSpan;
          continue;
        }
        const above = covers[r]!.get(col);
        if (!above) throw new Error(`${c.name}: nothing in row ${r}, column ${col}`);
        cells.push(new TableCell({
          children: [new Paragraph({})],
          columnSpan: above.colSpan > 1 ? above.colSpan : undefined,
          verticalMerge: VerticalMergeType.CONTINUE,
          width: { size: spanWidth(above), type: WidthType.DXA },
        }));
        col += above.colSpan;
      }
      return new TableRow({ children: cells, tableHeader: asHeader, cantSplit: false });
    });
  };

  const rows: TableRow[] = rowsOf(head, true);
  // Body rows are laid out in runs between page breaks, so that a merge never crosses a repeated header.
  let run: GridRow[] = [];
  const flush = () => {
    rows.push(...rowsOf(run, false));
    run = [];
  };
  for (const row of body) {
    if (row.breakBefore && c.docxRepeatedHeader) {
      flush();
      // A PDF converted to Word: the header printed on each page became ordinary rows.
      rows.push(...rowsOf(head, false));
    }
    run.push(row);
  }
  flush();
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA } });
}

function layoutTable(cells: string[][]): Table {
  return new Table({
    borders: TableBorders.NONE,
    columnWidths: [4200, 5200],
    width: { size: 9400, type: WidthType.DXA },
    rows: cells.map((row) => new TableRow({
      children: row.map((text) => new TableCell({ children: paragraphs(text, { bold: true, center: true }), width: { size: 4700, type: WidthType.DXA } })),
    })),
  });
}

async function docxBytes(c: Case): Promise<Buffer> {
  const sections: ISectionOptions[] = [];
  let children: (Paragraph | Table)[] = [];
  let landscape = false;
  const endSection = () => {
    sections.push({
      properties: { page: { size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
      children,
    });
    children = [];
  };
  const blocks = (list: Block[] | undefined) => {
    for (const b of list ?? []) {
      if ('section' in b) {
        endSection();
        landscape = true;
      } else if ('layout' in b) children.push(layoutTable(b.layout));
      else children.push(...paragraphs(b.p, b));
    }
  };
  // A table with no text before it is the whole document: Word still wants the appendix landscape.
  if (!c.before?.some((b) => 'section' in b)) landscape = true;
  blocks(c.before);
  children.push(docxTable(c));
  blocks(c.after);
  endSection();
  const doc = new Document({
    creator: 'UBND',
    title: c.name,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// Excel

async function xlsxBytes(c: Case): Promise<Buffer> {
  const { head, body } = grid(c);
  const n = c.columns.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UBND';
  const ws = wb.addWorksheet('Phu luc');
  ws.columns = c.columns.map((col) => ({ width: WIDTH[col] / 110 }));
  const font = (bold: boolean, italic = false) => ({ name: FONT, size: 12, bold, italic });
  const border = { style: 'thin' as const };
  let r = 1;
  for (const b of c.before ?? []) {
    if (!('p' in b)) continue;
    const cell = ws.getCell(r, 1);
    cell.value = b.p;
    cell.font = font(b.bold ?? false, b.italic);
    cell.alignment = { horizontal: 'center', wrapText: true };
    ws.mergeCells(r, 1, r, n);
    r++;
  }
  r++; // a blank row between the title and the table, as offices leave one

  const rows = [...head, ...body];
  const first = r;
  rows.forEach((row, i) => {
    for (const a of row.anchors) {
      const cell = ws.getCell(first + i, a.col + 1);
      const column = c.columns[a.col]!;
      if (row.kind === 'criterion' && column === 'stt' && c.xlsxNumericStt && /^\d+$/u.test(a.text)) cell.value = Number(a.text);
      else if (row.kind === 'criterion' && column === 'due' && row.xlsxDate) {
        // Typed "31/12/2026" on a Vietnamese-locale PC: Excel keeps a date, shown dd/mm/yyyy.
        const [d, m, y] = a.text.split('/').map(Number) as [number, number, number];
        cell.value = new Date(Date.UTC(y, m - 1, d));
        cell.numFmt = 'dd/mm/yyyy';
      } else cell.value = uncut(a.text);
      cell.font = font(a.bold);
      cell.alignment = { vertical: 'middle', wrapText: true, ...(row.kind !== 'criterion' && { horizontal: 'center' as const }) };
      if (row.kind === 'area' || row.kind === 'heading') cell.alignment = { vertical: 'middle', wrapText: true, horizontal: 'left' };
      if (a.colSpan > 1 || a.rowSpan > 1) ws.mergeCells(first + i, a.col + 1, first + i + a.rowSpan - 1, a.col + a.colSpan);
    }
    for (let col = 1; col <= n; col++) ws.getCell(first + i, col).border = { top: border, left: border, bottom: border, right: border };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Text copied out of Word

function copiedText(c: Case): string {
  const { head, body } = grid(c);
  const n = c.columns.length;
  const single = c.text?.mergedCells === 'single';

  const cellsOf = (row: GridRow, pick: (text: string) => string, mergedAsOne: boolean): string[] => {
    const out: string[] = [];
    for (let col = 0; col < n;) {
      const a = row.anchors.find((x) => x.col === col);
      out.push(a ? pick(a.text).replace(/\n/gu, ' ') : '');
      if (a && mergedAsOne) col += a.colSpan;
      else col++;
    }
    return out;
  };
  const line = (cells: string[]) => cells.join('\t');
  const headerLines = head.map((row) => line(cellsOf(row, (t) => t, false)));

  for (const row of body) {
    for (const a of row.anchors) {
      const column = c.columns[a.col];
      // One line per row: units on separate paragraphs would need a reading the seed never shows.
      if ((column === 'lead' || column === 'support') && a.text.includes('\n')) throw new Error(`${c.name}: a ${column} cell on two lines cannot be copied as text`);
    }
  }

  const lines: string[] = [];
  for (const b of c.before ?? []) {
    if ('p' in b) lines.push(b.p);
    else if ('layout' in b) {
      // A borderless layout table copies as tab-separated lines, paragraph by paragraph.
      for (const row of b.layout) {
        const paras = row.map((cell) => cell.split('\n'));
        const depth = Math.max(...paras.map((p) => p.length));
        for (let i = 0; i < depth; i++) lines.push(paras.map((p) => p[i] ?? '').join('\t'));
      }
    }
  }
  const pageBreak = () => lines.push('', ...headerLines);
  lines.push(...headerLines);
  for (const row of body) {
    if (row.breakBefore) pageBreak();
    const mergedAsOne = single && (row.kind === 'area' || row.kind === 'heading');
    const cut = row.anchors.some((a) => a.text.includes(CUT));
    if (!cut) {
      lines.push(line(cellsOf(row, uncut, mergedAsOne)));
      continue;
    }
    // A row cut by a page break: its first part, the header again, then the rest of the cut
    // cells on a line whose other cells (STT included) are empty.
    lines.push(line(cellsOf(row, (t) => t.split(CUT)[0]!.trimEnd(), mergedAsOne)));
    pageBreak();
    lines.push(line(cellsOf(row, (t) => (t.includes(CUT) ? t.split(CUT)[1]!.trimStart() : ''), mergedAsOne)));
  }
  for (const b of c.after ?? []) if ('p' in b) lines.push(b.p);

  const eol = c.text?.crlf ? '\r\n' : '\n';
  return (c.text?.bom ? '\ufeff' : '') + lines.join(eol) + eol;
}
