import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../types.js';

/** The parts of a report that hold nearly all of it. */
export const HEAVY_PARTS = ['units', 'areas', 'criteria'] as const;
export type HeavyPart = (typeof HEAVY_PARTS)[number];

/**
 * Each part as UTF-8 JSON, written as JSON.stringify(set, null, 2) writes it in a report set
 * (`cchc/report-set@1`), where a report's keys are 6 spaces in: so the set is written from the text
 * as it is, and any other format reads the parts back from it.
 */
export const SET_DEPTH_INDENT = '\n      ';

/** Where a part's text lies: in which spool file (its descriptor, open for the whole run), and where in it. */
export interface Place { fd: number; at: number; length: number }

const texts = new WeakMap<Report, Record<HeavyPart, Place>>();

/**
 * The text of every compact report goes to a temporary file, not to memory: at national scale
 * (3,300 communes) it is some 330 MB, which kept as Buffers made the JSON report set's run peak
 * at 620 MB (issue 18). The file is unlinked as soon as it is open (it lives as long as the
 * process and vanishes with it, even on a crash); where the system cannot unlink an open file,
 * it is removed on exit. A worker thread writes its reports to a spool file the main thread
 * opened for it (a file a worker opens is closed when it ends), and sends only their places.
 */
export class Spool {
  private size = 0;
  /** Where each text is made UTF-8 before it is written: one buffer, grown to the largest. */
  private scratch = Buffer.allocUnsafeSlow(64 * 1024);

  /** A spool on a file open already (`fd`, from another thread's `Spool.open()`), or one opened when first written to. */
  constructor(private fd?: number) {}

  /** Opens the file now, for a worker thread to write to: its descriptor. */
  open(): number {
    if (this.fd !== undefined) return this.fd;
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    const file = join(dir, 'reports.json');
    const fd = openSync(file, 'w+');
    try {
      unlinkSync(file);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      process.once('exit', () => {
        closeSync(fd);
        rmSync(dir, { recursive: true, force: true });
      });
    }
    this.fd = fd;
    return fd;
  }

  write(text: string): Place {
    const fd = this.open();
    const length = Buffer.byteLength(text, 'utf8');
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.scratch.length));
    this.scratch.write(text, 0, 'utf8');
    let done = 0;
    while (done < length) done += writeSync(fd, this.scratch, done, length - done, this.size + done);
    const place = { fd, at: this.size, length };
    this.size += length;
    return place;
  }
}

/** A part's text, read back from its spool file. */
function read(place: Place): Buffer {
  const bytes = Buffer.allocUnsafe(place.length);
  let done = 0;
  while (done < place.length) {
    const n = readSync(place.fd, bytes, done, place.length - done, place.at + done);
    if (n === 0) throw new Error('compact-report: spool file cut short');
    done += n;
  }
  return bytes;
}

const spool = new Spool();

/** The one report whose heavy parts were read back last (formats read one report at a time). */
let lastRead: { report: Report; parts: Partial<Pick<Report, HeavyPart>> } | undefined;

/**
 * A report kept as text, in a temporary file (Spool), until it is read: as objects, the results of
 * a province's thousand communes take some 240 MB (their titles and notes are two-byte strings),
 * as UTF-8 text 100 MB, on disk nothing.
 * The plan, summary and diagnostics stay as they are; units, areas and criteria are read back
 * from the text when used, and the last report read stays read, so a format going through the
 * reports one by one reads each once. JSON.stringify writes it as it would the report itself.
 */
export function compactReport(report: Report): Report {
  if (texts.has(report)) return report;
  return compactFromPlaces(report, spooled(report, spool));
}

/** Each heavy part of a report written to `to` as a report set writes it (what a worker thread does instead of sending the objects). */
export function spooled(report: Report, to: Spool): Record<HeavyPart, Place> {
  const places = {} as Record<HeavyPart, Place>;
  for (const part of HEAVY_PARTS) if (part in report) places[part] = to.write(atSetDepth(report[part]));
  return places;
}

/**
 * A compact report from its light keys (`light`, whose heavy keys only give the order of the
 * keys) and the places of its heavy parts' text.
 */
export function compactFromPlaces(light: Report, places: Record<HeavyPart, Place>): Report {
  const compact = {} as Report;
  const stored = {} as Record<HeavyPart, Place>;
  for (const key of Object.keys(light) as (keyof Report)[]) {
    if ((HEAVY_PARTS as readonly string[]).includes(key)) {
      const part = key as HeavyPart;
      stored[part] = places[part];
      Object.defineProperty(compact, key, { enumerable: true, get: READ_BACK[part] });
    } else {
      Object.defineProperty(compact, key, { enumerable: true, writable: true, value: light[key] });
    }
  }
  texts.set(compact, stored);
  return compact;
}

/**
 * JSON.stringify(value, null, 2) as it is written `depth` levels down in a larger JSON.stringify
 * (…, null, 2): every line after the first indented by two spaces a level. The value is written
 * inside that many lists, where JSON.stringify indents it itself, and cut out: no second copy of
 * the text is made to indent it (a replace() over the text took a fifth of compacting).
 */
export function jsonAtDepth(value: unknown, depth: number): string {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // Before the value, `[\n  [\n    ` for a depth of 2 (depth² + 3·depth characters); after it,
  // `\n  ]\n]` (depth² + depth).
  return text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}

/** A part as it is written in a report set, where a report's keys are 3 levels down. */
const atSetDepth = (value: unknown) => jsonAtDepth(value, 3);

/** The heavy parts of a compact report as text, nested as in a report set, each read when asked for; undefined for others. */
export function storedParts(report: Report): Readonly<Record<HeavyPart, Buffer>> | undefined {
  const places = texts.get(report);
  if (!places) return undefined;
  const parts = {} as Record<HeavyPart, Buffer>;
  for (const part of HEAVY_PARTS) Object.defineProperty(parts, part, { enumerable: true, get: () => read(places[part]) });
  return parts;
}

/**
 * The getter of each heavy part, the same function for every compact report: a function made for
 * each report gave each its own hidden class in V8 (some 1 KB a report, 3 MB of a province's).
 */
const READ_BACK = Object.fromEntries(HEAVY_PARTS.map((part) => [part, function (this: Report) {
  return readBack(this, part);
}])) as Record<HeavyPart, (this: Report) => unknown>;

function readBack<K extends HeavyPart>(report: Report, part: K): Report[K] {
  if (lastRead?.report !== report) lastRead = { report, parts: {} };
  const parts = lastRead.parts;
  if (parts[part] === undefined) parts[part] = JSON.parse(read(texts.get(report)![part]).toString('utf8')) as Report[K];
  return parts[part] as Report[K];
}
