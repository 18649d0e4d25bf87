import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { DataPath } from '../types.js';
import type { Source } from './source.js';

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
  let node: unknown = source.doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyNode = isNode(pair.key) ? pair.key : null;
      if (last && options.key && keyNode) {
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
  const offset = best?.range?.[0] ?? 0;
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
