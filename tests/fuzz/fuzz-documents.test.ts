/**
 * Fuzzing with YAML written from scratch, and the command's own function end to end: see
 * fuzz.test.ts for the mutations of the bundled example and settings.ts for the run counts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIXTURE_NAMES, FIXTURES, Workspace, checkCli, checkFiles, type Files } from './fuzz-core.js';
import { applyByteEdits, applyEdits, byteEdit, randomDocument, structuredEdit, VALUES } from './mutate.js';
import { caseOptions, checkCase, runProperty, runsOf, timeoutFor } from './settings.js';

const [PLAN, ...PROGRESS] = FIXTURE_NAMES as [string, ...string[]];

let ws: Workspace;
beforeAll(() => {
  ws = new Workspace();
});
afterAll(() => ws.dispose());

/** A random document alone, beside the plan, or beside the plan and a valid progress file. */
const documentFiles: fc.Arbitrary<Files> = fc
  .tuple(fc.array(randomDocument, { minLength: 1, maxLength: 2 }), fc.constantFrom('alone', 'with-plan', 'with-plan-and-progress'))
  .map(([docs, company]) => {
    const files: Files = {};
    if (company !== 'alone') files[PLAN] = FIXTURES[PLAN]!;
    if (company === 'with-plan-and-progress') files[PROGRESS[4]!] = FIXTURES[PROGRESS[4]!]!;
    docs.forEach((text, i) => {
      files[`random/doc-${i}.yaml`] = text;
    });
    return files;
  });

/** Any of the broken inputs of fuzz.test.ts, for the end-to-end property. */
const brokenExample: fc.Arbitrary<Files> = fc
  .tuple(
    fc.constantFrom(...FIXTURE_NAMES),
    fc.oneof(
      fc.array(structuredEdit, { minLength: 0, maxLength: 3 }).map((edits) => (bytes: Uint8Array) => (edits.length === 0 ? bytes : applyEdits(bytes, edits))),
      fc.array(byteEdit, { minLength: 1, maxLength: 3 }).map((edits) => (bytes: Uint8Array) => applyByteEdits(bytes, edits)),
    ),
    fc.subarray(PROGRESS),
  )
  .map(([file, edit, rest]) => {
    const files: Files = { [PLAN]: FIXTURES[PLAN]! };
    for (const f of rest) files[f] = FIXTURES[f]!;
    files[file] = edit(FIXTURES[file]!);
    return files;
  });

describe('fuzz: random YAML documents and the check command', () => {
  const documentRuns = runsOf('documents');
  it(`random YAML documents: ${documentRuns} cases`, async () => {
    await runProperty(
      'random documents',
      fc.asyncProperty(documentFiles, caseOptions, async (files, options) => {
        await checkCase(() => checkFiles(ws, files, options));
      }),
      documentRuns,
    );
  }, timeoutFor(documentRuns));

  const cliRuns = runsOf('cli');
  it(`runCheck end to end (--format json, --unit, --area): ${cliRuns} cases`, async () => {
    const unit = fc.option(fc.oneof(fc.constantFrom('ttphcc', 'kt', 'ccm', 'Phòng Văn hoá - Xã hội', 'PHÒNG KINH TẾ', '__proto__', ''), fc.constantFrom(...VALUES)), { nil: undefined });
    const area = fc.option(fc.constantFrom('III', 'vii', 'X', '', 'constructor'), { nil: undefined });
    await runProperty(
      'runCheck',
      fc.asyncProperty(fc.oneof(brokenExample, documentFiles), caseOptions, unit, area, async (files, options, u, a) => {
        await checkCase(() => checkCli(ws, files, { ...options, unit: u, area: a }));
      }),
      cliRuns,
    );
  }, timeoutFor(cliRuns));
});
