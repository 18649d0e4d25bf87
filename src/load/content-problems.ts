import type { Document, YAMLMap } from 'yaml';
import type { Diagnostic } from '../types.js';
import type { At } from './diagnostic-at.js';
import { yamlLib } from './yaml-lib.js';

// yaml's node tests, from the library as loaded when needed (this module only sees yaml's documents).
type Yaml = ReturnType<typeof yamlLib>;
const isAlias = ((node) => yamlLib().isAlias(node)) as Yaml['isAlias'];
const isCollection = ((node) => yamlLib().isCollection(node)) as Yaml['isCollection'];
const isMap = ((node) => yamlLib().isMap(node)) as Yaml['isMap'];
const isNode = ((node) => yamlLib().isNode(node)) as Yaml['isNode'];
const isPair = ((node) => yamlLib().isPair(node)) as Yaml['isPair'];
const isScalar = ((node) => yamlLib().isScalar(node)) as Yaml['isScalar'];

/** yaml's bound on alias expansion ("billion laughs"); the same rule finds the alias at fault. */
export const MAX_ALIAS_COUNT = 100;
/** Keys that are JavaScript's own machinery: a hand-written cchc file has no use for them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type AnyNode = Parameters<typeof isAlias>[0];

/**
 * Keys that are lists or mappings, reserved keys, type tags, aliases that are unknown, circular
 * or explosive, and numbers that JavaScript cannot hold exactly: all are refused before the data
 * is built, so none of them can reach an object as a prototype setter, a NaN in a report, or an
 * endless loop.
 */
export function contentProblems(doc: Document.Parsed, text: string, at: At): Diagnostic[] {
  const found: Diagnostic[] = [];
  const aliases = aliasChecker(at);
  // The collections and pairs around the node being checked. Every file read goes through here:
  // one stack, rather than the frozen copy of the path yaml's visit() makes at every level. The
  // recursion is safe: the nesting depth was checked on the parse tree.
  const ancestors: unknown[] = [];
  const check = (node: unknown): void => {
    if (isPair(node)) {
      const problem = collectionKey(node.key, doc, text, at);
      if (problem) found.push(problem);
      else if (isScalar(node.key) && RESERVED_KEYS.has(String(node.key.value))) found.push(at('reserved-key', { key: String(node.key.value) }, node.key.range?.[0] ?? 0));
      ancestors.push(node);
      check(node.key);
      check(node.value);
      ancestors.pop();
      return;
    }
    if (!isNode(node)) return;
    const problem = tagProblem(node, text, at) ?? aliases(node, ancestors) ?? numberProblem(node, at);
    if (problem) found.push(problem);
    if (isMap(node)) found.push(...duplicateKeys(node, at));
    if (isCollection(node)) {
      ancestors.push(node);
      for (const item of node.items) check(item);
      ancestors.pop();
    }
  };
  check(doc.contents);
  return found;
}

/**
 * `[a, b]: 1`, `{x: 1}: 2`, `? [a]`: a key that is a list or a mapping (or an alias of one) has no
 * place in a JavaScript object; yaml would turn it into text such as "[ a, b ]". Shown as written,
 * on one line and cut short.
 */
function collectionKey(key: unknown, doc: Document.Parsed, text: string, at: At): Diagnostic | undefined {
  if (!isCollection(key) && !(isAlias(key) && isCollection(key.resolve(doc)))) return undefined;
  const range = (key as { range?: [number, number, number] | null }).range;
  return collectionKeyProblem(text, range?.[0] ?? 0, range?.[1] ?? 0, at);
}

/** The finding for a key that is a list or a mapping, written from `start` to `end`. */
export function collectionKeyProblem(text: string, start: number, end: number, at: At): Diagnostic {
  const written = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return at('yaml-collection-key', { key: written.length > 40 ? `${written.slice(0, 39)}…` : written }, start);
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

export function firstAlias(doc: Document.Parsed): { source: string; range?: [number, number, number] | null } | undefined {
  let found: { source: string; range?: [number, number, number] | null } | undefined;
  const { visit } = yamlLib();
  visit(doc, {
    Alias: (_, alias) => {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}
