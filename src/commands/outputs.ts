import { appendFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Chalk } from 'chalk';
import { UsageError } from '../errors.js';
import { CSV_BOM } from '../format/csv.js';
import { COMBINABLE, formatMany, formatManyChunks } from '../format/combine.js';
import type { FormatName } from '../choices.js';
import type { FormatOptions } from '../format/index.js';
import type { Report } from '../types.js';
import { displayPath } from '../load/discover.js';
import { commandLinePath } from '../util/command-line-path.js';
import { writeChunksAtomic } from './write-file.js';

/** The format a report file gets from its extension (`-o bao-cao.xlsx`). */
export const FORMAT_BY_EXTENSION: Record<string, FormatName> = {
  '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv', '.html': 'html', '.htm': 'html',
  '.xlsx': 'xlsx', '.docx': 'docx', '.xml': 'junit', '.json': 'json', '.txt': 'table',
};

export interface OutputRequest {
  /** `--format`, when given on the command line. */
  format?: FormatName;
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
  inputs: ReadonlySet<string>;
  out: (data: string | Uint8Array) => void;
  err: (text: string) => void;
  written: (file: string) => string;
}

/**
 * Writes the report where it was asked for: to stdout in `--format` (default: the table), or,
 * with `-o`, to each file in the format its extension names while the table still goes to the
 * terminal. Files are written atomically; CSV files start with a BOM so Excel reads Vietnamese.
 */
export async function deliver(reports: readonly Report[], request: OutputRequest, options: FormatOptions, ctx: OutputContext): Promise<void> {
  const plain: FormatOptions = { ...options, chalk: new Chalk({ level: 0 }) };
  const explicit = request.files.length > 0;
  const targets = (explicit ? request.files : request.defaults).map((file) => {
    const abs = commandLinePath(file, ctx.cwd);
    const format = (explicit ? request.format : undefined) ?? FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
    if (!format) throw new UsageError('output-extension', { file, known: Object.keys(FORMAT_BY_EXTENSION).join(' ') });
    if (ctx.inputs.has(abs)) throw new UsageError('output-is-input', { file: displayPath(abs, ctx.cwd) });
    if (reports.length > 1 && !COMBINABLE.has(format)) {
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
  for (const t of targets) {
    const chunks = formatManyChunks(t.format, t.reports, plain);
    try {
      await writeChunksAtomic(t.abs, t.format === 'csv' ? withBom(chunks) : chunks);
    } catch (error) {
      throw new UsageError('output-failed', { file: t.file, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    ctx.err(ctx.written(t.file));
  }
  const stdoutFormat: FormatName = explicit ? 'table' : request.format ?? 'table';
  if (stdoutFormat === 'xlsx' && ctx.stdoutIsTTY) throw new UsageError('binary-to-terminal', { format: 'xlsx' });
  if (reports.length > 1 && !COMBINABLE.has(stdoutFormat)) throw new UsageError('several-plans-stdout', { format: stdoutFormat, count: reports.length });
  for await (const chunk of formatManyChunks(stdoutFormat, reports, options)) ctx.out(chunk);

  const summary = ctx.env.GITHUB_STEP_SUMMARY;
  if (summary && (stdoutFormat === 'github' || targets.some((t) => t.format === 'github'))) {
    appendFileSync(summary, String(await formatMany('markdown', reports, plain)));
  }
}

async function* withBom(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield CSV_BOM;
  yield* chunks;
}
