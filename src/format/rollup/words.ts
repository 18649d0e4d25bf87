import { STATUS_LABEL } from '../../messages.js';
import type { Lang, Status } from '../../types.js';
import { STATUSES } from '../../types.js';
import { displayDate } from '../../util/dates.js';
import { formatNumber } from '../text.js';
import type { Rollup } from './model.js';

/** The words of the province's view, in both languages. */
export const ROLLUP_WORDS = {
  vi: {
    title: 'Tổng hợp {n} xã tính đến ngày {date}',
    communes: 'I. THEO XÃ (xếp từ kém nhất)',
    criteria: 'II. THEO TIÊU CHÍ',
    overdue: 'III. CÁC XÃ CÓ TIÊU CHÍ QUÁ HẠN',
    noOverdue: 'Không xã nào có tiêu chí quá hạn.',
    plan: 'Kế hoạch', name: 'Đơn vị', id: 'Mã', criterion: 'Tiêu chí', notPassing: 'Số xã chưa đạt',
    forecastMiss: 'Dự báo không đạt', total: 'Tổng', overdueList: 'Tiêu chí quá hạn',
    days: '{n} ngày',
    summary: 'Tổng {n} xã, {total} lượt tiêu chí (tính đến ngày {date}): {counts}',
    hint: 'Xem đầy đủ một xã: {cmd} check --plan <mã kế hoạch>; bảng đầy đủ của mọi xã: {cmd} check --detail.',
    sheetCommunes: 'Theo xã', sheetCriteria: 'Theo tiêu chí', sheetOverdue: 'Quá hạn',
    view: 'Loại', viewCommune: 'xã', viewCriterion: 'tiêu chí', communeCount: 'Số xã',
  },
  en: {
    title: '{n} communes as of {date}',
    communes: 'I. BY COMMUNE (worst first)',
    criteria: 'II. BY CRITERION',
    overdue: 'III. COMMUNES WITH OVERDUE CRITERIA',
    noOverdue: 'No commune has an overdue criterion.',
    plan: 'Plan', name: 'Issuer', id: 'Id', criterion: 'Criterion', notPassing: 'Communes not passing',
    forecastMiss: 'Forecast to miss', total: 'Total', overdueList: 'Overdue criteria',
    days: '{n} days',
    summary: '{n} communes, {total} criteria in all (as of {date}): {counts}',
    hint: 'One commune in full: {cmd} check --plan <plan id>; every commune in full: {cmd} check --detail.',
    sheetCommunes: 'By commune', sheetCriteria: 'By criterion', sheetOverdue: 'Overdue',
    view: 'View', viewCommune: 'commune', viewCriterion: 'criterion', communeCount: 'Communes',
  },
} satisfies Record<Lang, Record<string, string>>;

export type RollupWord = keyof (typeof ROLLUP_WORDS)['vi'];

export function word(lang: Lang, key: RollupWord, vars: Record<string, string | number> = {}): string {
  return ROLLUP_WORDS[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
}

export const statusHeads = (lang: Lang): string[] => STATUSES.map((s) => STATUS_LABEL[lang][s]);

export const title = (r: Rollup, lang: Lang) => word(lang, 'title', { n: formatNumber(r.communes.length, lang), date: displayDate(r.asOf, lang) });

/** "2.114 / 3.300": communes where the criterion does not pass, of those whose plan has it. */
export const share = (notPassing: number, of: number, lang: Lang) => `${formatNumber(notPassing, lang)} / ${formatNumber(of, lang)}`;

/** "3.2.1 (5 ngày), 6.1.1 (12 ngày)". */
export const overdueText = (items: { id: string; daysOverdue: number }[], lang: Lang) =>
  items.map((o) => `${o.id} (${word(lang, 'days', { n: o.daysOverdue })})`).join(', ');

/** The last line: counts over every commune and criterion, and the forecast to miss. */
export function summaryLine(r: Rollup, lang: Lang): string {
  const parts: string[] = STATUSES.map((s: Status) => `${STATUS_LABEL[lang][s]} ${formatNumber(r.counts[s], lang)}`);
  if (r.forecastMiss > 0) parts.push(`${word(lang, 'forecastMiss')} ${formatNumber(r.forecastMiss, lang)}`);
  return word(lang, 'summary', { n: formatNumber(r.communes.length, lang), total: formatNumber(r.total, lang), date: displayDate(r.asOf, lang), counts: parts.join(' · ') });
}
