/**
 * The loading stage on real files in a temporary folder: discover → readSource → loadInputs.
 * Each broken input is written out line by line; the expected `line:column` of its finding is
 * worked out by hand from that text (1-based, as editors count) and noted beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import { discover } from '../src/load/discover.js';
import { loadInputs, type LoadOptions } from '../src/load/load-inputs.js';
import { readSource } from '../src/load/read-source.js';
import type { Diagnostic, Plan, Report } from '../src/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_FILE = 'plans/quang-son-2025.yaml';
const Q3_DIR = 'fixtures/quang-son-2025/2025-Q3';
const H1_DIR = 'fixtures/quang-son-2025/2025-H1';
const PLAN_TEXT = readFileSync(join(root, PLAN_FILE), 'utf8');

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-loader-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const text = (...lines: string[]) => `${lines.join('\n')}\n`;

function write(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** Writes the files (and, unless told otherwise, the bundled plan as plan.yaml) and loads the folder. */
function load(files: Record<string, string | Uint8Array>, plan: string | null = PLAN_TEXT, options: LoadOptions = {}) {
  write(tmp, { ...(plan !== null ? { 'plan.yaml': plan } : {}), ...files });
  const found = discover(['.'], tmp);
  const inputs = loadInputs(found.files, options);
  return { ...inputs, diagnostics: [...found.diagnostics, ...inputs.diagnostics] };
}

/** The parts of a finding these tests pin down exactly. */
const where = (d: Diagnostic) => ({ severity: d.severity, code: d.code, file: d.file, line: d.line, column: d.column });

/** A correct progress header; line numbers as in the files below. */
const HEAD = [
  'schema: cchc/progress@1', //  1
  'plan: quang-son-2025', //      2
  'planRevision: 1', //           3  value at column 15
  'unit: ttphcc', //              4  value at column 7
  'period: Quý III/2025', //      5
  'asOf: 2025-09-14', //          6  value at column 7
  'criteria:', //                 7
] as const;
const ON_TIME = ['  "3.2.1":', '    on_time: { value: 1243, total: 1250 }'] as const; // lines 8, 9

describe('readSource', () => {
  it('reads UTF-8 with a BOM and CRLF line endings, keeping line numbers right', () => {
    const file = join(tmp, 'a.yaml');
    writeFileSync(file, `\uFEFF${text(...HEAD, ...ON_TIME).replace(/\n/gu, '\r\n')}`);
    const { source, diagnostics } = readSource(file, 'a.yaml');
    expect(diagnostics).toEqual([]);
    expect(source!.text.startsWith('schema:')).toBe(true);
    expect(source!.data).toMatchObject({ asOf: '2025-09-14', criteria: { '3.2.1': { on_time: { value: 1243, total: 1250 } } } });
    // The key "3.2.1" starts on line 8, column 3, whatever the line endings.
    const key = source!.text.indexOf('"3.2.1"');
    expect(source!.lineCounter.linePos(key)).toEqual({ line: 8, col: 3 });
  });

  it('normalises NFD text (as saved on macOS) to NFC', () => {
    const file = join(tmp, 'a.yaml');
    writeFileSync(file, text(...HEAD, ...ON_TIME).normalize('NFD'));
    const { source } = readSource(file, 'a.yaml');
    expect((source!.data as { period: string }).period).toBe('Quý III/2025'.normalize('NFC'));
    expect(source!.text).toBe(source!.text.normalize('NFC'));
  });

  // yaml's parser alone took over half a minute on 5 MB of "{" (and ran out of memory on "["):
  // the nesting is now found by a scan and confirmed on the first line only.
  it.each([
    ['[', 65],
    ['{', 65],
    ['- ', 129],
  ])('refuses 5 MB of "%s" as too deep, at the level past the limit (column %i)', (unit, column) => {
    const file = join(tmp, 'sau.yaml');
    writeFileSync(file, unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length)));
    const { source, diagnostics } = readSource(file, 'sau.yaml');
    expect(source).toBeUndefined();
    // Level 65 is the 65th "[" (column 65) or the list opened by the 65th dash (column 129).
    expect(diagnostics).toEqual([{ severity: 'error', code: 'yaml-too-deep', args: { limit: 64 }, file: 'sau.yaml', line: 1, column }]);
  });

  it('counts the levels of the indentation around the brackets, and finds deep brackets the scan is fooled about', () => {
    const file = join(tmp, 'sau.yaml');
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    // Line 9 is "    on_time: " (13 characters) then the brackets: the file's mapping, "criteria"
    // and "3.2.1" are levels 1-3, so level 65 is the 62nd "[", column 75.
    writeFileSync(file, text(...HEAD, '  "3.2.1":', `    on_time: ${deep}`));
    expect(readSource(file, 'sau.yaml').diagnostics).toMatchObject([{ code: 'yaml-too-deep', line: 9, column: 75 }]);
    // 100 unclosed "[" in a block of text (line 10) make the scan stop too early; the brackets of
    // line 12 are still found. They start at column 6 (after "  k: "), inside the file's mapping
    // and that of "x" (levels 1-2): level 65 is the 63rd "[", column 68.
    writeFileSync(file, text(...HEAD, '  "3.2.1":', '    note: |', `      ${'['.repeat(100)}`, 'x:', `  k: ${deep}`));
    expect(readSource(file, 'sau.yaml').diagnostics).toMatchObject([{ code: 'yaml-too-deep', line: 12, column: 68 }]);
  });

  it('reads brackets in quotes, comments and blocks of text as text, however many', () => {
    const file = join(tmp, 'a.yaml');
    const many = '['.repeat(100);
    const note = ['    note: |', `      ${many}`];
    writeFileSync(file, text(...HEAD, `  # ${many}`, '  "3.2.1":', `    note: "${many}"`, ...ON_TIME.slice(1), '  "3.2.2":', ...note));
    const { source, diagnostics } = readSource(file, 'a.yaml');
    expect(diagnostics).toEqual([]);
    expect(source!.data).toMatchObject({ criteria: { '3.2.1': { note: many }, '3.2.2': { note: `${many}\n` } } });
  });

  it.each([
    ['a flow list', ['[a, b]: 1'], 1, 1, '[a, b]'],
    ['a flow mapping', ['{x: 1}: 2'], 1, 1, '{x: 1}'],
    ['an explicit key', ['a: 1', '? [a]', ': 1'], 2, 3, '[a]'],
    ['a block list', ['a:', '  ? - one', '    - two', '  : 1'], 2, 5, '- one - two'],
    ['an alias of a list', ['a: &x [1, 2]', '? *x', ': 1'], 2, 3, '*x'],
    ['a key in a flow list', ['x: [[a]: 1]'], 1, 5, '[a]'],
    // yaml itself reports "Map comment with trailing content" at such a key after another one.
    ['a flow list after another key of a nested mapping', ['criteria:', '  "3.2.1": {}', '  ["3.1.1", "3.1.2"]:', '    status: done'], 3, 3, '["3.1.1", "3.1.2"]'],
  ])('yaml-collection-key: %s, at the key and shown as written', (_, lines, line, column, key) => {
    const file = join(tmp, 'a.yaml');
    writeFileSync(file, text(...lines));
    const { source, diagnostics } = readSource(file, 'a.yaml');
    expect(source).toBeUndefined();
    expect(diagnostics).toEqual([{ severity: 'error', code: 'yaml-collection-key', args: { key }, file: 'a.yaml', line, column }]);
  });

  it('reports a missing file as unreadable, without a position', () => {
    const { source, diagnostics } = readSource(join(tmp, 'khong-co.yaml'), 'khong-co.yaml');
    expect(source).toBeUndefined();
    expect(diagnostics).toEqual([{ severity: 'error', code: 'file-unreadable', args: { reason: 'ENOENT' }, file: 'khong-co.yaml' }]);
  });
});

describe('discover', () => {
  it('finds .yaml and .yml files recursively, sorted, with relative `/` paths, skipping dot folders and node_modules', () => {
    write(tmp, {
      'bao-cao/2025-Q3/vp.yaml': 'x: 1\n',
      'bao-cao/2025-Q3/kt.YML': 'x: 1\n',
      'bao-cao/2025-H1/ttphcc.yml': 'x: 1\n',
      'bao-cao/ghi-chu.txt': 'không phải YAML\n',
      'bao-cao/.nhap/vp.yaml': 'x: 1\n',
      'bao-cao/node_modules/x.yaml': 'x: 1\n',
      'ke-hoach.yaml': 'x: 1\n',
    });
    const { files, diagnostics } = discover(['bao-cao', 'ke-hoach.yaml', './bao-cao/2025-Q3/vp.yaml'], tmp);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.file)).toEqual(['bao-cao/2025-H1/ttphcc.yml', 'bao-cao/2025-Q3/kt.YML', 'bao-cao/2025-Q3/vp.yaml', 'ke-hoach.yaml']);
    expect(files.every((f) => f.abs === join(tmp, f.file))).toBe(true);
  });

  // Folders are identified (a stat each) only once a link to a folder is met, or deeper than 8
  // levels: the links below must still be followed once, and loops and repeats skipped.
  it('follows a link to a folder once, and skips a link back to a folder already walked, at any depth', () => {
    const deep = 'a/b/c/d/e/f/g/h/i/j';
    write(tmp, {
      'a/1.yaml': 'x: 1\n',
      [`${deep}/2.yaml`]: 'x: 1\n',
      'z/3.yaml': 'x: 1\n',
    });
    symlinkSync(join(tmp, 'a'), join(tmp, deep, 've-a')); // back to an ancestor, 10 levels down
    symlinkSync(join(tmp, 'z'), join(tmp, 'a/0-z')); // a folder not walked yet: walked here, not again
    symlinkSync('.', join(tmp, 'z/vong')); // itself
    const { files, diagnostics } = discover(['a', 'z'], tmp);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.file)).toEqual(['a/0-z/3.yaml', 'a/1.yaml', `${deep}/2.yaml`, 'z/3.yaml']);
    // From a/b the link back to a leads out of the walk: a is walked through it, down to a/b again.
    expect(discover(['a/b'], tmp).files.map((f) => f.file)).toEqual([`${deep}/2.yaml`, `${deep}/ve-a/0-z/3.yaml`, `${deep}/ve-a/1.yaml`]);
    // Without links the deep tree is walked as deep as it goes.
    rmSync(join(tmp, deep, 've-a'));
    expect(discover(['a/b'], tmp).files.map((f) => f.file)).toEqual([`${deep}/2.yaml`]);
  });

  it('names a missing path and a folder without YAML files', () => {
    mkdirSync(join(tmp, 'trong'));
    const { files, diagnostics } = discover(['khong-co', 'trong'], tmp);
    expect(files).toEqual([]);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'path-missing', args: {}, file: 'khong-co' },
      { severity: 'error', code: 'no-yaml-files', args: {}, file: 'trong' },
    ]);
  });
});

describe('loadInputs: the exact code, line and column of each problem', () => {
  it('loads the bundled plan with a correct progress file and finds nothing wrong', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ...ON_TIME) });
    expect(r.diagnostics).toEqual([]);
    expect(r.counts).toEqual({ files: 2, plans: 1, reports: 1 });
    expect(r.reports[0]!.entries.get('3.2.1')!.figures.get('on_time')).toEqual({ value: 1243, total: 1250 });
    expect(r.reports[0]!.entries.get('3.2.1')!.line).toBe(8); // the entry's key, "3.2.1":
  });

  it('yaml-syntax: a tab used for indentation', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "3.2.1":', '\ton_time: { value: 1243, total: 1250 }') });
    // The tab is the first character of line 9.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'yaml-syntax', file: 'in/ttphcc.yaml', line: 9, column: 1 }]);
  });

  it('yaml-duplicate-key: asOf written twice', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD.slice(0, 6), 'asOf: 2025-09-15', 'criteria:', ...ON_TIME) });
    // The second `asOf` key is line 7, column 1.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'yaml-duplicate-key', file: 'in/ttphcc.yaml', line: 7, column: 1 }]);
  });

  it('required: no period (reported at the top of the file)', () => {
    const lines = HEAD.filter((l) => !l.startsWith('period:'));
    const r = load({ 'in/ttphcc.yaml': text(...lines, ...ON_TIME) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'required', file: 'in/ttphcc.yaml', line: 1, column: 1 }]);
    expect(r.diagnostics[0]!.args).toMatchObject({ field: 'period' });
  });

  it('unknown-field with a suggestion: reportBy for reportedBy', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD.slice(0, 6), 'reportBy: Bộ phận tổng hợp', 'criteria:', ...ON_TIME) });
    // `reportBy` is line 7, column 1.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unknown-field', file: 'in/ttphcc.yaml', line: 7, column: 1 }]);
    expect(r.diagnostics[0]!.args).toMatchObject({ field: 'reportBy', suggestion: 'reportedBy' });
  });

  it('wrong-type: planRevision written in words', () => {
    const r = load({ 'in/ttphcc.yaml': text(HEAD[0], HEAD[1], 'planRevision: một', ...HEAD.slice(3), ...ON_TIME) });
    // "planRevision: " is 14 characters, so the value starts at line 3, column 15.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'wrong-type', file: 'in/ttphcc.yaml', line: 3, column: 15 }]);
    expect(r.diagnostics[0]!.args).toEqual({ expected: 'integer' });
  });

  it('bad-format: a date written with dots', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD.slice(0, 5), 'asOf: 14.09.2025', 'criteria:', ...ON_TIME) });
    // "asOf: " is 6 characters: line 6, column 7.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'bad-format', file: 'in/ttphcc.yaml', line: 6, column: 7 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: '14.09.2025', hint: 'date' });
  });

  it('impossible-date: completedOn 31/02/2025', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "3.1.2":', '    status: done', '    completedOn: 31/02/2025') });
    // "    completedOn: " is 17 characters: line 10, column 18.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'impossible-date', file: 'in/ttphcc.yaml', line: 10, column: 18 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: '31/02/2025' });
  });

  it('impossible-date also for asOf 29/02/2025 (2025 is not a leap year)', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD.slice(0, 5), 'asOf: 29/02/2025', 'criteria:', ...ON_TIME) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'impossible-date', file: 'in/ttphcc.yaml', line: 6, column: 7 }]);
  });

  it('unknown-criterion: "3.2.9", with a suggestion', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "3.2.9":', ON_TIME[1]) });
    // The key "3.2.9" (with its quote) starts at line 8, column 3.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unknown-criterion', file: 'in/ttphcc.yaml', line: 8, column: 3 }]);
    expect(r.diagnostics[0]!.args).toEqual({ id: '3.2.9', plan: 'quang-son-2025', suggestion: '3.2.1' });
  });

  it('unknown-measure: on_tme, with a suggestion', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ON_TIME[0], '    on_tme: { value: 1243, total: 1250 }') });
    // The key `on_tme` starts at line 9, column 5.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unknown-measure', file: 'in/ttphcc.yaml', line: 9, column: 5 }]);
    expect(r.diagnostics[0]!.args).toEqual({ criterion: '3.2.1', measure: 'on_tme', known: 'on_time', suggestion: 'on_time' });
  });

  it('value-exceeds-total: 1260 of 1250', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ON_TIME[0], '    on_time: { value: 1260, total: 1250 }') });
    // "    on_time: { value: " is 22 characters: the value 1260 is at line 9, column 23.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'value-exceeds-total', file: 'in/ttphcc.yaml', line: 9, column: 23 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: 1260, total: 1250 });
  });

  it('too-small: a negative numerator', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ON_TIME[0], '    on_time: { value: -5, total: 1250 }') });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'too-small', file: 'in/ttphcc.yaml', line: 9, column: 23 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: '-5', limit: 0 });
  });

  it('too-small: a negative count', () => {
    const r = load({ 'in/vhxh.yaml': text(...HEAD.slice(0, 3), 'unit: vhxh', ...HEAD.slice(4), '  "5.2":', '    leaders_disciplined: -1') });
    // "    leaders_disciplined: " is 25 characters: line 9, column 26.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'too-small', file: 'in/vhxh.yaml', line: 9, column: 26 }]);
  });

  it('not-responsible: Phòng Kinh tế gives figures for 3.2.1 (led by ttphcc); a note alone is allowed', () => {
    const r = load({
      'in/kt.yaml': text(...HEAD.slice(0, 3), 'unit: kt', ...HEAD.slice(4), ...ON_TIME, '  "3.2.2":', '    note: Phòng Kinh tế chỉ ghi chú'),
    });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'not-responsible', file: 'in/kt.yaml', line: 8, column: 3 }]);
    expect(r.diagnostics[0]!.args).toEqual({ unit: 'kt', criterion: '3.2.1', lead: 'Trung tâm Phục vụ hành chính công' });
  });

  it('duplicate-report: two files for ttphcc as of 2025-09-14 (the second in path order is flagged)', () => {
    const r = load({
      'in/a.yaml': text(...HEAD, ...ON_TIME),
      'in/b.yaml': text(...HEAD.slice(0, 5), 'asOf: 14/09/2025', 'criteria:', ...ON_TIME),
    });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'duplicate-report', file: 'in/b.yaml', line: 6, column: 7 }]);
    expect(r.diagnostics[0]!.args).toMatchObject({ unit: 'ttphcc', other: 'in/a.yaml' });
    expect(r.reports.map((x) => x.file)).toEqual(['in/a.yaml']);
  });

  it('progress files met before their plan give the same result whether held or read again', () => {
    // plan.yaml sorts after in/: every progress file waits for it. With heldBytes 0 none is
    // kept in memory, and each is read and parsed again once the plan is loaded.
    const files = {
      'in/a.yaml': text(...HEAD, ...ON_TIME),
      'in/b.yaml': text(...HEAD.slice(0, 5), 'asOf: 14/09/2025', 'criteria:', ...ON_TIME),
      'in/c.yaml': text(...HEAD.slice(0, 5), 'asOf: 14/06/2025', 'criteria:', '  "3.2.9":', '    on_time: 1'),
    };
    const held = load(files);
    const reread = load(files, PLAN_TEXT, { heldBytes: 0 });
    expect(reread.diagnostics).toEqual(held.diagnostics);
    expect(reread.diagnostics.map((d) => d.code).sort()).toEqual(['duplicate-report', 'unknown-criterion']);
    expect(reread.reports).toEqual(held.reports);
    expect(reread.reports.map((r) => r.file)).toEqual(['in/a.yaml']);
  });

  it('findingsOnly (cchc validate) finds the same problems and keeps no report nor plan', () => {
    const files = {
      'in/a.yaml': text(...HEAD, ...ON_TIME),
      'in/b.yaml': text(...HEAD.slice(0, 5), 'asOf: 14/09/2025', 'criteria:', ...ON_TIME),
      'in/c.yaml': text(...HEAD.slice(0, 5), 'asOf: 14/06/2025', 'criteria:', ...ON_TIME),
    };
    const kept = load(files);
    const light = load(files, PLAN_TEXT, { findingsOnly: true });
    expect(light.diagnostics).toEqual(kept.diagnostics);
    expect(light.diagnostics.map((d) => d.code)).toEqual(['duplicate-report']);
    expect(kept.reports).toHaveLength(2);
    expect(light.reports).toEqual([]);
    expect(kept.plans.size).toBe(1);
    expect(light.plans.size).toBe(0);
    expect(light.planFiles).toEqual(kept.planFiles);
    expect(light.counts).toEqual(kept.counts);
  });

  it('duplicate-report also when the unit is written by name in one file and by id in the other', () => {
    const r = load({
      'in/a.yaml': text(...HEAD.slice(0, 3), 'unit: vhxh', ...HEAD.slice(4), '  "5.2":', '    leaders_disciplined: 0'),
      'in/b.yaml': text(...HEAD.slice(0, 3), 'unit: Phòng Văn hoá - Xã hội', ...HEAD.slice(4), '  "5.2":', '    leaders_disciplined: 0'),
    });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'duplicate-report', file: 'in/b.yaml', line: 6, column: 7 }]);
  });

  it('unknown-plan: plan quang-son-2024, with a suggestion', () => {
    const r = load({ 'in/ttphcc.yaml': text(HEAD[0], 'plan: quang-son-2024', ...HEAD.slice(2), ...ON_TIME) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unknown-plan', file: 'in/ttphcc.yaml', line: 2, column: 7 }]);
    expect(r.diagnostics[0]!.args).toEqual({ plan: 'quang-son-2024', loaded: 'quang-son-2025', suggestion: 'quang-son-2025' });
  });

  it('unknown-plan when no plan is loaded at all', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ...ON_TIME) }, null);
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unknown-plan', file: 'in/ttphcc.yaml', line: 2, column: 7 }]);
    expect(r.diagnostics[0]!.args).toEqual({ plan: 'quang-son-2025', loaded: '' });
  });

  it('plan-revision-newer: planRevision 2 against a plan at revision 1', () => {
    const r = load({ 'in/ttphcc.yaml': text(HEAD[0], HEAD[1], 'planRevision: 2', ...HEAD.slice(3), ...ON_TIME) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'plan-revision-newer', file: 'in/ttphcc.yaml', line: 3, column: 15 }]);
    expect(r.diagnostics[0]!.args).toEqual({ planRevision: 2, revision: 1 });
    expect(r.reports).toEqual([]);
  });

  it('plan-revision-older is a warning, and the report is still loaded', () => {
    const plan = PLAN_TEXT.replace(/^revision: 1$/mu, 'revision: 2');
    expect(plan).not.toBe(PLAN_TEXT);
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, ...ON_TIME) }, plan);
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'warning', code: 'plan-revision-older', file: 'in/ttphcc.yaml', line: 3, column: 15 }]);
    expect(r.diagnostics[0]!.args).toEqual({ planRevision: 1, revision: 2 });
    expect(r.reports).toHaveLength(1);
  });

  it('unit-is-group: unit ccm', () => {
    const r = load({ 'in/ccm.yaml': text(...HEAD.slice(0, 3), 'unit: ccm', ...HEAD.slice(4, 6), 'criteria: {}') });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unit-is-group', file: 'in/ccm.yaml', line: 4, column: 7 }]);
    expect(r.diagnostics[0]!.args).toEqual({ id: 'ccm', members: 'vp, kt, vhxh', example: 'vp' });
  });

  it('unit-is-group also for the group written by an alias', () => {
    const r = load({ 'in/ccm.yaml': text(...HEAD.slice(0, 3), 'unit: Các cơ quan chuyên môn xã', ...HEAD.slice(4, 6), 'criteria: {}') });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'unit-is-group', file: 'in/ccm.yaml', line: 4, column: 7 }]);
  });

  it('criterion-is-heading: "3.2"', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "3.2":', ON_TIME[1]) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'criterion-is-heading', file: 'in/ttphcc.yaml', line: 8, column: 3 }]);
    expect(r.diagnostics[0]!.args).toEqual({ id: '3.2', children: '3.2.1, 3.2.2, 3.2.3' });
  });

  it('criterion-is-heading: the empty heading "9.1.4"', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "9.1.4":', '    status: done', '    completedOn: 2025-09-01') });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'criterion-is-heading', file: 'in/ttphcc.yaml', line: 8, column: 3 }]);
    expect(r.diagnostics[0]!.args).toEqual({ id: '9.1.4', children: '' });
  });

  it('done-needs-date: status done without completedOn', () => {
    const r = load({ 'in/ttphcc.yaml': text(...HEAD, '  "3.1.2":', '    status: done') });
    // "    status: " is 12 characters: line 9, column 13.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'done-needs-date', file: 'in/ttphcc.yaml', line: 9, column: 13 }]);
  });

  it('file-not-utf8: a Latin-1 file, at the line of the first bad byte', () => {
    const latin1 = Buffer.from(text(...HEAD, ...ON_TIME), 'latin1'); // "Quý" on line 5 becomes the byte 0xFD
    expect(latin1.includes(0xfd)).toBe(true);
    const r = load({ 'in/ttphcc.yaml': latin1 });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'file-not-utf8', file: 'in/ttphcc.yaml', line: 5, column: 1 }]);
  });

  it('file-empty: an empty file and a file of comments only', () => {
    const r = load({ 'in/a.yaml': '', 'in/b.yaml': '# chỉ có ghi chú\n\n' });
    expect(r.diagnostics.map(where)).toEqual([
      { severity: 'error', code: 'file-empty', file: 'in/a.yaml', line: 1, column: 1 },
      { severity: 'error', code: 'file-empty', file: 'in/b.yaml', line: 1, column: 1 },
    ]);
  });

  it('reports the problems of every file together, not only the first', () => {
    const r = load({
      'in/a.yaml': text(...HEAD, '  "3.2.9":', ON_TIME[1]),
      'in/b.yaml': '',
      'in/c.yaml': text(HEAD[0], 'plan: quang-son-2024', ...HEAD.slice(2), ...ON_TIME),
    });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort()).toEqual([
      'in/a.yaml:8:3 unknown-criterion',
      'in/b.yaml:1:1 file-empty',
      'in/c.yaml:2:7 unknown-plan',
    ]);
  });

  it('keeps positions right in a BOM + CRLF file', () => {
    const crlf = `\uFEFF${text(...HEAD, ON_TIME[0], '    on_time: { value: 1260, total: 1250 }').replace(/\n/gu, '\r\n')}`;
    const r = load({ 'in/ttphcc.yaml': crlf });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'value-exceeds-total', file: 'in/ttphcc.yaml', line: 9, column: 23 }]);
  });
});

/** The header of a progress file of another unit (same line numbers as HEAD). */
const headOf = (unit: string) => HEAD.map((l) => (l === 'unit: ttphcc' ? `unit: ${unit}` : l));

describe('loadInputs: one mistake, one diagnostic', () => {
  it.each([
    // "    complatedOn" starts at column 5 of line 10: not also done-needs-date, nor task-has-no-measures.
    ['a misspelt completedOn', 'ttphcc', ['  "3.1.2":', '    status: done', '    complatedOn: 2025-07-08'], 'unknown-field', 10, 5],
    ['a misspelt status', 'ttphcc', ['  "3.1.2":', '    Status: done', '    completedOn: 2025-07-08'], 'unknown-field', 9, 5],
    ['a misspelt field of a measured criterion', 'ttphcc', [...ON_TIME, '    complatedOn: 2025-07-08'], 'unknown-field', 10, 5],
    // "    leaders_disciplined: " is 25 characters: not also number-expected.
    ['a decimal comma', 'vhxh', ['  "5.2":', '    leaders_disciplined: 0,5'], 'decimal-comma', 9, 26],
    ['a count given as a list', 'vhxh', ['  "5.2":', '    leaders_disciplined: [1]'], 'wrong-type', 9, 26],
    // "    on_time: " is 13 characters: not also wrong-type.
    ['a ratio given as text', 'ttphcc', [ON_TIME[0], '    on_time: "1243/1250"'], 'ratio-needs-total', 9, 14],
    // The total, after "    on_time: { value: 0, total: " (32 characters): not also value-exceeds-total.
    ['a negative total', 'ttphcc', [ON_TIME[0], '    on_time: { value: 0, total: -7 }'], 'too-small', 9, 33],
    ['a negative count with decimals', 'vhxh', ['  "5.2":', '    leaders_disciplined: -1.5'], 'too-small', 9, 26],
    // Not also bad-format: the plan check names the measure meant.
    ['a measure id in capitals', 'ttphcc', [ON_TIME[0], '    On_time: { value: 1243, total: 1250 }'], 'unknown-measure', 9, 5],
  ])('%s', (_, unit, lines, code, line, column) => {
    const r = load({ 'in/f.yaml': text(...headOf(unit), ...lines) });
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code, file: 'in/f.yaml', line, column }]);
  });
});

describe('loadInputs: thousands-dot', () => {
  const loadFigure = (unit: string, criterion: string, figure: string) => load({ 'in/f.yaml': text(...headOf(unit), `  "${criterion}":`, `    ${figure}`) });

  it('is an error, in place of value-exceeds-total, for a total read below its value', () => {
    const r = loadFigure('ttphcc', '3.2.1', 'on_time: { value: 1243, total: 1.250 }');
    // "    on_time: { value: 1243, total: " is 35 characters: the total is at line 9, column 36.
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'thousands-dot', file: 'in/f.yaml', line: 9, column: 36 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: '1.250', read: 1.25, fixed: '1250', reason: 'below-value', other: 1243 });
    expect(r.reports).toEqual([]);
  });

  it('is an error, in place of count-not-integer, for a count read as a decimal', () => {
    const r = loadFigure('vhxh', '5.2', 'leaders_disciplined: 1.250');
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'error', code: 'thousands-dot', file: 'in/f.yaml', line: 9, column: 26 }]);
    expect(r.diagnostics[0]!.args).toEqual({ value: '1.250', read: 1.25, fixed: '1250', reason: 'not-integer' });
  });

  it.each([
    ['a value beside a whole total', 'ttphcc', '3.2.1', 'on_time: { value: 1.243, total: 1250 }', 23, '1.243'],
    ['a total beside a whole value', 'ttphcc', '3.2.1', 'on_time: { value: 1, total: 1.250 }', 33, '1.250'],
    ['a count written 1.000', 'vhxh', '5.2', 'leaders_disciplined: 1.000', 26, '1.000'],
  ])('is a warning for %s, and the report is still loaded', (_, unit, criterion, figure, column, value) => {
    const r = loadFigure(unit, criterion, figure);
    expect(r.diagnostics.map(where)).toEqual([{ severity: 'warning', code: 'thousands-dot', file: 'in/f.yaml', line: 9, column }]);
    expect(r.diagnostics[0]!.args.value).toBe(value);
    expect(r.reports).toHaveLength(1);
  });

  it.each([
    // Sums in tỷ đồng and other decimals that are meant.
    ['kt', '6.1.1', 'disbursement: { value: 7.85, total: 12.8 }'],
    ['kt', '6.1.1', 'disbursement: { value: 7.850, total: 12.800 }'],
    ['kt', '6.1.1', 'disbursement: { value: 3.1, total: 12.125 }'],
    ['ttphcc', '3.2.1', 'on_time: { value: 1.243, total: 1.250 }'],
    ['ttphcc', '3.2.1', 'on_time: { value: 0.125, total: 1 }'],
    ['ttphcc', '3.2.1', 'on_time: { value: "1243", total: 1.250 }'],
    ['vhxh', '5.2', 'leaders_disciplined: 1.25'],
  ])('is not given for %s %s %s', (unit, criterion, figure) => {
    const r = loadFigure(unit, criterion, figure);
    expect(r.diagnostics.filter((d) => d.code === 'thousands-dot')).toEqual([]);
  });

  it('leaves value-exceeds-total alone when the dot does not explain it', () => {
    const r = loadFigure('ttphcc', '3.2.1', 'on_time: { value: 1.250, total: 1 }');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['value-exceeds-total']);
  });
});

describe('encodings do not change the result: the bundled plan and fixtures evaluated as of 2025-09-14', () => {
  const AS_OF = { asOf: '2025-09-14', dueSoonDays: 30 };

  function bundledFiles(dirs: string[]): string[] {
    return [PLAN_FILE, ...dirs.flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))];
  }

  /** Loads plan and progress from `cwd` (same relative layout as the repository) and evaluates them. */
  function evaluateAt(cwd: string, dirs: string[]): Report {
    const found = discover([PLAN_FILE, ...dirs], cwd);
    const inputs = loadInputs(found.files);
    expect([...found.diagnostics, ...inputs.diagnostics]).toEqual([]);
    expect(inputs.counts).toEqual({ files: 1 + 4 * dirs.length, plans: 1, reports: 4 * dirs.length });
    const plan = inputs.plans.get('quang-son-2025') as Plan;
    return evaluate(plan, inputs.reports, AS_OF);
  }

  /** Copies the bundled files into the temp folder, transformed; returns what was written. */
  function copyTransformed(dirs: string[], transform: (s: string) => string): void {
    for (const f of bundledFiles(dirs)) write(tmp, { [f]: transform(readFileSync(join(root, f), 'utf8')) });
  }

  const variants: [string, string[], (s: string) => string][] = [
    ['(a) UTF-8 BOM and CRLF line endings', [Q3_DIR], (s) => `\uFEFF${s.replace(/\n/gu, '\r\n')}`],
    ['(b) all text in NFD', [Q3_DIR], (s) => s.normalize('NFD')],
    ['(c) BOM, CRLF and NFD together, with the 6-month reports too', [H1_DIR, Q3_DIR], (s) => `\uFEFF${s.normalize('NFD').replace(/\n/gu, '\r\n')}`],
  ];

  for (const [name, dirs, transform] of variants) {
    it(name, () => {
      const clean = evaluateAt(root, dirs);
      copyTransformed(dirs, transform);
      // The transformation really happened.
      const written = readFileSync(join(tmp, PLAN_FILE));
      expect(written.equals(readFileSync(join(root, PLAN_FILE)))).toBe(false);
      const variant = evaluateAt(tmp, dirs);
      // The copies keep the repository's relative layout, so even the file paths in `sources` agree.
      expect(variant).toEqual(clean);
      expect(clean.summary).toMatchObject({ total: 43, fail: 1 });
    });
  }
});

describe('what is kept of the files read', () => {
  // V8 keeps a string read from a file (13 characters or more) as a slice of the file's whole
  // text: one such string kept, say a plan id as a map key, keeps the text (~60 KB of a plan).
  // Measured in a process of its own, started with --expose-gc, on the built modules.
  const MEASURE = `
    const [dir, options] = JSON.parse(process.argv[1]);
    const { discover } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/load/discover.js')).href)});
    const { loadInputs } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/load/load-inputs.js')).href)});
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    const { files } = discover(['.'], dir);
    loadInputs(files.slice(0, 2), options); // once first, so that what is measured holds no compiled code
    const start = heap();
    const inputs = loadInputs(files, options);
    const kept = heap() - start;
    // The same values, every string a copy of its own: what keeping them should cost (files is a
    // lookup, made when first asked, not data).
    const copy = structuredClone({ ...inputs, files: undefined });
    const copied = heap() - start - kept;
    console.log(JSON.stringify({ kept, copied, planFiles: copy.planFiles.size }));
  `;

  it.each([
    ['cchc validate (findingsOnly)', { findingsOnly: true }],
    ['reading in order, whole plans kept', {}],
  ] as const)('%s keeps no file text alive', (_, options) => {
    const count = 60;
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      // Ids of 13 characters or more, as a merged commune's are.
      files[`ke-hoach/${i}.yaml`] = PLAN_TEXT.replace(/^id: quang-son-2025$/mu, `id: xa-thu-nghiem-so-${i}-2025`);
    }
    write(tmp, files);
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', MEASURE, JSON.stringify([tmp, options])], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { kept, copied, planFiles } = JSON.parse(run.stdout) as { kept: number; copied: number; planFiles: number };
    expect(planFiles).toBe(count);
    // The texts are ~4 MB, as much as the whole plans take and 300 times what findingsOnly keeps;
    // a tenth of that is left for the heap's own changes from one measure to the next.
    const texts = Object.values(files).reduce((sum, t) => sum + t.length * 2, 0);
    expect(kept, `kept ${kept} bytes, a copy ${copied}, texts ${texts}`).toBeLessThan(copied * 1.25 + texts * 0.1);
  });
});
