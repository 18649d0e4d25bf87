import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MeetingReport } from '../format/format-options.js';
import type { Diagnostic, FailOn, Lang } from '../types.js';
import { parseDate } from '../util/dates.js';
import { checkSchema } from '../validate/schema-check.js';
import { displayPath } from './discover.js';
import { locate } from './locate.js';
import { readSource } from './read-source.js';

export const CONFIG_NAME = 'cchc.config.yaml';

/** cchc.config.yaml, with its paths made absolute against the folder that holds it. */
export interface Config {
  file: string;
  abs: string;
  plans: string[];
  progress: string[];
  asOf?: string;
  lang?: Lang;
  failOn?: FailOn;
  dueSoonDays?: number;
  timezone?: string;
  /** Default report files (absolute), written as with -o. */
  outputs: string[];
  /** The Word report's issuer, signer and recipients (`report:`). */
  report?: MeetingReport;
}

/** The nearest cchc.config.yaml in `cwd` or a parent folder. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(abs: string, cwd: string): { config?: Config; diagnostics: Diagnostic[] } {
  const file = displayPath(abs, cwd);
  const { source, diagnostics } = readSource(abs, file);
  if (!source) return { diagnostics };
  const schemaDiagnostics = checkSchema(source, 'config');
  if (schemaDiagnostics.length > 0) return { diagnostics: schemaDiagnostics };
  const raw = source.data as {
    plan?: string | string[]; plans?: string | string[]; progress?: string | string[]; asOf?: string; lang?: Lang; failOn?: FailOn; dueSoonDays?: number;
    timezone?: string; outputs?: string | string[]; report?: MeetingReport;
  };
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((p) => resolve(dirname(abs), p));
  let asOf: string | undefined;
  if (raw.asOf !== undefined) {
    const parsed = parseDate(raw.asOf);
    if ('problem' in parsed) {
      const pos = locate(source, ['asOf']);
      return { diagnostics: [{ severity: 'error', code: 'impossible-date', args: { value: raw.asOf }, file, line: pos.line, column: pos.column }] };
    }
    asOf = parsed.date;
  }
  if (raw.timezone !== undefined && !isTimeZone(raw.timezone)) {
    const pos = locate(source, ['timezone']);
    return { diagnostics: [{ severity: 'error', code: 'bad-timezone', args: { value: raw.timezone }, file, line: pos.line, column: pos.column }] };
  }
  return {
    config: {
      file, abs, plans: [...list(raw.plan), ...list(raw.plans)], progress: list(raw.progress), asOf, lang: raw.lang, failOn: raw.failOn,
      dueSoonDays: raw.dueSoonDays, timezone: raw.timezone, outputs: list(raw.outputs), ...(raw.report ? { report: raw.report } : {}),
    },
    diagnostics: [],
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
