import { readFileSync, statSync } from 'node:fs';
import { Composer, LineCounter, Parser, isAlias, isCollection, isMap, isPair, isScalar, visit, type CST, type Document, type YAMLError, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../types.js';
import type { Source } from './source.js';

/** A plan is about 60 KB and a progress file a few KB: a file this large was not written by hand. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * A plan nests about 10 levels. yaml's composer, ajv and the checks recurse once per level, so text
 * nested thousands deep would overflow the stack (inside a RegExp compilation that even kills node
 * outright): it is refused before it is composed.
 */
export const MAX_DEPTH = 64;
/** yaml's bound on alias expansion ("billion laughs"); the same rule finds the alias at fault. */
export const MAX_ALIAS_COUNT = 100;
/** Keys that are JavaScript's own machinery: a hand-written cchc file has no use for them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Duplicate keys are found by contentProblems: yaml's own check compares every key with every
// other one of its mapping, which takes minutes on a hostile file of a few hundred thousand keys.
const OPTIONS = { uniqueKeys: false, schema: 'core', merge: false } as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

type Read = { source?: Source; diagnostics: Diagnostic[] };
/** A diagnostic of this file at a character offset of its text. */
type At = (code: string, args: Diagnostic['args'], offset: number) => Diagnostic;

/**
 * Reads a YAML file: UTF-8 with or without BOM, CRLF or LF, text normalised to NFC. Every stage
 * stops at its first kind of problem, since the next stage could not make sense of the input:
 * bytes (size, encoding), characters, YAML syntax, then what the YAML holds (reserved keys, tags,
 * aliases, numbers) — all problems of that last stage are reported together.
 */
export function readSource(absPath: string, file: string): Read {
  const bytes = readBytes(absPath, file);
  if (!Buffer.isBuffer(bytes)) return { diagnostics: [bytes] };
  const text = decodeText(bytes, file);
  if (typeof text !== 'string') return { diagnostics: [text] };
  const stray = strayCharacters(text, file);
  if (stray.length > 0) return { diagnostics: stray };
  return parseText(text, file);
}

function readBytes(absPath: string, file: string): Buffer | Diagnostic {
  try {
    const stat = statSync(absPath);
    if (stat.isDirectory()) return { severity: 'error', code: 'path-is-directory', args: {}, file };
    // Reading a pipe or a device could block for ever.
    if (!stat.isFile()) return { severity: 'error', code: 'not-a-file', args: {}, file };
    if (stat.size > MAX_FILE_BYTES) {
      return { severity: 'error', code: 'file-too-large', args: { size: stat.size, limit: MAX_FILE_BYTES }, file, line: 1, column: 1 };
    }
    return readFileSync(absPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { severity: 'error', code: 'file-unreadable', args: { reason }, file };
  }
}

function decodeText(bytes: Buffer, file: string): string | Diagnostic {
  // Notepad's "Unicode" is UTF-16 with a byte order mark; every other byte of it is a zero, so it
  // is told apart before the test for binary files.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { severity: 'error', code: 'file-utf16', args: {}, file, line: 1, column: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lossyUtf8.decode(bytes.subarray(0, nul));
    return { severity: 'error', code: 'file-binary', args: {}, file, ...positionIn(before, before.length) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { severity: 'error', code: 'file-not-utf8', args: {}, file, line: lineOfFirstBadByte(bytes), column: 1 };
  }
  // NFC first: files saved on macOS may hold NFD text, and ids and names must compare equal.
  return text.replace(/^\uFEFF/u, '').normalize('NFC');
}

/** 1-based line and column of `offset` in `text`, counted as LineCounter counts them. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function lineOfFirstBadByte(bytes: Buffer): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i]! >= 0x80) {
      try {
        utf8.decode(bytes.subarray(0, Math.min(bytes.length, i + 4)));
      } catch {
        return line;
      }
    }
  }
  return line;
}

// Characters YAML does not allow in a file (C0 and C1 controls but tab, line feed, carriage return
// and NEL). yaml lets them through, and they would break the XML inside an .xlsx report.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/u;
const ODD = '\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF';
// A no-break space (Word, web pages, phone keyboards) looks like a space but YAML reads it as text:
// in the indentation or right after a key's colon it silently changes the structure.
const ODD_INDENT = new RegExp(`^[ \\t${ODD}]*?[${ODD}]`, 'u');
const ODD_AFTER_KEY = new RegExp(`^[ \\t]*(?:- +)?[^\\s#'"][^:#]*:[${ODD}]`, 'u');

/** Control characters anywhere, odd spaces where they change the structure: one per line. */
function strayCharacters(text: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    const control = CONTROL.exec(line);
    const odd = control ? null : ODD_INDENT.exec(line) ?? ODD_AFTER_KEY.exec(line);
    const index = control ? control.index : odd ? odd[0].length - 1 : -1;
    if (index === -1) return;
    const codePoint = `U+${line.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({ severity: 'error', code: control ? 'control-character' : 'odd-whitespace', args: { codePoint }, file, line: i + 1, column: index + 1 });
  });
  return found;
}

function parseText(text: string, file: string): Read {
  // Line starts come from the text itself: yaml's parser skips the newlines inside tokens it
  // drops after a syntax error, which would shift every later position.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const at: At = (code, args, offset) => {
    const pos = lineCounter.linePos(offset);
    return { severity: 'error', code, args, file, line: pos.line, column: pos.col };
  };
  // yaml's Parser keeps its own stack (unlike its Composer), so it reads any depth safely.
  const tokens = Array.from(new Parser().parse(text));
  const deep = firstTooDeep(tokens);
  if (deep !== undefined) return { diagnostics: [at('yaml-too-deep', { limit: MAX_DEPTH }, deep)] };
  const docs = Array.from(new Composer(OPTIONS).compose(tokens, true, text.length));
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

// ---- The token tree (CST), walked with an explicit stack: it may be nested arbitrarily deep ----

/** Every token of the tree in document order, with the number of collections around it. */
function* walk(tokens: readonly CST.Token[]): Generator<[CST.Token, number]> {
  const stack: [CST.Token, number][] = tokens.map((t): [CST.Token, number] => [t, 0]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    yield [token, depth];
    if (token.type === 'document' && token.value) stack.push([token.value, depth]);
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const children = token.items.flatMap((item) => [item.key, item.value]).filter((t): t is CST.Token => Boolean(t));
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
    }
  }
}

/** Offset of the first collection nested deeper than MAX_DEPTH. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  for (const [token, depth] of walk(tokens)) {
    const collection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    if (collection && depth >= MAX_DEPTH) return token.offset;
  }
  return undefined;
}

/** Offset of the first quote or bracket that is opened and never closed. */
function firstUnclosed(tokens: readonly CST.Token[]): number | undefined {
  for (const [token] of walk(tokens)) {
    if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      if (!isClosedQuote(token.source)) return token.offset;
    } else if (token.type === 'flow-collection') {
      if (!token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) return token.start.offset;
    }
  }
  return undefined;
}

/** `"a\"` and `'a''` end with a quote that is escaped, so they are still open. */
function isClosedQuote(source: string): boolean {
  const quote = source[0]!;
  if (source.length < 2 || !source.endsWith(quote)) return false;
  let run = 0;
  const escape = quote === '"' ? '\\' : "'";
  for (let i = source.length - 2; i >= 1 && source[i] === escape; i--) run++;
  return run % 2 === 0;
}

// ---- Syntax errors ----

/**
 * One diagnostic per line: yaml often reports the consequences of a mistake on the same line too.
 * A Tab used for indentation upsets everything after it, so when there is one only Tabs are shown.
 */
function syntaxProblems(errors: readonly YAMLError[], text: string, tokens: readonly CST.Token[], at: At): Diagnostic[] {
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const lines = new Set<number>();
  return (tabs.length > 0 ? tabs : errors).map((e) => syntaxProblem(e, text, tokens, at)).filter((d) => !lines.has(d.line!) && lines.add(d.line!));
}

function syntaxProblem(error: YAMLError, text: string, tokens: readonly CST.Token[], at: At): Diagnostic {
  const detail = firstLine(error.message);
  const colon = missingSpaceAfterColon(text, error.pos[0]);
  if (colon !== undefined) return at('yaml-colon-space', {}, colon);
  const indicator = blockIndicator(text, error.pos[0]);
  if (indicator !== undefined) return at('yaml-block-indicator', { char: text[indicator]! }, indicator);
  if (/^Nested mappings are not allowed in compact mappings/u.test(detail)) return at('yaml-colon-in-value', {}, error.pos[0]);
  // yaml reports an unclosed quote or bracket where it gave up, often lines further down (as a
  // "bad indent" for brackets); the fix goes where it was opened.
  if (/quote|end with a [\]}]/u.test(detail)) {
    const open = firstUnclosed(tokens);
    if (open !== undefined) return at('yaml-syntax', { yamlCode: 'MISSING_CHAR', detail }, open);
  }
  // A key without its colon comes as MISSING_CHAR, whose hint speaks of quotes and brackets:
  // `yamlCode` picks the hint that fits (messages.ts, YAML_VI).
  const yamlCode = /^Implicit map keys need to be followed by map values/u.test(detail) ? 'MULTILINE_IMPLICIT_KEY' : error.code;
  return at('yaml-syntax', { yamlCode, detail }, error.pos[0]);
}

// `asOf:2025-09-14`: without the space YAML reads one word, and reports whatever that breaks.
const NO_SPACE_AFTER_KEY = /^[ \t]*(?:-[ \t]+)?[A-Za-z_"'][\w."'-]*:(?=[^\s/])/u;

/** Offset of the colon, when the line of `offset` starts with a key glued to its value. */
function missingSpaceAfterColon(text: string, offset: number): number | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  const m = NO_SPACE_AFTER_KEY.exec(text.slice(start, end === -1 ? undefined : end));
  return m ? start + m[0].length - 1 : undefined;
}

// `target: >= 90%`: a value starting with > or | opens a block of text in YAML, unless quoted.
const BLOCK_INDICATOR = /^[^#]*?:[ \t]+(?=[>|](?![-+0-9]*[ \t]*(?:#|$)))/u;

/** Offset of the > or | that starts the value on the line of `offset` but not a valid block. */
function blockIndicator(text: string, offset: number): number | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  const m = BLOCK_INDICATOR.exec(text.slice(start, end === -1 ? undefined : end).replace(/\r$/u, ''));
  return m ? start + m[0].length : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '');
}

// ---- What the YAML holds ----

type AnyNode = Parameters<typeof isAlias>[0];

/**
 * Reserved keys, type tags, aliases that are unknown, circular or explosive, and numbers that
 * JavaScript cannot hold exactly: all are refused before the data is built, so none of them can
 * reach an object as a prototype setter, a NaN in a report, or an endless loop.
 */
function contentProblems(doc: Document.Parsed, text: string, at: At): Diagnostic[] {
  const found: Diagnostic[] = [];
  const aliases = aliasChecker(at);
  visit(doc, {
    Pair: (_, pair) => {
      if (isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) found.push(at('reserved-key', { key: String(pair.key.value) }, pair.key.range?.[0] ?? 0));
    },
    Node: (_, node, path) => {
      const problem = tagProblem(node, text, at) ?? aliases(node, path) ?? numberProblem(node, at);
      if (problem) found.push(problem);
      if (isMap(node)) found.push(...duplicateKeys(node, at));
    },
  });
  return found;
}

/**
 * Keys that name the same property once the data is built: `"3.2.1"` and `3.2.1`, but also
 * `5.10` and `5.1` (both the number 5.1), which yaml itself would let through.
 */
function duplicateKeys(map: YAMLMap, at: At): Diagnostic[] {
  const first = new Map<string, number>();
  const found: Diagnostic[] = [];
  for (const { key } of map.items) {
    if (!isScalar(key)) continue;
    const name = String(key.value);
    const offset = key.range?.[0] ?? 0;
    const before = first.get(name);
    if (before === undefined) first.set(name, offset);
    else found.push(at('yaml-duplicate-key', { key: name, firstLine: at('yaml-duplicate-key', {}, before).line! }, offset));
  }
  return found;
}

function tagProblem(node: AnyNode, text: string, at: At): Diagnostic | undefined {
  if (isAlias(node) || !(isScalar(node) || isCollection(node)) || node.tag === undefined) return undefined;
  // The node's range starts at its value; the tag is the last `!…` word written before it.
  let start = text.lastIndexOf('!', node.range?.[0] ?? 0);
  while (start > 0 && text[start - 1] === '!') start--;
  const tag = /^\S+/u.exec(text.slice(start, start + 100))?.[0] ?? node.tag;
  return at('yaml-tag', { tag }, Math.max(start, 0));
}

function numberProblem(node: AnyNode, at: At): Diagnostic | undefined {
  if (!isScalar(node) || typeof node.value !== 'number') return undefined;
  const value = node.source ?? String(node.value);
  const offset = node.range?.[0] ?? 0;
  if (!Number.isFinite(node.value)) return at('number-not-finite', { value }, offset);
  if (Math.abs(node.value) > Number.MAX_SAFE_INTEGER) return at('number-too-large', { value }, offset);
  return undefined;
}

/**
 * Checks each alias as yaml's toJS will resolve it: to the last node anchored with its name
 * before it. It must exist, must not contain the alias (an endless structure), and must not be
 * used so often that the data explodes — counted as yaml counts it for `maxAliasCount`: the uses
 * of an anchor times the aliasing already inside it. Reports the first alias at fault only.
 */
function aliasChecker(at: At): (node: AnyNode, path: readonly unknown[]) => Diagnostic | undefined {
  const latest = new Map<string, AnyNode>();
  const targetOf = new Map<AnyNode, AnyNode>();
  const uses = new Map<AnyNode, number>();
  const weights = new Map<AnyNode, number>();
  let failed = false;
  const weightOf = (node: unknown): number => {
    if (isAlias(node)) {
      const target = targetOf.get(node);
      return target ? uses.get(target)! * (weights.get(target) ?? 0) : 0;
    }
    if (isPair(node)) return Math.max(weightOf(node.key), weightOf(node.value));
    if (isCollection(node)) return node.items.reduce((max: number, item) => Math.max(max, weightOf(item)), 0);
    return 1;
  };
  return (node, path) => {
    if (!isAlias(node)) {
      // yaml counts the anchored node itself as the first use.
      if ((isScalar(node) || isCollection(node)) && node.anchor) {
        latest.set(node.anchor, node);
        uses.set(node, 1);
      }
      return undefined;
    }
    if (failed) return undefined;
    const target = latest.get(node.source);
    const offset = node.range?.[0] ?? 0;
    let problem: Diagnostic | undefined;
    if (!target) problem = at('yaml-alias-unknown', { alias: node.source }, offset);
    else if (path.includes(target)) problem = at('yaml-alias-cycle', { alias: node.source }, offset);
    else {
      targetOf.set(node, target);
      uses.set(target, uses.get(target)! + 1);
      if (!weights.has(target)) weights.set(target, weightOf(target));
      if (uses.get(target)! * weights.get(target)! > MAX_ALIAS_COUNT) problem = at('yaml-alias-limit', { alias: node.source, limit: MAX_ALIAS_COUNT }, offset);
    }
    failed = problem !== undefined;
    return problem;
  };
}

function firstAlias(doc: Document.Parsed): { source: string; range?: [number, number, number] | null } | undefined {
  let found: { source: string; range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Alias: (_, alias) => {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}
