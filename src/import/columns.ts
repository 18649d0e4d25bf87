import { COLUMN_WORDS, type ColumnRole } from './phrases.js';
import { MAX_CELLS, type Place, type Table } from './table.js';

/** A table row laid out on the column grid, spans resolved. */
export interface GridRow {
  /** Each column's own text; empty where a cell from the left or above covers it. */
  texts: string[];
  /** Each column's text as seen on the page: a spanning cell's text in every column it covers. */
  seen: string[];
  /** Each column's own text, or the text of a cell merged down into it from a row above. */
  own: string[];
  bold: boolean;
  /** The row's widest cell covers at least half the columns (an area row merged across). */
  wide: boolean;
  at: Place;
  repeatsAsHeader: boolean;
}

/** Lays the cells out the way a browser lays out HTML tables: row spans reserve places below. */
export function toGrid(table: Table): GridRow[] {
  const below = new Map<string, string>(); // "row:col" → text reserved by a row span from above
  let width = 1;
  for (const r of table.rows) width = Math.max(width, Math.min(MAX_CELLS, r.cells.reduce((n, c) => n + c.colSpan, 0)));
  return table.rows.map((row, r) => {
    const texts: string[] = [];
    const seen: string[] = [];
    const own: string[] = [];
    let col = 0;
    let boldChars = 0;
    let plainChars = 0;
    let widest = 0;
    const fillFromAbove = () => {
      while (below.has(`${r}:${col}`)) {
        texts[col] = '';
        seen[col] = below.get(`${r}:${col}`)!;
        own[col] = seen[col]!;
        col++;
      }
    };
    for (const cell of row.cells) {
      fillFromAbove();
      if (col >= width) break;
      for (let k = 0; k < cell.colSpan && col + k < width; k++) {
        texts[col + k] = k === 0 ? cell.text : '';
        own[col + k] = texts[col + k]!;
        seen[col + k] = cell.text;
        for (let down = 1; down < Math.min(cell.rowSpan, table.rows.length - r); down++) below.set(`${r + down}:${col + k}`, cell.text);
      }
      if (cell.text !== '') {
        if (cell.bold) boldChars++;
        else plainChars++;
      }
      widest = Math.max(widest, cell.colSpan);
      col += cell.colSpan;
    }
    fillFromAbove();
    for (let c = 0; c < width; c++) {
      texts[c] ??= '';
      seen[c] ??= '';
      own[c] ??= '';
    }
    return { texts, seen, own, bold: boldChars > 0 && plainChars === 0, wide: widest >= Math.max(2, width / 2), at: row.at, repeatsAsHeader: row.repeatsAsHeader === true };
  });
}

const headerText = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The role a header cell's words give its column, if any. */
export function roleOf(text: string): ColumnRole | undefined {
  const words = headerText(text);
  if (words === '' || words.length > 120) return undefined;
  return COLUMN_WORDS.find((c) => c.words.test(words))?.role;
}

export interface Header {
  /** Index of the first and last header row in the grid. */
  first: number;
  last: number;
  /** Column index of each role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header rows' texts, to recognise them when repeated at a page break. */
  signatures: string[];
}

const ROLES_NEEDED = 3;
const ID_LIKE = /^(?:\d+(?:\.\d+)*|[ivxlc]+)\.?$/iu;

/** Finds the header row(s) of a table by their words, within its first rows. */
export function findHeader(grid: GridRow[]): Header | undefined {
  for (let h = 0; h < Math.min(grid.length, 30); h++) {
    const roles = new Set(grid[h]!.seen.map(roleOf).filter((r) => r !== undefined));
    if (roles.size < ROLES_NEEDED || !roles.has('title')) continue;
    let last = h;
    // A second and third header row: more header words ("Chủ trì", "Phối hợp" under "Phân công
    // nhiệm vụ"), and no row number.
    while (last + 1 < grid.length && last - h < 2) {
      const next = grid[last + 1]!;
      if (next.texts.some((t) => ID_LIKE.test(t.trim())) || !next.texts.some((t) => roleOf(t) !== undefined)) break;
      last++;
    }
    return { first: h, last, columns: columnRoles(grid.slice(h, last + 1)), signatures: grid.slice(h, last + 1).map(signature) };
  }
  return undefined;
}

/** Each column's role: from its lowest header cell that names one ("Cơ quan chủ trì" under "Phân công"). */
function columnRoles(rows: GridRow[]): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const width = rows[0]!.seen.length;
  for (let c = 0; c < width; c++) {
    let role: ColumnRole | undefined;
    for (let r = rows.length - 1; r >= 0 && role === undefined; r--) role = roleOf(rows[r]!.seen[c] ?? '');
    if (role !== undefined && columns[role] === undefined) columns[role] = c;
  }
  return columns;
}

/** A row's words, to compare it with the header. */
export const signature = (row: GridRow) => row.seen.map(headerText).filter((t) => t !== '').join('\t');

/** "(1) (2) (3) …" or "1 2 3 …" under the header: column numbers, not a criterion. */
export function isColumnNumbers(row: GridRow): boolean {
  const filled = row.texts.map((t) => t.trim()).filter((t) => t !== '');
  return filled.length >= 3 && filled.every((t) => /^\(?\d{1,2}\)?(?:\s*=.*)?$/u.test(t) || /^\([a-zA-Z]\)$/u.test(t));
}
