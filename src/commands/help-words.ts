import { Help, type Argument, type Command, type Option } from 'commander';
import type { HelpText } from '../messages/help.js';

type Titled = 'Usage:' | 'Arguments:' | 'Options:' | 'Commands:' | 'Global Options:';

/**
 * Commander writes its help with English words of its own ("Usage:", "Options:", "[options]",
 * "(choices: …)", "display help for command"). This puts the help's language in their place: set
 * on the program before its commands are added, every command inherits it.
 */
export function helpInLanguage(program: Command, t: HelpText, version: string): Command {
  const words = (text: string) => text.replace(/\[options\]|\[command\]/gu, (w) => t[w as '[options]' | '[command]']);
  return program
    .version(version, '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .helpCommand(t.helpCommand, t.helpCommandText)
    .configureHelp({
      styleTitle: (title: string) => (t[title as Titled] ?? title),
      commandUsage: (cmd: Command) => words(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd: Command) => words(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      // Defaults are said in the descriptions, in words ("mặc định: table"); choices are listed.
      optionDescription: (option: Option) => withChoices(option.description, option.argChoices, t),
      argumentDescription: (argument: Argument) => withChoices(argument.description, argument.argChoices, t),
    });
}

/** `định dạng (mặc định: table)` → `định dạng (mặc định: table; một trong: table, json, …)`. */
function withChoices(description: string, choices: readonly string[] | undefined, t: HelpText): string {
  if (!choices) return description;
  const list = `${t.oneOf}: ${choices.join(', ')}`;
  return description.endsWith(')') ? `${description.slice(0, -1)}; ${list})` : `${description} (${list})`;
}
