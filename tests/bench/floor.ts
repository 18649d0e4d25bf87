// The floor: what any tool must pay to look at the same files — find every .yaml/.yml under the
// given folders, read it and parse it with `yaml` — and nothing else (no validation, no output
// but a count). `cchc check` is measured against this.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

let files = 0;
for (const dir of process.argv.slice(2)) {
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.ya?ml$/iu.test(rel)) continue;
    parse(readFileSync(join(dir, rel), 'utf8'));
    files++;
  }
}
process.stdout.write(`${files}\n`);
