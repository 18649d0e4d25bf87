// Other work in the same checkout may rebuild dist/ while a long benchmark runs, which would mix
// two builds in one run (or catch dist/ half written). So the benchmark and the profile run a
// private copy of the built CLI — bin/, dist/, schemas/ and package.json, taken once at the
// start — from tests/bench/.data/cli/. Its packages still resolve from the repository's
// node_modules/, and a digest of dist/ ties every result to the build it measured.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './generate.js';

export const CLI_COPY = join(REPO, 'tests/bench/.data/cli');

/** Copies the built CLI and returns the path of its bin/cchc.js and a digest of its dist/. */
export function copyCli(): { bin: string; distDigest: string } {
  if (!existsSync(join(REPO, 'dist/cchc.cjs'))) throw new Error('dist/cchc.cjs is missing: run "npm run build" first');
  rmSync(CLI_COPY, { recursive: true, force: true });
  for (const part of ['bin', 'dist', 'schemas', 'package.json']) cpSync(join(REPO, part), join(CLI_COPY, part), { recursive: true });
  const hash = createHash('sha256');
  const dist = join(CLI_COPY, 'dist');
  for (const rel of (readdirSync(dist, { recursive: true, encoding: 'utf8' })).sort()) {
    if (/\.c?js$/u.test(rel)) hash.update(`${rel}\0`).update(readFileSync(join(dist, rel)));
  }
  return { bin: join(CLI_COPY, 'bin/cchc.js'), distDigest: hash.digest('hex') };
}
