import { COLUMNS, FIRST_ROW, FORM_MARKER, FORM_SHEETS, HEADER_ROWS, STATUS_WORDS, type Column, type HeaderField } from '../authoring/form-layout.js';
import type { Diagnostic, TaskStatus } from '../types.js';
import { decodeXml, xmlAttr } from '../util/xml.js';
import { readEntry, zipEntries, ZipError } from '../util/zip.js';

/**
 * The Excel progress form read as the YAML progress file it stands for, with the cell each line
 * came from: the same reader, schema, rules and messages then apply to both, and every finding
 * is shown at its cell (`bao-cao-kt.xlsx!Báo cáo!G12`).
 */
export interface FormText {
  text: string;
  /** Nothing was filled in. */
  empty?: boolean;
  /** The cell of each line of `text` (index 0 is line 1), where a line stands for one. */
  cells: (string | undefined)[];
}

type CellValue = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'bool'; value: boolean };

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Does this workbook carry cchc's form marker? (Cheap: the zip directory and the workbook part.) */
export function isProgressForm(bytes: Uint8Array): boolean {
  try {
    const entries = zipEntries(bytes);
    const workbook = entries.get('xl/workbook.xml');
    return workbook !== undefined && readEntry(bytes, workbook).toString('utf8').includes(`name="${FORM_SHEETS.meta}"`);
  } catch {
    return false;
  }
}

export function readProgressForm(bytes: Uint8Array, file: string): FormText | Diagnostic {
  const problem = (code: string, args: Diagnostic['args'] = {}): Diagnostic => ({ severity: 'error', code, args, file });
  let sheets: Map<string, Map<string, CellValue>>;
  try {
    sheets = readSheets(bytes);
  } catch (error) {
    if (error instanceof ZipError || error instanceof FormError) return problem('form-unreadable', { reason: error instanceof ZipError ? error.reason : 'corrupt' });
    throw error;
  }
  const meta = sheets.get(FORM_SHEETS.meta);
  const report = sheets.get(FORM_SHEETS.report);
  if (!meta || text(meta.get('A1')) !== FORM_MARKER) return problem('form-not-cchc');
  if (!report) return problem('form-sheet-missing', { sheet: FORM_SHEETS.report });
  const form = formText(report);
  if (form.empty) return { ...problem('form-empty', { cell: `${FORM_SHEETS.report}!${COLUMNS.value}${FIRST_ROW}` }), cell: `${FORM_SHEETS.report}!${COLUMNS.value}${FIRST_ROW}` };
  return form;
}

class FormError extends Error {}

/** Every sheet's cells by address ("G12"), from the workbook's XML parts. */
function readSheets(bytes: Uint8Array): Map<string, Map<string, CellValue>> {
  const entries = zipEntries(bytes);
  const part = (name: string): string | undefined => {
    const entry = entries.get(name);
    return entry ? readEntry(bytes, entry).toString('utf8') : undefined;
  };
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new FormError();
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((m) => [xmlAttr(m[0], 'Id'), xmlAttr(m[0], 'Target')]));
  const shared = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) => textRuns(m[1]!));
  const sheets = new Map<string, Map<string, CellValue>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/gu)) {
    const name = decodeXml(xmlAttr(m[0], 'name') ?? '');
    const target = targets.get(xmlAttr(m[0], 'r:id'));
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = entries.has(path) ? part(path)! : undefined;
    if (xml !== undefined) sheets.set(name, readCells(xml, shared));
  }
  return sheets;
}

function readCells(xml: string, shared: string[]): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
    const ref = xmlAttr(m[1]!, 'r');
    const body = m[2];
    if (!ref || body === undefined) continue;
    const type = xmlAttr(m[1]!, 't');
    const v = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1];
    let value: CellValue | undefined;
    if (type === 's') value = v === undefined ? undefined : { kind: 'text', value: shared[Number(v)] ?? '' };
    else if (type === 'inlineStr') value = { kind: 'text', value: textRuns(body) };
    else if (type === 'str' || type === 'e') value = v === undefined ? undefined : { kind: 'text', value: decodeXml(v) };
    else if (type === 'b') value = { kind: 'bool', value: v === '1' };
    else if (v !== undefined && v.trim() !== '') value = { kind: 'number', value: Number(v) };
    if (value && !(value.kind === 'text' && value.value.trim() === '')) cells.set(ref, value);
  }
  return cells;
}

function formText(sheet: Map<string, CellValue>): FormText {
  const lines: string[] = [];
  const cells: (string | undefined)[] = [];
  const at = (address: string | undefined) => (address ? `${FORM_SHEETS.report}!${address}` : undefined);
  const line = (textLine: string, address?: string) => {
    lines.push(textLine);
    cells.push(at(address));
  };
  line('schema: cchc/progress@1');
  for (const field of Object.keys(HEADER_ROWS) as HeaderField[]) {
    const address = `B${HEADER_ROWS[field]}`;
    const value = sheet.get(address);
    if (field === 'reportedBy' && value === undefined) continue;
    line(`${field}: ${field === 'asOf' ? dateScalar(value) : field === 'planRevision' ? numberScalar(value) : textScalar(value)}`, address);
  }
  line('criteria:');
  // Rows of one criterion (one per measure) are written together, in the form's order.
  const byCriterion = new Map<string, number[]>();
  const lastRow = Math.max(0, ...[...sheet.keys()].map((a) => Number(/\d+$/u.exec(a)![0])));
  for (let r = FIRST_ROW; r <= lastRow; r++) {
    const id = text(sheet.get(`${COLUMNS.criterion}${r}`));
    if (id === '' || !INPUTS.some((c) => sheet.has(`${COLUMNS[c]}${r}`))) continue;
    byCriterion.set(id, [...(byCriterion.get(id) ?? []), r]);
  }
  // An untouched form is not a report with nothing in it: say where the figures go.
  if (byCriterion.size === 0) return { text: '', cells: [], empty: true };
  for (const [id, rows] of byCriterion) {
    line(`  ${JSON.stringify(id)}:`, `${COLUMNS.criterion}${rows[0]}`);
    const notes: string[] = [];
    for (const r of rows) {
      const cell = (c: Column) => `${COLUMNS[c]}${r}`;
      const get = (c: Column) => sheet.get(cell(c));
      const measure = text(get('measure'));
      const kind = text(get('kind'));
      if (measure !== '' && (get('value') || get('total'))) {
        if (kind === 'ratio' || get('total')) {
          line(`    ${measure}:`, cell('measure'));
          line(`      value: ${figureScalar(get('value'))}`, cell('value'));
          line(`      total: ${figureScalar(get('total'))}`, cell('total'));
        } else {
          line(`    ${measure}: ${figureScalar(get('value'))}`, cell('value'));
        }
      }
      if (get('status')) line(`    status: ${statusScalar(get('status'))}`, cell('status'));
      if (get('completedOn')) line(`    completedOn: ${dateScalar(get('completedOn'))}`, cell('completedOn'));
      const evidence = text(get('evidence')).split(/\r?\n/u).map((e) => e.trim()).filter((e) => e !== '');
      if (evidence.length > 0) {
        line('    evidence:', cell('evidence'));
        for (const e of evidence) line(`      - ${JSON.stringify(e)}`, cell('evidence'));
      }
      if (get('note')) notes.push(text(get('note')));
    }
    if (notes.length > 0) line(`    note: ${JSON.stringify(notes.join('; '))}`, `${COLUMNS.note}${rows.find((r) => sheet.has(`${COLUMNS.note}${r}`))}`);
  }
  return { text: `${lines.join('\n')}\n`, cells };
}

const INPUTS: Column[] = ['value', 'total', 'status', 'completedOn', 'evidence', 'note'];

const text = (v: CellValue | undefined) => (v === undefined ? '' : String(v.value).trim());

/** A text as YAML reads it back exactly (JSON's quoting is YAML's); an empty cell is left empty. */
const textScalar = (v: CellValue | undefined) => (v === undefined ? '' : v.kind === 'number' ? String(v.value) : JSON.stringify(text(v)));

const numberScalar = (v: CellValue | undefined) => (v === undefined ? '' : v.kind === 'number' ? String(v.value) : JSON.stringify(text(v)));

/**
 * A figure: a number as it is; a text typed in a number cell as written when it is plain words
 * and digits ("11.500.000.000", "11,5 tỷ"), so that the progress reader reads or refuses it as it
 * would in YAML; anything else quoted, so that it is refused as text.
 */
function figureScalar(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (v.kind === 'number') return String(v.value);
  const t = text(v);
  return /^[\p{L}\p{N}][\p{L}\p{N} .,%]*$/u.test(t) && !/^(?:true|false|yes|no|null|on|off)$/iu.test(t) ? t : JSON.stringify(t);
}

/** A date cell (Excel's day number) as ISO; a date typed as text as written, for the date reader. */
function dateScalar(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (v.kind === 'number' && Number.isFinite(v.value)) return new Date(EPOCH + Math.round(v.value) * DAY).toISOString().slice(0, 10);
  return JSON.stringify(text(v));
}

/** A status chosen from the list (in either language) or typed as cchc writes it. */
function statusScalar(v: CellValue | undefined): string {
  const t = text(v).toLowerCase();
  for (const [status, words] of Object.entries(STATUS_WORDS) as [TaskStatus, { vi: string; en: string }][]) {
    if (t === status || t === words.vi.toLowerCase() || t === words.en.toLowerCase()) return status;
  }
  return JSON.stringify(text(v));
}

/** The text of a shared string or inline string: its runs' <t> joined. */
const textRuns = (xml: string) => decodeXml([...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/gu)].map((m) => m[1]!).join(''));
