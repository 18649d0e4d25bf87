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

const texts = new WeakMap<Report, Record<HeavyPart, Buffer>>();

/** The one report whose heavy parts were read back last (formats read one report at a time). */
let lastRead: { report: Report; parts: Partial<Pick<Report, HeavyPart>> } | undefined;

/**
 * A report kept as text until it is read: as objects, the results of a province's thousand
 * communes take some 240 MB (their titles and notes are two-byte strings), as UTF-8 text 85 MB.
 * The plan, summary and diagnostics stay as they are; units, areas and criteria are read back
 * from the text when used, and the last report read stays read, so a format going through the
 * reports one by one reads each once. JSON.stringify writes it as it would the report itself.
 */
export function compactReport(report: Report): Report {
  const compact = {} as Report;
  const stored = {} as Record<HeavyPart, Buffer>;
  for (const key of Object.keys(report) as (keyof Report)[]) {
    if ((HEAVY_PARTS as readonly string[]).includes(key)) {
      const part = key as HeavyPart;
      stored[part] = Buffer.from(atSetDepth(report[part]));
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

/** The heavy parts of a compact report as text, nested as in a report set; undefined for others. */
export function storedParts(report: Report): Readonly<Record<HeavyPart, Buffer>> | undefined {
  return texts.get(report);
}

function readBack<K extends HeavyPart>(report: Report, part: K): Report[K] {
  if (lastRead?.report !== report) lastRead = { report, parts: {} };
  const parts = lastRead.parts;
  if (parts[part] === undefined) parts[part] = JSON.parse(texts.get(report)![part].toString('utf8')) as Report[K];
  return parts[part] as Report[K];
}
