/**
 * README's "Khi tệp bị lỗi" section quotes what cchc prints for the five most common mistakes
 * and two more (a list as a key, a thousands dot).
 * This test makes those files, runs `cchc validate`, and checks that every line printed is
 * quoted verbatim in the README, so the manual never drifts from the program.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const head = (unit: string, asOf = '14/09/2025') =>
  ['schema: cchc/progress@1', 'plan: quang-son-2025', 'planRevision: 1', `unit: ${unit}`, 'period: Quý III/2025', `asOf: ${asOf}`, 'criteria:'];

const FILES: Record<string, string[]> = {
  '1-tab.yaml': [...head('ttphcc'), '  "3.2.1":', '\ton_time: { value: 1243, total: 1250 }'],
  '2-id.yaml': [...head('ttphcc'), '  "3.2.l":', '    on_time: { value: 1243, total: 1250 }'],
  '3-swap.yaml': [...head('kt'), '  "6.1.1":', '    disbursement: { value: 12800000000, total: 7850000000 }'],
  '4-done.yaml': [...head('vp'), '  "2.1.1":', '    status: done'],
  '5-date.yaml': [...head('vhxh', '14/9/25'), '  "5.2":', '    leaders_disciplined: 0'],
  // Two more, shown after the five: several criteria under one key, and a thousands dot.
  '6-khoa.yaml': [...head('ttphcc'), '  ["3.1.1", "3.1.2"]:', '    note: đã công khai'],
  '7-nghin.yaml': [...head('ttphcc'), '  "3.2.1":', '    on_time: { value: 1243, total: 1.250 }', '  "7.3.2":', '    digitized: { value: 1.172, total: 1250 }'],
};

it('README quotes exactly what cchc prints for the five common mistakes (and two more)', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'cchc-readme-'));
  try {
    cpSync(join(root, 'plans'), join(repo, 'plans'), { recursive: true });
    writeFileSync(join(repo, 'cchc.config.yaml'), 'schema: cchc/config@1\nplan: plans/quang-son-2025.yaml\nprogress: tien-do\n');
    mkdirSync(join(repo, 'tien-do'));
    for (const [name, lines] of Object.entries(FILES)) writeFileSync(join(repo, 'tien-do', name), `${lines.join('\n')}\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const stderr = await new Promise<string>((done) => {
      execFile(process.execPath, [join(root, 'bin/cchc.js'), 'validate'], { cwd: repo, env, encoding: 'utf8' }, (_, __, err) => done(err));
    });
    const printed = stderr.trimEnd().split('\n').filter((l) => l.startsWith('tien-do/'));
    expect(printed).toHaveLength(8);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const line of printed) expect(readme, line).toContain(line);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
