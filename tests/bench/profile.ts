// `npm run bench:profile`: where `cchc check` spends its time on the N = 100 tree.
//
// Runs `node --cpu-prof dist/cli.js check <tree> --format json` once (the unbundled build) and sums the .cpuprofile:
// self time per function and per module (npm package, cchc's own dist/ file, Node internals, GC),
// and inclusive time of cchc's own functions (each sample counted once per function on its stack).
//
//   npm run bench:profile -- [--n 100] [--command check|validate|version|example] [--interval 250] [--top 15]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLI_COPY, copyCli } from './cli-copy.js';
import { DEFAULT_SEED, ensureTree, REPO, treeDir } from './generate.js';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The module a frame belongs to: an npm package, a cchc dist/ file, Node's internals or the VM. */
export function moduleOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.replace(/^file:\/\//u, '');
  const nm = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(path);
  if (nm) return nm[1]!;
  if (path.startsWith(`${CLI_COPY}/dist/`)) return `cchc ${path.slice(CLI_COPY.length + 1)}`;
  if (path.startsWith(`${REPO}/dist/`)) return `cchc ${path.slice(REPO.length + 1)}`;
  if (path.startsWith(`${REPO}/`)) return path.slice(REPO.length + 1);
  return path;
}

function where(frame: CallFrame): string {
  if (frame.url === '') return '';
  const path = frame.url.replace(/^file:\/\//u, '');
  const shown = path.startsWith(`${CLI_COPY}/`) ? path.slice(CLI_COPY.length + 1)
    : path.startsWith(`${REPO}/`) ? path.slice(REPO.length + 1).replace(/^node_modules\//u, '') : path;
  return `${shown}:${frame.lineNumber + 1}`;
}

const keyOf = (f: CallFrame) => `${f.functionName || '(anonymous)'}\u0000${where(f)}`;

export interface ProfileSummary {
  command: string[];
  totalMs: number;
  samples: number;
  byFunction: { function: string; at: string; module: string; selfMs: number; selfPct: number }[];
  byModule: { module: string; selfMs: number; selfPct: number }[];
  cchcInclusive: { function: string; at: string; totalMs: number; totalPct: number }[];
  /** Library, Node and builtin functions called directly from cchc's code, inclusive. */
  callsOut: { function: string; at: string; module: string; totalMs: number; totalPct: number }[];
}

export function summarise(profile: CpuProfile, command: string[], top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, { frame: CallFrame; us: number }>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, { frame: CallFrame; us: number }>();
  const boundary = new Map<string, { frame: CallFrame; us: number }>();
  const isOwn = (f: CallFrame) => moduleOf(f).startsWith('cchc ');
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const node = byId.get(id)!;
    const k = keyOf(node.callFrame);
    const e = self.get(k) ?? { frame: node.callFrame, us: 0 };
    e.us += us;
    self.set(k, e);
    const m = moduleOf(node.callFrame);
    modules.set(m, (modules.get(m) ?? 0) + us);
    const seen = new Set<string>();
    const count = (into: typeof inclusive, frame: CallFrame, key: string) => {
      const x = into.get(key) ?? { frame, us: 0 };
      x.us += us;
      into.set(key, x);
    };
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const up = parent.get(at);
      const caller = up === undefined ? undefined : byId.get(up)!.callFrame;
      const own = isOwn(frame);
      // A call out of cchc's code into a library, Node or a builtin: what the work costs there.
      const key = (own ? '' : 'out\u0000') + keyOf(frame);
      if (seen.has(key)) continue;
      if (own) count(inclusive, frame, key);
      // (commander only calls back into cchc: its time is cchc's.)
      else if (caller && isOwn(caller) && moduleOf(frame) !== 'commander') count(boundary, frame, key);
      else continue;
      seen.add(key);
    }
  });
  const ms = (us: number) => Math.round(us / 100) / 10;
  const pct = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    command,
    totalMs: ms(total),
    samples: profile.samples.length,
    byFunction: [...self.values()].sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({
      function: e.frame.functionName || '(anonymous)', at: where(e.frame), module: moduleOf(e.frame), selfMs: ms(e.us), selfPct: pct(e.us),
    })),
    byModule: [...modules].sort((a, b) => b[1] - a[1]).map(([module, us]) => ({ module, selfMs: ms(us), selfPct: pct(us) })),
    cchcInclusive: [...inclusive.values()].sort((a, b) => b.us - a.us).slice(0, 25).map((e) => ({
      function: e.frame.functionName || '(anonymous)', at: where(e.frame), totalMs: ms(e.us), totalPct: pct(e.us),
    })),
    callsOut: [...boundary.values()].sort((a, b) => b.us - a.us).slice(0, 20).map((e) => ({
      function: e.frame.functionName || '(anonymous)', at: where(e.frame), module: moduleOf(e.frame), totalMs: ms(e.us), totalPct: pct(e.us),
    })),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const n = Number(option(args, '--n') ?? 100);
  const what = option(args, '--command') ?? 'check';
  const interval = Number(option(args, '--interval') ?? 250);
  const top = Number(option(args, '--top') ?? 15);
  const tree = treeDir(n);
  ensureTree(n, Number(option(args, '--seed') ?? DEFAULT_SEED), tree);
  const rel = relative(REPO, tree);
  const dir = mkdtempSync(join(REPO, 'tests/bench/.data/prof-'));
  const commands: Record<string, string[]> = {
    check: ['check', rel, '--format', 'json', '--as-of', '2025-12-31', '--no-color'],
    validate: ['validate', rel, '--no-color'],
    version: ['--version'],
    example: ['check', '--no-color'], // the bundled example, through cchc.config.yaml
  };
  const cchcArgs = commands[what];
  if (!cchcArgs) throw new Error(`--command must be one of ${Object.keys(commands).join(', ')}`);
  const cli = copyCli();
  // The unbundled build (tsc's one module per source file, beside the bundle in dist/): the
  // bundle would put every function of cchc and its packages into a few chunk files, and the
  // summary attributes time by module. Both builds run the same code.
  const bin = relative(REPO, join(CLI_COPY, 'dist/cli.js'));
  const argv = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', String(interval), bin, ...cchcArgs];
  try {
    const r = spawnSync(process.execPath, argv, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`cchc exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    const summary = { distDigest: cli.distDigest, ...summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, ['node', ...argv.filter((a) => a !== dir)], top) };

    const out: string[] = [`node ${argv.slice(5).join(' ')}: ${summary.totalMs} ms sampled (${summary.samples} samples every ${interval} µs)`, ''];
    out.push(`top ${top} functions by self time`);
    for (const f of summary.byFunction) out.push(`  ${f.selfMs.toFixed(1).padStart(8)} ms ${f.selfPct.toFixed(1).padStart(5)}%  ${f.function}  ${f.at}`);
    out.push('', 'self time by module');
    for (const m of summary.byModule.filter((x) => x.selfPct >= 0.3)) out.push(`  ${m.selfMs.toFixed(1).padStart(8)} ms ${m.selfPct.toFixed(1).padStart(5)}%  ${m.module}`);
    out.push('', "cchc's own functions, inclusive time");
    for (const f of summary.cchcInclusive) out.push(`  ${f.totalMs.toFixed(1).padStart(8)} ms ${f.totalPct.toFixed(1).padStart(5)}%  ${f.function}  ${f.at}`);
    out.push('', 'calls from cchc into libraries, Node and builtins, inclusive');
    for (const f of summary.callsOut) out.push(`  ${f.totalMs.toFixed(1).padStart(8)} ms ${f.totalPct.toFixed(1).padStart(5)}%  ${f.function}  ${f.at || f.module}`);
    out.push('', 'written to tests/bench/last-profile.json', '');
    process.stdout.write(out.join('\n'));
    writeFileSync(join(REPO, 'tests/bench/last-profile.json'), `${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
