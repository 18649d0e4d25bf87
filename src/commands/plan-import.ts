import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type { PlanDraft } from '../import/draft.js';
import { importPlan } from '../import/import-plan.js';
import { MAX_INPUT_BYTES } from '../import/read/read-document.js';
import { writePlan } from '../import/write-plan.js';
import { displayPath } from '../load/discover.js';
import { IMPORT_UI, REVIEW_MESSAGES } from '../messages/import.js';
import { packageRoot } from '../paths.js';
import type { Lang } from '../types.js';
import { commandLinePath } from '../util/command-line-path.js';
import { commandName } from '../util/command-name.js';
import type { PlanContext } from './plan.js';
import { writeFileAtomic } from './write-file.js';

export interface PlanImportOptions {
  output?: string;
  force?: boolean;
  id?: string;
  year?: string;
  lang?: Lang;
}

/**
 * `cchc plan import FILE`: writes a draft plan from a Word, Excel or text appendix, to `-o FILE`
 * (never over an existing file unless --force) or stdout, and lists on stderr the lines to review.
 */
export async function runPlanImport(input: string, options: PlanImportOptions, ctx: PlanContext): Promise<0> {
  const lang: Lang = options.lang ?? 'vi';
  if (options.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/u.test(options.id)) throw new UsageError('import-bad-id', { id: options.id });
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && (!/^\d{4}$/u.test(options.year!) || year < 2000 || year > 2100)) throw new UsageError('import-bad-year', { year: options.year! });

  const abs = commandLinePath(input, ctx.cwd);
  const file = displayPath(abs, ctx.cwd);
  const out = options.output === undefined ? undefined : commandLinePath(options.output, ctx.cwd);
  const outFile = out === undefined ? undefined : displayPath(out, ctx.cwd);
  if (out !== undefined && !options.force && exists(out)) throw new UsageError('import-exists', { file: outFile! });

  const plan = await importPlan(readInput(abs, file), file, { id: options.id, year });
  const written = writePlan(plan, { lang, schemaPath: schemaPath(out), say: (r, l) => REVIEW_MESSAGES[r.code]?.[l](r.args) ?? r.code });
  if (out === undefined) {
    ctx.out(written.text);
  } else {
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileAtomic(out, written.text, { overwrite: options.force === true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError('import-exists', { file: outFile! });
      throw error;
    }
  }
  const ui = (key: keyof (typeof IMPORT_UI)['vi'], vars: Record<string, string | number> = {}) => IMPORT_UI[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
  if (outFile) ctx.err(ui('written', { file: outFile, ...counts(plan) }));
  if (written.reviews.length === 0) ctx.err(ui('none'));
  else {
    ctx.err(ui('reviews', { n: written.reviews.length }));
    for (const r of written.reviews) ctx.err(`  ${outFile ? `${outFile}:${r.line}` : ui('line', { line: r.line })}: ${r.message}`);
  }
  if (outFile) ctx.err(ui('next', { command: `${commandName({ env: ctx.env })} plan show --plan ${/\s/u.test(outFile) ? `"${outFile}"` : outFile}` }));
  return 0;
}

function exists(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}

function readInput(abs: string, file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) throw new UsageError('import-not-a-file', { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError('import-not-found', { file });
  }
  if (size > MAX_INPUT_BYTES) throw new UsageError('import-too-large', { file, mb: Math.round(size / 1048576) });
  return readFileSync(abs);
}

/** The schema modeline's path, relative to where the plan is written (plans/ by default). */
function schemaPath(out: string | undefined): string {
  if (out === undefined) return '../schemas/plan.schema.json';
  const schema = fileURLToPath(new URL('schemas/plan.schema.json', packageRoot));
  const rel = relative(dirname(out), schema);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function counts(plan: PlanDraft): { areas: number; criteria: number; units: number } {
  let criteria = 0;
  const walk = (nodes: PlanDraft['areas'][number]['criteria']) => {
    for (const n of nodes) {
      if (n.type === 'heading') walk(n.criteria);
      else criteria++;
    }
  };
  for (const a of plan.areas) walk(a.criteria);
  return { areas: plan.areas.length, criteria, units: plan.units.length };
}
