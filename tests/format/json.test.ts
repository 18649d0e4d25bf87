import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import { reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
const cli = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

function cliJson(args: string[]): unknown {
  try {
    return JSON.parse(execFileSync(process.execPath, [cli, 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8' }));
  } catch (error) {
    // exit 1 (criteria fail) still prints the report
    return JSON.parse((error as { stdout: string }).stdout);
  }
}

describe('JSON report against schemas/report.schema.json', () => {
  it.each([
    ['Q3 fixture', reportQ3()],
    ['year-end fixture', reportYearEnd()],
    ['hostile fixture', reportHostile()],
  ])('%s validates, and formatJson round-trips it', (_, report) => {
    const text = formatJson(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [['--as-of', '2025-06-14']],
    [['--as-of', '2026-01-05', '--lang', 'en']],
    [['--as-of', '2025-09-14', '--unit', 'kt']],
    [['--as-of', '2025-09-14', '--area', 'VII']],
  ])('the CLI output for %j validates', (args) => {
    const report = cliJson(args);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a report that breaks the contract (the schema is not vacuous)', () => {
    const report = reportQ3() as unknown as Record<string, unknown>;
    expect(validate({ ...report, summary: { total: 43 } })).toBe(false);
    expect(validate({ ...report, criteria: [{ id: '1.1', status: 'maybe' }] })).toBe(false);
  });

  it('`cchc schema report` prints the same schema', () => {
    const printed = execFileSync(process.execPath, [cli, 'schema', 'report'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(schema);
  });
});
