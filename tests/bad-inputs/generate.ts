/**
 * Inputs of the bad-input corpus that cannot be kept in git: too large (30 MB), not text (binary,
 * UTF-16, Latin-1 and Windows-1258 bytes an editor or git could "fix"), hostile (an alias bomb,
 * 20,000 levels of nesting — kept out so that no scanner or editor chokes on the repository), or
 * not files at all (symbolic links, a file without read permission).
 *
 * Each generator writes into `<case>/gen/` (ignored by git, see .gitignore) and returns a reason
 * when the case cannot be made on this machine, in which case the runner skips it.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Generator = (gen: string) => string | undefined;

/** A correct progress header of Trung tâm Phục vụ HCC; line numbers as in the generated files. */
const HEAD = [
  'schema: cchc/progress@1', // 1
  'plan: quang-son-2025', //     2
  'planRevision: 1', //          3
  'unit: ttphcc', //             4
  'period: Quý III/2025', //     5
  'asOf: 2025-09-14', //         6
  'criteria:', //                7
];
const lines = (...l: string[]) => `${l.join('\n')}\n`;

export const GENERATED: Record<string, Generator> = {
  'binary-file': (gen) => {
    // The first bytes of a PNG image: line 1 is "\x89PNG\r", line 2 "\x1a", the NUL starts line 3.
    writeFileSync(join(gen, 'ttphcc.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    return undefined;
  },
  'utf16-file': (gen) => {
    // Notepad's "Unicode": UTF-16 little-endian with a byte order mark.
    writeFileSync(join(gen, 'ttphcc.yaml'), Buffer.from(`\uFEFF${lines(...HEAD, '  "3.2.1":', '    on_time: { value: 1243, total: 1250 }')}`, 'utf16le'));
    return undefined;
  },
  'latin1-file': (gen) => {
    // Saved as ISO-8859-1: "Quý" on line 5 becomes the single byte 0xFD.
    writeFileSync(join(gen, 'ttphcc.yaml'), Buffer.from(lines(...HEAD, '  "3.2.1":', '    on_time: { value: 1243, total: 1250 }'), 'latin1'));
    return undefined;
  },
  'windows-1258-file': (gen) => {
    // Saved as Windows-1258 (Vietnamese ANSI): "Văn phòng HĐND-UBND xã" on line 7 is written with
    // ă = 0xE3, ò = 0xF2, Đ = 0xD0 and "ã" as "a" + the combining tilde 0xDE. Lines 1–6 are ASCII.
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    writeFileSync(join(gen, 'vp.yaml'), Buffer.concat([
      ascii(lines('schema: cchc/progress@1', 'plan: quang-son-2025', 'planRevision: 1', 'unit: vp', 'period: 2025-Q3', 'asOf: 2025-09-14')),
      ascii('reportedBy: V'), Buffer.from([0xe3]), ascii('n ph'), Buffer.from([0xf2]), ascii('ng H'), Buffer.from([0xd0]), ascii('ND-UBND xa'), Buffer.from([0xde]), ascii('\n'),
      ascii(lines('criteria:', '  "2.1.1":', '    status: in-progress')),
    ]));
    return undefined;
  },
  '30mb-file': (gen) => {
    // A correct header followed by a 30 MB note, as if a whole database had been pasted in.
    const note = Buffer.alloc(30 * 1024 * 1024, 'x');
    writeFileSync(join(gen, 'ttphcc.yaml'), Buffer.concat([Buffer.from(lines(...HEAD, '  "3.2.1":', '    on_time: { value: 1243, total: 1250 }')), Buffer.from('    note: '), note, Buffer.from('\n')]));
    return undefined;
  },
  'alias-bomb': (gen) => {
    // "Billion laughs": each line repeats the previous anchor nine times, 9^9 strings in the end.
    // Lines 2–10 hold the anchors a…i. yaml counts an anchor's uses (the anchor itself is the
    // first) times the aliasing inside it: a reaches 10 × 1, b 10 × 10, and the first *c, on line 5
    // after "d: &d [" (7 characters, so column 8), makes 2 × 100 > maxAliasCount (100).
    const out = ['# Lỗi cố ý: "billion laughs" — neo và bí danh nhân dữ liệu lên 9^9 lần.', `a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) out.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    writeFileSync(join(gen, 'bom.yaml'), lines(...out));
    return undefined;
  },
  'deep-flow-20000': (gen) => {
    // Line 9 is "    on_time: " (13 characters) then 20,000 "[". The file's mapping, `criteria` and
    // "3.2.1" are levels 1–3, the first "[" (column 14) level 4; level 65, the first too deep, is
    // the 62nd "[" at column 75.
    writeFileSync(join(gen, 'ttphcc.yaml'), lines(...HEAD, '  "3.2.1":', `    on_time: ${'['.repeat(20_000)}${']'.repeat(20_000)}`));
    return undefined;
  },
  'deep-dashes-20000': (gen) => {
    // "- - - … 1": the list opened by the k-th dash (k from 1) is level k and starts at column
    // 2k − 1; level 65 starts at column 129 of line 1.
    writeFileSync(join(gen, 'sau.yaml'), lines(`${'- '.repeat(20_000)}1`));
    return undefined;
  },
  'deep-indent-1000': (gen) => {
    // "k:" on line n is indented n − 1 spaces; the mapping starting on line n is level n, so
    // level 65 starts on line 65, column 65.
    writeFileSync(join(gen, 'sau.yaml'), lines(...Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`)));
    return undefined;
  },
  'unreadable-file': (gen) => {
    const file = join(gen, 'ttphcc.yaml');
    writeFileSync(file, lines(...HEAD, '  "3.2.1":', '    on_time: { value: 1243, total: 1250 }'));
    chmodSync(file, 0o000);
    // root reads any file whatever its permissions, so the case shows nothing there.
    if (process.getuid?.() === 0) return 'running as root, which can read a file with no read permission';
    if (process.platform === 'win32') return 'Windows has no chmod 000';
    return undefined;
  },
  'symlink-loop': (gen) => {
    if (process.platform === 'win32') return 'symbolic links need privileges on Windows';
    symlinkSync('b.yaml', join(gen, 'a.yaml'));
    symlinkSync('a.yaml', join(gen, 'b.yaml'));
    // A folder link back to its own folder: searching must not go round for ever.
    symlinkSync('.', join(gen, 'vong'));
    return undefined;
  },
  'dangling-symlink': (gen) => {
    if (process.platform === 'win32') return 'symbolic links need privileges on Windows';
    symlinkSync('vp-cu.yaml', join(gen, 'vp.yaml'));
    return undefined;
  },
};

/** Writes every generated input under `casesDir`; returns the reason each skipped case was skipped. */
export function generateAll(casesDir: string, caseNames: readonly string[]): Map<string, string> {
  const skipped = new Map<string, string>();
  for (const dir of caseNames) {
    const make = GENERATED[dir.replace(/^\d+-/u, '')];
    if (!make) continue;
    const gen = join(casesDir, dir, 'gen');
    rmSync(gen, { recursive: true, force: true });
    mkdirSync(gen, { recursive: true });
    const reason = make(gen);
    if (reason) skipped.set(dir, reason);
  }
  return skipped;
}
