import { inflateRawSync } from 'node:zlib';

/** Why a zip could not be read: cut short or damaged, or it would expand past the limit (a zip bomb). */
export class ZipError extends Error {
  constructor(readonly reason: 'corrupt' | 'too-large' | 'encrypted') {
    super(reason);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** As the zip declares it: checked again while inflating, since a bomb can lie. */
  size: number;
  localOffset: number;
}

/** No part of a plan document comes near this; a zip bomb does. */
export const ZIP_PART_LIMIT = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip file (a .docx or .xlsx is one), from its central directory. Only what Office
 * writes is read: stored or deflated entries, no zip64, no spanning.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = findEndOfCentralDirectory(view);
  const count = view.getUint16(at + 10, true);
  let p = view.getUint32(at + 16, true);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipError('corrupt');
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, view.byteLength - 22 - 65_535);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError('corrupt');
}

/** One entry's bytes, inflated with a hard limit on what it may expand to. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, limit = ZIP_PART_LIMIT): Buffer {
  if (entry.encrypted) throw new ZipError('encrypted');
  if (entry.size > limit) throw new ZipError('too-large');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) throw new ZipError('corrupt');
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError('corrupt');
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ZipError('corrupt');
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    throw new ZipError((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt');
  }
}

/** The sum of what the entries declare they expand to: a first, cheap test for a zip bomb. */
export const declaredSize = (entries: Map<string, ZipEntry>) => [...entries.values()].reduce((sum, e) => sum + e.size, 0);
