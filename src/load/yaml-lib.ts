import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let yaml: Yaml | undefined;

/**
 * The yaml library, loaded when first needed: quickYaml reads the plain files of nearly every run,
 * and loading yaml costs a fresh process some 60 ms — a fifth of checking the bundled example.
 * It is required (not bundled) so that loading it stays synchronous, like the reading it serves.
 */
export function yamlLib(): Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml;
}
