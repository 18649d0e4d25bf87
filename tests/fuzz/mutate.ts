/**
 * Generators of broken inputs for the fuzz tests, each a fast-check arbitrary of plain data (so a
 * failing case shrinks to a short list of edits) plus the function that applies it:
 * - `structuredEdits`: edits of the parsed YAML of a fixture — delete, duplicate or rename a key,
 *   put a value of another type, a strange number, a broken date or another id in its place;
 * - `byteEdits`: edits of the bytes — splice random bytes, truncate, insert tabs, NUL, BOM, CR,
 *   invalid UTF-8, YAML punctuation; duplicate, drop or swap lines;
 * - `randomDocument`: YAML made from scratch: anything fast-check can build, progress-shaped
 *   records made of the plan's own ids, and text made of YAML punctuation.
 */
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { FIXTURES } from './fuzz-core.js';

const decoder = new TextDecoder();

// ---- Vocabulary: the ids, keys and short values of the fixtures, so edits hit real references.

function collect(node: unknown, keys: Set<string>, values: Set<string>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) keys.add(String(pair.key.value));
      collect(pair.value, keys, values);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collect(item, keys, values);
  } else if (isScalar(node) && typeof node.value === 'string' && node.value.length <= 40) {
    values.add(node.value);
  }
}

const keySet = new Set<string>();
const valueSet = new Set<string>();
for (const bytes of Object.values(FIXTURES)) collect(parseDocument(decoder.decode(bytes)).contents, keySet, valueSet);
export const KEYS = [...keySet].sort();
export const VALUES = [...valueSet].sort();

const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'note', 'status', 'evidence', 'completedOn', '0', '-1', 'NaN'];
const WEIRD_STRINGS = [
  '', ' ', '\t', '\n', 'a\nb', 'a\r\nb', '\u0000', '\u200b', '\uFEFF', '\u202e', 'é', 'e\u0301', '😀', '\ud800',
  'x'.repeat(5000), '<script>alert(1)</script>', '=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '"', "'", '|', ',', ';', '\\', '../../../etc/passwd',
  'C:\\Windows\\win.ini', 'minh-chung\\bien-ban.pdf', 'file:///etc/passwd', 'https://example.com/a?b=c&d=<e>', ']]>', '&amp;', '*', '**bold**', '`code`', '[link](x)',
  '${HOME}', '%s%s%n', '{{x}}', 'null', 'NaN', 'true', '~', '0x10', '1e3', '99,4%', '>= 100%', '≥ 90 %', '= 0', 'ongoing', 'Thường xuyên',
  'Phòng Văn hoá - Xã hội', 'PHÒNG VĂN HÓA – XÃ HỘI', 'cchc/plan@1', 'cchc/progress@1', 'cchc/plan@2', 'cchc/config@1',
];
const NUMBERS = [
  0, -0, 1, -1, 0.5, -0.5, 99.999, 100, 100.0001, 101, 1e12, 1e15, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, 5e-324, Number.MAX_VALUE,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1243, 1250, 2025, 9999, 10000,
];
const DATES = [
  '2025-02-29', '2024-02-29', '2025-04-31', '31/04/2025', '30/02/2025', '2025-13-01', '2025-00-10', '2025-01-00', '0000-01-01', '9999-12-31', '0001-01-01',
  '10000-01-01', '2025-9-14', '14/9/2025', '2025/09/14', '14-09-2025', '14.09.2025', '2025-09-14T00:00:00Z', '2025-09-14 ', ' 14/09/2025', '２０２５-０９-１４',
  '١٤/٠٩/٢٠٢٥', '14/09/25', '2025-09', 'hôm nay', 'ongoing', '', '31/12/2025', '01/01/2026', '2025-12-31', '2026-01-05', '1970-01-01', '1899-12-31',
];

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NUMBERS, ...WEIRD_STRINGS, ...DATES, null, true, false, [], {}, [null], { value: null }, { value: 1, total: 0 }, { value: 5, total: 3 }),
  fc.constantFrom(...VALUES),
  fc.jsonValue({ maxDepth: 2 }),
  fc.dictionary(fc.constantFrom(...KEYS, ...TRICKY_KEYS), fc.oneof(fc.constantFrom<unknown>(...NUMBERS, ...VALUES), fc.string()), { maxKeys: 3 }),
);

// ---- Structured edits

export type Edit =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'retype' | 'number' | 'date' | 'string' | 'id'; at: number; value: unknown }
  | { op: 'rename'; at: number; key: string }
  | { op: 'swap'; at: number; other: number };

export const structuredEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom<unknown>(...NUMBERS), fc.double(), fc.integer(), fc.constantFrom('1243', '99,4', '1.243', '1 243', '12%')) }),
  fc.record({ op: fc.constant('date' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom<unknown>(...DATES), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.integer({ min: 0, max: 99999999 })) }),
  fc.record({ op: fc.constant('string' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...WEIRD_STRINGS), fc.string(), fc.string({ unit: 'binary' })) }),
  fc.record({ op: fc.constant('id' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...KEYS, ...TRICKY_KEYS), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);

interface Slot {
  parent: YAMLMap | YAMLSeq;
  index: number;
  pair?: Pair;
  value: unknown;
}

function slots(node: unknown, out: Slot[] = []): Slot[] {
  if (isMap(node)) {
    node.items.forEach((pair, index) => {
      out.push({ parent: node, index, pair, value: pair.value });
      slots(pair.value, out);
    });
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      out.push({ parent: node, index, value: item });
      slots(item, out);
    });
  }
  return out;
}

const DATE_LIKE = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}/u;

function setValue(doc: Document, slot: Slot, value: unknown): void {
  const node = doc.createNode(value);
  if (slot.pair) slot.pair.value = node;
  else (slot.parent as YAMLSeq).items[slot.index] = node;
}

function applyEdit(doc: Document, edit: Edit): void {
  const all = slots(doc.contents);
  if (all.length === 0) return;
  // Each kind of edit prefers the nodes it is about; any node will do when there is none.
  const prefer = (test: (s: Slot) => boolean) => {
    const some = all.filter(test);
    return some.length > 0 ? some : all;
  };
  const scalarValue = (s: Slot) => (isScalar(s.value) ? s.value.value : undefined);
  const pick = (list: Slot[]) => list[edit.at % list.length]!;
  switch (edit.op) {
    case 'delete': {
      const s = pick(all);
      s.parent.items.splice(s.index, 1);
      return;
    }
    case 'duplicate': {
      const s = pick(all);
      const copy = s.pair ? s.pair.clone() : isScalar(s.value) || isMap(s.value) || isSeq(s.value) ? (s.value as Node).clone() : s.value;
      (s.parent.items as unknown[]).splice(s.index + 1, 0, copy);
      return;
    }
    case 'retype':
      setValue(doc, pick(all), edit.value);
      return;
    case 'number':
      setValue(doc, pick(prefer((s) => typeof scalarValue(s) === 'number')), edit.value);
      return;
    case 'date':
      setValue(doc, pick(prefer((s) => typeof scalarValue(s) === 'string' && DATE_LIKE.test(scalarValue(s) as string))), edit.value);
      return;
    case 'string':
    case 'id':
      setValue(doc, pick(prefer((s) => typeof scalarValue(s) === 'string')), edit.value);
      return;
    case 'rename': {
      const s = pick(prefer((x) => x.pair !== undefined));
      if (s.pair) s.pair.key = doc.createNode(edit.key);
      return;
    }
    case 'swap': {
      const a = pick(all);
      const b = all[edit.other % all.length]!;
      if (a === b) return;
      const va = a.value;
      const vb = b.value;
      // Swapping a node with one of its own descendants would make a cycle: clone both.
      setNode(a, isScalar(vb) || isMap(vb) || isSeq(vb) ? (vb as Node).clone() : vb);
      setNode(b, isScalar(va) || isMap(va) || isSeq(va) ? (va as Node).clone() : va);
      return;
    }
  }
}

function setNode(slot: Slot, node: unknown): void {
  if (slot.pair) slot.pair.value = node;
  else (slot.parent as YAMLSeq).items[slot.index] = node;
}

/** The fixture's text after the edits, re-written by `yaml` (comments kept). */
export function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): string {
  const doc = parseDocument(decoder.decode(bytes));
  for (const edit of edits) applyEdit(doc, edit);
  return doc.toString({ lineWidth: 0 });
}

// ---- Byte edits

const TOKENS: (string | number[])[] = [
  '\t', '\u0000', '\uFEFF', '\r', '\r\n', '\n', '\u2028', '\u0085', '\u001b[31m', ':', ': ', '- ', '-', '&a ', '*a', '*b', '!!binary ', '!!str ', '!foo ', '!!map ',
  '%YAML 1.1\n', '---\n', '...\n', '# ', '"', "'", '{', '}', '[', ']', '|', '>', '? ', ',', '<<: *a\n', '  ', '    ', 'e\u0301', '\u00a0',
  [0xc3], [0xff], [0xfe], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82],
];

export type ByteEdit =
  | { op: 'splice'; at: number; remove: number; insert: Uint8Array }
  | { op: 'truncate'; at: number }
  | { op: 'token'; at: number; token: number }
  | { op: 'line'; at: number; other: number; kind: 'duplicate' | 'delete' | 'swap' | 'tab-indent' | 'crlf' | 'cr' | 'dedent' | 'indent' };

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('splice' as const), at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.uint8Array({ maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('token' as const), at: fc.nat(), token: fc.nat({ max: TOKENS.length - 1 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('line' as const), at: fc.nat(), other: fc.nat(),
      kind: fc.constantFrom('duplicate' as const, 'delete' as const, 'swap' as const, 'tab-indent' as const, 'crlf' as const, 'cr' as const, 'dedent' as const, 'indent' as const),
    }),
  },
);

function applyByteEdit(bytes: Buffer, edit: ByteEdit): Buffer {
  const at = edit.at % (bytes.length + 1);
  switch (edit.op) {
    case 'splice':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.insert), bytes.subarray(Math.min(bytes.length, at + edit.remove))]);
    case 'truncate':
      return bytes.subarray(0, at);
    case 'token': {
      const t = TOKENS[edit.token]!;
      return Buffer.concat([bytes.subarray(0, at), typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t), bytes.subarray(at)]);
    }
    case 'line': {
      const lines = bytes.toString('latin1').split('\n'); // latin1 keeps every byte as it is
      const i = edit.at % lines.length;
      const j = edit.other % lines.length;
      switch (edit.kind) {
        case 'duplicate': lines.splice(i, 0, lines[i]!); break;
        case 'delete': lines.splice(i, 1); break;
        case 'swap': [lines[i], lines[j]] = [lines[j]!, lines[i]!]; break;
        case 'tab-indent': lines[i] = lines[i]!.replace(/^ +/u, (s) => '\t'.repeat(Math.max(1, s.length >> 1))); break;
        case 'dedent': lines[i] = lines[i]!.replace(/^ {1,2}/u, ''); break;
        case 'indent': lines[i] = ` ${lines[i]}`; break;
        case 'crlf': return Buffer.from(lines.join('\r\n'), 'latin1');
        case 'cr': return Buffer.from(lines.join('\r'), 'latin1');
      }
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let out: Buffer = Buffer.from(bytes);
  for (const edit of edits) out = applyByteEdit(out, edit);
  return new Uint8Array(out);
}

// ---- Random documents

const CRITERIA = VALUES.filter((v) => /^\d+(\.\d+)+$/u.test(v));
const MEASURES = KEYS.filter((k) => /^[a-z]+(_[a-z]+)+$/u.test(k));
const UNITS = ['ttphcc', 'vp', 'kt', 'vhxh', 'ccm', 'bplq', 'Phòng Văn hoá - Xã hội', 'Trung tâm Phục vụ HCC', 'nobody'];

const figure = fc.oneof(
  fc.record({ value: fc.constantFrom<unknown>(...NUMBERS, null, '5'), total: fc.constantFrom<unknown>(...NUMBERS, null) }, { requiredKeys: [] }),
  fc.constantFrom<unknown>(...NUMBERS, null, 'done', []),
  fc.record({ value: fc.nat({ max: 2000 }), total: fc.nat({ max: 2000 }) }),
);
const entry = fc.record(
  {
    status: fc.constantFrom<unknown>('done', 'in-progress', 'not-started', 'Done', null, 1),
    completedOn: fc.constantFrom<unknown>(...DATES),
    evidence: fc.oneof(fc.array(fc.constantFrom<unknown>(...WEIRD_STRINGS, 'plans/quang-son-2025.yaml', 'plans\\quang-son-2025.yaml', 42), { maxLength: 3 }), fc.constantFrom<unknown>('x', null)),
    note: fc.constantFrom<unknown>(...WEIRD_STRINGS.slice(0, 20), null),
    measures: fc.dictionary(fc.constantFrom(...MEASURES, ...TRICKY_KEYS), figure, { maxKeys: 3 }),
  },
  { requiredKeys: [] },
).map(({ measures, ...rest }) => ({ ...measures, ...rest }));

/** A progress file built from the plan's own ids: passes the first checks, then breaks deeper. */
const progressShaped = fc.record(
  {
    schema: fc.constantFrom<unknown>('cchc/progress@1', 'cchc/progress@1', 'cchc/progress@2', 'cchc/plan@1', 1),
    plan: fc.constantFrom<unknown>('quang-son-2025', 'quang-son-2025', 'quang-son-2024', '', null),
    planRevision: fc.constantFrom<unknown>(1, 1, 0, 2, -1, 1.5, '1', 1e308, Number.NaN),
    unit: fc.constantFrom<unknown>(...UNITS),
    period: fc.constantFrom<unknown>('2025-Q3', '', 'Quý III/2025', 3, null),
    asOf: fc.constantFrom<unknown>(...DATES, '2025-09-14', '14/09/2025'),
    reportedBy: fc.constantFrom<unknown>(...WEIRD_STRINGS.slice(0, 10)),
    criteria: fc.oneof(fc.dictionary(fc.constantFrom(...CRITERIA, ...TRICKY_KEYS, '3.2', '99.9'), entry, { maxKeys: 6 }), fc.constantFrom<unknown>(null, [], 'x')),
  },
  { requiredKeys: [] },
);

const headed = fc
  .tuple(fc.constantFrom('cchc/plan@1', 'cchc/progress@1', 'cchc/config@1', 'cchc/plan@2', 'cchc/report@1', 'other'), fc.dictionary(fc.oneof(fc.constantFrom(...KEYS, ...TRICKY_KEYS), fc.string({ maxLength: 6 })), fc.anything({ maxDepth: 3 }), { maxKeys: 6 }))
  .map(([schema, rest]) => ({ schema, ...rest }));

const yamlishText = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS.filter((t): t is string => typeof t === 'string'), 'schema', 'cchc/progress@1', 'a', 'b', '1', '2025-09-14', ' ', '\n', '\n  '), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** A whole random YAML file, as text. */
export const randomDocument: fc.Arbitrary<string> = fc.oneof(
  fc.anything({ maxDepth: 4, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true }).map(safeStringify),
  headed.map(safeStringify),
  progressShaped.map(safeStringify),
  yamlishText,
);

function safeStringify(value: unknown): string {
  try {
    return stringify(value) ?? '';
  } catch {
    // A value yaml cannot write: the test is about cchc, so an empty file instead.
    return '';
  }
}
