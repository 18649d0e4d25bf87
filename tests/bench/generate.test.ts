/**
 * The benchmark's data generator (tests/bench/generate.ts) on a small N: its trees must stay
 * deterministic and valid as the plan and the rules change, or the benchmark measures error paths.
 * Needs the built CLI (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { communes, generate, PERIODS, REPO, type Manifest } from './generate.js';

const N = 3;
const SEED = 7;
let scratch: string;
let tree: string;
let manifest: Manifest;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cchc-bench-test-'));
  tree = join(scratch, 'a');
  manifest = generate(N, SEED, tree);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Figure = number | { value: number; total: number };
type Entry = Record<string, Figure | string | string[]>;

describe('bench data generator', () => {
  it('writes one plan per commune and one progress file per reporting unit and date', () => {
    expect(manifest.plans).toBe(N);
    expect(manifest.progressFiles).toBe(N * 4 * PERIODS.length); // ttphcc, vp, kt, vhxh
    expect(readdirSync(join(tree, 'plans')).sort()).toEqual(communes(N, SEED).map((c) => `${c.id}.yaml`).sort());
  });

  it('gives the same files for the same N and seed, and commune k whatever N is', () => {
    expect(generate(N, SEED, join(scratch, 'b')).digest).toBe(manifest.digest);
    expect(communes(N + 5, SEED).slice(0, N)).toEqual(communes(N, SEED));
    expect(new Set(communes(500, SEED).map((c) => c.id)).size).toBe(500);
  });

  it('passes `cchc validate`', () => {
    const out = execFileSync(process.execPath, [join(REPO, 'bin/cchc.js'), 'validate', tree, '--lang', 'en'], { cwd: REPO, encoding: 'utf8' });
    expect(out).toContain(`${manifest.files}`);
  });

  it('passes ajv-cli, the peer, plans and progress files alike (js-yaml would read a bare ISO date as a Date)', () => {
    for (const [schema, files, count] of [['plan', 'plans/*.yaml', manifest.plans], ['progress', 'progress/**/*.yaml', manifest.progressFiles]] as const) {
      const out = execFileSync(process.execPath, [
        join(REPO, 'node_modules/ajv-cli/dist/index.js'), 'validate', '--spec=draft2020', '-s', `schemas/${schema}.schema.json`, '-d', `${tree}/${files}`,
        '--all-errors', '--strict-required=false', '--allow-union-types',
      ], { cwd: REPO, encoding: 'utf8' });
      expect(out.split('\n').filter((l) => l.endsWith(' valid')), schema).toHaveLength(count);
    }
  });

  it('has cumulative figures: value ≤ total, neither going down; a done task stays done', () => {
    for (const commune of readdirSync(join(tree, 'progress'))) {
      const previous = new Map<string, Figure | string>();
      for (const period of PERIODS) {
        for (const file of readdirSync(join(tree, 'progress', commune, period.folder))) {
          const data = parse(readFileSync(join(tree, 'progress', commune, period.folder, file), 'utf8')) as { criteria: Record<string, Entry> };
          for (const [id, entry] of Object.entries(data.criteria)) {
            for (const [key, v] of Object.entries(entry)) {
              const at = `${file} ${id} ${key}`;
              const before = previous.get(at);
              if (typeof v === 'object' && !Array.isArray(v)) {
                expect(v.value, at).toBeLessThanOrEqual(v.total);
                if (typeof before === 'object') {
                  expect(v.value, at).toBeGreaterThanOrEqual(before.value);
                  expect(v.total, at).toBeGreaterThanOrEqual(before.total);
                }
              } else if (typeof v === 'number' && typeof before === 'number') {
                expect(v, at).toBeGreaterThanOrEqual(before);
              } else if (key === 'status' && before === 'done') {
                expect(v, at).toBe('done');
              } else if (key === 'completedOn' && before !== undefined) {
                expect(v, at).toBe(before);
              }
              if (key !== 'evidence' && key !== 'note') previous.set(at, v as Figure | string);
            }
            if (entry.evidence) for (const e of entry.evidence as string[]) expect(e).toMatch(/ số \d+\/.+ ngày \d+\/\d+\/2025 /u);
          }
        }
      }
    }
  });
});
