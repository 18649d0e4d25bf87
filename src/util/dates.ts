/** The commune's time zone: deadlines are calendar dates there (design.md). */
export const COMMUNE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The shape a date may be written in, for error messages. */
export type DateProblem = 'format' | 'impossible';

/**
 * Reads `2025-09-14` or `14/09/2025` (also `14/9/2025`) into an ISO date string.
 * Returns the problem instead when the text is not a date or names a day that does not exist.
 */
export function parseDate(text: string): { date: string } | { problem: DateProblem } {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(trimmed);
  const vn = VN.exec(trimmed);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vn) {
    [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  } else {
    return { problem: 'format' };
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { problem: 'impossible' };
  }
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const UTC7_SINCE = Date.UTC(1975, 5, 13);
const YEAR_10000 = Date.UTC(9999, 11, 31, 17);

/** Today's date in the commune, whatever the machine's time zone. */
export function todayIn(now: Date, timeZone = COMMUNE_TIME_ZONE): string {
  // Viet Nam has kept UTC+7 without summer time since 13/06/1975: plain arithmetic gives the date
  // without Intl.DateTimeFormat, whose time-zone data cost a fresh process ~30 ms.
  const t = now.getTime();
  if (timeZone === COMMUNE_TIME_ZONE && t >= UTC7_SINCE && t < YEAR_10000) return new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 of a calendar date: plain arithmetic, the same in every machine time zone. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86_400_000);
}

/**
 * Whole calendar days from `from` to `to` (both ISO dates); positive when `to` is later.
 * Calendar dates have no time zone, so this never goes through local time (where a DST change
 * would add or lose a day).
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** dd/MM/yyyy, the way Vietnamese papers write dates; ISO for English readers. */
export function displayDate(iso: string, lang: 'vi' | 'en'): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
