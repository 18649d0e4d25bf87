import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { DIFF_FORMAT_NAMES, FORMAT_NAMES, PLAN_FORMAT_NAMES } from './choices.js';
import type { CheckContext } from './commands/check.js';
import { asOfOption, dueSoonOption, langOption } from './commands/options.js';
import { InvalidInputError, UsageError } from './errors.js';
import { packageRoot } from './paths.js';
import { SCHEMA_NAMES, schemaText, type SchemaName } from './schemas.js';
import type { Lang } from './types.js';

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

function buildProgram(): Command {
  const program = new Command('cchc')
    .description('Kiểm tra tiến độ Kế hoạch nâng cao Chỉ số CCHC / Administrative Reform Index plan checker')
    .version(packageVersion())
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
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck({ paths, ...opts }, await context(opts.color));
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
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = runValidate({ paths, ...opts }, await context(opts.color));
    });

  program
    .command('init')
    .description('tạo tệp mẫu báo cáo tiến độ cho một đơn vị / write a progress template for one unit')
    .option('--unit <id>', 'đơn vị báo cáo: mã, tên hoặc tên gọi khác (mặc định: đơn vị của --from)')
    .option('--period <label>', 'tên kỳ báo cáo, ví dụ 2025-Q3 hoặc "Quý III/2025"')
    .addOption(asOfOption('ngày chốt số liệu, dạng 2025-09-14 hoặc 14/09/2025'))
    .option('--plan <file-or-id>', 'tệp kế hoạch, hoặc mã kế hoạch khi nạp nhiều kế hoạch')
    .option('--config <file>', 'tệp cấu hình (mặc định: cchc.config.yaml gần nhất)')
    .option('-o, --output <file>', 'tệp sẽ tạo (mặc định: <thư mục progress>/<kỳ>/<đơn vị>.yaml); không bao giờ ghi đè')
    .option('--from <file>', 'báo cáo kỳ trước của đơn vị: chép số liệu sang tệp mới để cập nhật')
    .addOption(langOption())
    .option('--no-color', 'không tô màu')
    .action(async (opts) => {
      const { runInit } = await import('./commands/init.js');
      process.exitCode = await runInit(opts, await context(opts.color));
    });

  const plan = program
    .command('plan')
    .description('xem kế hoạch, so sánh các lần sửa đổi / show a plan, compare its revisions');
  plan
    .command('show')
    .description('in kế hoạch dạng cây: lĩnh vực, tiêu chí, chỉ tiêu, hạn, đơn vị / print the plan as a tree')
    .option('--plan <file-or-id>', 'tệp kế hoạch, hoặc mã kế hoạch (mặc định: theo cchc.config.yaml)')
    .option('--config <file>', 'tệp cấu hình (mặc định: cchc.config.yaml gần nhất)')
    .addOption(new Option('--format <format>', 'định dạng (mặc định: table)').choices(PLAN_FORMAT_NAMES))
    .addOption(langOption())
    .option('--no-color', 'không tô màu')
    .action(async (opts) => {
      const { runPlanShow } = await import('./commands/plan.js');
      process.exitCode = runPlanShow(opts, await context(opts.color));
    });
  plan
    .command('diff')
    .description('so sánh hai lần sửa đổi của kế hoạch; mã 1 khi có thay đổi / what changed between two revisions (exit 1 if anything did)')
    .argument('<old>', 'bản cũ: tệp, hoặc tệp@phiên-bản-git, ví dụ plans/quang-son-2025.yaml@HEAD~1')
    .argument('<new>', 'bản mới: tệp, hoặc tệp@phiên-bản-git')
    .addOption(new Option('--format <format>', 'định dạng: text (mặc định), json, yaml (khối "amendments:" để dán vào kế hoạch)').choices(DIFF_FORMAT_NAMES))
    .option('--config <file>', 'tệp cấu hình (mặc định: cchc.config.yaml gần nhất)')
    .addOption(langOption())
    .option('--no-color', 'không tô màu')
    .action(async (oldSpec: string, newSpec: string, opts) => {
      const { runPlanDiff } = await import('./commands/plan.js');
      process.exitCode = runPlanDiff(oldSpec, newSpec, opts, await context(opts.color));
    });

  plan
    .command('import')
    .description('lập tệp kế hoạch nháp từ Phụ lục trong tệp Word (.docx), Excel (.xlsx) hoặc văn bản chép từ Word / draft a plan file from a Word, Excel or text appendix')
    .argument('<file>', 'tệp Word (.docx), Excel (.xlsx), hoặc .txt chép bảng từ Word, hoặc cả văn bản kế hoạch')
    .option('-o, --output <file>', 'tệp kế hoạch sẽ ghi (mặc định: in ra màn hình); không ghi đè tệp đã có')
    .option('--force', 'cho phép ghi đè tệp -o đã có')
    .option('--id <slug>', 'mã kế hoạch, ví dụ tan-lap-2026 (mặc định: theo tên địa phương và năm)')
    .option('--year <yyyy>', 'năm kế hoạch (mặc định: theo tiêu đề hoặc cột thời hạn)')
    .addOption(langOption())
    .option('--no-color', 'không tô màu')
    .action(async (file: string, opts) => {
      const { runPlanImport } = await import('./commands/plan-import.js');
      process.exitCode = await runPlanImport(file, opts, await context(opts.color));
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
      const { fromCommanderError } = await import('./commands/usage-errors.js');
      const { formatMessage } = await import('./messages.js');
      // Help shown because a command was missing (`cchc plan`): commander already printed it.
      if (error.exitCode !== 0 && error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
        const words = argv.slice(2).filter((a) => !a.startsWith('-'));
        const command = words[0] === 'plan' && words[1] ? `plan ${words[1]}` : words[0] ?? 'check';
        const usage = fromCommanderError(error, command);
        process.stderr.write(`cchc: ${usage ? formatMessage(usage, lang) : error.message.replace(/^error: /u, '')}\n`);
      }
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof InvalidInputError) {
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      const { formatMessage } = await import('./messages.js');
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

// Not a top-level await: the bundle is a CommonJS script (src/build/build.mjs). main() catches
// every error itself.
void main(process.argv);
