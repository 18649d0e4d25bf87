import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder (flushed to
 * disk), which then takes the target's name, so an interrupted run never leaves half a file.
 * With `overwrite: false` an existing target is never touched: the name is taken with a hard
 * link, which fails with EEXIST if the file exists, even if it appeared a moment ago.
 */
export function writeFileAtomic(abs: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): void {
  // A random suffix: a file left by a killed run with a reused pid must not block this one.
  const temp = join(dirname(abs), `.${basename(abs)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // write(2) may write less than asked (a disk filling up): loop until all is written.
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite !== false) renameSync(temp, abs);
    else {
      try {
        linkSync(temp, abs);
      } catch (error) {
        // File systems without hard links (FAT USB sticks, some network drives): an exclusive copy.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
        copyFileSync(temp, abs, constants.COPYFILE_EXCL);
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
