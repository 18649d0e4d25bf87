import type { Lang } from '../types.js';
import type { AreaDraft, CriterionDraft, MeasureDraft, NodeDraft, PlanDraft, Review, UnitDraft } from './draft.js';

/** A `# KIỂM TRA` line of the written plan, for the list on stderr. */
export interface ReviewLine {
  line: number;
  message: string;
}

export interface WrittenPlan {
  text: string;
  reviews: ReviewLine[];
}

export const REVIEW_MARK = 'KIỂM TRA:';

/**
 * Writes the draft as a `cchc/plan@1` file laid out as the bundled plan is, each review as a
 * `# KIỂM TRA: …` line just above the field it concerns. Written by hand rather than with the yaml
 * library's stringifier to place those comments; every scalar goes through `scalar()`.
 */
export function writePlan(plan: PlanDraft, options: { lang: Lang; schemaPath: string; say: (r: Review, lang: Lang) => string }): WrittenPlan {
  const lines: string[] = [];
  const reviews: ReviewLine[] = [];
  // A block scalar is several lines: each is counted, so that review lines are numbered right.
  const put = (indent: number, text: string) => lines.push(...`${' '.repeat(indent)}${text}`.split('\n'));
  const check = (indent: number, list: Review[] | undefined) => {
    for (const r of list ?? []) {
      const message = options.say(r, options.lang).replace(/\s*\n\s*/gu, ' ').replace(NOT_PRINTABLE, '');
      put(indent, `# ${REVIEW_MARK} ${message}`);
      reviews.push({ line: lines.length, message });
    }
  };
  const field = (indent: number, key: string, value: string | number) => {
    const text = typeof value === 'number' ? String(value) : scalar(value, indent + 2);
    put(indent, `${key}: ${text}`);
  };
  const list = (items: string[]) => `[${items.map((i) => scalar(i, 0, true)).join(', ')}]`;

  put(0, `# yaml-language-server: $schema=${options.schemaPath}`);
  put(0, '#');
  for (const line of HEAD[options.lang]) put(0, `# ${line}`);
  put(0, 'schema: cchc/plan@1');
  check(0, plan.fieldReviews.id);
  field(0, 'id', plan.id);
  put(0, 'revision: 1');
  check(0, plan.fieldReviews.title);
  field(0, 'title', plan.title);
  check(0, plan.fieldReviews.issuer);
  field(0, 'issuer', plan.issuer);
  check(0, plan.fieldReviews.year);
  field(0, 'year', plan.year);
  field(0, 'source', plan.source);
  put(0, 'notes:');
  for (const n of plan.notes) put(2, `- ${scalar(n, 4)}`);
  put(0, 'units:');
  for (const u of plan.units) writeUnit(u);
  put(0, 'areas:');
  for (const a of plan.areas) writeArea(a);
  return { text: `${lines.join('\n')}\n`, reviews };

  function writeUnit(u: UnitDraft): void {
    check(2, u.reviews);
    put(2, `- id: ${scalar(u.id, 4)}`);
    field(4, 'name', u.name);
    if (u.members) put(4, `members: ${list(u.members)}`);
    put(4, `aliases: ${list(u.aliases)}`);
  }

  function writeArea(a: AreaDraft): void {
    check(2, a.reviews);
    put(2, `- id: ${scalar(a.id, 4)}`);
    field(4, 'title', a.title || a.id);
    put(4, a.criteria.length === 0 ? 'criteria: []' : 'criteria:');
    for (const n of a.criteria) writeNode(n, 6);
  }

  function writeNode(n: NodeDraft, indent: number): void {
    check(indent, n.reviews);
    put(indent, `- id: ${quoted(n.id)}`);
    field(indent + 2, 'title', n.title || n.id);
    if (n.type === 'heading') {
      put(indent + 2, n.criteria.length === 0 ? 'criteria: []' : 'criteria:');
      for (const child of n.criteria) writeNode(child, indent + 4);
      return;
    }
    writeCriterion(n, indent + 2);
  }

  function writeCriterion(c: CriterionDraft, indent: number): void {
    if (c.requirement) field(indent, 'requirement', c.requirement);
    check(indent, c.dueReviews);
    if (c.due) put(indent, `due: ${c.due}`);
    if (c.dueText) field(indent, 'dueText', c.dueText);
    check(indent, c.leadReviews);
    put(indent, `lead: ${scalar(c.lead, indent + 2)}`);
    put(indent, `support: ${list(c.support)}`);
    if (c.measures.length > 0) {
      put(indent, 'measures:');
      for (const m of c.measures) writeMeasure(m, indent + 2);
    }
  }

  function writeMeasure(m: MeasureDraft, indent: number): void {
    check(indent, m.reviews);
    put(indent, `- id: ${scalar(m.id, indent + 2)}`);
    field(indent + 2, 'label', m.label);
    put(indent + 2, `kind: ${m.kind}`);
    put(indent + 2, `target: ${quoted(m.target)}`);
    if (m.aggregate) put(indent + 2, `aggregate: ${m.aggregate}`);
  }
}

const HEAD: Record<Lang, string[]> = {
  vi: [
    'Bản nháp do "cchc plan import" lập từ Phụ lục của kế hoạch. Người lập kế hoạch đọc lại mọi dòng',
    '"# KIỂM TRA:" (những chỗ chương trình phải đoán), sửa nếu cần, rồi xoá dòng đó.',
  ],
  en: [
    'Draft written by "cchc plan import" from the plan\'s appendix. Read every "# KIỂM TRA:" line',
    '(where the importer had to guess), correct what needs it, then delete the line.',
  ],
};

/** What YAML does not allow in a file, even inside quotes, unless escaped. */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u2028\u2029]/gu;

/** JSON's double-quoted string is a valid YAML double-quoted scalar, once every non-printable is escaped. */
const quoted = (text: string) => JSON.stringify(text).replace(NOT_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Plain scalars that YAML would read as something else, or that would end the scalar early.
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/u;
const UNSAFE_INSIDE = /: |\s#|:$|[\t\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u;
const NOT_A_STRING = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.(?:inf|nan)|\d{4}-\d\d?-\d\d?.*)$/iu;

/** A string as YAML: plain where that reads back the same, a block for several lines, else quoted. */
function scalar(text: string, indent: number, inFlow = false): string {
  if (text.includes('\n') && !inFlow && !/^\s|\s$|[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u.test(text) && !text.split('\n').some((l) => l.trim() === '' || /^\s/u.test(l))) {
    return `|-\n${text.split('\n').map((l) => `${' '.repeat(indent)}${l}`).join('\n')}`;
  }
  if (text === '' || UNSAFE_START.test(text) || UNSAFE_INSIDE.test(text) || NOT_A_STRING.test(text) || text.includes('\n') || /\s$/u.test(text)) return quoted(text);
  if (inFlow && /[,[\]{}]/u.test(text)) return quoted(text);
  return text;
}
