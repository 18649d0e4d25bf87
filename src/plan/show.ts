import type { ChalkInstance } from 'chalk';
import type { PlanFormatName } from '../choices.js';
import { md } from '../format/markdown.js';
import { wrap } from '../format/table.js';
import { formatNumber, formatTarget } from '../format/text.js';
import { planUi } from '../messages-plan.js';
import type { Area, Criterion, Heading, Lang, Measure, Plan, Unit } from '../types.js';
import { displayDate } from '../util/dates.js';
import { compareIds } from '../util/compare-ids.js';

export interface ShowOptions {
  lang: Lang;
  /** Chalk at the colour level the CLI chose; only the terminal view uses it. */
  chalk: ChalkInstance;
  /** Terminal width in columns. */
  width: number;
}

// ---- The plain view (`--format json`), also the tree the other formats walk ----

/** A measure as `plan show --format json` gives it: the target as text (`>= 100%`). */
export interface MeasureView {
  id: string;
  label: string;
  kind: Measure['kind'];
  target: string;
  /** Only where the lead is a group: how its members' figures combine. */
  aggregate?: Measure['aggregate'];
  valueLabel?: string;
  totalLabel?: string;
}

export interface CriterionView {
  id: string;
  title: string;
  requirement?: string;
  /** ISO date, or `ongoing`. */
  due: string;
  /** True when the plan gives no deadline and `due` is the end of the plan year. */
  dueImplied?: true;
  dueText?: string;
  lead: string;
  support: string[];
  /** Empty for a task (done / not done). */
  measures: MeasureView[];
  notes?: string[];
}

/** A heading: like the plan file, an entry with `criteria` and no `lead`. */
export interface HeadingView {
  id: string;
  title: string;
  notes?: string[];
  criteria: NodeView[];
}

export type NodeView = HeadingView | CriterionView;

export interface AreaView {
  id: string;
  title: string;
  notes?: string[];
  criteria: NodeView[];
}

export interface UnitView {
  id: string;
  name: string;
  short?: string;
  aliases: string[];
  /** Present for a group. */
  members?: string[];
  notes?: string[];
}

/** `cchc plan show --format json`: the plan as plain data, shaped like the plan file. */
export interface PlanView {
  id: string;
  revision: number;
  title: string;
  issuer: string;
  year: number;
  file: string;
  units: UnitView[];
  areas: AreaView[];
}

export const isHeading = (n: NodeView): n is HeadingView => !('lead' in n);

const notes = (list: string[]) => (list.length > 0 ? { notes: [...list] } : {});


function criterionView(c: Criterion, plan: Plan): CriterionView {
  const group = plan.units.get(c.lead)?.members !== undefined;
  return {
    id: c.id,
    title: c.title,
    ...(c.requirement !== undefined ? { requirement: c.requirement } : {}),
    due: c.ongoing ? 'ongoing' : c.due,
    ...(c.dueImplied && !c.ongoing ? { dueImplied: true as const } : {}),
    ...(c.dueText !== undefined ? { dueText: c.dueText } : {}),
    lead: c.lead,
    support: [...c.support],
    measures: c.measures.map((m) => ({
      id: m.id, label: m.label, kind: m.kind, target: m.target.text,
      ...(group ? { aggregate: m.aggregate } : {}),
      ...(m.valueLabel !== undefined ? { valueLabel: m.valueLabel } : {}),
      ...(m.totalLabel !== undefined ? { totalLabel: m.totalLabel } : {}),
    })),
    ...notes(c.notes),
  };
}

/**
 * Rebuilds an area's tree. The Plan keeps criteria in plan order with the heading each sits
 * under, and headings in plan order without their parent or position, so: a heading's parent is
 * the nearest heading before it whose id is a prefix of its own (`9.1` for `9.1.4`); a heading
 * opens just before its first criterion; a heading with no criteria (9.1.4 of the Quang Sơn
 * plan) goes before the first entry with a greater id.
 */
function areaTree(area: Area, plan: Plan): NodeView[] {
  const parent = new Map<string, string | undefined>();
  area.headings.forEach((h, i) => {
    const p = area.headings.slice(0, i).reverse().find((x) => h.id.startsWith(`${x.id}.`));
    parent.set(h.id, p?.id);
  });
  const chain = (id: string | undefined): Heading[] => {
    const out: Heading[] = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const h = area.headings.find((x) => x.id === at);
      if (!h) break;
      out.unshift(h);
    }
    return out;
  };

  type Entry = { id: string; parent: string | undefined; view: NodeView };
  const entries: Entry[] = [];
  const opened = new Set<string>();
  const open = (h: Heading): Entry => {
    opened.add(h.id);
    return { id: h.id, parent: parent.get(h.id), view: { id: h.id, title: h.title, ...notes(h.notes), criteria: [] } };
  };
  for (const c of plan.criteria.filter((x) => x.area === area.id)) {
    for (const h of chain(c.heading)) if (!opened.has(h.id)) entries.push(open(h));
    entries.push({ id: c.id, parent: c.heading, view: criterionView(c, plan) });
  }
  for (const h of area.headings) {
    if (opened.has(h.id)) continue;
    const at = entries.findIndex((e) => compareIds(e.id, h.id) > 0);
    entries.splice(at === -1 ? entries.length : at, 0, open(h));
  }

  const roots: NodeView[] = [];
  const byId = new Map<string, HeadingView>();
  for (const e of entries) {
    const holder = e.parent !== undefined ? byId.get(e.parent)?.criteria : undefined;
    (holder ?? roots).push(e.view);
    if (isHeading(e.view)) byId.set(e.id, e.view);
  }
  return roots;
}

function unitView(u: Unit): UnitView {
  return {
    id: u.id, name: u.name,
    ...(u.short !== undefined ? { short: u.short } : {}),
    aliases: [...u.aliases],
    ...(u.members !== undefined ? { members: [...u.members] } : {}),
    ...notes(u.notes),
  };
}

/** The plan as plain data: areas → headings → criteria, with measures and targets as text, and its units. */
export function planView(plan: Plan): PlanView {
  return {
    id: plan.id, revision: plan.revision, title: plan.title, issuer: plan.issuer, year: plan.year, file: plan.file,
    units: [...plan.units.values()].map(unitView),
    areas: plan.areas.map((a) => ({ id: a.id, title: a.title, ...notes(a.notes), criteria: areaTree(a, plan) })),
  };
}

export function formatPlanJson(plan: Plan): string {
  return `${JSON.stringify(planView(plan), null, 2)}\n`;
}

// ---- Words shared by the table and the Markdown ----

function unitLabel(plan: Plan, id: string): string {
  const u = plan.units.get(id);
  return u?.short ?? u?.name ?? id;
}

function targets(plan: Plan, id: string, lang: Lang): string[] {
  const c = plan.criteria.find((x) => x.id === id);
  if (!c || c.measures.length === 0) return [planUi(lang, 'task')];
  const group = plan.units.get(c.lead)?.members !== undefined;
  return c.measures.map((m) => `${m.id} ${formatTarget(m, lang)}${group && m.aggregate === 'each' ? ` (${planUi(lang, 'each')})` : ''}`);
}

function dueText(c: CriterionView, lang: Lang): string {
  if (c.due === 'ongoing') return planUi(lang, 'ongoing');
  return `${displayDate(c.due, lang)}${c.dueImplied ? ` (${planUi(lang, 'dueImplied')})` : ''}`;
}

function byline(plan: Plan, lang: Lang): string {
  return [
    plan.issuer,
    `${planUi(lang, 'year')} ${plan.year}`,
    `${planUi(lang, 'revision')} ${plan.revision}`,
    `${formatNumber(plan.criteria.length, lang)} ${planUi(lang, 'criteria')}`,
  ].join(' · ');
}

// ---- Terminal view ----

/** Parts joined by ` · `, breaking between parts before breaking inside one ("Hạn: Thường xuyên" stays whole). */
function wrapParts(indent: string, parts: string[], width: number, hang: number): string {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line === '' ? `${indent}${part}` : `${line} · ${part}`;
    if (line !== '' && candidate.length > width) {
      lines.push(line);
      line = `${' '.repeat(hang)}${part}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines.map((l) => wrap(l, width, hang)).join('\n');
}

/**
 * The plan as an indented tree for a terminal, wrapped to its width (at least 80 columns):
 * areas, headings and criteria, each criterion with its targets and deadline on one line and its
 * lead and supporting units on the next; then the units, groups with their members.
 */
export function formatPlanTable(plan: Plan, options: ShowOptions): string {
  const { lang, chalk } = options;
  const width = Math.max(80, options.width);
  const view = planView(plan);
  const lines: string[] = [chalk.bold(wrap(plan.title, width)), wrap(byline(plan, lang), width)];
  const label = (id: string) => unitLabel(plan, id);

  const walk = (nodes: NodeView[], depth: number) => {
    for (const n of nodes) {
      const pad = ' '.repeat(2 * depth);
      const head = `${pad}${n.id} `;
      const hang = head.length;
      if (isHeading(n)) {
        lines.push(chalk.bold(wrap(`${head}${n.title.trim()}`, width, hang)));
        if (n.criteria.length === 0) lines.push(wrap(`${' '.repeat(hang)}${planUi(lang, 'emptyHeading')}`, width, hang));
        walk(n.criteria, depth + 1);
        continue;
      }
      const indent = ' '.repeat(hang);
      lines.push(wrap(`${head}${n.title.trim()}`, width, hang));
      const what = n.measures.length > 0 ? `${planUi(lang, 'target')}: ${targets(plan, n.id, lang).join('; ')}` : planUi(lang, 'taskLine');
      lines.push(wrapParts(indent, [what, `${planUi(lang, 'due')}: ${dueText(n, lang)}`], width, hang + 2));
      const support = n.support.length > 0 ? n.support.map(label).join(', ') : planUi(lang, 'none');
      lines.push(wrapParts(indent, [`${planUi(lang, 'lead')}: ${label(n.lead)}`, `${planUi(lang, 'support')}: ${support}`], width, hang + 2));
    }
  };
  for (const area of view.areas) {
    lines.push('', chalk.bold(wrap(`${area.id}. ${area.title.trim()}`, width, area.id.length + 2)));
    walk(area.criteria, 1);
  }

  lines.push('', chalk.bold(planUi(lang, 'units')));
  const idWidth = Math.max(...view.units.map((u) => u.id.length)) + 4;
  for (const u of view.units) {
    const indent = ' '.repeat(idWidth);
    lines.push(wrap(`  ${u.id.padEnd(idWidth - 2)}${u.name}${u.short ? ` (${u.short})` : ''}`, width, idWidth));
    if (u.members) {
      const members = u.members.length > 0 ? `${planUi(lang, 'group')}: ${u.members.map((m) => `${m} (${label(m)})`).join(', ')}` : planUi(lang, 'emptyGroup');
      lines.push(wrap(`${indent}${members}`, width, idWidth + 2));
    }
    if (u.aliases.length > 0) lines.push(wrap(`${indent}${planUi(lang, 'aliases')}: ${u.aliases.join('; ')}`, width, idWidth + 2));
  }
  return `${lines.join('\n')}\n`;
}

// ---- Markdown ----

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/**
 * The plan as GitHub-flavoured Markdown for meeting papers: one table per area with the
 * requirement of each criterion (the appendix's columns), headings as bold rows, then the units.
 */
export function formatPlanMarkdown(plan: Plan, options: Pick<ShowOptions, 'lang'>): string {
  const { lang } = options;
  const view = planView(plan);
  const label = (id: string) => md(unitLabel(plan, id));
  const blocks = [`# ${md(plan.title.trim(), ' ')}`, md(byline(plan, lang), ' ').replace(/^[-+=]/u, '\\$&')];
  const head = [planUi(lang, 'id'), planUi(lang, 'criterion'), planUi(lang, 'requirement'), planUi(lang, 'target'), planUi(lang, 'due'), planUi(lang, 'lead'), planUi(lang, 'support')];

  for (const area of view.areas) {
    const lines = [row(head), row(head.map(() => '---'))];
    const walk = (nodes: NodeView[]) => {
      for (const n of nodes) {
        if (isHeading(n)) {
          const empty = n.criteria.length === 0 ? ` ${planUi(lang, 'emptyHeading')}` : '';
          lines.push(row([`**${md(n.id)}**`, `**${md(n.title.trim())}**${empty}`, '', '', '', '', '']));
          walk(n.criteria);
          continue;
        }
        lines.push(row([
          md(n.id), md(n.title.trim()), md(n.requirement ?? '—'), targets(plan, n.id, lang).map((t) => md(t)).join('<br>'),
          md(dueText(n, lang)), label(n.lead), n.support.map(label).join(', ') || '—',
        ]));
      }
    };
    walk(area.criteria);
    blocks.push(`## ${md(`${area.id}. ${area.title.trim()}`, ' ')}`, lines.join('\n'));
  }

  const unitHead = [planUi(lang, 'id'), planUi(lang, 'name'), planUi(lang, 'short'), planUi(lang, 'members'), planUi(lang, 'aliases')];
  const unitRows = view.units.map((u) => row([
    md(u.id), md(u.name), md(u.short ?? ''),
    u.members === undefined ? '' : u.members.length > 0 ? u.members.map((m) => md(m)).join(', ') : planUi(lang, 'none'),
    u.aliases.map((a) => md(a)).join('; '),
  ]));
  blocks.push(`## ${planUi(lang, 'units')}`, [row(unitHead), row(unitHead.map(() => '---')), ...unitRows].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** Every `plan show` format, by the name `--format` takes. */
export const planFormatters = {
  table: (plan: Plan, options: ShowOptions) => formatPlanTable(plan, options),
  json: (plan: Plan) => formatPlanJson(plan),
  markdown: (plan: Plan, options: ShowOptions) => formatPlanMarkdown(plan, options),
} satisfies Record<PlanFormatName, (plan: Plan, options: ShowOptions) => string>;
