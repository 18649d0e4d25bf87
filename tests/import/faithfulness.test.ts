/**
 * Faithfulness on the real plan (issue 15): importing Quang Sơn's appendix, from the whole plan as
 * text and from the appendix as a Word file, gives the criteria of the hand transcription
 * (plans/quang-son-2025.yaml) on id, title, lead, support, due and numeric targets for at least
 * 41 of its 43 criteria. The differences are printed; the list of criteria allowed to differ is
 * fixed, so any new difference fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPlan } from '../../src/import/import-plan.js';
import { writePlan } from '../../src/import/write-plan.js';
import { REVIEW_MESSAGES } from '../../src/messages/import.js';
import { criteriaOf, differences, unitMatcher } from './compare-plans.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reference = parse(readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8'));

/**
 * Judgements of the hand transcription that no importer could make, each flagged by the import:
 * 3.2.2's empty requirement and 3.2.3's requirement (3.2.2's apology letters) were moved to where
 * they belong (plan notes on 3.2.2 and 3.2.3). Nothing else may differ.
 */
const JUDGEMENTS = ['3.2.2', '3.2.3'];

async function imported(file: string) {
  const draft = await importPlan(readFileSync(join(root, file)), file);
  const { text } = writePlan(draft, { lang: 'vi', schemaPath: '../schemas/plan.schema.json', say: (r, lang) => REVIEW_MESSAGES[r.code]![lang](r.args) });
  return parse(text);
}

describe.each(['fixtures/import/quang-son-2025-ke-hoach.txt', 'fixtures/import/quang-son-2025-phu-luc.docx'])('%s', (file) => {
  it('matches the hand transcription on at least 41 of 43 criteria', async () => {
    const plan = await imported(file);
    const expected = criteriaOf(reference, (id) => id);
    const actual = criteriaOf(plan, unitMatcher(plan, reference));
    const diffs = differences(expected, actual);
    for (const d of diffs) console.log(`${file} ${d.id} ${d.field}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
    const differing = [...new Set(diffs.map((d) => d.id))];
    expect(expected).toHaveLength(43);
    expect(actual).toHaveLength(43);
    expect(differing.filter((id) => !JUDGEMENTS.includes(id))).toEqual([]);
    expect(43 - differing.length).toBeGreaterThanOrEqual(41);
  });
});
