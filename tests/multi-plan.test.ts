/**
 * One repository, three communes: plans and progress files mixed in folders, told apart by their
 * `schema:` line and matched by `plan:` id. `cchc check .` evaluates each plan, shows a block per
 * plan and a summary per plan sorted worst first; `--plan ID` keeps one.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');
const PLAN = readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8');
const Q3 = join(root, 'fixtures/quang-son-2025/2025-Q3');

let repo: string;

function put(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** A copy of the Quang Sơn plan under another commune's id and name. */
const planFor = (id: string, commune: string) =>
  PLAN.replace(/^id: quang-son-2025$/mu, `id: ${id}`).replace(/^issuer: UBND xã Quang Sơn$/mu, `issuer: UBND xã ${commune}`);

/** A Q3 fixture file re-pointed at another plan. */
const q3For = (unit: string, plan: string) => readFileSync(join(Q3, `${unit}.yaml`), 'utf8').replace(/^plan: quang-son-2025$/mu, `plan: ${plan}`);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cchc-multi-'));
  // Laid out "any way": plans in two places, progress files mixed with a config and a README.
  put('ke-hoach/quang-son.yaml', planFor('quang-son-2025', 'Quang Sơn'));
  put('xa-tan-long/ke-hoach.yml', planFor('tan-long-2025', 'Tân Long'));
  put('ke-hoach/phu-thinh.yaml', planFor('phu-thinh-2025', 'Phú Thịnh'));
  // Quang Sơn: the bundled example, both reports (28 pass, 1 fail, 5 at-risk, 6 pending, 3 no-data).
  for (const u of ['ttphcc', 'vp', 'kt', 'vhxh']) {
    put(`bao-cao/quang-son/q3/${u}.yaml`, q3For(u, 'quang-son-2025'));
    put(`bao-cao/quang-son/h1/${u}.yaml`, readFileSync(join(root, 'fixtures/quang-son-2025/2025-H1', `${u}.yaml`), 'utf8'));
  }
  // Tân Long: only the Q3 report of each unit (so what was reported only in H1 has no data), and
  // its ttphcc also misses 3.2.2 and 7.3.2 (apologies, digitisation).
  for (const u of ['vp', 'kt', 'vhxh']) put(`xa-tan-long/tien-do/${u}.yaml`, q3For(u, 'tan-long-2025'));
  put('xa-tan-long/tien-do/ttphcc.yaml', q3For('ttphcc', 'tan-long-2025')
    .replace('apology_letters: { value: 7, total: 7 }', 'apology_letters: { value: 5, total: 7 }')
    .replace('digitized: { value: 1172, total: 1172 }', 'digitized: { value: 1100, total: 1172 }'));
  // Phú Thịnh: only ttphcc has reported.
  put('phu-thinh-ttphcc.yaml', q3For('ttphcc', 'phu-thinh-2025'));
  put('README.md', '# not YAML, ignored\n');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: repo, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

interface ReportSet {
  schema: string;
  plans: { id: string; summary: Record<string, number> }[];
  reports: { plan: { id: string }; summary: Record<string, number>; criteria: { id: string; status: string }[] }[];
}

describe('a repository with three communes', () => {
  it('evaluates each plan with its own progress files, and lists the plans worst first', async () => {
    const r = await run(['check', '.', '--as-of', '2025-09-14', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const set = JSON.parse(r.stdout) as ReportSet;
    expect(set.schema).toBe('cchc/report-set@1');
    const byId = Object.fromEntries(set.reports.map((x) => [x.plan.id, x]));
    const status = (plan: string, id: string) => byId[plan]!.criteria.find((c) => c.id === id)!.status;
    // Quang Sơn has H1 and Q3 reports: 3.1.1, 3.2.1 and 7.3.3 are forecast to miss.
    expect(byId['quang-son-2025']!.summary).toEqual({ total: 43, pass: 28, fail: 1, overdue: 0, 'at-risk': 5, pending: 6, 'no-data': 3, forecastMiss: 3 });
    // Tân Long, Q3 only: 6 criteria reported only in H1 have no data (22 pass, 9 no-data), and
    // 3.2.2 and 7.3.2 move from pass to at-risk. One report each: no forecast.
    expect(byId['tan-long-2025']!.summary).toEqual({ total: 43, pass: 20, fail: 1, overdue: 0, 'at-risk': 7, pending: 6, 'no-data': 9 });
    expect(status('tan-long-2025', '5.2')).toBe('no-data'); // vhxh reported it in H1 only
    expect(status('quang-son-2025', '5.2')).toBe('pass');
    expect(status('tan-long-2025', '3.2.2')).toBe('at-risk');
    expect(status('quang-son-2025', '3.2.2')).toBe('pass');
    // Phú Thịnh: only ttphcc reported, so criteria led by the other units have no data.
    expect(status('phu-thinh-2025', '3.2.1')).toBe('at-risk');
    expect(status('phu-thinh-2025', '6.1.1')).toBe('no-data');
    // Worst first: most fail+overdue (1 each), then most at-risk: Tân Long 7, Quang Sơn 5, Phú Thịnh fewer.
    expect(set.plans.map((p) => p.id)).toEqual(['tan-long-2025', 'quang-son-2025', 'phu-thinh-2025']);
    // The set is written in pieces (one per plan) that must add up to JSON.stringify of the whole,
    // byte for byte: stdout and `-o` give the same file.
    expect(r.stdout).toBe(`${JSON.stringify(set, null, 2)}\n`);
    const file = join(repo, '..', `${basename(repo)}-set.json`);
    expect((await run(['check', '.', '--as-of', '2025-09-14', '-o', file])).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(r.stdout);
    rmSync(file);
  });

  it('with --detail prints one block per plan and the per-plan summary table', async () => {
    const r = await run(['check', '.', '--as-of', '2025-09-14', '--detail']);
    expect(r.code).toBe(1);
    for (const commune of ['UBND xã Quang Sơn', 'UBND xã Tân Long', 'UBND xã Phú Thịnh']) expect(r.stdout).toContain(`${commune} · tính đến ngày 14/09/2025`);
    const summary = r.stdout.slice(r.stdout.indexOf('Tổng hợp theo kế hoạch'));
    const order = ['tan-long-2025', 'quang-son-2025', 'phu-thinh-2025'].map((id) => summary.indexOf(id));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('--plan ID keeps one plan; the output is then the plain single-plan report', async () => {
    const r = await run(['check', '.', '--as-of', '2025-09-14', '--plan', 'tan-long-2025', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { schema: string; plan: { id: string } };
    expect(report.schema).toBe('cchc/report@1');
    expect(report.plan.id).toBe('tan-long-2025');
  });

  it('an unknown --plan id says which plans are loaded and suggests the close one', async () => {
    const r = await run(['check', '.', '--as-of', '2025-09-14', '--plan', 'tan-long']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“tan-long-2025”');
    expect(r.stderr).toContain('phu-thinh-2025, quang-son-2025, tan-long-2025');
  });

  it('with --detail, -o x.xlsx writes one workbook per commune; a CSV holds every plan under one header', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-multi-out-'));
    try {
      const r = await run(['check', '.', '--as-of', '2025-09-14', '--detail', '-o', join(out, 'bao-cao.xlsx'), '-o', join(out, 'bao-cao.csv')]);
      expect(r.code).toBe(1);
      expect(readdirSync(out).sort()).toEqual([
        'bao-cao.csv', 'bao-cao.phu-thinh-2025.xlsx', 'bao-cao.quang-son-2025.xlsx', 'bao-cao.tan-long-2025.xlsx',
      ]);
      const lines = readFileSync(join(out, 'bao-cao.csv'), 'utf8').replace(/^\uFEFF/u, '').trimEnd().split('\r\n');
      // The Vietnamese CSV separates fields with ;, as Excel on a PC set to Vietnamese does.
      expect(lines.filter((l) => l.startsWith('Mã kế hoạch;')).length).toBe(1);
      for (const id of ['quang-son-2025', 'tan-long-2025', 'phu-thinh-2025']) expect(lines.some((l) => l.startsWith(`${id};`))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('JUnit from several plans is one well-formed document whose counts add up', async () => {
    const r = await run(['check', '.', '--as-of', '2025-09-14', '--format', 'junit']);
    const head = /<testsuites[^>]* tests="(\d+)" failures="(\d+)"/u.exec(r.stdout)!;
    expect(Number(head[1])).toBe(3 * 43);
    expect((r.stdout.match(/<testcase /gu) ?? []).length).toBe(3 * 43);
    expect(Number(head[2])).toBe((r.stdout.match(/<failure /gu) ?? []).length);
    expect((r.stdout.match(/<\?xml/gu) ?? []).length).toBe(1);
  });
});
