/**
 * Fuzzing the loading and evaluation of the bundled example (fuzz-core.ts, mutate.ts): broken
 * copies of the plan and progress files must give diagnostics with positions or a report that
 * validates against report.schema.json — never an exception, never a hang.
 * fuzz-documents.test.ts holds the random documents and the end-to-end `runCheck` property.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, FIXTURES, Workspace, checkFiles, type Files } from './fuzz-core.js';
import { applyByteEdits, applyEdits, byteEdit, structuredEdit } from './mutate.js';
import { caseOptions, checkCase, runProperty, runsOf, timeoutFor } from './settings.js';

const [PLAN, ...PROGRESS] = FIXTURE_NAMES as [string, ...string[]];

/** The plan, the edited file and some of the other progress files (fewer files, faster cases). */
function fileSet(target: string, content: string | Uint8Array, others: readonly string[]): Files {
  const files: Files = { [PLAN]: FIXTURES[PLAN]! };
  for (const f of others) files[f] = FIXTURES[f]!;
  files[target] = content;
  return files;
}

const target = fc.oneof({ weight: 1, arbitrary: fc.constant(PLAN) }, { weight: 2, arbitrary: fc.constantFrom(...PROGRESS) });
const others = fc.subarray(PROGRESS);

let ws: Workspace;
beforeAll(() => {
  ws = new Workspace();
});
afterAll(() => ws.dispose());

describe('fuzz: mutations of the bundled example', () => {
  const structuredRuns = runsOf('structured');
  it(`structured edits (delete, duplicate, retype, rename keys; numbers, dates, ids): ${structuredRuns} cases`, async () => {
    await runProperty(
      'structured edits',
      fc.asyncProperty(target, fc.array(structuredEdit, { minLength: 1, maxLength: 4 }), others, caseOptions, async (file, edits, rest, options) => {
        const files = fileSet(file, applyEdits(FIXTURES[file]!, edits), rest);
        await checkCase(() => checkFiles(ws, files, options));
      }),
      structuredRuns,
    );
  }, timeoutFor(structuredRuns));

  const byteRuns = runsOf('bytes');
  it(`byte edits (random bytes, truncation, tab, NUL, BOM, CR, bad UTF-8, lines): ${byteRuns} cases`, async () => {
    await runProperty(
      'byte edits',
      fc.asyncProperty(target, fc.array(byteEdit, { minLength: 1, maxLength: 4 }), others, caseOptions, async (file, edits, rest, options) => {
        const files = fileSet(file, applyByteEdits(FIXTURES[file]!, edits), rest);
        await checkCase(() => checkFiles(ws, files, options));
      }),
      byteRuns,
    );
  }, timeoutFor(byteRuns));
});

/**
 * The shrunk counter-examples of the bugs in KNOWN_BUGS (settings.ts), each written as the
 * behaviour cchc should have. They are `it.fails` while the bug lasts: when one starts passing,
 * the bug is fixed — drop `.fails` and the KNOWN_BUGS entry.
 */
describe('fuzz: counter-examples found', () => {
  const options = { asOf: '2025-09-14', lang: 'en' as const };

  // Found by the fuzzing (a file holding `*!` crashed readSource in doc.toJS()); fixed in
  // src/load/read-source.ts since. Kept as a regression test.
  it('an alias with no anchor is a diagnostic at its line, not an exception', async () => {
    const outcome = await checkFiles(ws, { [PLAN]: FIXTURES[PLAN]!, 'bad.yaml': 'schema: cchc/progress@1\nplan: *x\n' }, options);
    expect(outcome.threw).toBeUndefined();
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ file: 'bad.yaml', line: 2, severity: 'error' }));
  });

  // Found by the fuzzing (structured edit: the plan's `schema` retyped to {}; also `schema:\n  - {}`):
  // kindOf() in src/load/load-inputs.ts showed such a value with String(): “[object Object]”. Fixed.
  it('a schema: that is not a string is named without “[object Object]”', async () => {
    const outcome = await checkFiles(ws, { 'bad.yaml': 'schema: {}\n' }, options);
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(['schema-unknown']);
    expect(outcome.problems).toEqual([]);
  });

  // Found by the fuzzing (byte edits of 2025-H1/ttphcc.yaml: a stray `]` at the start of a line;
  // also CRLF turned into \r\r\n): yaml's parser does not count the newlines inside the tokens it
  // skips after a syntax error, so every later position was off (lines 3 and 4 here were reported
  // as 2:13, 2:20…). Fixed in src/load/read-source.ts.
  it('positions after a syntax error stay on the right line', async () => {
    const outcome = await checkFiles(ws, { 'bad.yaml': 'a:\n ]  c: 2\n  d: 3\n  d: 4\n' }, options);
    expect(outcome.problems).toEqual([]);
    expect(outcome.diagnostics.map((d) => d.line)).toContain(4);
  });

  // Found by the fuzzing (random documents such as `[]: x`): a key that is a list or a map made
  // yaml call process.emitWarning, which the CLI printed as "(node:1234) Warning: Keys with
  // collection values will be stringified…": English, no file or line, after cchc's own
  // messages; and the unknown-field finding for such a key pointed at 1:1. Fixed in
  // src/load/read-source.ts and content-problems.ts: yaml is told never to warn, and such a key
  // is an error of its own at the key.
  it('a key that is a list or a map gives a finding at the key and no Node warning', async () => {
    for (const [text, line, column] of [
      ['schema: cchc/progress@1\n[a, b]: 1\n', 2, 1],
      ['schema: cchc/progress@1\n{x: 1}: 2\n', 2, 1],
      ['schema: cchc/progress@1\n? [a]\n: 1\n', 2, 3],
      ['[]: x\n', 1, 1],
    ] as const) {
      const outcome = await checkFiles(ws, { [PLAN]: FIXTURES[PLAN]!, 'bad.yaml': text }, options);
      expect(outcome.problems, text).toEqual([]);
      expect(outcome.diagnostics.filter((d) => d.file === 'bad.yaml').map((d) => [d.code, d.line, d.column]), text).toEqual([['yaml-collection-key', line, column]]);
    }
  });
});
