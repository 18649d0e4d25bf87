/**
 * The in-process core of the fuzz tests: write a set of input files into a temporary folder, run
 * them through the stages `cchc check` runs (gather = discover + loadInputs, then evaluate), and
 * say what came out — the reports, or the diagnostics — plus every way the outcome breaks the
 * contract (`problems`). Nothing here knows about fast-check: fuzz.test.ts generates the files.
 *
 * One folder is reused for a whole run and only the files that changed are rewritten: writing
 * nine files per case would cost more than checking them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Chalk } from 'chalk';
import { runCheck, type CheckContext } from '../../src/commands/check.js';
import { gather } from '../../src/commands/gather.js';
import { sortDiagnostics, toReportDiagnostic } from '../../src/commands/output.js';
import { InvalidInputError, UsageError } from '../../src/errors.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { formatMany } from '../../src/format/combine.js';
import { formatJson } from '../../src/format/json.js';
import type { FormatName } from '../../src/choices.js';
import { findConfig } from '../../src/load/config.js';
import { formatMessage } from '../../src/messages.js';
import type { Diagnostic, Lang, Report } from '../../src/types.js';
import { STATUSES } from '../../src/types.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Input files by path relative to the case folder (always with `/`). */
export type Files = Record<string, string | Uint8Array>;

const PLAN = 'plans/quang-son-2025.yaml';
const PROGRESS = ['2025-H1', '2025-Q3'].flatMap((p) => ['ttphcc', 'vp', 'kt', 'vhxh'].map((u) => `fixtures/quang-son-2025/${p}/${u}.yaml`));

/** The bundled example, as bytes: the valid inputs every mutation starts from. */
export const FIXTURES: Readonly<Record<string, Uint8Array>> = Object.fromEntries(
  [PLAN, ...PROGRESS].map((f) => [f, new Uint8Array(readFileSync(join(root, f)))]),
);
export const FIXTURE_NAMES = Object.keys(FIXTURES);

const reportSchema = JSON.parse(readFileSync(join(root, 'schemas/report.schema.json'), 'utf8'));
export const validateReport = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(reportSchema);

/** The text formats made for every case; xlsx is left out: it is slow and repackages the same data. */
const TEXT_FORMATS: FormatName[] = ['json', 'markdown', 'csv', 'html', 'junit', 'github'];
/** Codes that name a file or folder that is missing or unreadable: they cannot carry a position. */
const WITHOUT_POSITION = new Set(['file-unreadable', 'path-missing', 'no-yaml-files']);

/** A temporary folder reused case after case. */
export class Workspace {
  readonly dir: string;
  private written = new Map<string, Buffer>();

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'cchc-fuzz-'));
    // A cchc.config.yaml above the temporary folder would change what is loaded.
    if (findConfig(this.dir)) throw new Error(`a cchc.config.yaml above ${this.dir} would leak into the fuzz runs`);
  }

  /** Makes the folder hold exactly `files`, rewriting only what changed. */
  write(files: Files): void {
    for (const name of this.written.keys()) {
      if (!(name in files)) {
        rmSync(join(this.dir, name), { force: true });
        this.written.delete(name);
      }
    }
    for (const [name, content] of Object.entries(files)) {
      const bytes = Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      const before = this.written.get(name);
      if (before && before.equals(bytes)) continue;
      const abs = join(this.dir, name);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, bytes);
      this.written.set(name, bytes);
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface CaseOptions {
  asOf: string;
  lang: Lang;
  dueSoonDays?: number;
  /** Also make the terminal table: the slowest format (cli-table3 measures every cell). */
  table?: boolean;
}

export interface Outcome {
  /** One per loaded plan, as `cchc check` would print them; absent when no plan loaded. */
  reports?: Report[];
  diagnostics: Diagnostic[];
  /** Anything thrown, i.e. a crash: `cchc check` would print "this is a bug in cchc". */
  threw?: unknown;
  /** CPU time of the case (user + system): unlike the time on the clock, other jobs do not inflate it. */
  ms: number;
  /** Every broken promise of the contract, in words; empty when the case is fine. */
  problems: string[];
}

/**
 * Loads and evaluates `files` as `cchc check .` does in the case folder, and checks the outcome:
 * no exception; every diagnostic names a file, with `line:column` inside it when the file has
 * content; with no error, reports that validate against report.schema.json and format in every
 * text format; paths relative, with `/`.
 */
export async function checkFiles(ws: Workspace, files: Files, options: CaseOptions): Promise<Outcome> {
  ws.write(files);
  const started = process.cpuUsage();
  let reports: Report[] | undefined;
  let diagnostics: Diagnostic[] = [];
  let threw: unknown;
  const formatted: string[] = [];
  const { warnings } = await collectWarnings(async () => {
    try {
      const inputs = gather({ paths: ['.'], cwd: ws.dir }, undefined);
      diagnostics = sortDiagnostics(inputs.diagnostics);
      // The messages are made here too: a message table that cannot word a finding is a crash.
      const reportDiagnostics = diagnostics.map((d) => toReportDiagnostic(d, options.lang));
      if (inputs.plans.size === 0) return;
      const plans = [...inputs.plans.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      reports = plans.map((plan) => {
        const report = evaluate(plan, inputs.reports, { asOf: options.asOf, dueSoonDays: options.dueSoonDays ?? 30 });
        report.diagnostics = reportDiagnostics;
        return report;
      });
      const formatOptions = { lang: options.lang, chalk: new Chalk({ level: 0 }), width: 120 };
      for (const format of options.table ? [...TEXT_FORMATS, 'table' as const] : TEXT_FORMATS) {
        // One file per plan for html; the others combine several plans as the CLI does.
        const groups = format === 'html' ? reports.map((r) => [r]) : [reports];
        for (const group of groups) formatted.push(String(await formatMany(format, group, formatOptions)));
      }
    } catch (error) {
      threw = error;
    }
  });
  const ms = cpuMs(started);
  const outcome: Outcome = { ...(reports ? { reports } : {}), diagnostics, ms, problems: warnings.map((w) => `emitted a Node warning: ${w}`) };
  if (threw !== undefined) {
    outcome.threw = threw;
    outcome.problems.push(`threw: ${describeError(threw)}`);
    return outcome;
  }
  checkDiagnostics(ws, files, diagnostics, options.lang, outcome.problems);
  if (reports) checkReports(ws, files, reports, formatted, outcome.problems);
  return outcome;
}

function checkDiagnostics(ws: Workspace, files: Files, diagnostics: Diagnostic[], lang: Lang, problems: string[]): void {
  for (const d of diagnostics) {
    const at = `${d.code} at ${d.file}:${d.line}:${d.column}`;
    if (typeof d.file !== 'string' || d.file === '') {
      problems.push(`${at}: no file`);
      continue;
    }
    if (d.file.includes('\\') || d.file.startsWith('/') || d.file.includes(ws.dir)) problems.push(`${at}: file is not relative with "/"`);
    if (!(d.file in files) && d.file !== '.') problems.push(`${at}: names a file that was not given`);
    const message = formatMessage(d, lang);
    if (/\bundefined\b|\[object Object\]/u.test(message)) problems.push(`${at}: message shows a missing value: ${message}`);
    const content = files[d.file];
    if (content === undefined || byteLength(content) === 0 || WITHOUT_POSITION.has(d.code)) continue;
    if (!isPositive(d.line) || !isPositive(d.column)) {
      problems.push(`${at}: no line:column in a file that has content`);
      continue;
    }
    // Positions count in the text as read: BOM removed, NFC. A position may sit just past the end.
    const lines = decodeAsRead(content)?.split('\n');
    if (lines && d.line! > lines.length + 1) problems.push(`${at}: line past the end of the file (${lines.length} lines)`);
    else if (lines && d.line! <= lines.length && d.column! > lines[d.line! - 1]!.length + 1) {
      problems.push(`${at}: column past the end of line ${d.line} (${lines[d.line! - 1]!.length} characters)`);
    }
  }
}

function checkReports(ws: Workspace, files: Files, reports: Report[], formatted: string[], problems: string[]): void {
  for (const report of reports) {
    const json = JSON.parse(formatJson(report)) as unknown;
    if (!validateReport(json)) {
      problems.push(`report ${report.plan.id} does not validate against report.schema.json: ${JSON.stringify(validateReport.errors?.slice(0, 3))}`);
    }
    const counted = STATUSES.reduce((n, s) => n + report.summary[s], 0);
    if (report.summary.total !== report.criteria.length || counted !== report.summary.total) {
      problems.push(`report ${report.plan.id}: summary does not add up (${JSON.stringify(report.summary)}, ${report.criteria.length} criteria)`);
    }
    for (const c of report.criteria) {
      for (const s of c.sources) {
        if (!(s.file in files)) problems.push(`criterion ${c.id}: source ${s.file} is not an input file`);
        if (!isPositive(s.line)) problems.push(`criterion ${c.id}: source ${s.file} has line ${s.line}`);
      }
    }
  }
  for (const text of formatted) {
    if (text.includes(ws.dir)) problems.push('an output holds the absolute path of the working folder');
  }
}

/** The text as the loader sees it, or undefined when it is not UTF-8. */
function decodeAsRead(content: string | Uint8Array): string | undefined {
  if (typeof content === 'string') return content.replace(/^\uFEFF/u, '').normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/u, '').normalize('NFC');
  } catch {
    return undefined;
  }
}

/**
 * Collects the Node warnings (`process.emitWarning`) raised while `body` runs: the CLI would print
 * them to stderr as "(node:1234) Warning: …", outside cchc's own `file:line:column` messages.
 */
async function collectWarnings<T>(body: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const listener = (w: Error) => warnings.push(w.message);
  process.on('warning', listener);
  try {
    const result = await body();
    await new Promise((done) => setImmediate(done)); // warnings are emitted on the next tick
    return { result, warnings };
  } finally {
    process.off('warning', listener);
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const byteLength = (content: string | Uint8Array) => (typeof content === 'string' ? Buffer.byteLength(content) : content.length);
const isPositive = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1;

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(error);
}

export interface CliOutcome {
  /** 0 or 1 as returned, 2 for an input or usage error (as main() maps them). */
  exit: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  usageCode?: string;
  threw?: unknown;
  ms: number;
  problems: string[];
}

/**
 * Runs the real `runCheck` (what `cchc check . --format json` calls) in the case folder, and
 * checks what a user or CI job relies on: only the two known error classes are thrown, an input
 * with an error never exits 0 or 1, and whatever JSON is printed validates against the schema.
 */
export async function checkCli(ws: Workspace, files: Files, options: CaseOptions & { unit?: string; area?: string }): Promise<CliOutcome> {
  ws.write(files);
  let stdout = '';
  const errLines: string[] = [];
  const ctx: CheckContext = {
    cwd: ws.dir, now: new Date('2025-09-14T03:00:00Z'), chalk: new Chalk({ level: 0 }), width: 120, env: {}, stdoutIsTTY: false,
    out: (data) => { stdout += typeof data === 'string' ? data : Buffer.from(data).toString('utf8'); },
    err: (text) => { errLines.push(text); },
  };
  const started = process.cpuUsage();
  let exit: 0 | 1 | 2 = 2;
  let threw: unknown;
  let usageCode: string | undefined;
  const { warnings } = await collectWarnings(async () => {
    try {
      exit = await runCheck({ paths: ['.'], asOf: options.asOf, lang: options.lang, format: 'json', unit: options.unit, area: options.area }, ctx);
    } catch (error) {
      exit = 2;
      if (error instanceof UsageError) {
        usageCode = error.code;
        errLines.push(formatMessage(error, options.lang));
      } else if (!(error instanceof InvalidInputError)) threw = error;
    }
  });
  const ms = cpuMs(started);
  const stderr = errLines.join('\n');
  const out: CliOutcome = { exit, stdout, stderr, ...(usageCode ? { usageCode } : {}), ms, problems: warnings.map((w) => `emitted a Node warning: ${w}`) };
  if (threw !== undefined) {
    out.threw = threw;
    out.problems.push(`threw: ${describeError(threw)}`);
    return out;
  }
  const errorLines = errLines.filter((l) => /: (lỗi|error): /u.test(l));
  if (exit !== 2 && errorLines.length > 0) out.problems.push(`exit ${exit} although errors were printed:\n${errorLines.slice(0, 3).join('\n')}`);
  if (stdout !== '') {
    let json: unknown;
    try {
      json = JSON.parse(stdout);
    } catch {
      out.problems.push(`stdout is not JSON: ${stdout.slice(0, 200)}`);
    }
    // Several plans print a report set: each of its reports is a Report.
    const set = json as { schema?: unknown; reports?: unknown[] } | undefined;
    const printed = set?.schema === 'cchc/report-set@1' && Array.isArray(set.reports) ? set.reports : json === undefined ? [] : [json];
    for (const report of printed) {
      if (!validateReport(report)) out.problems.push(`stdout does not validate against report.schema.json: ${JSON.stringify(validateReport.errors?.slice(0, 3))}`);
    }
  } else if (exit !== 2) out.problems.push(`exit ${exit} with nothing on stdout`);
  for (const line of errLines) {
    if (!/\bundefined\b|\[object Object\]/u.test(line)) continue;
    // `file:line:col: lỗi: message [code]`: named as checkDiagnostics names it.
    const m = /^(.*?): (?:lỗi|error|cảnh báo|warning): (.*) \[([a-z0-9-]+)\]$/su.exec(line);
    out.problems.push(m ? `${m[3]} at ${m[1]}: message shows a missing value: ${m[2]}` : `stderr shows a missing value: ${line}`);
  }
  if (stdout.includes(ws.dir) || stderr.includes(ws.dir)) out.problems.push('output holds the absolute path of the working folder');
  return out;
}
