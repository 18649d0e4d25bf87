/**
 * A fast reader for the plain YAML that cchc files are written in: block mappings and lists,
 * one-line `{ value: 1, total: 2 }` and `[a, b]`, plain and quoted one-line scalars, comments.
 * yaml's parser, composer and toJS took 90% of the time of a check (yaml reads some 2 MB/s);
 * this reads the same files an order of magnitude faster and keeps only what locate() needs.
 *
 * It gives up (returns undefined) at the first thing it does not handle exactly as yaml would —
 * anchors, tags, block scalars, multi-line scalars, escapes, numbers other than plain decimals,
 * a duplicate or reserved key, anything it is unsure is valid — and the file is then read by
 * yaml, which reports what is wrong. So whatever it accepts, it reads to the same data and the
 * same positions as yaml does (tests/quick-yaml.test.ts compares the two on every corpus file and
 * on generated documents).
 */

/** Where a node starts: offsets into the text, as yaml's `range[0]`. */
export type QuickNode = QuickMap | QuickSeq | QuickScalar;

export interface QuickMap {
  readonly kind: 'map';
  readonly start: number;
  readonly keys: string[];
  readonly keyStarts: number[];
  readonly values: QuickNode[];
}

export interface QuickSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly items: QuickNode[];
}

export interface QuickScalar {
  readonly kind: 'scalar';
  readonly start: number;
  /** The text as written, for a plain (unquoted) scalar. */
  readonly plain?: string;
}

export interface QuickRead {
  data: Record<string, unknown>;
  root: QuickMap;
  /** Some number is written with a point (`7.85`, or `1.250` meaning 1,250: thousands-dot.ts). */
  dottedNumbers: boolean;
}

/** YAML's limit on an implicit key (the full reader reports a longer one). */
const MAX_KEY_LENGTH = 1024;
/** Nesting beyond this is left to the full reader, which refuses it (MAX_DEPTH in parse-tree). */
const MAX_QUICK_DEPTH = 32;

// Tabs, carriage returns not followed by a line feed, line separators YAML 1.2 does not have, and
// the odd spaces stray-characters checks: files with any of them are left to yaml.
// (Two searches: one regular expression with both took half as long again on a plan.)
export const UNHANDLED_CHARS = '\\t\\u0085\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const UNHANDLED = new RegExp(`[${UNHANDLED_CHARS}]`, 'u');
const LONE_CR = /\r(?!\n)/u;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// What the YAML 1.2 core schema reads as numbers: only the two forms below are read here.
const CORE_NUMBER = /^(?:[-+]?(?:[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/u;
const INTEGER = /^-?(?:0|[1-9][0-9]{0,14})$/u;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/u;
const CORE_WORDS = new Map<string, boolean | null>([
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ['null', null], ['Null', null], ['NULL', null], ['~', null],
]);
// Characters that cannot start a plain scalar here: YAML's indicators, and `?` and `:` that only
// sometimes can (`-` can when a character other than a space follows, outside `[…]` and `{…}`).
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;
// What a plain key is made of: letters, digits, `_`, and after the first also `./-`.
const KEY_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_') KEY_CHAR[c.charCodeAt(0)] = 1;
for (const c of './-') KEY_CHAR[c.charCodeAt(0)] = 2;

type Frame =
  | { seq: false; indent: number; obj: Record<string, unknown>; node: QuickMap }
  | { seq: true; indent: number; arr: unknown[]; node: QuickSeq };

/** A `key:` or `-` with nothing after it yet: a nested block on the next lines, or null. */
type Pending = { frame: Frame; key: string; nullAt: number };

class GiveUp extends Error {}

/**
 * The data and positions of `text`, or undefined when yaml must read it. `searched`: the caller
 * has already found none of UNHANDLED_CHARS in the text.
 */
export function quickYaml(text: string, searched = false): QuickRead | undefined {
  if ((!searched && UNHANDLED.test(text)) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw new GiveUp();
}

class Reader {
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;
  private lineStart = 0;
  // value(), flow() and flowScalar() return a value and leave its node here, and flowScalar() the
  // offset after it: returning [value, node] tuples was a tenth of the reader's time.
  private node: QuickNode | undefined;
  private next = 0;
  /** Some number so far is written with a point. */
  private dotted = false;

  constructor(private readonly text: string) {}

  read(): QuickRead | undefined {
    const { text } = this;
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = n;
      const end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      let i = pos;
      while (i < end && text.charCodeAt(i) === 32) i++;
      this.lineStart = pos;
      pos = eol + 1;
      if (i === end || text.charCodeAt(i) === 35) continue;
      if (i === this.lineStart && (text.startsWith('---', i) || text.startsWith('...', i) || text.charCodeAt(i) === 37)) giveUp();
      this.line(i, end);
    }
    const root = this.stack[0];
    if (!root || root.seq) return undefined;
    this.settlePending();
    return { data: root.obj, root: root.node, dottedNumbers: this.dotted };
  }

  private line(i: number, end: number): void {
    const indent = i - this.lineStart;
    const dash = this.isDash(i, end);
    const { stack } = this;
    if (stack.length === 0) {
      if (indent !== 0 || dash) giveUp();
      stack.push(newMap(0, i));
    }
    const pending = this.pending;
    if (pending) {
      const parent = pending.frame;
      if (indent > parent.indent || (indent === parent.indent && !parent.seq && dash)) {
        this.pending = undefined;
        const child = dash ? newSeq(indent, i) : newMap(indent, i);
        assign(parent, pending.key, child.seq ? child.arr : child.obj, child.node);
        stack.push(child);
        if (stack.length > MAX_QUICK_DEPTH) giveUp();
      } else {
        this.settlePending();
      }
    }
    let top = stack[stack.length - 1]!;
    while (top.indent > indent) {
      stack.pop();
      top = stack[stack.length - 1]!;
    }
    if (top.seq && top.indent === indent && !dash && stack.length > 1) {
      stack.pop();
      top = stack[stack.length - 1]!;
    }
    if (top.indent !== indent || top.seq !== dash) giveUp();
    if (top.seq) this.item(top, i, end);
    else this.entry(top, i, end);
  }

  /** `- …` in a list. */
  private item(frame: Frame & { seq: true }, i: number, end: number): void {
    const { text } = this;
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === 32) j++;
    if (j === end || text.charCodeAt(j) === 35) {
      this.pending = { frame, key: '', nullAt: j };
      return;
    }
    if (this.isDash(j, end)) giveUp();
    if (this.keyEnd(j, end) !== undefined) {
      const map = newMap(j - this.lineStart, j);
      frame.arr.push(map.obj);
      frame.node.items.push(map.node);
      this.stack.push(map);
      if (this.stack.length > MAX_QUICK_DEPTH) giveUp();
      this.entry(map, j, end);
      return;
    }
    frame.arr.push(this.value(j, end));
    frame.node.items.push(this.node!);
  }

  /** `key: value` or `key:` in a mapping. */
  private entry(frame: Frame & { seq: false }, i: number, end: number): void {
    const { text } = this;
    const after = this.keyEnd(i, end);
    if (after === undefined) giveUp();
    const key = this.key(i, after);
    checkKey(frame.obj, key);
    frame.node.keys.push(key);
    frame.node.keyStarts.push(i);
    let j = after + 1;
    while (j < end && text.charCodeAt(j) === 32) j++;
    if (j === end || text.charCodeAt(j) === 35) {
      this.pending = { frame, key, nullAt: j };
      return;
    }
    const value = this.value(j, end);
    assign(frame, key, value, this.node!);
  }

  /** A `key:` or `-` left without a value when the next line is not its nested block. */
  private settlePending(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    assign(pending.frame, pending.key, null, { kind: 'scalar', start: pending.nullAt, plain: '' });
  }

  private isDash(i: number, end: number): boolean {
    return this.text.charCodeAt(i) === 45 && (i + 1 === end || this.text.charCodeAt(i + 1) === 32);
  }

  /** The offset of the `:` after a key starting at `i`, when the line is `key:` or `key: …`. */
  private keyEnd(i: number, end: number): number | undefined {
    const { text } = this;
    const c = text.charCodeAt(i);
    let after: number;
    if (c === 34 || c === 39) {
      after = this.quotedEnd(i, end);
      if (after === -1) return undefined;
    } else {
      if (!(c < 128 && KEY_CHAR[c] === 1)) return undefined;
      let k = i + 1;
      for (let d = text.charCodeAt(k); d < 128 && KEY_CHAR[d] !== 0; d = text.charCodeAt(++k));
      after = Math.min(k, end);
    }
    if (text.charCodeAt(after) !== 58) return undefined;
    // yaml refuses a block mapping key whose `:` is over 1,024 characters from its start.
    if (after - i > MAX_KEY_LENGTH) giveUp();
    return after + 1 === end || text.charCodeAt(after + 1) === 32 ? after : undefined;
  }

  /** The key written from `i` to `after`, as a string (anything else is left to yaml). */
  private key(i: number, after: number): string {
    const c = this.text.charCodeAt(i);
    if (c === 34 || c === 39) return this.quotedText(i, after);
    const raw = this.text.slice(i, after);
    if (typeof plainValue(raw) !== 'string') giveUp();
    return raw;
  }

  /** A value on the rest of the line: a scalar, `[…]` or `{…}`, and perhaps a comment. */
  private value(j: number, end: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(j);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(j, end);
      if (close === -1) giveUp();
      this.restIsComment(close, end);
      this.node = { kind: 'scalar', start: j };
      return this.quotedText(j, close);
    }
    if (c === 91) return this.flow(j, end, 93);
    if (c === 123) return this.flow(j, end, 125);
    if (NOT_PLAIN_START[c] === 1 && !(c === 45 && j + 1 < end && text.charCodeAt(j + 1) !== 32)) giveUp();
    let stop = j;
    while (stop < end && !(text.charCodeAt(stop) === 35 && text.charCodeAt(stop - 1) === 32)) stop++;
    while (text.charCodeAt(stop - 1) === 32) stop--;
    const raw = text.slice(j, stop);
    if (raw.includes(': ') || raw.endsWith(':')) giveUp();
    this.node = { kind: 'scalar', start: j, plain: raw };
    return this.plain(raw);
  }

  /** `[a, "b"]` or `{ value: 1, total: 2 }` on one line, holding scalars only. */
  private flow(open: number, end: number, closer: number): unknown {
    const { text } = this;
    const isMap = closer === 125;
    const keys: string[] = [];
    const keyStarts: number[] = [];
    const values: QuickNode[] = [];
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    let j = open + 1;
    for (;;) {
      while (j < end && text.charCodeAt(j) === 32) j++;
      if (j >= end) giveUp();
      if (text.charCodeAt(j) === closer) {
        // `[a, ]` and `{a: 1, }` are valid YAML, but rare enough to leave to yaml.
        if (values.length > 0) giveUp();
        break;
      }
      let key = '';
      if (isMap) {
        const keyStart = j;
        const after = this.keyEnd(j, end);
        // In a flow mapping `key:` may also be followed by `,` or `}`: not handled here.
        if (after === undefined) giveUp();
        key = this.key(j, after);
        checkKey(obj, key);
        keys.push(key);
        keyStarts.push(keyStart);
        j = after + 1;
        while (j < end && text.charCodeAt(j) === 32) j++;
      }
      const value = this.flowScalar(j, end, closer);
      if (isMap) obj[key] = value;
      else arr.push(value);
      values.push(this.node!);
      j = this.next;
      while (j < end && text.charCodeAt(j) === 32) j++;
      const c = text.charCodeAt(j);
      if (c === closer) break;
      if (c !== 44) giveUp();
      j++;
    }
    this.restIsComment(j + 1, end);
    this.node = isMap ? { kind: 'map', start: open, keys, keyStarts, values } : { kind: 'seq', start: open, items: values };
    return isMap ? obj : arr;
  }

  /** A scalar inside `[…]` or `{…}`, and the offset after it. */
  private flowScalar(j: number, end: number, closer: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(j);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(j, end);
      if (close === -1) giveUp();
      this.node = { kind: 'scalar', start: j };
      this.next = close;
      return this.quotedText(j, close);
    }
    if (j >= end || c === closer || c === 44 || NOT_PLAIN_START[c] === 1) giveUp();
    let k = j;
    for (; k < end; k++) {
      const d = text.charCodeAt(k);
      if (d === 44 || d === closer) break;
      // Brackets, `:` (a pair) and ` #` (a comment) inside a flow collection are left to yaml.
      if (d === 91 || d === 93 || d === 123 || d === 125 || d === 58 || (d === 35 && text.charCodeAt(k - 1) === 32)) giveUp();
    }
    let stop = k;
    while (text.charCodeAt(stop - 1) === 32) stop--;
    const raw = text.slice(j, stop);
    this.node = { kind: 'scalar', start: j, plain: raw };
    this.next = k;
    return this.plain(raw);
  }

  /** What a plain scalar means (plainValue), noting a number written with a point. */
  private plain(raw: string): unknown {
    const value = plainValue(raw);
    if (typeof value === 'number' && !this.dotted) this.dotted = raw.includes('.');
    return value;
  }

  /** The offset just after the closing quote of a one-line quoted scalar at `i`, or -1. */
  private quotedEnd(i: number, end: number): number {
    const { text } = this;
    const quote = text.charCodeAt(i);
    let k = i + 1;
    for (;;) {
      k = text.indexOf(quote === 34 ? '"' : "'", k);
      if (k === -1 || k >= end) return -1;
      if (quote === 39 && text.charCodeAt(k + 1) === 39) {
        k += 2;
        continue;
      }
      return k + 1;
    }
  }

  /** What a one-line quoted scalar from `i` to `after` says (escapes are left to yaml). */
  private quotedText(i: number, after: number): string {
    const inner = this.text.slice(i + 1, after - 1);
    if (this.text.charCodeAt(i) === 39) return inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    if (inner.includes('\\')) giveUp();
    return inner;
  }

  /** Nothing after a value but spaces and a comment. */
  private restIsComment(k: number, end: number): void {
    const { text } = this;
    let j = k;
    while (j < end && text.charCodeAt(j) === 32) j++;
    if (j < end && (text.charCodeAt(j) !== 35 || j === k)) giveUp();
  }
}

function newMap(indent: number, start: number): Frame & { seq: false } {
  return { seq: false, indent, obj: {}, node: { kind: 'map', start, keys: [], keyStarts: [], values: [] } };
}

function newSeq(indent: number, start: number): Frame & { seq: true } {
  return { seq: true, indent, arr: [], node: { kind: 'seq', start, items: [] } };
}

function checkKey(obj: Record<string, unknown>, key: string): void {
  if (((key.length === 9 || key.length === 11) && RESERVED_KEYS.has(key)) || Object.hasOwn(obj, key)) giveUp();
}

/** Adds a value to a list, or to a mapping under its last key (already checked and recorded). */
function assign(frame: Frame, key: string, value: unknown, node: QuickNode): void {
  if (frame.seq) {
    frame.arr.push(value);
    frame.node.items.push(node);
  } else {
    frame.obj[key] = value;
    frame.node.values.push(node);
  }
}

/** What a plain scalar means in the YAML 1.2 core schema, for the forms read here. */
function plainValue(raw: string): unknown {
  const c = raw.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (INTEGER.test(raw) || DECIMAL.test(raw)) return Number(raw);
    if (CORE_NUMBER.test(raw)) giveUp();
    return raw;
  }
  // Only these can start a word of CORE_WORDS.
  if (c !== 116 && c !== 84 && c !== 102 && c !== 70 && c !== 110 && c !== 78 && c !== 126) return raw;
  const word = CORE_WORDS.get(raw);
  return word === undefined ? raw : word;
}
