/**
 * The command line as built (bin/cchc.js → the bundle): `--version` says the installed version,
 * `--help` lists every command although no command's code is loaded to print it, and checking
 * plain files does not load the yaml library (quickYaml reads them; yaml costs ~60 ms to load).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// Loaded before the CLI: says on stderr, as the process ends, what became of the code cache that
// bin/cchc.js gave V8 (none given, used, or refused by V8).
const CACHE_PROBE = 'const vm=require("node:vm");const S=vm.Script;vm.Script=class extends S{constructor(s,o){super(s,o);'
  + 'process.on("exit",()=>process.stderr.write("code cache: "+(o&&o.cachedData?(this.cachedDataRejected?"refused":"used"):"none")+"\\n"))}}';

/** A copy of the built CLI (bin/, dist/cchc.cjs and its cache, package.json) to spoil; times kept. */
function cliCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-code-cache-'));
  for (const part of ['bin', 'package.json', 'dist/cchc.cjs', 'dist/cchc.cjs.cache']) {
    cpSync(join(root, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  }
  return dir;
}
const runWithProbe = (dir: string, ...args: string[]) => {
  const probe = join(dir, 'probe.cjs');
  writeFileSync(probe, CACHE_PROBE);
  const r = spawnSync(process.execPath, ['--require', probe, join(dir, 'bin/cchc.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, cache: /code cache: (\w+)/u.exec(r.stderr)?.[1] };
};
const versionWithProbe = (dir: string) => runWithProbe(dir, '--version');

it('starts from the code cache the build wrote, and without it when it is missing, stale, cut short or foreign', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dir = cliCopy();
  const cacheFile = join(dir, 'dist/cchc.cjs.cache');
  try {
    const ok = { status: 0, stdout: `${version}\n` };
    expect(versionWithProbe(dir)).toEqual({ ...ok, cache: 'used' });
    const cache = readFileSync(cacheFile);
    // Our header: the bundle's first line (which names the build), then its size and time.
    const v8Header = cache.indexOf(0x0a, cache.indexOf(0x0a) + 1) + 1;
    // Another build's cache: not given to V8.
    const stale = Buffer.from(cache);
    const id = stale.indexOf('build ') + 6;
    stale[id] = stale[id] === 0x30 ? 0x31 : 0x30;
    writeFileSync(cacheFile, stale);
    expect(versionWithProbe(dir)).toEqual({ ...ok, cache: 'none' });
    // Cut short (a build interrupted as it wrote the cache): V8 refuses it.
    writeFileSync(cacheFile, cache.subarray(0, cache.length - 1000));
    expect(versionWithProbe(dir)).toEqual({ ...ok, cache: 'refused' });
    // Written by another V8 (its version follows V8's magic number): refused.
    const foreign = Buffer.from(cache);
    foreign.writeUInt32LE(foreign.readUInt32LE(v8Header + 4) ^ 1, v8Header + 4);
    writeFileSync(cacheFile, foreign);
    expect(versionWithProbe(dir)).toEqual({ ...ok, cache: 'refused' });
    rmSync(cacheFile);
    expect(versionWithProbe(dir)).toEqual({ ...ok, cache: 'none' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('does not run a cache made before the bundle was edited, even when the edit keeps its length', () => {
  const dir = cliCopy();
  const bundle = join(dir, 'dist/cchc.cjs');
  try {
    const before = runWithProbe(dir, 'check', '--lang', 'en', '--as-of', '2025-01-15', join(root, 'plans'), join(root, 'fixtures/quang-son-2025'));
    expect(before).toMatchObject({ status: 0, cache: 'used' });
    expect(before.stdout).toContain('No overdue criteria.');
    // An edit by hand (or a patch tool) of the same length: V8 would check only the length. The
    // cache names the bundle's time to the second: an edit within the build's second would pass.
    const builtAt = Math.floor(statSync(bundle).mtimeMs / 1000);
    while (Math.floor(Date.now() / 1000) <= builtAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('No overdue criteria.', 'NO OVERDUE CRITERIA!'));
    const after = runWithProbe(dir, 'check', '--lang', 'en', '--as-of', '2025-01-15', join(root, 'plans'), join(root, 'fixtures/quang-son-2025'));
    expect(after).toMatchObject({ status: 0, cache: 'none' });
    expect(after.stdout).toContain('NO OVERDUE CRITERIA!');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('says the CLI is not built, instead of a stack trace, when dist/ is missing or the bundle cut short', () => {
  const dir = cliCopy();
  try {
    const bundle = join(dir, 'dist/cchc.cjs');
    const notBuilt = /^cchc: chưa biên dịch .* \(not built: run "npm ci" or "npm run build"\)\n$/u;
    writeFileSync(bundle, readFileSync(bundle).subarray(0, 300_000));
    const cut = spawnSync(process.execPath, [join(dir, 'bin/cchc.js'), 'check'], { encoding: 'utf8' });
    expect([cut.status, cut.stderr]).toEqual([2, expect.stringMatching(notBuilt)]);
    rmSync(join(dir, 'dist'), { recursive: true });
    const missing = spawnSync(process.execPath, [join(dir, 'bin/cchc.js'), 'check'], { encoding: 'utf8' });
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(notBuilt)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('maps a stack trace to src/ with --enable-source-maps', () => {
  // An internal error on purpose: normalising a file's text throws.
  const dir = mkdtempSync(join(tmpdir(), 'cchc-source-map-'));
  try {
    const probe = join(dir, 'throw.cjs');
    writeFileSync(probe, 'String.prototype.normalize = function () { throw new Error("probe"); };');
    const r = spawnSync(process.execPath, ['--enable-source-maps', '--require', probe, join(root, 'bin/cchc.js'), 'check', '--verbose'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/probe/u);
    expect(r.stderr).toMatch(/src\/load\/file-text\.ts:\d+:\d+/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('gives cli-table3 the string-width of src/format/string-width.ts in the bundle', () => {
  // A plugin of src/build/build.mjs does it; without it the table would only be slower.
  expect(readFileSync(join(root, 'dist/cchc.cjs'), 'utf8')).toMatch(/"cchc-table-widths:string-width"/u);
});
