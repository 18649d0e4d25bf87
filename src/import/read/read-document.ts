import { UsageError } from '../../errors.js';
import { MAX_TABLE_ROWS, MAX_CELLS, type SourceDocument } from '../table.js';
import { readDocx } from './docx.js';
import { readText } from './text.js';
import { declaredSize, readEntry, zipEntries, ZipError } from '../../util/zip.js';

/** A Word or Excel file larger than this is not a plan's appendix. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** What all the parts of a .docx or .xlsx may expand to together (a zip bomb expands far beyond). */
const MAX_EXPANDED_BYTES = 256 * 1024 * 1024;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const utf16Name = (name: string) => Buffer.from(name, 'utf16le');

/**
 * Recognises a plan document by its content, whatever its name ends with, and reads it into the
 * table model. Anything else gets an error naming the file and what to provide instead.
 */
export async function readDocument(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError('import-too-large', { file, mb: Math.round(bytes.length / 1048576) });
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.toString('latin1').startsWith('%PDF-')) throw new UsageError('import-pdf', { file });
  if (starts(bytes, CFB)) return refuseCompoundFile(bytes, file);
  if (head.toString('latin1').startsWith('{\\rtf')) throw new UsageError('import-rtf', { file });
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return readZipDocument(bytes, file);
  return readTextDocument(bytes, file);
}

/** Old Word (.doc) and Excel (.xls) files, and Office files saved with a password, are compound files. */
function refuseCompoundFile(bytes: Uint8Array, file: string): never {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (all.includes(utf16Name('EncryptedPackage'))) throw new UsageError('import-encrypted', { file });
  if (all.includes(utf16Name('Workbook')) || all.includes(utf16Name('Book'))) throw new UsageError('import-old-xls', { file });
  throw new UsageError('import-old-doc', { file });
}

async function readZipDocument(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  try {
    const entries = zipEntries(bytes);
    if (declaredSize(entries) > MAX_EXPANDED_BYTES) throw new ZipError('too-large');
    if (entries.has('word/document.xml')) return readDocx(bytes, entries);
    if (entries.has('xl/workbook.xml')) {
      // exceljs inflates every part itself, trusting the sizes the zip declares: inflate each
      // part here first, under the limit, so that a zip bomb that lies is stopped too.
      let expanded = 0;
      for (const e of entries.values()) {
        const part = readEntry(bytes, e);
        expanded += part.length;
        if (expanded > MAX_EXPANDED_BYTES) throw new ZipError('too-large');
        // exceljs would lay out a merged range or a far cell in full: refuse the sheet first.
        if (/^xl\/worksheets\/[^/]+\.xml$/u.test(e.name) && sheetTooLarge(part.toString('latin1'))) throw new UsageError('import-too-many-rows', { file, rows: `> ${MAX_TABLE_ROWS}`, max: MAX_TABLE_ROWS });
      }
      const { readXlsx } = await import('./xlsx.js');
      // exceljs fails on a damaged part with errors of every kind: all mean a damaged workbook.
      return await readXlsx(bytes).catch(() => {
        throw new ZipError('corrupt');
      });
    }
    if (entries.has('content.xml')) throw new UsageError('import-odf', { file });
    throw new UsageError('import-unknown-zip', { file });
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    if (error.reason === 'too-large') throw new UsageError('import-zip-bomb', { file });
    if (error.reason === 'encrypted') throw new UsageError('import-encrypted', { file });
    throw new UsageError('import-corrupt', { file });
  }
}

/** A sheet reaching past the rows and columns an appendix could have (its cells or its merged ranges). */
function sheetTooLarge(xml: string): boolean {
  for (const m of xml.matchAll(/<(?:c|mergeCell)\b[^>]*?\b(?:r|ref)="([^"]*)"/gu)) {
    for (const ref of m[1]!.split(':')) {
      const cell = /^([A-Z]+)(\d+)$/u.exec(ref);
      if (!cell) continue;
      const column = [...cell[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      if (Number(cell[2]) > MAX_TABLE_ROWS || column > 4 * MAX_CELLS) return true;
    }
  }
  return false;
}

function readTextDocument(bytes: Uint8Array, file: string): SourceDocument {
  const text = decode(bytes, file);
  if (text.trim() === '') throw new UsageError('import-empty', { file });
  if (/^\s*<(?:!doctype html|html)\b/iu.test(text)) throw new UsageError('import-html', { file });
  return readText(text);
}

function decode(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Notepad's and Word's "Unicode text" is UTF-16 with a byte order mark.
  const even = buffer.subarray(2, 2 + ((buffer.length - 2) & ~1));
  if (starts(bytes, [0xff, 0xfe])) return even.toString('utf16le');
  if (starts(bytes, [0xfe, 0xff])) return Buffer.from(even).swap16().toString('utf16le');
  const body = starts(bytes, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
  if (body.includes(0)) throw new UsageError('import-binary', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UsageError('import-encoding', { file });
  }
}
