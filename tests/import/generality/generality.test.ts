/**
 * Generality of `cchc plan import`: appendices of other communes, laid out otherwise than Quang
 * Sơn's (cases.ts), written as Word, Excel or copied text at test time (build-inputs.ts), imported
 * with the built CLI (`bin/cchc.js`; `npm test` builds first) and compared with what a careful
 * transcriber following design.md would write (compare-plan.ts). Every difference is printed, then
 * the test fails. The written plan must also pass `cchc validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildInput } from './build-inputs.js';
import { ABOVE, cases, expectedCriteria, type Case } from './cases.js';
import { comparePlan } from './compare-plan.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(root, 'bin/cchc.js');

let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'cchc-import-generality-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in the temporary folder, so that no cchc.config.yaml of the repository applies. */
function cchc(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
}

describe('the cases themselves', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s is consistent', (_, c: Case) => {
    const want = expectedCriteria(c);
    expect(new Set(want.map((w) => w.id)).size, 'criterion ids are unique').toBe(want.length);
    const spellings = c.units.flat();
    expect(new Set(spellings).size, 'a spelling belongs to one unit').toBe(spellings.length);
    const named = want.flatMap((w) => [...(w.leadMembers ?? [w.lead]), ...w.support]);
    expect(named.filter((n) => !spellings.includes(n)), 'every unit named is listed in `units`').toEqual([]);
    const cells = c.rows.flatMap((r) => (r.kind === 'criterion' ? [r.cells.lead, r.cells.support] : []))
      .filter((t): t is string => t !== undefined && t !== ABOVE);
    expect(spellings.filter((s) => !cells.some((t) => t.includes(s))), 'every spelling occurs in the table').toEqual([]);
    for (const w of want) expect(w.due === undefined || w.due === 'ongoing' || /^\d{4}-\d{2}-\d{2}$/u.test(w.due), `${w.id} due`).toBe(true);
  });

  it.each(cases.flatMap((c) => c.formats.map((f) => [c.name, f, c] as const)))('%s builds as %s', async (_, format, c: Case) => {
    const file = await buildInput(c, format, dir);
    expect(file.endsWith(format === 'text' ? '.txt' : `.${format}`)).toBe(true);
  });
});

for (const c of cases) {
  describe(c.summary, () => {
    for (const format of c.formats) {
      it(format, async () => {
        const input = await buildInput(c, format, dir);

        const run = cchc('plan', 'import', input);
        if (run.status !== 0) console.log(`${c.name} (${format}): exit ${run.status}\n${run.stderr}`);
        expect(run.status, 'plan import exits 0').toBe(0);

        const problems = comparePlan(c, parse(run.stdout) ?? {});
        if (problems.length > 0) console.log(`${c.name} (${format}): ${problems.length} differences\n  ${problems.join('\n  ')}`);

        const out = join(dir, `${c.name}-${format}.yaml`);
        const written = cchc('plan', 'import', input, '-o', out);
        expect.soft(written.status, `plan import -o: ${written.stderr}`).toBe(0);
        const valid = cchc('validate', out);
        if (valid.status !== 0) console.log(`${c.name} (${format}): validate exit ${valid.status}\n${valid.stdout}${valid.stderr}`);
        expect.soft(valid.status, 'the written plan validates').toBe(0);

        expect(problems).toEqual([]);
      });
    }
  });
}
