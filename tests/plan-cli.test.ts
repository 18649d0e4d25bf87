/**
 * `cchc plan diff` against a temporary git repository: OLD read with `git show` from `path@REV`,
 * NEW from the working tree. The command function runs in-process with the repository as its
 * working folder; the same cases run through `bin/cchc.js` (build first: `npx tsc -p .`) once the
 * `plan` command is registered in src/cli.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPlanDiff, runPlanShow, type PlanDiffOptions } from '../src/commands/plan.js';
import { InvalidInputError, UsageError } from '../src/errors.js';
import { formatMessage } from '../src/messages.js';
import { editedText, SMALL_PLAN } from './plan/small-plan.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/cchc.js');

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Cán bộ Thử', GIT_AUTHOR_EMAIL: 'thu@example.invalid',
  GIT_COMMITTER_NAME: 'Cán bộ Thử', GIT_COMMITTER_EMAIL: 'thu@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

let base: string;
let repo: string;
let env: NodeJS.ProcessEnv;

const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
};

/** v1 is the small plan; v2 raises 7.3.3's target and the revision. */
const V1 = SMALL_PLAN;
const V2 = editedText((p) => {
  p.revision = 2;
  p.areas[1].criteria[0].measures[0].target = '> 90%';
});

beforeAll(() => {
  // realpath: on macOS the temporary folder is reached through a symbolic link (/var → /private/var).
  base = realpathSync(mkdtempSync(join(tmpdir(), 'cchc-plan-git-')));
  repo = join(base, 'repo');
  mkdirSync(repo);
  // The ceiling keeps git from finding a repository above the temporary folder.
  env = { ...process.env, ...GIT_ENV, GIT_CEILING_DIRECTORIES: base, NO_COLOR: '1', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  git('init', '-q');
  write('plans/x.yaml', V1);
  write('plans/broken.yaml', V1.replace('revision: 1', 'revision: một'));
  git('add', '.');
  git('commit', '-q', '-m', 'Kế hoạch lần 1');
  write('plans/x.yaml', V2);
  write('plans/broken.yaml', V2);
  git('add', '.');
  git('commit', '-q', '-m', 'Sửa chỉ tiêu 7.3.3');
  write('plans/untracked.yaml', V1);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

interface Run { code: number; stdout: string; stderr: string }

/** runPlanDiff in-process; a thrown error becomes exit 2 with its message, as main() does. */
function diff(oldSpec: string, newSpec: string, options: PlanDiffOptions = {}, cwd = repo): Run {
  let stdout = '';
  let stderr = '';
  const ctx = {
    cwd, env, chalk: new Chalk({ level: 0 }), width: 80,
    out: (d: string | Uint8Array) => { stdout += String(d); },
    err: (t: string) => { stderr += `${t}\n`; },
  };
  try {
    return { code: runPlanDiff(oldSpec, newSpec, options, ctx), stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError) stderr += `cchc: ${formatMessage(error, options.lang ?? 'vi')} [${error.code}]\n`;
    else if (!(error instanceof InvalidInputError)) throw error;
    return { code: 2, stdout, stderr };
  }
}

describe('plan diff with git revisions (in-process)', () => {
  it('lists the changed target read from HEAD~1, exit 1', () => {
    const run = diff('plans/x.yaml@HEAD~1', 'plans/x.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe([
      'So sánh plans/x.yaml@HEAD~1 (lần sửa đổi 1) với plans/x.yaml (lần sửa đổi 2)',
      '',
      'Tiêu chí 7.3.3: chỉ tiêu online_full đổi từ > 85% thành > 90%',
      '',
      'Tổng cộng 1 thay đổi (1 tiêu chí).',
      '',
    ].join('\n'));
  });

  it('says so in English with --lang en', () => {
    const run = diff('plans/x.yaml@HEAD~1', 'plans/x.yaml', { lang: 'en' });
    expect(run.stdout).toContain('Criterion 7.3.3: target of online_full changed from > 85% to > 90%');
  });

  it('finds nothing between HEAD and the same file, exit 0', () => {
    const run = diff('plans/x.yaml@HEAD', 'plans/x.yaml');
    expect(run).toEqual({ code: 0, stdout: 'So sánh plans/x.yaml@HEAD (lần sửa đổi 2) với plans/x.yaml (lần sửa đổi 2)\nKhông có thay đổi nào.\n', stderr: '' });
  });

  it('takes "@REV" alone as the other argument\'s file, and works from a subfolder', () => {
    expect(diff('@HEAD~1', 'plans/x.yaml').code).toBe(1);
    const run = diff('x.yaml@HEAD~1', 'x.yaml', {}, join(repo, 'plans'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('So sánh x.yaml@HEAD~1 (lần sửa đổi 1) với x.yaml');
  });

  it('--format yaml prints an amendments: entry ready to paste', () => {
    const run = diff('plans/x.yaml@HEAD~1', 'plans/x.yaml', { format: 'yaml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      '- revision: 2',
      '  changes:',
      '    - { criterion: "7.3.3", field: target, measure: online_full, from: "> 85%", to: "> 90%" }',
      '',
    ].join('\n'));
    expect(parse(run.stdout)).toEqual([{ revision: 2, changes: [{ criterion: '7.3.3', field: 'target', measure: 'online_full', from: '> 85%', to: '> 90%' }] }]);
  });

  it('--format json gives the change list with both sides', () => {
    const run = diff('plans/x.yaml@HEAD~1', 'plans/x.yaml', { format: 'json' });
    expect(JSON.parse(run.stdout)).toEqual({
      old: { file: 'plans/x.yaml@HEAD~1', id: 'thu-nghiem-2025', revision: 1 },
      new: { file: 'plans/x.yaml', id: 'thu-nghiem-2025', revision: 2 },
      changes: [{ kind: 'target-changed', criterion: '7.3.3', measure: 'online_full', from: '> 85%', to: '> 90%' }],
    });
  });

  it('an unknown revision is a usage error, exit 2', () => {
    const run = diff('plans/x.yaml@khong-co', 'plans/x.yaml');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[git-unknown-revision]');
    expect(run.stderr).toContain('“khong-co”');
    expect(diff('plans/x.yaml@HEAD~5', 'plans/x.yaml').stderr).toContain('[git-unknown-revision]');
    // Never passed to git as an option.
    expect(diff('plans/x.yaml@--output=/tmp/x', 'plans/x.yaml').stderr).toContain('[git-unknown-revision]');
  });

  it('a file that is not in the revision is a usage error, exit 2', () => {
    const run = diff('plans/untracked.yaml@HEAD', 'plans/untracked.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[git-file-not-in-revision]');
    expect(run.stderr).toContain('plans/untracked.yaml');
  });

  it('a folder outside any git repository is a usage error, exit 2', () => {
    const outside = join(base, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'x.yaml'), V1);
    const run = diff('x.yaml@HEAD', 'x.yaml', {}, outside);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[git-not-repository]');
  });

  it('names path@REV in the diagnostics of a plan read from git', () => {
    const run = diff('plans/broken.yaml@HEAD~1', 'plans/broken.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plans\/broken\.yaml@HEAD~1:3:\d+: lỗi: /mu);
    expect(run.stderr).not.toContain(tmpdir());
  });

  it('warns, without failing, when the content changed but the revision did not go up', () => {
    write('plans/a.yaml', V1);
    write('plans/b.yaml', editedText((p) => { p.areas[0].criteria[0].due = '2025-07-31'; }));
    const run = diff('plans/a.yaml', 'plans/b.yaml', { format: 'yaml' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^plans\/b\.yaml:3:11: cảnh báo: .*"revision: 2".* \[plan-revision-not-bumped\]\n$/u);
    expect(run.stdout).toBe('- revision: 2\n  changes:\n    - { criterion: "3.1", field: due, from: "2025-06-30", to: "2025-07-31" }\n');
  });

  it('refuses a progress file given as a plan', () => {
    write('progress.yaml', 'schema: cchc/progress@1\nplan: thu-nghiem-2025\nplanRevision: 1\nunit: tt\nperiod: Q3\nasOf: 2025-09-14\ncriteria: {}\n');
    const run = diff('progress.yaml', 'plans/x.yaml');
    expect(run.code).toBe(2);
  });
});

describe('plan diff output: every kind of change', () => {
  /** One edit of each kind, against the small plan. */
  const EVERYTHING = editedText((p) => {
    p.revision = 3;
    p.title = 'Kế hoạch thử nghiệm năm 2025 (sửa đổi)';
    const [c31, h32] = p.areas[0].criteria;
    c31.title = 'Công khai thủ tục hành chính';
    c31.requirement = 'Công khai đầy đủ 100% TTHC';
    c31.due = 'ongoing';
    c31.lead = 'vp';
    c31.support = ['ccm'];
    const [c321, c322, c323] = h32.criteria;
    c321.measures[0].target = '>= 98%';
    c321.measures.push({ id: 'late_apologised', label: 'Tỷ lệ hồ sơ quá hạn có thư xin lỗi', kind: 'ratio', target: '>= 100%' });
    h32.criteria.splice(1, 1); // 3.2.2 removed
    void c322;
    c323.due = '2025-12-31';
    c323.measures[0].label = 'Tỷ lệ hồ sơ được số hóa';
    c323.measures[1].kind = 'ratio';
    c323.measures[1].aggregate = 'sum';
    const c733 = p.areas[1].criteria[0];
    c733.id = '7.3.4';
    c733.measures.splice(0, 1, { id: 'online_full', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình', kind: 'ratio', target: '> 90%' });
    delete p.areas[1].criteria[1].requirement;
    p.areas[1].criteria.push({ id: '7.5', title: 'Thanh toán trực tuyến', lead: 'tt', due: '2025-12-31' });
    p.units.find((u: { id: string }) => u.id === 'tt').aliases = ['Trung tâm Phục vụ HCC xã'];
    p.units.find((u: { id: string }) => u.id === 'kt').name = 'Phòng Kinh tế xã';
    p.units.find((u: { id: string }) => u.id === 'ccm').members = ['vp'];
    p.units.find((u: { id: string }) => u.id === 'bplq').members = undefined;
    p.units.push({ id: 'mttq', name: 'Ủy ban MTTQ Việt Nam xã' });
  });

  it('text in Vietnamese and English, JSON and the amendments YAML (golden)', async () => {
    write('plans/v1.yaml', V1);
    write('plans/v3.yaml', EVERYTHING);
    for (const lang of ['vi', 'en'] as const) {
      const run = diff('plans/v1.yaml', 'plans/v3.yaml', { lang });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      await expect(run.stdout).toMatchFileSnapshot(`plan/__golden__/diff-everything.${lang}.txt`);
    }
    const yaml = diff('plans/v1.yaml', 'plans/v3.yaml', { format: 'yaml' }).stdout;
    await expect(yaml).toMatchFileSnapshot('plan/__golden__/diff-everything.yaml');
    const [entry] = parse(yaml) as [{ revision: number; changes: Record<string, unknown>[] }];
    const json = JSON.parse(diff('plans/v1.yaml', 'plans/v3.yaml', { format: 'json' }).stdout) as { changes: { kind: string }[] };
    expect(entry.revision).toBe(3);
    expect(entry.changes).toHaveLength(json.changes.length);
    expect(new Set(json.changes.map((c) => c.kind))).toEqual(new Set([
      'plan-changed', 'criterion-added', 'criterion-removed', 'criterion-renumbered', 'title-changed', 'requirement-changed',
      'due-changed', 'lead-changed', 'support-changed', 'measure-added', 'target-changed', 'measure-kind-changed',
      'aggregate-changed', 'measure-label-changed', 'unit-added', 'unit-renamed', 'aliases-changed', 'members-changed',
    ]));
    // Every amendment item is made of simple scalars.
    for (const item of entry.changes) for (const v of Object.values(item)) expect(['string', 'number']).toContain(typeof v);
  });
});

describe('plan show (in-process)', () => {
  it('prints the plan named by --plan, in the format asked', () => {
    let out = '';
    const ctx = { cwd: repo, env, chalk: new Chalk({ level: 0 }), width: 80, out: (d: string | Uint8Array) => { out += String(d); }, err: () => {} };
    expect(runPlanShow({ plan: 'plans/x.yaml', format: 'json' }, ctx)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 'thu-nghiem-2025', revision: 2, file: 'plans/x.yaml' });
    out = '';
    runPlanShow({ plan: 'plans/x.yaml', lang: 'en' }, ctx);
    expect(out).toContain('7.3.3 Tỷ lệ hồ sơ trực tuyến toàn trình\n        Target: online_full > 90% · Due: 2025-12-31');
  });
});

// The CLI itself, once src/cli.ts registers `cchc plan`.
const registered = spawnSync(process.execPath, [cli, 'plan', 'show', '--plan', 'plans/quang-son-2025.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8' }).status === 0;

describe.skipIf(!registered)('cchc plan diff (bin/cchc.js)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'plan', 'diff', ...args], { cwd: repo, env, encoding: 'utf8' });

  it('exit 1 with the change listed; exit 0 against HEAD; exit 2 for a bad revision', () => {
    const changed = run('plans/x.yaml@HEAD~1', 'plans/x.yaml');
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('Tiêu chí 7.3.3: chỉ tiêu online_full đổi từ > 85% thành > 90%');
    const same = run('plans/x.yaml@HEAD', 'plans/x.yaml');
    expect(same.status).toBe(0);
    const bad = run('plans/x.yaml@khong-co', 'plans/x.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('khong-co');
    expect(bad.stderr).not.toMatch(/\n\s+at /u);
  });
});
