import { InvalidArgumentError, Option } from 'commander';
import { parseDate } from '../util/dates.js';

/** Options shared by several commands; values are checked while parsing, before any file is read. */
export const langOption = () => new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']);
export const dueSoonOption = () => new Option('--due-soon-days <n>', 'số ngày báo "sắp đến hạn" (mặc định 30)').argParser((v) => {
  const n = Number(v);
  if (!/^\d+$/u.test(v) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('days');
  return n;
});
export const asOfOption = (description = 'ngày đánh giá, dạng 2025-09-14 hoặc 14/09/2025 (mặc định: hôm nay, giờ Việt Nam)') => new Option('--as-of <date>', description).argParser((v) => {
  const parsed = parseDate(v);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem === 'impossible' ? 'impossible-date' : 'date');
  return parsed.date;
});
