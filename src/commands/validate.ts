import { InvalidInputError } from '../errors.js';
import { ui } from '../messages.js';
import type { Lang } from '../types.js';
import type { CheckContext } from './check.js';
import { gather, gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics } from './output.js';

export interface ValidateOptions {
  paths: string[];
  plan?: string;
  config?: string;
  lang?: Lang;
  /** Missing evidence files are errors, not warnings. */
  strict?: boolean;
}

/** Schema and consistency checks only; prints every finding and a one-line verdict. */
export function runValidate(options: ValidateOptions, ctx: CheckContext): 0 {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  const inputs = configDiagnostics.length > 0 ? undefined : gather({ paths: options.paths, plan: options.plan, strict: options.strict, cwd: ctx.cwd, findingsOnly: true }, config);
  const diagnostics = sortDiagnostics([...configDiagnostics, ...(inputs?.diagnostics ?? [])]);
  for (const d of diagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }
  ctx.out(`${ui(lang, 'valid', { files: inputs!.counts.files, plans: inputs!.counts.plans, reports: inputs!.counts.reports })}\n`);
  return 0;
}
