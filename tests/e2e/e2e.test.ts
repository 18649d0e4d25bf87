/**
 * End-to-end golden tests: spawn the built CLI (`bin/cchc.js`, so run `npx tsc -p .` first) once
 * per folder in tests/e2e/cases/ and compare what it prints with the files kept there.
 *
 * A case folder holds:
 * - `args.json`: the arguments after `bin/cchc.js`, as a JSON array of strings. The CLI runs with
 *   the repository root as its working folder, so a plain path (`plans/quang-son-2025.yaml`) is
 *   relative to the repository root. An argument that starts with `./` is relative to the case
 *   folder: `./in` becomes `tests/e2e/cases/<case>/in` (still relative, with `/`), which is also
 *   how the CLI prints it.
 * - `env.json` (optional): extra environment variables, e.g. `{ "COLUMNS": "80" }`.
 * - input files (usually under `in/`): small progress files that point at the real plan.
 * - `expected-stdout.txt`, `expected-stderr.txt`: golden output, checked with vitest's
 *   `toMatchFileSnapshot`; `npx vitest run tests/e2e -u` rewrites them — read every change.
 * - `expected-exit.txt`: the exit code, written by hand; `-u` never changes it.
 *
 * Every run gets NO_COLOR=1, COLUMNS=120, TZ=UTC and no FORCE_COLOR, and every case that evaluates
 * passes a fixed `--as-of` (even where cchc.config.yaml pins `asOf:`, which a user may remove), so
 * the output does not depend on the day, the machine or the terminal. Rather than replacing the working
 * folder in the output, the test asserts it never appears there (paths must be relative, with `/`),
 * and that no stack trace does.
 *
 * tests/e2e/.gitattributes keeps git from changing line endings in the case folders; inputs that
 * git or an editor could not be trusted with (the Latin-1 file) are written by `generated` below.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const casesDir = join(root, 'tests/e2e/cases');
const cli = join(root, 'bin/cchc.js');
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function caseArgs(name: string): string[] {
  const args = JSON.parse(readFileSync(join(casesDir, name, 'args.json'), 'utf8')) as unknown;
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new Error(`${name}/args.json: expected an array of strings`);
  return args.map((a: string) => (a.startsWith('./') ? `tests/e2e/cases/${name}/${a.slice(2)}` : a));
}

function caseEnv(name: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  const file = join(casesDir, name, 'env.json');
  if (existsSync(file)) Object.assign(env, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
  return env;
}

const runs = new Map<string, Promise<Run>>();

/** Runs a case once; the golden test and the bug checks below share the result. */
function run(name: string): Promise<Run> {
  let result = runs.get(name);
  if (!result) {
    result = spawnCli(name);
    runs.set(name, result);
  }
  return result;
}

function spawnCli(name: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...caseArgs(name)], { cwd: root, env: { ...caseEnv(name), ...extraEnv }, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ stdout, stderr, code });
    });
  });
}

/**
 * Inputs that cannot be kept as ordinary text in the repository (an editor or git could "fix"
 * them) are written before the runs. The folders are listed in tests/e2e/cases/.gitignore.
 */
const generated: Record<string, () => void> = {
  'not-utf8': () => {
    const dir = join(casesDir, 'not-utf8/in');
    mkdirSync(dir, { recursive: true });
    // Saved by an editor as ISO-8859-1 instead of UTF-8: "Quý" becomes the single byte 0xFD (line 6).
    const text = [
      '# Loi co y: tep luu bang ISO-8859-1, khong phai UTF-8.',
      'schema: cchc/progress@1',
      'plan: quang-son-2025',
      'planRevision: 1',
      'unit: ttphcc',
      'period: Quý III/2025',
      'asOf: 2025-09-14',
      'criteria:',
      '  "3.2.1":',
      '    on_time: { value: 1243, total: 1250 }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'ttphcc.yaml'), Buffer.from(text, 'latin1'));
  },
};

/** Where each broken input must be reported: `file:line:column` and the code, worked out by hand. */
const located: Record<string, string[]> = {
  'unknown-criterion': ['in/ttphcc.yaml:9:3: lỗi: ', '[unknown-criterion]', 'Có phải ý bạn là “3.2.1”?'],
  'unknown-measure': ['in/ttphcc.yaml:10:5: lỗi: ', '[unknown-measure]', 'Có phải ý bạn là “on_time”?'],
  'value-exceeds-total': ['in/ttphcc.yaml:10:23: lỗi: ', '[value-exceeds-total]'],
  'negative-number': ['in/vhxh.yaml:10:26: lỗi: ', '[too-small]'],
  'done-without-date': ['in/ttphcc.yaml:10:13: lỗi: ', '[done-needs-date]'],
  'not-responsible': ['in/kt.yaml:9:3: lỗi: ', '[not-responsible]'],
  'duplicate-report': ['in/ttphcc.yaml:7:7: lỗi: ', '[duplicate-report]', 'tests/e2e/cases/duplicate-report/in/ttphcc-ban-sua.yaml'],
  'plan-revision-newer': ['in/ttphcc.yaml:4:15: lỗi: ', '[plan-revision-newer]'],
  'unknown-plan': ['in/ttphcc.yaml:3:7: lỗi: ', '[unknown-plan]', 'Có phải ý bạn là “quang-son-2025”?'],
  'yaml-tab': ['in/ttphcc.yaml:10:1: lỗi: ', '[yaml-syntax]'],
  'yaml-duplicate-key': ['in/ttphcc.yaml:11:3: lỗi: ', '[yaml-duplicate-key]'],
  'impossible-date': ['in/ttphcc.yaml:7:7: lỗi: ', '[impossible-date]'],
  'misspelt-field': ['in/ttphcc.yaml:8:1: lỗi: ', '[unknown-field]', 'Có phải ý bạn là “criteria”?'],
  'unit-is-group': ['in/ccm.yaml:5:7: lỗi: ', '[unit-is-group]'],
  'criterion-is-heading': ['in/ttphcc.yaml:9:3: lỗi: ', '[criterion-is-heading]'],
  'not-utf8': ['in/ttphcc.yaml:6:1: lỗi: ', '[file-not-utf8]'],
  'empty-file': ['in/vp.yaml:1:1: lỗi: ', '[file-empty]'],
  'missing-path': ['tests/e2e/cases/missing-path/bao-cao-quy-3: lỗi: ', '[path-missing]'],
  'lang-en-error': ['in/ttphcc.yaml:10:5: error: ', '[unknown-measure]', 'Did you mean “on_time”?'],
};

/** Criterion ids of the bundled plan in file order, read straight from the YAML (not through src/). */
function planOrder(): string[] {
  interface Node { id: string; criteria?: Node[] }
  const plan = parse(readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8')) as { areas: { criteria: Node[] }[] };
  const ids: string[] = [];
  const visit = (n: Node) => (n.criteria ? n.criteria.forEach(visit) : ids.push(n.id));
  plan.areas.forEach((a) => a.criteria.forEach(visit));
  return ids;
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/mu;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npx tsc -p .` first');
  for (const make of Object.values(generated)) make();
});

describe.concurrent('cchc end to end', () => {
  it('has the cases this suite promises', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of Object.keys(located)) expect(cases).toContain(name);
  });

  it('prints byte-identical JSON whatever the machine time zone', { timeout: 60_000 }, async ({ expect }) => {
    const golden = readFileSync(join(casesDir, 'json/expected-stdout.txt'), 'utf8');
    for (const TZ of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      const { stdout, code } = await spawnCli('json', { TZ });
      expect(stdout, TZ).toBe(golden);
      expect(code).toBe(1);
    }
  });

  for (const name of cases) {
    it(name, { timeout: 60_000 }, async ({ expect }) => {
      const result = await run(name);
      const dir = join(casesDir, name);

      // Nothing a person reads may carry a stack trace or this machine's folders.
      for (const text of [result.stdout, result.stderr]) {
        expect(text).not.toMatch(STACK_LINE);
        expect(text).not.toContain(root);
        expect(text).not.toMatch(/\\(?!["\\/bfnrtu])/u); // no Windows-style separators (JSON escapes allowed)
      }

      await expect(result.stdout).toMatchFileSnapshot(join(dir, 'expected-stdout.txt'));
      await expect(result.stderr).toMatchFileSnapshot(join(dir, 'expected-stderr.txt'));
      expect(result.code).toBe(Number(readFileSync(join(dir, 'expected-exit.txt'), 'utf8').trim()));

      // After an input error the valid files are still shown (issue: one broken file must not hide
      // the rest), and stderr's last line says the table leaves the broken files out.
      if (result.code === 2 && result.stdout !== '') expect(result.stderr).toMatch(/Bảng trên chỉ tính các tệp hợp lệ|The table above counts only the valid files/u);
      for (const fragment of located[name] ?? []) expect(result.stderr).toContain(fragment);
      if (located[name]) {
        // The file named is relative, with `/`, and inside the case folder.
        expect(result.stderr).toMatch(new RegExp(`^tests/e2e/cases/${name}/[^\\s:]+(:\\d+:\\d+)?: (lỗi|error): `, 'mu'));
      }

      if (name === 'json') {
        const report = JSON.parse(result.stdout) as { schema: string; asOf: string; summary: { total: number }; criteria: { id: string }[] };
        expect(report.schema).toBe('cchc/report@1');
        expect(report.asOf).toBe('2025-09-14');
        expect(report.summary.total).toBe(43);
        expect(report.criteria.map((c) => c.id)).toEqual(planOrder());
      }
    });
  }
});

/**
 * Behaviour a commune officer would trip over. Each test states what should happen; `it.fails`
 * keeps the suite green while the bug stands and turns red once it is fixed (then drop `.fails`).
 */
describe.concurrent('known problems', () => {
  it('unit-is-group: reports only that ccm is a group, not a contradicting not-responsible', async () => {
    const { stderr } = await run('unit-is-group');
    expect(stderr).toContain('[unit-is-group]');
    expect(stderr).not.toContain('[not-responsible]');
  });

  it('duplicate-report: shows the asOf date as dd/MM/yyyy in Vietnamese', async () => {
    const { stderr } = await run('duplicate-report');
    expect(stderr).toContain('chốt ngày 14/09/2025');
  });

  it('unknown-format: the error is in Vietnamese', async () => {
    const { stderr } = await run('unknown-format');
    expect(stderr).toContain('--format');
    expect(stderr).not.toMatch(/is invalid|Allowed choices/u);
  });

  it('bad-as-of: the error names --as-of', async () => {
    const { stderr } = await run('bad-as-of');
    expect(stderr).toContain('--as-of');
  });

  it('bad-due-soon-days: the error names the option and what to write', async () => {
    const { stderr } = await run('bad-due-soon-days');
    expect(stderr).toContain('--due-soon-days');
  });

  it('narrow-80-area: keeps "(197/236)" on one line', async () => {
    const { stdout } = await run('narrow-80-area');
    expect(stdout).toContain('(197/236)');
  });
});
