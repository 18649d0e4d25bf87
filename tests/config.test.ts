/**
 * cchc.config.yaml: found from any subfolder, command-line options win over it, and a wrong
 * configuration is an error with file:line:column (exit 2), never silently ignored.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');
let repo: string;

const CONFIG = [
  'schema: cchc/config@1', //                 1
  'plan: plans/quang-son-2025.yaml', //      2
  'progress: [fixtures/quang-son-2025]', //  3
  'asOf: 14/06/2025', //                     4
  'lang: en', //                             5
  'failOn: none', //                         6
  'dueSoonDays: 200', //                     7
  '',
].join('\n');

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cchc-config-'));
  cpSync(join(root, 'plans'), join(repo, 'plans'), { recursive: true });
  cpSync(join(root, 'fixtures'), join(repo, 'fixtures'), { recursive: true });
  writeFileSync(join(repo, 'cchc.config.yaml'), CONFIG);
  mkdirSync(join(repo, 'a/b/c'), { recursive: true });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function run(args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

describe('cchc.config.yaml', () => {
  it('is found from a nested folder, and every key takes effect', async () => {
    const r = await run(['check', '--format', 'json'], join(repo, 'a/b/c'));
    expect(r.code).toBe(0); // failOn: none
    const report = JSON.parse(r.stdout);
    expect(report.asOf).toBe('2025-06-14'); // asOf from the config
    expect(report.summary.total).toBe(43);
    expect(report.criteria.some((c: { dueSoon: boolean }) => c.dueSoon)).toBe(true); // dueSoonDays: 200 reaches 31/12
    expect(report.criteria[0].sources[0].file).toBe('../../../fixtures/quang-son-2025/2025-H1/kt.yaml');
    const table = await run(['check'], join(repo, 'a/b/c'));
    expect(table.stdout).toContain('as of 2025-06-14'); // lang: en (English shows ISO dates)
  });

  it('command-line options override it', async () => {
    const r = await run(['check', '--as-of', '2025-09-14', '--lang', 'vi', '--fail-on', 'fail', '--due-soon-days', '0'], repo);
    expect(r.code).toBe(1); // --fail-on fail: 3.1.1 fails at Q3
    expect(r.stdout).toContain('tính đến ngày 14/09/2025');
    expect(r.stdout).not.toContain('sắp đến hạn');
  });

  it('--config names another file', async () => {
    writeFileSync(join(repo, 'khac.yaml'), CONFIG.replace('asOf: 14/06/2025', 'asOf: 2025-09-14').replace('lang: en', 'lang: vi'));
    const r = await run(['check', '--config', 'khac.yaml', '--format', 'json'], repo);
    expect(JSON.parse(r.stdout).asOf).toBe('2025-09-14');
  });

  it.each([
    ['an unknown key', CONFIG.replace('dueSoonDays: 200', 'dueSoonDay: 200'), 'unknown-field', 7, 1],
    ['a wrong value', CONFIG.replace('failOn: none', 'failOn: never'), 'not-in-list', 6, 9],
    ['an impossible date', CONFIG.replace('asOf: 14/06/2025', 'asOf: 31/06/2025'), 'impossible-date', 4, 7],
    ['an unknown time zone', `${CONFIG}timezone: Asia/Hanoi\n`, 'bad-timezone', 8, 11],
    ['a YAML error', CONFIG.replace('lang: en', 'lang: "en'), 'yaml-syntax', undefined, undefined],
  ])('%s is an error at its line (exit 2), nothing is evaluated', async (_, text, code, line, column) => {
    const dir = mkdtempSync(join(repo, 'bad-'));
    writeFileSync(join(dir, 'cchc.config.yaml'), text.replace('plans/', '../plans/').replace('[fixtures', '[../fixtures'));
    const r = await run(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`[${code}]`);
    if (line !== undefined) expect(r.stderr).toContain(`cchc.config.yaml:${line}:${column}:`);
    else expect(r.stderr).toMatch(/cchc\.config\.yaml:\d+:\d+:/u);
  });
});
