import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { MessageArgs } from '../message-table.js';
import { readDeadline } from './deadline.js';
import type { CriterionDraft, MeasureDraft, PlanDraft, Review } from './draft.js';
import { buildTree, criteriaTable, type TableRow } from './interpret.js';
import { planFacts, planId } from './meta.js';
import { readDocument } from './read/read-document.js';
import { MAX_TABLE_ROWS } from './table.js';
import { readTargets, type TargetRead } from './targets.js';
import { ascii } from '../util/ascii.js';
import { isCollective, splitUnitCell, UnitRegistry, type Entry } from './units.js';

export interface ImportOptions {
  /** The plan's id (`--id`); guessed from the place and year when absent. */
  id?: string;
  /** The plan's year (`--year`); read from the title or the deadlines when absent. */
  year?: number;
}

/** An appendix has tens to a few hundred rows; a table of many thousands is something else. */
const MAX_ROWS = 5_000;

const review = (code: string, args: MessageArgs = {}): Review => ({ code, args });

/**
 * Reads a plan document (.docx, .xlsx, text copied out of Word, or the whole plan as text) and
 * builds the draft plan: its criteria table interpreted, units gathered, deadlines and targets
 * read, every guess recorded as a review. `file` is the name shown in messages.
 */
export async function importPlan(bytes: Uint8Array, file: string, options: ImportOptions = {}): Promise<PlanDraft> {
  const doc = await readDocument(bytes, file);
  if (doc.tables.length === 0) throw new UsageError(doc.kind === 'text' ? 'import-no-table-text' : 'import-no-table', { file });
  // Readers keep one row past their limit: a table that long is refused before it is laid out.
  if (doc.tables.some((t) => t.rows.length > MAX_TABLE_ROWS)) throw new UsageError('import-too-many-rows', { file, rows: `> ${MAX_TABLE_ROWS}`, max: MAX_ROWS });
  const table = criteriaTable(doc);
  if (!table) throw new UsageError('import-columns', { file, seen: firstRowWords(doc) });
  if (table.rows.length > MAX_ROWS) throw new UsageError('import-too-many-rows', { file, rows: table.rows.length, max: MAX_ROWS });
  // A Word plan's header (issuer and national motto side by side) is often a borderless table.
  const otherTables = doc.tables.filter((_, i) => !table.tables.includes(i)).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)));
  const facts = planFacts([...doc.lines, ...table.preface, ...otherTables]);
  const year = options.year ?? facts.year ?? commonYear(table.rows);
  if (year === undefined) throw new UsageError('import-no-year', { file });

  const units = new UnitRegistry();
  const leads = new Map<CriterionDraft, { lead: Entry; support: Entry[]; targets: TargetRead[] }>();
  const criterion = (row: TableRow, id: string): CriterionDraft => {
    const deadline = readDeadline(row.dueText, year);
    const draft: CriterionDraft = {
      type: 'criterion', id, title: row.title || row.requirement, lead: '', support: [], measures: [],
      reviews: [], dueReviews: [], leadReviews: [], at: row.at,
    };
    if (row.requirement) draft.requirement = row.requirement;
    if (row.dueText) draft.dueText = row.dueText;
    if (deadline.due) draft.due = deadline.due;
    if (deadline.review) draft.dueReviews.push(review(`due-${deadline.review}`, { text: row.dueText, due: deadline.due ?? '', year }));
    if (!row.title) draft.reviews.push(review('no-title', { id }));
    if (!row.requirement) draft.reviews.push(review('no-requirement', { id }));
    const { targets, qualifiers, unread } = readTargets(row.requirement, draft.title);
    for (const words of qualifiers) draft.reviews.push(review('qualifier', { words }));
    for (const words of unread) draft.reviews.push(review('target-unread', { words }));
    leads.set(draft, { ...assignUnits(row, draft, units), targets });
    return draft;
  };
  const areas = buildTree(table.rows, { review, criterion });
  if (leads.size === 0) throw new UsageError('import-no-criteria', { file });

  const unitDrafts = units.finish(review);
  const unitById = new Map(unitDrafts.map((u) => [u.id, u]));
  for (const [draft, { lead, support, targets }] of leads) {
    draft.lead = lead.id;
    draft.support = [...new Set(support.map((s) => s.id))].filter((s) => s !== lead.id);
    const group = (unitById.get(lead.id)?.members?.length ?? 0) > 0;
    draft.measures = measures(targets, group);
  }

  const joined = table.rows.filter((r) => r.joined.length > 0 && r.kind === 'item').map((r) => r.number);
  const place = facts.place;
  const issuerKind = facts.placeKind ?? 'xã';
  const fieldReviews: PlanDraft['fieldReviews'] = {
    title: [review(facts.title ? 'title-guessed' : 'title-missing')],
    issuer: [review(place ? 'issuer-guessed' : 'issuer-missing')],
  };
  if (!options.id) fieldReviews.id = [review('id-guessed')];
  if (options.year === undefined) fieldReviews.year = [review(facts.year ? 'year-from-title' : 'year-from-deadlines', { year })];
  return {
    id: options.id ?? planId(place, year),
    title: facts.title ?? `Kế hoạch nâng cao Chỉ số CCHC năm ${year}`,
    issuer: place ? `UBND ${issuerKind} ${place}` : 'UBND xã …',
    year,
    source: facts.reference ?? basename(file),
    notes: notes(file, joined),
    units: unitDrafts,
    areas,
    fieldReviews,
  };
}

function notes(file: string, joined: string[]): string[] {
  const out = [`Lập bằng "cchc plan import" từ tệp ${basename(file)}; tiêu đề, yêu cầu và thời hạn chép nguyên văn từ bảng. Đọc lại mọi dòng "# KIỂM TRA" rồi xoá dòng đó khi đã xác nhận.`];
  if (joined.length > 0) out.push(`Các dòng của bảng bị ngắt qua trang được nối lại bằng một dấu cách - ${joined.join(', ')}.`);
  return out;
}

/**
 * The lead and support units of a row. A lead cell naming one unit and a collective ("Trung tâm
 * Phục vụ HCC; Các cơ quan chuyên môn") leads with the unit, the collective supporting; one naming
 * two units makes a group of the two (design.md). Both are flagged.
 */
function assignUnits(row: TableRow, draft: CriterionDraft, units: UnitRegistry): { lead: Entry; support: Entry[] } {
  const leadNames = splitUnitCell(row.lead);
  const named = leadNames.map((n) => units.unit(n));
  const support = splitUnitCell(row.support).map((n) => units.unit(n));
  const specific = [...new Set(named.filter((u) => !isCollective(u)))];
  const collective = [...new Set(named.filter(isCollective))];
  let lead: Entry;
  if (named.length === 0) {
    lead = units.unit('Chưa rõ đơn vị chủ trì');
    draft.leadReviews.push(review('no-lead', { id: draft.id }));
  } else if (specific.length === 1) {
    lead = specific[0]!;
    if (collective.length > 0) draft.leadReviews.push(review('lead-collective-supports', { lead: leadNames[named.indexOf(lead)]!, moved: collective.map((u) => leadNames[named.indexOf(u)]).join('; ') }));
  } else if (specific.length > 1) {
    lead = units.group(specific);
    draft.leadReviews.push(review('lead-group', { names: specific.map((u) => leadNames[named.indexOf(u)]).join('; ') }));
  } else {
    lead = collective[0]!;
    if (collective.length > 1) draft.leadReviews.push(review('lead-collective-supports', { lead: leadNames[0]!, moved: leadNames.slice(1).join('; ') }));
  }
  if (support.includes(lead)) draft.leadReviews.push(review('support-is-lead', { name: row.support }));
  return { lead, support: [...(specific.length === 1 || specific.length === 0 ? collective.filter((u) => u !== lead) : collective), ...support] };
}

/** Measures from the targets read; a group's percentages add up its members' figures (`sum`), as the bundled plan does. */
function measures(targets: TargetRead[], groupLead: boolean): MeasureDraft[] {
  const ids = new Set<string>();
  return targets.map((t) => {
    const draft: MeasureDraft = { id: measureId(t.label, ids), label: t.label, kind: t.kind, target: `${t.op} ${formatNumber(t.value)}${t.kind === 'count' ? '' : '%'}`, reviews: [] };
    if (t.review) draft.reviews.push(review(`target-${t.review}`, { words: t.words, target: draft.target }));
    if (groupLead && t.kind === 'ratio') {
      draft.aggregate = t.each ? 'each' : 'sum';
      draft.reviews.push(review(t.each ? 'aggregate-each' : 'aggregate-sum'));
    }
    return draft;
  });
}

const formatNumber = (n: number) => String(n);

/** "Tỷ lệ hồ sơ trực tuyến toàn trình" → `ho_so_truc_tuyen`: four words of the label, unique in the criterion. */
function measureId(label: string, taken: Set<string>): string {
  const words = ascii(label.replace(/^(?:t[ỷỉ] lệ|số)\s+/iu, '')).toLowerCase().replace(/[^a-z0-9\s]+/gu, ' ').split(/\s+/u).filter((w) => w !== '');
  let base = words.slice(0, 4).join('_') || 'chi_tieu';
  if (!/^[a-z]/u.test(base)) base = `chi_tieu_${base}`;
  if (['note', 'status', 'evidence'].includes(base)) base = `${base}_1`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** The year most deadlines name, when the document's title names none. */
function commonYear(rows: TableRow[]): number | undefined {
  const counts = new Map<number, number>();
  for (const r of rows) for (const m of r.dueText.matchAll(/\b(20\d{2})\b/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** The first words of the document's first table, to show what was found instead of a header. */
function firstRowWords(doc: { tables: { rows: { cells: { text: string }[] }[] }[] }): string {
  const row = doc.tables[0]?.rows.find((r) => r.cells.some((c) => c.text !== ''));
  return (row?.cells.map((c) => c.text.replace(/\s+/gu, ' ')).filter((t) => t !== '').join(' | ') ?? '').slice(0, 160);
}

