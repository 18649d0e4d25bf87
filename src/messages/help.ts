import type { Lang } from '../types.js';

/**
 * The words of `cchc --help`: commander's own headings and notes, the names that stand for a
 * value (`--as-of <ngày>`), and the description of every command, argument and option, in one
 * language each. src/cli.ts builds the program in the language of the help.
 */
export const HELP = {
  vi: {
    // commander's words
    'Usage:': 'Cách dùng:', 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:',
    '[options]': '[tùy chọn]', '[command]': '[lệnh]', oneOf: 'một trong', default: 'mặc định',
    help: 'xem hướng dẫn của lệnh', helpCommand: 'help [lệnh]', helpCommandText: 'xem hướng dẫn của một lệnh', version: 'in số phiên bản',
    // names of values
    file: 'tệp', fileOrId: 'tệp-hoặc-mã', date: 'ngày', format: 'định-dạng', level: 'mức', id: 'mã', lang: 'ngôn-ngữ', days: 'số-ngày',
    label: 'kỳ', year: 'năm', paths: 'đường-dẫn...', old: 'cũ', new: 'mới', name: 'tên',
    // the program and its commands
    program: 'Kiểm tra tiến độ Kế hoạch nâng cao Chỉ số cải cách hành chính (Chỉ số CCHC)',
    verbose: 'in chi tiết lỗi nội bộ (stack trace)',
    check: 'kiểm tra các tệp, đánh giá và in bảng trạng thái (lệnh mặc định)',
    pathsText: 'tệp hoặc thư mục .yaml (mặc định: theo cchc.config.yaml)',
    plan: 'tệp kế hoạch, hoặc mã kế hoạch khi nạp nhiều kế hoạch',
    config: 'tệp cấu hình (mặc định: cchc.config.yaml gần nhất)',
    asOf: 'ngày đánh giá, dạng 2025-09-14 hoặc 14/09/2025 (mặc định: hôm nay, giờ Việt Nam)',
    checkFormat: 'định dạng kết quả (mặc định: table)',
    output: 'ghi báo cáo ra tệp, định dạng theo đuôi tệp (.xlsx .html .md .csv .xml .json); dùng được nhiều lần',
    stamp: 'ghi thời điểm lập vào báo cáo xuất ra tệp',
    notes: 'kèm ghi chú khi chép kế hoạch vào báo cáo Word, HTML, Excel (mặc định không kèm)',
    detail: 'khi có nhiều kế hoạch (nhiều xã): in đầy đủ bảng của từng xã thay cho bảng tổng hợp',
    strict: 'tài liệu kiểm chứng thiếu tệp là lỗi (mặc định: cảnh báo)',
    failOn: 'mức trạng thái làm lệnh trả mã 1 (mặc định: fail)',
    unit: 'chỉ các tiêu chí đơn vị này báo cáo (mã, tên hoặc tên gọi khác)',
    area: 'chỉ một lĩnh vực, ví dụ III',
    langText: 'ngôn ngữ, en là tiếng Anh (mặc định: vi)',
    dueSoon: 'số ngày trước hạn để báo "sắp đến hạn" (mặc định: 30)',
    noColor: 'không tô màu',
    validate: 'chỉ kiểm tra định dạng và tính nhất quán của các tệp',
    validatePlan: 'tệp kế hoạch',
    init: 'tạo tệp mẫu báo cáo tiến độ cho một đơn vị',
    initUnit: 'đơn vị báo cáo: mã, tên hoặc tên gọi khác (mặc định: đơn vị của --from)',
    period: 'tên kỳ báo cáo, ví dụ 2025-Q3 hoặc "Quý III/2025"',
    cutOff: 'ngày chốt số liệu, dạng 2025-09-14 hoặc 14/09/2025',
    initOutput: 'tệp sẽ tạo (mặc định: <thư mục progress>/<kỳ>/<đơn vị>.yaml); không bao giờ ghi đè',
    from: 'báo cáo kỳ trước của đơn vị: chép số liệu sang tệp mới để cập nhật',
    planCommand: 'xem kế hoạch, so sánh các lần sửa đổi, lập kế hoạch từ tệp Word',
    show: 'in kế hoạch dạng cây: lĩnh vực, tiêu chí, chỉ tiêu, hạn, đơn vị',
    showPlan: 'tệp kế hoạch, hoặc mã kế hoạch (mặc định: theo cchc.config.yaml)',
    showFormat: 'định dạng (mặc định: table)',
    diff: 'so sánh hai lần sửa đổi của kế hoạch; mã 1 khi có thay đổi',
    oldText: 'bản cũ: tệp, hoặc tệp@phiên-bản-git, ví dụ plans/quang-son-2025.yaml@HEAD~1',
    newText: 'bản mới: tệp, hoặc tệp@phiên-bản-git',
    diffFormat: 'định dạng; yaml là khối "amendments:" để dán vào kế hoạch (mặc định: text)',
    import: 'lập tệp kế hoạch nháp từ Phụ lục trong tệp Word (.docx), Excel (.xlsx) hoặc văn bản chép từ Word',
    importFile: 'tệp Word (.docx), Excel (.xlsx), hoặc .txt chép bảng từ Word, hoặc cả văn bản kế hoạch',
    importOutput: 'tệp kế hoạch sẽ ghi (mặc định: in ra màn hình); không ghi đè tệp đã có',
    force: 'cho phép ghi đè tệp -o đã có',
    planId: 'mã kế hoạch, ví dụ tan-lap-2026 (mặc định: theo tên địa phương và năm)',
    planYear: 'năm kế hoạch (mặc định: theo tiêu đề hoặc cột thời hạn)',
    schema: 'in JSON Schema của một loại tệp',
    schemaName: 'loại tệp',
    history: 'số liệu của một tiêu chí qua từng kỳ báo cáo, và dự báo đến hạn',
    criterionId: 'mã tiêu chí, ví dụ 7.3.3',
  },
  en: {
    'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:',
    '[options]': '[options]', '[command]': '[command]', oneOf: 'one of', default: 'default',
    help: 'show help for the command', helpCommand: 'help [command]', helpCommandText: 'show help for a command', version: 'print the version number',
    file: 'file', fileOrId: 'file-or-id', date: 'date', format: 'format', level: 'level', id: 'id', lang: 'lang', days: 'n',
    label: 'label', year: 'yyyy', paths: 'paths...', old: 'old', new: 'new', name: 'name',
    program: 'Check progress on a plan to raise the Administrative Reform Index (PAR Index) of a Vietnamese commune',
    verbose: 'show the stack trace of an internal error',
    check: 'validate the files, evaluate and print the status table (the default command)',
    pathsText: '.yaml files or folders (default: from cchc.config.yaml)',
    plan: 'the plan file, or the plan id when several plans are loaded',
    config: 'the configuration file (default: the nearest cchc.config.yaml)',
    asOf: 'evaluate as of this date, 2025-09-14 or 14/09/2025 (default: today in Vietnam)',
    checkFormat: 'output format (default: table)',
    output: 'also write the report to a file, in the format of its extension (.xlsx .html .md .csv .xml .json); may be repeated',
    stamp: 'put the time of the run into exported reports',
    notes: "include the plan's transcription notes in Word, HTML and Excel exports (left out by default)",
    detail: "with several plans (communes): every commune's full table instead of the province's view",
    strict: 'a missing evidence file is an error (default: a warning)',
    failOn: 'lowest status that makes the exit code 1 (default: fail)',
    unit: 'only the criteria this unit reports (id, name or alias)',
    area: 'only one area, e.g. III',
    langText: 'language, vi is Vietnamese (default: vi)',
    dueSoon: 'days before a deadline to flag "due soon" (default: 30)',
    noColor: 'no colours',
    validate: 'schema and consistency checks only',
    validatePlan: 'the plan file',
    init: 'write a progress template for one unit',
    initUnit: 'the reporting unit: id, name or alias (default: the unit of --from)',
    period: 'the period label, e.g. 2025-Q3 or "Quý III/2025"',
    cutOff: 'the data cut-off, 2025-09-14 or 14/09/2025',
    initOutput: 'the file to create (default: <progress folder>/<period>/<unit>.yaml); never overwritten',
    from: "the unit's earlier report: its figures are copied into the new file, to be updated",
    planCommand: 'show a plan, compare its revisions, draft one from a Word file',
    show: 'print the plan as a tree: areas, criteria, targets, deadlines, units',
    showPlan: 'the plan file or id (default: from cchc.config.yaml)',
    showFormat: 'output format (default: table)',
    diff: 'what changed between two revisions of a plan (exit 1 if anything did)',
    oldText: 'the old revision: a file, or file@git-revision, e.g. plans/quang-son-2025.yaml@HEAD~1',
    newText: 'the new revision: a file, or file@git-revision',
    diffFormat: 'output format; yaml is an "amendments:" block to paste into the plan (default: text)',
    import: 'draft a plan file from the appendix of a Word (.docx) or Excel (.xlsx) file, or text copied from Word',
    importFile: 'a Word (.docx) or Excel (.xlsx) file, a .txt holding the table copied from Word, or the whole plan document',
    importOutput: 'the plan file to write (default: print it); an existing file is never overwritten',
    force: 'allow overwriting an existing -o file',
    planId: 'the plan id, e.g. tan-lap-2026 (default: from the place name and year)',
    planYear: 'the plan year (default: from the title or the deadline column)',
    schema: 'print the JSON Schema of a kind of file',
    schemaName: 'which kind of file',
    history: "a criterion's figures report by report, and the forecast to its deadline",
    criterionId: 'the criterion id, e.g. 7.3.3',
  },
} satisfies Record<Lang, Record<string, string>>;

export type HelpText = (typeof HELP)['vi'];

/**
 * The language of the help: `--lang` if given, else the locale's (LC_ALL, then LC_MESSAGES, then
 * LANG, as POSIX orders them) when it is English, else Vietnamese. Only the help and the names in
 * it follow the locale: what cchc reports stays Vietnamese unless `--lang en` (or the
 * configuration) says otherwise, as design.md asks.
 */
export function helpLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const given = langGiven(argv);
  if (given) return given;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en(?:[_.@-]|$)/iu.test(locale) ? 'en' : 'vi';
}

/** The language `--lang` gives on the command line (the last one, as commander takes it). */
export function langGiven(argv: readonly string[]): Lang | undefined {
  let given: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') given = argv[i + 1];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  });
  return given === 'vi' || given === 'en' ? given : undefined;
}

/** A name from the help (`cũ`) in another language (`old`), for a message that quotes it. */
export function helpWord(word: string, from: Lang, to: Lang): string {
  if (from === to) return word;
  const key = (Object.keys(HELP[from]) as (keyof HelpText)[]).find((k) => HELP[from][k] === word);
  return key ? HELP[to][key] : word;
}
