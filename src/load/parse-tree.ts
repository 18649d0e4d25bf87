import type { CST } from 'yaml';
import { deepNestingEnd } from './nesting-scan.js';
import { yamlLib } from './yaml-lib.js';

/**
 * A plan nests about 10 levels. yaml's composer, ajv and the checks recurse once per level, so text
 * nested thousands deep would overflow the stack (inside a RegExp compilation that even kills node
 * outright): it is refused before it is composed.
 */
export const MAX_DEPTH = 64;

/**
 * The parse tree of `text`, or the offset of its first collection nested deeper than MAX_DEPTH.
 * yaml's Parser keeps its own stack (unlike its Composer), so it reads any depth safely, but
 * slowly: 5 MB of "[" cost it over half a minute and gigabytes of memory. So a linear scan looks
 * first for a place where the nesting plainly goes past the limit; when the text up to there is
 * indeed too deep, the rest is never parsed. The verdict always comes from the parse tree.
 */
export function parseTree(text: string): { tokens: CST.Token[] } | { tooDeep: number } {
  const end = deepNestingEnd(text, MAX_DEPTH);
  if (end !== undefined) {
    const tooDeep = firstTooDeep(Array.from(new (yamlLib().Parser)().parse(text.slice(0, end))));
    if (tooDeep !== undefined) return { tooDeep };
  }
  const tokens = Array.from(new (yamlLib().Parser)().parse(text));
  const tooDeep = firstTooDeep(tokens);
  return tooDeep === undefined ? { tokens } : { tooDeep };
}

// The token tree (CST) is walked with an explicit stack: it may be nested arbitrarily deep. It is
// walked for every file read, so the walk allocates nothing per token but the stack's slots.

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

function isCollection(token: CST.Token): token is Collection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

/**
 * Calls `visit` on every token of the tree in document order, with the number of collections
 * around it, until it returns true.
 */
function walk(tokens: readonly CST.Token[], visit: (token: CST.Token, depth: number) => boolean): void {
  const stack: CST.Token[] = [];
  const depths: number[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    stack.push(tokens[i]!);
    depths.push(0);
  }
  while (stack.length > 0) {
    const token = stack.pop()!;
    const depth = depths.pop()!;
    if (visit(token, depth)) return;
    if (token.type === 'document') {
      if (token.value) {
        stack.push(token.value);
        depths.push(depth);
      }
    } else if (isCollection(token)) {
      // Pushed last item first, value before key: popped in document order.
      for (let i = token.items.length - 1; i >= 0; i--) {
        const { key, value } = token.items[i]!;
        if (value) {
          stack.push(value);
          depths.push(depth + 1);
        }
        if (key) {
          stack.push(key);
          depths.push(depth + 1);
        }
      }
    }
  }
}

/** Offset of the first collection nested deeper than MAX_DEPTH. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  let found: number | undefined;
  walk(tokens, (token, depth) => {
    if (depth >= MAX_DEPTH && isCollection(token)) found = token.offset;
    return found !== undefined;
  });
  return found;
}

/** Offset of the first quote or bracket that is opened and never closed. */
export function firstUnclosed(tokens: readonly CST.Token[]): number | undefined {
  let found: number | undefined;
  walk(tokens, (token) => {
    if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      if (!isClosedQuote(token.source)) found = token.offset;
    } else if (token.type === 'flow-collection') {
      if (!token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) found = token.start.offset;
    }
    return found !== undefined;
  });
  return found;
}

/** Offset just past the flow collection ([…] or {…}) that starts at `offset`, if one does. */
export function flowCollectionEnd(tokens: readonly CST.Token[], offset: number): number | undefined {
  let found: number | undefined;
  walk(tokens, (token) => {
    if (token.type !== 'flow-collection' || token.offset !== offset) return false;
    const last = token.end.find((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end');
    found = last ? last.offset + 1 : undefined;
    return true;
  });
  return found;
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
