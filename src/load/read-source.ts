import type { Diagnostic } from '../types.js';
import { MAX_ALIAS_COUNT, contentProblems, firstAlias } from './content-problems.js';
import { diagnosticAt } from './diagnostic-at.js';
import { readBytes, readText } from './file-text.js';
import { LineStarts } from './line-starts.js';
import { MAX_DEPTH, parseTree } from './parse-tree.js';
import { readProgressForm } from './progress-form.js';
import { quickYaml, UNHANDLED_CHARS } from './quick-yaml.js';
import type { Source } from './source.js';
import { strayCharacters, SUSPECT_CHARS } from './stray-characters.js';
import { syntaxProblems } from './syntax-problems.js';
import { yamlLib } from './yaml-lib.js';

export { MAX_ALIAS_COUNT } from './content-problems.js';
export { MAX_FILE_BYTES } from './file-text.js';
export { MAX_DEPTH } from './parse-tree.js';

// Duplicate keys are found by contentProblems: yaml's own check compares every key with every
// other one of its mapping, which takes minutes on a hostile file of a few hundred thousand keys.
// yaml must never warn through process.emitWarning: node would print its English warning on
// stderr, without file or line; what it warns about is reported as a finding instead.
const OPTIONS = { uniqueKeys: false, schema: 'core', merge: false, logLevel: 'error' } as const;

type Read = { source?: Source; diagnostics: Diagnostic[] };

// Any character that strayCharacters or quickYaml looks for. Nearly every file holds none, and one
// search for both sets took half the time of two on a plan's two-byte text.
export const UNUSUAL = new RegExp(`[${SUSPECT_CHARS}${UNHANDLED_CHARS}]`, 'u');

/**
 * Reads a YAML file: UTF-8 with or without BOM, CRLF or LF, text normalised to NFC. Every stage
 * stops at its first kind of problem, since the next stage could not make sense of the input:
 * bytes (size, encoding), characters, YAML syntax, then what the YAML holds (reserved keys, tags,
 * aliases, numbers) — all problems of that last stage are reported together.
 */
export function readSource(absPath: string, file: string): Read {
  if (FORM_FILE.test(absPath)) return readForm(absPath, file);
  const text = readText(absPath, file);
  if (typeof text !== 'string') return { diagnostics: [text] };
  return readSourceText(text, file);
}

const FORM_FILE = /\.xlsx$/iu;

/** An Excel progress form, read as the YAML it stands for, each line knowing its cell. */
function readForm(absPath: string, file: string): Read {
  const bytes = readBytes(absPath, file);
  if (!Buffer.isBuffer(bytes)) return { diagnostics: [bytes] };
  const form = readProgressForm(bytes, file);
  if ('code' in form) return { diagnostics: [form] };
  const read = readSourceText(form.text, file);
  if (read.source) read.source.cells = form.cells;
  return read;
}

function readSourceText(text: string, file: string): Read {
  const unusual = UNUSUAL.test(text);
  const stray = unusual ? strayCharacters(text, file) : [];
  if (stray.length > 0) return { diagnostics: stray };
  // Line starts come from the text itself: yaml's parser skips the newlines inside tokens it
  // drops after a syntax error, which would shift every later position.
  const lineCounter = new LineStarts(text);
  // Plain files (nearly all) are read quickly; anything else, and every mistake, by yaml.
  const quick = quickYaml(text, !unusual);
  if (quick) return { source: { file, text, quick: quick.root, lineCounter, data: quick.data, dottedNumbers: quick.dottedNumbers }, diagnostics: [] };
  return parseText(text, file, lineCounter);
}

function parseText(text: string, file: string, lineCounter: LineStarts): Read {
  const at = diagnosticAt(file, lineCounter);
  const tree = parseTree(text);
  if ('tooDeep' in tree) return { diagnostics: [at('yaml-too-deep', { limit: MAX_DEPTH }, tree.tooDeep)] };
  const { tokens } = tree;
  const docs = Array.from(new (yamlLib().Composer)(OPTIONS).compose(tokens, true, text.length));
  if (docs.length > 1) return { diagnostics: [at('yaml-several-documents', { count: docs.length }, docs[1]!.range[0])] };
  const doc = docs[0]!;
  if (doc.errors.length > 0) return { diagnostics: syntaxProblems(doc.errors, text, tokens, at) };
  const problems = contentProblems(doc, text, at);
  if (problems.length > 0) return { diagnostics: problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // contentProblems already applies yaml's alias rules; this is the backstop should they change.
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAlias(doc);
    return { diagnostics: [at('yaml-alias-limit', { alias: alias?.source ?? '', limit: MAX_ALIAS_COUNT }, alias?.range?.[0] ?? 0)] };
  }
  if (data === null || data === undefined) {
    return { diagnostics: [{ severity: 'error', code: 'file-empty', args: {}, file, line: 1, column: 1 }] };
  }
  return { source: { file, text, doc, lineCounter, data }, diagnostics: [] };
}
