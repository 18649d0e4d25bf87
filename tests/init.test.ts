/**
 * `cchc init`: the template text (pure, from the bundled plan) and the command end to end in a
 * temporary folder holding a copy of plans/ and schemas/ and its own cchc.config.yaml.
 *
 * The CLI runs are spawned from the built code (`npx tsc -p .` first). Until `init` is registered
 * in src/cli.ts they go through a small runner that calls runInit the way cli.ts's main() does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { buildTemplate, criteriaSupported, criteriaToReport, scalar, type TemplateInput } from '../src/authoring/template.js';
import { discover } from '../src/load/discover.js';
import { loadInputs } from '../src/load/load-inputs.js';
import type { Plan, ProgressReport } from '../src/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_FILE = 'plans/quang-son-2025.yaml';
const H1_TTPHCC = 'fixtures/quang-son-2025/2025-H1/ttphcc.yaml';

function load(...files: string[]): { plan: Plan; reports: ProgressReport[] } {
  const inputs = loadInputs(discover(files, root).files);
  expect(inputs.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { plan: inputs.plans.get('quang-son-2025')!, reports: inputs.reports };
}

const { plan } = load(PLAN_FILE);
const template = (unit: string, extra: Partial<TemplateInput> = {}) =>
  buildTemplate({ plan, unit, period: '2025-Q3', asOf: '2025-09-14', lang: 'vi', schemaRef: '../../schemas/progress.schema.json', ...extra });

const TTPHCC = ['3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.2.3', '7.1.1', '7.3.2', '7.3.3', '8.1.1', '8.1.2', '8.1.3', '8.1.4', '9.1.2', '9.1.3'];

/** The 1-based line of each criterion key in a template. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^ {2}"([\d.]+)":/u.exec(line);
    if (m) lines.set(m[1]!, i + 1);
  });
  return lines;
}

/** The top comment block as one line of text, whatever the wrapping. */
function comments(text: string): string {
  return text.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s*/u, '')).join(' ');
}

/** What an officer does in Notepad: every blank gets a number, every task is done. */
function fillIn(text: string): string {
  return text
    .replace(/\{ value: , total: \}/gu, '{ value: 9, total: 10 }')
    .replace(/^( {4}[a-z][a-z0-9_]*):$/gmu, '$1: 0')
    .replace(/^ {4}status: not-started$/gmu, '    status: done\n    completedOn: 01/09/2025');
}

describe('buildTemplate', () => {
  it('lists exactly the criteria a lead unit reports, with empty placeholders of the right shape', () => {
    const text = template('ttphcc');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/progress.schema.json');
    const data = parse(text) as Record<string, unknown> & { criteria: Record<string, Record<string, unknown>> };
    expect(data).toMatchObject({ schema: 'cchc/progress@1', plan: 'quang-son-2025', planRevision: 1, unit: 'ttphcc', period: '2025-Q3', asOf: '2025-09-14' });
    expect(Object.keys(data.criteria)).toEqual(TTPHCC);
    expect(criteriaToReport(plan, 'ttphcc').map((c) => c.id)).toEqual(TTPHCC);
    expect(data.criteria['3.2.1']).toEqual({ on_time: { value: null, total: null } });
    expect(data.criteria['7.3.2']).toEqual({ digitized: { value: null, total: null }, e_results: { value: null, total: null } });
    expect(data.criteria['3.1.2']).toEqual({ status: 'not-started' });
    expect(text).toContain('\n    on_time: { value: , total: }\n');
    expect(text).toContain('\n  "3.2.1":\n');
  });

  it('explains each criterion in Vietnamese comments: title, requirement, target, due date, value and total', () => {
    const lines = template('ttphcc').split('\n');
    const at = lines.indexOf('  "3.2.1":');
    const before = lines.slice(at - 4, at).join('\n');
    expect(before).toContain('# 3.2.1. Tỷ lệ hồ sơ đúng hạn do UBND xã tiếp nhận, giải quyết');
    expect(before).toContain('Yêu cầu: Phấn đấu 100% hồ sơ tiếp nhận được giải quyết đúng hạn.');
    expect(before).toContain('Hạn: 31/12/2025 (Trong năm 2025)');
    const after = lines.slice(at + 1, at + 5).join('\n');
    expect(after).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn — chỉ tiêu ≥ 100%');
    expect(after).toContain('value: Số hồ sơ giải quyết đúng hạn');
    expect(after).toContain('total: Số hồ sơ đã giải quyết');
    expect(lines.slice(at + 1, at + 5)).toContain('    on_time: { value: , total: }');
    // A task: a status and commented-out completedOn and evidence, ready to uncomment.
    const task = lines.slice(lines.indexOf('  "3.1.2":') + 1, lines.indexOf('  "3.1.2":') + 6);
    expect(task).toContain('    status: not-started');
    expect(task.some((l) => l.startsWith('    # completedOn:   # '))).toBe(true);
    expect(task.some((l) => l.startsWith('    # evidence:   '))).toBe(true);
    // No comment line is wider than Notepad shows comfortably, except unbreakable words.
    expect(lines.filter((l) => l.length > 100 && /\s\S+\s/u.test(l.slice(0, 100)))).toEqual([]);
    // The plan's own remarks on a defective row travel with it.
    expect(template('ttphcc')).toMatch(/Hạn: 31\/12\/2025 \(kế hoạch không ghi hạn; tính là cuối năm\)\n(.*\n)*? {2}"3\.2\.2":/u);
  });

  it('gives a member of a lead group the group-led criteria too, and says so', () => {
    const text = template('vp');
    const ids = Object.keys((parse(text) as { criteria: object }).criteria);
    expect(ids).toEqual(criteriaToReport(plan, 'vp').map((c) => c.id));
    expect(ids).toEqual(expect.arrayContaining(['1.1', '2.2.1', '7.2.2', '2.1.1', '2.1.2', '2.2.2']));
    expect(ids).not.toContain('3.2.1');
    expect(text).toContain('Chủ trì: Các cơ quan chuyên môn (nhóm gồm VP HĐND-UBND, Phòng KT, Phòng VH-XH)');
    expect(text).toContain('(từng đơn vị trong nhóm đều phải đạt)'); // 7.2.2: aggregate each
  });

  it('writes a count as an empty value, and a percent likewise', () => {
    const text = template('vhxh');
    expect(text).toMatch(/\n {2}"5\.2":\n(?: {4}#.*\n)+ {4}leaders_disciplined:\n/u);
    expect(text).toContain('chỉ tiêu = 0');
    expect((parse(text) as { criteria: Record<string, unknown> }).criteria['5.2']).toEqual({ leaders_disciplined: null });
    const percentPlan: Plan = {
      ...plan,
      criteria: plan.criteria.map((c) => (c.id === '5.2' ? { ...c, measures: c.measures.map((m) => ({ ...m, kind: 'percent' as const, target: { op: '>=' as const, value: 99.5, unit: '%' as const, text: '>= 99,5%' } })) } : c)),
    };
    const percent = buildTemplate({ plan: percentPlan, unit: 'vhxh', period: 'Q3', asOf: '2025-09-14', lang: 'vi', schemaRef: 'x.json' });
    expect(percent).toMatch(/chỉ tiêu ≥ 99,5%\n {4}# {3}phần trăm: ghi một số từ 0 đến 100, không ghi dấu %\n {4}leaders_disciplined:\n/u);
  });

  it('gives a support-only unit a valid empty file that explains why', () => {
    const text = template('dvsn');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/u);
    expect((parse(text) as { criteria: unknown }).criteria).toEqual({});
    expect(text).toContain('không chủ trì tiêu chí nào và không thuộc nhóm chủ trì nào');
    expect(text).toContain('#   9.1.5. Tăng cường kiểm tra');
    expect(criteriaSupported(plan, 'dvsn').map((c) => c.id)).toEqual(['9.1.5']);
    // The commented example becomes the right entry once "# " is removed.
    const example = text.split('\n').filter((l) => /^# {1,5}(criteria:|"9\.1\.5":|note:)/u.test(l)).map((l) => l.slice(2)).join('\n');
    expect(parse(example)).toEqual({ criteria: { '9.1.5': { note: 'Nội dung đơn vị đã phối hợp thực hiện' } } });
    expect(template('mttq', { lang: 'en' })).toContain('The plan gives the unit no criterion to support either.');
  });

  it('switches the comments to English with --lang en', () => {
    const text = template('ttphcc', { lang: 'en' });
    expect(text).toContain('Requirement: Phấn đấu 100%');
    expect(text).toContain('Due: 2025-12-31');
    expect(text).toContain('— target ≥ 100%');
    // Only the plan's own text (titles, requirements, notes) stays Vietnamese.
    expect(text).not.toMatch(/Cách điền|# {3}Yêu cầu:|# {3}Hạn:|— chỉ tiêu|Nhiệm vụ:/u);
  });

  it('quotes free text so that it reads back unchanged', () => {
    for (const s of ['Quý III/2025', '#1: a', '- x', 'yes', '123', '"q"', "it's", ' lead', 'a # b', 'dòng 1\ndòng 2', 'tab\there', '2025-09-14']) {
      expect(parse(`k: ${scalar(s)}`)).toEqual({ k: s });
      expect(scalar(s)).not.toContain('\n');
    }
    const text = template('ttphcc', { period: '#1: Quý "III"\n2025' });
    expect((parse(text) as { period: string }).period).toBe('#1: Quý "III"\n2025');
  });

  it('carries the figures, statuses and evidence of an earlier report forward', () => {
    const { reports } = load(PLAN_FILE, H1_TTPHCC);
    const previous = reports[0]!;
    const text = template('ttphcc', { previous, previousFile: 'progress/2025-H1/ttphcc.yaml' });
    const data = parse(text) as { reportedBy: string; criteria: Record<string, Record<string, unknown>> };
    expect(data.reportedBy).toBe('Bộ phận tổng hợp - Trung tâm Phục vụ hành chính công');
    expect(data.criteria['3.2.1']).toEqual({ on_time: { value: 642, total: 645 } });
    expect(data.criteria['7.3.2']).toEqual({ digitized: { value: 598, total: 610 }, e_results: { value: 645, total: 645 } });
    expect(data.criteria['8.1.1']).toEqual({
      status: 'done', completedOn: '2025-04-25',
      evidence: ['Kế hoạch số 21/KH-UBND ngày 10/3/2025 về tuyên truyền CCHC năm 2025', 'Báo cáo số 48/BC-UBND ngày 25/4/2025 về kết quả tuyên truyền, hướng dẫn dịch vụ công trực tuyến'],
    });
    expect(data.criteria['3.1.2']).toEqual({ status: 'in-progress' });
    expect(data.criteria['9.1.3']).toEqual({ businesses_supported: { value: null, total: null } }); // not in the H1 report
    expect(comments(text)).toContain('được chép từ báo cáo kỳ trước progress/2025-H1/ttphcc.yaml (số liệu đến ngày 14/06/2025)');
    expect(comments(text)).toContain('Số liệu là lũy kế từ đầu năm: cập nhật từng con số đến ngày 14/09/2025 trước khi nộp.');
    expect(text).toContain('    # note: 3 hồ sơ quá hạn do chờ kết quả xác minh của cơ quan liên quan\n');
  });
});

// ---------------------------------------------------------------------------
// The command, spawned
// ---------------------------------------------------------------------------

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI = join(root, 'bin/cchc.js');
const registered = existsSync(join(root, 'dist/cli.js')) && readFileSync(join(root, 'dist/cli.js'), 'utf8').includes("command('init')");

// Until cli.ts registers `init`: read the options as commander would and map errors as main() does.
const RUNNER = `
import { Chalk } from ${JSON.stringify(pathToFileURL(join(root, 'node_modules/chalk/source/index.js')).href)};
const dist = ${JSON.stringify(pathToFileURL(join(root, 'dist')).href)};
const { runInit } = await import(dist + '/commands/init.js');
const { formatMessage } = await import(dist + '/messages.js');
const { UsageError, InvalidInputError } = await import(dist + '/errors.js');
const names = { '--unit': 'unit', '--period': 'period', '--as-of': 'asOf', '--plan': 'plan', '--config': 'config', '-o': 'output', '--output': 'output', '--from': 'from', '--lang': 'lang' };
const args = process.argv.slice(3);
const options = {};
for (let i = 0; i < args.length; i += 2) options[names[args[i]]] = args[i + 1];
const lang = options.lang === 'en' ? 'en' : 'vi';
const ctx = { cwd: process.cwd(), now: new Date(), chalk: new Chalk({ level: 0 }), width: 120, env: process.env, stdoutIsTTY: false,
  out: (d) => process.stdout.write(d), err: (t) => process.stderr.write(t + '\\n') };
try {
  process.exitCode = await runInit(options, ctx);
} catch (error) {
  if (error instanceof UsageError) process.stderr.write('cchc: ' + formatMessage(error, lang) + '\\n');
  else if (!(error instanceof InvalidInputError)) process.stderr.write('cchc: bug: ' + error.stack + '\\n');
  process.exitCode = 2;
}
`;

let tmp: string;
let runner: string;

function cchc(...args: string[]): Run {
  const viaRunner = args[0] === 'init' && !registered;
  const result = spawnSync(process.execPath, viaRunner ? [runner, ...args] : [CLI, ...args], {
    cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const read = (file: string) => readFileSync(join(tmp, file), 'utf8');

/** Error codes and lines of `cchc validate`'s stderr. */
function errorsOf(stderr: string): { line: number; code: string }[] {
  return [...stderr.matchAll(/^.+?:(\d+):\d+: lỗi: .* \[([a-z-]+)\]$/gmu)].map((m) => ({ line: Number(m[1]), code: m[2]! }));
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/commands/init.js'))) throw new Error('build first: npx tsc -p .');
});

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cchc-init-'));
  cpSync(join(root, 'plans'), join(tmp, 'plans'), { recursive: true });
  cpSync(join(root, 'schemas'), join(tmp, 'schemas'), { recursive: true });
  writeFileSync(join(tmp, 'cchc.config.yaml'), 'schema: cchc/config@1\nplan: plans/quang-son-2025.yaml\nprogress:\n  - progress\n');
  runner = join(tmp, '.init-runner.mjs');
  writeFileSync(runner, RUNNER);
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

// Each run starts node and loads the plan: about a second.
describe('cchc init', { timeout: 60_000 }, () => {
  it('writes progress/<period>/<unit>.yaml for a lead unit; untouched, it gives one not-filled error per measured criterion', () => {
    const run = cchc('init', '--unit', 'Trung tâm Phục vụ HCC', '--period', '2025-Q3', '--as-of', '14/09/2025');
    expect(run.stderr).toContain('Đã tạo progress/2025-Q3/ttphcc.yaml: 14 tiêu chí cần báo cáo (7 ghi số liệu, 7 nhiệm vụ).');
    expect(run.stderr).toContain('cchc validate progress/2025-Q3/ttphcc.yaml');
    expect(run.code, run.stderr).toBe(0);
    const text = read('progress/2025-Q3/ttphcc.yaml');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/progress.schema.json');
    expect(parseDocument(text).errors).toEqual([]);
    expect(Object.keys((parse(text) as { criteria: object }).criteria)).toEqual(TTPHCC);

    const check = cchc('validate', PLAN_FILE, 'progress/2025-Q3/ttphcc.yaml');
    expect(check.code, check.stderr).toBe(2);
    const keys = keyLines(text);
    const measured = criteriaToReport(plan, 'ttphcc').filter((c) => c.measures.length > 0).map((c) => keys.get(c.id));
    expect(errorsOf(check.stderr)).toEqual(measured.map((line) => ({ line, code: 'not-filled' })));
  });

  it('a filled-in template validates', () => {
    for (const unit of ['ttphcc', 'vp', 'kt', 'vhxh']) expect(cchc('init', '--unit', unit, '--period', '2025-Q3', '--as-of', '2025-09-14').code).toBe(0);
    for (const unit of ['ttphcc', 'vp', 'kt', 'vhxh']) {
      const file = join(tmp, `progress/2025-Q3/${unit}.yaml`);
      writeFileSync(file, fillIn(readFileSync(file, 'utf8')));
    }
    const check = cchc('validate');
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('5 tệp');
    expect(check.code, check.stderr).toBe(0);
    // …and the four units' files cover every criterion of the plan.
    const report = JSON.parse(cchc('check', '--as-of', '2025-09-14', '--format', 'json').stdout) as { summary: Record<string, number> };
    expect(report.summary).toMatchObject({ total: 43, 'no-data': 0 });
  });

  it('gives a member of a lead group the criteria of its group', () => {
    const run = cchc('init', '--unit', 'vp', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(run.code, run.stderr).toBe(0);
    const text = read('progress/2025-Q3/vp.yaml');
    const ids = Object.keys((parse(text) as { criteria: object }).criteria);
    expect(ids).toEqual(expect.arrayContaining(['1.1', '1.2', '1.3', '2.2.1', '7.2.1', '2.1.1', '2.2.2']));
    const check = cchc('validate', 'progress/2025-Q3/vp.yaml');
    const keys = keyLines(text);
    const measured = criteriaToReport(plan, 'vp').filter((c) => c.measures.length > 0).map((c) => keys.get(c.id));
    expect(errorsOf(check.stderr)).toEqual(measured.map((line) => ({ line, code: 'not-filled' })));
    writeFileSync(join(tmp, 'progress/2025-Q3/vp.yaml'), fillIn(text));
    expect(cchc('validate', 'progress/2025-Q3/vp.yaml').code).toBe(0);
  });

  it('gives a support-only unit an empty, valid template with an explanation', () => {
    const run = cchc('init', '--unit', 'Các đơn vị sự nghiệp', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('chỉ phối hợp (9.1.5)');
    const text = read('progress/2025-Q3/dvsn.yaml');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/progress.schema.json');
    expect((parse(text) as { criteria: unknown }).criteria).toEqual({});
    expect(text).toContain('không chủ trì tiêu chí nào');
    const check = cchc('validate', 'progress/2025-Q3/dvsn.yaml');
    expect(check.stderr).toBe('');
    expect(check.code, check.stderr).toBe(0);
  });

  it('never overwrites: exit 2 and the file byte-identical', () => {
    expect(cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '2025-09-14').code).toBe(0);
    const file = join(tmp, 'progress/2025-Q3/ttphcc.yaml');
    const mine = Buffer.from('# đã điền\r\nschema: cchc/progress@1\r\n', 'utf8');
    writeFileSync(file, mine);
    const again = cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain('Tệp “progress/2025-Q3/ttphcc.yaml” đã có; cchc không ghi đè. Chọn tên khác bằng -o');
    expect(readFileSync(file).equals(mine)).toBe(true);
    expect(readdirSync(dirname(file))).toEqual(['ttphcc.yaml']); // no temporary file left behind
    // Not over the plan either.
    const planBytes = readFileSync(join(tmp, PLAN_FILE));
    expect(cchc('init', '--unit', 'ttphcc', '--period', 'x', '--as-of', '2025-09-14', '-o', PLAN_FILE).code).toBe(2);
    expect(readFileSync(join(tmp, PLAN_FILE)).equals(planBytes)).toBe(true);
    expect(cchc('validate', PLAN_FILE).code).toBe(0);
  });

  it('writes where -o says, creating folders; a folder gets <unit>.yaml', () => {
    const run = cchc('init', '--unit', 'kt', '--period', 'Quý III/2025', '--as-of', '2025-09-14', '-o', 'bao cao/q3/phong-kt.yaml');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('cchc validate "bao cao/q3/phong-kt.yaml"');
    const text = read('bao cao/q3/phong-kt.yaml');
    expect((parse(text) as { period: string; unit: string })).toMatchObject({ period: 'Quý III/2025', unit: 'kt' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/progress.schema.json');
    mkdirSync(join(tmp, 'q4'));
    expect(cchc('init', '--unit', 'kt', '--period', 'Q4', '--as-of', '2025-12-14', '-o', 'q4').code).toBe(0);
    expect(existsSync(join(tmp, 'q4/kt.yaml'))).toBe(true);
    expect(cchc('init', '--unit', 'kt', '--period', 'Q4', '--as-of', '2025-12-14', '-o', 'q4/kt.txt').stderr).toContain('đuôi .yaml');
    // The default folder is named after the period, with "/" made safe for a folder name.
    expect(cchc('init', '--unit', 'kt', '--period', 'Quý III/2025', '--as-of', '2025-09-14').code).toBe(0);
    expect(existsSync(join(tmp, 'progress/Quý III-2025/kt.yaml'))).toBe(true);
  });

  it('--from carries the figures of an earlier report forward, for the same unit', () => {
    mkdirSync(join(tmp, 'progress/2025-H1'), { recursive: true });
    cpSync(join(root, H1_TTPHCC), join(tmp, 'progress/2025-H1/ttphcc.yaml'));
    const run = cchc('init', '--from', 'progress/2025-H1/ttphcc.yaml', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Số liệu được chép từ progress/2025-H1/ttphcc.yaml (đến ngày 14/06/2025)');
    const text = read('progress/2025-Q3/ttphcc.yaml');
    const data = parse(text) as { unit: string; asOf: string; criteria: Record<string, Record<string, unknown>> };
    expect(data.unit).toBe('ttphcc');
    expect(data.asOf).toBe('2025-09-14');
    expect(data.criteria['3.2.1']).toEqual({ on_time: { value: 642, total: 645 } });
    expect(data.criteria['8.1.1']).toMatchObject({ status: 'done', completedOn: '2025-04-25' });
    expect(text).toContain('chép từ báo cáo kỳ trước progress/2025-H1/ttphcc.yaml');
    // Only 9.1.3, which the H1 report left out, is still to fill in.
    const check = cchc('validate', 'progress/2025-Q3/ttphcc.yaml');
    expect(errorsOf(check.stderr)).toEqual([{ line: keyLines(text).get('9.1.3'), code: 'not-filled' }]);

    const other = cchc('init', '--unit', 'vp', '--from', 'progress/2025-H1/ttphcc.yaml', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(other.code, other.stderr).toBe(2);
    expect(other.stderr).toContain('là báo cáo của đơn vị “ttphcc”, không phải của “vp”');
    const later = cchc('init', '--from', 'progress/2025-H1/ttphcc.yaml', '--period', 'H1', '--as-of', '2025-06-14', '-o', 'x.yaml');
    expect(later.code, later.stderr).toBe(2);
    expect(existsSync(join(tmp, 'x.yaml'))).toBe(false);
  });

  it('explains a group, an unknown unit and a missing option, and writes nothing', () => {
    const group = cchc('init', '--unit', 'ccm', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(group.code, group.stderr).toBe(2);
    expect(group.stderr).toContain('mỗi đơn vị thành viên tự lập tệp báo cáo riêng: vp (Văn phòng HĐND-UBND xã), kt (Phòng Kinh tế), vhxh (Phòng Văn hóa - Xã hội)');
    const unknown = cchc('init', '--unit', 'ttphc', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(unknown.stderr).toContain('Có phải ý bạn là “ttphcc”?');
    const noDate = cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3');
    expect(noDate.code, noDate.stderr).toBe(2);
    expect(noDate.stderr).toContain('cần --as-of');
    const badDate = cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '31/02/2025');
    expect(badDate.code, badDate.stderr).toBe(2);
    expect(existsSync(join(tmp, 'progress'))).toBe(false);
    for (const r of [group, unknown, noDate, badDate]) expect(r.stderr).not.toMatch(/\n\s+at /u);
    // Without a configuration the plan must be named.
    rmSync(join(tmp, 'cchc.config.yaml'));
    const noPlan = cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(noPlan.code, noPlan.stderr).toBe(2);
    expect(noPlan.stderr).toContain('--plan');
    const withPlan = cchc('init', '--plan', PLAN_FILE, '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '2025-09-14');
    expect(withPlan.code, withPlan.stderr).toBe(0);
    expect(withPlan.stderr).toContain(`cchc validate ${PLAN_FILE} progress/2025-Q3/ttphcc.yaml`);
  });

  it('--lang en writes English comments and messages', () => {
    const run = cchc('init', '--unit', 'ttphcc', '--period', '2025-Q3', '--as-of', '2025-09-14', '--lang', 'en');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Created progress/2025-Q3/ttphcc.yaml: 14 criteria to report');
    expect(read('progress/2025-Q3/ttphcc.yaml')).toContain('# How to fill it in:');
  });
});
