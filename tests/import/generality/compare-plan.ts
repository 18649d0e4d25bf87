/**
 * Compares a plan written by `cchc plan import` with what a careful transcriber would write
 * (cases.ts), and says every difference in one line. Only what design.md fixes is compared:
 * criterion and area ids and titles, requirement and deadline text verbatim (whitespace aside),
 * the deadline as a date, lead and supporting units (through the plan's `units`, by name or alias),
 * the numeric targets. Unit and measure ids, labels, notes and `# KIỂM TRA` comments are the
 * importer's choice and are not compared.
 */
import { foldName } from '../../../src/util/fold-name.js';
import { expectedAreas, expectedCriteria, expectedHeadings, type Case, type Target } from './cases.js';

interface PlanUnit {
  id: string;
  name: string;
  aliases?: string[];
  members?: string[];
}

interface PlanMeasure {
  kind?: string;
  target?: string;
}

interface PlanNode {
  id?: unknown;
  title?: string;
  requirement?: string;
  due?: unknown;
  dueText?: string;
  lead?: string;
  support?: string[];
  measures?: PlanMeasure[];
  criteria?: PlanNode[];
}

interface Plan {
  year?: unknown;
  units?: PlanUnit[];
  areas?: { id?: unknown; title?: string; criteria?: PlanNode[] }[];
}

/** Text as a reader compares it: NFC, one space for any run of white space (a cell's line breaks too). */
const norm = (s: string | undefined) => (s === undefined ? undefined : s.normalize('NFC').replace(/\s+/gu, ' ').trim() || undefined);
const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

/** A deadline as design.md allows it in a plan: ISO, dd/MM/yyyy, or `ongoing`. */
function isoDue(due: unknown): string | undefined {
  if (due === undefined || due === null) return undefined;
  if (due instanceof Date) return due.toISOString().slice(0, 10);
  const s = String(due);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(s);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
}

const TARGET = /^\s*(>=|<=|≥|≤|>|<|=)\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/u;

function readTarget(m: PlanMeasure): Target | string {
  const t = TARGET.exec(m.target ?? '');
  if (!t) return `target ${show(m.target)} is not "OP NUMBER[%]"`;
  const op = ({ '≥': '>=', '≤': '<=' } as Record<string, Target['op']>)[t[1]!] ?? (t[1] as Target['op']);
  const percent = t[3] === '%';
  if (percent && m.kind !== 'ratio' && m.kind !== 'percent') return `target ${m.target} is a percentage but kind is ${show(m.kind)}`;
  if (!percent && m.kind !== 'count') return `target ${m.target} is a count but kind is ${show(m.kind)}`;
  return { op, value: Number(t[2]!.replace(',', '.')), percent };
}

const targetKey = (t: Target) => `${t.op} ${t.value}${t.percent ? '%' : ''}`;

export function comparePlan(c: Case, plan: Plan): string[] {
  const problems: string[] = [];
  const say = (where: string, text: string) => {
    const line = `${where}: ${text}`;
    if (!problems.includes(line)) problems.push(line);
  };

  if (plan.year !== c.year) say('plan', `year: expected ${c.year}, got ${show(plan.year)}`);
  const units = Array.isArray(plan.units) ? plan.units : [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const unitName = (id: string) => (byId.has(id) ? `${id} "${byId.get(id)!.name}"` : `${id} (not in units)`);

  /** The one unit whose name or alias is this spelling (after NFC, tone placement, case and dash folding). */
  const resolve = (where: string, name: string): string | undefined => {
    const key = foldName(name);
    const found = units.filter((u) => [u.name, ...(u.aliases ?? [])].some((n) => typeof n === 'string' && foldName(n) === key));
    if (found.length === 1) return found[0]!.id;
    say(where, found.length === 0
      ? `no unit has the name or alias ${show(name)}`
      : `${show(name)} is the name or alias of ${found.length} units: ${found.map((u) => u.id).join(', ')}`);
    return undefined;
  };

  // Areas, headings and criteria, walked in plan order.
  const areas = Array.isArray(plan.areas) ? plan.areas : [];
  const headings: { id: string; title?: string }[] = [];
  const criteria: { node: PlanNode; area: string }[] = [];
  const walk = (nodes: PlanNode[] | undefined, area: string) => {
    for (const node of nodes ?? []) {
      if (Array.isArray(node.criteria) && node.lead === undefined) {
        headings.push({ id: String(node.id), title: node.title });
        walk(node.criteria, area);
      } else criteria.push({ node, area });
    }
  };
  for (const a of areas) walk(a.criteria, String(a.id));

  const gotAreas = areas.map((a) => `${String(a.id)} ${norm(a.title)}`);
  const wantAreas = expectedAreas(c).map((a) => `${a.id} ${norm(a.title)}`);
  if (gotAreas.join('\n') !== wantAreas.join('\n')) say('areas', `expected [${wantAreas.join(' | ')}], got [${gotAreas.join(' | ')}]`);

  const gotHeadings = new Map(headings.map((h) => [h.id, h]));
  for (const h of expectedHeadings(c)) {
    const got = gotHeadings.get(h.id);
    if (!got) say(`heading ${h.id}`, 'missing (an entry with `criteria:` and no lead)');
    else if (norm(got.title) !== norm(h.title)) say(`heading ${h.id}`, `title: expected ${show(h.title)}, got ${show(got.title)}`);
  }
  const wantHeadingIds = new Set(expectedHeadings(c).map((h) => h.id));
  for (const h of headings) if (!wantHeadingIds.has(h.id)) say(`heading ${h.id}`, `not in the table (title ${show(h.title)})`);

  const want = expectedCriteria(c);
  const wantIds = want.map((w) => w.id);
  const gotIds = criteria.map((x) => String(x.node.id));
  for (const id of gotIds) if (!wantIds.includes(id)) say(`criterion ${id}`, 'not in the table');
  const common = gotIds.filter((id) => wantIds.includes(id));
  if (common.join(',') !== wantIds.filter((id) => gotIds.includes(id)).join(',')) say('criteria', `order: expected ${wantIds.join(', ')}; got ${gotIds.join(', ')}`);

  for (const w of want) {
    const where = `criterion ${w.id}`;
    const found = criteria.filter((x) => String(x.node.id) === w.id);
    if (found.length !== 1) {
      say(where, found.length === 0 ? 'missing' : `written ${found.length} times`);
      continue;
    }
    const { node, area } = found[0]!;
    const same = (field: string, expected: string | undefined, got: unknown) => {
      const g = typeof got === 'string' ? norm(got) : got;
      if (norm(expected) !== g) say(where, `${field}: expected ${show(norm(expected))}, got ${show(got)}`);
    };
    if (area !== w.area) say(where, `area: expected ${w.area}, got ${area}`);
    same('title', w.title, node.title);
    same('requirement', w.requirement, node.requirement);
    same('dueText', w.dueText, node.dueText);
    if (isoDue(node.due) !== w.due) say(where, `due: expected ${show(w.due)}, got ${show(node.due)}`);

    // A lead cell naming two units becomes a group of those two (design.md, "Plan import"); the
    // group's own name and id are the importer's choice, its members are not.
    if (w.leadMembers) {
      const lead = node.lead === undefined ? undefined : byId.get(node.lead);
      const wantMembers = w.leadMembers.map((m) => resolve(`${where} lead member`, m));
      const gotMembers = lead?.members ?? [];
      if (!lead) say(where, `lead: expected a group of ${w.leadMembers.join(' + ')}, got ${show(node.lead)}`);
      else if ([...gotMembers].sort().join(',') !== [...wantMembers].sort().join(',')) {
        say(where, `lead: expected a group of ${w.leadMembers.join(' + ')}, got ${unitName(lead.id)} with members [${gotMembers.join(', ')}]`);
      }
    } else {
      const id = resolve(`${where} lead`, w.lead);
      if (id !== undefined && node.lead !== id) say(where, `lead: expected ${unitName(id)} (${show(w.lead)}), got ${node.lead === undefined ? '(none)' : unitName(node.lead)}`);
    }

    const wantSupport = w.support.map((s) => resolve(`${where} support`, s)).filter((id): id is string => id !== undefined);
    const gotSupport = Array.isArray(node.support) ? node.support : [];
    if ([...wantSupport].sort().join(',') !== [...gotSupport].sort().join(',')) {
      say(where, `support: expected [${wantSupport.map(unitName).join(', ')}], got [${gotSupport.map(unitName).join(', ')}]`);
    }

    const gotTargets: Target[] = [];
    for (const m of node.measures ?? []) {
      const t = readTarget(m);
      if (typeof t === 'string') say(where, t);
      else gotTargets.push(t);
    }
    const wantKeys = w.targets.map(targetKey).sort();
    const gotKeys = gotTargets.map(targetKey).sort();
    if (wantKeys.join(' ; ') !== gotKeys.join(' ; ')) say(where, `targets: expected [${wantKeys.join(', ') || 'none: a task'}], got [${gotKeys.join(', ') || 'none: a task'}]`);
  }

  // Spellings of one unit must become that one unit; different units must stay apart.
  const owner = new Map<string, string>();
  for (const spellings of c.units) {
    const ids = new Set(spellings.map((s) => resolve(`unit ${show(s)}`, s)).filter((id): id is string => id !== undefined));
    if (ids.size > 1) say(`unit ${show(spellings[0])}`, `the spellings ${spellings.map((s) => show(s)).join(', ')} became ${ids.size} units: ${[...ids].join(', ')}`);
    for (const id of ids) {
      const other = owner.get(id);
      if (other !== undefined && other !== spellings[0]) say(`unit ${id}`, `${show(other)} and ${show(spellings[0])} are different units but both are ${id}`);
      owner.set(id, spellings[0]!);
    }
  }
  return problems;
}
