// A static import: this module is itself loaded only when a form is written (init.ts), and the
// CLI's bundle runs in a vm.Script, where a dynamic import() of a package has no loader.
import ExcelJS from 'exceljs';
import { formatTarget } from '../format/text.js';
import type { Lang, Plan, ProgressReport } from '../types.js';
import { displayDate } from '../util/dates.js';
import { COLUMNS, columnIndex, FIRST_ROW, FORM_MARKER, FORM_SHEETS, HEADER_ROWS, STATUS_WORDS, TABLE_HEADER_ROW, type Column } from './form-layout.js';
import { criteriaToReport } from './template.js';

export interface FormInput {
  plan: Plan;
  unit: string;
  period: string;
  asOf: string;
  lang: Lang;
  /** An earlier report of the unit whose figures are carried forward (`--from`). */
  previous?: ProgressReport;
}

const WORDS = {
  vi: {
    title: 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH', plan: 'Kế hoạch (mã)', planRevision: 'Lần sửa đổi', unit: 'Đơn vị báo cáo (mã)',
    period: 'Kỳ báo cáo', asOf: 'Ngày chốt số liệu', reportedBy: 'Người báo cáo',
    criterion: 'Mã tiêu chí', critTitle: 'Tiêu chí', measure: 'Mã chỉ tiêu', label: 'Chỉ tiêu / nhiệm vụ', target: 'Mục tiêu', due: 'Hạn',
    value: 'Số đạt (value)', total: 'Tổng số (total)', status: 'Trạng thái', completedOn: 'Ngày hoàn thành', evidence: 'Tài liệu kiểm chứng', note: 'Ghi chú',
    task: 'Nhiệm vụ', ongoing: 'Thường xuyên', count: 'số đếm', percent: 'phần trăm (0–100)',
    numberError: 'Nhập một số không âm, không có chữ (ví dụ 1250).', dateError: 'Nhập ngày, ví dụ 15/08/2025.', statusError: 'Chọn trạng thái trong danh sách.',
    guide: [
      'HƯỚNG DẪN ĐIỀN BÁO CÁO TIẾN ĐỘ',
      '',
      '1. Chỉ điền vào các ô nền trắng của trang "Báo cáo"; các ô khác đã khóa.',
      '2. Chỉ tiêu tỷ lệ: ghi "Số đạt" (tử số) và "Tổng số" (mẫu số), ví dụ 1243 và 1250. Chỉ tiêu số đếm hoặc phần trăm: chỉ ghi cột "Số đạt".',
      '3. Ghi số không có dấu chấm hay dấu phẩy phân cách hàng nghìn (11500000000, không phải 11.500.000.000).',
      '4. Nhiệm vụ: chọn "Trạng thái" trong danh sách; khi "Đã hoàn thành" thì ghi "Ngày hoàn thành" và tài liệu kiểm chứng (số, ngày văn bản).',
      '5. Tiêu chí chưa có số liệu kỳ này: để trống cả dòng.',
      '6. Không sửa, xóa hay chèn dòng, cột; không đổi tên các trang.',
      '7. Lưu tệp (.xlsx) vào thư mục báo cáo của kho rồi chạy: npx cchc validate <tệp> để kiểm tra.',
    ],
  },
  en: {
    title: 'PLAN PROGRESS REPORT', plan: 'Plan (id)', planRevision: 'Revision', unit: 'Reporting unit (id)',
    period: 'Period', asOf: 'Data cut-off', reportedBy: 'Reported by',
    criterion: 'Criterion', critTitle: 'Title', measure: 'Measure id', label: 'Measure / task', target: 'Target', due: 'Due',
    value: 'Value', total: 'Total', status: 'Status', completedOn: 'Completed on', evidence: 'Evidence', note: 'Note',
    task: 'Task', ongoing: 'Ongoing', count: 'count', percent: 'percent (0–100)',
    numberError: 'Enter a number, not negative, without words (e.g. 1250).', dateError: 'Enter a date, e.g. 15/08/2025.', statusError: 'Choose a status from the list.',
    guide: [
      'HOW TO FILL IN THE PROGRESS REPORT',
      '',
      '1. Fill in only the white cells of the "Báo cáo" sheet; the others are locked.',
      '2. Ratio measures: enter the value (numerator) and the total (denominator), e.g. 1243 and 1250. Counts and percentages: the value only.',
      '3. Write numbers without thousands separators (11500000000, not 11.500.000.000).',
      '4. Tasks: choose the status from the list; when done, enter the completion date and the evidence (document number and date).',
      '5. A criterion with no figures this period: leave its row empty.',
      '6. Do not edit, delete or insert rows or columns, or rename the sheets.',
      '7. Save the file (.xlsx) in the repository\'s progress folder and run: npx cchc validate <file> to check it.',
    ],
  },
};

const LOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } } as const;
/** An Excel date from an ISO date: midnight UTC of that day, as exceljs writes dates. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The Excel progress form of one unit: a locked sheet listing every criterion and measure the
 * unit reports, with white input cells checked by Excel (numbers, dates, the status list), the
 * header the checker reads back, an instructions sheet, and a hidden sheet that marks the file
 * as a cchc form.
 */
export async function buildProgressForm(input: FormInput): Promise<Uint8Array> {
  const { plan, unit, period, asOf, lang, previous } = input;
  const w = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cchc';
  const sheet = workbook.addWorksheet(FORM_SHEETS.report, { views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 2 }] });
  sheet.columns = [10, 40, 16, 36, 12, 12, 16, 16, 18, 16, 36, 36].map((width) => ({ width }));

  sheet.getCell('A1').value = `${w.title}: ${plan.title}`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.mergeCells('A1:L1');
  const header: [keyof typeof HEADER_ROWS, string | number | Date | undefined][] = [
    ['plan', plan.id], ['planRevision', plan.revision], ['unit', unit], ['period', period], ['asOf', excelDate(asOf)], ['reportedBy', previous?.reportedBy],
  ];
  for (const [field, value] of header) {
    const row = HEADER_ROWS[field];
    sheet.getCell(`A${row}`).value = w[field];
    sheet.getCell(`A${row}`).font = { bold: true };
    const cell = sheet.getCell(`B${row}`);
    if (value !== undefined) cell.value = value;
    if (field === 'asOf') cell.numFmt = 'dd/mm/yyyy';
    if (field === 'unit') sheet.getCell(`C${row}`).value = plan.units.get(unit)?.name ?? '';
    if (field === 'reportedBy') cell.protection = { locked: false };
    else cell.fill = LOCKED_FILL;
  }

  const headerRow = sheet.getRow(TABLE_HEADER_ROW);
  sheet.getColumn(columnIndex(COLUMNS.kind)).hidden = true;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    if (column === 'kind') continue;
    const cell = headerRow.getCell(columnIndex(COLUMNS[column]));
    cell.value = w[column === 'title' ? 'critTitle' : column];
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  }

  let r = FIRST_ROW;
  for (const criterion of criteriaToReport(plan, unit)) {
    const entry = previous?.entries.get(criterion.id);
    const due = criterion.ongoing ? w.ongoing : displayDate(criterion.due, lang);
    const rows = criterion.measures.length > 0 ? criterion.measures : [undefined];
    rows.forEach((measure, i) => {
      const row = sheet.getRow(r++);
      const put = (column: Column, value: ExcelJS.CellValue) => {
        row.getCell(columnIndex(COLUMNS[column])).value = value;
      };
      put('criterion', criterion.id);
      put('kind', measure?.kind ?? 'task');
      put('title', criterion.title);
      put('due', due);
      if (measure) {
        put('measure', measure.id);
        put('label', measure.kind === 'ratio' ? measure.label : `${measure.label} (${w[measure.kind]})`);
        put('target', formatTarget({ target: measure.target }, lang));
        const figure = entry?.figures.get(measure.id);
        if (figure) {
          put('value', figure.value);
          if (measure.kind === 'ratio' && figure.total !== undefined) put('total', figure.total);
        }
      } else {
        put('label', w.task);
        put('target', criterion.requirement ?? '');
        if (entry?.status) put('status', STATUS_WORDS[entry.status][lang]);
        if (entry?.completedOn) put('completedOn', excelDate(entry.completedOn));
        if (entry?.evidence.length) put('evidence', entry.evidence.join('\n'));
      }
      if (i === 0 && entry?.note) put('note', entry.note);
      styleRow(row, measure?.kind, w);
    });
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const guide = workbook.addWorksheet(FORM_SHEETS.guide);
  guide.getColumn(1).width = 120;
  w.guide.forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
    if (i === 0) guide.getCell(1, 1).font = { bold: true, size: 13 };
  });

  const meta = workbook.addWorksheet(FORM_SHEETS.meta, { state: 'veryHidden' });
  meta.getCell('A1').value = FORM_MARKER;
  meta.getCell('A2').value = plan.id;
  meta.getCell('A3').value = unit;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Input cells white and checked by Excel; the rest grey and locked. */
function styleRow(row: ExcelJS.Row, kind: 'ratio' | 'percent' | 'count' | undefined, w: (typeof WORDS)['vi']): void {
  const cell = (column: Column) => row.getCell(columnIndex(COLUMNS[column]));
  const open = new Set<Column>(['note']);
  if (kind) open.add('value');
  if (kind === 'ratio') open.add('total');
  if (!kind) ['status', 'completedOn', 'evidence'].forEach((c) => open.add(c as Column));
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const c = cell(column);
    c.alignment = { wrapText: true, vertical: 'top' };
    if (open.has(column)) c.protection = { locked: false };
    else c.fill = LOCKED_FILL;
  }
  const number: ExcelJS.DataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: w.numberError };
  if (kind) cell('value').dataValidation = kind === 'percent' ? { ...number, operator: 'between', formulae: [0, 100] } : kind === 'count' ? { ...number, type: 'whole' } : number;
  if (kind === 'ratio') cell('total').dataValidation = number;
  if (!kind) {
    const list = Object.values(STATUS_WORDS).map((s) => s.vi).join(',');
    cell('status').dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`], showErrorMessage: true, error: w.statusError };
    cell('completedOn').dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, error: w.dateError };
    cell('completedOn').numFmt = 'dd/mm/yyyy';
  }
}
