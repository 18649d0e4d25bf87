import type { CST } from 'yaml';

/**
 * A plan nests about 10 levels. yaml's composer, ajv and the checks recurse once per level, so text
 * nested thousands deep would overflow the stack (inside a RegExp compilation that even kills node
 * outright): it is refused before it is composed.
 */
export const MAX_DEPTH = 64;

// The token tree (CST) is walked with an explicit stack: it may be nested arbitrarily deep.

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
export function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  for (const [token, depth] of walk(tokens)) {
    const collection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    if (collection && depth >= MAX_DEPTH) return token.offset;
  }
  return undefined;
}

/** Offset of the first quote or bracket that is opened and never closed. */
export function firstUnclosed(tokens: readonly CST.Token[]): number | undefined {
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
