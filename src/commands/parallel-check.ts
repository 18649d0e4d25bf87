import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Spool } from '../format/compact-report.js';
import type { Config } from '../load/config.js';
import { discoverList } from '../load/discover.js';
import type { FileList } from '../load/file-list.js';
import type { Inputs } from '../load/load-inputs.js';
import { Numbering, type SniffedData } from '../load/sniff.js';
import type { Diagnostic } from '../types.js';
import type { CompactResult } from './check-collector.js';
import { uncrossed, type CheckMessage, type CheckTask, type SniffTask } from './check-worker.js';
import { inputPaths, type GatherOptions } from './gather.js';
import type { Needs } from './outputs.js';
import type { PlanSettings } from './plan-result.js';

/** Below this many files one thread is quicker than starting workers (a commune has 17). */
export const PARALLEL_MIN_FILES = 1000;
/** Each worker's heap: plenty for the largest file cchc reads (5 MB). */
const WORKER_HEAP_MB = 192;
/**
 * Each worker's young generation: V8 otherwise grows it to 32 MB in each worker. 16 MB took 30 MB
 * off a run at every size (1,000 communes: 272 -> 218 MB) in the same time; 8 MB was 18% slower.
 */
const WORKER_YOUNG_MB = 16;

/** How many threads read files: CCHC_WORKERS when set (1: none), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv): number {
  const given = Number(env.CCHC_WORKERS);
  return Number.isInteger(given) && given >= 1 ? given : availableParallelism();
}

/** The CLI bundle, which a worker runs again (cli.ts sends it to check-worker.ts); none when cchc runs from source. */
function workerScript(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

export interface ParallelOptions {
  root?: string;
  strict?: boolean;
  settings: PlanSettings;
  /**
   * What the outputs need: every plan's whole report (else a worker sends it only for a plan that
   * may be shown), and the province's view (else no line of it is sent).
   */
  needs: Needs;
  /** Each plan's result, evaluated in a worker. */
  accept: (result: CompactResult) => void;
}

/**
 * Reads and evaluates a province's files in worker threads (issue 18): files are grouped by the
 * plan their first lines name (each worker reads those of a run of the files), the groups dealt
 * out in file order as runs of about equal size, and each worker reads and checks its groups as
 * loadInputs does and evaluates each plan, handing the result to `accept` here. Each plan's files
 * are in one worker, so every finding about a file is the same as in one thread, and the findings
 * are sorted afterwards. Undefined, before any plan is handed over or after, when the files must
 * be read in one thread instead: too few, a file whose first lines name no plan, a worker that
 * failed, or an error in the input (its message may name the plans a worker did not see). The
 * caller then starts over.
 */
export async function checkInParallel(files: FileList, options: ParallelOptions, workers: number): Promise<Inputs | undefined> {
  const script = workerScript();
  if (!script || workers < 2 || files.length < PARALLEL_MIN_FILES) return undefined;
  // Each worker first reads the first lines of a run of the files, so that they are grouped by
  // plan on both cores; it is then given what was found for its share, and reads none again.
  const run = Math.ceil(files.length / workers);
  const runOf = (w: number) => ({ from: w * run, length: Math.max(0, Math.min(run, files.length - w * run)) });
  const pool = Array.from({ length: workers }, (_, w) => startWorker(script, files.slice(runOf(w).from, runOf(w).from + run)));
  const runs = await Promise.all(pool.map((p) => sniffedBy(p.worker)));
  const shards = runs.every((r, w) => r.group.length === runOf(w).length) ? dealt(runs, workers) : undefined;
  if (!shards) {
    await Promise.all(pool.map((p) => p.worker.terminate()));
    return undefined;
  }
  const found: Found = { diagnostics: [], counts: { files: 0, plans: 0, reports: 0 }, planFiles: [], failed: false };
  await Promise.all(pool.map((p, w) => (w < shards.length ? checkShard(p, shards[w]!, files, runOf(w), options, found) : p.worker.terminate())));
  if (found.failed || found.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const planFiles = found.planFiles.sort((a, b) => a[2] - b[2]);
  return {
    plans: new Map(),
    planFiles: new Map(planFiles.map(([id, file]) => [id, file])),
    planIndices: new Map(planFiles.map(([id, , index]) => [id, index])),
    reports: [],
    diagnostics: found.diagnostics,
    counts: found.counts,
    files,
  };
}

/** What the workers found, gathered as they finish. */
interface Found {
  diagnostics: Diagnostic[];
  counts: { files: number; plans: number; reports: number };
  planFiles: [id: string, file: string, index: number][];
  failed: boolean;
}

/** A worker's share: the places of its files among all, in order, and what their first lines name. */
interface Shard {
  indices: Uint32Array<ArrayBuffer>;
  sniffed: SniffedData;
}

/** Each file's group: the place of the plan its first lines name, numbered across the runs in the order first met; undefined when a file names none. */
function grouped(runs: SniffedData[]): { group: Int32Array; isPlan: Uint8Array; ids: string[] } | undefined {
  const count = runs.reduce((n, run) => n + run.group.length, 0);
  const group = new Int32Array(count);
  const isPlan = new Uint8Array(count);
  const ids = new Numbering<string>();
  let at = 0;
  for (const run of runs) {
    const numbers = run.ids.map((id) => ids.of(id));
    for (let i = 0; i < run.group.length; i++, at++) {
      const local = run.group[i]!;
      if (local < 0) return undefined;
      group[at] = numbers[local]!;
      isPlan[at] = run.plan[i]!;
    }
  }
  return { group, isPlan, ids: ids.met };
}

/**
 * The files grouped by the plan their first lines name (`runs`: what each worker found, in file
 * order) and dealt out as runs of whole groups of about equal size; undefined when a file names
 * no plan or no file was found. Kept as numbers: a province has 56,100 files.
 */
function dealt(runs: SniffedData[], workers: number): Shard[] | undefined {
  const found = grouped(runs);
  if (!found || found.group.length === 0) return undefined;
  const { group, isPlan, ids } = found;
  const count = group.length;
  const sizes = new Uint32Array(ids.length);
  for (const g of group) sizes[g]!++;
  // Whole groups to each worker in turn, until it has about its share.
  const shardOf = new Uint32Array(ids.length);
  const share = count / workers;
  let shard = 0;
  let filled = 0;
  sizes.forEach((size, g) => {
    shardOf[g] = shard;
    filled += size;
    if (filled >= share && shard < workers - 1) {
      shard++;
      filled = 0;
    }
  });
  const shardCount = filled > 0 ? shard + 1 : shard;
  return Array.from({ length: shardCount }, (_, s) => {
    const indices: number[] = [];
    for (let i = 0; i < count; i++) if (shardOf[group[i]!] === s) indices.push(i);
    // The shard's plan ids, numbered again in the order they are met in it.
    const local = new Numbering<number>();
    const sniffed: SniffedData = { ids: [], group: new Int32Array(indices.length), plan: new Uint8Array(indices.length) };
    indices.forEach((i, k) => {
      sniffed.group[k] = local.of(group[i]!);
      sniffed.plan[k] = isPlan[i]!;
    });
    sniffed.ids = local.met.map((g) => ids[g]!);
    return { indices: Uint32Array.from(indices), sniffed };
  });
}

/**
 * Hands a worker its shard (it has the files of its run already), passes each plan it evaluates
 * to `accept`, and gathers its findings into `found`.
 */
function checkShard({ worker, exited }: Started, shard: Shard, files: FileList, run: { from: number; length: number }, options: ParallelOptions, found: Found): Promise<void> {
  let finished = false;
  worker.on('message', (message: CheckMessage) => {
    if (message.type === 'plan') {
      const { error, ...result } = message.result;
      if (!found.failed) options.accept({ ...result, ...(error !== undefined ? { error: uncrossed(error) } : {}) });
      return;
    }
    if (message.type !== 'done') return;
    finished = true;
    found.diagnostics.push(...message.diagnostics);
    found.counts.files += message.counts.files;
    found.counts.plans += message.counts.plans;
    found.counts.reports += message.counts.reports;
    found.planFiles.push(...message.planFiles);
  });
  const others = files.pick(shard.indices.filter((i) => i < run.from || i >= run.from + run.length));
  const task: CheckTask = {
    others: others.data, from: run.from, sniffed: shard.sniffed, indices: shard.indices,
    root: options.root, strict: options.strict, settings: options.settings, needs: options.needs,
    // Opened here: a file a worker opens is closed when the worker ends, before its reports are read.
    spool: new Spool().open(),
  };
  // Moved, not copied: nothing of the shard stays on this side.
  worker.postMessage(task, [...others.transfer, shard.indices.buffer, shard.sniffed.group.buffer, shard.sniffed.plan.buffer]);
  return exited.then((clean) => {
    if (!clean || !finished) found.failed = true;
  });
}

interface Started {
  worker: Worker;
  /** Whether it ended without error. */
  exited: Promise<boolean>;
}

/** A worker reading the first lines of `files`, given as a message: workerData would be kept for the worker's whole life. */
function startWorker(script: string, files: FileList): Started {
  const worker = new Worker(script, { workerData: { cchcWorker: 'check' }, argv: [], stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  let errored = false;
  worker.on('error', () => {
    errored = true;
  });
  const exited = new Promise<boolean>((done) => worker.on('exit', () => done(!errored)));
  const task: SniffTask = { files: files.data };
  worker.postMessage(task, files.transfer);
  return { worker, exited };
}

/** What a worker that failed found: no file, which makes the files be read in one thread. */
const NOTHING: SniffedData = { ids: [], group: new Int32Array(0), plan: new Uint8Array(0) };

/** What the first lines of a worker's files name (NOTHING, should it fail). */
function sniffedBy(worker: Worker): Promise<SniffedData> {
  return new Promise((done) => {
    const failed = () => done(NOTHING);
    worker.once('exit', failed);
    worker.once('message', (message: CheckMessage) => {
      worker.off('exit', failed);
      done(message.type === 'sniffed' ? message.sniffed : NOTHING);
    });
  });
}

/**
 * gather() for `check` over worker threads: undefined when the files are to be read in one thread
 * instead, by gather() with a fresh collector (results may have been accepted already).
 */
export async function gatherInParallel(options: GatherOptions, config: Config | undefined, parallel: Pick<ParallelOptions, 'settings' | 'needs' | 'accept'>, workers: number): Promise<Inputs | undefined> {
  const { paths } = inputPaths(options, config);
  const { files, diagnostics } = discoverList(paths, options.cwd);
  const root = config ? dirname(config.abs) : options.cwd;
  const inputs = await checkInParallel(files, { root, strict: options.strict, ...parallel }, workers);
  if (!inputs || inputs.counts.plans === 0) return undefined;
  inputs.diagnostics.unshift(...diagnostics);
  return inputs;
}
