/**
 * The command line as built (bin/cchc.js → the bundle): `--version` says the installed version,
 * and `--help` lists every command although no command's code is loaded to print it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

it('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const r = cchc('--version');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(`${version}\n`);
});

it('--help lists every command', () => {
  const r = cchc('--help');
  expect(r.status).toBe(0);
  for (const command of ['check', 'validate', 'init', 'plan', 'schema']) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'mu'));
});
