import type { Report } from '../types.js';
import type { FormatOptions } from './format-options.js';

/** The date an Office file says it was made: --stamp's, else the report's as-of date (so the bytes depend on the inputs only). */
export function fixedDate(report: Pick<Report, 'asOf'>, options: Pick<FormatOptions, 'stamp'>): Date {
  const stamp = options.stamp ? new Date(options.stamp) : undefined;
  return stamp && !Number.isNaN(stamp.getTime()) ? stamp : new Date(`${report.asOf}T00:00:00Z`);
}

/**
 * JSZip (inside exceljs and docx) stamps each zip entry with the local time of writing. Overwrites those
 * DOS dates and times in the central directory and the local headers with `when` (UTC), so the
 * bytes depend on the inputs only, not on the clock or the machine's time zone.
 */
export function stampZipEntries(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const early = when.getUTCFullYear() < 1980;
  const time = early ? 0 : (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = early ? 0x21 : ((Math.min(when.getUTCFullYear(), 2107) - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('zip: no zip end-of-central-directory record');
  let entry = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error('zip: unexpected zip layout');
    view.setUint16(entry + 12, time, true);
    view.setUint16(entry + 14, date, true);
    const local = view.getUint32(entry + 42, true);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return zip;
}

