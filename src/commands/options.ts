import { InvalidArgumentError, Option } from 'commander';
import type { HelpText } from '../messages/help.js';
import { parseDate } from '../util/dates.js';

/** Options shared by several commands; values are checked while parsing, before any file is read. */
export const langOption = (t: HelpText) => new Option(`--lang <${t.lang}>`, t.langText).choices(['vi', 'en']);
export const dueSoonOption = (t: HelpText) => new Option(`--due-soon-days <${t.days}>`, t.dueSoon).argParser((v) => {
  const n = Number(v);
  if (!/^\d+$/u.test(v) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('days');
  return n;
});
export const asOfOption = (t: HelpText, description = t.asOf) => new Option(`--as-of <${t.date}>`, description).argParser((v) => {
  const parsed = parseDate(v);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem === 'impossible' ? 'impossible-date' : 'date');
  return parsed.date;
});
