/**
 * Plan revisions: a progress file made for an older revision is checked against the current plan,
 * with warnings naming exactly the recorded changes (`amendments:`) that touch what it reports; a
 * criterion removed or renumbered since is an error; a future format version is refused clearly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInputs } from '../src/load/load-inputs.js';
import { formatMessage } from '../src/messages.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_V1 = readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8');

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-rev-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Revision 2 of the bundled plan: 7.3.3's target raised, 3.2.3 renumbered 3.2.4, 9.1.3 removed. */
function planV2(amendmentRevision = 2): string {
  let text = PLAN_V1.replace(/^revision: 1$/mu, [
    'revision: 2',
    'amendments:',
    `  - revision: ${amendmentRevision}`,
    '    date: 15/10/2025',
    '    basis: Kế hoạch số 12/KH-UBND ngày 15/10/2025',
    '    changes:',
    '      - { criterion: "7.3.3", measure: online_full, field: target, from: "> 85%", to: "> 90%" }',
    '      - { criterion: "3.2.3", field: renumbered, from: "3.2.3", to: "3.2.4" }',
    '      - { criterion: "9.1.3", field: removed }',
  ].join('\n'));
  text = text.replace('target: "> 85%"', 'target: "> 90%"').replace('- id: "3.2.3"', '- id: "3.2.4"');
  // Drop 9.1.3's block: from its `- id:` line to the next entry at the same indentation.
  const removed = text.replace(/^( +)- id: "9\.1\.3"\n(?:\1 .*\n|\s*\n)*?(?=\1- id:)/mu, '');
  expect(removed).not.toBe(text);
  return removed;
}

const progress = (criteria: string[], revision = 1) => [
  'schema: cchc/progress@1',
  'plan: quang-son-2025',
  `planRevision: ${revision}`,
  'unit: ttphcc',
  'period: Quý III/2025',
  'asOf: 2025-09-14',
  'criteria:',
  ...criteria,
  '',
].join('\n');

function load(files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content);
  return loadInputs(Object.keys(files).map((name) => ({ abs: join(tmp, name), file: name })));
}

describe('a progress file pinned to an older plan revision', () => {
  it('gets a warning per recorded change that touches a criterion it reports, at that criterion', () => {
    const { diagnostics, reports } = load({
      'plan.yaml': planV2(),
      'ttphcc.yaml': progress([
        '  "7.3.3":', //                              line 8
        '    online_full: { value: 975, total: 1250 }',
        '  "3.2.1":', //                              line 10
        '    on_time: { value: 1243, total: 1250 }',
      ]),
    });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'plan-revision-older', 3],
      ['warning', 'plan-changed', 8],
    ]);
    const changed = diagnostics[1]!;
    expect(changed.args).toMatchObject({ criterion: '7.3.3', measure: 'online_full', field: 'target', from: '> 85%', to: '> 90%', revision: 2 });
    expect(formatMessage(changed, 'en')).toBe(
      'Plan revision 2: the target of online_full of criterion 7.3.3 changed from “> 85%” to “> 90%”. Check this criterion\'s figures.',
    );
    expect(reports).toHaveLength(1); // warnings only: the file is still evaluated
  });

  it('is told when a criterion it reports was renumbered or removed (error, with what to write)', () => {
    const { diagnostics, reports } = load({
      'plan.yaml': planV2(),
      'ttphcc.yaml': progress([
        '  "3.2.3":', //        line 8
        '    status: in-progress',
        '  "9.1.3":', //        line 10
        '    businesses_supported: { value: 3, total: 3 }',
      ]),
    });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line, d.column])).toEqual([
      ['criterion-removed', 8, 3],
      ['criterion-removed', 10, 3],
    ]);
    expect(formatMessage(errors[0]!, 'vi')).toContain('đã đổi mã thành “3.2.4” ở lần sửa đổi 2');
    expect(formatMessage(errors[1]!, 'vi')).toContain('đã bị bỏ ở lần sửa đổi 2');
    expect(reports).toHaveLength(0);
  });

  it('a file already at the current revision gets no revision warning', () => {
    const { diagnostics } = load({
      'plan.yaml': planV2(),
      'ttphcc.yaml': progress(['  "7.3.3":', '    online_full: { value: 975, total: 1250 }'], 2),
    });
    expect(diagnostics).toEqual([]);
  });

  it('without recorded amendments, an older revision is one general warning', () => {
    const plan = PLAN_V1.replace(/^revision: 1$/mu, 'revision: 3');
    const { diagnostics } = load({ 'plan.yaml': plan, 'ttphcc.yaml': progress(['  "7.3.3":', '    online_full: { value: 975, total: 1250 }']) });
    expect(diagnostics.map((d) => d.code)).toEqual(['plan-revision-older']);
  });

  it('an amendment numbered above the plan revision is an error in the plan', () => {
    const { diagnostics, plans } = load({ 'plan.yaml': planV2(5) });
    expect(plans.size).toBe(0);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['amendment-revision-future', 'plan.yaml']]);
  });
});

describe('cchc validate, which keeps only an outline of each plan (findingsOnly)', () => {
  it('finds what reading whole plans finds: amendments, headings, and each plan its own criteria', () => {
    const asOf = (date: string, text: string) => text.replace('asOf: 2025-09-14', `asOf: ${date}`);
    const files = {
      // Two plans: revision 2 of the bundled one (3.2.3 renumbered 3.2.4), and a commune whose
      // plan is still revision 1, where 3.2.3 exists.
      'plan-a.yaml': planV2(),
      'plan-b.yaml': PLAN_V1.replace(/^id: quang-son-2025$/mu, 'id: xa-b-2025'),
      'a-old.yaml': progress(['  "7.3.3":', '    online_full: { value: 975, total: 1250 }', '  "3.2.3":', '    status: in-progress']),
      'a-heading.yaml': asOf('2025-06-14', progress(['  "7.3":', '    status: in-progress'], 2)),
      'b.yaml': progress(['  "3.2.3":', '    status: in-progress']).replace('plan: quang-son-2025', 'plan: xa-b-2025'),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content);
    const found = Object.keys(files).map((name) => ({ abs: join(tmp, name), file: name }));
    const whole = loadInputs(found);
    const outlines = loadInputs(found, { findingsOnly: true });
    expect(outlines.diagnostics).toEqual(whole.diagnostics);
    expect(outlines.diagnostics.map((d) => [d.file, d.code, d.args.to ?? d.args.children ?? null])).toEqual([
      ['a-old.yaml', 'plan-revision-older', null],
      ['a-old.yaml', 'plan-changed', '> 90%'],
      ['a-old.yaml', 'criterion-removed', '3.2.4'],
      ['a-heading.yaml', 'criterion-is-heading', '7.3.1, 7.3.2, 7.3.3'],
    ]);
    expect(whole.reports.map((r) => r.file)).toEqual(['b.yaml']);
  });
});

describe('future file format versions', () => {
  it.each([
    ['plan', PLAN_V1.replace('schema: cchc/plan@1', 'schema: cchc/plan@2')],
    ['progress', progress([]).replace('cchc/progress@1', 'cchc/progress@2')],
  ])('a %s file in format @2 is refused with "needs a newer cchc", not a schema dump', (_, text) => {
    const { diagnostics } = load({ 'x.yaml': text });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('schema-future');
    expect(formatMessage(diagnostics[0]!, 'vi')).toContain('mới hơn phiên bản cchc này');
  });
});
