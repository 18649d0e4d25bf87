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

/** Where a part's text lies in the spool file. */
interface Place { at: number; length: number }

const texts = new WeakMap<Report, Record<HeavyPart, Place>>();

/**
 * The text of every compact report goes to one temporary file, not to memory: at national scale
 * (3,300 communes) it is some 330 MB, which kept as Buffers made the JSON report set's run peak
 * at 620 MB (issue 18). The file is unlinked as soon as it is open (it lives as long as the
 * process and vanishes with it, even on a crash); where the system cannot unlink an open file,
 * it is removed on exit.
 */
class Spool {
  private fd: number | undefined;
  private size = 0;

  write(text: string): Place {
    const fd = this.open();
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, this.size + done);
    const place = { at: this.size, length: bytes.length };
    this.size += bytes.length;
    return place;
  }

  read(place: Place): Buffer {
    const bytes = Buffer.allocUnsafe(place.length);
    let done = 0;
    while (done < place.length) {
      const n = readSync(this.fd!, bytes, done, place.length - done, place.at + done);
      if (n === 0) throw new Error('compact-report: spool file cut short');
      done += n;
    }
    return bytes;
  }

  private open(): number {
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
  const parts = {} as Record<HeavyPart, string>;
  for (const part of HEAVY_PARTS) if (part in report) parts[part] = atSetDepth(report[part]);
  return compactFromParts(report, parts);
}

/** Each heavy part of a report as a report set writes it (what a worker thread sends instead of the objects). */
export function heavyTexts(report: Report): Record<HeavyPart, string> {
  return Object.fromEntries(HEAVY_PARTS.map((part) => [part, atSetDepth(report[part])])) as Record<HeavyPart, string>;
}

/**
 * A compact report from its light keys (`light`, whose heavy keys only give the order of the
 * keys) and its heavy parts as text.
 */
export function compactFromParts(light: Report, parts: Record<HeavyPart, string>): Report {
  const report = light;
  const compact = {} as Report;
  const stored = {} as Record<HeavyPart, Place>;
  for (const key of Object.keys(report) as (keyof Report)[]) {
    if ((HEAVY_PARTS as readonly string[]).includes(key)) {
      const part = key as HeavyPart;
      stored[part] = spool.write(parts[part]);
      Object.defineProperty(compact, key, { enumerable: true, get: () => readBack(compact, part) });
    } else {
      Object.defineProperty(compact, key, { enumerable: true, writable: true, value: report[key] });
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
  for (const part of HEAVY_PARTS) Object.defineProperty(parts, part, { enumerable: true, get: () => spool.read(places[part]) });
  return parts;
}

function readBack<K extends HeavyPart>(report: Report, part: K): Report[K] {
  if (lastRead?.report !== report) lastRead = { report, parts: {} };
  const parts = lastRead.parts;
  if (parts[part] === undefined) parts[part] = JSON.parse(spool.read(texts.get(report)![part]).toString('utf8')) as Report[K];
  return parts[part] as Report[K];
}
