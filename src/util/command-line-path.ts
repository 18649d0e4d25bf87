import { existsSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/**
 * A path typed on the command line, made absolute. Instructions written for Windows
 * (`fixtures\quang-son-2025`) also work on Linux and macOS, where `\` is a legal character of a
 * file name: it is read as a separator when the path as typed does not exist but the `/` form
 * (or, for a file to write, its folder) does.
 */
export function commandLinePath(given: string, cwd: string): string {
  const abs = resolve(cwd, given);
  if (sep !== '/' || !given.includes('\\') || existsSync(abs)) return abs;
  const slashed = resolve(cwd, given.replace(/\\/gu, '/'));
  return existsSync(slashed) || existsSync(dirname(slashed)) ? slashed : abs;
}
