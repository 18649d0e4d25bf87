import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, ReportCriterion, ReportMeasure } from '../types.js';
import { displayDate } from '../util/dates.js';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };
const separators: Record<Lang, { group: string; decimal: string }> = { vi: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };

/**
 * 1.243 in Vietnamese, 1,243 in English: what Intl.NumberFormat writes with at most `maxFraction`
 * decimals (rounding half away from zero on the shortest decimal form, as ICU does). Written out
 * here because ICU's number data cost a fresh process some 20 ms, on a run of 300; numbers in
 * exponent form (1e21 and above, below 1e-6) are left to Intl.
 */
export function formatNumber(n: number, lang: Lang, maxFraction = 2): string {
  const written = String(Math.abs(n));
  if (!Number.isFinite(n) || written.includes('e')) return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: maxFraction }).format(n);
  const point = written.indexOf('.');
  let digits = point === -1 ? written : written.slice(0, point) + written.slice(point + 1);
  let whole = point === -1 ? written.length : point;
  const kept = whole + maxFraction;
  if (digits.length > kept) {
    const up = digits.charCodeAt(kept) >= 53;
    digits = digits.slice(0, kept);
    if (up) {
      let i = kept - 1;
      while (i >= 0 && digits[i] === '9') i--;
      digits = i < 0 ? `1${'0'.repeat(kept)}` : digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(kept - i - 1);
      if (i < 0) whole++;
    }
  }
  const { group, decimal } = separators[lang];
  const integer = digits.slice(0, whole).replace(/\B(?=(\d{3})+$)/gu, group);
  const fraction = digits.slice(whole).replace(/0+$/u, '');
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${integer}${fraction ? decimal + fraction : ''}`;
}

/** 7,85 tỷ / 7.85B: large amounts (VND) shortened for narrow table cells; exact figures stay in the JSON. */
export function formatCompact(n: number, lang: Lang): string {
  if (n < 10_000_000) return formatNumber(n, lang);
  const [div, vi, en] = n >= 1e9 ? [1e9, ' tỷ', 'B'] : [1e6, ' triệu', 'M'];
  return `${formatNumber(Math.round((n / div) * 100) / 100, lang)}${lang === 'vi' ? vi : en}`;
}

/**
 * A percentage with one decimal, truncated rather than rounded so that 99.96% of a
 * 100% target never reads as "100%": 99,4% in Vietnamese, 99.4% in English.
 */
export function formatPercent(p: number, lang: Lang): string {
  return `${formatNumber(Math.trunc(p * 10) / 10, lang, 1)}%`;
}

export function formatTarget(m: Pick<ReportMeasure, 'target'>, lang: Lang): string {
  const op = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' }[m.target.op];
  return `${op} ${formatNumber(m.target.value, lang)}${m.target.unit}`;
}

/** What was achieved: `99,4% (1.243/1.250)`, `0`, `không phát sinh (0/0)`, or `—` with no figures. */
export function formatActual(m: ReportMeasure, lang: Lang, compact = false): string {
  const num = compact ? formatCompact : formatNumber;
  if (m.value === null) return '—';
  if (m.kind === 'ratio') {
    if (m.notApplicable) return `${ui(lang, 'notArising')} (0/0)`;
    return `${formatPercent(m.actual ?? 0, lang)} (${num(m.value, lang)}/${num(m.total ?? 0, lang)})`;
  }
  if (m.kind === 'percent') return formatPercent(m.value, lang);
  return formatNumber(m.value, lang);
}

/** Where a measure is heading: `→ dự báo 100% (31/12/2025)`, or `→ dự báo không đạt: 81,1% (…)`. */
export function formatForecast(m: ReportMeasure, lang: Lang): string | undefined {
  const f = m.forecast;
  if (!f) return undefined;
  const value = m.kind === 'count' ? formatNumber(f.value, lang) : formatPercent(f.value, lang);
  // The day and month are enough in Vietnamese: the forecast is for the plan year.
  const by = lang === 'vi' ? displayDate(f.by, lang).slice(0, 5) : displayDate(f.by, lang);
  return `→ ${ui(lang, f.met ? 'forecast' : 'forecastMiss')}${f.met ? '' : ':'} ${value} (${by})`;
}

export function formatDue(c: Pick<ReportCriterion, 'due' | 'ongoing'>, lang: Lang): string {
  return c.ongoing ? ui(lang, 'ongoing') : displayDate(c.due, lang);
}

/** A task's progress in words: `Hoàn thành 15/08/2025`, or per member for a group. */
export function formatTask(c: ReportCriterion, lang: Lang, unitLabel: (id: string) => string): string {
  const word = (s: string) => (s === 'done' ? ui(lang, 'done') : s === 'in-progress' ? ui(lang, 'inProgress') : ui(lang, 'notStarted'));
  const parts = (c.task ?? []).map((t) => {
    let text = t.status === 'done' && t.completedOn ? `${word(t.status)} ${displayDate(t.completedOn, lang)}` : word(t.status);
    // The PAR Index appraisal wants evidence for every criterion the commune scores itself on.
    if (t.status === 'done' && t.evidence.length === 0) text += ` (${ui(lang, 'noEvidence')})`;
    return c.task!.length + c.missingUnits.length > 1 ? `${unitLabel(t.unit)}: ${text}` : text;
  });
  for (const u of c.missingUnits) parts.push(`${unitLabel(u.id)}: ${ui(lang, 'noReport')}`);
  return parts.join('; ') || '—';
}

export function statusLabel(c: Pick<ReportCriterion, 'status'>, lang: Lang): string {
  return STATUS_LABEL[lang][c.status];
}

/** The URLs among a criterion's evidence, for formats that can show links. */
export function evidenceLinks(c: ReportCriterion): string[] {
  return [...new Set((c.task ?? []).flatMap((t) => t.evidence).map((e) => e.trim()).filter((e) => /^https?:\/\/[^\s<>"]+$/iu.test(e)))];
}
