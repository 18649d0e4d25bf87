import { locate } from '../load/locate.js';
import type { Source } from '../load/source.js';
import type { Amendment, Area, Criterion, DataPath, Diagnostic, Measure, Plan, PlanOutline, Unit } from '../types.js';
import { parseDate } from '../util/dates.js';
import { foldName } from '../util/fold-name.js';
import { suggest } from '../util/suggest.js';
import { parseTarget } from '../util/target.js';
import { checkSchema } from './schema-check.js';

// Shapes as the schema guarantees them.
interface RawMeasure { id: string; label: string; kind: Measure['kind']; target: string; aggregate?: 'sum' | 'each'; valueLabel?: string; totalLabel?: string }
interface RawNode {
  id: string; title: string; notes?: string | string[]; criteria?: RawNode[];
  requirement?: string; due?: string; dueText?: string; lead?: string; support?: string[]; measures?: RawMeasure[];
}
interface RawUnit { id: string; name: string; short?: string; aliases?: string[]; members?: string[]; notes?: string | string[] }
interface RawPlan {
  id: string; revision: number; title: string; issuer: string; year: number; units: RawUnit[];
  areas: { id: string; title: string; notes?: string | string[]; criteria: RawNode[] }[];
  amendments?: Amendment[];
}

const notesOf = (n: string | string[] | undefined): string[] => (n === undefined ? [] : Array.isArray(n) ? n : [n]);

/** Checks a plan file (schema, then consistency) and builds the Plan when it has no error. */
export function loadPlan(source: Source): { plan?: Plan; diagnostics: Diagnostic[] } {
  const schemaDiagnostics = checkSchema(source, 'plan');
  if (schemaDiagnostics.length > 0) return { diagnostics: schemaDiagnostics };
  const raw = source.data as RawPlan;
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, args: Diagnostic['args'], path: DataPath, key = false) => {
    const pos = locate(source, path, { key });
    diagnostics.push({ severity: 'error', code, args, file: source.file, line: pos.line, column: pos.column });
  };

  const units = new Map<string, Unit>();
  const names = new Map<string, string>();
  raw.units.forEach((u, i) => {
    if (units.has(u.id)) return error('duplicate-id', { id: u.id, firstLine: locate(source, ['units', raw.units.findIndex((x) => x.id === u.id), 'id']).line }, ['units', i, 'id']);
    units.set(u.id, { id: u.id, name: u.name, short: u.short, aliases: u.aliases ?? [], members: u.members, notes: notesOf(u.notes) });
    [u.name, ...(u.aliases ?? [])].forEach((name, j) => {
      const key = foldName(name);
      const other = names.get(key);
      if (other !== undefined && other !== u.id) error('duplicate-alias', { name, other }, j === 0 ? ['units', i, 'name'] : ['units', i, 'aliases', j - 1]);
      else names.set(key, u.id);
    });
  });
  const unitIds = [...units.keys()];
  const checkUnitRef = (id: string, path: DataPath) => {
    if (!units.has(id)) {
      const suggestion = suggest(id, unitIds);
      error('unknown-unit', { id, example: unitIds[0] ?? '', ...(suggestion ? { suggestion } : {}) }, path);
      return false;
    }
    return true;
  };
  raw.units.forEach((u, i) => u.members?.forEach((m, j) => {
    if (checkUnitRef(m, ['units', i, 'members', j]) && units.get(m)!.members) error('member-is-group', { id: m }, ['units', i, 'members', j]);
  }));

  const criteria: Criterion[] = [];
  const areas: Area[] = [];
  /** Where each id is first written, for a finding on a second one. */
  const idPaths = new Map<string, DataPath>();
  const headingIds = new Set<string>();
  const endOfYear = `${raw.year}-12-31`;

  const visit = (node: RawNode, path: DataPath, area: Area, heading: string | undefined) => {
    const first = idPaths.get(node.id);
    if (first !== undefined) error('duplicate-id', { id: node.id, firstLine: locate(source, first).line }, [...path, 'id']);
    else idPaths.set(node.id, [...path, 'id']);
    if (node.criteria) {
      headingIds.add(node.id);
      area.headings.push({ id: node.id, title: node.title, area: area.id, notes: notesOf(node.notes) });
      node.criteria.forEach((child, i) => visit(child, [...path, 'criteria', i], area, node.id));
      return;
    }
    const lead = node.lead!;
    const leadOk = checkUnitRef(lead, [...path, 'lead']);
    const leadUnit = units.get(lead);
    const isGroup = leadOk && leadUnit?.members !== undefined;
    if (isGroup && leadUnit!.members!.length === 0) error('lead-group-empty', { id: lead }, [...path, 'lead']);
    (node.support ?? []).forEach((s, i) => checkUnitRef(s, [...path, 'support', i]));

    let due = endOfYear;
    let ongoing = false;
    if (node.due === 'ongoing') ongoing = true;
    else if (node.due !== undefined) {
      const parsed = parseDate(node.due);
      if ('date' in parsed) due = parsed.date;
      else error('impossible-date', { value: node.due }, [...path, 'due']);
    }

    const measures: Measure[] = [];
    const measureIds = new Set<string>();
    (node.measures ?? []).forEach((m, i) => {
      const mPath = [...path, 'measures', i];
      if (measureIds.has(m.id)) error('duplicate-id', { id: m.id, firstLine: locate(source, [...path, 'measures', (node.measures ?? []).findIndex((x) => x.id === m.id), 'id']).line }, [...mPath, 'id']);
      measureIds.add(m.id);
      const parsed = parseTarget(m.target, m.kind);
      if ('problem' in parsed) return error('bad-target', { value: m.target, problem: parsed.problem }, [...mPath, 'target']);
      if (m.aggregate !== undefined && leadOk && !isGroup) error('aggregate-without-group', { lead }, [...mPath, 'aggregate'], true);
      const aggregate = m.aggregate ?? 'sum';
      if (isGroup && m.kind === 'percent' && aggregate === 'sum') error('aggregate-percent-sum', { measure: m.id }, mPath);
      measures.push({ id: m.id, label: m.label, kind: m.kind, target: parsed.target, aggregate, valueLabel: m.valueLabel, totalLabel: m.totalLabel });
    });

    criteria.push({
      id: node.id, area: area.id, heading, title: node.title, requirement: node.requirement,
      due, ongoing, dueImplied: node.due === undefined, dueText: node.dueText,
      lead, support: node.support ?? [], measures, notes: notesOf(node.notes),
    });
  };

  raw.areas.forEach((a, i) => {
    const area: Area = { id: a.id, title: a.title, headings: [], notes: notesOf(a.notes) };
    areas.push(area);
    a.criteria.forEach((node, j) => visit(node, ['areas', i, 'criteria', j], area, undefined));
  });

  const amendments = raw.amendments ?? [];
  amendments.forEach((a, i) => {
    if (a.revision > raw.revision) error('amendment-revision-future', { amendment: a.revision, revision: raw.revision }, ['amendments', i, 'revision']);
  });

  if (diagnostics.length > 0) return { diagnostics };
  return {
    plan: { file: source.file, amendments, id: raw.id, revision: raw.revision, title: raw.title, issuer: raw.issuer, year: raw.year, units, areas, criteria, headingIds },
    diagnostics,
  };
}

/**
 * The outline of a plan: what `cchc validate` keeps of each plan until its last progress file
 * is read. It shares the plan's objects and strings; the loader copies it off the file's text.
 */
export function planOutline(plan: Plan): PlanOutline {
  const { file, amendments, id, revision, year, units, headingIds } = plan;
  const criteria = plan.criteria.map(({ id: c, heading, lead, measures }) => ({
    id: c, heading, lead, measures: measures.map(({ id: m, kind, totalLabel }) => ({ id: m, kind, totalLabel })),
  }));
  return { file, amendments, id, revision, year, units, criteria, headingIds };
}
