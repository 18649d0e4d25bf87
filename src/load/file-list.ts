import { relative, sep } from 'node:path';

export interface FoundFile {
  abs: string;
  /** As shown to the user: relative to the working folder, with `/`. */
  file: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * The working folder and a separator, when paths under it are shown as the rest of the path (not
 * on Windows, where `\\` becomes `/`): a slice of the path, with no path.relative, which was 8%
 * of walking a province.
 */
export function underOf(cwd: string): string | undefined {
  return sep === '/' ? (cwd.endsWith('/') ? cwd : `${cwd}/`) : undefined;
}

/** A found file's path as shown: displayPath, made quicker for a path under the working folder (`under`, from underOf). */
export function shownPath(abs: string, cwd: string, under: string | undefined): string {
  return under !== undefined && abs.startsWith(under) ? abs.slice(under.length) : displayPath(abs, cwd);
}

/** What the files read are, to loadInputs: a list of FoundFile, or a FileList. */
export interface Files {
  readonly length: number;
  at(index: number): FoundFile | undefined;
}

/** Whether a path is among the files read: an output must never overwrite one. */
export interface PathSet {
  has(abs: string): boolean;
}

/**
 * A FileList as it crosses to a worker thread: its buffers, shared (a list from FileListBuilder, or
 * a slice of one: every thread reads the same memory) or copied (pick's lists), never objects.
 */
export interface FileListData {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** Where the first path begins in `bytes`. */
  first: number;
  cwd: string;
}

/**
 * The absolute paths of many files, one after another as UTF-8 in one buffer outside the
 * JavaScript heap, each made a FoundFile again only when asked for. A province's 56,100 files as
 * FoundFile objects took 12 MB of the main thread's heap, and making them grew V8's young
 * generation to its largest for the rest of the run (32 MB against 4; issue 18).
 */
export class FileList implements Files, PathSet {
  /** The working folder and a separator: a path under it is shown as the rest of the path. */
  private readonly under: string | undefined;

  /** `ends[i]`: where the i-th path ends in `bytes`; the first begins at `first`. */
  constructor(private readonly bytes: Uint8Array, private readonly ends: Uint32Array, private readonly first: number, readonly cwd: string) {
    this.under = underOf(cwd);
  }

  static from(data: FileListData): FileList {
    return new FileList(data.bytes, data.ends, data.first, data.cwd);
  }

  get data(): FileListData {
    return { bytes: this.bytes, ends: this.ends, first: this.first, cwd: this.cwd };
  }

  get length(): number {
    return this.ends.length;
  }

  private startOf(index: number): number {
    return index === 0 ? this.first : this.ends[index - 1]!;
  }

  abs(index: number): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.startOf(index), this.ends[index]! - this.startOf(index)).toString('utf8');
  }

  at(index: number): FoundFile | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const abs = this.abs(index);
    return { abs, file: shownPath(abs, this.cwd, this.under) };
  }

  /** The paths as a set, made when has() is first asked: at the end of a run, when outputs are written. */
  private paths: PathSet | undefined;

  has(abs: string): boolean {
    return (this.paths ??= pathSet(this)).has(abs);
  }

  /** The files from `from` up to `to` (not included): the same memory, shared with a worker it is sent to. */
  slice(from: number, to: number): FileList {
    const end = Math.max(from, Math.min(to, this.length));
    return new FileList(this.bytes, this.ends.subarray(from, end), from < end ? this.startOf(from) : 0, this.cwd);
  }

  /** The files at these places, in this order, in buffers of their own and of their size (which can be moved to a worker). */
  pick(indices: ArrayLike<number>): FileList {
    let size = 0;
    for (let k = 0; k < indices.length; k++) size += this.ends[indices[k]!]! - this.startOf(indices[k]!);
    const bytes = new Uint8Array(size);
    const ends = new Uint32Array(indices.length);
    for (let k = 0, at = 0; k < indices.length; k++) {
      const i = indices[k]!;
      bytes.set(this.bytes.subarray(this.startOf(i), this.ends[i]!), at);
      at += this.ends[i]! - this.startOf(i);
      ends[k] = at;
    }
    return new FileList(bytes, ends, 0, this.cwd);
  }

  /**
   * The buffers to move with `data` to a worker thread (postMessage's transfer list): this list's
   * own, as pick() makes them; none when shared, or part of a larger list (they are copied then).
   */
  get transfer(): ArrayBuffer[] {
    return [this.bytes, this.ends].every((a) => a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
      ? [this.bytes.buffer as ArrayBuffer, this.ends.buffer as ArrayBuffer]
      : [];
  }
}

/**
 * A worker's share of the files: those of the run it first read (`run`, the files from place
 * `from` on among all), which it keeps, and the others (`others`, in order), which it is sent; so
 * that no path crosses to a worker twice (the share is nearly all of its run).
 */
export class ShareList implements Files {
  /** For each file of the share, its place in `run`, or (as ~place) in `others`. */
  private readonly where: Int32Array;

  constructor(private readonly run: FileList, from: number, private readonly others: FileList, indices: ArrayLike<number>) {
    this.where = new Int32Array(indices.length);
    let other = 0;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]! - from;
      this.where[k] = i >= 0 && i < run.length ? i : ~other++;
    }
    if (other !== others.length) throw new Error('ShareList: the files sent are not those of the share outside the run');
  }

  get length(): number {
    return this.where.length;
  }

  at(index: number): FoundFile | undefined {
    const w = this.where[index];
    return w === undefined ? undefined : w >= 0 ? this.run.at(w) : this.others.at(~w);
  }
}

/**
 * Room made at once for the paths of a large province (some 190,000) and their ends, in memory
 * that worker threads share: each reads its run of the paths where they are, with no copy. The
 * system gives memory a page at a time as it is first written, so room not used costs nothing;
 * buffers grown by doubling left each smaller one behind, 16 MB of garbage at national scale,
 * which the main thread (allocating little else) kept until the end.
 */
const ROOM_BYTES = 16 * 1024 * 1024;
const ROOM_PATHS = 256 * 1024;

/** Makes a FileList one path at a time, so that no path is kept as a string. */
export class FileListBuilder {
  private bytes = Buffer.from(new SharedArrayBuffer(ROOM_BYTES));
  private ends = new Uint32Array(new SharedArrayBuffer(4 * ROOM_PATHS));
  private size = 0;
  private count = 0;

  constructor(private readonly cwd: string) {}

  push(abs: string): void {
    this.room(Buffer.byteLength(abs, 'utf8'));
    this.size += this.bytes.write(abs, this.size, 'utf8');
    this.ends[this.count++] = this.size;
  }

  finish(): FileList {
    return new FileList(this.bytes.subarray(0, this.size), this.ends.subarray(0, this.count), 0, this.cwd);
  }

  /** More room, rarely: beyond ROOM_BYTES or ROOM_PATHS. */
  private room(length: number): void {
    if (this.size + length > this.bytes.length) {
      const bytes = Buffer.from(new SharedArrayBuffer(Math.max(2 * this.bytes.length, this.size + length)));
      this.bytes.copy(bytes, 0, 0, this.size);
      this.bytes = bytes;
    }
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(new SharedArrayBuffer(8 * this.ends.length));
      ends.set(this.ends);
      this.ends = ends;
    }
  }
}

/** The paths of a list of found files, as a set, made when first asked (a worker never asks). */
export function pathSet(files: Files): PathSet {
  let paths: Set<string> | undefined;
  return {
    has: (abs) => {
      paths ??= new Set(Array.from({ length: files.length }, (_, i) => files.at(i)!.abs));
      return paths.has(abs);
    },
  };
}
