import type { Node, Pair, YAMLMap } from 'yaml';
import type { DataPath } from '../types.js';
import type { QuickMap, QuickNode } from './quick-yaml.js';
import type { Source } from './source.js';
import { yamlLib } from './yaml-lib.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * The `line:column` of the value at `path` (or of its key, with `key: true`).
 * Where the path does not exist (a required key is missing) it falls back to the nearest
 * parent that does, so every finding still points into the file.
 */
export function locate(source: Source, path: DataPath, options: { key?: boolean } = {}): Position {
  const offset = source.quick ? quickOffset(source.quick, path, options.key === true) : yamlOffset(source, path, options.key === true);
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The text of the plain (unquoted) scalar at exactly `path`, or undefined. */
export function plainTextAt(source: Source, path: DataPath): string | undefined {
  if (source.quick) {
    let node: QuickNode | undefined = source.quick;
    for (const segment of path) node = node && quickChild(node, segment)?.value;
    return node?.kind === 'scalar' ? node.plain : undefined;
  }
  const node = nodeAt(source, path);
  return yamlLib().isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
}

function quickOffset(root: QuickMap, path: DataPath, key: boolean): number {
  let node: QuickNode = root;
  for (let i = 0; i < path.length; i++) {
    const child = quickChild(node, path[i]!);
    if (!child) break;
    if (key && i === path.length - 1 && child.keyStart !== undefined) return child.keyStart;
    node = child.value;
  }
  return node.start;
}

const quickIndexes = new WeakMap<QuickMap, Map<string, number>>();

function quickChild(node: QuickNode, segment: string | number): { value: QuickNode; keyStart?: number } | undefined {
  if (node.kind === 'seq') {
    const value = typeof segment === 'number' ? node.items[segment] : undefined;
    return value && { value };
  }
  if (node.kind !== 'map') return undefined;
  const key = String(segment);
  let i: number;
  if (node.keys.length <= SEARCHED) i = node.keys.indexOf(key);
  else {
    let index = quickIndexes.get(node);
    if (!index) {
      index = new Map(node.keys.map((k, n) => [k, n]));
      quickIndexes.set(node, index);
    }
    i = index.get(key) ?? -1;
  }
  return i === -1 ? undefined : { value: node.values[i]!, keyStart: node.keyStarts[i]! };
}

function yamlOffset(source: Source, path: DataPath, key: boolean): number {
  const { isMap, isSeq } = yamlLib();
  let node: unknown = source.doc?.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      const keyNode = isNode(pair.key) ? pair.key : null;
      if (last && key && keyNode) {
        best = keyNode;
        break;
      }
      node = pair.value;
      best = isNode(node) && node.range ? node : keyNode ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!isNode(node)) break;
      best = node;
    } else {
      break;
    }
  }
  return best?.range?.[0] ?? 0;
}

/** The node at exactly `path` (through mappings and sequences), or undefined where it is missing. */
function nodeAt(source: Source, path: DataPath): unknown {
  const { isMap, isSeq } = yamlLib();
  let node: unknown = source.doc?.contents;
  for (const segment of path) {
    if (isMap(node)) node = pairOf(node, String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** Mappings up to this size are searched in order: an index would cost more than it saves. */
const SEARCHED = 8;

/** The first pair of `map` with this key, as a search from the top would find it. */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const { isPair, isScalar } = yamlLib();
  if (map.items.length > SEARCHED) return pairsOf(map).get(key);
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  return undefined;
}

/**
 * A larger mapping's pairs by key (the first of equal keys). Built once per mapping: every
 * finding of a file is located in it, and a file with thousands of entries would otherwise be
 * searched from the top thousands of times.
 */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  const { isPair, isScalar } = yamlLib();
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    indexes.set(map, index);
  }
  return index;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
