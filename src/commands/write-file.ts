import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder (flushed to
 * disk), which then takes the target's name, so an interrupted run never leaves half a file.
 * With `overwrite: false` an existing target is never touched: the name is taken with a hard
 * link, which fails with EEXIST if the file exists, even if it appeared a moment ago.
 */
export function writeFileAtomic(abs: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const temp = tempPathFor(abs);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    commit(temp, abs, options);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** writeFileAtomic for data that comes in pieces (a province's report set), never held whole. */
export async function writeChunksAtomic(abs: string, chunks: AsyncIterable<string | Uint8Array>, options: WriteOptions = {}): Promise<void> {
  const temp = tempPathFor(abs);
  try {
    const fd = openSync(temp, 'wx');
    try {
      for await (const chunk of chunks) writeAll(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    commit(temp, abs, options);
  } finally {
    rmSync(temp, { force: true });
  }
}

interface WriteOptions {
  overwrite?: boolean;
}

/** A random suffix: a file left by a killed run with a reused pid must not block this one. */
// A name no other run takes: the process id, the time and a random part (Math.random rather than
// node:crypto, which would cost every run ~5 ms to load). `wx` refuses a name taken anyway.
const tempPathFor = (abs: string) =>
  join(dirname(abs), `.${basename(abs)}.${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // write(2) may write less than asked (a disk filling up): loop until all is written.
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function commit(temp: string, abs: string, options: WriteOptions): void {
  if (options.overwrite !== false) {
    renameSync(temp, abs);
    return;
  }
  try {
    linkSync(temp, abs);
  } catch (error) {
    // File systems without hard links (FAT USB sticks, some network drives): an exclusive copy.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(temp, abs, constants.COPYFILE_EXCL);
  }
}
