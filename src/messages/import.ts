import type { MessageTable } from '../message-table.js';
import { displayDate } from '../util/dates.js';

const q = (s: string | number | undefined) => `“${s ?? ''}”`;
const SAVE_DOCX_VI = 'Mở tệp bằng Word (hoặc LibreOffice Writer), chọn Tệp › Lưu thành › Tài liệu Word (.docx), rồi nhập tệp .docx đó';
const SAVE_DOCX_EN = 'Open it in Word (or LibreOffice Writer), choose File › Save As › Word Document (.docx), and import that .docx';

/** Errors of `cchc plan import`: each names the file and says what to give instead. Exit 2. */
export const IMPORT_MESSAGES: MessageTable = {
  'import-not-found': {
    vi: (a) => `Không tìm thấy tệp ${q(a.file)}. Kiểm tra lại tên và thư mục của tệp kế hoạch (.docx, .xlsx hoặc .txt).`,
    en: (a) => `File ${q(a.file)} not found. Check the name and folder of the plan document (.docx, .xlsx or .txt).`,
  },
  'import-not-a-file': {
    vi: (a) => `${q(a.file)} là một thư mục, không phải tệp. Chỉ ra tệp Word (.docx), Excel (.xlsx) hoặc văn bản (.txt) chứa Phụ lục của kế hoạch.`,
    en: (a) => `${q(a.file)} is a folder, not a file. Name the Word (.docx), Excel (.xlsx) or text (.txt) file that holds the plan's appendix.`,
  },
  'import-too-large': {
    vi: (a) => `Tệp ${q(a.file)} quá lớn (${a.mb} MB) để là Phụ lục kế hoạch. Lưu riêng phần Phụ lục (bảng tiêu chí) thành tệp .docx rồi nhập tệp đó.`,
    en: (a) => `File ${q(a.file)} is too large (${a.mb} MB) to be a plan's appendix. Save the appendix (the criteria table) on its own as a .docx and import that.`,
  },
  'import-empty': {
    vi: (a) => `Tệp ${q(a.file)} trống. Chỉ ra tệp Word (.docx) chứa Phụ lục của kế hoạch, hoặc dán bảng tiêu chí chép từ Word vào tệp .txt.`,
    en: (a) => `File ${q(a.file)} is empty. Name the Word (.docx) file with the plan's appendix, or paste the criteria table copied out of Word into a .txt file.`,
  },
  'import-pdf': {
    vi: (a) => `Tệp ${q(a.file)} là PDF: chương trình không đọc được bảng trong PDF. Dùng tệp Word (.docx) gốc của kế hoạch; nếu chỉ có PDF, mở bằng Word (Tệp › Mở) để chuyển sang .docx, kiểm tra bảng rồi nhập tệp .docx.`,
    en: (a) => `File ${q(a.file)} is a PDF: tables cannot be read from a PDF. Use the plan's original Word file (.docx); if you only have the PDF, open it in Word (File › Open) to convert it to .docx, check the table, and import the .docx.`,
  },
  'import-old-doc': {
    vi: (a) => `Tệp ${q(a.file)} là tệp Word cũ (.doc, Word 97–2003). ${SAVE_DOCX_VI}.`,
    en: (a) => `File ${q(a.file)} is an old Word file (.doc, Word 97–2003). ${SAVE_DOCX_EN}.`,
  },
  'import-old-xls': {
    vi: (a) => `Tệp ${q(a.file)} là tệp Excel cũ (.xls, Excel 97–2003). Mở bằng Excel, chọn Tệp › Lưu thành › Sổ làm việc Excel (.xlsx), rồi nhập tệp .xlsx đó.`,
    en: (a) => `File ${q(a.file)} is an old Excel file (.xls, Excel 97–2003). Open it in Excel, choose File › Save As › Excel Workbook (.xlsx), and import that .xlsx.`,
  },
  'import-encrypted': {
    vi: (a) => `Tệp ${q(a.file)} được đặt mật khẩu nên không đọc được. Mở bằng Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu › Mã hóa bằng mật khẩu, xoá mật khẩu), lưu lại rồi nhập lại.`,
    en: (a) => `File ${q(a.file)} is protected with a password and cannot be read. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, clear it), save, and import again.`,
  },
  'import-corrupt': {
    vi: (a) => `Tệp ${q(a.file)} bị hỏng hoặc không trọn vẹn (không đọc được như tệp Word/Excel). Tải hoặc chép lại tệp gốc; nếu Word mở được, lưu lại thành .docx mới rồi nhập tệp đó.`,
    en: (a) => `File ${q(a.file)} is damaged or incomplete (it cannot be read as a Word/Excel file). Download or copy the original again; if Word opens it, save it as a new .docx and import that.`,
  },
  'import-zip-bomb': {
    vi: (a) => `Tệp ${q(a.file)} khi giải nén sẽ lớn bất thường (hơn 64 MB một phần), không phải một Phụ lục kế hoạch bình thường, nên không đọc. Dùng tệp .docx gốc của kế hoạch.`,
    en: (a) => `File ${q(a.file)} would expand to an abnormal size (over 64 MB in one part): not an ordinary plan appendix, so it is not read. Use the plan's original .docx.`,
  },
  'import-rtf': {
    vi: (a) => `Tệp ${q(a.file)} là RTF. ${SAVE_DOCX_VI}.`,
    en: (a) => `File ${q(a.file)} is RTF. ${SAVE_DOCX_EN}.`,
  },
  'import-html': {
    vi: (a) => `Tệp ${q(a.file)} là trang web (HTML). ${SAVE_DOCX_VI}.`,
    en: (a) => `File ${q(a.file)} is a web page (HTML). ${SAVE_DOCX_EN}.`,
  },
  'import-odf': {
    vi: (a) => `Tệp ${q(a.file)} là tệp OpenDocument (.odt/.ods). Trong LibreOffice chọn Tệp › Lưu thành và chọn kiểu Word (.docx) hoặc Excel (.xlsx), rồi nhập tệp đó.`,
    en: (a) => `File ${q(a.file)} is an OpenDocument file (.odt/.ods). In LibreOffice choose File › Save As with type Word (.docx) or Excel (.xlsx), and import that.`,
  },
  'import-unknown-zip': {
    vi: (a) => `Tệp ${q(a.file)} là tệp nén nhưng không phải tài liệu Word (.docx) hay Excel (.xlsx). Giải nén nếu cần, rồi nhập tệp .docx chứa Phụ lục kế hoạch.`,
    en: (a) => `File ${q(a.file)} is a zip archive but not a Word (.docx) or Excel (.xlsx) document. Unpack it if needed and import the .docx that holds the plan's appendix.`,
  },
  'import-binary': {
    vi: (a) => `Tệp ${q(a.file)} không phải văn bản, Word (.docx) hay Excel (.xlsx). Chỉ ra tệp .docx chứa Phụ lục kế hoạch, hoặc dán bảng chép từ Word vào tệp .txt (UTF-8).`,
    en: (a) => `File ${q(a.file)} is not text, Word (.docx) or Excel (.xlsx). Name the .docx with the plan's appendix, or paste the table copied out of Word into a .txt file (UTF-8).`,
  },
  'import-encoding': {
    vi: (a) => `Tệp văn bản ${q(a.file)} không ở bảng mã UTF-8 (có thể là TCVN3/VNI hoặc Windows-1258). Mở bằng Notepad, chọn Lưu thành › Mã hóa: UTF-8, rồi nhập lại; hoặc dùng tệp .docx gốc.`,
    en: (a) => `Text file ${q(a.file)} is not UTF-8 (perhaps TCVN3/VNI or Windows-1258). Open it in Notepad, Save As with Encoding: UTF-8, and import again; or use the original .docx.`,
  },
  'import-no-table': {
    vi: (a) => `Tệp ${q(a.file)} không có bảng nào. Chỉ ra tệp có Phụ lục dạng bảng (các cột STT, Lĩnh vực/tiêu chí, Yêu cầu, Thời gian, Chủ trì, Phối hợp).`,
    en: (a) => `File ${q(a.file)} has no table. Name the file whose appendix is a table (columns STT, Lĩnh vực/tiêu chí, Yêu cầu, Thời gian, Chủ trì, Phối hợp).`,
  },
  'import-no-table-text': {
    vi: (a) => `Tệp ${q(a.file)} không có dòng nào chia cột bằng phím Tab, nên không thấy bảng tiêu chí. Trong Word, chọn cả bảng Phụ lục, Sao chép (Ctrl+C) rồi Dán (Ctrl+V) vào Notepad và lưu (UTF-8); hoặc nhập thẳng tệp .docx.`,
    en: (a) => `File ${q(a.file)} has no tab-separated lines, so no criteria table was found. In Word, select the whole appendix table, Copy (Ctrl+C), Paste (Ctrl+V) into Notepad and save (UTF-8); or import the .docx itself.`,
  },
  'import-columns': {
    vi: (a) => `Không nhận ra các cột của bảng trong ${q(a.file)}${a.seen ? ` (dòng đầu: ${q(a.seen)})` : ''}. Bảng cần một dòng tiêu đề có ít nhất ba trong các cột: "STT", "Lĩnh vực, tiêu chí" (hoặc "Nhiệm vụ, giải pháp", "Nội dung"), "Yêu cầu" (hoặc "Chỉ tiêu"), "Thời gian" (hoặc "Thời hạn"), "Chủ trì", "Phối hợp". Sửa dòng tiêu đề của bảng cho có những chữ đó rồi nhập lại.`,
    en: (a) => `The table's columns in ${q(a.file)} were not recognised${a.seen ? ` (first row: ${q(a.seen)})` : ''}. The table needs a header row with at least three of: "STT", "Lĩnh vực, tiêu chí" (or "Nhiệm vụ, giải pháp", "Nội dung"), "Yêu cầu" (or "Chỉ tiêu"), "Thời gian" (or "Thời hạn"), "Chủ trì", "Phối hợp". Put those words in the table's header row and import again.`,
  },
  'import-too-many-rows': {
    vi: (a) => `Bảng trong ${q(a.file)} có ${a.rows} dòng, quá nhiều cho một Phụ lục kế hoạch (tối đa ${a.max}). Chỉ ra tệp chỉ chứa bảng phân công nhiệm vụ của kế hoạch.`,
    en: (a) => `The table in ${q(a.file)} has ${a.rows} rows, too many for a plan's appendix (at most ${a.max}). Name a file holding only the plan's task table.`,
  },
  'import-no-criteria': {
    vi: (a) => `Bảng trong ${q(a.file)} có dòng tiêu đề nhưng không có dòng tiêu chí nào (dòng có số thứ tự và đơn vị chủ trì). Kiểm tra lại đó có đúng là bảng Phụ lục phân công nhiệm vụ không.`,
    en: (a) => `The table in ${q(a.file)} has a header but no criterion rows (rows with a number and a lead unit). Check that it is the appendix table that assigns the tasks.`,
  },
  'import-no-year': {
    vi: (a) => `Không tìm thấy năm của kế hoạch trong ${q(a.file)} (tiêu đề không ghi "năm 20..", cột thời hạn không có năm). Ghi rõ năm bằng tùy chọn --year, ví dụ --year 2026.`,
    en: (a) => `No plan year found in ${q(a.file)} (the title says no "năm 20..", the deadlines name no year). Give it with --year, e.g. --year 2026.`,
  },
  'import-exists': {
    vi: (a) => `Tệp ${q(a.file)} đã có; chương trình không ghi đè. Chọn tên khác với -o, hoặc thêm --force nếu chắc chắn muốn thay tệp cũ.`,
    en: (a) => `File ${q(a.file)} already exists and is not overwritten. Choose another name with -o, or add --force if you are sure to replace it.`,
  },
  'import-bad-id': {
    vi: (a) => `Mã kế hoạch ${q(a.id)} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ --id tan-lap-2026.`,
    en: (a) => `Plan id ${q(a.id)} is not valid: use lower-case letters without accents, digits and dashes, e.g. --id tan-lap-2026.`,
  },
  'import-bad-year': {
    vi: (a) => `Năm ${q(a.year)} không hợp lệ: viết năm bốn chữ số từ 2000 đến 2100, ví dụ --year 2026.`,
    en: (a) => `Year ${q(a.year)} is not valid: write a four-digit year from 2000 to 2100, e.g. --year 2026.`,
  },
};

/** Texts of the `# KIỂM TRA:` lines: what was guessed, and what to check. */
export const REVIEW_MESSAGES: MessageTable = {
  'id-guessed': {
    vi: () => 'mã kế hoạch đặt theo tên địa phương và năm; đổi nếu kho đã dùng mã khác.',
    en: () => 'plan id made from the place and year; change it if the repository uses another.',
  },
  'title-guessed': { vi: () => 'tên kế hoạch lấy từ tiêu đề tài liệu; đối chiếu với bản ký.', en: () => "plan title taken from the document's heading; compare with the signed plan." },
  'title-missing': { vi: () => 'tài liệu không có tiêu đề kế hoạch; ghi tên đầy đủ của kế hoạch.', en: () => 'the document has no plan title; write the plan\'s full title.' },
  'issuer-guessed': { vi: () => 'cơ quan ban hành đoán từ tên địa phương trong tiêu đề.', en: () => 'issuer guessed from the place named in the title.' },
  'issuer-missing': { vi: () => 'không thấy cơ quan ban hành; ghi tên, ví dụ "UBND xã Tân Lập".', en: () => 'no issuer found; write it, e.g. "UBND xã Tân Lập".' },
  'year-from-title': { vi: (a) => `năm ${a.year} đọc từ tiêu đề.`, en: (a) => `year ${a.year} read from the title.` },
  'year-from-deadlines': { vi: (a) => `năm ${a.year} là năm ghi nhiều nhất ở cột thời hạn.`, en: (a) => `year ${a.year} is the year most deadlines name.` },
  'no-areas': {
    vi: (a) => `bảng không có dòng lĩnh vực (I, II, …): các tiêu chí được xếp vào lĩnh vực ${a.id}; đặt tên lĩnh vực.`,
    en: (a) => `the table has no area rows (I, II, …): criteria were put under area ${a.id}; give it a title.`,
  },
  'area-number-inferred': { vi: (a) => `dòng lĩnh vực không có số; đã đặt mã ${a.id}.`, en: (a) => `area row without a number; given id ${a.id}.` },
  'number-inferred': {
    vi: (a) => `dòng không có số thứ tự${a.written ? ` (ghi ${q(a.written)})` : ''}; đã đặt mã ${a.id}.`,
    en: (a) => `row without a number${a.written ? ` (written ${q(a.written)})` : ''}; given id ${a.id}.`,
  },
  'number-duplicate': {
    vi: (a) => `số ${a.written} đã dùng ở lĩnh vực trước (đánh số lại từ đầu ở mỗi lĩnh vực); đã đổi thành ${a.id}.`,
    en: (a) => `number ${a.written} is already used in an earlier area (numbering restarts in each area); changed to ${a.id}.`,
  },
  'heading-with-content': {
    vi: (a) => `dòng ${a.id} có các dòng con nên được coi là mục; yêu cầu, thời hạn hay đơn vị ghi ở dòng này không được dùng.`,
    en: (a) => `row ${a.id} has rows under it, so it is a heading; its requirement, deadline or units are not used.`,
  },
  'empty-row': {
    vi: (a) => `dòng ${a.id} chỉ có tên, không có yêu cầu, thời hạn hay đơn vị: ghi thành mục trống. Bổ sung nội dung hoặc xoá.`,
    en: (a) => `row ${a.id} has only a title, no requirement, deadline or unit: written as an empty heading. Complete it or delete it.`,
  },
  'no-requirement': {
    vi: (a) => `dòng ${a.id} để trống ô yêu cầu: ghi thành nhiệm vụ (hoàn thành / chưa hoàn thành). Bổ sung yêu cầu và chỉ tiêu nếu bản gốc có ở chỗ khác.`,
    en: (a) => `row ${a.id} has an empty requirement cell: written as a task (done / not done). Add the requirement and its target if the original has them elsewhere.`,
  },
  'no-title': { vi: (a) => `dòng ${a.id} không có tên tiêu chí; đã dùng nội dung yêu cầu.`, en: (a) => `row ${a.id} has no title; the requirement was used.` },
  'due-empty': {
    vi: () => 'ô thời hạn để trống: hạn được hiểu là cuối năm kế hoạch. Ghi hạn nếu có.',
    en: () => 'the deadline cell is empty: due at the end of the plan year. Write the deadline if there is one.',
  },
  'due-unknown': {
    vi: (a) => `không hiểu thời hạn ${q(a.text)}: hạn được hiểu là cuối năm kế hoạch. Ghi due: YYYY-MM-DD hoặc ongoing.`,
    en: (a) => `deadline ${q(a.text)} not understood: due at the end of the plan year. Write due: YYYY-MM-DD or ongoing.`,
  },
  'due-interpreted': {
    vi: (a) => (a.due === 'ongoing' ? `${q(a.text)} được hiểu là thường xuyên (ongoing).` : `${q(a.text)} được hiểu là hạn ${displayDate(String(a.due), 'vi')}.`),
    en: (a) => (a.due === 'ongoing' ? `${q(a.text)} read as ongoing.` : `${q(a.text)} read as due ${displayDate(String(a.due), 'en')}.`),
  },
  'due-other-year': {
    vi: (a) => `hạn ${q(a.text)} không thuộc năm kế hoạch ${a.year}; kiểm tra lại.`,
    en: (a) => `deadline ${q(a.text)} is not in the plan year ${a.year}; check it.`,
  },
  'no-lead': {
    vi: (a) => `dòng ${a.id} không ghi đơn vị chủ trì; thay "lead" bằng mã đơn vị chủ trì.`,
    en: (a) => `row ${a.id} names no lead unit; set "lead" to the lead unit's id.`,
  },
  'lead-collective-supports': {
    vi: (a) => `ô chủ trì ghi nhiều đơn vị: ${q(a.lead)} chủ trì, ${q(a.moved)} được chuyển sang phối hợp.`,
    en: (a) => `the lead cell names several units: ${q(a.lead)} leads, ${q(a.moved)} moved to support.`,
  },
  'lead-group': {
    vi: (a) => `ô chủ trì ghi hai đơn vị (${a.names}): lập nhóm chủ trì gồm cả hai, mỗi đơn vị báo cáo phần của mình.`,
    en: (a) => `the lead cell names two units (${a.names}): a lead group of both was made; each reports its share.`,
  },
  'support-is-lead': {
    vi: (a) => `đơn vị phối hợp ${q(a.name)} cũng là đơn vị chủ trì (lỗi của bản gốc?); đã bỏ khỏi phối hợp.`,
    en: (a) => `support unit ${q(a.name)} is also the lead (a slip in the original?); dropped from support.`,
  },
  qualifier: {
    vi: (a) => `${q(a.words)} được hiểu là một phần của chỉ tiêu phần trăm, không thành chỉ tiêu riêng.`,
    en: (a) => `${q(a.words)} read as part of the percentage target, not a target of its own.`,
  },
  'target-plain-number': {
    vi: (a) => `${q(a.words)} không nói "tối thiểu" hay "trên": đọc là ${a.target}.`,
    en: (a) => `${q(a.words)} says neither "at least" nor "over": read as ${a.target}.`,
  },
  'target-range': {
    vi: (a) => `${q(a.words)} là một khoảng: đọc là ${a.target} (đầu dưới của khoảng).`,
    en: (a) => `${q(a.words)} is a range: read as ${a.target} (its lower end).`,
  },
  'target-unread': {
    vi: (a) => `${q(a.words)} là mức tăng, giảm hoặc vượt 100%, không phải tỷ lệ đạt được trên một tổng số: chưa lập chỉ tiêu. Nếu cần theo dõi, thêm measures với số liệu đo được (ví dụ số hồ sơ trễ hạn, kind: count).`,
    en: (a) => `${q(a.words)} is an increase, a decrease or over 100%, not a share of a whole: no measure was made. To track it, add measures with a figure that can be counted (e.g. late dossiers, kind: count).`,
  },
  'target-nested': {
    vi: (a) => `${q(a.words)}: số phần trăm đầu đếm đơn vị, chỉ tiêu là ${a.target} cho mỗi đơn vị (aggregate: each).`,
    en: (a) => `${q(a.words)}: the first percentage counts units; the target is ${a.target} for each unit (aggregate: each).`,
  },
  'aggregate-sum': {
    vi: () => 'nhóm chủ trì: số liệu các thành viên được cộng dồn (aggregate: sum); đổi thành each nếu mỗi đơn vị phải tự đạt.',
    en: () => "lead group: members' figures are added up (aggregate: sum); use each if every member must meet it.",
  },
  'aggregate-each': {
    vi: () => 'nhóm chủ trì: mỗi thành viên phải tự đạt chỉ tiêu (aggregate: each).',
    en: () => 'lead group: every member must meet the target (aggregate: each).',
  },
  'agencies-group': {
    vi: (a) => `nhóm "các cơ quan chuyên môn": đề xuất thành viên ${a.members}; xác nhận danh sách (members).`,
    en: (a) => `"các cơ quan chuyên môn" group: proposed members ${a.members}; confirm the list (members).`,
  },
  'group-of-leads': {
    vi: (a) => `nhóm lập từ ô chủ trì ghi nhiều đơn vị: ${a.members}.`,
    en: (a) => `group made from a lead cell naming several units: ${a.members}.`,
  },
  'collective-unit': {
    vi: (a) => `${q(a.name)} chỉ chung nhiều đơn vị, chưa rõ là những đơn vị nào; nếu chủ trì thì thêm members: [...], nếu chỉ phối hợp thì để nguyên.`,
    en: (a) => `${q(a.name)} names several units without saying which; if it leads, add members: [...]; if it only supports, leave it.`,
  },
  'unit-variants': {
    vi: (a) => `các cách viết sau được coi là một đơn vị: ${a.names}.`,
    en: (a) => `these spellings were taken as one unit: ${a.names}.`,
  },
};

/** Words of the import's report on stderr. */
export const IMPORT_UI = {
  vi: {
    written: 'Đã ghi kế hoạch nháp {file}: {areas} lĩnh vực, {criteria} tiêu chí, {units} đơn vị.',
    reviews: '{n} chỗ cần kiểm tra (dòng "# KIỂM TRA:" trong tệp):',
    none: 'Không có chỗ nào cần kiểm tra.',
    next: 'Tiếp theo: đọc lại tệp, rồi chạy: {command}',
    line: 'dòng {line}',
  },
  en: {
    written: 'Draft plan written to {file}: {areas} areas, {criteria} criteria, {units} units.',
    reviews: '{n} place(s) to check ("# KIỂM TRA:" lines in the file):',
    none: 'Nothing to check.',
    next: 'Next: read the file, then run: {command}',
    line: 'line {line}',
  },
};
