/**
 * Determinism: the reports of the bundled example are byte-identical whatever the machine's time
 * zone and locale, and whatever the order in which the input files are given or found on disk.
 * Every run spawns the built CLI (`bin/cchc.js`, so build first) with a fixed `--as-of`.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');
const AS_OF = ['--as-of', '2025-09-14'];
const PLAN = 'plans/quang-son-2025.yaml';
const FIXTURES = 'fixtures/quang-son-2025';
const PROGRESS = ['2025-H1', '2025-Q3'].flatMap((p) => readdirSync(join(root, FIXTURES, p)).sort().map((f) => `${FIXTURES}/${p}/${f}`));
const INPUTS = [PLAN, ...PROGRESS];

/** The formats the issue names, compared from stdout (`--format`). */
const FORMATS = ['json', 'markdown', 'csv', 'junit'] as const;
/** The same four written with `-o` (CSV with its BOM), and the HTML page and the workbook. */
const FILE_OUTPUTS = ['report.json', 'report.md', 'report.csv', 'report.xml', 'report.html', 'report.xlsx'] as const;
const TEXT_FILES = FILE_OUTPUTS.slice(0, 4);

interface Run {
  stdout: Buffer;
  stderr: string;
  code: number;
}

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC', LANG: 'C', LC_ALL: 'C', ...extra };
  delete env.FORCE_COLOR;
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, env: options.env ?? baseEnv(), encoding: 'buffer', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ stdout, stderr: stderr.toString('utf8'), code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

/** The example fails one criterion (3.1.1), so a run that worked exits 1 and prints no finding. */
function expectReport(r: Run): Buffer {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  expect(r.stdout.length).toBeGreaterThan(1000);
  return r.stdout;
}

let tmp: string;
const baseline = new Map<string, Buffer>();

/** One run writing every file output with `-o`; the table still goes to stdout. */
async function files(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(join(tmp, 'out-'));
  const r = await run(['check', ...AS_OF, ...FILE_OUTPUTS.flatMap((f) => ['-o', join(out, f)]), ...args], options);
  expect(r.code, r.stderr).toBe(1);
  return new Map(FILE_OUTPUTS.map((f) => [f, readFileSync(join(out, f))]));
}

function expectSameFiles(got: Map<string, Buffer>, names: readonly string[] = FILE_OUTPUTS): void {
  for (const f of names) expect(got.get(f)!.equals(baseline.get(f)!), `${f} differs`).toBe(true);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-determinism-'));
  const runs = await Promise.all(FORMATS.map((format) => run(['check', ...AS_OF, '--format', format])));
  runs.forEach((r, i) => baseline.set(FORMATS[i]!, expectReport(r)));
  for (const [f, bytes] of await files([])) baseline.set(f, bytes);
  // The files hold what stdout holds (the CSV file starts with a BOM for Excel).
  expect(baseline.get('report.json')!.equals(baseline.get('json')!)).toBe(true);
  expect(baseline.get('report.csv')!.toString('utf8')).toBe(`\uFEFF${baseline.get('csv')!.toString('utf8')}`);
}, 120_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const ZONES = ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const LOCALES = [
  { LANG: 'C', LC_ALL: 'C' },
  { LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' },
];
const SETTINGS = ZONES.flatMap((TZ) => LOCALES.map((locale) => ({ TZ, ...locale })));

describe.concurrent('time zone and locale', () => {
  it('the settings reach Node: each time zone has its own offset, vi_VN changes the default locale', async () => {
    const probe = (env: Record<string, string>) => new Promise<string>((done) => {
      execFile(process.execPath, ['-e', 'process.stdout.write(JSON.stringify([new Date("2025-09-14T12:00:00Z").getTimezoneOffset(), Intl.DateTimeFormat().resolvedOptions().locale]))'], { env: baseEnv(env) }, (_, stdout) => done(stdout));
    });
    const seen = await Promise.all(SETTINGS.map((s) => probe(s)));
    const offsets = new Set(seen.map((s) => (JSON.parse(s) as [number, string])[0]));
    const locales = new Set(seen.map((s) => (JSON.parse(s) as [number, string])[1]));
    expect([...offsets].sort((a, b) => a - b)).toEqual([-840, -420, 0, 420]);
    expect(locales.size).toBeGreaterThan(1);
  });

  it.each(SETTINGS)('TZ=$TZ LANG=$LANG LC_ALL=$LC_ALL: JSON, Markdown, CSV, JUnit (stdout and -o), HTML and XLSX are byte-identical', async (setting) => {
    const env = baseEnv(setting);
    const runs = await Promise.all(FORMATS.map((format) => run(['check', ...AS_OF, '--format', format], { env })));
    runs.forEach((r, i) => {
      const format = FORMATS[i]!;
      expect(expectReport(r).equals(baseline.get(format)!), `${format} differs`).toBe(true);
    });
    expectSameFiles(await files([], { env }));
  }, 60_000);

  it('"today" is the date in Viet Nam whatever TZ says (todayIn, on both sides of midnight there)', async () => {
    const script = `import('${join(root, 'dist/util/dates.js').replace(/\\/gu, '/')}').then(({ todayIn }) => process.stdout.write(JSON.stringify(['2025-09-13T16:59:59Z', '2025-09-13T17:00:00Z', '2025-12-31T16:59:59Z', '2025-12-31T17:00:00Z'].map((t) => todayIn(new Date(t))))))`;
    const answers = await Promise.all(ZONES.map((TZ) => new Promise<string>((done) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { env: baseEnv({ TZ }) }, (_, stdout) => done(stdout));
    })));
    for (const a of answers) expect(JSON.parse(a)).toEqual(['2025-09-13', '2025-09-14', '2025-12-31', '2026-01-01']);
  });
});

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Copies the inputs to `dir`, creating files (and their folders) in the order given. */
function copyInputs(dir: string, order: readonly string[], rename: (file: string) => string = (f) => f): void {
  for (const file of order) {
    const target = join(dir, rename(file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(root, file), target);
  }
}

/** Replaces each renamed path in an output by the original one, longest first. */
function unmap(text: string, names: Map<string, string>): string {
  let out = text;
  for (const [renamed, original] of [...names].sort((a, b) => b[0].length - a[0].length)) out = out.split(renamed).join(original);
  return out;
}

describe.concurrent('the order in which files are given or found', () => {
  it.each([
    ['every file, in order', INPUTS],
    ['every file, reversed', [...INPUTS].reverse()],
    ['every file, shuffled (seed 1)', shuffled(INPUTS, 1)],
    ['every file, shuffled (seed 2)', shuffled(INPUTS, 2)],
    ['folders after files', [...PROGRESS.slice(4), PLAN, `${FIXTURES}/2025-H1`]],
    ['the plan last, some files twice', [`${FIXTURES}/2025-Q3`, PROGRESS[1]!, `${FIXTURES}/2025-H1`, PROGRESS[6]!, './' + PLAN]],
  ])('%s: the same bytes in every format', async (_, args) => {
    expectSameFiles(await files(args));
  }, 60_000);

  it.each([
    ['created in order', INPUTS],
    ['created in reverse order', [...INPUTS].reverse()],
    ['created in a shuffled order (seed 3)', shuffled(INPUTS, 3)],
  ])('a copy of the example %s, found by searching the folder: the same bytes', async (_, order) => {
    const dir = mkdtempSync(join(tmp, 'order-'));
    copyInputs(dir, order);
    expectSameFiles(await files(['.'], { cwd: dir }));
  }, 60_000);

  it('another folder layout (flat, the plan sorted after the progress files): the same bytes once paths are mapped back', async () => {
    const dir = mkdtempSync(join(tmp, 'layout-'));
    // Names keep the progress files in the same order, so sources list them in the same order.
    const names = new Map(INPUTS.map((f) => [f === PLAN ? 'z/ke-hoach.yml' : `bao-cao/${f.split('/').slice(-2).join('-')}`, f]));
    const renamed = new Map([...names].map(([n, f]) => [f, n]));
    copyInputs(dir, shuffled(INPUTS, 4), (f) => renamed.get(f)!);
    const got = await files(['z', 'bao-cao'], { cwd: dir });
    for (const f of TEXT_FILES) {
      const text = got.get(f)!.toString('utf8');
      if (f !== 'report.md') expect(text).toContain('bao-cao/2025-Q3-kt.yaml'); // the Markdown table names no files
      expect(unmap(text, names), f).toBe(baseline.get(f)!.toString('utf8'));
    }
  }, 60_000);

  it('names that sort differently: the same report once paths are mapped back and sources sorted', async () => {
    const dir = mkdtempSync(join(tmp, 'renamed-'));
    // Reverse the order of the progress files' names: z… for the first, a… for the last.
    const names = new Map(INPUTS.map((f, i) => [f === PLAN ? 'a-plan.yaml' : `p/${String.fromCharCode(122 - i)}-${i}.yaml`, f]));
    const renamed = new Map([...names].map(([n, f]) => [f, n]));
    copyInputs(dir, INPUTS, (f) => renamed.get(f)!);
    const r = await run(['check', ...AS_OF, '--format', 'json', '.'], { cwd: dir });
    const normalise = (text: string) => {
      const report = JSON.parse(text) as { criteria: { sources: { file: string; line: number }[] }[] };
      for (const c of report.criteria) c.sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      return report;
    };
    expect(normalise(unmap(expectReport(r).toString('utf8'), names))).toEqual(normalise(baseline.get('json')!.toString('utf8')));
  }, 60_000);
});
