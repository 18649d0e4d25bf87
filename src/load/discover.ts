import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../types.js';
import { commandLinePath } from '../util/command-line-path.js';
import { suggest } from '../util/suggest.js';

export interface FoundFile {
  abs: string;
  /** As shown to the user: relative to the working folder, with `/`. */
  file: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

const YAML = /\.ya?ml$/iu;
const COMMANDS = ['check', 'validate', 'init', 'plan', 'schema'];
const SKIP = new Set(['node_modules', 'dist', 'coverage']);

/**
 * Expands the paths a user gave into YAML files: a file is taken as given, a folder is searched
 * recursively for .yaml/.yml (skipping dot folders and node_modules). Sorted for stable output.
 */
export function discover(paths: readonly string[], cwd: string): { files: FoundFile[]; diagnostics: Diagnostic[] } {
  const files = new Map<string, FoundFile>();
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const abs = commandLinePath(given, cwd);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `cchc chek` reaches here as the path "chek" of the default command.
      const command = /^[a-z]+$/u.test(given) ? suggest(given, COMMANDS) : undefined;
      diagnostics.push(code === 'ENOENT'
        ? { severity: 'error', code: 'path-missing', args: command ? { suggestion: command } : {}, file: displayPath(abs, cwd) }
        : { severity: 'error', code: 'file-unreadable', args: { reason: code ?? 'EIO' }, file: displayPath(abs, cwd) });
      continue;
    }
    if (!isDir) {
      files.set(abs, { abs, file: displayPath(abs, cwd) });
      continue;
    }
    if (namedLikeFile(given)) {
      diagnostics.push({ severity: 'error', code: 'path-is-directory', args: {}, file: displayPath(abs, cwd) });
      continue;
    }
    const found: string[] = [];
    const before = diagnostics.length;
    walk(abs, found, diagnostics, cwd, new Set());
    // A folder whose .yaml entries could not be read was already reported entry by entry.
    if (found.length === 0 && diagnostics.length === before) diagnostics.push({ severity: 'error', code: 'no-yaml-files', args: {}, file: displayPath(abs, cwd) });
    for (const f of found) files.set(f, { abs: f, file: displayPath(f, cwd) });
  }
  const sorted = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: sorted, diagnostics };
}

/**
 * A folder named `ttphcc.yaml` is a file the user meant to make (an unzip or a copy gone wrong):
 * it is reported rather than searched, where it would silently add nothing. `bao-cao.yaml/`,
 * written with its slash, is taken as the folder it says it is.
 */
function namedLikeFile(path: string): boolean {
  return YAML.test(path);
}

function walk(dir: string, out: string[], diagnostics: Diagnostic[], cwd: string, seen: Set<string>): void {
  let real: string;
  let entries: Dirent[];
  try {
    const stat = statSync(dir);
    real = `${stat.ino}:${stat.dev}`;
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    diagnostics.push({ severity: 'error', code: 'file-unreadable', args: { reason }, file: displayPath(dir, cwd) });
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || SKIP.has(name)) continue;
    const path = join(dir, name);
    // The folder listing tells files from folders; only links (and the odd file system that
    // does not say) need a stat of their own, which a province's 20,000 files would feel.
    let kind: 'file' | 'dir' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
    if (kind === 'other') {
      try {
        const stat = statSync(path);
        kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
        if (YAML.test(name) || reason === 'ELOOP') diagnostics.push({ severity: 'error', code: 'file-unreadable', args: { reason }, file: displayPath(path, cwd) });
        continue;
      }
    }
    if (kind === 'dir' && namedLikeFile(name)) diagnostics.push({ severity: 'error', code: 'path-is-directory', args: {}, file: displayPath(path, cwd) });
    else if (kind === 'dir') walk(path, out, diagnostics, cwd, seen);
    else if (YAML.test(name)) out.push(path);
  }
}
