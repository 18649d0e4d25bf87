/**
 * What the words of a Vietnamese plan appendix mean to the importer, in one place: the header words
 * that name a column, the deadline phrases, the words around a number that make it a target, and
 * the words that start a unit's name. Each entry has its test in tests/import/phrases.test.ts.
 * Every pattern is matched against lower-case NFC text.
 */
import type { Op } from '../types.js';

export type ColumnRole = 'stt' | 'title' | 'requirement' | 'due' | 'lead' | 'support' | 'notes';

/**
 * Header words, most specific first: "Phân công nhiệm vụ / Cơ quan chủ trì" is the lead column,
 * though "nhiệm vụ" alone would name the title column ("Nhiệm vụ, giải pháp").
 */
export const COLUMN_WORDS: readonly { role: ColumnRole; words: RegExp; example: string }[] = [
  { role: 'lead', words: /chủ trì/u, example: 'Cơ quan chủ trì thực hiện' },
  { role: 'support', words: /phối hợp/u, example: 'Cơ quan phối hợp' },
  { role: 'notes', words: /ghi chú/u, example: 'Ghi chú' },
  { role: 'due', words: /thời gian|thời hạn|tiến độ|hạn hoàn thành|hạn chót/u, example: 'Thời gian chậm nhất phải hoàn thành' },
  { role: 'requirement', words: /yêu cầu|chỉ tiêu|mục tiêu|kết quả|sản phẩm/u, example: 'Yêu cầu năm 2025' },
  { role: 'stt', words: /^(?:stt|tt|số tt|số thứ tự)\.?$/u, example: 'STT' },
  { role: 'lead', words: /phân công/u, example: 'Phân công nhiệm vụ' },
  { role: 'title', words: /lĩnh vực|tiêu chí|nhiệm vụ|giải pháp|nội dung|công việc/u, example: 'Lĩnh vực, tiêu chí' },
  { role: 'lead', words: /(?:đơn vị|cơ quan|bộ phận) (?:thực hiện|thực hiện chính|được giao)/u, example: 'Đơn vị thực hiện' },
];

/** What a deadline cell means: a date, or `ongoing` (no deadline: judged on the latest figures). */
export type DueMeaning = { date: { y: number; m: number; d: number } } | { endOfMonth: { y: number; m: number } } | { endOfQuarter: { y: number; q: number } } | 'ongoing';

/**
 * Deadline phrases, tried in order; `year` is the plan's year, used where the phrase names none.
 * `checked: false` marks an interpretation the reviewer is asked to confirm (`# KIỂM TRA`).
 */
export const DEADLINE_PHRASES: readonly {
  example: string;
  pattern: RegExp;
  means: (m: RegExpExecArray, year: number) => DueMeaning;
  checked: boolean;
}[] = [
  { example: 'Thường xuyên', pattern: /^(?:thực hiện )?thường xuyên$/u, means: () => 'ongoing', checked: true },
  { example: 'Thường xuyên; báo cáo trước 15/12', pattern: /^(?:thực hiện )?thường xuyên/u, means: () => 'ongoing', checked: false },
  { example: 'Hằng quý', pattern: /^(?:định kỳ )?h[ằà]ng (?:quý|tháng|tuần|ngày|năm)|^định kỳ|^liên tục/u, means: () => 'ongoing', checked: false },
  { example: 'Trong ngày 31/12/2025', pattern: /^(?:trong ngày |ngày |hoàn thành (?:trong|trước) ngày |chậm nhất (?:ngày |là ngày )?)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u, means: (m) => ({ date: { d: +m[1]!, m: +m[2]!, y: +m[3]! } }), checked: true },
  { example: 'Trước ngày 30/6/2026', pattern: /^trước (?:ngày )?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u, means: (m) => ({ date: { d: +m[1]!, m: +m[2]!, y: +m[3]! } }), checked: false },
  { example: 'Từ 01/01/2026 đến 30/9/2026', pattern: /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\D*$/u, means: (m) => ({ date: { d: +m[1]!, m: +m[2]!, y: +m[3]! } }), checked: false },
  { example: 'Trước ngày 20 tháng 12 năm 2026', pattern: /^.*ngày (\d{1,2}) tháng (\d{1,2})(?:(?: năm |\s*\/\s*)(\d{4}))?/u, means: (m, year) => ({ date: { d: +m[1]!, m: +m[2]!, y: m[3] ? +m[3] : year } }), checked: false },
  { example: '31/12', pattern: /^(\d{1,2})[/.](\d{1,2})$/u, means: (m, year) => ({ date: { d: +m[1]!, m: +m[2]!, y: year } }), checked: false },
  { example: 'Trước ngày 15/12', pattern: /(?:ngày |trước )(\d{1,2})[/.](\d{1,2})(?![/.\d])/u, means: (m, year) => ({ date: { d: +m[1]!, m: +m[2]!, y: year } }), checked: false },
  { example: 'Quý II - III năm 2026', pattern: /quý\s+(?:iv|iii|ii|i|[1-4])\s*(?:[-–,]|đến)\s*(?:quý\s+)?(iv|iii|ii|i|[1-4])(?:(?:\s*[/.-]\s*|\s+năm\s+)(\d{4}))?/u, means: (m, year) => ({ endOfQuarter: { q: quarter(m[1]!), y: m[2] ? +m[2] : year } }), checked: false },
  { example: 'Từ tháng 3 đến tháng 6/2026', pattern: /^.*tháng (\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/u, means: (m) => ({ endOfMonth: { m: +m[1]!, y: +m[2]! } }), checked: false },
  { example: 'Từ tháng 3 đến tháng 6', pattern: /^.*tháng (\d{1,2})(?!\s*[/.-]?\s*\d)/u, means: (m, year) => ({ endOfMonth: { m: +m[1]!, y: year } }), checked: false },
  { example: 'Quý III/2026 - Quý IV/2026', pattern: /^.*quý\s+(iv|iii|ii|i|[1-4])(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/u, means: (m) => ({ endOfQuarter: { q: quarter(m[1]!), y: +m[2]! } }), checked: false },
  { example: 'Quý IV', pattern: /^.*quý\s+(iv|iii|ii|i|[1-4])(?![\p{L}\d])/u, means: (m, year) => ({ endOfQuarter: { q: quarter(m[1]!), y: year } }), checked: false },
  { example: '6 tháng đầu năm 2026', pattern: /(\d{1,2}) tháng đầu năm(?: (\d{4}))?/u, means: (m, year) => ({ endOfMonth: { m: Math.min(12, +m[1]!), y: m[2] ? +m[2] : year } }), checked: false },
  { example: '6 tháng cuối năm', pattern: /tháng cuối năm(?: (\d{4}))?/u, means: (m, year) => ({ date: { d: 31, m: 12, y: m[1] ? +m[1] : year } }), checked: false },
  { example: 'Trong năm 2026', pattern: /^(?:trong |cả |hết |cuối )?năm (\d{4})$/u, means: (m) => ({ date: { d: 31, m: 12, y: +m[1]! } }), checked: true },
  { example: 'Trong năm', pattern: /^(?:trong|cả|cuối) năm$/u, means: (_, year) => ({ date: { d: 31, m: 12, y: year } }), checked: true },
  { example: 'Năm 2026 và các năm tiếp theo', pattern: /năm (\d{4})/u, means: (m) => ({ date: { d: 31, m: 12, y: +m[1]! } }), checked: false },
];

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const quarter = (q: string) => ROMAN_QUARTERS[q] ?? Number(q);

/**
 * Words just before a number that set the target's comparison ("tối thiểu 90%", "trên 85 %").
 * They are tried longest first (targets.ts), so that "không thấp hơn" is not read as "thấp hơn".
 * `plain: true` words ("đạt", "là", "hoàn thành") state the target without saying "at least":
 * they read as `>=`, which is how a plan's "Hoàn thành 100%" is meant.
 */
export const OPERATOR_WORDS: readonly { words: string; op: Op; plain?: boolean }[] = [
  { words: 'không thấp hơn', op: '>=' },
  { words: 'không dưới', op: '>=' },
  { words: 'không ít hơn', op: '>=' },
  { words: 'tối thiểu', op: '>=' },
  { words: 'ít nhất', op: '>=' },
  { words: 'từ', op: '>=' },
  { words: '≥', op: '>=' },
  { words: '>=', op: '>=' },
  { words: 'không vượt quá', op: '<=' },
  { words: 'không quá', op: '<=' },
  { words: 'không cao hơn', op: '<=' },
  { words: 'tối đa', op: '<=' },
  { words: '≤', op: '<=' },
  { words: '<=', op: '<=' },
  { words: 'cao hơn', op: '>' },
  { words: 'trên', op: '>' },
  { words: 'hơn', op: '>' },
  { words: '>', op: '>' },
  { words: 'thấp hơn', op: '<' },
  { words: 'ít hơn', op: '<' },
  { words: 'dưới', op: '<' },
  { words: '<', op: '<' },
  { words: 'bằng', op: '=', plain: true },
  { words: 'đạt', op: '>=', plain: true },
  { words: 'là', op: '>=', plain: true },
  { words: 'hoàn thành', op: '>=', plain: true },
  { words: 'phấn đấu', op: '>=', plain: true },
  // "Phân đầu" is a common typo of "Phấn đấu" (the Quang Sơn plan has it three times).
  { words: 'phân đầu', op: '>=', plain: true },
];

/** Words just after a number that set the comparison ("từ 80% trở lên"). */
export const AFTER_WORDS: readonly { words: string; op: Op }[] = [
  { words: 'trở lên', op: '>=' },
  { words: 'trở xuống', op: '<=' },
];

/** Phrases that make "none of X" a count target `= 0` ("không có cán bộ … bị kỷ luật"). */
export const ZERO_WORDS: readonly string[] = ['không có', 'không để xảy ra', 'không để phát sinh', 'không phát sinh', 'không để'];

/** Words after a number that show it is a date or a time span, not a count ("ít nhất 02 năm"). */
export const NOT_COUNT_NOUNS = /^(?:năm|tháng|ngày|quý|tuần|giờ|phút|lần\/(?:năm|quý|tháng|tuần))(?!\p{L})/u;

/**
 * First words of a unit's name: a lead or support cell listing several units is split before them
 * ("Phòng VH-XH, các đơn vị sự nghiệp"), and nowhere else ("Văn phòng HĐND và UBND xã" is one unit,
 * "Các đơn vị, cơ quan chuyên môn" is one).
 */
export const UNIT_HEADS = /^(?:phòng|văn phòng|trung tâm|ban|bộ phận|công an|quân sự|ban chỉ huy|bch|ủy ban|uỷ ban|ubnd|hđnd|ubmttq|mttq|mặt trận|hội|đoàn thanh niên|đoàn tn|đoàn tncs|đảng ủy|đảng uỷ|trạm|trường|thanh tra|công chức|các|tổ|hợp tác xã|chi cục|kho bạc|bưu điện|y tế)(?![\p{L}\d])/u;

/** A name that stands for several units ("Các cơ quan chuyên môn", "các đơn vị sự nghiệp"). */
export const COLLECTIVE = /^(?:các|những|toàn bộ|tất cả)\s/u;

/**
 * The commune's specialised agencies (cơ quan chuyên môn thuộc UBND xã) are its Văn phòng and its
 * Phòng: a "Các cơ quan chuyên môn …" group is proposed with those as members, for review.
 */
export const SPECIALISED_AGENCY = /^(?:phòng|văn phòng)\s(?!đảng)/u;
export const SPECIALISED_AGENCIES_GROUP = /^các\s(?:.*\s)?cơ quan chuyên môn/u;

/** Words that end a unit's name without changing which unit it is ("… xã", "… cấp xã"). */
export const UNIT_NAME_TAIL = /\s+(?:cấp xã|xã|phường|thị trấn)$/u;
