/**
 * Windows inputs through the built CLI: files saved with CRLF line ends, a BOM or NFD text (macOS)
 * give the same report as clean ones; paths typed with `\` on the command line and `evidence`
 * paths written with `\` work; every path cchc prints uses `/`.
 * (tests/loader.test.ts checks the same encodings in-process, at the loader.)
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');
const AS_OF = ['--as-of', '2025-09-14'];
const PLAN = 'plans/quang-son-2025.yaml';
const FIXTURES = 'fixtures/quang-son-2025';
const INPUTS = [PLAN, ...['2025-H1', '2025-Q3'].flatMap((p) => readdirSync(join(root, FIXTURES, p)).sort().map((f) => `${FIXTURES}/${p}/${f}`))];

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function run(args: string[], cwd: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_STEP_SUMMARY;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

type Convert = (text: string) => Buffer;
const crlf: Convert = (t) => Buffer.from(t.replace(/\n/gu, '\r\n'), 'utf8');
const bom: Convert = (t) => Buffer.from(`\uFEFF${t}`, 'utf8');
const nfd: Convert = (t) => Buffer.from(t.normalize('NFD'), 'utf8');
const all: Convert = (t) => Buffer.from(`\uFEFF${t.normalize('NFD').replace(/\n/gu, '\r\n')}`, 'utf8');

let tmp: string;
let clean: string;
let cleanJson: string;

/** A copy of the example in a new folder, each file passed through `convert`. */
function copy(name: string, convert: (file: string, text: string) => Buffer | string): string {
  const dir = join(tmp, name);
  for (const f of INPUTS) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), convert(f, readFileSync(join(root, f), 'utf8')));
  }
  return dir;
}

/** Every `file` the JSON report names: in sources and diagnostics. */
function reportedPaths(json: string): string[] {
  const report = JSON.parse(json) as { criteria: { sources: { file: string }[] }[]; diagnostics: { file: string }[] };
  return [...report.criteria.flatMap((c) => c.sources.map((s) => s.file)), ...report.diagnostics.map((d) => d.file)];
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-windows-'));
  clean = copy('clean', (_, text) => text);
  const r = await run(['check', ...AS_OF, '--format', 'json', 'plans', 'fixtures'], clean);
  expect(r.code, r.stderr).toBe(1); // 3.1.1 fails in the example
  expect(r.stderr).toBe('');
  cleanJson = r.stdout;
  expect(reportedPaths(cleanJson).length).toBeGreaterThan(20);
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CRLF, BOM and NFD files', () => {
  it('the bundled fixtures have letters that NFD changes (the test is not vacuous)', () => {
    const text = readFileSync(join(root, PLAN), 'utf8');
    expect(text.normalize('NFD')).not.toBe(text);
    expect(nfd(text).length).toBeGreaterThan(Buffer.byteLength(text));
  });

  it.each([
    ['CRLF', crlf],
    ['BOM', bom],
    ['NFD', nfd],
    ['BOM + NFD + CRLF', all],
  ] as const)('%s in every file: the same JSON report, byte for byte', async (name, convert) => {
    const dir = copy(name.replace(/\W+/gu, '-'), (_, text) => convert(text));
    const r = await run(['check', ...AS_OF, '--format', 'json', 'plans', 'fixtures'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(cleanJson);
  }, 30_000);

  it('a mix (each file saved by a different editor): the same report, and validate says valid', async () => {
    const converters = [crlf, bom, nfd, all, (t: string) => t];
    const dir = copy('mixed', (f, text) => converters[INPUTS.indexOf(f) % converters.length]!(text));
    const [checked, validated] = await Promise.all([
      run(['check', ...AS_OF, '--format', 'json', 'plans', 'fixtures'], dir),
      run(['validate', 'plans', 'fixtures'], dir),
    ]);
    expect(checked.stdout).toBe(cleanJson);
    expect(validated.code, validated.stderr).toBe(0);
  }, 30_000);

  it('an error in a CRLF + BOM file is reported at the same line:column as in the clean file', async () => {
    const broken = (text: string) => text.replace('asOf: 2025-09-14', 'asOf: 2025-09-31');
    const file = `${FIXTURES}/2025-Q3/kt.yaml`;
    const a = copy('broken-clean', (f, text) => (f === file ? broken(text) : text));
    const b = copy('broken-windows', (f, text) => (f === file ? all(broken(text)) : text));
    const [ra, rb] = (await Promise.all([a, b].map((dir) => run(['validate', 'plans', 'fixtures'], dir)))) as [Run, Run];
    expect(ra.code).toBe(2);
    expect(ra.stderr).toMatch(/^fixtures\/quang-son-2025\/2025-Q3\/kt\.yaml:\d+:\d+: /mu);
    expect(rb.stderr).toBe(ra.stderr);
  }, 30_000);
});

describe('paths typed with `\\` on the command line', () => {
  // On Windows `\` is the separator and all of these work already. On Linux and macOS `\` is a
  // legal character of a file name, so cchc must treat it as a separator only when the path as
  // typed does not exist (a commune's instructions written for Windows, pasted into a CI job).
  //
  // src/util/command-line-path.ts does that for the paths, --plan, --config, --from and -o.

  it('check plans\\quang-son-2025.yaml fixtures\\quang-son-2025: the same report as with `/`', async () => {
    const r = await run(['check', ...AS_OF, '--format', 'json', 'plans\\quang-son-2025.yaml', 'fixtures\\quang-son-2025'], clean);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cleanJson);
  }, 30_000);

  it('validate and --plan with `\\`, mixed with `/` and .\\', async () => {
    const r = await run(['validate', '--plan', '.\\plans\\quang-son-2025.yaml', 'fixtures/quang-son-2025\\2025-Q3'], clean);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);

  it('-o out\\bao-cao.json writes out/bao-cao.json when the folder out/ exists, and says so with `/`', async () => {
    const dir = mkdtempSync(join(tmp, 'o-'));
    cpSync(clean, dir, { recursive: true });
    mkdirSync(join(dir, 'out'));
    const r = await run(['check', ...AS_OF, 'plans', 'fixtures', '-o', 'out\\bao-cao.json'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'bao-cao.json'))).toBe(true);
    expect(existsSync(join(dir, 'out\\bao-cao.json'))).toBe(false);
    expect(r.stderr).toContain('out/bao-cao.json');
  }, 30_000);

  it('init -o progress\\2025-Q4\\kt.yaml creates progress/2025-Q4/kt.yaml, not a file named with backslashes', async () => {
    const dir = mkdtempSync(join(tmp, 'init-'));
    cpSync(clean, dir, { recursive: true });
    mkdirSync(join(dir, 'progress'));
    const r = await run(['init', '--plan', 'plans\\quang-son-2025.yaml', '--unit', 'kt', '--period', '2025-Q4', '--as-of', '14/12/2025', '-o', 'progress\\2025-Q4\\kt.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'progress', '2025-Q4', 'kt.yaml'))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('\\'))).toEqual([]);
  }, 30_000);

  it('a file whose name really holds `\\` (legal on Linux) is still read as it is named', async () => {
    const dir = mkdtempSync(join(tmp, 'literal-'));
    cpSync(join(clean, 'plans'), join(dir, 'plans'), { recursive: true });
    writeFileSync(join(dir, 'bao-cao\\kt.yaml'), readFileSync(join(root, FIXTURES, '2025-Q3/kt.yaml')));
    const r = await run(['validate', 'plans', 'bao-cao\\kt.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 30_000);
});

describe('evidence paths with `\\`, and every printed path with `/`', () => {
  const progress = (evidence: string[]) => [
    'schema: cchc/progress@1',
    'plan: quang-son-2025',
    'planRevision: 1',
    'unit: vp',
    'period: Quý IV/2025',
    'asOf: 2025-12-14',
    'criteria:',
    '  "2.1.1":',
    '    status: done',
    '    completedOn: 2025-08-01',
    '    evidence:',
    ...evidence.map((e) => `      - ${e}`),
    '',
  ].join('\r\n');

  let dir: string;
  let json: string;
  let stderr: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmp, 'evidence-'));
    cpSync(clean, dir, { recursive: true });
    mkdirSync(join(dir, 'minh-chung', 'quý 4'), { recursive: true });
    writeFileSync(join(dir, 'minh-chung', 'quý 4', 'biên bản.pdf'), '%PDF-1.4\n');
    mkdirSync(join(dir, 'tien-do'));
    writeFileSync(join(dir, 'tien-do', 'vp.yaml'), `\uFEFF${progress([
      'minh-chung\\quý 4\\biên bản.pdf', // exists, written the Windows way
      'minh-chung\\khong-co.pdf', // missing: a warning that names it with `/`
      '.\\minh-chung\\quý 4\\biên bản.pdf', // exists, with .\ in front
    ])}`);
    const r = await run(['check', '--as-of', '2025-12-14', '--format', 'json', 'plans', 'fixtures', 'tien-do'], dir);
    expect(r.code).toBe(1);
    json = r.stdout;
    stderr = r.stderr;
  }, 30_000);

  it('evidence written with `\\` is found; only the missing file is reported, with `/` in its path', () => {
    const report = JSON.parse(json) as { diagnostics: { code: string; file: string; line?: number; message: string }[] };
    expect(report.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['evidence-missing', 'tien-do/vp.yaml', 13]]);
    expect(report.diagnostics[0]!.message).toContain('minh-chung/khong-co.pdf');
    expect(report.diagnostics[0]!.message).not.toContain('\\');
    expect(stderr).toMatch(/^tien-do\/vp\.yaml:13:9: /mu);
  });

  it('every path in sources and diagnostics is relative with `/`, and so is every file:line on stderr', () => {
    const paths = reportedPaths(json);
    expect(paths).toContain('tien-do/vp.yaml');
    for (const p of paths) {
      expect(p).not.toMatch(/\\|^\/|^[A-Za-z]:/u);
      expect(p.includes(tmp)).toBe(false);
    }
    for (const line of stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^[^\s\\:]+\.yaml:\d+:\d+: /u);
  });

  // The report shows an evidence path with `/` however it was typed (it reaches the JSON, the
  // HTML page and the workbook).
  it('evidence paths in the report use `/`', () => {
    const report = JSON.parse(json) as { criteria: { id: string; task?: { evidence: string[] }[] }[] };
    const evidence = report.criteria.find((c) => c.id === '2.1.1')!.task!.flatMap((t) => t.evidence);
    expect(evidence).toEqual(['minh-chung/quý 4/biên bản.pdf', 'minh-chung/khong-co.pdf', 'minh-chung/quý 4/biên bản.pdf']);
  });
});
