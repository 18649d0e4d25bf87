import type { ErrorObject, ValidateFunction } from 'ajv';
import * as compiled from '../generated/validators.js';
import { locate } from '../load/locate.js';
import type { Source } from '../load/source.js';
import type { SchemaName } from '../schemas.js';
import type { DataPath, Diagnostic } from '../types.js';
import { suggest } from '../util/suggest.js';

// The schemas are compiled to code at build time (src/build/generate-validators.mjs).
const validators = compiled as unknown as Record<SchemaName, ValidateFunction>;
const validator = (name: SchemaName): ValidateFunction => validators[name];

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'))
    .map((s) => (/^\d+$/u.test(s) ? Number(s) : s));
}

/** The named `$defs` entry an error came from, used to pick the hint for a pattern. */
function defName(error: ErrorObject): string | undefined {
  const m = /\$defs\/(\w+)\/(?:pattern|not)$/u.exec(error.schemaPath);
  return m?.[1];
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Validates a source against a shipped schema; every violation becomes a positioned diagnostic. */
export function checkSchema(source: Source, name: SchemaName, data: unknown = source.data): Diagnostic[] {
  const validate = validator(name);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  // The value of a misspelt field is not checked against whatever the misspelling happens to match.
  const misspelt = errors.flatMap((e) => (e.propertyName !== undefined && fieldSuggestion(errors, e) ? [`${e.instancePath}/${e.propertyName}`] : []));
  for (const error of errors) {
    // if/then/anyOf report the failure of their branches too; the branch error says it better.
    if (error.keyword === 'if' || error.keyword === 'anyOf' && errors.some((e) => e !== error && e.instancePath === error.instancePath && e.keyword !== 'anyOf')) continue;
    if (misspelt.some((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`))) continue;
    const diag = toDiagnostic(source, error, errors);
    if (!diag) continue;
    const key = `${diag.line}:${diag.column}:${diag.code}:${JSON.stringify(diag.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diag);
  }
  // "criterias:" is one mistake: the misspelt field, not also a missing "criteria".
  return out.filter((d) => d.code !== 'required' || !out.some((o) => o.code === 'unknown-field' && o.args.suggestion === d.args.field));
}

function toDiagnostic(source: Source, error: ErrorObject, errors: readonly ErrorObject[]): Diagnostic | undefined {
  const path: DataPath = pointerToPath(error.instancePath);
  const make = (code: string, args: Diagnostic['args'], at: DataPath = path, key = false): Diagnostic => {
    const pos = locate(source, at, { key });
    return { severity: 'error', code, args, file: source.file, line: pos.line, column: pos.column };
  };
  const value = show(error.data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return make('required', { field: String(params.missingProperty) }, path, true);
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = suggest(field, known);
      return make('unknown-field', { field, ...(suggestion ? { suggestion } : {}), allowed: known.join(', ') }, [...path, field], true);
    }
    case 'propertyNames':
      return undefined; // the pattern error on the name itself follows
    case 'type':
      return make(...typeProblem(String(params.type).split(',')[0]!, error.data, path));
    case 'const':
    case 'enum': {
      const allowed = (error.keyword === 'const' ? [params.allowedValue] : (params.allowedValues as unknown[])).map(show);
      if (path.length === 1 && path[0] === 'schema') return schemaFieldProblem(make, value);
      const suggestion = suggest(value, allowed);
      return make('not-in-list', { value, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) });
    }
    case 'pattern':
    case 'not': {
      if (error.propertyName !== undefined) {
        const suggestion = fieldSuggestion(errors, error);
        if (suggestion) return make('unknown-field', { field: error.propertyName, suggestion }, [...path, error.propertyName], true);
        const hint = /\\\.\[0-9\]/u.test(String(params.pattern ?? '')) ? 'criterionId' : 'measureId';
        return make('bad-format', { value: error.propertyName, hint }, [...path, error.propertyName], true);
      }
      return make('bad-format', { value, hint: defName(error) ?? 'invalid' });
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return make('too-small', { value, limit: Number(params.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return make('too-large', { value, limit: Number(params.limit) });
    case 'minItems':
      return make('too-few', { limit: Number(params.limit) });
    case 'minLength':
      return make('required', { field: String(path[path.length - 1] ?? '') });
    default:
      return make('invalid-value', { detail: `${error.keyword}: ${error.message ?? ''}` });
  }
}

function schemaFieldProblem(make: (code: string, args: Diagnostic['args']) => Diagnostic, value: string): Diagnostic {
  const m = /^cchc\/(plan|progress|config)@(\d+)$/u.exec(value);
  if (m && Number(m[2]) > 1) return make('schema-future', { schema: value });
  return make('schema-unknown', { schema: value });
}

/** A value of the wrong type, named after the usual way a hand-written file gets there. */
function typeProblem(expected: string, data: unknown, path: DataPath): [string, Diagnostic['args']] {
  // `reportedBy:` with nothing after it: say it is empty, not that it has the wrong type.
  if (data === null) return ['empty-value', { field: String(path[path.length - 1] ?? ''), expected }];
  const colon = expected === 'string' ? colonText(data) : undefined;
  if (colon !== undefined) return ['colon-in-text', { text: colon }];
  const numeric = expected === 'number' || expected === 'integer';
  if (numeric && typeof data === 'string' && /^-?\d+,\d+$/u.test(data.trim())) return ['decimal-comma', { value: data.trim() }];
  return ['wrong-type', { expected }];
}

/**
 * `- Quyết định số 12: ban hành quy chế` is read by YAML as a mapping, because of the ": ".
 * Returns the text as written when a value that should be text is such a one-entry mapping.
 */
function colonText(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const entries = Object.entries(data);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0]!;
  return typeof value === 'string' || typeof value === 'number' ? `${key}: ${value}` : undefined;
}

/**
 * "complatedOn" fails the pattern for names of measures, but it is a misspelt field: when a name
 * that breaks `propertyNames` is close to one of the fields its object declares, that field is
 * suggested instead of the pattern. (The `propertyNames` error of the same object carries the
 * object's schema.)
 */
function fieldSuggestion(errors: readonly ErrorObject[], error: ErrorObject): string | undefined {
  if (error.propertyName === undefined) return undefined;
  const owner = errors.find((e) => e.keyword === 'propertyNames' && e.instancePath === error.instancePath);
  const fields = Object.keys((owner?.parentSchema?.properties as object | undefined) ?? {});
  return suggest(error.propertyName, fields);
}
