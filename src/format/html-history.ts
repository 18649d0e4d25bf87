import { ui } from '../messages.js';
import type { Lang, ReportMeasure } from '../types.js';
import { daysBetween, displayDate } from '../util/dates.js';
import { escapeHtml as esc } from './html-chart.js';
import { formatNumber, formatPercent, formatTarget } from './text.js';

/** The chart's box in SVG units; it is drawn at the width of its table cell. */
const W = 160;
const H = 54;
const PAD = { left: 4, right: 4, top: 10, bottom: 14 };
const PLOT = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };

const WORDS = {
  vi: { history: 'Diễn biến', target: 'chỉ tiêu' },
  en: { history: 'History', target: 'target' },
} satisfies Record<Lang, Record<string, string>>;

/**
 * A measure's history as a small line chart for its table cell (issue 17): the figure on each
 * report date, the target as a dashed line, and the forecast as a dashed segment to its date,
 * drawn red when it misses. The same figures are in the chart's title, read aloud by screen
 * readers and shown on hover, so nothing depends on the drawing. Empty without a history.
 */
export function historyChart(m: ReportMeasure, lang: Lang): string {
  const points = (m.history ?? []).filter((p) => p.actual !== null).map((p) => ({ date: p.asOf, y: p.actual! }));
  if (points.length < 2) return '';
  const f = m.forecast;
  const first = points[0]!.date;
  const last = f && f.by > points[points.length - 1]!.date ? f.by : points[points.length - 1]!.date;
  const span = Math.max(1, daysBetween(first, last));
  const percent = m.kind !== 'count';
  const top = percent ? 100 : Math.max(1, ...points.map((p) => p.y), m.target.value, f?.value ?? 0) * 1.1;
  const x = (date: string) => round(PAD.left + (daysBetween(first, date) / span) * PLOT.width);
  const y = (v: number) => round(PAD.top + PLOT.height - (Math.min(Math.max(v, 0), top) / top) * PLOT.height);
  const show = (v: number) => (percent ? formatPercent(v, lang) : formatNumber(v, lang));

  const parts: string[] = [
    `<line x1="${PAD.left}" y1="${PAD.top + PLOT.height}" x2="${W - PAD.right}" y2="${PAD.top + PLOT.height}" stroke="#000" stroke-width="0.6"/>`,
    `<line class="target" x1="${PAD.left}" y1="${y(m.target.value)}" x2="${W - PAD.right}" y2="${y(m.target.value)}" stroke="#555" stroke-width="0.8" stroke-dasharray="3 2"/>`,
    `<polyline class="actual" points="${points.map((p) => `${x(p.date)},${y(p.y)}`).join(' ')}" fill="none" stroke="#1f3b73" stroke-width="1.6"/>`,
    ...points.map((p) => `<circle cx="${x(p.date)}" cy="${y(p.y)}" r="2.2" fill="#1f3b73"/>`),
  ];
  const end = points[points.length - 1]!;
  if (f) {
    const colour = f.met ? '#2e7d32' : '#c62828';
    parts.push(
      `<line class="forecast" x1="${x(end.date)}" y1="${y(end.y)}" x2="${x(f.by)}" y2="${y(f.value)}" stroke="${colour}" stroke-width="1.4" stroke-dasharray="4 2"/>`,
      `<circle cx="${x(f.by)}" cy="${y(f.value)}" r="2.4" fill="#fff" stroke="${colour}" stroke-width="1.2"/>`,
    );
  }
  // The first and last figures in words above their points, the dates of the ends below the axis.
  parts.push(
    `<text x="${x(first)}" y="${H - 3}" font-size="7.5">${esc(shortDate(first, lang))}</text>`,
    `<text x="${W - PAD.right}" y="${H - 3}" font-size="7.5" text-anchor="end">${esc(shortDate(last, lang))}</text>`,
    `<text x="${x(first)}" y="${Math.max(8, y(points[0]!.y) - 3)}" font-size="8">${esc(show(points[0]!.y))}</text>`,
  );
  const lastLabel = f ? { at: x(f.by), v: f.value } : { at: x(end.date), v: end.y };
  parts.push(`<text x="${lastLabel.at}" y="${Math.max(8, y(lastLabel.v) - 3)}" font-size="8" text-anchor="end" font-weight="bold">${esc(show(lastLabel.v))}</text>`);

  const words = WORDS[lang];
  const said = points.map((p) => `${displayDate(p.date, lang)}: ${show(p.y)}`);
  if (f) said.push(`${ui(lang, f.met ? 'forecast' : 'forecastMiss')} ${displayDate(f.by, lang)}: ${show(f.value)}`);
  const title = `${words.history}: ${said.join('; ')} (${words.target} ${formatTarget(m, lang)})`;
  return `<svg class="history" role="img" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMinYMin meet"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}

/** 14/06 in Vietnamese, 06-14 in English: the chart spans one plan year. */
function shortDate(iso: string, lang: Lang): string {
  return lang === 'vi' ? displayDate(iso, lang).slice(0, 5) : iso.slice(5);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
