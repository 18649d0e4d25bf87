import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Plan, ProgressReport } from '../types.js';
import { detachedCopy, detachLongStrings } from '../util/detach-strings.js';
import { loadPlan } from '../validate/plan.js';
import { loadProgress } from '../validate/progress.js';
import type { FoundFile } from './discover.js';
import { locate, type Position } from './locate.js';
import { readSource } from './read-source.js';
import type { Source } from './source.js';

export interface Inputs {
  plans: Map<string, Plan>;
  reports: ProgressReport[];
  diagnostics: Diagnostic[];
  counts: { files: number; plans: number; reports: number };
  /** Absolute paths of every file read. */
  files: string[];
}

type Kind = 'plan' | 'progress' | 'config';

function kindOf(source: Source): Kind | Diagnostic {
  const data = source.data as Record<string, unknown>;
  const schema = typeof data === 'object' && !Array.isArray(data) ? data.schema : undefined;
  const at = (code: string, args: Diagnostic['args']): Diagnostic => {
    const pos = locate(source, ['schema']);
    return { severity: 'error', code, args, file: source.file, line: pos.line, column: pos.column };
  };
  if (schema === undefined) return at('not-cchc-file', {});
  // `schema: {}` must read as what was written, not "[object Object]".
  const written = typeof schema === 'string' ? schema : JSON.stringify(schema) ?? String(schema);
  const m = /^cchc\/(plan|progress|config)@(\d+)$/u.exec(written);
  if (!m) return at('schema-unknown', { schema: written });
  if (m[2] !== '1') return at('schema-future', { schema: written });
  return m[1] as Kind;
}

export interface LoadOptions {
  /** The repository root: evidence paths are relative to it (or to the progress file's folder). */
  root?: string;
  strict?: boolean;
  /**
   * false: check the progress files but keep no report (`cchc validate`, which prints only the
   * findings: at N = 1,000 the reports are some 130 MB). `Inputs.reports` is then empty.
   */
  keepReports?: boolean;
  /** Text held for progress files that wait for their plan (default HELD_BYTES; tests set 0). */
  heldBytes?: number;
}

/**
 * Text held for progress files that wait for their plan: beyond it they are read again later
 * rather than kept (a folder such as `bao-cao/` sorts before `ke-hoach/`, so a whole province's
 * progress files can come before their plans).
 */
const HELD_BYTES = 32 * 1024 * 1024;

/** A progress file met before its plan: kept whole, or only named when over HELD_BYTES. */
type Waiting = { index: number; file: FoundFile; source?: Source };

/**
 * Reads every file, tells plans from progress files by their `schema:` line, checks each, then
 * checks across files. All problems of all files are returned together, not only the first.
 */
export function loadInputs(files: readonly FoundFile[], options: LoadOptions = {}): Inputs {
  const absOf = new Map(files.map((f) => [f.file, f.abs]));
  const evidenceExists = (path: string, progressFile: string) =>
    isAbsolute(path) ? existsSync(path)
      : (options.root !== undefined && existsSync(resolve(options.root, path))) || existsSync(resolve(dirname(absOf.get(progressFile) ?? '.'), path));
  const diagnostics: Diagnostic[] = [];
  const counts = { files: files.length, plans: 0, reports: 0 };
  const plans = new Map<string, Plan>();
  const brokenPlans = new Set<string>();
  // What the check for two reports of one unit and date needs, and the report unless not kept.
  const loaded: { index: number; key: string; file: string; unit: string; asOf: string; asOfAt: Position; report?: ProgressReport }[] = [];

  // Each file is dropped as soon as it is checked: a parsed YAML document takes some 30 times the
  // memory of its text, and a province has tens of thousands of files. A progress file is checked
  // against its plan, so one met before its plan waits for the end.
  const addPlan = (source: Source) => {
    counts.plans++;
    const { plan: loadedPlan, diagnostics: d } = loadPlan(source);
    const plan = loadedPlan && detachedCopy(loadedPlan);
    diagnostics.push(...d);
    const id = (source.data as { id?: unknown }).id;
    if (!plan) {
      if (typeof id === 'string') brokenPlans.add(id);
      return;
    }
    const other = plans.get(plan.id);
    if (other) {
      const pos = locate(source, ['id']);
      diagnostics.push({ severity: 'error', code: 'duplicate-plan', args: { id: plan.id, other: other.file }, file: source.file, line: pos.line, column: pos.column });
      return;
    }
    plans.set(plan.id, plan);
  };
  const addProgress = (source: Source, index: number) => {
    const { report: loadedReport, diagnostics: d } = loadProgress(source, plans, brokenPlans, { evidenceExists, strict: options.strict });
    diagnostics.push(...d);
    if (!loadedReport) return;
    const report = detachLongStrings(loadedReport);
    const { plan, unit, asOf, file } = report;
    const key = `${plan}\u0000${unit}\u0000${asOf}`;
    loaded.push({ index, key, file, unit, asOf, asOfAt: locate(source, ['asOf']), ...(options.keepReports === false ? {} : { report }) });
  };

  const waiting: Waiting[] = [];
  let held = 0;
  files.forEach((f, index) => {
    const { source, diagnostics: d } = readSource(f.abs, f.file);
    diagnostics.push(...d);
    if (!source) return;
    const kind = kindOf(source);
    if (typeof kind !== 'string') diagnostics.push(kind);
    else if (kind === 'plan') addPlan(source);
    else if (kind === 'progress') {
      counts.reports++;
      const planId = (source.data as { plan?: unknown }).plan;
      if (typeof planId === 'string' && plans.has(planId)) addProgress(source, index);
      else {
        held += source.text.length;
        waiting.push({ index, file: f, ...(held <= (options.heldBytes ?? HELD_BYTES) ? { source } : {}) });
      }
    }
    // A cchc.config.yaml met while searching a folder is recognised and left to the config loader.
  });
  for (const w of waiting) {
    // A file read again has already had its reading problems reported.
    const source = w.source ?? readSource(w.file.abs, w.file.file).source;
    if (source) addProgress(source, w.index);
  }

  // Reports in the order of their files, whatever order they were checked in; of two reports
  // for one unit and date, the first file's is kept.
  loaded.sort((a, b) => a.index - b.index);
  const reports: ProgressReport[] = [];
  const firstFile = new Map<string, string>();
  for (const { key, file, unit, asOf, asOfAt, report } of loaded) {
    const other = firstFile.get(key);
    if (other !== undefined) {
      diagnostics.push({ severity: 'error', code: 'duplicate-report', args: { unit, asOf, other }, file, line: asOfAt.line, column: asOfAt.column });
      continue;
    }
    firstFile.set(key, file);
    if (report) reports.push(report);
  }
  return { plans, reports, diagnostics, counts, files: files.map((f) => f.abs) };
}
