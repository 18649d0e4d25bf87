/**
 * A mistyped command is said before any work (no table first), with the command meant; `check`,
 * the default command, still takes paths — a folder that exists is a path even when its name is
 * close to a command's. Through the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function cchc(args: string[], cwd = root) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '120', PATH: dirname(process.execPath) };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'npm_command']) delete env[name];
  return spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd, encoding: 'utf8', env });
}

describe('a mistyped command', () => {
  it('`cchc valdate`: said at once with the command meant, nothing on stdout, exit 2', () => {
    const r = cchc(['valdate']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cchc: “valdate” không phải là lệnh, cũng không phải tệp hay thư mục có ở đây. Có phải ý bạn là “npx cchc validate”? '
      + 'Các lệnh: check, validate, init, history, plan, schema. Xem "npx cchc --help".\n');
    expect(r.status).toBe(2);
  });

  it('in English, after options and their values, and in capitals', () => {
    const r = cchc(['--lang', 'en', '--as-of', '2025-09-14', '--area', 'III', 'chek', 'plans/']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('cchc: “chek” is neither a command nor a file or folder here. Did you mean “npx cchc check”? '
      + 'Commands: check, validate, init, history, plan, schema. See "npx cchc --help".\n');
    expect(cchc(['Validate']).stderr).toContain('Có phải ý bạn là “npx cchc validate”?');
  });

  it('`cchc plan init` lists the subcommands of plan, and points to `cchc init`', () => {
    const r = cchc(['plan', 'init']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('cchc: Lệnh plan không có lệnh con “init”. Có phải ý bạn là “npx cchc init”? '
      + 'Các lệnh con của plan: show, diff, import. Xem "npx cchc plan --help".\n');
    expect(cchc(['plan', 'imprt', 'x.docx']).stderr).toContain('Có phải ý bạn là “npx cchc plan import”? Các lệnh con của plan: show, diff, import.');
    expect(cchc(['plan', 'vẽ', '--lang', 'en']).stderr).toBe('cchc: Command plan has no subcommand “vẽ”. Subcommands of plan: show, diff, import. See "npx cchc plan --help".\n');
  });
});

it('README quotes both messages as cchc prints them', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const args of [['valdate'], ['plan', 'init']]) {
    expect(readme).toContain(`$ npx cchc ${args.join(' ')}\n${cchc(args).stderr}`);
  }
});

describe('check, the default command, still takes paths', () => {
  it('`cchc` alone and `cchc plans fixtures` (folders, no slash) check the example', () => {
    for (const args of [[], ['plans', 'fixtures'], ['plans/', 'fixtures/']]) {
      const r = cchc([...args, '--as-of', '2025-09-14']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain('Tổng 43 tiêu chí');
    }
  });

  it('an option value close to a command name is not taken for one (--area III, --unit vp)', () => {
    for (const args of [['--area', 'III'], ['--unit', 'vp'], ['--plan', 'plans/quang-son-2025.yaml', 'fixtures']]) {
      const r = cchc([...args, '--as-of', '2025-09-14']);
      expect([r.status, r.stderr], args.join(' ')).toEqual([r.status === 0 ? 0 : 1, '']);
      expect(r.stdout).toContain('Tổng');
    }
  });

  it('a folder whose name is close to a command\'s is checked as a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-mistyped-'));
    try {
      // "valdate" and "plam" exist here: they are paths, not mistyped commands.
      cpSync(join(root, 'fixtures/quang-son-2025'), join(dir, 'valdate'), { recursive: true });
      cpSync(join(root, 'plans'), join(dir, 'plam'), { recursive: true });
      const r = cchc(['plam', 'valdate', '--as-of', '2025-09-14'], dir);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain('Tổng 43 tiêu chí');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a word far from every command is a missing path, as before', () => {
    const r = cchc(['bao-cao-quy-3', '--as-of', '2025-09-14']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bao-cao-quy-3: lỗi: Không tìm thấy tệp hoặc thư mục này.');
  });
});
