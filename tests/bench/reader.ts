// The reader: what reading and schema-checking every file costs with cchc's own parts and nothing
// else — find the .yaml files, read them, parse them with cchc's quick reader (yaml where it gives
// up) and run the compiled schema validator of the file's kind (plan or progress). No placing of
// files, no positions, no rule across files, no messages. `cchc validate` does all of this and
// more, so the reader is the least it can cost with these parts; the bench sets both against
// ajv-cli.
//
//   node tests/bench/.build/reader.js <cli copy's dist/> <folder>…   prints how many files are valid

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

type Validator = (data: unknown) => boolean;
interface QuickRead { data: Record<string, unknown> }

const [dist, ...dirs] = process.argv.slice(2);
if (!dist || dirs.length === 0) throw new Error('usage: reader.js <dist> <folder>…');
// Loaded from the built CLI at run time: the bench is compiled apart from src/.
const { quickYaml } = await import(pathToFileURL(join(dist, 'load/quick-yaml.js')).href) as { quickYaml: (text: string) => QuickRead | undefined };
const validators = await import(pathToFileURL(join(dist, 'generated/validators.js')).href) as { plan: Validator; progress: Validator };

// A walk by directory entries: readdirSync's `recursive` stats every entry, 0.15 s at N = 1,000.
function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/iu.test(entry.name)) yield path;
  }
}

let valid = 0;
for (const dir of dirs) {
  for (const file of yamlFiles(dir)) {
    // Node's own UTF-8 read, one call (faster than cchc's, which also tells binary and UTF-16 apart).
    let text = readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const data = (quickYaml(text)?.data ?? parse(text)) as Record<string, unknown>;
    const check = data.schema === 'cchc/plan@1' ? validators.plan : validators.progress;
    if (check(data)) valid++;
    else process.stderr.write(`${file}: not valid\n`);
  }
}
process.stdout.write(`${valid}\n`);
