/**
 * `--help` through the built CLI: wholly Vietnamese by default, wholly English with `--lang en` or
 * an English locale (LANG, LC_MESSAGES, LC_ALL) — no "Usage:" or "display help for command" left
 * from commander in the Vietnamese help, no Vietnamese in the English one.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function cchc(args: string[], locale: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100', ...locale };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) if (!(name in locale)) delete env[name];
  return spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: root, encoding: 'utf8', env });
}

const COMMANDS = [[], ['check'], ['validate'], ['init'], ['plan'], ['plan', 'show'], ['plan', 'diff'], ['plan', 'import'], ['schema']];
/** Commander's English words, and the halves of the old bilingual descriptions. */
const ENGLISH = /Usage:|Options:|Arguments:|Commands:|display help|output the version|choices:|default:|\[options\]|\[command\]| \/ [a-z]|\bthe\b|\bfile\b/u;
/** Letters only Vietnamese uses, and the headings of the Vietnamese help. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|Cách dùng|Tùy chọn/iu;

describe('cchc --help', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || 'cchc', c] as const))('%s: Vietnamese only, by default', (_, command) => {
    const r = cchc([...command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: cchc/u);
    expect(r.stdout).toMatch(/^Tùy chọn:$/mu);
    expect(r.stdout).toContain('-h, --help');
    expect(r.stdout).toMatch(/xem hướng dẫn của lệnh/u);
    expect(r.stdout).not.toMatch(ENGLISH);
  });

  it.each(COMMANDS.map((c) => [c.join(' ') || 'cchc', c] as const))('%s: English only, with --lang en', (_, command) => {
    const r = cchc([...command, '--help', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cchc/u);
    expect(r.stdout).toContain('show help for the command');
    // The one Vietnamese phrase is an example of what to type: a period label.
    expect(r.stdout.replace('"Quý III/2025"', '')).not.toMatch(VIETNAMESE);
  });

  it('lists the commands and names each value in the help\'s language', () => {
    const vi = cchc(['--help']).stdout;
    expect(vi).toMatch(/^Lệnh:$/mu);
    for (const command of ['check', 'validate', 'init', 'plan', 'schema', 'help']) expect(vi).toMatch(new RegExp(`^  ${command}\\b`, 'mu'));
    expect(vi).toContain('-V, --version');
    expect(vi).toContain('in số phiên bản');
    const check = cchc(['check', '--help']).stdout;
    expect(check).toContain('Cách dùng: cchc check [tùy chọn] [đường-dẫn...]');
    expect(check).toMatch(/^Tham số:$/mu);
    expect(check).toMatch(/--as-of <ngày>/u);
    expect(check).toMatch(/--format <định-dạng>\s+định dạng kết quả \(mặc định: table; một trong:\s+table, json/u);
    expect(cchc(['check', '--help', '--lang', 'en']).stdout).toMatch(/--format <format>\s+output format \(default: table; one of: table, json/u);
    expect(cchc(['plan', 'diff', '--help']).stdout).toContain('Cách dùng: cchc plan diff [tùy chọn] <cũ> <mới>');
  });

  it('follows an English locale unless --lang vi says otherwise; LC_ALL comes before LANG', () => {
    expect(cchc(['--help'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/^Usage: cchc \[options\] \[command\]/u);
    expect(cchc(['check', '--help'], { LC_MESSAGES: 'en_GB.UTF-8' }).stdout).toMatch(/^Usage: cchc check/u);
    expect(cchc(['--help', '--lang', 'vi'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/^Cách dùng:/u);
    expect(cchc(['--help'], { LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' }).stdout).toMatch(/^Cách dùng:/u);
    expect(cchc(['--help'], { LANG: 'C.UTF-8' }).stdout).toMatch(/^Cách dùng:/u);
    expect(cchc(['help', 'init'], { LANG: 'en_US.UTF-8' }).stdout).toMatch(/^Usage: cchc init \[options\]/u);
  });

  it('`cchc plan` with no subcommand shows the plan help in Vietnamese, on stderr, exit 2', () => {
    const r = cchc(['plan']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Cách dùng: cchc plan \[tùy chọn\] \[lệnh\]/u);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('a missing argument is named in the message\'s language, whatever the help\'s', () => {
    // LANG=en makes the help English, and the message stays Vietnamese: "cũ"/"mới", not "old"/"new".
    const r = cchc(['plan', 'diff', 'plans/quang-son-2025.yaml'], { LANG: 'en_US.UTF-8' });
    expect([r.status, r.stderr]).toEqual([2, 'cchc: Lệnh plan diff cần thêm “mới”. Xem "cchc plan diff --help".\n']);
    const en = cchc(['plan', 'diff', 'plans/quang-son-2025.yaml', '--lang', 'en']);
    expect(en.stderr).toBe('cchc: Command plan diff needs “new”. See "cchc plan diff --help".\n');
  });
});
