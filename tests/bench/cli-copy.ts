// Other work in the same checkout may rebuild dist/ while a long benchmark runs, which would mix
// two builds in one run (or catch dist/ half written). So the benchmark and the profile run a
// private copy of the built CLI — bin/, dist/, schemas/ and package.json, taken once at the
// start, with their times (bin/cchc.js uses dist/'s code cache only with the bundle's own time)
// — from tests/bench/.data/cli/. Its packages still resolve from the repository's
// node_modules/, and a digest of dist/ ties every result to the build it measured.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './generate.js';

export const CLI_COPY = join(REPO, 'tests/bench/.data/cli');

/** Copies the built CLI and returns the path of its bin/cchc.js and a digest of its dist/. */
export function copyCli(): { bin: string; distDigest: string } {
  if (!existsSync(join(REPO, 'dist/cchc.cjs'))) throw new Error('dist/cchc.cjs is missing: run "npm run build" first');
  rmSync(CLI_COPY, { recursive: true, force: true });
  for (const part of ['bin', 'dist', 'schemas', 'package.json']) cpSync(join(REPO, part), join(CLI_COPY, part), { recursive: true, preserveTimestamps: true });
  const hash = createHash('sha256');
  const dist = join(CLI_COPY, 'dist');
  for (const rel of (readdirSync(dist, { recursive: true, encoding: 'utf8' })).sort()) {
    if (/\.c?js$/u.test(rel)) hash.update(`${rel}\0`).update(readFileSync(join(dist, rel)));
  }
  return { bin: join(CLI_COPY, 'bin/cchc.js'), distDigest: hash.digest('hex') };
}

/**
 * Whether the copy starts from its code cache (bin/cchc.js): "used", "refused" by V8, or "none"
 * given. A benchmark of start-up without it would measure another program.
 */
export function codeCacheState(bin: string): string {
  const probe = join(CLI_COPY, 'cache-probe.cjs');
  writeFileSync(probe, 'const vm=require("node:vm");const S=vm.Script;vm.Script=class extends S{constructor(s,o){super(s,o);'
    + 'process.on("exit",()=>process.stderr.write("code cache: "+(o&&o.cachedData?(this.cachedDataRejected?"refused":"used"):"none")+"\\n"))}}');
  const r = spawnSync(process.execPath, ['--require', probe, bin, '--version'], { encoding: 'utf8' });
  return /code cache: (\w+)/u.exec(r.stderr)?.[1] ?? 'unknown';
}
