// A static import: this module is itself loaded only for an .xlsx (read-document.ts), and the CLI's
// bundle runs in a vm.Script, where a dynamic import() of a package has no loader.
import ExcelJS, { type Cell as ExcelCell, type Worksheet } from 'exceljs';
import { cell, tidy, type Cell, type Row, type SourceDocument, type Table } from '../table.js';

/** Rows of a sheet read at most: an appendix has a few hundred; a sheet of formulas may claim a million. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 64;

/**
 * Reads every sheet of a workbook as a table: merged ranges become spans, bold cells stay bold,
 * dates are written dd/MM/yyyy as an officer would type them.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SourceDocument> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const tables = workbook.worksheets.map(readSheet);
  return { kind: 'xlsx', tables, lines: [] };
}

function readSheet(sheet: Worksheet): Table {
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const [from, to = from] = range.split(':') as [string, string?];
    const a = address(from);
    const b = address(to);
    spans.set(`${a.row}:${a.col}`, { rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) covered.add(`${r}:${c}`);
  }
  const rows: Row[] = [];
  const lastRow = Math.min(sheet.rowCount, MAX_ROWS);
  const lastCol = Math.min(sheet.columnCount, MAX_COLUMNS);
  for (let r = 1; r <= lastRow; r++) {
    const cells: Cell[] = [];
    for (let c = 1; c <= lastCol; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const source = sheet.getCell(r, c);
      const span = spans.get(`${r}:${c}`);
      cells.push(cell(tidy(textOf(source)), isBold(source), span?.cols ?? 1, span?.rows ?? 1));
    }
    rows.push({ cells, at: { kind: 'sheet', sheet: sheet.name, row: r } });
  }
  return { rows };
}

function address(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(ref.toUpperCase());
  if (!m) return { row: 1, col: 1 };
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

const two = (n: number) => String(n).padStart(2, '0');

function textOf(source: ExcelCell): string {
  const value = source.value as unknown;
  if (value instanceof Date) return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (value && typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    if (result instanceof Date) return `${two(result.getUTCDate())}/${two(result.getUTCMonth() + 1)}/${result.getUTCFullYear()}`;
    return result === undefined || result === null ? '' : String(result);
  }
  // Alt+Enter in a cell is a line feed; rich text and hyperlinks come out as their text.
  return source.text ?? '';
}

function isBold(source: ExcelCell): boolean {
  const value = source.value as unknown;
  if (value && typeof value === 'object' && 'richText' in value) {
    const runs = (value as { richText: { text: string; font?: { bold?: boolean } }[] }).richText.filter((r) => r.text.trim() !== '');
    if (runs.length > 0) return runs.every((r) => r.font?.bold ?? source.font?.bold ?? false);
  }
  return source.font?.bold === true;
}
