/**
 * Compares what quickYaml reads with what yaml reads, for tests: the same data, and every node at
 * the same offset (keys, values, list items), with the same text for plain scalars; and whether
 * some number is written with a point.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { quickYaml, type QuickNode } from '../../src/load/quick-yaml.js';

const OPTIONS = { uniqueKeys: false, schema: 'core', merge: false, logLevel: 'error' } as const;

/** undefined when quickYaml gave up; else the first difference from yaml, or '' when none. */
export function compareWithYaml(text: string): string | undefined {
  const quick = quickYaml(text);
  if (!quick) return undefined;
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length > 0) return `yaml found an error quickYaml did not: ${doc.errors[0]!.message}`;
  if (doc.warnings.length > 0) return `yaml warned: ${doc.warnings[0]!.message}`;
  const data = doc.toJS();
  if (!isDeepStrictEqual(quick.data, data)) return `data differs: ${JSON.stringify(quick.data)} vs ${JSON.stringify(data)}`;
  let dotted = false;
  visit(doc, { Scalar: (_, node) => void (dotted ||= node.type === 'PLAIN' && typeof node.value === 'number' && String(node.source).includes('.')) });
  if (quick.dottedNumbers !== dotted) return `dottedNumbers ${quick.dottedNumbers}, yaml's scalars say ${dotted}`;
  return sameNodes(quick.root, doc.contents, '$');
}

function sameNodes(quick: QuickNode, node: unknown, path: string): string {
  const start = (node as { range?: [number, number, number] | null } | null)?.range?.[0];
  if (quick.start !== start) return `${path}: starts at ${quick.start}, yaml says ${start}`;
  if (quick.kind === 'map') {
    if (!isMap(node)) return `${path}: a mapping, yaml says otherwise`;
    if (node.items.length !== quick.keys.length) return `${path}: ${quick.keys.length} keys, yaml ${node.items.length}`;
    for (let i = 0; i < node.items.length; i++) {
      const pair = node.items[i]!;
      if (!isPair(pair) || !isScalar(pair.key)) return `${path}: pair ${i} is not a scalar key`;
      if (String(pair.key.value) !== quick.keys[i]) return `${path}: key ${quick.keys[i]}, yaml ${String(pair.key.value)}`;
      if (pair.key.range?.[0] !== quick.keyStarts[i]) return `${path}.${quick.keys[i]}: key at ${quick.keyStarts[i]}, yaml ${pair.key.range?.[0]}`;
      const d = sameNodes(quick.values[i]!, pair.value, `${path}.${quick.keys[i]}`);
      if (d) return d;
    }
    return '';
  }
  if (quick.kind === 'seq') {
    if (!isSeq(node)) return `${path}: a list, yaml says otherwise`;
    if (node.items.length !== quick.items.length) return `${path}: ${quick.items.length} items, yaml ${node.items.length}`;
    for (let i = 0; i < node.items.length; i++) {
      const d = sameNodes(quick.items[i]!, node.items[i], `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (!isScalar(node)) return `${path}: a scalar, yaml says otherwise`;
  const plain = node.type === 'PLAIN' ? node.source : undefined;
  if (quick.plain !== plain) return `${path}: plain text ${JSON.stringify(quick.plain)}, yaml ${JSON.stringify(plain)}`;
  return '';
}
