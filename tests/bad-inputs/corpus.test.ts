/**
 * The bad-input corpus: what officers' hand-edited files (Notepad, Word, Excel exports, phone
 * editors) and hostile files do to `cchc check`. Build first (`npx tsc -p .`): the real CLI runs.
 *
 * One folder per case, `tests/bad-inputs/<NN-name>/`:
 * - `case.json`: `{ "description", "args", "expect": { "exit": 2, "diagnostics": [...] } }`.
 *   `args` follow `bin/cchc.js`; the CLI runs in the repository root, and an argument starting
 *   with `./` is relative to the case folder (`./in` → `tests/bad-inputs/<case>/in`). Each expected
 *   diagnostic is `{ "code", "file", "line", "column" }` (plus `"severity": "warning"` for a
 *   warning), with `file` relative to the case folder and `line`/`column` 1-based as editors
 *   count, worked out by hand from the input (the first line of each broken text file is a
 *   comment saying what is wrong and where; generate.ts explains the positions of its files). `line` and `column` are null only for a path that has no lines (missing,
 *   a folder, a link loop). The list is exact: every diagnostic printed, none missing.
 * - `in/`: the inputs kept in git. Every case has `in/hop-le-kt.yaml`, a small valid progress file
 *   of Phòng Kinh tế (from the Q3 fixture), beside the broken file(s): one broken file must not
 *   hide everyone else's work (design.md), so its figures must still reach the report.
 * - `gen/`: inputs written by generate.ts before the run (ignored by git): the 30 MB file, binary,
 *   UTF-16, Latin-1 and Windows-1258 bytes, the alias bomb, 20,000 levels of nesting, symbolic
 *   links and a file without read permission. That last case is skipped when the tests run as
 *   root, which can read any file; the skip is printed.
 *
 * Each case runs through `runCheck`, the function behind `cchc check`, in this process, twice:
 * 1. as typed (Vietnamese, table): the exit code; stderr parsed line by line as
 *    `file:line:column: lỗi: message [code]`, then the closing line counting the errors; stdout
 *    still holds the status table;
 * 2. with `--lang en --format json`: the same diagnostics in English, and the JSON report holds
 *    criterion 6.1.1 with the valid file's figures and that file as its source.
 * A good share of the cases — every generated one (the hostile inputs: a crash there must not
 * hide inside the test process) and every third of the others — also runs as the built CLI,
 * `node bin/cchc.js <args>`, a few processes at a time; its stdout and stderr must be exactly
 * those of run 1. (Spawning all of them costs a node start-up each, about a second on a small
 * CI machine.) No output may hold a stack trace or the repository's absolute path, no message
 * may show "undefined", "NaN" or "[object Object]", and after the `__proto__` cases
 * `({}).polluted` is still undefined.
 *
 * Limits (src/load/read-source.ts): 5 MB per file, 64 levels of nesting, yaml's maxAliasCount of
 * 100; `__proto__`, `constructor` and `prototype` keys, type tags (`!x`), `.nan`/`.inf` and numbers
 * beyond 2^53 are refused with the file and position, before any data is built.
 *
 * Dates: `dd/MM/yyyy` is the only slash form, so an ambiguous date such as 09/08/2025 is 9 August
 * without any error (case ambiguous-dates); a month/day date is caught only when it cannot be a
 * day/month one (08/20/2025).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runCheck, type CheckOptions } from '../../src/commands/check.js';
import { InvalidInputError, UsageError } from '../../src/errors.js';
import { MAX_ALIAS_COUNT, readSource } from '../../src/load/read-source.js';
import { MESSAGE_CODES, formatMessage } from '../../src/messages.js';
import type { Report } from '../../src/types.js';
import { GENERATED, generateAll } from './generate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, 'tests/bad-inputs');
const cli = join(root, 'bin/cchc.js');
const cases = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d{2}-/u.test(d.name)).map((d) => d.name).sort();

/** The valid file of every case and what it must contribute to the report. */
const VALID = { file: 'in/hop-le-kt.yaml', criterion: '6.1.1', value: 7_850_000_000 };
/** Codes that name a path without lines: missing, a folder, a link loop, unreadable. */
const WITHOUT_POSITION = new Set(['path-missing', 'no-yaml-files', 'file-unreadable', 'path-is-directory', 'not-a-file']);
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/mu;
const DIAGNOSTIC = /^(?<file>[^\s:]+)(?::(?<line>\d+):(?<column>\d+))?: (?<severity>lỗi|cảnh báo|error|warning): (?<message>.+) \[(?<code>[a-z0-9-]+)\]$/u;
const SUMMARY = { vi: /^Dữ liệu đầu vào có lỗi: (\d+) lỗi\. Bảng trên chỉ tính các tệp hợp lệ/u, en: /^Invalid input: (\d+) error\(s\)\. The table above counts only the valid files/u };

interface Expected { code: string; file: string; line: number | null; column: number | null; severity?: 'error' | 'warning' }
interface Case { description: string; args: string[]; expect: { exit: number; diagnostics: Expected[] } }
interface Run { stdout: string; stderr: string; code: number }
interface Found { code: string; file: string; line: number | null; column: number | null; severity: 'error' | 'warning'; message: string }

function readCase(name: string): Case {
  return JSON.parse(readFileSync(join(corpus, name, 'case.json'), 'utf8')) as Case;
}

/** `./in` → `tests/bad-inputs/<case>/in`, relative with `/`, as the CLI prints it. */
function caseArgs(name: string, args: string[]): string[] {
  return args.map((a) => (a.startsWith('./') ? `tests/bad-inputs/${name}/${a.slice(2)}` : a));
}

/** At most `limit` CLI processes at once: each is mostly node start-up. */
function pool(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function spawnCli(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

/** The few options the cases use, as the CLI would parse them. */
function checkOptions(args: string[], lang: 'vi' | 'en'): CheckOptions {
  const [command, ...rest] = args;
  if (command !== 'check') throw new Error(`only "check" cases run in-process, not ${command}`);
  const options: CheckOptions = { paths: [], ...(lang === 'en' ? { lang, format: 'json' as const } : {}) };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--as-of') options.asOf = rest[++i];
    else if (arg === '--plan') options.plan = rest[++i];
    else if (arg.startsWith('-')) throw new Error(`option ${arg} is not understood by the in-process run`);
    else options.paths.push(arg);
  }
  return options;
}

/** `cchc check …` (with `--lang en --format json` for English) in this process, exit code as bin/cchc.js maps it. */
async function runInProcess(args: string[], lang: 'vi' | 'en'): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await runCheck(checkOptions(args, lang), {
      cwd: root, now: new Date('2025-09-14T03:00:00Z'), chalk: new Chalk({ level: 0 }), width: 120, env: {}, stdoutIsTTY: false,
      out: (data) => out.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8')),
      err: (text) => err.push(`${text}\n`),
    });
  } catch (error) {
    if (error instanceof InvalidInputError) code = 2;
    else if (error instanceof UsageError) {
      err.push(`cchc: ${formatMessage(error, lang)}\n`);
      code = 2;
    } else throw error;
  }
  return { stdout: out.join(''), stderr: err.join(''), code };
}

/** Every stderr line is a diagnostic, except the closing line that counts the errors. */
function parseStderr(stderr: string, lang: 'vi' | 'en'): { found: Found[]; summary: string | undefined; stray: string[] } {
  const found: Found[] = [];
  const stray: string[] = [];
  let summary: string | undefined;
  for (const line of stderr.split('\n').filter((l) => l !== '')) {
    const m = DIAGNOSTIC.exec(line);
    if (m?.groups) {
      const g = m.groups;
      found.push({
        code: g.code!, file: g.file!, line: g.line ? Number(g.line) : null, column: g.column ? Number(g.column) : null,
        severity: g.severity === 'lỗi' || g.severity === 'error' ? 'error' : 'warning', message: g.message!,
      });
    } else if (SUMMARY[lang].test(line)) summary = line;
    else stray.push(line);
  }
  return { found, summary, stray };
}

function comparable(name: string, d: Expected | Found): string {
  const file = 'message' in d ? d.file : `tests/bad-inputs/${name}/${d.file}`;
  return `${file}:${d.line ?? '-'}:${d.column ?? '-'} ${d.severity ?? 'error'} ${d.code}`;
}

/** What every run must show, in either language. */
function checkRun(name: string, run: Run, expected: Case['expect'], lang: 'vi' | 'en'): Found[] {
  for (const text of [run.stdout, run.stderr]) {
    expect(text, 'a stack trace').not.toMatch(STACK_LINE);
    expect(text, 'the absolute path of the repository').not.toContain(root);
  }
  expect(run.code, `exit code; stderr:\n${run.stderr}`).toBe(expected.exit);
  const { found, summary, stray } = parseStderr(run.stderr, lang);
  expect(stray, 'stderr lines that are neither a diagnostic nor the closing line').toEqual([]);
  expect(found.map((d) => comparable(name, d)).sort()).toEqual(expected.diagnostics.map((d) => comparable(name, d)).sort());
  for (const d of found) {
    expect(d.message, d.code).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/u);
    if (d.line === null) expect(WITHOUT_POSITION, `${d.code} names no line:column`).toContain(d.code);
  }
  const errors = found.filter((d) => d.severity === 'error').length;
  expect(summary, 'the closing line says the table leaves the broken files out').toBeDefined();
  expect(Number(SUMMARY[lang].exec(summary!)![1])).toBe(errors);
  return found;
}

/** Cases also run as the built CLI: the generated (hostile) ones and every third of the others. */
const spawned = new Set(cases.filter((name, i) => name.replace(/^\d+-/u, '') in GENERATED || i % 3 === 0));
const cliRuns = new Map<string, Promise<Run>>();
let skipped = new Map<string, string>();

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npx tsc -p .` first');
  skipped = generateAll(corpus, cases);
  for (const [name, reason] of skipped) console.info(`bad-inputs: ${name} skipped: ${reason}`);
  const limited = pool(Math.max(2, availableParallelism()));
  for (const name of spawned) {
    if (!skipped.has(name)) cliRuns.set(name, limited(() => spawnCli(caseArgs(name, readCase(name).args))));
  }
});

describe('bad-input corpus', () => {
  it('has at least 60 cases, each with a valid file beside the broken one and known codes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const name of cases) {
      const c = readCase(name);
      expect(existsSync(join(corpus, name, VALID.file)), `${name}: ${VALID.file}`).toBe(true);
      expect(c.args, name).toContain('./in');
      expect(c.expect.exit, name).toBe(2);
      expect(c.expect.diagnostics.length, `${name} expects no diagnostic`).toBeGreaterThan(0);
      for (const d of c.expect.diagnostics) expect(MESSAGE_CODES, `${name}: unknown code`).toContain(d.code);
    }
  });

  for (const name of cases) {
    it(name, { timeout: 120_000 }, async (context) => {
      if (skipped.has(name)) {
        context.skip(skipped.get(name));
        return;
      }
      const c = readCase(name);

      // 1. As typed, in Vietnamese: the table of the valid files is still printed.
      const run = await runInProcess(caseArgs(name, c.args), 'vi');
      checkRun(name, run, c.expect, 'vi');
      expect(run.stdout).toContain('Tổng 43 tiêu chí');
      expect(run.stdout).toContain(VALID.criterion);

      // The built CLI, for a share of the cases, prints exactly the same.
      const cliRun = cliRuns.get(name);
      if (cliRun) {
        const { stdout, stderr, code } = await cliRun;
        expect({ code, stderr, stdout }).toEqual({ code: run.code, stderr: run.stderr, stdout: run.stdout });
      }

      // 2. In English, as JSON: the valid file's figures are used.
      const jsonRun = await runInProcess(caseArgs(name, c.args), 'en');
      checkRun(name, jsonRun, c.expect, 'en');
      const report = JSON.parse(jsonRun.stdout) as Report;
      const criterion = report.criteria.find((x) => x.id === VALID.criterion);
      expect(criterion?.sources.map((s) => s.file)).toContain(`tests/bad-inputs/${name}/${VALID.file}`);
      expect(criterion?.measures[0]?.value).toBe(VALID.value);
      expect(report.diagnostics.map((d) => d.code).sort()).toEqual(c.expect.diagnostics.map((d) => d.code).sort());

      // Keys such as __proto__ never reach an object as a prototype setter.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }
});

describe('what the corpus relies on', () => {
  it('yaml makes "__proto__" an own property, and cchc refuses the key before building any data', () => {
    const text = readFileSync(join(corpus, '72-proto-key/in/ttphcc.yaml'), 'utf8');
    // yaml alone would be safe: an own property, the prototype untouched ...
    const data = parseDocument(text).toJS() as { criteria: Record<string, object> };
    expect(Object.getOwnPropertyNames(data.criteria['3.2.1'])).toContain('__proto__');
    expect(Object.getPrototypeOf(data.criteria['3.2.1'])).toBe(Object.prototype);
    // ... but `copy[key] = value` in cchc's own code would then set a prototype: no data is returned.
    const read = readSource(join(corpus, '72-proto-key/in/ttphcc.yaml'), 'ttphcc.yaml');
    expect(read.source).toBeUndefined();
    expect(read.diagnostics.map((d) => d.code)).toEqual(['reserved-key', 'reserved-key']);
  });

  it('reports the very alias at which yaml\'s maxAliasCount gives up', () => {
    // The bomb of generate.ts up to its first "*c": without it, yaml still reads the file.
    const bomb = ['a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    const before = bomb.join('\n');
    const at = [...bomb, 'd: &d [*c]'].join('\n');
    expect(() => parseDocument(before).toJS({ maxAliasCount: MAX_ALIAS_COUNT })).not.toThrow();
    expect(() => parseDocument(at).toJS({ maxAliasCount: MAX_ALIAS_COUNT })).toThrow(ReferenceError);
    const dir = mkdtempSync(join(tmpdir(), 'cchc-alias-'));
    try {
      writeFileSync(join(dir, 'before.yaml'), before);
      writeFileSync(join(dir, 'at.yaml'), at);
      expect(readSource(join(dir, 'before.yaml'), 'before.yaml').diagnostics).toEqual([]);
      // "d: &d [" is 7 characters: the alias is line 4, column 8.
      expect(readSource(join(dir, 'at.yaml'), 'at.yaml').diagnostics).toMatchObject([{ code: 'yaml-alias-limit', line: 4, column: 8, args: { alias: 'c' } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
