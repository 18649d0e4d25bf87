import { readFileSync } from 'node:fs';
import { packageRoot } from './paths.js';

/** The JSON Schemas shipped in `schemas/`, by the name `cchc schema NAME` takes. */
export const SCHEMA_NAMES = ['plan', 'progress', 'report', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const schemaDir = new URL('schemas/', packageRoot);

export function schemaText(name: SchemaName): string {
  return readFileSync(new URL(`${name}.schema.json`, schemaDir), 'utf8');
}

