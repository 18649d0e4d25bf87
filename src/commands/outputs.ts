import { appendFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Chalk } from 'chalk';
import { UsageError } from '../errors.js';
import { CSV_BOM } from '../format/csv.js';
import { COMBINABLE, formatMany, formatManyChunks } from '../format/combine.js';
import { formatRollup, ROLLUP_FORMATS, type Rollup } from '../format/rollup/index.js';
import type { FormatName } from '../choices.js';
import type { FormatOptions } from '../format/index.js';
import type { Report } from '../types.js';
import { displayPath, type PathSet } from '../load/file-list.js';
import { commandLinePath } from '../util/command-line-path.js';
import { commandName } from '../util/command-name.js';
import { writeChunksAtomic } from './write-file.js';

/** The format a report file gets from its extension (`-o bao-cao.xlsx`). */
export const FORMAT_BY_EXTENSION: Record<string, FormatName> = {
  '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv', '.html': 'html', '.htm': 'html',
  '.xlsx': 'xlsx', '.docx': 'docx', '.xml': 'junit', '.json': 'json', '.txt': 'table',
};

export interface OutputRequest {
  /** `--format`, when given on the command line. */
  format?: FormatName;
  /** `--detail`: with several plans, every plan's full report rather than the province's view. */
  detail?: boolean;
  /** Every `-o FILE`, in order: in `--format` when given, else by extension. */
  files: string[];
  /** The configuration's `outputs`, used when there is no `-o`: always by extension. */
  defaults: string[];
}

export interface OutputContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Absolute paths of every file read as input: never overwritten by a report. */
  inputs: PathSet;
  out: (data: string | Uint8Array) => void;
  err: (text: string) => void;
  written: (file: string) => string;
}

/**
 * Writes the report where it was asked for: to stdout in `--format` (default: the table), or,
 * with `-o`, to each file in the format its extension names while the table still goes to the
 * terminal. Files are written atomically; CSV files start with a BOM so Excel reads Vietnamese.
 */
/** The formats asked for: of each file, and of stdout. Unknown extensions are refused here. */
export function requestedFormats(request: OutputRequest): { files: { file: string; format: FormatName }[]; stdout: FormatName } {
  const explicit = request.files.length > 0;
  const files = (explicit ? request.files : request.defaults).map((file) => {
    const format = (explicit ? request.format : undefined) ?? FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
    if (!format) throw new UsageError('output-extension', { file, known: Object.keys(FORMAT_BY_EXTENSION).join(' ') });
    return { file, format };
  });
  return { files, stdout: explicit ? 'table' : request.format ?? 'table' };
}

/** What the outputs asked for need of a province: each plan's whole report, the province's view (`rollup`), or both. */
export interface Needs {
  reports: boolean;
  view: boolean;
}

export function needsOf(request: OutputRequest): Needs {
  const { files, stdout } = requestedFormats(request);
  const formats = [stdout, ...files.map((f) => f.format)];
  const detail = request.detail === true;
  // GitHub annotations come with a step summary in Markdown: the view, for a province.
  return { reports: detail || formats.some((f) => !ROLLUP_FORMATS.has(f)), view: !detail && formats.some((f) => ROLLUP_FORMATS.has(f) || f === 'github') };
}

/**
 * Writes the report where it was asked for: to stdout in `--format` (default: the table), or,
 * with `-o`, to each file in the format its extension names while the table still goes to the
 * terminal. Files are written atomically; CSV files start with a BOM so Excel reads Vietnamese.
 * Given `rollup` (several plans), the table, Markdown, CSV, HTML and XLSX show the province's
 * view unless `--detail` asks for every report.
 */
export async function deliver(reports: readonly Report[], request: OutputRequest, options: FormatOptions, ctx: OutputContext, rollup?: Rollup): Promise<void> {
  const plain: FormatOptions = { ...options, chalk: new Chalk({ level: 0 }) };
  const view = (format: FormatName) => rollup !== undefined && !request.detail && ROLLUP_FORMATS.has(format);
  const { files, stdout: stdoutFormat } = requestedFormats(request);
  const targets = files.map(({ file, format }) => {
    const abs = commandLinePath(file, ctx.cwd);
    if (ctx.inputs.has(abs)) throw new UsageError('output-is-input', { file: displayPath(abs, ctx.cwd) });
    if (!view(format) && reports.length > 1 && !COMBINABLE.has(format)) {
      // bao-cao.xlsx → bao-cao.quang-son-2025.xlsx, one workbook per commune.
      return reports.map((r) => {
        const perPlan = abs.replace(/(\.[^./\\]+)?$/u, (ext) => `.${r.plan.id}${ext}`);
        return { abs: perPlan, file: displayPath(perPlan, ctx.cwd), format, reports: [r] };
      });
    }
    return [{ abs, file: displayPath(abs, ctx.cwd), format, reports }];
  }).flat();
  for (const t of targets) {
    if (ctx.inputs.has(t.abs)) throw new UsageError('output-is-input', { file: t.file });
  }
  const output = (format: FormatName, chosen: readonly Report[], o: FormatOptions) =>
    (view(format) ? oneChunk(formatRollup(format, rollup!, { ...o, command: commandName() })) : formatManyChunks(format, chosen, o));
  for (const t of targets) {
    const chunks = output(t.format, t.reports, plain);
    try {
      await writeChunksAtomic(t.abs, t.format === 'csv' ? withBom(chunks) : chunks);
    } catch (error) {
      throw new UsageError('output-failed', { file: t.file, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    ctx.err(ctx.written(t.file));
  }
  if ((stdoutFormat === 'xlsx' || stdoutFormat === 'docx') && ctx.stdoutIsTTY) throw new UsageError('binary-to-terminal', { format: stdoutFormat });
  if (!view(stdoutFormat) && reports.length > 1 && !COMBINABLE.has(stdoutFormat)) throw new UsageError('several-plans-stdout', { format: stdoutFormat, count: reports.length });
  for await (const chunk of output(stdoutFormat, reports, options)) ctx.out(chunk);

  const summary = ctx.env.GITHUB_STEP_SUMMARY;
  if (summary && (stdoutFormat === 'github' || targets.some((t) => t.format === 'github'))) {
    appendFileSync(summary, String(view('markdown') ? await formatRollup('markdown', rollup!, plain) : await formatMany('markdown', reports, plain)));
  }
}

async function* oneChunk(data: Promise<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield await data;
}

async function* withBom(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield CSV_BOM;
  yield* chunks;
}
