import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../types.js';
import { commandLinePath } from '../util/command-line-path.js';
import { suggest } from '../util/suggest.js';
import { MAX_FILE_BYTES } from './file-text.js';
import { displayPath, FileList, FileListBuilder, shownPath, underOf, type FoundFile } from './file-list.js';
import { isProgressForm } from './progress-form.js';

export { displayPath, type FoundFile } from './file-list.js';

const YAML = /\.ya?ml$/iu;
const COMMANDS = ['check', 'validate', 'init', 'history', 'plan', 'schema'];
const SKIP = new Set(['node_modules', 'dist', 'coverage']);

/**
 * Expands the paths a user gave into YAML files: a file is taken as given, a folder is searched
 * recursively for .yaml/.yml and Excel progress forms (skipping dot folders and node_modules).
 * Sorted for stable output.
 */
export function discover(paths: readonly string[], cwd: string): { files: FoundFile[]; diagnostics: Diagnostic[] } {
  const files = new Map<string, FoundFile>();
  const diagnostics = findEach(paths, cwd, () => (abs, show) => {
    if (!files.has(abs)) files.set(abs, { abs, file: show() });
  });
  const sorted = [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: sorted, diagnostics };
}

/**
 * discover() for a province: the same files in the same order, as a FileList, without a string
 * or an object kept for each file on the way (issue 18). The walk finds a folder's files in the
 * order of their paths as shown; one list is made for every path given, and put in that order
 * again only where it is not already (several paths given, or the working folder inside the one
 * walked, whose files are shown partly from it and partly with `../`).
 */
export function discoverList(paths: readonly string[], cwd: string): { files: FileList; diagnostics: Diagnostic[] } {
  const builder = new FileListBuilder(cwd);
  let given = 0;
  const diagnostics = findEach(paths, cwd, () => {
    given++;
    return (abs) => builder.push(abs);
  });
  const files = builder.finish();
  const inOrder = given <= 1 && !paths.some((p) => isInside(cwd, commandLinePath(p, cwd)));
  return { files: inOrder ? files : inDisplayOrder(files), diagnostics };
}

/** Whether `path` is a folder strictly inside `folder`. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The files in the order of their paths as shown, each once: as they are when they are so already (one pass). */
function inDisplayOrder(files: FileList): FileList {
  let previous: string | undefined;
  let ordered = true;
  for (let i = 0; i < files.length && ordered; i++) {
    const { file } = files.at(i)!;
    ordered = previous === undefined || previous < file;
    previous = file;
  }
  if (ordered) return files;
  const found = Array.from({ length: files.length }, (_, i) => files.at(i)!).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out = new FileListBuilder(files.cwd);
  found.forEach((f, i) => {
    if (i === 0 || f.abs !== found[i - 1]!.abs) out.push(f.abs);
  });
  return out.finish();
}

/** Where the files of one path given are put, in the order of their paths as shown; `show` makes that. */
type Out = (abs: string, show: () => string) => void;

/** Finds the files of each path given, each path's in the order of their paths as shown, into what `start` gives for it. */
function findEach(paths: readonly string[], cwd: string, start: () => Out): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const under = underOf(cwd);
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
      start()(abs, () => displayPath(abs, cwd));
      continue;
    }
    if (namedLikeFile(given)) {
      diagnostics.push({ severity: 'error', code: 'path-is-directory', args: {}, file: displayPath(abs, cwd) });
      continue;
    }
    const w: Walk = { out: start(), count: 0, diagnostics, walked: [], cwd, under };
    const before = diagnostics.length;
    walk(w, abs, displayPath(abs, cwd), 0);
    // A folder whose .yaml entries could not be read was already reported entry by entry.
    if (w.count === 0 && diagnostics.length === before) diagnostics.push({ severity: 'error', code: 'no-yaml-files', args: {}, file: displayPath(abs, cwd) });
  }
  return diagnostics;
}

/**
 * A folder named `ttphcc.yaml` is a file the user meant to make (an unzip or a copy gone wrong):
 * it is reported rather than searched, where it would silently add nothing. `bao-cao.yaml/`,
 * written with its slash, is taken as the folder it says it is.
 */
function namedLikeFile(path: string): boolean {
  return YAML.test(path);
}

/**
 * One folder given on the command line, being walked.
 *
 * A folder met again through a link (a loop) is skipped. A folder is known by its device and
 * inode, which takes a stat, but only a link can lead back to a folder: so folders are only listed
 * until a link to a folder is met (or the walk is deeper than PLAIN_DEPTH, in case of a folder
 * mounted inside itself), and all of them are identified then. A province's 5,000 folders without
 * links took 50 ms of stats.
 */
interface Walk {
  out: Out;
  /** How many files were found. */
  count: number;
  diagnostics: Diagnostic[];
  /** Device:inode of every folder walked, once identifying has begun. */
  ids?: Set<string>;
  /** The folders walked before that. */
  walked: string[];
  /** The working folder, and as underOf gives it: found files are shown from there. */
  cwd: string;
  under?: string;
}

const PLAIN_DEPTH = 8;

const identity = (dir: string) => {
  const stat = statSync(dir);
  return `${stat.ino}:${stat.dev}`;
};

function beginIdentifying(w: Walk): Set<string> {
  w.ids = new Set();
  for (const dir of w.walked.splice(0)) {
    try {
      w.ids.add(identity(dir));
    } catch {
      // Gone since it was walked: it cannot be met again.
    }
  }
  return w.ids;
}

/**
 * `dir` is shown to the user as `shown`. Its entries are walked in the order of the paths they
 * lead to (a folder's name as if followed by `/`: `a.yaml` before `a/`, as `a.yaml` sorts before
 * `a/x.yaml`), so that files are found in the order of their paths.
 */
function walk(w: Walk, dir: string, shown: string, depth: number): void {
  const ids = w.ids ?? (depth > PLAIN_DEPTH ? beginIdentifying(w) : undefined);
  let real: string | undefined;
  let entries: Dirent[];
  try {
    if (ids) real = identity(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    w.diagnostics.push({ severity: 'error', code: 'file-unreadable', args: { reason }, file: shown });
    return;
  }
  if (real === undefined) w.walked.push(dir);
  else if (ids!.has(real)) return; // a symlink loop
  else ids!.add(real);
  const show = (path: string) => shownPath(path, w.cwd, w.under);
  // The folder listing tells files from folders; only links (and the odd file system that does
  // not say) need a stat of their own, which a province's 20,000 files would feel.
  const stated = new Map<Dirent, 'file' | 'dir' | 'other'>();
  const kindOf = (entry: Dirent) => (entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : stated.get(entry) ?? 'other');
  const kept = entries.filter((entry) => {
    const name = entry.name;
    if (name.startsWith('.') || SKIP.has(name)) return false;
    if (entry.isFile() || entry.isDirectory()) return true;
    const path = inside(dir, name);
    try {
      const stat = statSync(path);
      const kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
      stated.set(entry, kind);
      // A link to a folder (or a file system whose listing does not say): it may lead back.
      if (kind === 'dir' && !w.ids) beginIdentifying(w);
      return true;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (YAML.test(name) || reason === 'ELOOP') w.diagnostics.push({ severity: 'error', code: 'file-unreadable', args: { reason }, file: show(path) });
      return false;
    }
  });
  kept.sort((a, b) => byPath(a.name, kindOf(a) === 'dir', b.name, kindOf(b) === 'dir'));
  for (const entry of kept) {
    const { name } = entry;
    const kind = kindOf(entry);
    const path = inside(dir, name);
    if (kind === 'dir' && namedLikeFile(name)) w.diagnostics.push({ severity: 'error', code: 'path-is-directory', args: {}, file: show(path) });
    else if (kind === 'dir') walk(w, path, show(path), depth + 1);
    else if (YAML.test(name) || (XLSX.test(name) && isFormFile(path))) {
      w.count++;
      w.out(path, () => show(path));
    }
  }
}

/**
 * Two names in one folder in the order of the paths they lead to: a folder's name as if followed
 * by `/`. Compared in place: a key made for each entry was kept, with the entry, for as long as
 * the walk stayed in that folder (a province's folder of 3,300 communes).
 */
function byPath(a: string, aIsDir: boolean, b: string, bIsDir: boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  // One name begins the other: after it comes `/` for a folder, nothing for a file.
  const after = (name: string, isDir: boolean) => (name.length > n ? name.charCodeAt(n) : isDir ? 0x2f : -1);
  return after(a, aIsDir) - after(b, bIsDir);
}

const XLSX = /\.xlsx$/iu;

/**
 * An Excel file in a progress folder is read only if it is cchc's progress form (a report
 * exported next to the progress files is not an input); one named on the command line is always
 * read, and says so if it is not a form.
 */
function isFormFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.size <= MAX_FILE_BYTES && isProgressForm(readFileSync(path));
  } catch {
    return false;
  }
}

/**
 * The path of `name` in the folder `dir` (a resolved path: no `.` nor `..`, no separator at its
 * end but for a root). What path.join gives, without normalising the whole path again for each
 * entry: that made 120 MB of short-lived strings in walking a province, and its young generation
 * grew to hold them.
 */
function inside(dir: string, name: string): string {
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

