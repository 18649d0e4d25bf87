import { STATUS_LABEL } from '../messages.js';
import type { Lang, Report, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { formatNumber } from './text.js';

/**
 * Escapes text for HTML element content and quoted attribute values. C0 control characters other
 * than tab and line breaks become U+FFFD: they are parse errors in HTML and invisible on paper.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, '\ufffd').replace(/[&<>"']/gu, (ch) => ENTITY[ch]!);
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Bar fill and the text colour readable on it (contrast ≥ 4.5:1), per status. */
export const STATUS_COLOUR: Record<Status, { fill: string; ink: string }> = {
  pass: { fill: '#2e7d32', ink: '#ffffff' },
  fail: { fill: '#c62828', ink: '#ffffff' },
  overdue: { fill: '#6a1b9a', ink: '#ffffff' },
  'at-risk': { fill: '#f2b705', ink: '#000000' },
  pending: { fill: '#64b5f6', ink: '#000000' },
  'no-data': { fill: '#bdbdbd', ink: '#000000' },
};

const W = 1000;
const LABEL_W = 330;
const BAR_X = 340;
const BAR_W = 340;
const TEXT_X = BAR_X + BAR_W + 12;
const ROW_H = 30;
const BAR_H = 18;
/** Rough advance of one character in SVG units; SVG text never wraps, so lengths are estimated. */
const CHAR_W = { label: 7.9, small: 5.6, legend: 7 };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Splits `parts` into lines of at most `max` characters, joined by ` · `. */
function lines(parts: string[], max: number): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const last = out.length > 0 ? out[out.length - 1]! : undefined;
    if (last !== undefined && last.length + 3 + part.length <= max) out[out.length - 1] = `${last} · ${part}`;
    else out.push(part);
  }
  return out;
}

/** The legend: a swatch and the status in words; wraps onto a second line if needed. */
function legend(lang: Lang): { svg: string; height: number } {
  const items: string[] = [];
  let x = 0;
  let y = 4;
  for (const s of STATUSES) {
    const text = STATUS_LABEL[lang][s];
    const width = 22 + text.length * CHAR_W.legend + 22;
    if (x > 0 && x + width > W) [x, y] = [0, y + 22];
    items.push(
      `<rect x="${x}" y="${y}" width="16" height="16" fill="${STATUS_COLOUR[s].fill}" stroke="#000" stroke-width="0.5"/>`,
      `<text x="${x + 22}" y="${y + 13}" class="lg">${escapeHtml(text)}</text>`,
    );
    x += width;
  }
  return { svg: `<g class="legend">${items.join('')}</g>`, height: y + 20 };
}

/**
 * The chart of the HTML report: per area (I–IX) a horizontal stacked bar of how many criteria are
 * in each status, the count written in every segment, and the same counts in words beside the bar,
 * so that nothing depends on colour (the report may be printed in black and white).
 */
export function areaChart(report: Report, lang: Lang, title: string): string {
  const rows = report.areas
    .map((area) => {
      const criteria = report.criteria.filter((c) => c.area === area.id);
      const counts = STATUSES.map((s) => ({ s, n: criteria.filter((c) => c.status === s).length }));
      return { area, total: criteria.length, counts };
    })
    .filter((r) => r.total > 0);
  if (rows.length === 0) return '';
  const key = legend(lang);
  const top = key.height + 10;
  const unit = BAR_W / Math.max(...rows.map((r) => r.total));
  let y = top;
  const body: string[] = [];
  for (const row of rows) {
    const words = row.counts.filter((c) => c.n > 0).map((c) => `${STATUS_LABEL[lang][c.s]} ${formatNumber(c.n, lang)}`);
    const wordLines = lines(words, Math.floor((W - TEXT_X) / CHAR_W.small));
    const height = Math.max(ROW_H, wordLines.length * 15 + 10);
    const mid = y + height / 2;
    const label = `${row.area.id}. ${row.area.title}`;
    body.push(`<g class="row"><title>${escapeHtml(`${label}: ${words.join(', ')}`)}</title>`);
    body.push(`<text x="0" y="${mid + 4}" class="al">${escapeHtml(clip(label, Math.floor(LABEL_W / CHAR_W.label)))}</text>`);
    let x = BAR_X;
    for (const { s, n } of row.counts) {
      if (n === 0) continue;
      const w = n * unit;
      body.push(`<rect x="${round(x)}" y="${mid - BAR_H / 2}" width="${round(w)}" height="${BAR_H}" fill="${STATUS_COLOUR[s].fill}" stroke="#fff" stroke-width="1"/>`);
      if (w >= String(n).length * 8 + 6) body.push(`<text x="${round(x + w / 2)}" y="${mid + 4}" class="n" fill="${STATUS_COLOUR[s].ink}">${n}</text>`);
      x += w;
    }
    const firstLine = mid + 4 - ((wordLines.length - 1) * 15) / 2;
    wordLines.forEach((line, i) => body.push(`<text x="${TEXT_X}" y="${round(firstLine + i * 15)}" class="w">${escapeHtml(line)}</text>`));
    body.push('</g>');
    y += height;
  }
  const h = y + 4;
  return [
    `<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
    key.svg,
    ...body,
    `<line x1="${BAR_X}" y1="${top - 2}" x2="${BAR_X}" y2="${h - 2}" stroke="#000" stroke-width="1"/>`,
    '</svg>',
  ].join('\n');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
