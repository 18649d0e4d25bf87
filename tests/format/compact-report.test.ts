/**
 * Results kept as text (compact-report.ts, for runs over many plans) must read and write exactly
 * as the results themselves: every format gives the same bytes, and the JSON report set is
 * written from the stored text without reading it back.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { formatMany, formatManyChunks } from '../../src/format/combine.js';
import { compactReport, jsonAtDepth, storedParts } from '../../src/format/compact-report.js';
import { formatters, type FormatOptions } from '../../src/format/index.js';
import { discover } from '../../src/load/discover.js';
import { loadInputs } from '../../src/load/load-inputs.js';
import type { Report } from '../../src/types.js';
import type { FormatName } from '../../src/choices.js';
import { reportHostile } from './fixtures.js';

const root = join(import.meta.dirname, '../..');

/** The example evaluated several ways (as check does: straight from evaluate, never through JSON). */
function results(): Report[] {
  const inputs = loadInputs(discover(['plans', 'fixtures/quang-son-2025'], root).files, { root });
  const plan = inputs.plans.get('quang-son-2025')!;
  return [
    evaluate(plan, inputs.reports, { asOf: '2025-09-14', dueSoonDays: 30 }),
    evaluate(plan, inputs.reports, { asOf: '2025-12-31', dueSoonDays: 30 }),
    evaluate(plan, inputs.reports, { asOf: '2025-06-30', dueSoonDays: 30, unit: 'vp' }),
    evaluate(plan, [], { asOf: '2026-01-15', dueSoonDays: 30 }),
    { ...reportHostile(), diagnostics: [] },
  ].map((r, i) => ({ ...r, plan: { ...r.plan, id: `${r.plan.id}-${i}` } }));
}

const options: FormatOptions = { lang: 'vi', chalk: new Chalk({ level: 0 }), width: 120 };
const text = (out: string | Uint8Array) => (typeof out === 'string' ? out : Buffer.from(out).toString('base64'));

describe('a report kept as text', () => {
  it('gives the same bytes in every format, alone and with others', async () => {
    const plain = results();
    const compact = plain.map(compactReport);
    for (const format of Object.keys(formatters) as FormatName[]) {
      for (let i = 0; i < plain.length; i++) {
        expect(text(await formatters[format](compact[i]!, options)), `${format} #${i}`).toBe(text(await formatters[format](plain[i]!, options)));
      }
    }
    for (const format of ['table', 'json', 'markdown', 'csv', 'junit', 'github'] as FormatName[]) {
      expect(text(await formatMany(format, compact, options)), format).toBe(text(await formatMany(format, plain, options)));
    }
  });

  it('is written into the JSON report set from its stored text', async () => {
    const plain = results();
    const compact = plain.map(compactReport);
    expect(storedParts(compact[0]!)).toBeDefined();
    expect(storedParts(plain[0]!)).toBeUndefined();
    const chunks: (string | Uint8Array)[] = [];
    for await (const chunk of formatManyChunks('json', compact, options)) chunks.push(chunk);
    // The stored parts go out as they are (bytes), and the whole is JSON.stringify of the set.
    expect(chunks.filter((c) => typeof c !== 'string').length).toBe(3 * compact.length);
    const written = chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
    expect(written).toBe(`${JSON.stringify(JSON.parse(written), null, 2)}\n`);
    expect(JSON.parse(written).reports).toEqual(JSON.parse(JSON.stringify(plain)));
  });

  it('reads its parts back when used, and keeps only the last report read', () => {
    const [a, b] = results().map(compactReport);
    const first = a!.criteria;
    expect(a!.criteria).toBe(first);
    expect(b!.criteria).not.toBe(first);
    expect(a!.criteria).not.toBe(first);
    expect(a!.criteria).toEqual(first);
  });

  it('writes JSON at a depth as JSON.stringify writes it nested that deep', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
      expect(jsonAtDepth(value, depth)).toBe(JSON.stringify(value, null, 2).replace(/\n/gu, `\n${'  '.repeat(depth)}`));
    }), { numRuns: 2_000 });
  });
});
