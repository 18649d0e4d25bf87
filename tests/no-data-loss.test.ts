/**
 * No data loss: every file cchc writes (`init`, `-o` exports) goes through one atomic-write helper
 * (src/commands/write-file.ts: a temporary file beside the target, fsync, rename); `init` never
 * overwrites; a write that fails midway leaves the old file as it was; `check` and `validate`
 * write nothing at all.
 *
 * The failures are simulated by replacing functions of `node:fs` (vi.mock below): each test sets
 * `faults.<name>` to run instead of the real function, which the others pass through to.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeChunksAtomic, writeFileAtomic } from '../src/commands/write-file.js';

type Fs = typeof import('node:fs');
type Fault = (actual: Fs, ...args: never[]) => unknown;
const faults = vi.hoisted(() => ({}) as Partial<Record<'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'linkSync' | 'copyFileSync', Fault>>);

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const wrap = (name: keyof typeof faults) => (...args: never[]) => {
    const fault = faults[name];
    return fault ? fault(actual, ...args) : (actual[name] as (...a: never[]) => unknown)(...args);
  };
  const names = ['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'linkSync', 'copyFileSync'] as const;
  const wrapped = Object.fromEntries(names.map((n) => [n, wrap(n)]));
  return { ...actual, ...wrapped, default: { ...actual, ...wrapped } };
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');
const AS_OF = ['--as-of', '2025-09-14'];

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-no-loss-'));
});
afterEach(() => {
  for (const k of Object.keys(faults)) delete faults[k as keyof typeof faults];
  rmSync(dir, { recursive: true, force: true });
});

function cliRun(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', TZ: 'UTC', ...env };
  delete fullEnv.FORCE_COLOR;
  if (!('GITHUB_STEP_SUMMARY' in env)) delete fullEnv.GITHUB_STEP_SUMMARY;
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: fullEnv, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

// ---- (a) One helper writes every file

/** Functions of node:fs that create, change or remove files or folders. */
const WRITING = new Set([
  'writeFileSync', 'writeFile', 'writeSync', 'write', 'writev', 'writevSync', 'appendFileSync', 'appendFile', 'createWriteStream',
  'openSync', 'open', 'renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'linkSync', 'link', 'symlinkSync', 'symlink',
  'rmSync', 'rm', 'rmdirSync', 'rmdir', 'unlinkSync', 'unlink', 'mkdirSync', 'mkdir', 'mkdtempSync', 'mkdtemp', 'truncateSync', 'truncate',
  'ftruncateSync', 'ftruncate', 'utimesSync', 'utimes', 'futimesSync', 'chmodSync', 'chmod', 'fchmodSync', 'chownSync', 'chown', 'opendir',
]);

/**
 * What may write, and why. Anything else in src/ that imports a writing function of node:fs
 * fails the test below: route it through writeFileAtomic, or add it here with its reason.
 */
const ALLOWED: Record<string, string[]> = {
  // The one helper: temporary file beside the target (open 'wx'), write, fsync, then rename —
  // or, for init, a hard link (or an exclusive copy) that fails if the target exists.
  'src/commands/write-file.ts': ['copyFileSync', 'linkSync', 'openSync', 'renameSync', 'rmSync', 'writeSync'],
  // $GITHUB_STEP_SUMMARY is a file GitHub Actions owns, made to be appended to (not a report).
  'src/commands/outputs.ts': ['appendFileSync'],
  // init creates the folder of the new progress file (no file content: the file goes through writeFileAtomic).
  'src/commands/init.ts': ['mkdirSync'],
  // plan import likewise creates the folder of the plan it writes (the file goes through writeFileAtomic).
  'src/commands/plan-import.ts': ['mkdirSync'],
  // `plan diff FILE@REV`: the old revision from `git show` goes into a private mkdtemp folder,
  // removed at once, because the loaders read files. Not a user file.
  'src/commands/plan.ts': ['mkdtempSync', 'rmSync', 'writeFileSync'],
  // Input files are opened to be read (O_RDONLY, non-blocking), then fstat'ed and read: checked below.
  'src/load/file-text.ts': ['openSync'],
  // The first lines of input files are read (same flags) to group them by plan: checked below.
  'src/load/sniff.ts': ['openSync'],
  // A province's reports wait in one private temporary file (mkdtemp), unlinked as soon as it is
  // open, written and read by position: never a user file.
  'src/format/compact-report.ts': ['mkdtempSync', 'openSync', 'rmSync', 'unlinkSync', 'writeSync'],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((d) => {
    const path = join(folder, d.name);
    return d.isDirectory() ? sourceFiles(path) : d.name.endsWith('.ts') ? [path] : [];
  });
}

describe('(a) every write goes through writeFileAtomic', () => {
  const files = sourceFiles(join(root, 'src'));

  it('src/ imports writing functions of node:fs only where ALLOWED says, and never the whole module', () => {
    const found: Record<string, string[]> = {};
    for (const abs of files) {
      const text = readFileSync(abs, 'utf8');
      const file = relative(root, abs).split('\\').join('/');
      // `import * as fs`, `import fs from`, `require('fs')`, dynamic import: cannot be checked name by name.
      expect(text, `${file} imports node:fs as a whole`).not.toMatch(/import\s+(\*\s+as\s+\w+|\w+)\s+from\s+['"](node:)?fs(\/promises)?['"]|require\(\s*['"](node:)?fs|import\(\s*['"](node:)?fs/u);
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:node:)?fs(?:\/promises)?['"]/gu)) {
        const names = m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/u)[0]!.replace(/^type\s+/u, '')).filter((n) => WRITING.has(n));
        if (names.length > 0) found[file] = [...(found[file] ?? []), ...names].sort();
      }
    }
    expect(found).toEqual(ALLOWED);
  });

  it('-o exports and init call writeFileAtomic (or its chunked form); no other module does', () => {
    const callers = files
      .filter((abs) => /\b(?:writeFileAtomic|writeChunksAtomic)\(/u.test(readFileSync(abs, 'utf8')))
      .map((abs) => relative(root, abs).split('\\').join('/'))
      .sort();
    expect(callers).toEqual(['src/commands/init.ts', 'src/commands/outputs.ts', 'src/commands/plan-import.ts', 'src/commands/write-file.ts']);
    expect(readFileSync(join(root, 'src/commands/init.ts'), 'utf8')).toMatch(/writeFileAtomic\(abs, text, \{ overwrite: false \}\)/u);
    // plan import overwrites only with --force.
    expect(readFileSync(join(root, 'src/commands/plan-import.ts'), 'utf8')).toMatch(/writeFileAtomic\(out, written\.text, \{ overwrite: options\.force === true \}\)/u);
  });

  it('the loader opens input files read-only', () => {
    for (const file of ['src/load/file-text.ts', 'src/load/sniff.ts']) {
      const text = readFileSync(join(root, file), 'utf8');
      const opens = [...text.matchAll(/openSync\(([^;]*)\);/gu)].map((m) => m[1]!);
      expect(opens, file).toEqual(['absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)']);
    }
  });

  it('the step summary is the only append, and only when GITHUB_STEP_SUMMARY is set', () => {
    const text = readFileSync(join(root, 'src/commands/outputs.ts'), 'utf8');
    expect(text.match(/appendFileSync\(/gu)).toHaveLength(1);
    expect(text).toMatch(/const summary = ctx\.env\.GITHUB_STEP_SUMMARY;\s*if \(summary && [^\n]*\) \{\s*appendFileSync\(summary,/u);
  });
});

// ---- (b) A write that fails midway leaves the old file intact

const OLD = 'nội dung cũ — the old report\n';
const NEW = `${'dữ liệu mới '.repeat(20_000)}\n`; // ~260 kB

function folderState(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((n) => [n, createHash('sha256').update(readFileSync(join(folder, n))).digest('hex')]));
}
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('(b) a failed write leaves the old file as it was and no temporary file', () => {
  const target = () => join(dir, 'bao-cao.html');

  it.each([
    ['the disk fills after half the data (writeSync throws ENOSPC)', 'writeSync', ((actual: Fs, fd: number, data: Uint8Array) => {
      actual.writeSync(fd, data.subarray(0, data.length >> 1));
      throw errno('ENOSPC');
    }) as Fault],
    ['fsync fails (EIO)', 'fsyncSync', (() => { throw errno('EIO'); }) as Fault],
    ['close fails (EIO, a network drive)', 'closeSync', ((actual: Fs, fd: number) => {
      actual.closeSync(fd);
      throw errno('EIO');
    }) as Fault],
    ['rename fails (EPERM: the file is open in Excel on Windows)', 'renameSync', (() => { throw errno('EPERM'); }) as Fault],
    ['the temporary file cannot be created (EACCES)', 'openSync', (() => { throw errno('EACCES'); }) as Fault],
  ] as const)('%s', (_, name, fault) => {
    writeFileSync(target(), OLD);
    faults[name] = fault;
    expect(() => writeFileAtomic(target(), NEW)).toThrow();
    delete faults[name];
    expect(readFileSync(target(), 'utf8')).toBe(OLD);
    expect(folderState(dir)).toEqual({ 'bao-cao.html': sha(OLD) });
  });

  // -o writes a report in pieces (writeChunksAtomic): the same guarantees, whichever piece fails.
  it.each([
    ['the disk fills in the second piece', 'writeSync', 2],
    ['fsync fails after every piece is written', 'fsyncSync', 1],
    ['rename fails', 'renameSync', 1],
  ] as const)('in pieces: %s', async (_, name, failingCall) => {
    writeFileSync(target(), OLD);
    let calls = 0;
    faults[name] = ((actual: Fs, ...args: unknown[]) => {
      if (++calls >= failingCall) throw errno(name === 'writeSync' ? 'ENOSPC' : 'EIO');
      return (actual[name] as (...a: unknown[]) => unknown)(...args);
    }) as Fault;
    async function* pieces() {
      yield NEW.slice(0, 1000);
      yield NEW.slice(1000);
    }
    await expect(writeChunksAtomic(target(), pieces())).rejects.toThrow();
    delete faults[name];
    expect(readFileSync(target(), 'utf8')).toBe(OLD);
    expect(folderState(dir)).toEqual({ 'bao-cao.html': sha(OLD) });
  });

  it('in pieces: a success replaces the old file with every piece, in order', async () => {
    writeFileSync(target(), OLD);
    async function* pieces() {
      yield 'một ';
      yield new TextEncoder().encode('hai ');
      yield 'ba\n';
    }
    await writeChunksAtomic(target(), pieces());
    expect(folderState(dir)).toEqual({ 'bao-cao.html': sha('một hai ba\n') });
  });

  it('a failure before the rename, with no old file, leaves no file at all', () => {
    faults.fsyncSync = () => { throw errno('EIO'); };
    expect(() => writeFileAtomic(target(), NEW)).toThrow('EIO');
    expect(readdirSync(dir)).toEqual([]);
  });

  // Found by this test: writeFileAtomic ignored the count writeSync returns, so a short write —
  // what write(2) does when the disk fills midway, before the next call fails with ENOSPC — was
  // fsynced and renamed over the old file, which then held part of the data. Fixed: it loops.
  it('a short write (writeSync writes half and returns the count) never replaces the old file with part of the new one', () => {
    writeFileSync(target(), OLD);
    let calls = 0;
    faults.writeSync = ((actual: Fs, fd: number, data: Uint8Array, offset = 0, length = data.length - offset) => {
      calls++;
      // The first call is cut short; a second call (the rest) finds the disk full.
      if (calls > 1) throw errno('ENOSPC');
      return actual.writeSync(fd, data, offset, Math.max(1, length >> 1));
    }) as Fault;
    try {
      writeFileAtomic(target(), NEW);
    } catch {
      // failing is fine; a partial target is not
    }
    delete faults.writeSync;
    const now = readFileSync(target(), 'utf8');
    expect(now === OLD || now === NEW, `target holds ${now.length} of ${NEW.length} characters`).toBe(true);
  });

  it('a success replaces the old file whole and leaves no temporary file', () => {
    writeFileSync(target(), OLD);
    writeFileAtomic(target(), NEW);
    expect(folderState(dir)).toEqual({ 'bao-cao.html': sha(NEW) });
  });

  it('the data reaches the disk before the rename: fsync on the temporary file, then rename', () => {
    const calls: string[] = [];
    faults.openSync = ((actual: Fs, path: string, flags: string) => {
      calls.push(`open ${relative(dir, path)} ${flags}`);
      return actual.openSync(path, flags);
    }) as Fault;
    faults.fsyncSync = ((actual: Fs, fd: number) => {
      calls.push('fsync');
      return actual.fsyncSync(fd);
    }) as Fault;
    faults.renameSync = ((actual: Fs, from: string, to: string) => {
      calls.push(`rename ${relative(dir, from)} ${relative(dir, to)}`);
      return actual.renameSync(from, to);
    }) as Fault;
    writeFileAtomic(target(), NEW);
    // The temporary name carries the pid and a random part (a killed run's leftover never blocks).
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatch(new RegExp(`^open \\.bao-cao\\.html\\.${process.pid}-[0-9a-z]+\\.tmp wx$`, 'u'));
    const temp = calls[0]!.split(' ')[1];
    expect(calls.slice(1)).toEqual(['fsync', `rename ${temp} bao-cao.html`]);
  });
});

describe('(b) init never overwrites', () => {
  const target = () => join(dir, 'kt.yaml');

  it('writeFileAtomic(…, { overwrite: false }) refuses an existing file (EEXIST) and leaves it and nothing else', () => {
    writeFileSync(target(), OLD);
    expect(() => writeFileAtomic(target(), NEW, { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(folderState(dir)).toEqual({ 'kt.yaml': sha(OLD) });
  });

  it('without hard links (FAT, some network drives) the exclusive copy refuses an existing file too', () => {
    writeFileSync(target(), OLD);
    faults.linkSync = () => { throw errno('EPERM'); };
    expect(() => writeFileAtomic(target(), NEW, { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(folderState(dir)).toEqual({ 'kt.yaml': sha(OLD) });
    faults.linkSync = () => { throw errno('EPERM'); };
    rmSync(target());
    writeFileAtomic(target(), NEW, { overwrite: false });
    expect(folderState(dir)).toEqual({ 'kt.yaml': sha(NEW) });
  });

  it('a file that appears between the check and the write is not overwritten (the link fails EEXIST)', () => {
    faults.linkSync = ((actual: Fs, from: string, to: string) => {
      writeFileSync(to, OLD); // another program creates the file at the last moment
      return actual.linkSync(from, to);
    }) as Fault;
    expect(() => writeFileAtomic(target(), NEW, { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(folderState(dir)).toEqual({ 'kt.yaml': sha(OLD) });
  });

  it('cchc init on an existing file: exit 2, “never overwrites”, the file unchanged', async () => {
    const out = join(dir, 'kt.yaml');
    writeFileSync(out, OLD);
    const r = await cliRun(['init', '--plan', join(root, 'plans/quang-son-2025.yaml'), '--unit', 'kt', '--period', '2025-Q4', '--as-of', '2025-12-14', '-o', out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kt\.yaml/u);
    expect(folderState(dir)).toEqual({ 'kt.yaml': sha(OLD) });
  });

  // Found by this test: the temporary name was `.<name>.<pid>.tmp`, opened with 'wx', so a file
  // left by a killed run whose pid is reused (routine in containers, where cchc is often the
  // same small pid every run) made the next write fail with EEXIST — which init worded as “the
  // file already exists”. Fixed: the name has a random suffix.
  it('a temporary file left by an earlier run with the same pid does not make the write fail', () => {
    writeFileSync(join(dir, `.kt.yaml.${process.pid}.tmp`), 'left by a killed run');
    writeFileAtomic(target(), NEW, { overwrite: false });
    expect(readFileSync(target(), 'utf8')).toBe(NEW);
  });
});

// ---- (c) check and validate write nothing

/** Every file and folder under `folder` with its size, times and content hash. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      const st = statSync(abs, { bigint: true });
      const key = relative(folder, abs).split('\\').join('/');
      if (e.isDirectory()) {
        out[`${key}/`] = `mtime=${st.mtimeNs} ctime=${st.ctimeNs}`;
        walk(abs);
      } else {
        out[key] = `size=${st.size} mtime=${st.mtimeNs} ctime=${st.ctimeNs} sha256=${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
      }
    }
  };
  walk(folder);
  return out;
}

describe('(c) check and validate never write', () => {
  beforeEach(() => {
    for (const p of ['plans', 'fixtures', 'cchc.config.yaml', 'schemas']) cpSync(join(root, p), join(dir, p), { recursive: true });
    // A broken progress file, for the runs that must fail.
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken/kt.yaml'), 'schema: cchc/progress@1\nplan: quang-son-2025\nplanRevision: 1\nunit: kt\nperiod: x\nasOf: 2025-02-30\ncriteria: {}\n');
  });

  it.each([
    [['check', ...AS_OF], 1],
    [['check', ...AS_OF, '--format', 'json'], 1],
    [['check', ...AS_OF, '--format', 'xlsx'], 1], // to a pipe, not a terminal: stdout, no file
    [['check', ...AS_OF, '--format', 'github'], 1], // GITHUB_STEP_SUMMARY unset: nothing appended
    [['check', ...AS_OF, '--format', 'html', '--lang', 'en', 'plans', 'fixtures'], 1],
    [['check', ...AS_OF, 'plans', 'fixtures', 'broken'], 2],
    [['validate'], 0],
    [['validate', 'plans', 'fixtures', 'broken'], 2],
    [['plan', 'show'], 0],
  ] as [string[], number][])('cchc %j changes no file or folder (content, size, mtime, ctime)', async (args, exit) => {
    const before = snapshot(dir);
    const r = await cliRun(args, dir);
    expect(r.code, r.stderr).toBe(exit);
    expect(snapshot(dir)).toEqual(before);
  }, 30_000);
});

// ---- (d) A run killed midway never leaves a partial report

describe('(d) cchc check -o killed at random moments', () => {
  it('each target is either the old file or the complete new one; only the killed run\'s temporary files remain', async () => {
    const targets = ['big.html', 'big.xlsx', 'big.json'];
    const args = (out: string) => [cli, 'check', ...AS_OF, ...targets.flatMap((t) => ['-o', join(out, t)])];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TZ: 'UTC' };
    delete env.GITHUB_STEP_SUMMARY;
    // One complete run: the expected bytes and how long a run takes.
    const full = join(dir, 'full');
    mkdirSync(full);
    const started = performance.now();
    const done = await new Promise<number | null>((ok) => spawn(process.execPath, args(full), { env, stdio: 'ignore' }).on('exit', ok));
    const duration = performance.now() - started;
    expect(done).toBe(1);
    const complete = new Map(targets.map((t) => [t, readFileSync(join(full, t))]));

    let replaced = 0;
    let untouched = 0;
    const TRIES = 12;
    for (let i = 0; i < TRIES; i++) {
      const out = join(dir, `try-${i}`);
      mkdirSync(out);
      for (const t of targets) writeFileSync(join(out, t), OLD);
      const child = spawn(process.execPath, args(out), { env, stdio: 'ignore' });
      // Spread the kills over the whole run, most of them in its second half where files are written.
      const delay = Math.round(duration * (0.3 + (0.9 * i) / TRIES));
      await new Promise((ok) => setTimeout(ok, delay));
      child.kill('SIGKILL');
      await new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok(null) : child.on('exit', ok)));
      for (const t of targets) {
        const now = readFileSync(join(out, t));
        const isOld = now.toString('utf8') === OLD;
        const isNew = now.equals(complete.get(t)!);
        expect(isOld || isNew, `try ${i} (killed after ${delay} ms): ${t} is partial (${now.length} bytes)`).toBe(true);
        if (isNew) replaced++;
        else untouched++;
      }
      const stray = readdirSync(out).filter((n) => !targets.includes(n));
      for (const n of stray) expect(n).toMatch(new RegExp(`^\\.big\\.(html|xlsx|json)\\.${child.pid}-[0-9a-z]+\\.tmp$`, 'u'));
    }
    // Not an assertion on timing: the log shows the kills landed on both sides of the writes.
    console.log(`killed ${TRIES} runs (a full run takes ${Math.round(duration)} ms): ${replaced} targets complete, ${untouched} old, none partial`);
  }, 120_000);
});
