import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { suggest } from '../util/suggest.js';

/**
 * A mistyped command, found before commander parses the line. `check` is the default command and
 * takes paths, so commander reads `cchc valdate` as `cchc check valdate`: the whole table would be
 * printed before "no such file". The first word is taken for a mistyped command only when it is
 * close to a command's name, holds no slash or dot, and is no file or folder (`cchc plans` still
 * checks the folder plans/). Under a command with subcommands (`cchc plan init`) any unknown word
 * is one, and the list given is of those subcommands. `cchc` is how to start cchc, for the hint.
 */
export function mistypedCommand(args: readonly string[], program: Command, isPath: (word: string) => boolean, cchc: () => string): UsageError | undefined {
  const top = program.commands.find((c) => c.name() === defaultCommandName(program));
  const first = firstOperand(args, [...program.options, ...(top?.options ?? [])]);
  if (first === undefined) return undefined;
  const word = args[first]!;
  const command = program.commands.find((c) => c.name() === word);
  if (command) return command.commands.length > 0 ? mistypedSubcommand(args.slice(first + 1), command, program, cchc) : undefined;
  if (word === 'help' || /[\\/.]/u.test(word) || isPath(word)) return undefined;
  const names = program.commands.map((c) => c.name());
  const suggestion = suggest(word, names);
  if (suggestion === undefined) return undefined;
  const run = cchc();
  return new UsageError('not-a-command', { command: word, suggestion: `${run} ${suggestion}`, commands: names.join(', '), cchc: run });
}

function mistypedSubcommand(args: readonly string[], parent: Command, program: Command, cchc: () => string): UsageError | undefined {
  const i = firstOperand(args, [...parent.options, ...parent.commands.flatMap((c) => c.options)]);
  if (i === undefined) return undefined;
  const word = args[i]!;
  const names = parent.commands.map((c) => c.name());
  if (word === 'help' || names.includes(word)) return undefined;
  const run = cchc();
  // `cchc plan init`: init is a command of its own.
  const topLevel = program.commands.some((c) => c.name() === word && c !== parent);
  const close = topLevel ? undefined : suggest(word, names);
  const suggestion = topLevel ? `${run} ${word}` : close === undefined ? undefined : `${run} ${parent.name()} ${close}`;
  return new UsageError('unknown-subcommand', {
    parent: parent.name(), command: word, commands: names.join(', '), cchc: run, ...(suggestion ? { suggestion } : {}),
  });
}

/** The default command's name (`check`): commander keeps it on the program. */
function defaultCommandName(program: Command): string | undefined {
  return (program as Command & { _defaultCommandName?: string })._defaultCommandName;
}

/** Where the first word that is no option nor an option's value is; `--` ends the options. */
function firstOperand(args: readonly string[], options: readonly Option[]): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return i + 1 < args.length ? i + 1 : undefined;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (arg.includes('=')) continue;
    const option = options.find((o) => o.long === arg || o.short === arg);
    if (option && (option.required || option.optional)) i++;
  }
  return undefined;
}
