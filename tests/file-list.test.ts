/**
 * A province's list of files, kept as one buffer (src/load/file-list.ts, issue 18): discoverList
 * finds the same files in the same order as discover, with no sort at the end, so the walk itself
 * must go in the order of the paths as shown; and the list gives each file back as it was found.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, discoverList } from '../src/load/discover.js';
import { FileList, FileListBuilder, pathSet, ShareList, type Files, type FoundFile } from '../src/load/file-list.js';

let scratch: string;
let cwd: string;

// Names whose order as paths differs from their order as names, one folder at a time: `a-b.yaml`
// and `a.b/` sort before `a/x.yaml` (`-` and `.` come before `/`), though `a` comes first as a name.
const FILES = [
  'a/x.yaml', 'a/b/c.yaml', 'a-b.yaml', 'a.b/x.yaml', 'a.yaml', 'a b.yaml', 'A.yaml', 'ä.yaml', 'Đà Nẵng/kế hoạch.yml',
  'z/z/z/z.yaml', 'z.yaml', 'z0/y.yaml', 'z-/y.yaml', 'notes.txt', '.hidden/x.yaml', 'node_modules/x.yaml',
];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cchc-file-list-'));
  cwd = join(scratch, 'repo');
  for (const file of FILES) {
    mkdirSync(dirname(join(cwd, file)), { recursive: true });
    writeFileSync(join(cwd, file), 'schema: cchc/plan@1\n');
  }
  mkdirSync(join(scratch, 'outside'));
  writeFileSync(join(scratch, 'outside', 'o.yaml'), 'schema: cchc/plan@1\n');
  // A link to a folder: it is walked as the folder it leads to.
  symlinkSync(join(cwd, 'a'), join(cwd, 'a-link'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const listed = (list: Files): FoundFile[] => Array.from({ length: list.length }, (_, i) => list.at(i)!);

describe('discoverList', () => {
  it.each([
    [['.']],
    [['a', '.']],
    [['a/b/c.yaml', 'a', 'z', 'a-link']],
    [['../outside', '.', '../outside/o.yaml']],
    [['z.yaml']],
  ])('finds what discover finds, in the same order: %j', (paths) => {
    const objects = discover(paths, cwd);
    const list = discoverList(paths, cwd);
    expect(listed(list.files)).toEqual(objects.files);
    expect(list.diagnostics).toEqual(objects.diagnostics);
  });

  it('from a folder inside the one walked (files shown partly from here, partly with ../): what discover finds', () => {
    const inner = join(cwd, 'z', 'z');
    for (const paths of [['..'], ['../..'], ['../..', '.'], ['.', '../..', 'z.yaml']]) {
      const list = discoverList(paths, inner);
      expect(listed(list.files), paths.join(' ')).toEqual(discover(paths, inner).files);
    }
  });

  it('many paths given (a shell glob of every commune): each file once, in order', () => {
    const paths = ['z0', 'a', 'z-', 'a.b', 'a-link', 'a', 'A.yaml', 'a/x.yaml'];
    expect(listed(discoverList(paths, cwd).files)).toEqual(discover(paths, cwd).files);
  });

  it('walks in the order of the paths as shown', () => {
    const shown = listed(discoverList(['.'], cwd).files).map((f) => f.file);
    expect(shown.slice(0, 6)).toEqual(['A.yaml', 'a b.yaml', 'a-b.yaml', 'a-link/b/c.yaml', 'a-link/x.yaml', 'a.b/x.yaml']);
    expect(shown).toEqual([...shown].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(shown).not.toContain('notes.txt');
    expect(shown.some((f) => f.includes('hidden') || f.includes('node_modules'))).toBe(false);
  });

  it('reports what discover reports: a missing path, a folder with no YAML', () => {
    mkdirSync(join(cwd, 'empty'));
    const paths = ['khong-co', 'empty'];
    const { files, diagnostics } = discoverList(paths, cwd);
    expect(files.length).toBe(0);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['path-missing', 'khong-co'], ['no-yaml-files', 'empty']]);
    expect(diagnostics).toEqual(discover(paths, cwd).diagnostics);
  });
});

describe('FileList', () => {
  const paths = ['/repo/ke-hoach/xã-1.yaml', '/repo/bao-cao/đơn vị.yaml', '/elsewhere/x.yml'];
  const build = () => {
    const builder = new FileListBuilder('/repo');
    for (const p of paths) builder.push(p);
    return builder.finish();
  };

  it('gives each path back, shown relative to the working folder', () => {
    const list = build();
    expect(list.length).toBe(3);
    expect(listed(list)).toEqual([
      { abs: paths[0], file: 'ke-hoach/xã-1.yaml' },
      { abs: paths[1], file: 'bao-cao/đơn vị.yaml' },
      { abs: paths[2], file: '../elsewhere/x.yml' },
    ]);
    expect(list.at(3)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
  });

  it('knows its paths, whole ones only', () => {
    const list = build();
    for (const p of paths) expect(list.has(p)).toBe(true);
    for (const p of paths) expect(list.slice(1, 3).has(p)).toBe(p !== paths[0]);
    expect(list.has('/repo/ke-hoach/xã-1.yam')).toBe(false);
    expect(list.has('/repo/ke-hoach/xã-1.yaml/')).toBe(false);
    expect(list.has('')).toBe(false);
    expect(pathSet([{ abs: '/a.yaml', file: 'a.yaml' }]).has('/a.yaml')).toBe(true);
  });

  it('picks, slices, and crosses to a worker as buffers', () => {
    const list = build();
    expect(listed(list.pick([2, 0]))).toEqual([list.at(2), list.at(0)]);
    expect(listed(list.slice(1, 5))).toEqual([list.at(1), list.at(2)]);
    expect(list.slice(3, 6).length).toBe(0);
    // A slice is the same memory (shared with a worker), a pick a copy; both cross as buffers.
    for (const part of [list, list.slice(1, 3), list.pick([2, 0])]) expect(listed(FileList.from(structuredClone(part.data)))).toEqual(listed(part));
    expect(list.slice(1, 3).transfer).toEqual([]);
    // A part of a list of its own is copied, not moved: moving would empty the whole list.
    expect(list.pick([0, 1, 2]).slice(1, 2).transfer).toEqual([]);
    expect(list.pick([2, 0]).transfer).toHaveLength(2);
  });

  it('grows past its first buffers', () => {
    const builder = new FileListBuilder('/r');
    const many = Array.from({ length: 5000 }, (_, i) => `/r/${'x'.repeat(i % 40)}/${i}.yaml`);
    for (const p of many) builder.push(p);
    const list = builder.finish();
    expect(list.length).toBe(5000);
    expect(list.abs(0)).toBe(many[0]);
    expect(list.abs(4999)).toBe(many[4999]);
    expect(list.at(1234)!.file).toBe(many[1234]!.slice(3));
  });

  it('a worker\'s share: the files of its run it has, and the others it is sent, in the order of the share', () => {
    const all = new FileListBuilder('/r');
    for (let i = 0; i < 10; i++) all.push(`/r/f${i}.yaml`);
    const list = all.finish();
    // The worker read files 4 to 7; its share is 1, 4, 5, 8 and 9.
    const share = [1, 4, 5, 8, 9];
    const shared = new ShareList(list.slice(4, 8), 4, list.pick([1, 8, 9]), share);
    expect(listed(shared)).toEqual(share.map((i) => list.at(i)));
    expect(shared.at(5)).toBeUndefined();
    expect(() => new ShareList(list.slice(4, 8), 4, list.pick([1]), share)).toThrow(/not those of the share/u);
  });
});
