import { endOfMonth, endOfQuarter, isExists } from 'date-fns';
import { DEADLINE_PHRASES, type DueMeaning } from './phrases.js';

/** A deadline cell read: the plan's `due`, and why a person should look at it, if they should. */
export interface ReadDeadline {
  /** ISO date or `ongoing`; absent when the cell names no deadline (the criterion is due at year end). */
  due?: string;
  review?: 'empty' | 'unknown' | 'interpreted' | 'other-year';
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Reads a deadline phrase ("Trong ngày 31/12/2025", "Quý II/2026", "6 tháng đầu năm", "Thường
 * xuyên") as a date in the plan's year, through the phrase table in phrases.ts. The calendar work
 * (end of month, end of quarter) is date-fns', on local dates built from the numbers alone, so the
 * result does not depend on the machine's time zone.
 */
export function readDeadline(text: string, year: number): ReadDeadline {
  const phrase = text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').replace(/[.;:,]+$/u, '').trim();
  if (phrase === '') return { review: 'empty' };
  for (const entry of DEADLINE_PHRASES) {
    const m = entry.pattern.exec(phrase);
    if (!m) continue;
    const due = dateOf(entry.means(m, year));
    if (due === undefined) return { review: 'unknown' };
    if (due !== 'ongoing' && Number(due.slice(0, 4)) !== year) return { due, review: 'other-year' };
    return entry.checked ? { due } : { due, review: 'interpreted' };
  }
  return { review: 'unknown' };
}

function dateOf(meaning: DueMeaning): string | undefined {
  if (meaning === 'ongoing') return 'ongoing';
  let day: Date;
  if ('date' in meaning) {
    const { y, m, d } = meaning.date;
    if (!isExists(y, m - 1, d)) return undefined;
    return iso(y, m, d);
  }
  if ('endOfMonth' in meaning) {
    const { y, m } = meaning.endOfMonth;
    if (m < 1 || m > 12) return undefined;
    day = endOfMonth(new Date(y, m - 1, 1));
  } else {
    const { y, q } = meaning.endOfQuarter;
    day = endOfQuarter(new Date(y, (q - 1) * 3, 1));
  }
  return iso(day.getFullYear(), day.getMonth() + 1, day.getDate());
}
