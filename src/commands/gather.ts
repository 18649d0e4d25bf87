import { dirname } from 'node:path';
import { findConfig, loadConfig, type Config } from '../load/config.js';
import { discover } from '../load/discover.js';
import { loadInputs, type Inputs, type LoadOptions } from '../load/load-inputs.js';
import { UsageError } from '../errors.js';
import { commandLinePath } from '../util/command-line-path.js';
import type { Diagnostic } from '../types.js';

export interface GatherOptions {
  paths: string[];
  /** --strict: missing evidence files are errors. */
  strict?: boolean;
  plan?: string;
  config?: string;
  cwd: string;
  /** Only the findings are wanted: no report nor whole plan is kept (loadInputs). */
  findingsOnly?: boolean;
  /** Each plan with its reports, handed over as soon as read (loadInputs). */
  onPlan?: LoadOptions['onPlan'];
}

/** The configuration file, if one applies: --config, or the nearest cchc.config.yaml upward. */
export function gatherConfig(options: Pick<GatherOptions, 'config' | 'cwd'>): { config?: Config; diagnostics: Diagnostic[] } {
  const file = options.config ? commandLinePath(options.config, options.cwd) : findConfig(options.cwd);
  if (!file) return { diagnostics: [] };
  return loadConfig(file, options.cwd);
}

/**
 * Finds and loads every input: the paths given (plus --plan when it names a file), or, with no
 * paths, what the configuration names. A plan missing from the paths is taken from the config.
 */
export function gather(options: GatherOptions, config: Config | undefined): Inputs {
  const { paths, planIsFile } = inputPaths(options, config);
  let { files, diagnostics } = discover(paths, options.cwd);
  // Evidence paths are relative to the repository: the folder of cchc.config.yaml, else here.
  const load = { root: config ? dirname(config.abs) : options.cwd, strict: options.strict, findingsOnly: options.findingsOnly, onPlan: options.onPlan };
  let inputs = loadInputs(files, load);
  if (inputs.counts.plans === 0 && !planIsFile && options.paths.length > 0 && config && config.plans.length > 0) {
    // `cchc check progress/2025-Q3` in a configured repository: the plan comes from the config.
    ({ files, diagnostics } = discover([...config.plans, ...paths], options.cwd));
    inputs = loadInputs(files, load);
  }
  inputs.diagnostics.unshift(...diagnostics);
  return inputs;
}

export function inputPaths(options: GatherOptions, config: Config | undefined): { paths: string[]; planIsFile: boolean } {
  const planIsFile = options.plan !== undefined && /\.ya?ml$/iu.test(options.plan);
  let paths = [...options.paths];
  if (paths.length === 0) {
    if (!config) throw new UsageError('no-config');
    paths = [...config.plans, ...config.progress];
  }
  if (planIsFile) paths.push(options.plan!);
  return { paths, planIsFile };
}
