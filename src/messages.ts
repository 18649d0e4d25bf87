import type { MessageArgs, MessageTable } from './message-table.js';
import { INIT_MESSAGES } from './messages-init.js';
import { INPUT_MESSAGES } from './messages-input.js';
import { IMPORT_MESSAGES } from './messages/import.js';
import { PLAN_MESSAGES } from './messages-plan.js';
import type { Diagnostic, Lang, Status } from './types.js';
import { displayDate } from './util/dates.js';

type Args = MessageArgs;

const q = (s: string | number | undefined) => `“${s ?? ''}”`;
/** Dates travel in args as ISO; Vietnamese text shows them dd/MM/yyyy. */
const vnDate = (s: string | number | undefined) => displayDate(String(s ?? ''), 'vi');
const didYouMeanVi = (a: Args) => (a.suggestion ? ` Có phải ý bạn là ${q(a.suggestion)}?` : '');
const didYouMeanEn = (a: Args) => (a.suggestion ? ` Did you mean ${q(a.suggestion)}?` : '');

const REASON_VI: Record<string, string> = {
  ENOENT: 'không tìm thấy tệp hoặc thư mục',
  EACCES: 'không có quyền đọc',
  EPERM: 'không có quyền đọc',
  EISDIR: 'đây là một thư mục, không phải tệp',
  EBUSY: 'tệp đang được chương trình khác mở',
  EROFS: 'ổ đĩa chỉ cho đọc',
  ELOOP: 'đường dẫn tạo thành vòng lặp liên kết',
};
const REASON_EN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'this is a folder, not a file',
  EBUSY: 'the file is open in another program',
  EROFS: 'read-only file system',
  ELOOP: 'the path is a loop of symbolic links',
};

const HINT_VI: Record<string, string> = {
  date: 'viết ngày dạng 2025-09-14 hoặc 14/09/2025',
  slug: 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ quang-son-2025',
  criterionId: 'viết mã tiêu chí dạng số có dấu chấm trong ngoặc kép, ví dụ "3.2.1"',
  measureId: 'viết mã chỉ tiêu bằng chữ thường không dấu và dấu gạch dưới, ví dụ on_time',
  target: 'viết chỉ tiêu dạng ">= 90%", "> 85%", "= 0"',
  due: 'viết hạn dạng 2025-12-31, 31/12/2025 hoặc ongoing (thường xuyên)',
  days: 'ghi một số nguyên từ 0 trở lên, ví dụ 30',
  'impossible-date': 'ngày này không có thật trên lịch; viết ngày/tháng/năm, ví dụ 14/09/2025',
};
const HINT_EN: Record<string, string> = {
  date: 'write the date as 2025-09-14 or 14/09/2025',
  slug: 'use lower-case ASCII letters, digits and dashes, e.g. quang-son-2025',
  criterionId: 'write the criterion id as dotted numbers in quotes, e.g. "3.2.1"',
  measureId: 'write the measure id in lower-case ASCII letters and underscores, e.g. on_time',
  target: 'write the target as ">= 90%", "> 85%", "= 0"',
  due: 'write the deadline as 2025-12-31, 31/12/2025 or ongoing',
  days: 'write a whole number from 0 up, e.g. 30',
  'impossible-date': 'that day does not exist; write day/month/year, e.g. 14/09/2025',
};

const TYPE_VI: Record<string, string> = {
  string: 'một đoạn chữ', integer: 'một số nguyên', number: 'một số', object: 'một nhóm khóa: giá trị',
  array: 'một danh sách (mỗi dòng bắt đầu bằng "- ")', boolean: 'true hoặc false', null: 'để trống',
};
const TYPE_EN: Record<string, string> = {
  string: 'text', integer: 'a whole number', number: 'a number', object: 'a mapping of key: value',
  array: 'a list (lines starting with "- ")', boolean: 'true or false', null: 'empty',
};

const TARGET_PROBLEM_VI: Record<string, string> = {
  syntax: 'viết dạng ">= 90%", "> 85%" hoặc "= 0"',
  'percent-missing': 'chỉ tiêu tỷ lệ/phần trăm cần dấu %, ví dụ ">= 90%"',
  'percent-not-allowed': 'chỉ tiêu đếm (count) không có dấu %, ví dụ "= 0"',
  'count-not-integer': 'chỉ tiêu đếm (count) phải là số nguyên',
  'percent-range': 'phần trăm không vượt quá 100%',
};
const TARGET_PROBLEM_EN: Record<string, string> = {
  syntax: 'write it as ">= 90%", "> 85%" or "= 0"',
  'percent-missing': 'a ratio or percent target needs %, e.g. ">= 90%"',
  'percent-not-allowed': 'a count target has no %, e.g. "= 0"',
  'count-not-integer': 'a count target must be a whole number',
  'percent-range': 'a percentage cannot exceed 100%',
};

const YAML_VI: Record<string, string> = {
  TAB_AS_INDENT: 'dòng được thụt lề bằng phím Tab. Xóa Tab và thụt lề bằng dấu cách (2 dấu cách mỗi cấp)',
  MISSING_CHAR: 'thiếu dấu đóng (dấu nháy " hoặc \', ngoặc ] hoặc }). Xem các dòng phía trên: dấu nháy, ngoặc mở ra phải được đóng lại',
  BAD_INDENT: 'thụt lề không đúng. Các khóa cùng cấp phải thẳng cột, khóa con thụt vào 2 dấu cách',
  BLOCK_AS_IMPLICIT_KEY: 'thụt lề không đúng hoặc thiếu dấu hai chấm. Viết "khóa: giá trị" và kiểm tra thụt lề dòng trên',
  MULTILINE_IMPLICIT_KEY: 'một khóa bị ngắt sang dòng sau, hoặc thiếu dấu hai chấm. Viết "khóa: giá trị" trên một dòng',
  UNEXPECTED_TOKEN: 'có ký tự không đúng chỗ. Kiểm tra dấu hai chấm, dấu gạch đầu dòng và thụt lề',
  MULTIPLE_DOCS: 'tệp có nhiều tài liệu YAML (dòng ---). Mỗi tệp chỉ chứa một báo cáo: tách thành nhiều tệp',
  BAD_DQ_ESCAPE: 'ký tự thoát không hợp lệ trong chuỗi có dấu nháy kép. Dùng dấu nháy đơn \' hoặc bỏ dấu \\',
  BAD_SCALAR_START: 'giá trị không thể bắt đầu bằng ký tự này. Đặt giá trị trong dấu nháy kép',
};
const YAML_EN: Record<string, string> = {
  TAB_AS_INDENT: 'the line is indented with Tab. Indent with spaces instead (2 per level)',
  MISSING_CHAR: 'a closing quote or bracket is missing (" \' ] }). Look at the lines above: every quote and bracket opened must be closed',
  BAD_INDENT: 'wrong indentation. Keys of one level line up; child keys are indented 2 spaces more',
  BLOCK_AS_IMPLICIT_KEY: 'wrong indentation or a missing colon. Write "key: value" and check the line above',
  MULTILINE_IMPLICIT_KEY: 'a key runs onto the next line, or a colon is missing. Write "key: value" on one line',
  UNEXPECTED_TOKEN: 'a character is out of place. Check colons, list dashes and indentation',
  MULTIPLE_DOCS: 'the file holds several YAML documents (--- lines). Keep one report per file',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string. Use single quotes or drop the backslash',
  BAD_SCALAR_START: 'a value cannot start with this character. Put the value in double quotes',
};

const FIELD_VI: Record<string, string> = {
  target: 'chỉ tiêu', due: 'thời hạn', lead: 'đơn vị chủ trì', support: 'đơn vị phối hợp', requirement: 'yêu cầu',
  title: 'tên', 'measure-added': 'chỉ tiêu mới', 'measure-removed': 'chỉ tiêu bị bỏ', kind: 'loại chỉ tiêu', aggregate: 'cách gộp',
};
const FIELD_EN: Record<string, string> = {
  target: 'the target', due: 'the deadline', lead: 'the lead unit', support: 'the supporting units', requirement: 'the requirement',
  title: 'the title', 'measure-added': 'a new measure', 'measure-removed': 'a removed measure', kind: 'the measure kind', aggregate: 'the aggregation',
};

/** One entry per diagnostic code: the Vietnamese and the English text, each saying what to write instead. */
const CORE_MESSAGES: MessageTable = {
  'file-unreadable': {
    vi: (a) => `Không đọc được tệp: ${REASON_VI[a.reason!] ?? a.reason}. Kiểm tra lại đường dẫn.`,
    en: (a) => `Cannot read the file: ${REASON_EN[a.reason!] ?? a.reason}. Check the path.`,
  },
  'path-missing': {
    vi: (a) => `Không tìm thấy tệp hoặc thư mục này. Kiểm tra lại đường dẫn (chữ hoa/thường, dấu gạch chéo).${a.suggestion ? ` Nếu định gõ lệnh, có phải là “cchc ${a.suggestion}”?` : ''}`,
    en: (a) => `No such file or folder. Check the path (letter case, slashes).${a.suggestion ? ` If you meant a command: “cchc ${a.suggestion}”?` : ''}`,
  },
  'no-yaml-files': {
    vi: () => 'Thư mục không có tệp .yaml hoặc .yml nào.',
    en: () => 'The folder holds no .yaml or .yml file.',
  },
  'file-not-utf8': {
    vi: () => 'Tệp không phải mã UTF-8 (có thể lưu bằng bảng mã Windows-1258/TCVN3). Mở tệp và lưu lại với mã hóa "UTF-8".',
    en: () => 'The file is not UTF-8 (perhaps saved as Windows-1258 or TCVN3). Open it and save it again as "UTF-8".',
  },
  'file-empty': {
    vi: () => 'Tệp trống. Dòng đầu tiên cần là "schema: cchc/progress@1" (báo cáo tiến độ) hoặc "schema: cchc/plan@1" (kế hoạch).',
    en: () => 'The file is empty. Its first line should be "schema: cchc/progress@1" (progress) or "schema: cchc/plan@1" (plan).',
  },
  'yaml-syntax': {
    vi: (a) => `Lỗi cú pháp YAML: ${YAML_VI[a.yamlCode!] ?? `${a.detail}. Kiểm tra thụt lề (dấu cách), dấu ngoặc và dấu nháy`}.`,
    en: (a) => `YAML syntax error: ${YAML_EN[a.yamlCode!] ?? `${a.detail}. Check indentation (spaces), brackets and quotes`}.`,
  },
  'yaml-duplicate-key': {
    vi: (a) => `Khóa ${q(a.key)} bị viết hai lần${a.firstLine ? ` (lần đầu ở dòng ${a.firstLine})` : ''}. Mỗi khóa chỉ được viết một lần: gộp hai mục hoặc xóa một mục.`,
    en: (a) => `Key ${q(a.key)} is written twice${a.firstLine ? ` (first on line ${a.firstLine})` : ''}. Write each key once: merge the two entries or delete one.`,
  },
  'not-cchc-file': {
    vi: () => 'Không phải tệp cchc: thiếu dòng "schema:". Thêm "schema: cchc/progress@1" (báo cáo tiến độ) hoặc "schema: cchc/plan@1" (kế hoạch) ở đầu tệp.',
    en: () => 'Not a cchc file: no "schema:" line. Add "schema: cchc/progress@1" (progress) or "schema: cchc/plan@1" (plan) at the top.',
  },
  'schema-unknown': {
    vi: (a) => `Không nhận ra loại tệp ${q(a.schema)}. Viết "schema: cchc/progress@1" hoặc "schema: cchc/plan@1".`,
    en: (a) => `Unknown file type ${q(a.schema)}. Write "schema: cchc/progress@1" or "schema: cchc/plan@1".`,
  },
  'schema-future': {
    vi: (a) => `Tệp dùng định dạng ${q(a.schema)}, mới hơn phiên bản cchc này. Cần cập nhật cchc (npm install cchc@latest).`,
    en: (a) => `This file uses format ${q(a.schema)}, newer than this cchc. Update cchc (npm install cchc@latest).`,
  },
  required: {
    vi: (a) => `Thiếu trường bắt buộc ${q(a.field)}. Thêm dòng "${a.field}: …".`,
    en: (a) => `Missing required field ${q(a.field)}. Add a line "${a.field}: …".`,
  },
  'unknown-field': {
    vi: (a) => `Trường ${q(a.field)} không hợp lệ ở đây.${didYouMeanVi(a)}${a.allowed ? ` Các trường được dùng: ${a.allowed}.` : ''}`,
    en: (a) => `Field ${q(a.field)} is not allowed here.${didYouMeanEn(a)}${a.allowed ? ` Allowed fields: ${a.allowed}.` : ''}`,
  },
  'wrong-type': {
    vi: (a) => `Giá trị phải là ${TYPE_VI[a.expected!] ?? a.expected}.`,
    en: (a) => `The value must be ${TYPE_EN[a.expected!] ?? a.expected}.`,
  },
  'not-in-list': {
    vi: (a) => `Giá trị ${q(a.value)} không hợp lệ. Chọn một trong: ${a.allowed}.${didYouMeanVi(a)}`,
    en: (a) => `Value ${q(a.value)} is not valid. Use one of: ${a.allowed}.${didYouMeanEn(a)}`,
  },
  'bad-format': {
    vi: (a) => `Giá trị ${q(a.value)} không đúng dạng: ${HINT_VI[a.hint!] ?? a.hint}.`,
    en: (a) => `Value ${q(a.value)} has the wrong form: ${HINT_EN[a.hint!] ?? a.hint}.`,
  },
  'too-small': {
    vi: (a) => `Giá trị ${q(a.value)} nhỏ hơn mức cho phép (tối thiểu ${a.limit}). Số liệu không được âm.`,
    en: (a) => `Value ${q(a.value)} is below the minimum ${a.limit}. Figures cannot be negative.`,
  },
  'too-large': {
    vi: (a) => `Giá trị ${q(a.value)} lớn hơn mức cho phép (tối đa ${a.limit}).`,
    en: (a) => `Value ${q(a.value)} is above the maximum ${a.limit}.`,
  },
  'too-few': {
    vi: (a) => `Danh sách cần ít nhất ${a.limit} mục.`,
    en: (a) => `The list needs at least ${a.limit} item(s).`,
  },
  'invalid-value': {
    vi: (a) => `Giá trị không hợp lệ (${a.detail}).`,
    en: (a) => `Invalid value (${a.detail}).`,
  },
  'impossible-date': {
    vi: (a) => `Ngày ${q(a.value)} không có thật trên lịch. Kiểm tra ngày và tháng (dạng 14/09/2025 là ngày/tháng/năm).`,
    en: (a) => `${q(a.value)} is not a real calendar date. Check day and month (14/09/2025 is day/month/year).`,
  },
  'bad-target': {
    vi: (a) => `Chỉ tiêu ${q(a.value)} không hợp lệ: ${TARGET_PROBLEM_VI[a.problem!]}.`,
    en: (a) => `Target ${q(a.value)} is not valid: ${TARGET_PROBLEM_EN[a.problem!]}.`,
  },
  'duplicate-id': {
    vi: (a) => `Mã ${q(a.id)} đã dùng ở dòng ${a.firstLine}. Mỗi mã chỉ dùng một lần: đổi mã này.`,
    en: (a) => `Id ${q(a.id)} is already used on line ${a.firstLine}. Ids must be unique: change this one.`,
  },
  'unknown-unit': {
    vi: (a) => `Không có đơn vị ${q(a.id)} trong kế hoạch.${didYouMeanVi(a)} Dùng mã đơn vị (ví dụ ${a.example}) hoặc tên/tên gọi khác khai báo trong "units:" của kế hoạch.`,
    en: (a) => `The plan has no unit ${q(a.id)}.${didYouMeanEn(a)} Use a unit id (e.g. ${a.example}) or a name or alias listed under "units:" in the plan.`,
  },
  'unit-is-group': {
    vi: (a) => `${q(a.id)} là một nhóm đơn vị (${a.members}); mỗi đơn vị thành viên báo cáo bằng tệp riêng. Ghi mã một đơn vị, ví dụ unit: ${a.example}.`,
    en: (a) => `${q(a.id)} is a group of units (${a.members}); each member reports in its own file. Write one unit id, e.g. unit: ${a.example}.`,
  },
  'member-is-group': {
    vi: (a) => `Thành viên ${q(a.id)} của nhóm lại là một nhóm. Chỉ ghi các đơn vị cụ thể trong "members:".`,
    en: (a) => `Member ${q(a.id)} of the group is itself a group. List single units in "members:".`,
  },
  'lead-group-empty': {
    vi: (a) => `Nhóm ${q(a.id)} không có thành viên nên không thể chủ trì tiêu chí. Ghi một đơn vị chủ trì cụ thể, hoặc thêm "members:" cho nhóm.`,
    en: (a) => `Group ${q(a.id)} has no members, so it cannot lead a criterion. Name a single lead unit, or give the group "members:".`,
  },
  'duplicate-alias': {
    vi: (a) => `Tên ${q(a.name)} trùng với tên của đơn vị ${q(a.other)} (sau khi bỏ khác biệt về dấu, chữ hoa, gạch nối). Mỗi tên chỉ thuộc một đơn vị.`,
    en: (a) => `Name ${q(a.name)} clashes with a name of unit ${q(a.other)} (ignoring tone placement, case and dashes). Each name must belong to one unit.`,
  },
  'aggregate-percent-sum': {
    vi: (a) => `Chỉ tiêu phần trăm ${q(a.measure)} của nhóm không thể cộng dồn. Ghi "aggregate: each" (mỗi đơn vị đều đạt) hoặc đổi sang kind: ratio với tử số và mẫu số.`,
    en: (a) => `Percent measure ${q(a.measure)} of a group cannot be summed. Write "aggregate: each" (every member meets it) or use kind: ratio with value and total.`,
  },
  'aggregate-without-group': {
    vi: (a) => `"aggregate" chỉ dùng khi đơn vị chủ trì là một nhóm; ${q(a.lead)} là một đơn vị. Xóa dòng này.`,
    en: (a) => `"aggregate" only applies when the lead is a group; ${q(a.lead)} is a single unit. Remove the line.`,
  },
  'duplicate-plan': {
    vi: (a) => `Kế hoạch ${q(a.id)} đã được nạp từ ${a.other}. Chỉ giữ một tệp cho mỗi kế hoạch (tăng "revision:" khi sửa đổi).`,
    en: (a) => `Plan ${q(a.id)} is already loaded from ${a.other}. Keep one file per plan (bump "revision:" when amending it).`,
  },
  'unknown-plan': {
    vi: (a) => `Không có kế hoạch ${q(a.plan)} trong các tệp đã nạp (${a.loaded || 'chưa nạp kế hoạch nào'}).${didYouMeanVi(a)} Sửa "plan:" hoặc chỉ ra tệp kế hoạch bằng --plan.`,
    en: (a) => `No plan ${q(a.plan)} among the loaded files (${a.loaded || 'no plan loaded'}).${didYouMeanEn(a)} Fix "plan:" or name the plan file with --plan.`,
  },
  'plan-revision-newer': {
    vi: (a) => `Tệp ghi planRevision: ${a.planRevision} nhưng kế hoạch mới ở lần sửa đổi ${a.revision}. Dùng tệp kế hoạch mới nhất, hoặc sửa thành planRevision: ${a.revision}.`,
    en: (a) => `The file says planRevision: ${a.planRevision} but the plan is at revision ${a.revision}. Use the newest plan file, or write planRevision: ${a.revision}.`,
  },
  'plan-revision-older': {
    vi: (a) => `Tệp được lập theo lần sửa đổi ${a.planRevision} của kế hoạch; kế hoạch hiện ở lần ${a.revision}. Kiểm tra lại chỉ tiêu rồi sửa thành planRevision: ${a.revision}.`,
    en: (a) => `The file follows revision ${a.planRevision} of the plan; the plan is now at revision ${a.revision}. Check the targets, then write planRevision: ${a.revision}.`,
  },
  'evidence-missing': {
    vi: (a) => `Không tìm thấy tài liệu kiểm chứng ${q(a.path)} trong kho. Kiểm tra tên và thư mục của tệp (đường dẫn tính từ thư mục gốc của kho), hoặc ghi số và ngày của văn bản thay cho đường dẫn.`,
    en: (a) => `Evidence file ${q(a.path)} is not in the repository. Check the file's name and folder (paths are relative to the repository root), or cite the document's number and date instead.`,
  },
  'not-filled': {
    vi: (a) => `Tiêu chí ${a.criterion} chưa được điền số liệu (${a.fields}). Ghi số vào chỗ trống, ví dụ "{ value: 1243, total: 1250 }" hoặc "status: done"; nếu đơn vị chưa có số liệu kỳ này, xóa cả mục "${a.criterion}".`,
    en: (a) => `Criterion ${a.criterion} is not filled in (${a.fields}). Write the figures in the blanks, e.g. "{ value: 1243, total: 1250 }" or "status: done"; if there are no figures this period, delete the whole "${a.criterion}" entry.`,
  },
  'plan-changed': {
    vi: (a) => `Kế hoạch sửa đổi lần ${a.revision}: ${a.field === 'target' && a.measure ? `chỉ tiêu ${a.measure}` : `${FIELD_VI[a.field!] ?? a.field}${a.measure ? ` (${a.measure})` : ''}`} của tiêu chí ${a.criterion}${a.from !== undefined ? ` đổi từ ${q(a.from)}` : ''}${a.to !== undefined ? ` thành ${q(a.to)}` : ''}. Kiểm tra lại số liệu của tiêu chí này.`,
    en: (a) => `Plan revision ${a.revision}: ${a.field === 'target' && a.measure ? `the target of ${a.measure}` : `${FIELD_EN[a.field!] ?? a.field}${a.measure ? ` (${a.measure})` : ''}`} of criterion ${a.criterion}${a.from !== undefined ? ` changed from ${q(a.from)}` : ''}${a.to !== undefined ? ` to ${q(a.to)}` : ''}. Check this criterion's figures.`,
  },
  'criterion-removed': {
    vi: (a) => a.to ? `Tiêu chí ${q(a.id)} đã đổi mã thành ${q(a.to)} ở lần sửa đổi ${a.revision} của kế hoạch. Đổi "${a.id}" thành "${a.to}" và sửa planRevision.` : `Tiêu chí ${q(a.id)} đã bị bỏ ở lần sửa đổi ${a.revision} của kế hoạch. Xóa mục "${a.id}" khỏi tệp và sửa planRevision.`,
    en: (a) => a.to ? `Criterion ${q(a.id)} was renumbered ${q(a.to)} in revision ${a.revision} of the plan. Rename "${a.id}" to "${a.to}" and update planRevision.` : `Criterion ${q(a.id)} was removed in revision ${a.revision} of the plan. Delete the "${a.id}" entry and update planRevision.`,
  },
  'amendment-revision-future': {
    vi: (a) => `Sửa đổi ghi revision ${a.amendment} nhưng kế hoạch mới ở lần ${a.revision}. Tăng "revision:" của kế hoạch lên ${a.amendment}, hoặc sửa số lần sửa đổi.`,
    en: (a) => `The amendment says revision ${a.amendment} but the plan is at revision ${a.revision}. Raise the plan's "revision:" to ${a.amendment}, or fix the amendment.`,
  },
  'unknown-criterion': {
    vi: (a) => `Kế hoạch ${q(a.plan)} không có tiêu chí ${q(a.id)}.${didYouMeanVi(a)} Xem danh sách mã tiêu chí trong tệp kế hoạch.`,
    en: (a) => `Plan ${q(a.plan)} has no criterion ${q(a.id)}.${didYouMeanEn(a)} See the criterion ids in the plan file.`,
  },
  'criterion-is-heading': {
    vi: (a) => `${q(a.id)} là tiêu đề nhóm, không phải tiêu chí. Báo cáo theo các tiêu chí con của nó (${a.children || 'không có'}).`,
    en: (a) => `${q(a.id)} is a heading, not a criterion. Report its sub-criteria instead (${a.children || 'none'}).`,
  },
  'unknown-measure': {
    vi: (a) => `Tiêu chí ${a.criterion} không có chỉ tiêu ${q(a.measure)}.${didYouMeanVi(a)} Các chỉ tiêu của tiêu chí: ${a.known}.`,
    en: (a) => `Criterion ${a.criterion} has no measure ${q(a.measure)}.${didYouMeanEn(a)} Its measures: ${a.known}.`,
  },
  'task-has-no-measures': {
    vi: (a) => `Tiêu chí ${a.criterion} là nhiệm vụ, không có chỉ tiêu số ${q(a.measure)}. Ghi "status: done" (kèm completedOn), "in-progress" hoặc "not-started".`,
    en: (a) => `Criterion ${a.criterion} is a task with no numeric measure ${q(a.measure)}. Write "status: done" (with completedOn), "in-progress" or "not-started".`,
  },
  'status-on-measured': {
    vi: (a) => `Tiêu chí ${a.criterion} được đánh giá bằng số liệu (${a.known}), không dùng "status". Ghi số liệu của từng chỉ tiêu.`,
    en: (a) => `Criterion ${a.criterion} is judged on figures (${a.known}), not "status". Give the figures of each measure.`,
  },
  'not-responsible': {
    vi: (a) => `Đơn vị ${q(a.unit)} không chủ trì tiêu chí ${a.criterion} (chủ trì: ${a.lead}) nên không báo cáo số liệu hay trạng thái. Chỉ được ghi "note:"; xóa số liệu, hoặc để đơn vị chủ trì báo cáo.`,
    en: (a) => `Unit ${q(a.unit)} does not lead criterion ${a.criterion} (lead: ${a.lead}), so it cannot report figures or a status. Only "note:" is allowed; remove the figures or let the lead unit report them.`,
  },
  'ratio-needs-total': {
    vi: (a) => `Chỉ tiêu ${q(a.measure)} là tỷ lệ: ghi cả tử số và mẫu số, ví dụ "${a.measure}: { value: 1243, total: 1250 }"${a.totalLabel ? ` (total: ${a.totalLabel})` : ''}.`,
    en: (a) => `Measure ${q(a.measure)} is a ratio: give both figures, e.g. "${a.measure}: { value: 1243, total: 1250 }"${a.totalLabel ? ` (total: ${a.totalLabel})` : ''}.`,
  },
  'number-expected': {
    vi: (a) => `Chỉ tiêu ${q(a.measure)} là ${a.kind === 'count' ? 'số đếm' : 'phần trăm'}: ghi một số, ví dụ "${a.measure}: ${a.kind === 'count' ? 0 : 95}".`,
    en: (a) => `Measure ${q(a.measure)} is a ${a.kind}: write one number, e.g. "${a.measure}: ${a.kind === 'count' ? 0 : 95}".`,
  },
  'value-exceeds-total': {
    vi: (a) => `Tử số (value: ${a.value}) lớn hơn mẫu số (total: ${a.total}). Kiểm tra lại: value là phần đạt, total là tổng số.`,
    en: (a) => `value (${a.value}) is greater than total (${a.total}). value is the part that meets the target, total the whole.`,
  },
  'count-not-integer': {
    vi: (a) => `Chỉ tiêu ${q(a.measure)} là số đếm: ghi số nguyên, không ghi ${a.value}.`,
    en: (a) => `Measure ${q(a.measure)} is a count: write a whole number, not ${a.value}.`,
  },
  'percent-out-of-range': {
    vi: (a) => `Phần trăm ${a.value} nằm ngoài khoảng 0–100.`,
    en: (a) => `Percentage ${a.value} is outside 0–100.`,
  },
  'done-needs-date': {
    vi: (a) => `Tiêu chí ${a.criterion} ghi "status: done" nhưng thiếu ngày hoàn thành. Thêm "completedOn: 15/08/2025" (ngày hoàn thành thực tế).`,
    en: (a) => `Criterion ${a.criterion} says "status: done" but has no completion date. Add "completedOn: 2025-08-15".`,
  },
  'completed-after-as-of': {
    vi: (a) => `Ngày hoàn thành ${vnDate(a.completedOn)} sau ngày chốt số liệu ${vnDate(a.asOf)}. Kiểm tra lại ngày, hoặc báo cáo "in-progress" ở kỳ này.`,
    en: (a) => `Completion date ${a.completedOn} is after the report's asOf ${a.asOf}. Check the date, or report "in-progress" for this period.`,
  },
  'duplicate-report': {
    vi: (a) => `Đơn vị ${q(a.unit)} đã có báo cáo chốt ngày ${vnDate(a.asOf)} ở tệp ${a.other}. Mỗi đơn vị chỉ một tệp cho mỗi ngày chốt: gộp hai tệp hoặc sửa "asOf:".`,
    en: (a) => `Unit ${q(a.unit)} already has a report as of ${a.asOf} in ${a.other}. One file per unit and asOf: merge the two or fix "asOf:".`,
  },
  'option-value': {
    vi: (a) => `Tùy chọn ${a.option} không nhận giá trị ${q(a.value)}: ${a.hint === 'choices' ? `chọn một trong ${a.allowed}` : HINT_VI[a.hint!] ?? a.hint}.`,
    en: (a) => `Option ${a.option} does not take ${q(a.value)}: ${a.hint === 'choices' ? `use one of ${a.allowed}` : HINT_EN[a.hint!] ?? a.hint}.`,
  },
  'argument-value': {
    vi: (a) => `Lệnh ${a.command} không nhận ${q(a.value)}: chọn một trong ${a.allowed}.`,
    en: (a) => `Command ${a.command} does not take ${q(a.value)}: use one of ${a.allowed}.`,
  },
  'option-missing-value': {
    vi: (a) => `Tùy chọn ${a.option} cần một giá trị, ví dụ ${a.option} ${a.example}.`,
    en: (a) => `Option ${a.option} needs a value, e.g. ${a.option} ${a.example}.`,
  },
  'unknown-option': {
    vi: (a) => `Không có tùy chọn ${q(a.option)}.${didYouMeanVi(a)} Xem "cchc ${a.command} --help".`,
    en: (a) => `There is no option ${q(a.option)}.${didYouMeanEn(a)} See "cchc ${a.command} --help".`,
  },
  'unknown-command': {
    vi: (a) => `Không có lệnh ${q(a.command)}.${didYouMeanVi(a)} Các lệnh: check, validate, init, history, plan, schema. Xem "cchc --help".`,
    en: (a) => `There is no command ${q(a.command)}.${didYouMeanEn(a)} Commands: check, validate, init, history, plan, schema. See "cchc --help".`,
  },
  'missing-argument': {
    vi: (a) => `Lệnh ${a.command} cần thêm ${q(a.argument)}. Xem "cchc ${a.command} --help".`,
    en: (a) => `Command ${a.command} needs ${q(a.argument)}. See "cchc ${a.command} --help".`,
  },
  'too-many-arguments': {
    vi: (a) => `Thừa tham số ${q(a.value)}. Xem "cchc --help".`,
    en: (a) => `Unexpected argument ${q(a.value)}. See "cchc --help".`,
  },
  'bad-timezone': {
    vi: (a) => `Múi giờ ${q(a.value)} không tồn tại. Viết tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.`,
    en: (a) => `Unknown time zone ${q(a.value)}. Write an IANA zone name, e.g. Asia/Ho_Chi_Minh.`,
  },
  'output-extension': {
    vi: (a) => `Không biết xuất tệp ${q(a.file)} theo định dạng nào. Dùng đuôi tệp ${a.known}, hoặc ghi rõ --format.`,
    en: (a) => `Cannot tell which format ${q(a.file)} should be. Use one of the extensions ${a.known}, or give --format.`,
  },
  'output-is-input': {
    vi: (a) => `Không ghi báo cáo đè lên ${q(a.file)}: đó là tệp dữ liệu đầu vào. Chọn tên tệp khác cho -o.`,
    en: (a) => `Refusing to write the report over ${q(a.file)}: it is an input file. Choose another name for -o.`,
  },
  'binary-to-terminal': {
    vi: (a) => `Định dạng ${a.format} là tệp nhị phân, không in ra màn hình được. Ghi vào tệp: -o bao-cao.${a.format}.`,
    en: (a) => `Format ${a.format} is binary and cannot be shown in the terminal. Write it to a file: -o report.${a.format}.`,
  },
  'output-failed': {
    vi: (a) => `Không ghi được tệp ${q(a.file)}: ${REASON_VI[a.reason!] ?? a.reason}. Kiểm tra thư mục và quyền ghi (tệp có đang mở trong Excel không?).`,
    en: (a) => `Cannot write ${q(a.file)}: ${REASON_EN[a.reason!] ?? a.reason}. Check the folder and permissions (is the file open in Excel?).`,
  },
  'several-plans-stdout': {
    vi: (a) => `Định dạng ${a.format} tạo một tệp cho mỗi kế hoạch (đã nạp ${a.count} kế hoạch). Ghi vào tệp bằng -o bao-cao.${a.format === 'xlsx' ? 'xlsx' : 'html'}, hoặc chọn một kế hoạch bằng --plan MÃ.`,
    en: (a) => `Format ${a.format} makes one file per plan (${a.count} plans loaded). Write files with -o report.${a.format === 'xlsx' ? 'xlsx' : 'html'}, or choose one plan with --plan ID.`,
  },
  'no-plan': {
    vi: () => 'Chưa có kế hoạch nào được nạp. Chỉ ra tệp kế hoạch bằng --plan plans/ten-ke-hoach.yaml, hoặc ghi "plan:" trong cchc.config.yaml.',
    en: () => 'No plan was loaded. Name the plan file with --plan plans/my-plan.yaml, or set "plan:" in cchc.config.yaml.',
  },
  'several-plans': {
    vi: (a) => `Đã nạp nhiều kế hoạch (${a.ids}). Chọn một bằng --plan MÃ_KẾ_HOẠCH.`,
    en: (a) => `Several plans are loaded (${a.ids}). Choose one with --plan PLAN_ID.`,
  },
  'no-config': {
    vi: () => 'Không có đường dẫn nào và không tìm thấy cchc.config.yaml ở thư mục này hay thư mục cha. Chạy "cchc check plans/ke-hoach.yaml bao-cao/" hoặc tạo cchc.config.yaml.',
    en: () => 'No paths given and no cchc.config.yaml in this folder or a parent. Run "cchc check plans/plan.yaml progress/" or create cchc.config.yaml.',
  },
  'not-a-command': {
    vi: (a) => `${q(a.command)} không phải là lệnh, cũng không phải tệp hay thư mục có ở đây.${didYouMeanVi(a)} Các lệnh: ${a.commands}. Xem "${a.cchc} --help".`,
    en: (a) => `${q(a.command)} is neither a command nor a file or folder here.${didYouMeanEn(a)} Commands: ${a.commands}. See "${a.cchc} --help".`,
  },
  'unknown-subcommand': {
    vi: (a) => `Lệnh ${a.parent} không có lệnh con ${q(a.command)}.${didYouMeanVi(a)} Các lệnh con của ${a.parent}: ${a.commands}. Xem "${a.cchc} ${a.parent} --help".`,
    en: (a) => `Command ${a.parent} has no subcommand ${q(a.command)}.${didYouMeanEn(a)} Subcommands of ${a.parent}: ${a.commands}. See "${a.cchc} ${a.parent} --help".`,
  },
};

const MESSAGES: MessageTable = { ...CORE_MESSAGES, ...INIT_MESSAGES, ...PLAN_MESSAGES, ...INPUT_MESSAGES, ...IMPORT_MESSAGES };

export function formatMessage(d: Pick<Diagnostic, 'code' | 'args'>, lang: Lang): string {
  const entry = MESSAGES[d.code];
  if (!entry) return `${d.code} ${JSON.stringify(d.args)}`;
  return entry[lang](d.args);
}

/** Every code the message table knows, for tests that each code has both languages. */
export const MESSAGE_CODES = Object.keys(MESSAGES);

export const STATUS_LABEL: Record<Lang, Record<Status, string>> = {
  vi: { pass: 'Đạt', fail: 'Không đạt', overdue: 'Quá hạn', 'at-risk': 'Chưa đạt', pending: 'Đang thực hiện', 'no-data': 'Chưa báo cáo' },
  en: { pass: 'Pass', fail: 'Fail', overdue: 'Overdue', 'at-risk': 'At risk', pending: 'Pending', 'no-data': 'No data' },
};

/** Words of the table and summary. */
export const UI = {
  vi: {
    id: 'Mã', criterion: 'Tiêu chí', target: 'Chỉ tiêu', actual: 'Thực tế', due: 'Hạn', lead: 'Chủ trì', status: 'Trạng thái',
    ongoing: 'Thường xuyên', area: 'Lĩnh vực', notArising: 'không phát sinh', done: 'Hoàn thành', inProgress: 'Đang làm',
    notStarted: 'Chưa bắt đầu', doneOn: 'xong', noReport: 'chưa báo cáo', dueSoon: 'sắp đến hạn', task: 'nhiệm vụ',
    overdueTitle: 'Quá hạn', days: '{n} ngày', overdueNone: 'Không có tiêu chí quá hạn.', daysOverdue: 'quá hạn {n} ngày', missing: 'chưa báo cáo',
    total: 'Tổng', criteria: 'tiêu chí', asOf: 'tính đến ngày', warnings: 'cảnh báo', errors: 'lỗi',
    error: 'lỗi', warning: 'cảnh báo', invalidInput: 'Dữ liệu đầu vào có lỗi: {n} lỗi. Sửa các lỗi trên rồi chạy lại.',
    invalidInputPartial: 'Dữ liệu đầu vào có lỗi: {n} lỗi. Bảng trên chỉ tính các tệp hợp lệ (tệp lỗi bị bỏ qua) và không xuất báo cáo ra tệp. Sửa các lỗi trên rồi chạy lại.',
    valid: 'Hợp lệ: {files} tệp ({plans} kế hoạch, {reports} báo cáo tiến độ).', each: 'mỗi đơn vị', noMatch: 'Không có tiêu chí nào khớp bộ lọc.',
    dueImplied: 'cuối năm',
    written: 'Đã ghi {file}', noEvidence: 'thiếu tài liệu kiểm chứng', evidence: 'Tài liệu kiểm chứng',
    plan: 'Kế hoạch', byPlan: 'Tổng hợp theo kế hoạch (xã), xếp từ kém nhất:',
    unitFocus: 'Đơn vị: {unit} — tiêu chí do nhóm chủ trì chỉ tính phần số liệu của đơn vị này.',
    forecast: 'dự báo', forecastMiss: 'dự báo không đạt',
  },
  en: {
    id: 'Id', criterion: 'Criterion', target: 'Target', actual: 'Actual', due: 'Due', lead: 'Lead', status: 'Status',
    ongoing: 'Ongoing', area: 'Area', notArising: 'none arose', done: 'Done', inProgress: 'In progress',
    notStarted: 'Not started', doneOn: 'done', noReport: 'no report', dueSoon: 'due soon', task: 'task',
    overdueTitle: 'Overdue', days: '{n} days', overdueNone: 'No overdue criteria.', daysOverdue: '{n} days overdue', missing: 'no report from',
    total: 'Total', criteria: 'criteria', asOf: 'as of', warnings: 'warnings', errors: 'errors',
    error: 'error', warning: 'warning', invalidInput: 'Invalid input: {n} error(s). Fix them and run again.',
    invalidInputPartial: 'Invalid input: {n} error(s). The table above counts only the valid files (broken ones are left out) and no report file was written. Fix the errors and run again.',
    valid: 'Valid: {files} file(s) ({plans} plan(s), {reports} progress report(s)).', each: 'each unit', noMatch: 'No criteria match the filter.',
    dueImplied: 'year end',
    written: 'Wrote {file}', noEvidence: 'no evidence', evidence: 'Evidence',
    plan: 'Plan', byPlan: 'Summary by plan (commune), worst first:',
    unitFocus: 'Unit: {unit} — for group-led criteria only this unit\'s own figures count.',
    forecast: 'forecast', forecastMiss: 'forecast to miss',
  },
} satisfies Record<Lang, Record<string, string>>;

export type UiKey = keyof (typeof UI)['vi'];

export function ui(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return UI[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
}
