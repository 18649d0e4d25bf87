import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Plan, PlanOutline, ProgressReport } from '../types.js';
import { copy, detachedCopy, detachLongStrings } from '../util/detach-strings.js';
import { loadPlan, planOutline } from '../validate/plan.js';
import { loadProgress } from '../validate/progress.js';
import { pathSet, type Files, type PathSet } from './file-list.js';
import { locate, type Position } from './locate.js';
import { FORM_SHEETS } from '../authoring/form-layout.js';
import { readSource } from './read-source.js';
import { sniffFile, type Sniffed } from './sniff.js';
import type { Source } from './source.js';

export interface Inputs {
  /** The plans read (none when handed over to LoadOptions.onPlan, or with findingsOnly). */
  plans: Map<string, Plan>;
  /** Every plan read without error, by id, in the order of their files: its file. */
  planFiles: Map<string, string>;
  reports: ProgressReport[];
  diagnostics: Diagnostic[];
  counts: { files: number; plans: number; reports: number };
  /** Every file read, by its absolute path. */
  files: PathSet;
  /** Each plan in planFiles: the place of its file among the files given. */
  planIndices: Map<string, number>;
}

type Kind = 'plan' | 'progress' | 'config';

function kindOf(source: Source): Kind | Diagnostic {
  const data = source.data as Record<string, unknown>;
  const schema = typeof data === 'object' && !Array.isArray(data) ? data.schema : undefined;
  const at = (code: string, args: Diagnostic['args']): Diagnostic => {
    const pos = locate(source, ['schema']);
    return { severity: 'error', code, args, file: source.file, line: pos.line, column: pos.column };
  };
  if (schema === undefined) return at('not-cchc-file', {});
  // `schema: {}` must read as what was written, not "[object Object]".
  const written = typeof schema === 'string' ? schema : JSON.stringify(schema) ?? String(schema);
  const m = /^cchc\/(plan|progress|config)@(\d+)$/u.exec(written);
  if (!m) return at('schema-unknown', { schema: written });
  if (m[2] !== '1') return at('schema-future', { schema: written });
  return m[1] as Kind;
}

export interface LoadOptions {
  /** The repository root: evidence paths are relative to it (or to the progress file's folder). */
  root?: string;
  strict?: boolean;
  /**
   * Only the findings are wanted (`cchc validate`): no report is kept (at N = 1,000 the reports
   * are some 130 MB), and of each plan only its outline, what progress files are checked against.
   * `Inputs.plans` and `.reports` are then empty. Not with onPlan.
   */
  findingsOnly?: boolean;
  /** Text held for progress files that wait for their plan (default HELD_BYTES; tests set 0). */
  heldBytes?: number;
  /**
   * Given: each plan is handed over with its reports (in file order, duplicates left out) as soon
   * as its files are read, and let go of, so that a province's plans and reports are never in
   * memory together; `Inputs.plans` and `.reports` stay empty. Files are read grouped by the plan
   * their first lines name (sniff.ts). Should that guess prove wrong for a file whose plan was
   * already handed over, the plan is handed over again, with that file's report: the last one
   * given for a plan id is the one that counts.
   */
  onPlan?: (plan: Plan, reports: ProgressReport[]) => void;
  /** With onPlan: what sniffFile says of each file, in the order of the files, when it is known already (a worker thread is given what the workers found). */
  sniffed?: { at(index: number): Sniffed };
}

/**
 * Text held for progress files that wait for their plan: beyond it they are read again later
 * rather than kept (a folder such as `bao-cao/` sorts before `ke-hoach/`, so a whole province's
 * progress files can come before their plans).
 */
const HELD_BYTES = 32 * 1024 * 1024;

/** A progress file met before its plan: kept whole, or only named when over HELD_BYTES. */
type Waiting = { index: number; plan: string | undefined; source?: Source };

/** What the check for two reports of one unit and date needs, and the report unless not kept. */
type Loaded = { index: number; key: string; file: string; unit: string; asOf: string; asOfAt: Position; report?: ProgressReport };

/**
 * Reads every file, tells plans from progress files by their `schema:` line, checks each, then
 * checks across files. All problems of all files are returned together, not only the first.
 */
export function loadInputs(files: Files, options: LoadOptions = {}): Inputs {
  const loader = new Loader(files, options);
  if (options.onPlan) loader.readGrouped();
  else loader.readInOrder();
  return loader.finish();
}

class Loader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly counts: Inputs['counts'];
  /** Every plan read and not yet handed over (all of them, without onPlan), as progress files are checked against it. */
  private readonly outlines = new Map<string, PlanOutline>();
  /** The same plans whole; none with findingsOnly. */
  private readonly plans = new Map<string, Plan>();
  /** Every plan read without error: its file, and its index among the files. */
  private readonly planFiles = new Map<string, { file: string; index: number }>();
  private readonly brokenPlans = new Set<string>();
  /** Progress files checked without error, by plan. */
  private readonly loaded = new Map<string, Loaded[]>();
  private readonly waiting: Waiting[] = [];
  private held = 0;
  /** With onPlan: the files of each plan handed over, and files found to be its afterwards. */
  private readonly handedOver = new Map<string, number[]>();
  private readonly late = new Map<string, number[]>();
  /** The duplicate-report findings of each plan handed over: replaced if it is handed over again. */
  private readonly duplicateFindings = new Map<string, Diagnostic[]>();
  /** The cell of each line, for each Excel progress form read. */
  private readonly formCells = new Map<string, (string | undefined)[]>();

  constructor(
    private readonly files: Files,
    private readonly options: LoadOptions,
  ) {
    if (options.findingsOnly && options.onPlan) throw new Error('loadInputs: findingsOnly hands no plan over');
    this.counts = { files: files.length, plans: 0, reports: 0 };
  }

  /** Whether an evidence path of the progress file at `index` names a file: from the repository root, else from the file's folder. */
  private evidenceExists(path: string, index: number): boolean {
    const { root } = this.options;
    return isAbsolute(path) ? existsSync(path)
      : (root !== undefined && existsSync(resolve(root, path))) || existsSync(resolve(dirname(this.files.at(index)!.abs), path));
  }

  /**
   * Each file is dropped as soon as it is checked: a parsed YAML document takes many times the
   * memory of its text, and a province has tens of thousands of files. A progress file is checked
   * against its plan, so one met before its plan waits for the end.
   */
  readInOrder(): void {
    for (let index = 0; index < this.files.length; index++) this.read(index);
    this.readWaiting(this.waiting.splice(0));
  }

  /**
   * The files of one plan after another, each plan handed over once its files are read: first
   * the files whose first lines name no plan, then the groups in the order they are first met.
   */
  readGrouped(): void {
    const groups = new Map<string, { plans: number[]; progress: number[] }>();
    const unnamed: number[] = [];
    const known = this.options.sniffed;
    for (let index = 0; index < this.files.length; index++) {
      const sniffed = known ? known.at(index) : sniffFile(this.files.at(index)!.abs);
      if (!sniffed) {
        unnamed.push(index);
        continue;
      }
      let group = groups.get(sniffed.plan);
      if (!group) groups.set(sniffed.plan, (group = { plans: [], progress: [] }));
      (sniffed.kind === 'plan' ? group.plans : group.progress).push(index);
    }
    // A plan among them whose id a group's plan file has, earlier in file order, waits for that
    // group: of two plans with one id, the first file's is the one kept, as reading in order does.
    const laterPlan = (id: string, index: number) => {
      const group = groups.get(id);
      if (!group || !group.plans.some((i) => i < index)) return false;
      group.plans.push(index);
      group.plans.sort((a, b) => a - b);
      return true;
    };
    for (const index of unnamed) this.read(index, laterPlan);
    for (const [planId, group] of groups) {
      groups.delete(planId);
      // The plan's own file first, wherever it sorts among its progress files.
      for (const index of group.plans) this.read(index);
      for (const index of group.progress) this.read(index);
      if (!this.outlines.has(planId)) continue;
      this.readWaiting(extract(this.waiting, (w) => w.plan === planId));
      this.handOver(planId);
    }
    this.readWaiting(this.waiting.splice(0));
    for (const planId of [...this.outlines.keys()]) this.handOver(planId);
    for (const planId of [...this.late.keys()]) this.readAgain(planId);
  }

  /** Reads and checks one file; a plan for which `later` says so is left to be read again later. */
  private read(index: number, later?: (id: string, index: number) => boolean): void {
    const { source, diagnostics } = this.readFile(index);
    this.diagnostics.push(...diagnostics);
    if (!source) return;
    const kind = kindOf(source);
    if (typeof kind !== 'string') this.diagnostics.push(kind);
    else if (kind === 'plan') {
      const id = (source.data as { id?: unknown }).id;
      if (!(later && typeof id === 'string' && later(id, index))) this.addPlan(source, index);
    }
    else if (kind === 'progress') {
      this.counts.reports++;
      const planId = (source.data as { plan?: unknown }).plan;
      const plan = typeof planId === 'string' ? planId : undefined;
      if (plan !== undefined && (this.outlines.has(plan) || this.handedOver.has(plan))) this.addProgress(source, index);
      else {
        const keep = this.held + source.text.length <= (this.options.heldBytes ?? HELD_BYTES);
        if (keep) this.held += source.text.length;
        this.waiting.push({ index, plan, ...(keep ? { source } : {}) });
      }
    }
    // A cchc.config.yaml met while searching a folder is recognised and left to the config loader.
  }

  /** Progress files that waited for their plan. */
  private readWaiting(waiting: readonly Waiting[]): void {
    for (const w of waiting) {
      if (w.source) this.held -= w.source.text.length;
      // A file read again has already had its reading problems reported.
      const source = w.source ?? this.readFile(w.index).source;
      if (source) this.addProgress(source, w.index);
    }
  }

  private addPlan(source: Source, index: number, quiet = false): void {
    if (!quiet) this.counts.plans++;
    const { plan: loadedPlan, diagnostics } = loadPlan(source);
    if (!quiet) this.diagnostics.push(...diagnostics);
    const id = (source.data as { id?: unknown }).id;
    if (!loadedPlan) {
      if (typeof id === 'string') this.brokenPlans.add(id);
      return;
    }
    const other = this.planFiles.get(loadedPlan.id);
    if (other && other.index !== index) {
      const pos = locate(source, ['id']);
      this.diagnostics.push({ severity: 'error', code: 'duplicate-plan', args: { id: loadedPlan.id, other: other.file }, file: source.file, line: pos.line, column: pos.column });
      return;
    }
    // Only a plan that is kept is copied off its file's text, and only the copy's strings are
    // kept: the plan's id as read is a slice of the text, and as a key of planFiles would keep
    // the whole text alive (tests/loader.test.ts, "what is kept of the files read").
    const whole = this.options.findingsOnly ? undefined : detachedCopy(loadedPlan);
    const plan = whole ?? detachedCopy(planOutline(loadedPlan));
    this.outlines.set(plan.id, plan);
    if (whole) this.plans.set(whole.id, whole);
    this.planFiles.set(plan.id, { file: plan.file, index });
  }

  /** Checks a progress file against its plan; one whose plan was handed over is kept for later. */
  private addProgress(source: Source, index: number, quiet = false): void {
    const planId = (source.data as { plan?: unknown }).plan;
    if (typeof planId === 'string' && !this.outlines.has(planId) && this.handedOver.has(planId)) {
      const late = this.late.get(planId);
      if (late) late.push(index);
      else this.late.set(planId, [index]);
      return;
    }
    const plans = { get: (id: string) => this.outlines.get(id), keys: () => this.planIds() };
    const keep = !this.options.findingsOnly;
    const { report: loadedReport, diagnostics } = loadProgress(source, plans, this.brokenPlans, { evidenceExists: (path) => this.evidenceExists(path, index), strict: this.options.strict, lines: keep });
    if (!quiet) this.diagnostics.push(...diagnostics);
    if (!loadedReport) return;
    // A report kept is detached from the file's text; one not kept (validate) is dropped here, and
    // only what the duplicate check needs is copied out of it.
    const report = keep ? detachLongStrings(loadedReport) : loadedReport;
    const [plan, unit, asOf] = [copy(report.plan), copy(report.unit), report.asOf];
    const entry: Loaded = { index, key: `${plan}\u0000${unit}\u0000${asOf}`, file: report.file, unit, asOf, asOfAt: locate(source, ['asOf']) };
    if (keep) entry.report = report;
    const list = this.loaded.get(plan);
    if (list) list.push(entry);
    else this.loaded.set(plan, [entry]);
  }

  /** Plan ids in the order of their files, for "unknown plan" findings. */
  private planIds(): IterableIterator<string> {
    return [...this.planFiles].sort((a, b) => a[1].index - b[1].index).map(([id]) => id)[Symbol.iterator]();
  }

  /** Reports in the order of their files; of two for one unit and date, the first file's. */
  private reportsOf(loaded: Loaded[]): { reports: ProgressReport[]; duplicates: Diagnostic[] } {
    loaded.sort((a, b) => a.index - b.index);
    const reports: ProgressReport[] = [];
    const duplicates: Diagnostic[] = [];
    const firstFile = new Map<string, string>();
    for (const { key, file, unit, asOf, asOfAt, report } of loaded) {
      const other = firstFile.get(key);
      if (other !== undefined) {
        duplicates.push({ severity: 'error', code: 'duplicate-report', args: { unit, asOf, other }, file, line: asOfAt.line, column: asOfAt.column });
        continue;
      }
      firstFile.set(key, file);
      if (report) reports.push(report);
    }
    return { reports, duplicates };
  }

  private handOver(planId: string): void {
    const plan = this.plans.get(planId)!;
    const loaded = this.loaded.get(planId) ?? [];
    const { reports, duplicates } = this.reportsOf(loaded);
    const before = this.duplicateFindings.get(planId);
    if (before) {
      const stale = new Set(before);
      extract(this.diagnostics, (d) => stale.has(d));
    }
    this.duplicateFindings.set(planId, duplicates);
    this.diagnostics.push(...duplicates);
    this.outlines.delete(planId);
    this.plans.delete(planId);
    this.loaded.delete(planId);
    this.handedOver.set(planId, loaded.map((l) => l.index));
    this.options.onPlan?.(plan, reports);
  }

  /** A plan handed over before all its files were read: read again with them, handed over again. */
  private readAgain(planId: string): void {
    const late = this.late.get(planId)!;
    this.late.delete(planId);
    const planFile = this.planFiles.get(planId)!;
    const planSource = this.readFile(planFile.index).source;
    if (planSource) this.addPlan(planSource, planFile.index, true);
    if (!this.outlines.has(planId)) return;
    const before = new Set(this.handedOver.get(planId));
    this.handedOver.delete(planId);
    for (const index of [...before, ...late].sort((a, b) => a - b)) {
      const source = this.readFile(index).source;
      if (source) this.addProgress(source, index, before.has(index));
    }
    this.handOver(planId);
  }

  /** Reads a file; for an Excel progress form, keeps which cell each line of its YAML came from. */
  private readFile(index: number): ReturnType<typeof readSource> {
    const f = this.files.at(index)!;
    const read = readSource(f.abs, f.file);
    if (read.source?.cells) this.formCells.set(f.file, read.source.cells);
    return read;
  }

  finish(): Inputs {
    const { reports, duplicates } = this.reportsOf([...this.loaded.values()].flat());
    this.loaded.clear();
    this.diagnostics.push(...duplicates);
    // A finding in an Excel form is shown at its cell, not at a line of the YAML it was read as.
    for (const d of this.diagnostics) {
      const cells = this.formCells.get(d.file);
      if (!cells || d.line === undefined) continue;
      d.cell = cells[d.line - 1] ?? FORM_SHEETS.report;
      delete d.line;
      delete d.column;
    }
    const planFiles = [...this.planFiles].sort((a, b) => a[1].index - b[1].index);
    return {
      plans: this.plans,
      planFiles: new Map(planFiles.map(([id, { file }]) => [id, file])),
      planIndices: new Map(planFiles.map(([id, { index }]) => [id, index])),
      reports,
      diagnostics: this.diagnostics,
      counts: this.counts,
      files: pathSet(this.files),
    };
  }
}

/** Removes and returns the items of `list` that pass `test`, keeping the others in order. */
function extract<T>(list: T[], test: (item: T) => boolean): T[] {
  const taken: T[] = [];
  let kept = 0;
  for (const item of list) {
    if (test(item)) taken.push(item);
    else list[kept++] = item;
  }
  list.length = kept;
  return taken;
}
