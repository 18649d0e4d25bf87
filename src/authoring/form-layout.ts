/**
 * Where things are in the Excel progress form (`cchc init -o bao-cao.xlsx`): written by
 * progress-form.ts, read back by src/load/progress-form.ts. One place, so the two always agree.
 */
import type { TaskStatus } from '../types.js';

export const FORM_MARKER = 'cchc/progress-form@1';

export const FORM_SHEETS = { report: 'Báo cáo', guide: 'Hướng dẫn', meta: 'cchc' } as const;

/** The header the checker reads back: label in column A, value in column B. */
export const HEADER_ROWS = { plan: 3, planRevision: 4, unit: 5, period: 6, asOf: 7, reportedBy: 8 } as const;
export type HeaderField = keyof typeof HEADER_ROWS;

export const TABLE_HEADER_ROW = 10;
export const FIRST_ROW = 11;

/** The table's columns. */
export const COLUMNS = {
  criterion: 'A', title: 'B', measure: 'C', label: 'D', target: 'E', due: 'F',
  value: 'G', total: 'H', status: 'I', completedOn: 'J', evidence: 'K', note: 'L',
  /** Hidden: the measure's kind (ratio, count, percent), or `task`, for the reader. */
  kind: 'M',
} as const;
export type Column = keyof typeof COLUMNS;

/** The status list offered in the form, and the words read back as each status. */
export const STATUS_WORDS: Record<TaskStatus, { vi: string; en: string }> = {
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  'not-started': { vi: 'Chưa thực hiện', en: 'Not started' },
};

/** The column letter's index, 1-based (A = 1). */
export const columnIndex = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
