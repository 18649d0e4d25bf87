import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { locate } from '../load/locate.js';
import type { Source } from '../load/source.js';
import { schemaObject, type SchemaName } from '../schemas.js';
import type { DataPath, Diagnostic } from '../types.js';
import { suggest } from '../util/suggest.js';

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    ajv ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    fn = ajv.compile(schemaObject(name));
    compiled.set(name, fn);
  }
  return fn;
}

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
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    // if/then/anyOf report the failure of their branches too; the branch error says it better.
    if (error.keyword === 'if' || error.keyword === 'anyOf' && (validate.errors ?? []).some((e) => e !== error && e.instancePath === error.instancePath && e.keyword !== 'anyOf')) continue;
    const diag = toDiagnostic(source, error);
    if (!diag) continue;
    const key = `${diag.line}:${diag.column}:${diag.code}:${JSON.stringify(diag.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diag);
  }
  // "criterias:" is one mistake: the misspelt field, not also a missing "criteria".
  return out.filter((d) => d.code !== 'required' || !out.some((o) => o.code === 'unknown-field' && o.args.suggestion === d.args.field));
}

function toDiagnostic(source: Source, error: ErrorObject): Diagnostic | undefined {
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
      return make('wrong-type', { expected: String(params.type).split(',')[0]! });
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
