// Deterministic test data for the benchmark: N communes, each a copy of the Quang Sơn plan with its
// own id, and one progress file per reporting unit for each of the four reporting dates.
//
//   node tests/bench/.build/generate.js --n 100 [--seed 2025] [--out tests/bench/.data/n100]
//
// Layout of a tree:
//   plans/<id>.yaml                      the plan (the Quang Sơn text, id/title/issuer replaced)
//   progress/<id>/<period>/<unit>.yaml   one progress file per reporting unit and date
// The same N and seed always give byte-identical files (a seeded PRNG, no clock, sorted output);
// `manifest.json` records a digest of every file so the bench can reuse a tree that is up to date.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Bumped whenever the generated content changes, so stale trees are rebuilt. */
export const GENERATOR_VERSION = 2;

/** The repository: the folder above this file (compiled in .build/ or not) that holds bin/cchc.js. */
function findRepo(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin/cchc.js')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no cchc repository above ${from}`);
  }
}

export const REPO = findRepo(dirname(fileURLToPath(import.meta.url)));
export const SOURCE_PLAN = join(REPO, 'plans/quang-son-2025.yaml');

/**
 * The four reporting cut-offs of the year (Bộ Nội vụ): Q1, 6 months, Q3, year. `from` is the first
 * day a task finished in that period may carry; `share` the part of the year's dossiers counted by then.
 */
export const PERIODS = [
  { folder: '2025-Q1', label: 'Quý I/2025', asOf: '2025-03-14', from: '2025-01-06', share: 0.22 },
  { folder: '2025-H1', label: '6 tháng đầu năm 2025', asOf: '2025-06-14', from: '2025-03-15', share: 0.47 },
  { folder: '2025-Q3', label: 'Quý III/2025', asOf: '2025-09-14', from: '2025-06-15', share: 0.72 },
  { folder: '2025-FY', label: 'Năm 2025', asOf: '2025-12-14', from: '2025-09-15', share: 0.96 },
] as const;

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32, seeded per commune so that commune k is the same whatever N is.

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const chance = (rnd: Random, p: number) => rnd() < p;

// ---------------------------------------------------------------------------------------------
// The plan: which criteria each reporting unit reports, and their measures.

interface PlanUnit { id: string; name: string; aliases?: string[]; members?: string[] }
interface PlanMeasure { id: string; kind: 'ratio' | 'percent' | 'count' }
interface PlanCriterion { id: string; lead?: string; measures?: PlanMeasure[]; criteria?: PlanCriterion[] }
interface PlanFile { id: string; units: PlanUnit[]; areas: { criteria: PlanCriterion[] }[] }

export interface PlanShape {
  text: string;
  units: PlanUnit[];
  /** Reporting unit id → the criteria it reports, in plan order. */
  reports: Map<string, PlanCriterion[]>;
}

export function readPlanShape(file = SOURCE_PLAN): PlanShape {
  const text = readFileSync(file, 'utf8');
  const plan = parse(text) as PlanFile;
  const units = new Map(plan.units.map((u) => [u.id, u]));
  const leaves: PlanCriterion[] = [];
  const walk = (list: PlanCriterion[]) => {
    for (const c of list) {
      if (c.lead !== undefined) leaves.push(c);
      if (c.criteria) walk(c.criteria);
    }
  };
  for (const area of plan.areas) walk(area.criteria);
  const reports = new Map<string, PlanCriterion[]>();
  for (const c of leaves) {
    const lead = units.get(c.lead!);
    for (const unit of lead?.members ?? [c.lead!]) reports.set(unit, [...(reports.get(unit) ?? []), c]);
  }
  return { text, units: plan.units, reports };
}

// ---------------------------------------------------------------------------------------------
// Plausible figures. "flow" ratios grow through the year (dossiers, documents); "stock" ratios
// have a total fixed for the year and a value that catches up (tasks, capital, units).

interface MeasureProfile { flow: boolean; total: [number, number]; good: number; zero?: number }

const PROFILES: Record<string, MeasureProfile> = {
  tasks_completed: { flow: false, total: [10, 24], good: 0.8 },
  issues_handled: { flow: true, total: [0, 6], good: 0.85 },
  province_tasks: { flow: true, total: [4, 15], good: 0.85 },
  published: { flow: false, total: [180, 240], good: 0.85 },
  on_time: { flow: true, total: [600, 3500], good: 0.6 },
  apology_letters: { flow: true, total: [0, 20], good: 0.85 },
  functions_defined: { flow: false, total: [3, 3], good: 0.9 },
  issues_remedied: { flow: true, total: [0, 4], good: 0.9 },
  disbursement: { flow: false, total: [4_000_000_000, 45_000_000_000], good: 0.7 },
  units_compliant: { flow: false, total: [3, 6], good: 0.95 },
  recommendations_paid: { flow: false, total: [50_000_000, 900_000_000], good: 0.7, zero: 0.6 },
  e_documents: { flow: true, total: [80, 500], good: 0.9 },
  processed_online: { flow: true, total: [80, 500], good: 0.7 },
  units_connected: { flow: false, total: [1, 1], good: 0.97 },
  digitized: { flow: true, total: [500, 3000], good: 0.75 },
  e_results: { flow: true, total: [500, 3000], good: 0.85 },
  online_full: { flow: true, total: [500, 3000], good: 0.5 },
  easy_access: { flow: false, total: [8, 40], good: 0.8 },
  legal_support: { flow: true, total: [0, 15], good: 0.9 },
  businesses_supported: { flow: true, total: [0, 25], good: 0.85 },
};
const DEFAULT_PROFILE: MeasureProfile = { flow: true, total: [10, 200], good: 0.8 };

/** Four cumulative `{ value, total }` pairs: totals and values never go down, value ≤ total. */
function ratioSeries(rnd: Random, measureId: string): { value: number; total: number }[] {
  const p = PROFILES[measureId] ?? DEFAULT_PROFILE;
  if (p.zero !== undefined && chance(rnd, p.zero)) return PERIODS.map(() => ({ value: 0, total: 0 }));
  const yearTotal = p.total[1] >= 1_000_000 ? Math.round(int(rnd, p.total[0] / 1e6, p.total[1] / 1e6)) * 1_000_000 : int(rnd, p.total[0], p.total[1]);
  // The year's final rate: most units meet their target, some fall a little short.
  const rate = chance(rnd, p.good) ? 1 : 0.8 + rnd() * 0.19;
  const out: { value: number; total: number }[] = [];
  let value = 0;
  let total = 0;
  PERIODS.forEach((period, i) => {
    const share = Math.min(1, period.share + (rnd() - 0.5) * 0.06);
    const t = p.flow ? Math.max(total, Math.round(yearTotal * share)) : yearTotal;
    // Flow values follow the total at about the year's rate; stock values catch up with the
    // fixed total through the year and reach the year's rate at the year's report.
    const done = i === PERIODS.length - 1 ? 1 : Math.min(1, share * (0.85 + rnd() * 0.3));
    const goal = p.flow ? t * (rate === 1 ? 1 : rate + (1 - rate) * rnd() * 0.3) : yearTotal * rate * done;
    const v = Math.min(t, Math.max(value, Math.floor(goal)));
    out.push({ value: v, total: t });
    value = v;
    total = t;
  });
  return out;
}

/** A count that only grows (cumulative): almost always 0 (e.g. leaders disciplined). */
function countSeries(rnd: Random): number[] {
  const from = chance(rnd, 0.06) ? int(rnd, 0, 3) : 4;
  return PERIODS.map((_, i) => (i >= from ? 1 : 0));
}

/** A percent that only grows, 0–100. */
function percentSeries(rnd: Random): number[] {
  let v = int(rnd, 10, 40);
  return PERIODS.map(() => (v = Math.min(100, v + int(rnd, 5, 30))));
}

const DOCUMENTS = [
  ['Quyết định', 'QĐ-UBND'], ['Báo cáo', 'BC-UBND'], ['Kế hoạch', 'KH-UBND'], ['Thông báo', 'TB-UBND'],
  ['Công văn', 'UBND-VP'], ['Biên bản', 'BB-UBND'],
] as const;
const SUBJECTS = [
  'về kết quả thực hiện nhiệm vụ cải cách hành chính', 'về công khai thủ tục hành chính',
  'về kiểm tra công vụ', 'về rà soát văn bản quy phạm pháp luật', 'về triển khai chuyển đổi số',
  'về quản lý, sử dụng tài sản công', 'về tuyên truyền cải cách hành chính', 'về kiện toàn tổ chức bộ máy',
] as const;

/** A date between two ISO dates (inclusive), as ISO. */
function dateBetween(rnd: Random, from: string, to: string): string {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return new Date(a + int(rnd, 0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

const dmy = (iso: string) => `${+iso.slice(8, 10)}/${+iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A document reference (not a path): "Quyết định số 123/QĐ-UBND ngày 15/8/2025 về …". */
function evidence(rnd: Random, iso: string): string {
  const [kind, code] = pick(rnd, DOCUMENTS);
  return `${kind} số ${int(rnd, 1, 250)}/${code} ngày ${dmy(iso)} ${pick(rnd, SUBJECTS)}`;
}

interface TaskState { status: 'done' | 'in-progress' | 'not-started'; completedOn?: string; evidence?: string[] }

/** Not started, then in progress, then done once (the date inside the period that saw it done). */
function taskSeries(rnd: Random): TaskState[] {
  const doneAt = pick(rnd, [0, 1, 1, 2, 2, 2, 3, 3, 3, 4]); // 4: not done by the year's report
  const startedAt = Math.min(doneAt, int(rnd, 0, 1));
  let done: TaskState | undefined;
  return PERIODS.map((period, i) => {
    if (i >= doneAt) {
      if (!done) {
        const on = dateBetween(rnd, period.from, period.asOf);
        done = { status: 'done', completedOn: on, evidence: Array.from({ length: int(rnd, 1, 2) }, () => evidence(rnd, on)) };
      }
      return done;
    }
    return { status: i >= startedAt ? 'in-progress' : 'not-started' };
  });
}

const NOTES = [
  'Số liệu lấy từ Hệ thống thông tin giải quyết TTHC của tỉnh',
  'Một số hồ sơ chờ bổ sung giấy tờ của công dân',
  'Đang phối hợp với các cơ quan liên quan để hoàn thành',
  'Dự kiến hoàn thành trong kỳ tiếp theo',
  'Không phát sinh trong kỳ',
] as const;

// ---------------------------------------------------------------------------------------------
// Communes and files.

const FIRST = ['Tân', 'Quang', 'Phú', 'Hòa', 'An', 'Bình', 'Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Vĩnh', 'Minh', 'Hợp', 'Yên', 'Lương', 'Phúc', 'Thành', 'Trung'] as const;
const SECOND = ['Sơn', 'Phú', 'Lợi', 'Thịnh', 'Hòa', 'Bình', 'Tiến', 'Lâm', 'Hà', 'Xuân', 'Long', 'Khánh', 'Hưng', 'Điền', 'Giang', 'Lộc', 'Thuận', 'An', 'Đức', 'Thọ'] as const;

function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}

export interface Commune { index: number; id: string; name: string }

/** Commune k's name and id; ids are made unique by a number after the first use of a name. */
export function communes(n: number, seed: number): Commune[] {
  const used = new Map<string, number>();
  return Array.from({ length: n }, (_, index) => {
    const rnd = mulberry32(seed * 1_000_003 + index * 7919 + 1);
    const first = pick(rnd, FIRST);
    let second = pick(rnd, SECOND);
    while (second === first) second = pick(rnd, SECOND);
    const base = `${first} ${second}`;
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    const name = k === 1 ? base : `${base} ${k}`;
    return { index, id: `${slug(name)}-2025`, name };
  });
}

function planText(shape: PlanShape, commune: Commune, schemas: string): string {
  return shape.text
    .replace(/^# yaml-language-server: \$schema=.*$/mu, `# yaml-language-server: $schema=${schemas}/plan.schema.json`)
    .replace(/^id: quang-son-2025$/mu, `id: ${commune.id}`)
    .replace(/Quang Sơn/gu, commune.name)
    // Dates quoted, as in the progress files: ajv-cli reads YAML with js-yaml 3, which turns an
    // unquoted 2025-12-31 into a Date that fails `type: string`, and the bench runs ajv-cli on the
    // plans too (cchc reads both forms alike).
    .replace(/^(\s*(?:due|date): )(\d{4}-\d{2}-\d{2})[ \t]*$/gmu, '$1"$2"');
}

const yamlString = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.()\/-]*$/u.test(s) && !/: |#/u.test(s) ? s : JSON.stringify(s));

function progressText(shape: PlanShape, commune: Commune, unit: PlanUnit, periodIndex: number, series: Map<string, Series>, style: Style, rnd: Random, schemas: string): string {
  const period = PERIODS[periodIndex]!;
  const date = (iso: string) => (style.dates === 'vn' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : `"${iso}"`);
  const written = chance(rnd, 0.1) ? pick(rnd, [unit.name, ...(unit.aliases ?? [])]) : unit.id;
  const lines = [
    `# yaml-language-server: $schema=${schemas}/progress.schema.json`,
    'schema: cchc/progress@1',
    `plan: ${commune.id}`,
    'planRevision: 1',
    `unit: ${yamlString(written)}`,
    `period: ${yamlString(period.label)}`,
    `asOf: ${date(period.asOf)}`,
    `reportedBy: ${yamlString(`Công chức phụ trách CCHC - ${unit.name}`)}`,
    'criteria:',
  ];
  for (const criterion of shape.reports.get(unit.id) ?? []) {
    const s = series.get(criterion.id)!;
    if (periodIndex < s.firstReport) continue;
    lines.push(`  "${criterion.id}":`);
    const measures = criterion.measures ?? [];
    if (measures.length === 0) {
      const task = s.tasks[periodIndex]!;
      lines.push(`    status: ${task.status}`);
      if (task.completedOn) lines.push(`    completedOn: ${date(task.completedOn)}`);
      if (task.evidence) {
        lines.push('    evidence:');
        for (const e of task.evidence) lines.push(`      - ${yamlString(e)}`);
      }
    }
    for (const m of measures) {
      const f = s.figures.get(m.id)![periodIndex]!;
      lines.push(typeof f === 'number' ? `    ${m.id}: ${f}` : `    ${m.id}: { value: ${f.value}, total: ${f.total} }`);
    }
    if (chance(rnd, 0.12)) lines.push(`    note: ${yamlString(pick(rnd, NOTES))}`);
  }
  const text = `${lines.join('\n')}\n`;
  return style.windows ? `\uFEFF${text.replace(/\n/gu, '\r\n')}` : text;
}

interface Series {
  /** The first reporting date at which the unit reports this criterion (a few start late). */
  firstReport: number;
  tasks: TaskState[];
  figures: Map<string, ({ value: number; total: number } | number)[]>;
}

interface Style {
  /** How dates are written. Unquoted ISO dates are avoided: js-yaml 3 (ajv-cli) reads them as Date objects. */
  dates: 'vn' | 'iso-quoted';
  /** Saved by a Windows editor: BOM and CRLF. */
  windows: boolean;
}

export interface Manifest {
  generatorVersion: number;
  seed: number;
  n: number;
  plans: number;
  progressFiles: number;
  files: number;
  bytes: number;
  /** sha256 over every file's path and content, in order. */
  digest: string;
  sourcePlanSha256: string;
}

/** Writes the tree for N communes into `out` (emptied first) and returns its manifest. */
export function generate(n: number, seed: number, out: string): Manifest {
  const shape = readPlanShape();
  rmSync(out, { recursive: true, force: true });
  const hash = createHash('sha256');
  let files = 0;
  let bytes = 0;
  let progressFiles = 0;
  // The editor modeline of each file points at the repository's schemas, wherever `out` is.
  const schemasFrom = (rel: string) => relative(dirname(join(out, rel)), join(REPO, 'schemas')).split(sep).join('/');
  const write = (rel: string, text: string) => {
    const abs = join(out, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    hash.update(`${rel}\0${text}\0`);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const reporting = shape.units.filter((u) => shape.reports.has(u.id));
  for (const commune of communes(n, seed)) {
    const rnd = mulberry32(seed * 31 + commune.index * 104_729 + 17);
    const style: Style = { dates: chance(rnd, 0.5) ? 'vn' : 'iso-quoted', windows: chance(rnd, 0.12) };
    const planFile = `plans/${commune.id}.yaml`;
    write(planFile, planText(shape, commune, schemasFrom(planFile)));
    for (const unit of reporting) {
      const series = new Map<string, Series>();
      for (const c of shape.reports.get(unit.id)!) {
        const figures = new Map<string, ({ value: number; total: number } | number)[]>();
        for (const m of c.measures ?? []) {
          figures.set(m.id, m.kind === 'ratio' ? ratioSeries(rnd, m.id) : m.kind === 'count' ? countSeries(rnd) : percentSeries(rnd));
        }
        series.set(c.id, { firstReport: chance(rnd, 0.12) ? int(rnd, 1, 2) : 0, tasks: taskSeries(rnd), figures });
      }
      PERIODS.forEach((period, i) => {
        const file = `progress/${commune.id}/${period.folder}/${unit.id}.yaml`;
        write(file, progressText(shape, commune, unit, i, series, style, rnd, schemasFrom(file)));
        progressFiles++;
      });
    }
  }
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION, seed, n, plans: n, progressFiles, files, bytes, digest: hash.digest('hex'),
    sourcePlanSha256: createHash('sha256').update(shape.text).digest('hex'),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The tree for N communes, generated only when missing or made by another generator/plan/seed. */
export function ensureTree(n: number, seed: number, out: string): { manifest: Manifest; reused: boolean } {
  const manifestFile = join(out, 'manifest.json');
  if (existsSync(manifestFile)) {
    const old = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const planSha = createHash('sha256').update(readFileSync(SOURCE_PLAN, 'utf8')).digest('hex');
    if (old.generatorVersion === GENERATOR_VERSION && old.seed === seed && old.n === n && old.sourcePlanSha256 === planSha) {
      return { manifest: old, reused: true };
    }
  }
  return { manifest: generate(n, seed, out), reused: false };
}

export const DEFAULT_SEED = 2025;
export const treeDir = (n: number) => join(REPO, 'tests/bench/.data', `n${n}`);

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const n = Number(option(args, '--n') ?? 100);
  const seed = Number(option(args, '--seed') ?? DEFAULT_SEED);
  if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(seed)) {
    process.stderr.write('usage: generate.js --n N [--seed S] [--out DIR]\n');
    process.exitCode = 2;
  } else {
    const out = resolve(option(args, '--out') ?? treeDir(n));
    const started = process.hrtime.bigint();
    const m = generate(n, seed, out);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`${out}: ${m.plans} plans + ${m.progressFiles} progress files = ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB, digest ${m.digest.slice(0, 16)} (${ms.toFixed(0)} ms)\n`);
  }
}
