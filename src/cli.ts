import { existsSync, readFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { Argument, Command, CommanderError, Option } from 'commander';
import { DIFF_FORMAT_NAMES, FORMAT_NAMES, PLAN_FORMAT_NAMES } from './choices.js';
import type { CheckContext } from './commands/check.js';
import { helpInLanguage } from './commands/help-words.js';
import { mistypedCommand } from './commands/mistyped-command.js';
import { asOfOption, dueSoonOption, langOption } from './commands/options.js';
import { InvalidInputError, UsageError } from './errors.js';
import { HELP, helpLang, helpWord, langGiven, type HelpText } from './messages/help.js';
import { packageRoot } from './paths.js';
import { SCHEMA_NAMES, schemaText, type SchemaName } from './schemas.js';
import { commandName } from './util/command-name.js';

// Each command's code (and the yaml, ajv, cli-table3 and chalk it needs) is imported when that
// command runs: `cchc --version`, `--help` and usage mistakes load none of it.

async function context(colorFlag: boolean): Promise<CheckContext> {
  const { chooseChalk, terminalWidth } = await import('./commands/output.js');
  return {
    cwd: process.cwd(),
    now: new Date(),
    chalk: chooseChalk(colorFlag, process.env),
    width: terminalWidth(process.stdout, process.env),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (data) => process.stdout.write(data),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}

/** The version in package.json, the one npm installed. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { version: string }).version;
}

function buildProgram(t: HelpText): Command {
  const program = helpInLanguage(new Command('cchc'), t, packageVersion())
    .description(t.program)
    .option('--verbose', t.verbose)
    .configureOutput({ outputError: () => {} }) // main() words the error in the user's language
    .exitOverride();
  const paths = `[${t.paths}]`;
  const noColor = ['--no-color', t.noColor] as const;

  program
    .command('check', { isDefault: true })
    .description(t.check)
    .argument(paths, t.pathsText)
    .option(`--plan <${t.fileOrId}>`, t.plan)
    .option(`--config <${t.file}>`, t.config)
    .addOption(asOfOption(t))
    .addOption(new Option(`--format <${t.format}>`, t.checkFormat).choices(FORMAT_NAMES))
    .option(`-o, --output <${t.file}>`, t.output, (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--stamp', t.stamp)
    .option('--notes', t.notes)
    .option('--detail', t.detail)
    .option('--strict', t.strict)
    .addOption(new Option(`--fail-on <${t.level}>`, t.failOn).choices(['overdue', 'fail', 'at-risk', 'none']))
    .option(`--unit <${t.id}>`, t.unit)
    .option(`--area <${t.id}>`, t.area)
    .addOption(langOption(t))
    .addOption(dueSoonOption(t))
    .option(...noColor)
    .action(async (paths: string[], opts) => {
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck({ paths, ...opts }, await context(opts.color));
    });

  program
    .command('validate')
    .description(t.validate)
    .argument(paths, t.pathsText)
    .option(`--plan <${t.file}>`, t.validatePlan)
    .option(`--config <${t.file}>`, t.config)
    .option('--strict', t.strict)
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = runValidate({ paths, ...opts }, await context(opts.color));
    });

  program
    .command('init')
    .description(t.init)
    .option(`--unit <${t.id}>`, t.initUnit)
    .option(`--period <${t.label}>`, t.period)
    .addOption(asOfOption(t, t.cutOff))
    .option(`--plan <${t.fileOrId}>`, t.plan)
    .option(`--config <${t.file}>`, t.config)
    .option(`-o, --output <${t.file}>`, t.initOutput)
    .option(`--from <${t.file}>`, t.from)
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (opts) => {
      const { runInit } = await import('./commands/init.js');
      process.exitCode = await runInit(opts, await context(opts.color));
    });

  program
    .command('history')
    .description(t.history)
    .argument(`<${t.id}>`, t.criterionId)
    .argument(paths, t.pathsText)
    .option(`--plan <${t.fileOrId}>`, t.plan)
    .option(`--config <${t.file}>`, t.config)
    .addOption(asOfOption(t))
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (id: string, paths: string[], opts) => {
      const { runHistory } = await import('./commands/history.js');
      process.exitCode = runHistory(id, { paths, ...opts }, await context(opts.color));
    });

  const plan = program.command('plan').description(t.planCommand);
  plan
    .command('show')
    .description(t.show)
    .option(`--plan <${t.fileOrId}>`, t.showPlan)
    .option(`--config <${t.file}>`, t.config)
    .addOption(new Option(`--format <${t.format}>`, t.showFormat).choices(PLAN_FORMAT_NAMES))
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (opts) => {
      const { runPlanShow } = await import('./commands/plan.js');
      process.exitCode = runPlanShow(opts, await context(opts.color));
    });
  plan
    .command('diff')
    .description(t.diff)
    .argument(`<${t.old}>`, t.oldText)
    .argument(`<${t.new}>`, t.newText)
    .addOption(new Option(`--format <${t.format}>`, t.diffFormat).choices(DIFF_FORMAT_NAMES))
    .option(`--config <${t.file}>`, t.config)
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (oldSpec: string, newSpec: string, opts) => {
      const { runPlanDiff } = await import('./commands/plan.js');
      process.exitCode = runPlanDiff(oldSpec, newSpec, opts, await context(opts.color));
    });
  plan
    .command('import')
    .description(t.import)
    .argument(`<${t.file}>`, t.importFile)
    .option(`-o, --output <${t.file}>`, t.importOutput)
    .option('--force', t.force)
    .option(`--id <${t.id}>`, t.planId)
    .option(`--year <${t.year}>`, t.planYear)
    .addOption(langOption(t))
    .option(...noColor)
    .action(async (file: string, opts) => {
      const { runPlanImport } = await import('./commands/plan-import.js');
      process.exitCode = await runPlanImport(file, opts, await context(opts.color));
    });

  program
    .command('schema')
    .description(t.schema)
    .addArgument(new Argument(`<${t.name}>`, t.schemaName).choices(SCHEMA_NAMES))
    .action((name: SchemaName) => {
      process.stdout.write(schemaText(name));
    });
  return program;
}

/** Maps every outcome to an exit code: 0 ok, 1 criteria fail, 2 bad input or usage. */
export async function main(argv: string[]): Promise<void> {
  const lang = langGiven(argv) ?? 'vi';
  const help = helpLang(argv, process.env);
  try {
    const program = buildProgram(HELP[help]);
    // Before commander: it would take a mistyped command for a path of `check`, the default.
    const mistyped = mistypedCommand(argv.slice(2), program, (word) => existsSync(word), () => commandName());
    if (mistyped) throw mistyped;
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const { fromCommanderError } = await import('./commands/usage-errors.js');
      const { formatMessage } = await import('./messages.js');
      // Help shown because a command was missing (`cchc plan`): commander already printed it.
      if (error.exitCode !== 0 && error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
        const words = argv.slice(2).filter((a) => !a.startsWith('-'));
        const command = words[0] === 'plan' && words[1] ? `plan ${words[1]}` : words[0] ?? 'check';
        const usage = fromCommanderError(error, command, (name) => helpWord(name, help, lang));
        process.stderr.write(`cchc: ${usage ? formatMessage(usage, lang) : error.message.replace(/^error: /u, '')}\n`);
      }
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof InvalidInputError) {
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      const { formatMessage } = await import('./messages.js');
      // `cchc`: how to start cchc, for a message that shows a command to run.
      process.stderr.write(`cchc: ${formatMessage({ code: error.code, args: { cchc: commandName(), ...error.args } }, lang)}\n`);
      process.exitCode = 2;
    } else {
      const message = lang === 'en' ? 'this is a bug in cchc; please report it' : 'đây là lỗi của cchc; vui lòng báo cho người phát triển';
      process.stderr.write(`cchc: ${message}: ${(error as Error).message}\n`);
      if (argv.includes('--verbose')) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 2;
    }
  }
}

// `cchc check | head`: the reader left; stop quietly instead of printing a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Not a top-level await: the bundle is a CommonJS script (src/build/build.mjs). main() catches
// every error itself. In a worker thread (commands/parallel-check.ts) the bundle reads and evaluates files instead.
if (isMainThread) void main(process.argv);
else if ((workerData as { cchcWorker?: string } | undefined)?.cchcWorker === 'check') void import('./commands/check-worker.js').then((m) => m.runCheckWorker());
