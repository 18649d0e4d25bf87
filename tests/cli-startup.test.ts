/**
 * The command line as built (bin/cchc.js → the bundle): `--version` says the installed version,
 * `--help` lists every command although no command's code is loaded to print it, and checking
 * plain files does not load the yaml library (quickYaml reads them; yaml costs ~60 ms to load).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Loaded before the CLI: says on stderr, as the process ends, whether yaml was ever required.
const YAML_PROBE = `data:text/javascript,import{createRequire}from"node:module";const r=createRequire(${JSON.stringify(`${root}/`)});`
  + 'process.on("exit",()=>{process.stderr.write("yaml loaded: "+Object.keys(r.cache).some((k)=>k.includes("/node_modules/yaml/"))+"\\n")})';
const checkLoadsYaml = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', YAML_PROBE, join(root, 'bin/cchc.js'), 'check', '--as-of', '2025-12-31', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const said = /yaml loaded: (true|false)/u.exec(r.stderr);
  expect(said, r.stderr).not.toBeNull();
  return { loaded: said![1] === 'true', status: r.status };
};

it('checks the bundled example without loading yaml, and loads it for a file only yaml can read', () => {
  expect(checkLoadsYaml()).toEqual({ loaded: false, status: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lazy-yaml-'));
  try {
    cpSync(join(root, 'fixtures/quang-son-2025'), join(dir, 'progress'), { recursive: true });
    // A document start marker: valid YAML that quickYaml leaves to yaml.
    writeFileSync(join(dir, 'plan.yaml'), `---\n${readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8')}`);
    expect(checkLoadsYaml(dir)).toEqual({ loaded: true, status: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
