import { CommanderError } from 'commander';
import { UsageError } from '../errors.js';

const EXAMPLES: Record<string, string> = {
  '--as-of': '14/09/2025', '--plan': 'plans/quang-son-2025.yaml', '--config': 'cchc.config.yaml', '--format': 'json',
  '--fail-on': 'overdue', '--unit': 'ttphcc', '--area': 'III', '--lang': 'en', '--due-soon-days': '30',
  '--period': '2025-Q3', '--from': 'progress/2025-H1/ttphcc.yaml',
};

/**
 * Commander words its errors in English; this reads the parts out of them so that cchc can
 * say the same thing in the user's language. Unknown shapes keep commander's text. `helpWord`
 * puts a name from the help into the language of the message.
 */
export function fromCommanderError(error: CommanderError, command: string, helpWord: (name: string) => string = (name) => name): UsageError | undefined {
  const text = error.message.replace(/^error: /u, '');
  let m: RegExpExecArray | null;
  if ((m = /^option '(\S+)[^']*' argument '([^']*)' is invalid\. (?:Allowed choices are (.*)\.|(.*))$/su.exec(text))) {
    return new UsageError('option-value', { option: m[1]!, value: m[2]!, ...(m[3] ? { hint: 'choices', allowed: m[3] } : { hint: m[4] ?? '' }) });
  }
  if ((m = /^command-argument value '([^']*)' is invalid for argument '[^']*'\. Allowed choices are (.*)\.$/su.exec(text))) {
    return new UsageError('argument-value', { command, value: m[1]!, allowed: m[2]! });
  }
  if ((m = /^option '(\S+)[^']*' argument missing$/u.exec(text))) {
    return new UsageError('option-missing-value', { option: m[1]!, example: EXAMPLES[m[1]!] ?? '…' });
  }
  if ((m = /^unknown option '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/su.exec(text))) {
    return new UsageError('unknown-option', { option: m[1]!, command, ...(m[2] ? { suggestion: m[2] } : {}) });
  }
  if ((m = /^unknown command '([^']*)'(?:\s*\(Did you mean ([^?]*)\?\))?/su.exec(text))) {
    return new UsageError('unknown-command', { command: m[1]!, ...(m[2] ? { suggestion: m[2] } : {}) });
  }
  if ((m = /^missing required argument '([^']*)'/u.exec(text))) {
    // The argument's name is the help's (`cũ`), which may be in the other language.
    return new UsageError('missing-argument', { argument: helpWord(m[1]!), command });
  }
  if ((m = /^too many arguments.*?'?([^'\s]*)'?\.?$/su.exec(text))) {
    return new UsageError('too-many-arguments', { value: m[1] ?? '' });
  }
  return undefined;
}
