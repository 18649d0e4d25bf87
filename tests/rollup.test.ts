/**
 * The province's view (issue 18): with several plans, the table and the Markdown, CSV, HTML and
 * XLSX exports show one row per commune (worst first), one row per criterion across communes and
 * the communes with overdue criteria. Checked on a generated 200-commune tree against the
 * per-plan JSON reports of the same run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, Status } from '../src/types.js';
import { STATUSES } from '../src/types.js';
import { generate, REPO } from './bench/generate.js';

const N = 200;
let scratch: string;
let tree: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cchc-rollup-'));
  tree = join(scratch, 'tree');
  generate(N, 11, tree);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cchcIn = (dir: string, env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [join(REPO, 'bin/cchc.js'), 'check', dir, ...args], { cwd: scratch, env: { ...process.env, NO_COLOR: '1', COLUMNS: '200', ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
const cchc = (...args: string[]) => cchcIn(tree, {}, ...args);

/** A record of the Vietnamese CSV: `;` between fields, a quoted field may hold `;` and doubled quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^;]*)(;|$)/gu;
  for (const m of line.matchAll(re)) {
    out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/gu, '"') : m[1]!);
    if (m[2] === '') break;
  }
  return out;
}

/** What the view must say, worked out here from the per-plan reports. */
function expected(reports: Report[]) {
  const notPassing = (counts: Record<Status, number>) => STATUSES.reduce((n, s) => n + (s === 'pass' ? 0 : counts[s]), 0);
  const communes = reports.map((r) => ({ id: r.plan.id, counts: r.summary as Record<Status, number>, miss: r.summary.forecastMiss ?? 0, overdue: r.criteria.filter((c) => c.status === 'overdue').map((c) => c.id) }));
  const criteria = new Map<string, { communes: number; counts: Record<Status, number>; miss: number }>();
  for (const r of reports) {
    for (const c of r.criteria) {
      const entry = criteria.get(c.id) ?? { communes: 0, counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, miss: 0 };
      entry.communes++;
      entry.counts[c.status]++;
      if (c.measures.some((m) => m.forecast?.met === false)) entry.miss++;
      criteria.set(c.id, entry);
    }
  }
  return { communes, criteria, notPassing };
}

describe.each(['2025-09-30', '2026-01-10'])('the province view of %d communes, as of %s'.replace('%d', String(N)), (asOf) => {
  let reports: Report[];
  beforeAll(() => {
    const json = cchc('--as-of', asOf, '--format', 'json');
    expect(json.status, json.stderr).toBe(1);
    const set = JSON.parse(json.stdout) as { schema: string; reports: Report[] };
    expect(set.schema).toBe('cchc/report-set@1');
    reports = set.reports;
    expect(reports).toHaveLength(N);
  }, 120_000);

  it('CSV: one row per commune and per criterion, the counts of the per-plan reports', () => {
    const csv = cchc('--as-of', asOf, '--format', 'csv');
    expect(csv.status).toBe(1);
    const [head, ...rows] = csv.stdout.trimEnd().split('\r\n').map(fields);
    expect(head!.slice(0, 5)).toEqual(['Loại', 'Mã', 'Đơn vị', 'Số xã', 'Số xã chưa đạt']);
    const { communes, criteria, notPassing } = expected(reports);
    const communeRows = rows.filter((r) => r[0] === 'xã');
    expect(communeRows.map((r) => r[1]).sort()).toEqual(communes.map((c) => c.id).sort());
    for (const c of communes) {
      const row = communeRows.find((r) => r[1] === c.id)!;
      expect(row.slice(4, 12).map(Number), c.id).toEqual([notPassing(c.counts), ...STATUSES.map((s) => c.counts[s]), c.miss]);
      if (c.overdue.length === 0) expect(row[13], c.id).toBe('');
      for (const id of c.overdue) expect(row[13], c.id).toContain(`${id} (`);
    }
    const criterionRows = rows.filter((r) => r[0] === 'tiêu chí');
    expect(criterionRows.map((r) => r[1])).toEqual([...criteria.keys()]);
    for (const [id, c] of criteria) {
      const row = criterionRows.find((r) => r[1] === id)!;
      expect(row.slice(3, 12).map(Number), id).toEqual([c.communes, notPassing(c.counts), ...STATUSES.map((s) => c.counts[s]), c.miss]);
    }
  });

  it('table: communes worst first, every criterion, the overdue communes, a summary that adds up', () => {
    const table = cchc('--as-of', asOf);
    expect(table.status).toBe(1);
    const lines = table.stdout.split('\n');
    const { communes, criteria, notPassing } = expected(reports);
    const order = communes.map((c) => c.id).map((id) => lines.findIndex((l) => l.startsWith(`${id} `)));
    expect(order.every((i) => i > 0)).toBe(true);
    // Worst first: more failed or overdue, then more at risk, never after a better one.
    const rank = (c: (typeof communes)[number]) => [c.counts.fail + c.counts.overdue, c.counts['at-risk']];
    const sorted = [...communes].sort((a, b) => order[communes.indexOf(a)]! - order[communes.indexOf(b)]!);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [rank(sorted[i - 1]!), rank(sorted[i]!)];
      expect(a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!)).toBe(true);
    }
    for (const [id, c] of criteria) {
      const line = lines.find((l) => l.startsWith(`${id} `) && l.includes(` / ${c.communes} `));
      expect(line, id).toContain(`${notPassing(c.counts).toLocaleString('de-DE')} / ${c.communes.toLocaleString('de-DE')}`);
    }
    const overdue = communes.filter((c) => c.overdue.length > 0);
    const section = table.stdout.slice(table.stdout.indexOf('III. CÁC XÃ CÓ TIÊU CHÍ QUÁ HẠN'));
    for (const c of overdue) expect(section).toContain(`${c.id} (`);
    if (overdue.length === 0) expect(section).toContain('Không xã nào có tiêu chí quá hạn.');
    const total = (s: Status) => communes.reduce((n, c) => n + c.counts[s], 0);
    expect(lines.find((l) => l.startsWith('Tổng 200 xã'))).toContain(`Đạt ${total('pass').toLocaleString('de-DE')} · Không đạt ${total('fail').toLocaleString('de-DE')}`);
    // Hundreds of lines, not a 43-row block for each commune.
    expect(lines.length).toBeLessThan(N + criteria.size + overdue.length + 30);
  });

  it('XLSX: a sheet per view, figures as numbers', async () => {
    const out = join(scratch, `tinh-${asOf}.xlsx`);
    expect(cchc('--as-of', asOf, '-o', out).status).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Theo xã', 'Theo tiêu chí', 'Quá hạn']);
    const { communes } = expected(reports);
    const ws = wb.getWorksheet('Theo xã')!;
    expect(ws.rowCount).toBe(N + 2);
    for (let r = 3; r <= ws.rowCount; r++) {
      const c = communes.find((x) => x.id === ws.getRow(r).getCell(1).value)!;
      expect(STATUSES.map((_, i) => ws.getRow(r).getCell(3 + i).value)).toEqual(STATUSES.map((s) => c.counts[s]));
    }
    expect(wb.getWorksheet('Quá hạn')!.rowCount).toBe(2 + communes.filter((c) => c.overdue.length > 0).length);
  });
});

describe('the province view, more', () => {
  it('--detail gives every commune\'s full table, --plan one commune\'s', { timeout: 120_000 }, () => {
    const detail = cchc('--as-of', '2025-09-30', '--detail');
    expect(detail.stdout).toContain('Tổng hợp theo kế hoạch');
    expect(detail.stdout.split('\n').length).toBeGreaterThan(N * 43);
    const plans = JSON.parse(cchc('--as-of', '2025-09-30', '--format', 'json').stdout) as { reports: Report[] };
    const one = cchc('--as-of', '2025-09-30', '--plan', plans.reports[5]!.plan.id);
    expect(one.stdout).not.toContain('I. THEO XÃ');
    expect(one.stdout).toContain(`${plans.reports[5]!.plan.issuer} · tính đến ngày 30/09/2025`);
  });

  it('Markdown and HTML carry the same three views', { timeout: 60_000 }, () => {
    const md = cchc('--as-of', '2026-01-10', '--format', 'markdown').stdout;
    const html = cchc('--as-of', '2026-01-10', '--format', 'html').stdout;
    for (const heading of ['I. THEO XÃ (xếp từ kém nhất)', 'II. THEO TIÊU CHÍ', 'III. CÁC XÃ CÓ TIÊU CHÍ QUÁ HẠN']) {
      expect(md).toContain(`## ${heading}`);
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect((md.match(/^\| [a-z0-9-]+-2025 \|/gmu) ?? []).length).toBe(N);
    expect((html.match(/<tr><td>[a-z0-9-]+-2025<\/td>/gu) ?? []).length).toBe(N);
  });
});

/** check on `dir` with one thread and with `workers`: a run without input errors (exit 1: criteria fail), the same bytes out. */
function expectSameInThreads(dir: string, workers: string, args: string[], status?: number): void {
  const one = cchcIn(dir, { CCHC_WORKERS: '1' }, '--as-of', '2025-09-30', ...args);
  const many = cchcIn(dir, { CCHC_WORKERS: workers }, '--as-of', '2025-09-30', ...args);
  if (status !== undefined) expect(one.status, args.join(' ')).toBe(status);
  expect(one.status, args.join(' ')).toBeLessThan(2);
  expect(many.stdout === one.stdout, args.join(' ')).toBe(true);
  expect(many.stderr).toBe(one.stderr);
  expect(many.status).toBe(one.status);
}

describe('reading in worker threads', () => {
  it('gives byte-identical output with one thread and with several', { timeout: 180_000 }, () => {
    for (const args of [['--format', 'json'], [], ['--format', 'csv'], ['--detail', '--format', 'markdown']]) expectSameInThreads(tree, '3', args, 1);
  });

  it('shows the plan first by id, or the one plan with the unit asked for, wherever its worker reads it', { timeout: 120_000 }, () => {
    // The plan first by id is read last (its file renamed), and one plan far down the list is the
    // only one with a unit: workers send whole reports only for plans that may be shown.
    const moved = join(scratch, 'moved');
    cpSync(tree, moved, { recursive: true });
    const plans = readdirSync(join(moved, 'plans')).sort();
    renameSync(join(moved, 'plans', plans[0]!), join(moved, 'plans', `zz-${plans[0]!}`));
    const lone = join(moved, 'plans', plans[N - 20]!);
    writeFileSync(lone, readFileSync(lone, 'utf8').replace(/^units:\n/mu, 'units:\n  - id: doan-tn\n    name: Đoàn Thanh niên xã\n'));
    for (const args of [[], ['--unit', 'doan-tn'], ['--unit', 'kt']]) expectSameInThreads(moved, '2', args);
    const lonePlan = cchcIn(moved, {}, '--as-of', '2025-09-30', '--unit', 'doan-tn');
    expect(lonePlan.stdout).toContain(/^title: (.*)$/mu.exec(readFileSync(lone, 'utf8'))![1]);
  });

  it('with a folder given twice (the tree and its plans), reads each file once, as one thread does', { timeout: 120_000 }, () => {
    expectSameInThreads(tree, '2', [join(tree, 'plans'), '--format', 'json'], 1);
  });

  it('refuses to write a report over a file it reads, with its list of files kept as one buffer', { timeout: 120_000 }, () => {
    const plan = join(tree, 'plans', readdirSync(join(tree, 'plans')).sort()[N - 1]!);
    const before = readFileSync(plan);
    for (const workers of ['1', '2']) {
      const run = cchcIn(tree, { CCHC_WORKERS: workers }, '--as-of', '2025-09-30', '--format', 'json', '-o', plan);
      expect(run.status, workers).toBe(2);
      expect(run.stderr).toContain(plan.slice(scratch.length + 1));
      expect(readFileSync(plan).equals(before)).toBe(true);
    }
  });

  it('GitHub annotations: the step summary is the province view, as with one thread', { timeout: 120_000 }, () => {
    const summaries = ['1', '2'].map((workers) => {
      const summary = join(scratch, `summary-${workers}.md`);
      writeFileSync(summary, '');
      const run = cchcIn(tree, { CCHC_WORKERS: workers, GITHUB_STEP_SUMMARY: summary }, '--as-of', '2025-09-30', '--format', 'github');
      expect(run.status, run.stderr).toBe(1);
      return readFileSync(summary, 'utf8');
    });
    expect(summaries[0]).toContain('## I. THEO XÃ (xếp từ kém nhất)');
    expect((summaries[0]!.match(/^\| [a-z0-9-]+-2025 \|/gmu) ?? []).length).toBe(N);
    expect(summaries[1]).toBe(summaries[0]);
  });

  it('with a broken file, reads again in one thread: the same findings, word for word', { timeout: 120_000 }, () => {
    const broken = join(scratch, 'broken');
    cpSync(tree, broken, { recursive: true });
    const victim = join(broken, 'progress', readdirSync(join(broken, 'progress'))[3]!, '2025-Q3', 'kt.yaml');
    writeFileSync(victim, readFileSync(victim, 'utf8').replace(/plan: .*/u, 'plan: khong-co-2025'));
    const one = cchcIn(broken, { CCHC_WORKERS: '1' }, '--as-of', '2025-09-30');
    const many = cchcIn(broken, { CCHC_WORKERS: '2' }, '--as-of', '2025-09-30');
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('khong-co-2025');
    expect(many.stderr).toBe(one.stderr);
    expect(many.stdout).toBe(one.stdout);
  });
});
