import type { Criterion, Lang, Measure, Plan, ProgressEntry, ProgressReport, Target, Unit } from '../types.js';
import { yamlLib } from '../load/yaml-lib.js';
import { displayDate } from '../util/dates.js';
import { reportingUnits } from '../validate/resolve-unit.js';

/** What `cchc init` writes a progress template from. */
export interface TemplateInput {
  plan: Plan;
  /** Id of a single unit (not a group). */
  unit: string;
  /** Free label of the reporting period, e.g. `2025-Q3` or `Quý III/2025`. */
  period: string;
  /** ISO date of the data cut-off. */
  asOf: string;
  lang: Lang;
  /** What the first line's `$schema=` points at: a path relative to the new file, or a URL. */
  schemaRef: string;
  /** An earlier report of the same unit whose figures are carried forward (`--from`). */
  previous?: ProgressReport;
  /** How the comments name the earlier report; its `file` when not given. */
  previousFile?: string;
}

/** The criteria a unit must report: it leads them, or it is a member of the lead group. */
export function criteriaToReport(plan: Plan, unit: string): Criterion[] {
  return plan.criteria.filter((c) => reportingUnits(plan, c.lead).includes(unit));
}

/** The criteria a unit supports (itself, or through a group it belongs to) without reporting them. */
export function criteriaSupported(plan: Plan, unit: string): Criterion[] {
  const groups = [...plan.units.values()].filter((u) => u.members?.includes(unit)).map((u) => u.id);
  return plan.criteria.filter((c) => !reportingUnits(plan, c.lead).includes(unit) && c.support.some((s) => s === unit || groups.includes(s)));
}

// Comments are wrapped so that they read in Notepad without horizontal scrolling.
const WIDTH = 100;

const OP_SIGN: Record<Target['op'], string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

interface Words {
  title: (plan: string) => string;
  planLine: (id: string, revision: number, issuer: string) => string;
  unitLine: (name: string, id: string) => string;
  periodLine: (period: string, year: number, asOf: string) => string;
  countLine: (total: number, measured: number, tasks: number) => string;
  howTo: string[];
  carried: (file: string, asOf: string, newAsOf: string) => string[];
  reportedBy: string;
  asOfComment: (asOf: string) => string;
  requirement: string;
  noRequirement: string;
  due: string;
  ongoing: string;
  dueImplied: string;
  groupLead: (name: string, members: string) => string;
  note: string;
  carriedMark: (asOf: string, newAsOf: string) => string;
  notCarried: string;
  target: string;
  ratioValue: string;
  ratioTotal: string;
  sum: string;
  each: string;
  count: string;
  percent: string;
  task: string;
  completedOn: string;
  evidence: string;
  oldNote: string;
  supportOnly: (name: string) => string[];
  supports: string;
  supportsNothing: string;
  lead: string;
  supportNote: (id: string) => string[];
}

const WORDS: Record<Lang, Words> = {
  vi: {
    title: (plan) => `BÁO CÁO TIẾN ĐỘ — ${plan}`,
    planLine: (id, revision, issuer) => `Kế hoạch: mã ${id}, lần sửa đổi ${revision}, ${issuer}.`,
    unitLine: (name, id) => `Đơn vị báo cáo: ${name} (mã ${id}).`,
    periodLine: (period, year, asOf) => `Kỳ báo cáo: ${period}. Số liệu lũy kế từ đầu năm ${year} đến hết ngày ${asOf}.`,
    countLine: (total, measured, tasks) => `Đơn vị phải báo cáo ${total} tiêu chí: ${measured} tiêu chí ghi số liệu, ${tasks} nhiệm vụ.`,
    howTo: [
      'Cách điền:',
      '- Tỷ lệ: ghi tử số sau "value:" và mẫu số sau "total:", ví dụ:',
      '      on_time: { value: 1243, total: 1250 }',
      '  Nếu không phát sinh trường hợp nào, ghi { value: 0, total: 0 }.',
      '- Số đếm: ghi một số nguyên sau dấu hai chấm, ví dụ leaders_disciplined: 0.',
      '  Phần trăm: ghi một số từ 0 đến 100, không ghi dấu %.',
      '- Nhiệm vụ: sửa status thành done (đã hoàn thành), in-progress (đang thực hiện) hoặc',
      '  not-started (chưa bắt đầu). Khi done: xóa dấu # ở đầu dòng completedOn và ghi ngày',
      '  hoàn thành, ví dụ completedOn: 15/08/2025.',
      '- Ghi chú cho một tiêu chí: thêm dòng note: … thẳng cột với các dòng số liệu của tiêu chí.',
      '- Chỉ thụt lề bằng dấu cách, không dùng phím Tab. Giữ dấu ngoặc kép quanh mã tiêu chí ("3.2.1").',
      '- Các dòng bắt đầu bằng # là chú thích, cchc bỏ qua. Lưu tệp dạng UTF-8, rồi kiểm tra bằng',
      '  lệnh "cchc validate" với tên tệp này.',
    ],
    carried: (file, asOf, newAsOf) => [
      `Số liệu và trạng thái dưới đây được chép từ báo cáo kỳ trước ${file} (số liệu đến ngày ${asOf}).`,
      `Số liệu là lũy kế từ đầu năm: cập nhật từng con số đến ngày ${newAsOf} trước khi nộp. Chỗ để trống là kỳ trước chưa báo cáo.`,
    ],
    reportedBy: '(không bắt buộc) người hoặc bộ phận lập báo cáo',
    asOfComment: (asOf) => `ngày chốt số liệu: ${asOf}`,
    requirement: 'Yêu cầu',
    noRequirement: 'kế hoạch không ghi yêu cầu',
    due: 'Hạn',
    ongoing: 'Thường xuyên (không có hạn chót; đánh giá theo số liệu mới nhất)',
    dueImplied: 'kế hoạch không ghi hạn; tính là cuối năm',
    groupLead: (name, members) => `Chủ trì: ${name} (nhóm gồm ${members}); mỗi đơn vị trong nhóm báo cáo phần việc của mình.`,
    note: 'Lưu ý',
    carriedMark: (asOf, newAsOf) => `Đã chép từ báo cáo kỳ trước (đến ${asOf}): cập nhật đến ${newAsOf}.`,
    notCarried: 'Kỳ trước chưa báo cáo tiêu chí này.',
    target: 'chỉ tiêu',
    ratioValue: 'số đạt yêu cầu (tử số)',
    ratioTotal: 'tổng số (mẫu số)',
    sum: 'số liệu của các đơn vị trong nhóm được cộng lại',
    each: 'từng đơn vị trong nhóm đều phải đạt',
    count: 'số đếm: ghi một số nguyên, ví dụ 0',
    percent: 'phần trăm: ghi một số từ 0 đến 100, không ghi dấu %',
    task: 'Nhiệm vụ: done = đã hoàn thành, in-progress = đang thực hiện, not-started = chưa bắt đầu',
    completedOn: 'ngày hoàn thành, ví dụ 15/08/2025 (bắt buộc khi status: done)',
    evidence: 'văn bản làm bằng chứng, mỗi văn bản một dòng bắt đầu bằng "- "',
    oldNote: 'Ghi chú kỳ trước (muốn giữ lại thì xóa "# " ở đầu dòng dưới, rồi sửa cho đúng kỳ này):',
    supportOnly: (name) => [
      `${name} không chủ trì tiêu chí nào và không thuộc nhóm chủ trì nào, nên không báo cáo số liệu hay trạng thái.`,
      'Tệp này để trống (criteria: {}) và vẫn hợp lệ; đơn vị chủ trì báo cáo kết quả các tiêu chí.',
    ],
    supports: 'Đơn vị phối hợp thực hiện các tiêu chí:',
    supportsNothing: 'Đơn vị cũng không được giao phối hợp tiêu chí nào trong kế hoạch.',
    lead: 'chủ trì',
    supportNote: (id) => [
      'Nếu cần, có thể ghi ghi chú (chỉ note, không ghi số liệu) cho tiêu chí phối hợp, thay dòng "criteria: {}" bằng:',
      'criteria:',
      `  "${id}":`,
      '    note: Nội dung đơn vị đã phối hợp thực hiện',
    ],
  },
  en: {
    title: (plan) => `PROGRESS REPORT — ${plan}`,
    planLine: (id, revision, issuer) => `Plan: id ${id}, revision ${revision}, ${issuer}.`,
    unitLine: (name, id) => `Reporting unit: ${name} (id ${id}).`,
    periodLine: (period, year, asOf) => `Period: ${period}. Figures are cumulative from the start of ${year} to the end of ${asOf}.`,
    countLine: (total, measured, tasks) => `The unit reports ${total} criteria: ${measured} with figures, ${tasks} tasks.`,
    howTo: [
      'How to fill it in:',
      '- Ratios: write the part after "value:" and the whole after "total:", e.g.',
      '      on_time: { value: 1243, total: 1250 }',
      '  If no case arose, write { value: 0, total: 0 }.',
      '- Counts: write a whole number after the colon, e.g. leaders_disciplined: 0.',
      '  Percentages: a number from 0 to 100, without %.',
      '- Tasks: change status to done, in-progress or not-started. When done: delete the # at the',
      '  start of the completedOn line and write the date, e.g. completedOn: 2025-08-15.',
      '- A note on a criterion: add a line note: … lined up with the criterion\'s figures.',
      '- Indent with spaces only, never Tab. Keep the quotes around criterion ids ("3.2.1").',
      '- Lines starting with # are comments that cchc ignores. Save the file as UTF-8, then check it',
      '  with "cchc validate" and the file name.',
    ],
    carried: (file, asOf, newAsOf) => [
      `The figures and statuses below are copied from the earlier report ${file} (figures as of ${asOf}).`,
      `Figures are cumulative for the year: update each one to ${newAsOf} before submitting. Blanks were not reported last time.`,
    ],
    reportedBy: '(optional) who prepared the report',
    asOfComment: (asOf) => `data cut-off: ${asOf}`,
    requirement: 'Requirement',
    noRequirement: 'the plan states none',
    due: 'Due',
    ongoing: 'Ongoing (no deadline; judged on the latest figures)',
    dueImplied: 'the plan gives no deadline; taken as the end of the year',
    groupLead: (name, members) => `Lead: ${name} (a group of ${members}); each member reports its own share.`,
    note: 'Note',
    carriedMark: (asOf, newAsOf) => `Copied from the earlier report (as of ${asOf}): update to ${newAsOf}.`,
    notCarried: 'Not reported in the earlier report.',
    target: 'target',
    ratioValue: 'the part that meets the requirement',
    ratioTotal: 'the whole',
    sum: 'the members\' figures are added up',
    each: 'every member of the group must meet it',
    count: 'a count: write a whole number, e.g. 0',
    percent: 'a percentage: write a number from 0 to 100, without %',
    task: 'Task: done, in-progress or not-started',
    completedOn: 'completion date, e.g. 2025-08-15 (required when status: done)',
    evidence: 'supporting documents, one per line starting with "- "',
    oldNote: 'Earlier note (to keep it, delete the "# " at the start of the next line and update it):',
    supportOnly: (name) => [
      `${name} leads no criterion and belongs to no lead group, so it reports no figures or statuses.`,
      'This file is left empty (criteria: {}) and is valid; the lead units report on the criteria.',
    ],
    supports: 'The unit supports these criteria:',
    supportsNothing: 'The plan gives the unit no criterion to support either.',
    lead: 'lead',
    supportNote: (id) => [
      'If useful, a note (a note only, no figures) may be given for a supported criterion: replace "criteria: {}" with',
      'criteria:',
      `  "${id}":`,
      '    note: What the unit did to support it',
    ],
  },
};

/**
 * The text of a progress template for one unit: the criteria it reports, each measure with an
 * empty placeholder (or the earlier report's figures), and comments giving what the officer
 * needs to fill it in. Written by hand rather than dumped, so each comment sits where it helps.
 */
export function buildTemplate(input: TemplateInput): string {
  const { plan, lang, previous } = input;
  const w = WORDS[lang];
  const unit = plan.units.get(input.unit)!;
  const date = (iso: string) => displayDate(iso, lang);
  const criteria = criteriaToReport(plan, unit.id);
  const measured = criteria.filter((c) => c.measures.length > 0).length;

  const out: string[] = [`# yaml-language-server: $schema=${input.schemaRef}`];
  const comment: Comment = (text, indent = '', lead = '', hang = '') => out.push(...wrap(text, `${indent}# ${lead}`, `${indent}# ${lead}${hang}`));
  comment(w.title(plan.title));
  comment(w.planLine(plan.id, plan.revision, plan.issuer));
  comment(w.unitLine(unit.name, unit.id));
  comment(w.periodLine(input.period, plan.year, date(input.asOf)));
  if (criteria.length > 0) {
    comment(w.countLine(criteria.length, measured, criteria.length - measured));
    out.push('#');
    // Hand-wrapped, so that the examples stay whole on their lines.
    for (const line of w.howTo) out.push(`# ${line}`);
    if (previous) {
      out.push('#');
      for (const line of w.carried(input.previousFile ?? previous.file, date(previous.asOf), date(input.asOf))) comment(line);
    }
  }
  out.push(
    'schema: cchc/progress@1',
    `plan: ${plan.id}`,
    `planRevision: ${plan.revision}`,
    `unit: ${unit.id}`,
    `period: ${scalar(input.period)}`,
    `asOf: ${input.asOf}   # ${w.asOfComment(date(input.asOf))}`,
    previous?.reportedBy !== undefined ? `reportedBy: ${scalar(previous.reportedBy)}` : `# reportedBy:   # ${w.reportedBy}`,
  );

  if (criteria.length === 0) {
    supportOnly(out, plan, unit, w);
    return `${out.join('\n')}\n`;
  }

  out.push('criteria:');
  let area: string | undefined;
  let heading: string | undefined;
  for (const criterion of criteria) {
    out.push('');
    if (criterion.area !== area) {
      const a = plan.areas.find((x) => x.id === criterion.area);
      comment(`═══ ${criterion.area}. ${a?.title ?? ''}`, '  ');
      area = criterion.area;
      heading = undefined;
    }
    if (criterion.heading !== undefined && criterion.heading !== heading) {
      const h = plan.areas.find((x) => x.id === criterion.area)?.headings.find((x) => x.id === criterion.heading);
      comment(`─── ${criterion.heading}. ${h?.title ?? ''}`, '  ');
      heading = criterion.heading;
    }
    criterionBlock(out, input, criterion, comment);
  }
  return `${out.join('\n')}\n`;
}

/** Adds a wrapped comment: `indent` before the #, `lead` after it, `hang` before continuation lines. */
type Comment = (text: string, indent?: string, lead?: string, hang?: string) => void;

function criterionBlock(out: string[], input: TemplateInput, criterion: Criterion, comment: Comment): void {
  const { plan, lang, previous } = input;
  const w = WORDS[lang];
  const date = (iso: string) => displayDate(iso, lang);
  const lead = plan.units.get(criterion.lead);
  const groupLed = lead?.members !== undefined;
  const entry = previous?.entries.get(criterion.id);

  comment(`${criterion.id}. ${criterion.title}`, '  ', '', ' '.repeat(criterion.id.length + 2));
  comment(`${w.requirement}: ${criterion.requirement ?? w.noRequirement}`, '  ', '  ', '  ');
  const due = criterion.ongoing
    ? w.ongoing
    : `${date(criterion.due)}${criterion.dueImplied ? ` (${w.dueImplied})` : criterion.dueText ? ` (${criterion.dueText})` : ''}`;
  comment(`${w.due}: ${due}`, '  ', '  ', '  ');
  if (groupLed && lead) comment(w.groupLead(lead.name, lead.members!.map((m) => plan.units.get(m)?.short ?? plan.units.get(m)?.name ?? m).join(', ')), '  ', '  ', '  ');
  for (const note of criterion.notes) comment(`${w.note}: ${note}`, '  ', '  ', '  ');
  if (previous) comment(entry && hasReport(entry) ? w.carriedMark(date(previous.asOf), date(input.asOf)) : w.notCarried, '  ', '  ', '  ');
  out.push(`  ${JSON.stringify(criterion.id)}:`);

  if (criterion.measures.length > 0) {
    for (const measure of criterion.measures) measureLines(out, measure, groupLed, entry, lang, comment);
  } else {
    comment(w.task, '    ');
    const status = entry?.status ?? 'not-started';
    out.push(`    status: ${status}`);
    out.push(entry?.completedOn !== undefined ? `    completedOn: ${entry.completedOn}` : `    # completedOn:   # ${w.completedOn}`);
    if (entry && entry.evidence.length > 0) {
      out.push('    evidence:');
      for (const e of entry.evidence) out.push(`      - ${scalar(e)}`);
    } else {
      out.push(`    # evidence:      # ${w.evidence}`, '    #   -');
    }
  }
  if (entry?.note !== undefined) {
    comment(w.oldNote, '    ');
    out.push(`    # note: ${scalar(entry.note)}`);
  }
}

function measureLines(out: string[], measure: Measure, groupLed: boolean, entry: ProgressEntry | undefined, lang: Lang, comment: Comment): void {
  const w = WORDS[lang];
  comment(`${measure.label} — ${w.target} ${targetText(measure.target, lang)}`, '    ', '', '  ');
  if (measure.kind === 'ratio') {
    comment(`value: ${measure.valueLabel ?? w.ratioValue}`, '    ', '  ', '       ');
    comment(`total: ${measure.totalLabel ?? w.ratioTotal}`, '    ', '  ', '       ');
  } else {
    comment(measure.kind === 'count' ? w.count : w.percent, '    ', '  ', '  ');
  }
  if (groupLed) comment(`(${measure.aggregate === 'each' ? w.each : w.sum})`, '    ', '  ', ' ');
  const figure = entry?.figures.get(measure.id);
  if (measure.kind === 'ratio') {
    out.push(figure ? `    ${measure.id}: { value: ${String(figure.value)}, total: ${String(figure.total ?? 0)} }` : `    ${measure.id}: { value: , total: }`);
  } else {
    out.push(figure ? `    ${measure.id}: ${String(figure.value)}` : `    ${measure.id}:`);
  }
}

function supportOnly(out: string[], plan: Plan, unit: Unit, w: Words): void {
  const comment = (text: string) => out.push(...wrap(text, '# ', '# '));
  out.push('#');
  for (const line of w.supportOnly(unit.name)) comment(line);
  const supported = criteriaSupported(plan, unit.id);
  if (supported.length === 0) comment(w.supportsNothing);
  else {
    comment(w.supports);
    for (const c of supported) out.push(...wrap(`${c.id}. ${c.title} (${w.lead}: ${plan.units.get(c.lead)?.name ?? c.lead})`, '#   ', `#   ${' '.repeat(c.id.length + 2)}`));
    const [explanation, ...example] = w.supportNote(supported[0]!.id);
    comment(explanation!);
    // Removing "# " from these lines gives the entry with the right indentation.
    for (const line of example) out.push(`# ${line}`);
  }
  out.push('criteria: {}');
}

function hasReport(entry: ProgressEntry): boolean {
  return entry.figures.size > 0 || entry.status !== undefined || entry.completedOn !== undefined || entry.evidence.length > 0;
}

function targetText(target: Target, lang: Lang): string {
  const value = lang === 'vi' ? String(target.value).replace('.', ',') : String(target.value);
  return `${OP_SIGN[target.op]} ${value}${target.unit}`;
}

/** One YAML scalar on one line: plain where that reads the same, quoted otherwise. */
export function scalar(text: string): string {
  // Line breaks and other control characters would make stringify choose a multi-line form.
  if (/[\u0000-\u001f\u007f\u2028\u2029]/u.test(text)) return JSON.stringify(text);
  return yamlLib().stringify(text, { lineWidth: 0 }).replace(/\n$/u, '');
}

/** Word-wraps a comment to WIDTH columns: `first` starts the first line, `rest` the others. */
function wrap(text: string, first: string, rest: string): string[] {
  // A comment ends at the end of its line: text from the files must not start a new one.
  const words = text.replace(/\s+/gu, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}
