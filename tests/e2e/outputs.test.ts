/**
 * `-o` exports through the built CLI: several files in one run, formats by extension, the CSV BOM,
 * atomic writes, refusal to overwrite inputs, $GITHUB_STEP_SUMMARY, and config `outputs`.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/cchc.js');

function run(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC', ...env };
  delete fullEnv.FORCE_COLOR;
  if (!('GITHUB_STEP_SUMMARY' in env)) delete fullEnv.GITHUB_STEP_SUMMARY;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: fullEnv, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = ['--as-of', '2025-09-14'];

describe('cchc check -o', () => {
  it('writes every requested file in the format of its extension, and still prints the table', async () => {
    const names = ['bao-cao.xlsx', 'bao-cao.html', 'bao-cao.md', 'bao-cao.csv', 'bao-cao.xml', 'bao-cao.json'];
    const r = await run(['check', ...AS_OF, ...names.flatMap((n) => ['-o', join(dir, n)])]);
    expect(r.code).toBe(1); // 3.1.1 fails in the example
    expect(r.stdout).toContain('Tổng 43 tiêu chí');
    expect(readdirSync(dir).sort()).toEqual([...names].sort()); // no temporary file left behind
    for (const n of names) expect(r.stderr).toMatch(new RegExp(`Đã ghi \\S*/${n.replace('.', '\\.')}\\n`, 'u'));

    const json = JSON.parse(readFileSync(join(dir, 'bao-cao.json'), 'utf8'));
    expect(json.schema).toBe('cchc/report@1');
    expect(json.summary.total).toBe(43);
    expect(readFileSync(join(dir, 'bao-cao.html'), 'utf8')).toMatch(/^<!doctype html>/iu);
    expect(readFileSync(join(dir, 'bao-cao.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<testsuites/u);
    expect(readFileSync(join(dir, 'bao-cao.md'), 'utf8')).toContain('| Mã |');
    const csv = readFileSync(join(dir, 'bao-cao.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel on Windows reads UTF-8

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'bao-cao.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Theo đơn vị']);
  });

  it('--format chooses the format of the -o files over their extension', async () => {
    const out = join(dir, 'report.txt');
    const r = await run(['check', ...AS_OF, '--format', 'json', '-o', out]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).asOf).toBe('2025-09-14');
    expect(r.stdout).toContain('Tổng 43 tiêu chí'); // the terminal still gets the table
  });

  it('refuses an unknown extension and writes nothing', async () => {
    const r = await run(['check', ...AS_OF, '-o', join(dir, 'a.html'), '-o', join(dir, 'b.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“');
    expect(r.stderr).toContain('b.pdf');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never writes a report over an input file; the file is unchanged', async () => {
    const repo = join(dir, 'repo');
    cpSync(join(root, 'plans'), join(repo, 'plans'), { recursive: true });
    cpSync(join(root, 'fixtures'), join(repo, 'fixtures'), { recursive: true });
    const target = join(repo, 'fixtures/quang-son-2025/2025-Q3/kt.yaml');
    const before = readFileSync(target);
    const r = await run(['check', 'plans', 'fixtures', ...AS_OF, '--format', 'json', '-o', 'fixtures/quang-son-2025/2025-Q3/kt.yaml'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/quang-son-2025/2025-Q3/kt.yaml');
    expect(readFileSync(target)).toEqual(before);
  });

  it('replaces an existing report whole (atomic rename, no temporary file left)', async () => {
    const out = join(dir, 'bao-cao.md');
    writeFileSync(out, 'báo cáo cũ\n');
    const r = await run(['check', ...AS_OF, '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('Kế hoạch nâng cao Chỉ số cải cách hành chính');
    expect(readdirSync(dir)).toEqual(['bao-cao.md']);
  });

  it('says which file it could not write, exit 2', async () => {
    const r = await run(['check', ...AS_OF, '-o', join(dir, 'khong-co/bao-cao.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Không ghi được tệp “.*khong-co\/bao-cao\.html”/u);
  });

  it('--stamp puts the run time in exports; without it two runs give identical files', async () => {
    await run(['check', ...AS_OF, '-o', join(dir, 'a.html'), '-o', join(dir, 'a.xlsx')]);
    await run(['check', ...AS_OF, '-o', join(dir, 'b.html'), '-o', join(dir, 'b.xlsx')]);
    expect(readFileSync(join(dir, 'a.html'))).toEqual(readFileSync(join(dir, 'b.html')));
    expect(readFileSync(join(dir, 'a.xlsx'))).toEqual(readFileSync(join(dir, 'b.xlsx')));
    await run(['check', ...AS_OF, '--stamp', '-o', join(dir, 'c.html')]);
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toMatch(/Lập lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/u);
  });

  it('sends an XLSX workbook to stdout when stdout is a pipe (e.g. `> bao-cao.xlsx`)', async () => {
    const r = await run(['check', ...AS_OF, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout.slice(0, 2)).toBe('PK');
  });
});

describe('--format github and $GITHUB_STEP_SUMMARY', () => {
  it('prints workflow commands and appends the Markdown report to the step summary', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# bước trước\n');
    const r = await run(['check', ...AS_OF, '--format', 'github'], root, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\r\n]*$/u.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=fixtures/quang-son-2025/2025-Q3/ttphcc.yaml,line=10,'))).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# bước trước\n')).toBe(true); // appended, not replaced
    expect(text).toContain('| Mã |');
  });
});

describe('config outputs', () => {
  it('writes the configured reports; -o on the command line replaces them', async () => {
    const repo = join(dir, 'repo');
    cpSync(join(root, 'plans'), join(repo, 'plans'), { recursive: true });
    cpSync(join(root, 'fixtures'), join(repo, 'fixtures'), { recursive: true });
    writeFileSync(join(repo, 'cchc.config.yaml'), [
      'schema: cchc/config@1',
      'plan: plans/quang-son-2025.yaml',
      'progress: fixtures',
      'asOf: 2025-09-14',
      'outputs: [bao-cao/tong-hop.md]',
      '',
    ].join('\n'));
    mkdirSync(join(repo, 'bao-cao')); // cchc does not create folders
    let r = await run(['check'], repo);
    expect(r.code).toBe(1);
    expect(readFileSync(join(repo, 'bao-cao/tong-hop.md'), 'utf8')).toContain('| Mã |');
    r = await run(['check', '-o', 'khac.json'], repo);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(repo, 'khac.json'), 'utf8')).summary.total).toBe(43);
  });
});
