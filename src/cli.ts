import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { fromCommanderError } from './commands/usage-errors.js';
import { parseDate } from './util/dates.js';
import { runCheck, type CheckContext } from './commands/check.js';
import { chooseChalk, terminalWidth } from './commands/output.js';
import { runValidate } from './commands/validate.js';
import { InvalidInputError, UsageError } from './errors.js';
import { FORMAT_NAMES } from './format/index.js';
import { formatMessage } from './messages.js';
import { SCHEMA_NAMES, schemaText, type SchemaName } from './schemas.js';
import type { Lang } from './types.js';

const langOption = () => new Option('--lang <lang>', 'ngôn ngữ / language').choices(['vi', 'en']);
const dueSoonOption = () => new Option('--due-soon-days <n>', 'số ngày báo "sắp đến hạn" (mặc định 30)').argParser((v) => {
  const n = Number(v);
  if (!/^\d+$/u.test(v) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('days');
  return n;
});
// Checked while parsing, so a mistyped date is reported before any file is read.
const asOfOption = () => new Option('--as-of <date>', 'ngày đánh giá, dạng 2025-09-14 hoặc 14/09/2025 (mặc định: hôm nay, giờ Việt Nam)').argParser((v) => {
  const parsed = parseDate(v);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem === 'impossible' ? 'impossible-date' : 'date');
  return parsed.date;
});

function context(colorFlag: boolean): CheckContext {
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

function buildProgram(): Command {
  const program = new Command('cchc')
    .description('Kiểm tra tiến độ Kế hoạch nâng cao Chỉ số CCHC / Administrative Reform Index plan checker')
    .version('0.1.0')
    .option('--verbose', 'in chi tiết lỗi nội bộ (stack trace) / show stack traces')
    .configureOutput({ outputError: () => {} }) // main() words the error in the user's language
    .exitOverride();

  program
    .command('check', { isDefault: true })
    .description('kiểm tra và in bảng trạng thái / validate, evaluate and print the status table')
    .argument('[paths...]', 'tệp hoặc thư mục .yaml (mặc định: theo cchc.config.yaml)')
    .option('--plan <file-or-id>', 'tệp kế hoạch, hoặc mã kế hoạch khi nạp nhiều kế hoạch')
    .option('--config <file>', 'tệp cấu hình (mặc định: cchc.config.yaml gần nhất)')
    .addOption(asOfOption())
    .addOption(new Option('--format <format>', 'định dạng kết quả (mặc định: table)').choices(FORMAT_NAMES))
    .option('-o, --output <file>', 'ghi báo cáo ra tệp, định dạng theo đuôi tệp (.xlsx .html .md .csv .xml .json); dùng được nhiều lần', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--stamp', 'ghi thời điểm lập vào báo cáo xuất ra tệp')
    .option('--strict', 'tài liệu kiểm chứng thiếu tệp là lỗi (mặc định: cảnh báo)')
    .addOption(new Option('--fail-on <level>', 'mức trạng thái làm lệnh trả mã 1 (mặc định fail)').choices(['overdue', 'fail', 'at-risk', 'none']))
    .option('--unit <id>', 'chỉ các tiêu chí đơn vị này báo cáo (mã, tên hoặc tên gọi khác)')
    .option('--area <id>', 'chỉ một lĩnh vực, ví dụ III')
    .addOption(langOption())
    .addOption(dueSoonOption())
    .option('--no-color', 'không tô màu')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runCheck({ paths, ...opts }, context(opts.color));
    });

  program
    .command('validate')
    .description('chỉ kiểm tra định dạng và tính nhất quán của các tệp / schema and consistency checks only')
    .argument('[paths...]', 'tệp hoặc thư mục .yaml (mặc định: theo cchc.config.yaml)')
    .option('--plan <file>', 'tệp kế hoạch')
    .option('--config <file>', 'tệp cấu hình')
    .option('--strict', 'tài liệu kiểm chứng thiếu tệp là lỗi (mặc định: cảnh báo)')
    .addOption(langOption())
    .option('--no-color', 'không tô màu')
    .action((paths: string[], opts) => {
      process.exitCode = runValidate({ paths, ...opts }, context(opts.color));
    });

  program
    .command('schema')
    .description('in JSON Schema / print a JSON Schema')
    .addArgument(new Argument('<name>', 'plan | progress | report | config').choices(SCHEMA_NAMES))
    .action((name: SchemaName) => {
      process.stdout.write(schemaText(name));
    });
  return program;
}

function langFromArgv(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return argv[i + 1] === 'en' || argv.includes('--lang=en') ? 'en' : 'vi';
}

/** Maps every outcome to an exit code: 0 ok, 1 criteria fail, 2 bad input or usage. */
export async function main(argv: string[]): Promise<void> {
  const lang = langFromArgv(argv);
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0) {
        const command = argv.slice(2).find((a) => !a.startsWith('-')) ?? 'check';
        const usage = fromCommanderError(error, command);
        process.stderr.write(`cchc: ${usage ? formatMessage(usage, lang) : error.message.replace(/^error: /u, '')}\n`);
      }
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof InvalidInputError) {
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      process.stderr.write(`cchc: ${formatMessage(error, lang)}\n`);
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

await main(process.argv);
