/**
 * Reading grouped by plan (loadInputs with onPlan, which `cchc check` uses so that a province's
 * plans and reports are never in memory together) must give what reading in file order gives:
 * the same plans, reports and findings, whatever the layout — plans after their progress files,
 * files naming no plan or a missing one, broken and duplicate plans, duplicate reports. And the
 * guess of each file's plan from its first lines (sniff.ts) must be right for every file it names.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sortDiagnostics } from '../src/commands/output.js';
import { discover } from '../src/load/discover.js';
import { loadInputs, type LoadOptions } from '../src/load/load-inputs.js';
import { readSource } from '../src/load/read-source.js';
import * as sniff from '../src/load/sniff.js';
import type { Plan, ProgressReport } from '../src/types.js';
import fc from 'fast-check';
import { generate } from './bench/generate.js';
import { FIXTURE_NAMES, FIXTURES } from './fuzz/fuzz-core.js';
import { applyByteEdits, applyEdits, byteEdit, structuredEdit } from './fuzz/mutate.js';

const root = join(import.meta.dirname, '..');
const PLAN = readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8');
const Q3 = join(root, 'fixtures/quang-son-2025/2025-Q3');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cchc-grouped-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const planFor = (id: string) => PLAN.replace(/^id: quang-son-2025$/mu, `id: ${id}`);
const q3For = (unit: string, plan: string) => readFileSync(join(Q3, `${unit}.yaml`), 'utf8').replace(/^plan: quang-son-2025$/mu, `plan: ${plan}`);

/** Both readings of `dir`, the grouped one also as handed over plan by plan. */
function bothReadings(dir: string, options: LoadOptions = {}) {
  const { files } = discover([dir], dir);
  const inOrder = loadInputs(files, { root: dir, ...options });
  const handedOver: { plan: Plan; reports: ProgressReport[] }[] = [];
  const streamed = loadInputs(files, { root: dir, ...options, onPlan: (plan, reports) => handedOver.push({ plan, reports }) });
  // What was handed over, gathered as reading in order returns it: the last of each plan id
  // counts; reports in the order of their files.
  const last = new Map(handedOver.map((h) => [h.plan.id, h]));
  const order = new Map(files.map((f, i) => [f.file, i]));
  const grouped = {
    ...streamed,
    plans: new Map([...streamed.planFiles.keys()].filter((id) => last.has(id)).map((id) => [id, last.get(id)!.plan])),
    reports: [...last.values()].flatMap((h) => h.reports).sort((a, b) => order.get(a.file)! - order.get(b.file)!),
  };
  return { inOrder, grouped, streamed, handedOver };
}

function expectSameReading(dir: string, options: LoadOptions = {}) {
  const { inOrder, grouped, streamed, handedOver } = bothReadings(dir, options);
  expect([...grouped.plans.keys()]).toEqual([...inOrder.plans.keys()]);
  expect(grouped.plans).toEqual(inOrder.plans);
  expect(grouped.reports).toEqual(inOrder.reports);
  expect(sortDiagnostics(grouped.diagnostics)).toEqual(sortDiagnostics(inOrder.diagnostics));
  expect(grouped.counts).toEqual(inOrder.counts);
  expect(grouped.planFiles).toEqual(new Map([...inOrder.plans].map(([id, p]) => [id, p.file])));
  // Handed over: each plan once, nothing kept.
  expect(streamed.plans.size).toBe(0);
  expect(streamed.reports).toEqual([]);
  expect(handedOver.map((h) => h.plan.id).sort()).toEqual([...inOrder.plans.keys()].sort());
  // `cchc validate`, which keeps only plans' outlines, finds the same problems.
  const { files } = discover([dir], dir);
  const findings = loadInputs(files, { root: dir, ...options, findingsOnly: true });
  expect(sortDiagnostics(findings.diagnostics)).toEqual(sortDiagnostics(inOrder.diagnostics));
  expect(findings.counts).toEqual(inOrder.counts);
  expect(findings.planFiles).toEqual(inOrder.planFiles);
  return inOrder;
}

describe('reading grouped by plan', () => {
  it('reads the bundled example as reading in order does', () => {
    const dir = tree('example', { 'plan.yaml': PLAN });
    for (const period of readdirSync(join(root, 'fixtures/quang-son-2025'))) {
      for (const f of readdirSync(join(root, 'fixtures/quang-son-2025', period))) {
        mkdirSync(join(dir, 'progress', period), { recursive: true });
        copyFileSync(join(root, 'fixtures/quang-son-2025', period, f), join(dir, 'progress', period, f));
      }
    }
    expect(expectSameReading(dir).reports.length).toBeGreaterThan(5);
  });

  it('reads a province laid out any way, with its mistakes, as reading in order does', () => {
    const dir = tree('province', {
      // Progress files sort before the plans; one plan sits among its progress files.
      'bao-cao/a/vp.yaml': q3For('vp', 'xa-a-2025'),
      'bao-cao/a/kt.yaml': q3For('kt', 'xa-a-2025'),
      'bao-cao/b/vp.yaml': q3For('vp', 'xa-b-2025'),
      'bao-cao/b/ke-hoach.yaml': planFor('xa-b-2025'),
      'ke-hoach/a.yaml': planFor('xa-a-2025'),
      // Two reports of one unit and date; a plan named twice; a plan that does not exist.
      'bao-cao/b/vp-copy.yaml': q3For('vp', 'xa-b-2025'),
      'ke-hoach/b-again.yaml': planFor('xa-b-2025'),
      'bao-cao/c/vp.yaml': q3For('vp', 'xa-c-2025'),
      // A broken plan, and a report for it.
      'ke-hoach/d.yaml': planFor('xa-d-2025').replace('revision: 1', 'revision: một'),
      'bao-cao/d/vp.yaml': q3For('vp', 'xa-d-2025'),
      // Files whose first lines name no plan: braces, a byte order mark, the header far down.
      'bao-cao/a/ttphcc.yaml': `{ schema: cchc/progress@1, plan: xa-a-2025, planRevision: 1, unit: ttphcc, period: Q3, asOf: 14/09/2025, criteria: {} }\n`,
      'bao-cao/a/vhxh.yaml': `\uFEFF${q3For('vhxh', 'xa-a-2025')}`,
      'bao-cao/e/vp.yaml': `${'# ghi chú\n'.repeat(600)}${q3For('vp', 'xa-a-2025')}`,
      // Not a cchc file, and a YAML mistake.
      'bao-cao/other.yaml': 'name: something else\n',
      'bao-cao/broken.yaml': 'schema: cchc/progress@1\nplan: xa-a-2025\n  bad: [\n',
    });
    const inputs = expectSameReading(dir);
    const codes = new Set(inputs.diagnostics.map((d) => d.code));
    for (const code of ['duplicate-report', 'duplicate-plan', 'unknown-plan', 'not-cchc-file']) expect(codes).toContain(code);
    expect(inputs.plans.size).toBe(2);
    // Held text beyond the budget is read again: the same again.
    expectSameReading(dir, { heldBytes: 0 });
  });

  it('reads a generated province (the benchmark data, N = 4) as reading in order does', () => {
    const dir = join(scratch, 'generated');
    generate(4, 11, dir);
    expect(expectSameReading(dir).reports.length).toBe(4 * 16);
  });

  it('keeps the first file of two plans with one id, even when the first names no plan in its first lines', () => {
    const dir = tree('duplicate-plan', {
      'a.yaml': planFor('xa-a-2025'),
      // The same plan, its header past the first 4 kB: read before any group.
      'b.yaml': `${'# ghi chú\n'.repeat(700)}${planFor('xa-a-2025')}`,
      'c/vp.yaml': q3For('vp', 'xa-a-2025'),
    });
    const inputs = expectSameReading(dir);
    expect(inputs.plans.get('xa-a-2025')!.file).toBe('a.yaml');
    expect(inputs.diagnostics.filter((d) => d.code === 'duplicate-plan').map((d) => d.file)).toEqual(['b.yaml']);
  });

  it('hands a plan over again, with the file it missed, when a guess proves wrong', () => {
    const dir = tree('wrong-guess', {
      'a/plan.yaml': planFor('xa-a-2025'),
      'a/vp.yaml': q3For('vp', 'xa-a-2025'),
      'b/plan.yaml': planFor('xa-b-2025'),
      'b/kt.yaml': q3For('kt', 'xa-a-2025'),
    });
    // The report of b/kt.yaml belongs to xa-a-2025 but is guessed to be xa-b-2025's, and read
    // after xa-a-2025 was handed over. (A valid file cannot make the guess wrong: its plan id
    // has no spaces, so a column-0 `plan:` line is the plan it names.)
    const real = sniff.sniffFile;
    const spy = vi.spyOn(sniff, 'sniffFile').mockImplementation((abs) => (abs.endsWith('b/kt.yaml') ? { kind: 'progress', plan: 'xa-b-2025' } : real(abs)));
    try {
      const { inOrder, streamed, handedOver } = bothReadings(dir);
      expect(handedOver.map((h) => [h.plan.id, h.reports.map((r) => r.file)])).toEqual([
        ['xa-a-2025', ['a/vp.yaml']],
        ['xa-b-2025', []],
        ['xa-a-2025', ['a/vp.yaml', 'b/kt.yaml']],
      ]);
      expect(sortDiagnostics(streamed.diagnostics)).toEqual(sortDiagnostics(inOrder.diagnostics));
    } finally {
      spy.mockRestore();
    }
  });

  it('names the right first file of a duplicate report after such a wrong guess', () => {
    const dir = tree('wrong-guess-duplicate', {
      'a/plan.yaml': planFor('xa-a-2025'),
      'b/plan.yaml': planFor('xa-b-2025'),
      'b/vp.yaml': q3For('vp', 'xa-a-2025'),
      'c/vp1.yaml': q3For('vp', 'xa-a-2025'),
      'c/vp2.yaml': q3For('vp', 'xa-a-2025'),
    });
    const real = sniff.sniffFile;
    const spy = vi.spyOn(sniff, 'sniffFile').mockImplementation((abs) => (abs.endsWith('b/vp.yaml') ? { kind: 'progress', plan: 'xa-b-2025' } : real(abs)));
    try {
      const { inOrder, streamed } = bothReadings(dir);
      const duplicates = (ds: typeof inOrder.diagnostics) => sortDiagnostics(ds.filter((d) => d.code === 'duplicate-report'));
      expect(duplicates(inOrder.diagnostics).map((d) => [d.file, d.args.other])).toEqual([['c/vp1.yaml', 'b/vp.yaml'], ['c/vp2.yaml', 'b/vp.yaml']]);
      expect(duplicates(streamed.diagnostics)).toEqual(duplicates(inOrder.diagnostics));
      expect(sortDiagnostics(streamed.diagnostics)).toEqual(sortDiagnostics(inOrder.diagnostics));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('reading grouped by plan, on generated provinces', () => {
  const [PLAN_FILE, ...PROGRESS_FILES] = FIXTURE_NAMES as [string, ...string[]];
  const decoder = new TextDecoder();
  // A file of the example, perhaps broken, perhaps for a second commune, put anywhere in the tree.
  const placed = fc.record({
    source: fc.constantFrom(PLAN_FILE, PLAN_FILE, ...PROGRESS_FILES),
    folder: fc.constantFrom('', 'a/', 'z/', 'm/x/', 'ke-hoach/', 'bao-cao/q3/'),
    commune: fc.constantFrom('quang-son-2025', 'quang-son-2025', 'xa-b-2025'),
    header: fc.constantFrom('plain', 'plain', 'plain', 'far', 'escaped'),
    edit: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      fc.array(structuredEdit, { minLength: 1, maxLength: 2 }).map((edits) => ({ edits })),
      fc.array(byteEdit, { minLength: 1, maxLength: 2 }).map((bytes) => ({ bytes })),
    ),
  });

  function text({ source, commune, header, edit }: fc.RecordValue<typeof placed>): Uint8Array | string {
    const bytes = FIXTURES[source]!;
    if (edit && 'bytes' in edit) return applyByteEdits(bytes, edit.bytes);
    let t = edit && 'edits' in edit ? applyEdits(bytes, edit.edits) : decoder.decode(bytes);
    t = t.replace(/^(id|plan): quang-son-2025$/mu, `$1: ${commune}`);
    if (header === 'far') t = `${'# ghi chú\n'.repeat(500)}${t}`;
    // A header the sniffer cannot read (an escape), read by yaml alone.
    if (header === 'escaped') t = t.replace(/^schema: cchc\/(\S+)$/mu, 'schema: "cchc\\/$1"');
    return t;
  }

  it('reads each as reading in order does', () => {
    fc.assert(
      fc.property(fc.array(placed, { minLength: 1, maxLength: 8 }), fc.nat(), (files, seed) => {
        const dir = mkdtempSync(join(scratch, 'case-'));
        try {
          files.forEach((f, i) => {
            const name = `${f.folder}${(seed + i * 7) % 10}-${f.source.split('/').pop()}`;
            mkdirSync(dirname(join(dir, name)), { recursive: true });
            writeFileSync(join(dir, name), text(f));
          });
          expectSameReading(dir);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('sniffing the plan of a file from its first lines', () => {
  it('names, for every plan and progress file of the repository, the plan reading finds', () => {
    const found = discover(['plans', 'fixtures', 'tests/e2e/cases', 'tests/bad-inputs'], root).files;
    let named = 0;
    for (const f of found) {
      const guess = sniff.sniffFile(f.abs);
      const data = readSource(f.abs, f.file).source?.data as Record<string, unknown> | undefined;
      if (!guess || !data) continue;
      named++;
      const real = guess.kind === 'plan' ? data.id : data.plan;
      // A guess may only be wrong for a file that names no valid plan id.
      if (real !== guess.plan) expect(typeof real === 'string' && /^[a-z0-9][a-z0-9-]*$/u.test(real), f.file).toBe(false);
      else expect(data.schema).toBe(guess.kind === 'plan' ? 'cchc/plan@1' : 'cchc/progress@1');
    }
    expect(named).toBeGreaterThan(100);
  });

  it('reads plain and quoted values, with comments and Windows line ends', () => {
    expect(sniff.sniffText('schema: cchc/progress@1\r\nplan: "xa-a-2025" # x\r\n')).toEqual({ kind: 'progress', plan: 'xa-a-2025' });
    expect(sniff.sniffText("# c\nschema: 'cchc/plan@1'\nid: xa-b-2025\n")).toEqual({ kind: 'plan', plan: 'xa-b-2025' });
    expect(sniff.sniffText('\uFEFFschema: cchc/progress@1\nplan: xa-c\n')).toEqual({ kind: 'progress', plan: 'xa-c' });
  });

  it('names nothing it cannot be sure of', () => {
    expect(sniff.sniffText('schema: cchc/progress@1\n')).toBeUndefined();
    expect(sniff.sniffText('{ schema: cchc/progress@1, plan: x }\n')).toBeUndefined();
    expect(sniff.sniffText('schema: cchc/progress@1\n  plan: nested\n')).toBeUndefined();
    expect(sniff.sniffText('schema: cchc/progress@1\nplan: &a x\n')).toBeUndefined();
    expect(sniff.sniffText('schema: cchc/config@1\nplan: x\n')).toBeUndefined();
  });
});
