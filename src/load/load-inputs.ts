import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Plan, ProgressReport } from '../types.js';
import { loadPlan } from '../validate/plan.js';
import { loadProgress } from '../validate/progress.js';
import type { FoundFile } from './discover.js';
import { locate } from './locate.js';
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

/**
 * Reads every file, tells plans from progress files by their `schema:` line, checks each, then
 * checks across files. All problems of all files are returned together, not only the first.
 */
export interface LoadOptions {
  /** The repository root: evidence paths are relative to it (or to the progress file's folder). */
  root?: string;
  strict?: boolean;
}

export function loadInputs(files: readonly FoundFile[], options: LoadOptions = {}): Inputs {
  const absOf = new Map(files.map((f) => [f.file, f.abs]));
  const evidenceExists = (path: string, progressFile: string) =>
    isAbsolute(path) ? existsSync(path)
      : (options.root !== undefined && existsSync(resolve(options.root, path))) || existsSync(resolve(dirname(absOf.get(progressFile) ?? '.'), path));
  const diagnostics: Diagnostic[] = [];
  const planSources: Source[] = [];
  const progressSources: Source[] = [];
  for (const f of files) {
    const { source, diagnostics: d } = readSource(f.abs, f.file);
    diagnostics.push(...d);
    if (!source) continue;
    const kind = kindOf(source);
    if (typeof kind !== 'string') diagnostics.push(kind);
    else if (kind === 'plan') planSources.push(source);
    else if (kind === 'progress') progressSources.push(source);
    // A cchc.config.yaml met while searching a folder is recognised and left to the config loader.
  }

  const plans = new Map<string, Plan>();
  const brokenPlans = new Set<string>();
  for (const source of planSources) {
    const { plan, diagnostics: d } = loadPlan(source);
    diagnostics.push(...d);
    const id = (source.data as { id?: unknown }).id;
    if (!plan) {
      if (typeof id === 'string') brokenPlans.add(id);
      continue;
    }
    const other = plans.get(plan.id);
    if (other) {
      const pos = locate(source, ['id']);
      diagnostics.push({ severity: 'error', code: 'duplicate-plan', args: { id: plan.id, other: other.file }, file: source.file, line: pos.line, column: pos.column });
      continue;
    }
    plans.set(plan.id, plan);
  }

  const reports: ProgressReport[] = [];
  const byUnitAndDate = new Map<string, ProgressReport>();
  for (const source of progressSources) {
    const { report, diagnostics: d } = loadProgress(source, plans, brokenPlans, { evidenceExists, strict: options.strict });
    diagnostics.push(...d);
    if (!report) continue;
    const key = `${report.plan}\u0000${report.unit}\u0000${report.asOf}`;
    const other = byUnitAndDate.get(key);
    if (other) {
      const pos = locate(source, ['asOf']);
      diagnostics.push({ severity: 'error', code: 'duplicate-report', args: { unit: report.unit, asOf: report.asOf, other: other.file }, file: source.file, line: pos.line, column: pos.column });
      continue;
    }
    byUnitAndDate.set(key, report);
    reports.push(report);
  }
  return {
    plans, reports, diagnostics,
    counts: { files: files.length, plans: planSources.length, reports: progressSources.length },
    files: files.map((f) => f.abs),
  };
}
