/**
 * Round trip (issue 15): import the seed → `cchc init` for each reporting unit → fill in the
 * templates → `cchc check` runs on the imported plan with no edits and shows its 43 criteria.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-import-round-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['quang-son-2025-ke-hoach.txt', 'quang-son-2025-phu-luc.docx'])('%s', (source) => {
  it('imports, then init and check work on the plan with no edits', () => {
    const plan = `plans/${source}.yaml`;
    const imported = cchc('plan', 'import', join(root, 'fixtures/import', source), '-o', plan);
    expect(imported.status, imported.stderr).toBe(0);
    expect(cchc('validate', plan).status).toBe(0);

    const data = parse(readFileSync(join(dir, plan), 'utf8'));
    const units = data.units as { id: string; members?: string[] }[];
    const leads = new Set<string>();
    const visit = (nodes: { lead?: string; criteria?: unknown[] }[]) => {
      for (const n of nodes) {
        if (n.lead) leads.add(n.lead);
        if (n.criteria) visit(n.criteria as typeof nodes);
      }
    };
    for (const a of data.areas) visit(a.criteria);
    const reporting = [...leads].flatMap((id) => units.find((u) => u.id === id)?.members ?? [id]);
    expect(reporting.length).toBeGreaterThanOrEqual(4);

    for (const unit of new Set(reporting)) {
      const file = join('progress', source, `${unit}.yaml`);
      const init = cchc('init', '--plan', plan, '--unit', unit, '--period', '2025-Q3', '--as-of', '2025-09-14', '-o', file);
      expect(init.status, init.stderr).toBe(0);
      // The officer fills in every blank: a ratio, a count, and the task statuses as written.
      const filled = readFileSync(join(dir, file), 'utf8')
        .replace(/\{ value: , total: \}/gu, '{ value: 9, total: 10 }')
        .replace(/^( {4}[a-z][a-z0-9_]*):$/gmu, '$1: 0');
      writeFileSync(join(dir, file), filled);
    }
    const check = cchc('check', plan, join('progress', source), '--as-of', '2025-09-14', '--format', 'json');
    expect(check.stderr).toBe('');
    expect([0, 1]).toContain(check.status);
    const report = JSON.parse(check.stdout);
    expect(report.criteria).toHaveLength(43);
    expect(report.summary.total).toBe(43);
    expect(report.summary['no-data']).toBe(0);
  });
});
