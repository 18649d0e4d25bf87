import type { MessageTable } from './message-table.js';
import { displayDate } from './util/dates.js';

const q = (s: string | number | undefined) => `“${s ?? ''}”`;

/** Sizes in megabytes, with the reader's decimal mark: "30,0 MB" in Vietnamese, "30.0 MB" in English. */
const mb = (bytes: string | number | undefined, lang: 'vi' | 'en') => {
  const text = (Number(bytes ?? 0) / (1024 * 1024)).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} MB`;
};

const TYPE_VI: Record<string, string> = {
  string: 'một đoạn chữ', integer: 'một số nguyên', number: 'một số', object: 'các dòng "khóa: giá trị" ở bên dưới, thụt vào 2 dấu cách',
  array: 'các dòng "- mục" ở bên dưới, thụt vào 2 dấu cách', boolean: 'true hoặc false',
};
const TYPE_EN: Record<string, string> = {
  string: 'some text', integer: 'a whole number', number: 'a number', object: '"key: value" lines below it, indented 2 spaces',
  array: '"- item" lines below it, indented 2 spaces', boolean: 'true or false',
};
/** Types written on the lines below the key rather than after its colon. */
const BELOW = new Set(['object', 'array']);

/** What a field left empty usually holds, to show in the message. */
const EXAMPLE: Record<string, string> = {
  schema: 'cchc/progress@1', plan: 'quang-son-2025', planRevision: '1', unit: 'ttphcc', period: 'Quý III/2025',
  asOf: '14/09/2025', completedOn: '15/08/2025', reportedBy: 'Bộ phận tổng hợp', status: 'done', revision: '1', year: '2025',
};

/**
 * Messages for inputs that are broken before their content can be checked: files that are not
 * text, too large, or YAML that would crash or fool the reader (deep nesting, alias bombs,
 * `__proto__` keys, keys that are lists, numbers JavaScript cannot hold). Each says what to do instead.
 */
export const INPUT_MESSAGES: MessageTable = {
  'path-is-directory': {
    vi: () => 'Đây là một thư mục, không phải tệp .yaml. Chỉ ra tệp bên trong thư mục (ví dụ …/ttphcc.yaml), hoặc đổi tên thư mục để bỏ đuôi .yaml.',
    en: () => 'This is a folder, not a .yaml file. Name a file inside it (e.g. …/ttphcc.yaml), or rename the folder without the .yaml ending.',
  },
  'not-a-file': {
    vi: () => 'Đây không phải một tệp thông thường (có thể là thiết bị hoặc đường ống). Chỉ ra tệp .yaml được lưu trên ổ đĩa.',
    en: () => 'This is not a regular file (perhaps a device or a pipe). Name a .yaml file saved on disk.',
  },
  'file-too-large': {
    vi: (a) => `Tệp quá lớn (${mb(a.size, 'vi')}; giới hạn ${mb(a.limit, 'vi')}). Tệp kế hoạch hay báo cáo tiến độ chỉ vài chục KB: kiểm tra xem có chép nhầm dữ liệu khác vào không, hoặc tách thành nhiều tệp.`,
    en: (a) => `The file is too large (${mb(a.size, 'en')}; the limit is ${mb(a.limit, 'en')}). A plan or progress file is a few dozen KB: check that nothing else was pasted into it, or split it into several files.`,
  },
  'file-utf16': {
    vi: () => 'Tệp được lưu dạng "Unicode" (UTF-16), không phải UTF-8. Mở tệp và lưu lại với mã hóa "UTF-8" (Notepad: Tệp → Lưu thành… → Mã hóa: UTF-8).',
    en: () => 'The file is saved as "Unicode" (UTF-16), not UTF-8. Open it and save it again as "UTF-8" (Notepad: File → Save As… → Encoding: UTF-8).',
  },
  'file-binary': {
    vi: () => 'Tệp không phải văn bản (có byte 0): có thể là tệp Word, Excel hoặc ảnh bị đổi đuôi thành .yaml. Mở bằng Notepad hoặc VS Code, chép nội dung sang một tệp văn bản mới và lưu với mã hóa "UTF-8".',
    en: () => 'The file is not text (it holds zero bytes): perhaps a Word, Excel or image file renamed to .yaml. Open it in Notepad or VS Code, copy the content into a new text file and save it as "UTF-8".',
  },
  'control-character': {
    vi: (a) => `Có ký tự điều khiển vô hình (${a.codePoint}) ở đây, thường do chép từ phần mềm khác hoặc tệp bị hỏng. Xóa ký tự này (VS Code, Notepad++ hiện được nó) rồi lưu lại.`,
    en: (a) => `An invisible control character (${a.codePoint}) is here, usually pasted from another program or left by a damaged file. Delete it (VS Code and Notepad++ show it) and save.`,
  },
  'odd-whitespace': {
    vi: (a) => `Có khoảng trắng đặc biệt (${a.codePoint}, thường có khi chép từ Word, trang web hoặc điện thoại) ở đây; YAML chỉ hiểu dấu cách thường. Xóa các khoảng trắng đầu dòng (hoặc sau dấu hai chấm) và gõ lại bằng phím cách.`,
    en: (a) => `A special space (${a.codePoint}, common when pasting from Word, a web page or a phone) is here; YAML only understands plain spaces. Delete the spaces at the start of the line (or after the colon) and type them again with the space bar.`,
  },
  'yaml-too-deep': {
    vi: (a) => `Dữ liệu lồng nhau quá sâu (hơn ${a.limit} cấp) từ đây. Tệp cchc chỉ cần khoảng 10 cấp thụt lề: kiểm tra các dấu ngoặc [ { và thụt lề, có thể tệp bị hỏng hoặc không phải tệp cchc.`,
    en: (a) => `The data is nested too deep (more than ${a.limit} levels) from here. A cchc file needs about 10 levels of indentation: check the [ { brackets and the indentation; the file may be damaged or not a cchc file.`,
  },
  'yaml-several-documents': {
    vi: (a) => `Tệp có ${a.count} tài liệu YAML, ngăn cách bởi dòng "---" ở đây. Mỗi tệp chỉ chứa một kế hoạch hoặc một báo cáo: xóa dòng "---" thừa, hoặc tách mỗi phần thành một tệp riêng.`,
    en: (a) => `The file holds ${a.count} YAML documents, separated by the "---" line here. Each file holds one plan or one report: delete the extra "---" line, or split each part into a file of its own.`,
  },
  'reserved-key': {
    vi: (a) => `Khóa ${q(a.key)} không được dùng: đó là tên dành riêng của JavaScript và có thể bị lợi dụng để làm sai dữ liệu. Xóa dòng này hoặc đổi tên khóa (cchc không có trường nào tên như vậy).`,
    en: (a) => `Key ${q(a.key)} is not allowed: it is a reserved JavaScript name that can be abused to corrupt data. Delete the line or rename the key (no cchc field has that name).`,
  },
  'yaml-collection-key': {
    vi: (a) => `Khóa ${q(a.key)} là một danh sách hoặc một nhóm (chẳng hạn viết trong ngoặc [ ] hay { }), nhưng khóa chỉ được là một mã hay một đoạn chữ. Viết khóa dạng chữ, ví dụ "3.1.1": …; nếu dấu ngoặc là một phần của khóa, đặt cả khóa trong dấu nháy kép.`,
    en: (a) => `Key ${q(a.key)} is a list or a mapping (such as one written in [ ] or { } brackets), but a key must be an id or some text. Write the key as text, e.g. "3.1.1": …; if the brackets are part of the key, put the whole key in double quotes.`,
  },
  'yaml-tag': {
    vi: (a) => `${q(a.tag)} ở đầu giá trị được YAML hiểu là thẻ kiểu dữ liệu (tag), cchc không dùng thẻ. Nếu đây là nội dung, đặt cả giá trị trong dấu nháy kép, ví dụ "${a.tag} …"; nếu không, xóa ${q(a.tag)}.`,
    en: (a) => `${q(a.tag)} at the start of the value is read by YAML as a type tag, which cchc does not use. If it is part of the text, put the whole value in double quotes, e.g. "${a.tag} …"; otherwise delete ${q(a.tag)}.`,
  },
  'yaml-alias-unknown': {
    vi: (a) => `Bí danh *${a.alias} không trỏ tới neo &${a.alias} nào phía trên. Ghi giá trị đầy đủ thay cho *${a.alias} (dấu * ở đầu giá trị có nghĩa riêng trong YAML; nếu là nội dung, đặt trong dấu nháy kép).`,
    en: (a) => `Alias *${a.alias} refers to no &${a.alias} anchor above it. Write the value out in full instead of *${a.alias} (a leading * means something in YAML; if it is text, put it in double quotes).`,
  },
  'yaml-alias-cycle': {
    vi: (a) => `Bí danh *${a.alias} nằm bên trong chính giá trị mà neo &${a.alias} đặt tên, tạo thành vòng lặp vô hạn. Ghi giá trị đầy đủ thay cho *${a.alias}.`,
    en: (a) => `Alias *${a.alias} sits inside the very value its anchor &${a.alias} names, which makes an endless loop. Write the value out in full instead of *${a.alias}.`,
  },
  'yaml-alias-limit': {
    vi: (a) => `Bí danh *${a.alias} làm dữ liệu nhân lên quá ${a.limit} lần (kiểu tấn công "billion laughs"), nên tệp không được đọc. Tệp cchc không cần neo & và bí danh *: ghi các giá trị đầy đủ.`,
    en: (a) => `Alias *${a.alias} multiplies the data more than ${a.limit} times (a "billion laughs" attack), so the file is not read. cchc files need no & anchors or * aliases: write the values out in full.`,
  },
  'number-not-finite': {
    vi: (a) => `${q(a.value)} không phải một con số dùng được (YAML đọc là "không phải số" hoặc vô cùng). Ghi số liệu cụ thể, ví dụ 1243 hoặc 99.5; nếu chưa có số liệu, xóa dòng này.`,
    en: (a) => `${q(a.value)} is not a usable number (YAML reads it as not-a-number or infinity). Write the actual figure, e.g. 1243 or 99.5; if there is no figure yet, delete the line.`,
  },
  'number-too-large': {
    vi: (a) => `Số ${a.value} quá lớn để tính chính xác (vượt 9.007.199.254.740.991 = 2^53 − 1) và sẽ bị làm tròn thành số khác. Kiểm tra lại số chữ số (có thể gõ thừa số 0); số tiền ghi theo đồng, ví dụ 12800000000.`,
    en: (a) => `${a.value} is too large to compute exactly (beyond 9,007,199,254,740,991 = 2^53 − 1) and would be rounded to another number. Check the digits (perhaps an extra zero); amounts are in đồng, e.g. 12800000000.`,
  },
  'colon-in-text': {
    vi: (a) => `Đoạn chữ ${q(a.text)} có dấu hai chấm và dấu cách (": ") nên YAML hiểu thành "khóa: giá trị". Đặt cả đoạn trong dấu nháy kép, ví dụ "${a.text}".`,
    en: (a) => `The text ${q(a.text)} holds a colon and a space (": "), so YAML reads it as "key: value". Put the whole text in double quotes, e.g. "${a.text}".`,
  },
  'yaml-colon-in-value': {
    vi: () => 'Giá trị này có dấu hai chấm và dấu cách (": ") nên YAML hiểu nhầm thành một khóa mới. Đặt cả giá trị trong dấu nháy kép, ví dụ note: "Kết quả: đạt 100%".',
    en: () => 'This value holds a colon and a space (": "), so YAML takes it for another key. Put the whole value in double quotes, e.g. note: "Result: 100% met".',
  },
  'yaml-colon-space': {
    vi: () => 'Thiếu dấu cách sau dấu hai chấm. Viết "khóa: giá trị" với một dấu cách sau dấu hai chấm, ví dụ asOf: 2025-09-14.',
    en: () => 'A space is missing after the colon. Write "key: value" with a space after the colon, e.g. asOf: 2025-09-14.',
  },
  'yaml-block-indicator': {
    vi: (a) => `Giá trị bắt đầu bằng ${q(a.char)}, ký tự YAML dùng để mở một khối văn bản nhiều dòng. Đặt cả giá trị trong dấu nháy kép, ví dụ target: ">= 90%".`,
    en: (a) => `The value starts with ${q(a.char)}, which opens a multi-line block of text in YAML. Put the whole value in double quotes, e.g. target: ">= 90%".`,
  },
  'decimal-comma': {
    vi: (a) => `Số ${q(a.value)} viết bằng dấu phẩy thập phân nên YAML đọc là chữ. Trong tệp YAML viết số thập phân bằng dấu chấm: ${String(a.value).replace(',', '.')}.`,
    en: (a) => `${q(a.value)} is written with a decimal comma, so YAML reads it as text. Write decimals with a point in YAML files: ${String(a.value).replace(',', '.')}.`,
  },
  'as-of-outside-plan-year': {
    vi: (a) => `Ngày chốt số liệu ${displayDate(String(a.asOf), 'vi')} không thuộc năm ${a.year} của kế hoạch ${a.plan}. Kiểm tra asOf, hoặc lập báo cáo theo kế hoạch của năm đó.`,
    en: (a) => `The data cut-off ${displayDate(String(a.asOf), 'en')} is not in ${a.year}, the year of plan ${a.plan}. Check asOf, or report against that year's plan.`,
  },
  'period-outside-plan-year': {
    vi: (a) => `Kỳ báo cáo ${q(a.period)} không thuộc năm ${a.year} của kế hoạch ${a.plan}. Kiểm tra period, hoặc lập báo cáo theo kế hoạch của năm đó.`,
    en: (a) => `Period ${q(a.period)} is not in ${a.year}, the year of plan ${a.plan}. Check period, or report against that year's plan.`,
  },
  'later-reports': {
    vi: (a) => `${a.n} báo cáo sau ngày ${displayDate(String(a.asOf), 'vi')} không được tính${a.config ? ` (ngày đánh giá asOf lấy từ ${a.config})` : ''}; dùng --as-of ${displayDate(String(a.latest), 'vi')} để xem.`,
    en: (a) => `${a.n} report(s) dated after ${displayDate(String(a.asOf), 'en')} are not counted${a.config ? ` (the evaluation date asOf comes from ${a.config})` : ''}; use --as-of ${displayDate(String(a.latest), 'en')} to see them.`,
  },
  'form-unreadable': {
    vi: () => 'Không đọc được tệp Excel này (tệp hỏng, chưa lưu xong, hoặc có mật khẩu). Mở bằng Excel, lưu lại dạng .xlsx không đặt mật khẩu; nếu vẫn lỗi, tạo biểu mẫu mới bằng "cchc init -o <tệp>.xlsx" rồi chép số liệu sang.',
    en: () => 'This Excel file cannot be read (damaged, not fully saved, or password-protected). Open it in Excel and save it as .xlsx without a password; if that fails, make a new form with "cchc init -o <file>.xlsx" and copy the figures over.',
  },
  'form-not-cchc': {
    vi: () => 'Tệp Excel này không phải biểu mẫu báo cáo của cchc (thiếu trang ẩn "cchc"). Tạo biểu mẫu bằng "cchc init --unit … --period … --as-of … -o bao-cao.xlsx" rồi điền vào đó; không chép số liệu sang một bảng tính khác.',
    en: () => 'This Excel file is not a cchc progress form (its hidden "cchc" sheet is missing). Make a form with "cchc init --unit … --period … --as-of … -o report.xlsx" and fill that in; do not copy the figures into another workbook.',
  },
  'form-empty': {
    vi: () => 'Biểu mẫu chưa được điền: chưa có ô nào ở các cột Số đạt, Tổng số, Trạng thái, Ngày hoàn thành, Tài liệu kiểm chứng hay Ghi chú. Điền số liệu của kỳ báo cáo rồi lưu lại; nếu đơn vị chưa có số liệu, đừng nộp tệp này.',
    en: () => 'The form is not filled in: no cell of the Value, Total, Status, Completed on, Evidence or Note columns has anything. Enter the period\'s figures and save; if the unit has no figures yet, do not hand in this file.',
  },
  'form-sheet-missing': {
    vi: (a) => `Biểu mẫu thiếu trang ${q(a.sheet)} (đã bị xóa hoặc đổi tên). Đổi lại tên trang thành ${q(a.sheet)}, hoặc tạo biểu mẫu mới bằng "cchc init -o <tệp>.xlsx".`,
    en: (a) => `The form has no sheet ${q(a.sheet)} (deleted or renamed). Rename the sheet back to ${q(a.sheet)}, or make a new form with "cchc init -o <file>.xlsx".`,
  },
  'figure-read': {
    vi: (a) => `Đã đọc ${q(a.written)} là ${a.read}${a.how === 'thousands' ? ' (dấu chấm phân cách hàng nghìn)' : a.how === 'multiplier' ? '' : a.how === 'money' ? ' (bỏ chữ “đồng”)' : ' (phần trăm)'}. Nếu đúng, có thể để nguyên; viết ${a.read} để không còn cảnh báo này.`,
    en: (a) => `Read ${q(a.written)} as ${a.read}${a.how === 'thousands' ? ' (dots group thousands)' : a.how === 'multiplier' ? '' : a.how === 'money' ? ' (the word “đồng” dropped)' : ' (a percentage)'}. If that is right you may leave it; write ${a.read} to silence this warning.`,
  },
  'colon-needs-space': {
    vi: (a) => `${q(a.written)}: thiếu dấu cách sau dấu hai chấm, nên YAML không đọc được số liệu. Viết ${a.fixed} (mỗi dấu hai chấm có một dấu cách theo sau).`,
    en: (a) => `${q(a.written)}: no space after the colons, so YAML cannot read the figures. Write ${a.fixed} (a space after each colon).`,
  },
  'comma-in-braces': {
    vi: (a) => `${q(a.written)}: trong dấu { } dấu phẩy ngăn cách các trường, nên số có dấu phẩy bị tách đôi. Viết số không có dấu phẩy: ${a.fixed}.`,
    en: (a) => `${q(a.written)}: inside { } a comma separates the fields, so a number with a comma is cut in two. Write the numbers without commas: ${a.fixed}.`,
  },
  'thousands-dot': {
    vi: (a) => `Số ${q(a.value)} được đọc là ${String(a.read).replace('.', ',')} (trong YAML dấu chấm là dấu thập phân)${a.reason === 'below-value' ? `, nhỏ hơn tử số value: ${a.other}` : a.reason === 'not-integer' ? ', không phải số nguyên như chỉ tiêu đếm cần' : ''}. Nếu là ${a.fixed}, viết ${a.fixed}, không dùng dấu chấm phân cách hàng nghìn${a.reason ? '' : '; nếu đúng là số thập phân, có thể bỏ qua cảnh báo này'}.`,
    en: (a) => `${q(a.value)} is read as ${a.read} (in YAML the point is a decimal point)${a.reason === 'below-value' ? `, less than the value ${a.other}` : a.reason === 'not-integer' ? ', not a whole number as a count must be' : ''}. If you mean ${a.fixed}, write ${a.fixed} without a thousands separator${a.reason ? '' : '; if it really is a decimal, you can ignore this warning'}.`,
  },
  'empty-value': {
    vi: (a) => `${q(a.field)} chưa có giá trị. ${EXAMPLE[a.field!] ? `Ghi giá trị sau dấu hai chấm, ví dụ ${a.field}: ${EXAMPLE[a.field!]}` : `Ghi ${TYPE_VI[a.expected!] ?? a.expected}${BELOW.has(String(a.expected)) ? '' : ' sau dấu hai chấm'}`}.`,
    en: (a) => `${q(a.field)} has no value. ${EXAMPLE[a.field!] ? `Write the value after the colon, e.g. ${a.field}: ${EXAMPLE[a.field!]}` : `Write ${TYPE_EN[a.expected!] ?? a.expected}${BELOW.has(String(a.expected)) ? '' : ' after the colon'}`}.`,
  },
};
