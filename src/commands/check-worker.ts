import { parentPort } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { HEAVY_PARTS, Spool, spooled } from '../format/compact-report.js';
import { rollupEntry } from '../format/rollup/index.js';
import { FileList, ShareList, type FileListData } from '../load/file-list.js';
import { loadInputs } from '../load/load-inputs.js';
import { sniffAll, SniffedList, type SniffedData } from '../load/sniff.js';
import type { Diagnostic, Report } from '../types.js';
import type { CompactResult } from './check-collector.js';
import type { Needs } from './outputs.js';
import { planResult, type PlanSettings } from './plan-result.js';

/** What a worker is first given: a run of the files, whose first lines it reads (sniff.ts) while the others do the same. */
export interface SniffTask {
  files: FileListData;
}

/** What the main thread then gives a worker: its share of the files, whole plans each, and what check asks. */
export interface CheckTask {
  /** The files of the share that are not in the worker's run (SniffTask), in order. */
  others: FileListData;
  /** The place among all the files of the first file of the worker's run. */
  from: number;
  /** What the first lines of each file of the share say, as the workers found. */
  sniffed: SniffedData;
  /** Each file of the share: its place among all the files found, in order. */
  indices: Uint32Array<ArrayBuffer>;
  root?: string;
  strict?: boolean;
  settings: PlanSettings;
  needs: Needs;
  /** The spool file (its descriptor) where this worker writes the heavy parts of the whole reports it sends. */
  spool: number;
}

/** An evaluation error, as it crosses to the main thread (an Error loses its class on the way). */
export type CrossingError = { usage: { code: string; args: Diagnostic['args'] } } | { message: string };

/** What a worker sends back: each plan's result as soon as it is evaluated, then its findings. */
export type CheckMessage =
  | { type: 'sniffed'; sniffed: SniffedData }
  | { type: 'plan'; result: Omit<CompactResult, 'error'> & { error?: CrossingError } }
  | { type: 'done'; diagnostics: Diagnostic[]; counts: { files: number; plans: number; reports: number }; planFiles: [id: string, file: string, index: number][] };

/**
 * A worker thread's whole life (parallel-check.ts): says what the first lines of its run of files
 * name, then, given its share of the files, reads and checks them as loadInputs does, evaluates
 * each plan as soon as it is read, and sends its result: its line of the province's view when the
 * view is shown, and the report when it may be, its heavy parts written to the spool file; then
 * its findings.
 */
export function runCheckWorker(): void {
  const post = (message: CheckMessage) => parentPort!.postMessage(message);
  parentPort!.once('message', (sniff: SniffTask) => {
    const files = FileList.from(sniff.files);
    const sniffed = sniffAll(files.length, (i) => files.abs(i));
    parentPort!.postMessage({ type: 'sniffed', sniffed } satisfies CheckMessage, [sniffed.group.buffer, sniffed.plan.buffer]);
    parentPort!.once('message', (task: CheckTask) => check(task, new ShareList(files, task.from, FileList.from(task.others), task.indices), post));
  });
}

function check(task: CheckTask, files: ShareList, post: (message: CheckMessage) => void): void {
  // Without --plan every plan is evaluated: which one is first by id is known only at the end.
  const evaluateIt = (r: { matches: boolean }) => task.settings.plan === undefined || r.matches;
  const shown = mayBeShown(task);
  const spool = new Spool(task.spool);
  const inputs = loadInputs(files, {
    sniffed: new SniffedList(task.sniffed),
    root: task.root,
    strict: task.strict,
    onPlan: (plan, reports) => {
      const { report, error, ...rest } = planResult(plan, reports, task.settings, evaluateIt);
      const whole = shown(rest) && report !== undefined;
      post({ type: 'plan', result: { ...rest, ...(report ? { compact: compactOf(report, whole && spool, task.needs.view) } : {}), ...(error !== undefined ? { error: crossing(error) } : {}) } });
    },
  });
  post({ type: 'done', diagnostics: inputs.diagnostics, counts: inputs.counts, planFiles: [...inputs.planFiles].map(([id, file]) => [id, file, task.indices[inputs.planIndices.get(id)!]!]) });
}

/**
 * Whether a plan's whole report may be shown, as the collector decides (check-collector.ts): every
 * report when the outputs need them all or with --plan; else only the plan first by id, or the one
 * plan with the unit and area asked for. The first by id of all the plans read is the first of
 * those its worker read, and so at the time it was read: a plan after one with a smaller id is
 * shown only in the province's view, and its report is not sent (its heavy parts as text were
 * 40% of a worker's time at national scale).
 */
function mayBeShown(task: CheckTask): (r: { id: string; filtered: boolean }) => boolean {
  if (task.needs.reports || task.settings.plan !== undefined) return () => true;
  let least: string | undefined;
  let leastFiltered: string | undefined;
  return ({ id, filtered }) => {
    const first = least === undefined || id <= least;
    const firstFiltered = filtered && (leastFiltered === undefined || id <= leastFiltered);
    if (first) least = id;
    if (firstFiltered) leastFiltered = id;
    return first || firstFiltered;
  };
}

/** What is sent of a report: its line of the view if `view`, and, given a spool, the report itself, its heavy parts written there. */
function compactOf(report: Report, spool: Spool | false, view: boolean): NonNullable<CompactResult['compact']> {
  const compact: NonNullable<CompactResult['compact']> = view ? { entry: rollupEntry(report) } : {};
  if (!spool) return compact;
  const light = { ...report } as Record<string, unknown>;
  for (const part of HEAVY_PARTS) light[part] = null;
  return { ...compact, whole: { light: light as unknown as Report, places: spooled(report, spool) } };
}

function crossing(error: unknown): CrossingError {
  return error instanceof UsageError ? { usage: { code: error.code, args: error.args } } : { message: (error as Error).message };
}

/** The error again, on the main thread's side. */
export function uncrossed(error: CrossingError): Error {
  return 'usage' in error ? new UsageError(error.usage.code, error.usage.args) : new Error(error.message);
}
