import { closeSync, constants, openSync, readSync } from 'node:fs';

/** What a file's first lines say it is: a plan with its id, or a progress file with its plan's. */
export type Sniffed = { kind: 'plan' | 'progress'; plan: string } | undefined;

/** The header (schema, id, plan) comes before the criteria, within the first few lines. */
const HEAD_BYTES = 4096;
// One buffer for every file: a buffer a file was 28,000 allocations outside the heap in each
// worker at national scale, 110 MB of garbage that was collected only late (issue 18).
const headBytes = Buffer.allocUnsafeSlow(HEAD_BYTES);
const HEADER_LINE = /^(schema|plan|id):[ ]+(?:"([^"\\\r\n]*)"|'([^'\r\n]*)'|([^\s#"'&*!|>[{][^\s#]*))[ ]*(?:#[^\r\n]*)?\r?$/gmu;

/**
 * Reads the start of a file for its `schema:` and `id:` or `plan:` lines, to group a province's
 * files by plan before they are read: only a guess, which the reading itself confirms (a file
 * written otherwise — braces, a multi-line quoted text — is simply read at a less thrifty time).
 */
export function sniffFile(absPath: string): Sniffed {
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const length = readSync(fd, headBytes, 0, HEAD_BYTES, 0);
    // A line cut off at the end of what was read could show a shortened id.
    const end = length === HEAD_BYTES ? headBytes.lastIndexOf(10, length - 1) + 1 : length;
    return sniffText(headBytes.toString('utf8', 0, end));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export function sniffText(written: string): Sniffed {
  // As reading does: no byte order mark, NFC (an id written in decomposed letters is read so).
  const head = written.replace(/^\uFEFF/u, '').normalize('NFC');
  const found: Record<string, string> = {};
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(head); m; m = HEADER_LINE.exec(head)) {
    found[m[1]!] ??= m[2] ?? m[3] ?? m[4]!;
  }
  if (found.schema === 'cchc/plan@1' && found.id) return { kind: 'plan', plan: copied(found.id) };
  if (found.schema === 'cchc/progress@1' && found.plan) return { kind: 'progress', plan: copied(found.plan) };
  return undefined;
}

/**
 * The id as a string of its own: a part cut out of a longer string keeps all of it alive in V8,
 * and 28,000 ids each holding its file's first 4 KB held 100 MB in a worker (issue 18).
 */
const copied = (id: string): string => Buffer.from(id, 'utf8').toString('utf8');

/**
 * What sniffFile says of each of many files, as it crosses between threads: each plan id once,
 * and for each file a number (the place of its id, -1 for none) and whether it is a plan, in
 * buffers rather than an object and a string for each file (issue 18).
 */
export interface SniffedData {
  ids: string[];
  group: Int32Array<ArrayBuffer>;
  plan: Uint8Array<ArrayBuffer>;
}

/** SniffedData, read as a list of what sniffFile said of each file. */
export class SniffedList {
  constructor(readonly data: SniffedData) {}

  get length(): number {
    return this.data.group.length;
  }

  at(index: number): Sniffed {
    const group = this.data.group[index] ?? -1;
    return group < 0 ? undefined : { kind: this.data.plan[index] ? 'plan' : 'progress', plan: this.data.ids[group]! };
  }
}

/** Numbers things in the order they are first met: `met` holds each once, at its number. */
export class Numbering<T> {
  readonly met: T[] = [];
  private readonly numbers = new Map<T, number>();

  of(thing: T): number {
    let n = this.numbers.get(thing);
    if (n === undefined) this.numbers.set(thing, (n = this.met.push(thing) - 1));
    return n;
  }
}

/** What the first lines of each file name, of files given by their paths. */
export function sniffAll(count: number, abs: (index: number) => string): SniffedData {
  const ids = new Numbering<string>();
  const group = new Int32Array(count);
  const plan = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const sniffed = sniffFile(abs(i));
    group[i] = sniffed ? ids.of(sniffed.plan) : -1;
    plan[i] = sniffed?.kind === 'plan' ? 1 : 0;
  }
  return { ids: ids.met, group, plan };
}
