import type { MessageArgs } from '../message-table.js';
import { findHeader, isColumnNumbers, signature, toGrid, type GridRow, type Header } from './columns.js';
import type { AreaDraft, CriterionDraft, HeadingDraft, NodeDraft, Review } from './draft.js';
import type { ColumnRole } from './phrases.js';
import type { Place, SourceDocument } from './table.js';

/** One row of the criteria table, its cells by role. */
export interface TableRow {
  kind: 'area' | 'item';
  /** The number as written ("3.2.1", "IV"); empty when the row has none. */
  number: string;
  title: string;
  requirement: string;
  dueText: string;
  lead: string;
  support: string;
  note: string;
  bold: boolean;
  at: Place;
  /** Rows cut at a page break and joined back to this one. */
  joined: Place[];
}

export interface CriteriaTable {
  header: Header;
  rows: TableRow[];
  /** Positions among the document's tables (0-based) of the table and its continuations. */
  tables: number[];
  /** Text of the rows above the header (a sheet's title rows), for the plan's title and place. */
  preface: string[];
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/u;
const NUMBER = /^\d{1,3}(?:\.\d{1,3})*$/u;
const LOWER_START = /^[\p{Ll}(]/u;

/**
 * The criteria table of a document: the first table whose header names the columns, followed by
 * the tables after it with the same header (a table Word split at page breaks). Header rows
 * repeated at page breaks and column-number rows are dropped; a row cut by a page break is joined
 * back to the row it continues.
 */
export function criteriaTable(doc: SourceDocument): CriteriaTable | undefined {
  let found: CriteriaTable | undefined;
  doc.tables.forEach((table, index) => {
    const grid = toGrid(table);
    if (found) {
      const header = findHeader(grid);
      if (header && header.signatures.join('\n') === found.header.signatures.join('\n')) {
        found.rows.push(...tableRows(grid, header, header.last + 1));
        found.tables.push(index);
      }
      return;
    }
    const header = findHeader(grid);
    if (header) {
      const preface = grid.slice(0, header.first).flatMap((r) => r.texts.filter((t) => t.trim() !== ''));
      found = { header, rows: tableRows(grid, header, header.last + 1), tables: [index], preface };
    }
  });
  return found;
}

function tableRows(grid: GridRow[], header: Header, from: number): TableRow[] {
  const rows: TableRow[] = [];
  const col = header.columns;
  const get = (row: GridRow, role: ColumnRole, merged = false) => (col[role] === undefined ? '' : (merged ? row.own : row.texts)[col[role]!]!.trim());
  const sttColumn = col.stt ?? (col.title === 0 ? undefined : 0);
  let afterPageBreak = false;
  for (let r = from; r < grid.length; r++) {
    const row = grid[r]!;
    if (row.texts.every((t) => t.trim() === '')) continue;
    const { number, inline } = readNumber(sttColumn === undefined ? '' : row.texts[sttColumn]!.trim(), row.wide);
    // A numbered row is never the header again: only the others are compared with it.
    if (!NUMBER.test(number) && ((row.repeatsAsHeader && r > header.last) || header.signatures.includes(signature(row)))) {
      afterPageBreak = true;
      continue;
    }
    if (isColumnNumbers(row)) continue;
    // A row merged across the table has its words in its first cell, wherever the title column is
    // ("I. CÔNG TÁC CHỈ ĐẠO" in one cell spanning the row).
    const spread = row.texts.filter((t, c) => t.trim() !== '' && c !== sttColumn);
    const title = get(row, 'title') || inline || (row.wide ? (spread[0] ?? '') : '');
    const cells = {
      title,
      // Cells merged down from the row above (one lead for several rows) count for this row too;
      // the number and title never do.
      requirement: get(row, 'requirement', true),
      dueText: get(row, 'due', true),
      lead: get(row, 'lead', true),
      support: get(row, 'support', true),
      note: get(row, 'notes', true),
    };
    const previous = rows.at(-1);
    const own = { requirement: get(row, 'requirement'), dueText: get(row, 'due'), lead: get(row, 'lead'), support: get(row, 'support'), note: get(row, 'notes') };
    const continues = number === '' && previous?.kind === 'item' && !row.bold
      && (afterPageBreak || (own.lead === '' && own.dueText === '' && [title, own.requirement].some((t) => t !== '' && LOWER_START.test(t))));
    afterPageBreak = false;
    if (continues) {
      join(previous, { title, ...own });
      previous.joined.push(row.at);
      continue;
    }
    // Areas are numbered I, II, … in capitals; "i)", "a)" number items under a criterion.
    const isArea = (number !== '' && ROMAN.test(number) && !NUMBER.test(number))
      || (number === '' && (row.bold || row.wide) && cells.lead === '' && cells.dueText === '' && cells.requirement === '');
    rows.push({ kind: isArea ? 'area' : 'item', number, ...cells, bold: row.bold, at: row.at, joined: [] });
  }
  return rows;
}

const NUMBERED = /^(?:(?:phần|mục|PHẦN|MỤC|Phần|Mục)\s+)?([IVXLC]+|\d{1,3}(?:\.\d{1,3})*)(?:[.):]+\s*|\s+|$)([\s\S]*)$/u;

/**
 * The number of a row as written in its first cell ("3.2.1", "IV.", "1)"), and the title written
 * after it when the row is one cell merged across the table ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH").
 * A cell with something else ("-", "a", or words) has no number.
 */
function readNumber(text: string, wide: boolean): { number: string; inline: string } {
  const m = NUMBERED.exec(text);
  if (m && (ROMAN.test(m[1]!) || NUMBER.test(m[1]!)) && (m[2] === '' || wide || /^\p{Lu}/u.test(m[2]!))) return { number: m[1]!, inline: m[2]!.trim() };
  if (wide && text.length > 3) return { number: '', inline: text };
  return { number: text.replace(/[.)]+$/u, ''), inline: '' };
}

function join(row: TableRow, more: Record<'title' | 'requirement' | 'dueText' | 'lead' | 'support' | 'note', string>): void {
  for (const key of ['title', 'requirement', 'dueText', 'lead', 'support', 'note'] as const) {
    if (more[key] !== '') row[key] = row[key] === '' ? more[key] : `${row[key]} ${more[key]}`;
  }
}

/** What the tree builder needs of the rest of the importer. */
export interface TreeHooks {
  review: (code: string, args?: MessageArgs) => Review;
  criterion: (row: TableRow, id: string) => CriterionDraft;
}

/**
 * Areas, headings and criteria from the rows: a numbered row is a heading when rows numbered below
 * it follow (4.1 before 4.1.1) or when it has nothing but a title; otherwise a criterion. Flat
 * numbering (1, 2, 3 … across areas) and numbering that restarts in each area both work; a row
 * without a number gets one, flagged.
 */
export function buildTree(rows: TableRow[], hooks: TreeHooks): AreaDraft[] {
  const areas: AreaDraft[] = [];
  const used = new Set<string>();
  let area: AreaDraft | undefined;
  let stack: HeadingDraft[] = [];
  const numbers = new Set(rows.filter((r) => r.kind === 'item' && NUMBER.test(r.number)).map((r) => r.number));
  const parents = parentNumbers(rows);
  const openArea = (row: TableRow | undefined) => {
    const base = row?.number || roman(areas.length + 1);
    let id = base.replace(/[^A-Za-z0-9]/gu, '') || roman(areas.length + 1);
    for (let n = 2; areas.some((a) => a.id === id); n++) id = `${base}${n}`;
    area = { id, title: row?.title || '', criteria: [], reviews: [] };
    if (!row || !row.number) area.reviews.push(hooks.review(row ? 'area-number-inferred' : 'no-areas', { id }));
    areas.push(area);
    stack = [];
  };

  for (const row of rows) {
    if (row.kind === 'area') {
      openArea(row);
      continue;
    }
    if (!area) openArea(undefined);
    const reviews: Review[] = [];
    let id = row.number;
    if (!NUMBER.test(id)) {
      id = nextFreeId(stack.at(-1)?.id, used, numbers);
      reviews.push(hooks.review('number-inferred', { id, written: row.number }));
    } else if (used.has(id)) {
      // Numbering that restarts in each area: 1, 2 … under I, then 1, 2 … under II.
      const areaNumber = areas.indexOf(area!) + 1;
      let fresh = `${areaNumber}.${id}`;
      for (let n = 2; used.has(fresh) || numbers.has(fresh); n++) fresh = `${areaNumber}.${id}.${n}`;
      reviews.push(hooks.review('number-duplicate', { id: fresh, written: id }));
      id = fresh;
    }
    used.add(id);
    while (stack.length > 0 && !id.startsWith(`${stack.at(-1)!.id}.`)) stack.pop();
    const parent = stack.at(-1)?.criteria ?? area!.criteria;
    const empty = row.requirement === '' && row.dueText === '' && row.lead === '' && row.support === '';
    let node: NodeDraft;
    if (NUMBER.test(row.number) && parents.has(row)) {
      node = { type: 'heading', id, title: row.title, criteria: [], reviews, at: row.at };
      if (!empty) reviews.push(hooks.review('heading-with-content', { id }));
      stack.push(node);
    } else if (empty) {
      node = { type: 'heading', id, title: row.title, criteria: [], reviews: [...reviews, hooks.review('empty-row', { id })], at: row.at };
    } else {
      node = hooks.criterion(row, id);
      node.reviews.unshift(...reviews);
    }
    parent.push(node);
  }
  return promoteTopHeadings(areas);
}

/** A table with no area rows whose top rows are headings (1, then 1.1, 1.2 …): those are its areas. */
function promoteTopHeadings(areas: AreaDraft[]): AreaDraft[] {
  const only = areas[0];
  if (areas.length !== 1 || only!.title !== '' || only!.criteria.length === 0 || !only!.criteria.every((n) => n.type === 'heading')) return areas;
  return only!.criteria.map((n) => ({ id: n.id.replace(/\./gu, ''), title: n.title, criteria: (n as HeadingDraft).criteria, reviews: n.reviews }));
}

/** The rows that have rows numbered under them before the next area row (4.1 before 4.1.1). */
function parentNumbers(rows: TableRow[]): Set<TableRow> {
  const parents = new Set<TableRow>();
  let open = new Map<string, TableRow>(); // number → its row, in the current area
  for (const row of rows) {
    if (row.kind === 'area') {
      open = new Map();
      continue;
    }
    const parts = row.number.split('.');
    for (let k = parts.length - 1; k >= 1; k--) {
      const parent = open.get(parts.slice(0, k).join('.'));
      if (parent) parents.add(parent);
    }
    if (NUMBER.test(row.number)) open.set(row.number, row);
  }
  return parents;
}

/** The first number free under the open heading (2.1.3 after 2.1.1 and 2.1.2), for a row without one. */
function nextFreeId(parent: string | undefined, used: Set<string>, numbers: Set<string>): string {
  const prefix = parent ? `${parent}.` : '';
  let n = 1;
  // Not a number a later row has either.
  while (used.has(`${prefix}${n}`) || numbers.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const ROMANS: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMANS) for (; n >= value; n -= value) out += letters;
  return out;
}
