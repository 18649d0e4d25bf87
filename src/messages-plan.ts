import type { MessageArgs, MessageTable } from './message-table.js';
import type { DueValue, PlanChange, PlanChangeKind } from './plan/diff.js';
import type { Lang, MeasureKind } from './types.js';
import { displayDate } from './util/dates.js';

const q = (s: string | number | undefined) => `“${s ?? ''}”`;

/** Messages of `cchc plan show` and `cchc plan diff`. */
export const PLAN_MESSAGES: MessageTable = {
  'git-missing': {
    vi: (a) => `Không chạy được git để đọc ${a.spec}. Cài git (https://git-scm.com) và thêm vào PATH, hoặc lưu bản cũ ra tệp (git show ${a.rev}:${a.path} > ban-cu.yaml) rồi so sánh hai tệp.`,
    en: (a) => `Cannot run git to read ${a.spec}. Install git (https://git-scm.com) and put it on the PATH, or save the old revision to a file (git show ${a.rev}:${a.path} > old.yaml) and compare the two files.`,
  },
  'git-not-repository': {
    vi: (a) => `Thư mục ${q(a.dir)} không nằm trong kho git nên không đọc được ${a.spec}. Bỏ phần "@${a.rev}" để so sánh tệp đang có, hoặc chỉ ra tệp nằm trong kho git.`,
    en: (a) => `Folder ${q(a.dir)} is not inside a git repository, so ${a.spec} cannot be read. Drop "@${a.rev}" to compare the file on disk, or name a file inside a git repository.`,
  },
  'git-unknown-revision': {
    vi: (a) => `Kho git không có phiên bản ${q(a.rev)}. Viết mã commit, tên nhánh hoặc thẻ có thật, ví dụ ${a.path}@HEAD~1 (xem "git log --oneline -- ${a.path}").`,
    en: (a) => `The git repository has no revision ${q(a.rev)}. Write an existing commit, branch or tag, e.g. ${a.path}@HEAD~1 (see "git log --oneline -- ${a.path}").`,
  },
  'git-file-not-in-revision': {
    vi: (a) => `Phiên bản ${q(a.rev)} không có tệp ${q(a.path)}. Chọn phiên bản có tệp này (xem "git log --oneline -- ${a.path}") hoặc sửa đường dẫn.`,
    en: (a) => `Revision ${q(a.rev)} has no file ${q(a.path)}. Choose a revision that has it (see "git log --oneline -- ${a.path}") or fix the path.`,
  },
  'git-failed': {
    vi: (a) => `git báo lỗi khi đọc ${a.spec}: ${a.detail}. Kiểm tra lại tên phiên bản và đường dẫn.`,
    en: (a) => `git failed to read ${a.spec}: ${a.detail}. Check the revision and the path.`,
  },
  'plan-spec-no-path': {
    vi: (a) => `${q(a.spec)} thiếu đường dẫn tệp kế hoạch. Viết dạng plans/ke-hoach.yaml@HEAD~1, hoặc chỉ "@HEAD~1" khi tham số kia là một tệp.`,
    en: (a) => `${q(a.spec)} names no plan file. Write plans/plan.yaml@HEAD~1, or just "@HEAD~1" when the other argument is a file.`,
  },
  'not-a-plan': {
    vi: (a) => `${a.file} không phải tệp kế hoạch (dòng đầu cần là "schema: cchc/plan@1"). Chỉ ra tệp kế hoạch, ví dụ plans/quang-son-2025.yaml.`,
    en: (a) => `${a.file} is not a plan file (it should start with "schema: cchc/plan@1"). Name a plan file, e.g. plans/quang-son-2025.yaml.`,
  },
  'plan-revision-not-bumped': {
    vi: (a) => `Nội dung kế hoạch đã thay đổi so với ${a.old} (revision: ${a.oldRevision}) nhưng tệp này vẫn ghi revision: ${a.revision}. Tăng thành "revision: ${a.suggested}" để báo cáo tiến độ lập theo bản cũ được nhắc kiểm tra lại.`,
    en: (a) => `The plan's content changed since ${a.old} (revision: ${a.oldRevision}) but this file still says revision: ${a.revision}. Write "revision: ${a.suggested}" so that progress files made for the old revision are told to check again.`,
  },
};

/** Words of `cchc plan show` and `cchc plan diff`. */
export const PLAN_UI = {
  vi: {
    revision: 'lần sửa đổi', year: 'năm', criteria: 'tiêu chí', areas: 'lĩnh vực', target: 'Chỉ tiêu', due: 'Hạn',
    lead: 'Chủ trì', support: 'Phối hợp', task: 'nhiệm vụ', taskLine: 'Nhiệm vụ', units: 'Đơn vị', id: 'Mã', criterion: 'Tiêu chí',
    requirement: 'Yêu cầu', name: 'Tên', short: 'Tên viết tắt', members: 'Thành viên', aliases: 'Tên gọi khác',
    group: 'Nhóm gồm', emptyGroup: 'Nhóm không có thành viên (chỉ làm đơn vị phối hợp)', emptyHeading: '(không có tiêu chí)',
    none: '(không có)', each: 'mỗi đơn vị', ongoing: 'Thường xuyên', dueImplied: 'cuối năm',
    plan: 'Kế hoạch', unit: 'Đơn vị', compare: 'So sánh {old} (lần sửa đổi {oldRevision}) với {new} (lần sửa đổi {newRevision})',
    noChange: 'Không có thay đổi nào.',
    summary: 'Tổng cộng {n} thay đổi ({parts}).', partPlan: 'thông tin chung của kế hoạch',
    partCriterion: '1 tiêu chí', partCriteria: '{n} tiêu chí', partUnit: '1 đơn vị', partUnits: '{n} đơn vị',
  },
  en: {
    revision: 'revision', year: 'year', criteria: 'criteria', areas: 'areas', target: 'Target', due: 'Due',
    lead: 'Lead', support: 'Support', task: 'task', taskLine: 'Task', units: 'Units', id: 'Id', criterion: 'Criterion',
    requirement: 'Requirement', name: 'Name', short: 'Short name', members: 'Members', aliases: 'Aliases',
    group: 'Group of', emptyGroup: 'Group with no members (support only)', emptyHeading: '(no criteria)',
    none: '(none)', each: 'each unit', ongoing: 'Ongoing', dueImplied: 'year end',
    plan: 'Plan', unit: 'Unit', compare: 'Comparing {old} (revision {oldRevision}) with {new} (revision {newRevision})',
    noChange: 'No changes.',
    summary: '{n} change(s) in total ({parts}).', partPlan: 'the plan\'s own fields',
    partCriterion: '1 criterion', partCriteria: '{n} criteria', partUnit: '1 unit', partUnits: '{n} units',
  },
} satisfies Record<Lang, Record<string, string>>;

export type PlanUiKey = keyof (typeof PLAN_UI)['vi'];

export function planUi(lang: Lang, key: PlanUiKey, vars: MessageArgs = {}): string {
  return PLAN_UI[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
}

/** How a change names things it refers to: a unit's label, a date in the reader's form. */
export interface ChangeWords {
  unit: (id: string) => string;
}

type ChangeText = { [K in PlanChangeKind]: Record<Lang, (c: Extract<PlanChange, { kind: K }>, w: ChangeWords) => string> };

const KIND_VI: Record<MeasureKind, string> = { ratio: 'tỷ lệ (ratio)', percent: 'phần trăm (percent)', count: 'số đếm (count)' };
const AGGREGATE_VI = { sum: 'cộng dồn (sum)', each: 'mỗi đơn vị đều đạt (each)' };
const AGGREGATE_EN = { sum: 'pooled (sum)', each: 'every member meets it (each)' };
const PLAN_FIELD = {
  vi: { id: 'mã kế hoạch', title: 'tên kế hoạch', issuer: 'cơ quan ban hành', year: 'năm kế hoạch' },
  en: { id: 'plan id', title: 'plan title', issuer: 'issuer', year: 'plan year' },
};

const dueVi = (d: DueValue) => (d === null ? 'không ghi (cuối năm kế hoạch)' : d === 'ongoing' ? 'thường xuyên' : displayDate(d, 'vi'));
const dueEn = (d: DueValue) => (d === null ? 'none given (end of the plan year)' : d === 'ongoing' ? 'ongoing' : d);
const units = (ids: string[], w: ChangeWords, none: string) => (ids.length === 0 ? none : ids.map(w.unit).join(', '));
const group = (ids: string[] | null, w: ChangeWords, lang: Lang) =>
  ids === null ? (lang === 'vi' ? '(không phải nhóm)' : '(not a group)') : units(ids, w, lang === 'vi' ? '(nhóm không có thành viên)' : '(a group with no members)');
const textOr = (s: string | null, none: string) => (s === null ? none : q(s));

/** "thêm “a”; bỏ “b”": what a list gained and lost. */
function listDelta(from: string[], to: string[], added: string, removed: string, show: (s: string) => string = q): string {
  const parts: string[] = [];
  const plus = to.filter((x) => !from.includes(x));
  const minus = from.filter((x) => !to.includes(x));
  if (plus.length > 0) parts.push(`${added} ${plus.map(show).join(', ')}`);
  if (minus.length > 0) parts.push(`${removed} ${minus.map(show).join(', ')}`);
  return parts.join('; ');
}

/** One change in words, without the "Tiêu chí 7.3.3: " that the caller puts in front. */
const CHANGE_TEXT: ChangeText = {
  'plan-changed': {
    vi: (c) => `${PLAN_FIELD.vi[c.field]} đổi từ ${q(c.from)} thành ${q(c.to)}`,
    en: (c) => `${PLAN_FIELD.en[c.field]} changed from ${q(c.from)} to ${q(c.to)}`,
  },
  'criterion-added': { vi: (c) => `thêm mới: ${q(c.to)}`, en: (c) => `added: ${q(c.to)}` },
  'criterion-removed': { vi: (c) => `đã bỏ: ${q(c.from)}`, en: (c) => `removed: ${q(c.from)}` },
  'criterion-renumbered': {
    vi: (c) => `đánh số lại, trước là ${c.from} (cùng tên)`,
    en: (c) => `renumbered, formerly ${c.from} (same title)`,
  },
  'title-changed': {
    vi: (c) => `tên đổi từ ${q(c.from)} thành ${q(c.to)}`,
    en: (c) => `title changed from ${q(c.from)} to ${q(c.to)}`,
  },
  'requirement-changed': {
    vi: (c) => `yêu cầu đổi từ ${textOr(c.from, '(không ghi)')} thành ${textOr(c.to, '(không ghi)')}`,
    en: (c) => `requirement changed from ${textOr(c.from, '(none)')} to ${textOr(c.to, '(none)')}`,
  },
  'due-changed': {
    vi: (c) => `hạn đổi từ ${dueVi(c.from)} thành ${dueVi(c.to)}`,
    en: (c) => `due date changed from ${dueEn(c.from)} to ${dueEn(c.to)}`,
  },
  'lead-changed': {
    vi: (c, w) => `chủ trì đổi từ ${w.unit(c.from)} thành ${w.unit(c.to)}`,
    en: (c, w) => `lead changed from ${w.unit(c.from)} to ${w.unit(c.to)}`,
  },
  'support-changed': {
    vi: (c, w) => `phối hợp đổi từ ${units(c.from, w, '(không có)')} thành ${units(c.to, w, '(không có)')}`,
    en: (c, w) => `support changed from ${units(c.from, w, '(none)')} to ${units(c.to, w, '(none)')}`,
  },
  'measure-added': { vi: (c) => `thêm chỉ tiêu ${c.measure} ${c.to}`, en: (c) => `measure ${c.measure} added (${c.to})` },
  'measure-removed': { vi: (c) => `bỏ chỉ tiêu ${c.measure} (trước là ${c.from})`, en: (c) => `measure ${c.measure} removed (was ${c.from})` },
  'target-changed': {
    vi: (c) => `chỉ tiêu ${c.measure} đổi từ ${c.from} thành ${c.to}`,
    en: (c) => `target of ${c.measure} changed from ${c.from} to ${c.to}`,
  },
  'measure-kind-changed': {
    vi: (c) => `chỉ tiêu ${c.measure} đổi loại từ ${KIND_VI[c.from]} thành ${KIND_VI[c.to]}`,
    en: (c) => `measure ${c.measure} changed kind from ${c.from} to ${c.to}`,
  },
  'aggregate-changed': {
    vi: (c) => `chỉ tiêu ${c.measure} đổi cách gộp số liệu nhóm từ ${AGGREGATE_VI[c.from]} thành ${AGGREGATE_VI[c.to]}`,
    en: (c) => `measure ${c.measure} changed how group figures combine from ${AGGREGATE_EN[c.from]} to ${AGGREGATE_EN[c.to]}`,
  },
  'measure-label-changed': {
    vi: (c) => `chỉ tiêu ${c.measure} đổi tên từ ${q(c.from)} thành ${q(c.to)}`,
    en: (c) => `measure ${c.measure} renamed from ${q(c.from)} to ${q(c.to)}`,
  },
  'unit-added': { vi: (c) => `thêm mới: ${q(c.to)}`, en: (c) => `added: ${q(c.to)}` },
  'unit-removed': { vi: (c) => `đã bỏ: ${q(c.from)}`, en: (c) => `removed: ${q(c.from)}` },
  'unit-renamed': {
    vi: (c) => `tên đổi từ ${q(c.from)} thành ${q(c.to)}`,
    en: (c) => `renamed from ${q(c.from)} to ${q(c.to)}`,
  },
  'aliases-changed': {
    vi: (c) => `tên gọi khác: ${listDelta(c.from, c.to, 'thêm', 'bỏ')}`,
    en: (c) => `aliases: ${listDelta(c.from, c.to, 'added', 'removed')}`,
  },
  'members-changed': {
    vi: (c, w) => (c.from && c.to
      ? `thành viên: ${listDelta(c.from.map(w.unit), c.to.map(w.unit), 'thêm', 'bỏ', String)}`
      : `thành viên đổi từ ${group(c.from, w, 'vi')} thành ${group(c.to, w, 'vi')}`),
    en: (c, w) => (c.from && c.to
      ? `members: ${listDelta(c.from.map(w.unit), c.to.map(w.unit), 'added', 'removed', String)}`
      : `members changed from ${group(c.from, w, 'en')} to ${group(c.to, w, 'en')}`),
  },
};

/** A change in words: "chỉ tiêu online_full đổi từ > 85% thành > 90%". */
export function describeChange(change: PlanChange, lang: Lang, words: ChangeWords): string {
  const text = CHANGE_TEXT[change.kind][lang] as (c: PlanChange, w: ChangeWords) => string;
  return text(change, words);
}
