import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../load/config.js';
import { discover, type FoundFile } from '../load/discover.js';
import type { Inputs } from '../load/load-inputs.js';
import type { Sniffed } from '../load/sniff.js';
import type { Diagnostic } from '../types.js';
import type { CompactResult } from './check-collector.js';
import { uncrossed, type CheckMessage, type CheckTask, type SniffTask } from './check-worker.js';
import { inputPaths, type GatherOptions } from './gather.js';
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
  /** Every plan's whole report is wanted (collector): else a worker sends it only for a plan that may be shown. */
  keepReports: boolean;
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
export async function checkInParallel(files: readonly FoundFile[], options: ParallelOptions, workers: number): Promise<Inputs | undefined> {
  const script = workerScript();
  if (!script || workers < 2 || files.length < PARALLEL_MIN_FILES) return undefined;
  // Each worker first reads the first lines of a run of the files, so that they are grouped by
  // plan on both cores; it is then given what was found for its share, and reads none again.
  const run = Math.ceil(files.length / workers);
  const pool = Array.from({ length: workers }, (_, w) => startWorker(script, files.slice(w * run, (w + 1) * run)));
  const shards = dealt(files.length, await Promise.all(pool.map((p) => sniffedBy(p.worker))), workers);
  if (!shards) {
    await Promise.all(pool.map((p) => p.worker.terminate()));
    return undefined;
  }
  const found: Found = { diagnostics: [], counts: { files: 0, plans: 0, reports: 0 }, planFiles: [], failed: false };
  // Shards in worker order, each let go of once handed over: at national scale it is 28,000 files' worth.
  await Promise.all(pool.map((p) => {
    const shard = shards.shift();
    return shard ? checkShard(p, shard, files, options, found) : p.worker.terminate();
  }));
  if (found.failed || found.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return {
    plans: new Map(),
    planFiles: new Map(found.planFiles.sort((a, b) => a[2] - b[2]).map(([id, file]) => [id, file])),
    reports: [],
    diagnostics: found.diagnostics,
    counts: found.counts,
    files: files.map((f) => f.abs),
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
  indices: number[];
  sniffed: Sniffed[];
}

/**
 * The files grouped by the plan their first lines name (`runs`: what each worker found, in file
 * order) and dealt out as runs of whole groups of about equal size; undefined when a file names
 * no plan or a worker found nothing.
 */
function dealt(count: number, runs: Sniffed[][], workers: number): Shard[] | undefined {
  const sniffed = runs.flat();
  if (sniffed.length !== count || sniffed.some((x) => x === undefined)) return undefined;
  const groups = new Map<string, number[]>();
  sniffed.forEach((x, i) => {
    const group = groups.get(x!.plan);
    if (group) group.push(i);
    else groups.set(x!.plan, [i]);
  });
  const shards: number[][] = [];
  let shard: number[] = [];
  const share = count / workers;
  for (const indices of groups.values()) {
    shard.push(...indices);
    if (shard.length >= share && shards.length < workers - 1) {
      shards.push(shard);
      shard = [];
    }
  }
  if (shard.length > 0) shards.push(shard);
  return shards.map((indices) => {
    indices.sort((a, b) => a - b);
    return { indices, sniffed: indices.map((i) => sniffed[i]) };
  });
}

/** Hands a worker its shard, passes each plan it evaluates to `accept`, and gathers its findings into `found`. */
function checkShard({ worker, exited }: Started, shard: Shard, files: readonly FoundFile[], options: ParallelOptions, found: Found): Promise<void> {
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
  const task: CheckTask = {
    files: shard.indices.map((i) => files[i]!), sniffed: shard.sniffed, indices: shard.indices,
    root: options.root, strict: options.strict, settings: options.settings, keepReports: options.keepReports,
  };
  worker.postMessage(task);
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
function startWorker(script: string, files: readonly FoundFile[]): Started {
  const worker = new Worker(script, { workerData: { cchcWorker: 'check' }, argv: [], stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  let errored = false;
  worker.on('error', () => {
    errored = true;
  });
  const exited = new Promise<boolean>((done) => worker.on('exit', () => done(!errored)));
  const task: SniffTask = { paths: files.map((f) => f.abs) };
  worker.postMessage(task);
  return { worker, exited };
}

/**
 * What the first lines of a worker's files name (none, should it fail). Nothing is left holding
 * the answer once it is taken: it is 28,000 entries at national scale.
 */
function sniffedBy(worker: Worker): Promise<Sniffed[]> {
  return new Promise((done) => {
    const failed = () => done([]);
    worker.once('exit', failed);
    worker.once('message', (message: CheckMessage) => {
      worker.off('exit', failed);
      done(message.type === 'sniffed' ? message.sniffed : []);
    });
  });
}

/**
 * gather() for `check` over worker threads: undefined when the files are to be read in one thread
 * instead, by gather() with a fresh collector (results may have been accepted already).
 */
export async function gatherInParallel(options: GatherOptions, config: Config | undefined, parallel: Pick<ParallelOptions, 'settings' | 'keepReports' | 'accept'>, workers: number): Promise<Inputs | undefined> {
  const { paths } = inputPaths(options, config);
  const { files, diagnostics } = discover(paths, options.cwd);
  const root = config ? dirname(config.abs) : options.cwd;
  const inputs = await checkInParallel(files, { root, strict: options.strict, ...parallel }, workers);
  if (!inputs || inputs.counts.plans === 0) return undefined;
  inputs.diagnostics.unshift(...diagnostics);
  return inputs;
}
