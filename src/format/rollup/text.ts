import type { Lang } from '../../types.js';
import { STATUSES } from '../../types.js';
import { csvLine, type Cell } from '../csv.js';
import type { FormatOptions } from '../format-options.js';
import { md } from '../markdown.js';
import { stringWidth } from '../string-width.js';
import { formatNumber } from '../text.js';
import { notPassing, type Rollup } from './model.js';
import { overdueText, share, statusHeads, summaryLine, title, word } from './words.js';

/** The three views as rows: communes worst first, criteria in id order, communes with overdue criteria. */
function views(r: Rollup, lang: Lang) {
  const n = (x: number) => formatNumber(x, lang);
  return {
    communes: {
      head: [word(lang, 'plan'), word(lang, 'name'), ...statusHeads(lang), word(lang, 'forecastMiss'), word(lang, 'total')],
      rows: r.communes.map((c) => [c.id, c.name, ...STATUSES.map((s) => n(c.counts[s])), n(c.forecastMiss), n(c.total)]),
    },
    criteria: {
      head: [word(lang, 'id'), word(lang, 'criterion'), word(lang, 'notPassing'), ...statusHeads(lang), word(lang, 'forecastMiss')],
      rows: r.criteria.map((c) => [c.id, c.title, share(notPassing(c.counts), c.communes, lang), ...STATUSES.map((s) => n(c.counts[s])), n(c.forecastMiss)]),
    },
    overdue: r.communes.filter((c) => c.overdue.length > 0).map((c) => ({ id: c.id, name: c.name, text: overdueText(c.overdue, lang) })),
  };
}

/** Columns aligned by their width on a terminal; numbers (every column after `textColumns`) to the right. */
function aligned(head: string[], rows: string[][], textColumns: number, bold: (s: string) => string): string[] {
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((cell, i) => {
    const pad = ' '.repeat(widths[i]! - stringWidth(cell));
    return i < textColumns ? cell + pad : pad + cell;
  }).join('  ').trimEnd();
  return [bold(line(head)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The province's view in the terminal (issue 18): one line per commune, worst first; one line per
 * criterion across communes; the communes with overdue criteria; a summary line. The criterion's
 * title is cut to what the width leaves, so that each criterion stays on one line.
 */
export function formatRollupTable(r: Rollup, options: FormatOptions & { command?: string }): string {
  const { lang, chalk } = options;
  const v = views(r, lang);
  const bold = (s: string) => chalk.bold(s);
  const others = v.criteria.head.map((h, i) => (i === 1 ? 0 : Math.max(stringWidth(h), ...v.criteria.rows.map((row) => stringWidth(row[i]!)))));
  const room = Math.max(20, options.width - others.reduce((a, b) => a + b, 0) - 2 * (others.length - 1));
  const criteriaRows = v.criteria.rows.map((row) => row.map((cell, i) => (i === 1 ? clip(cell, room) : cell)));
  const out = [
    bold(title(r, lang)), '',
    bold(word(lang, 'communes')), ...aligned(v.communes.head, v.communes.rows, 2, bold), '',
    bold(word(lang, 'criteria')), ...aligned(v.criteria.head, criteriaRows, 2, bold), '',
    bold(word(lang, 'overdue')),
    ...(v.overdue.length > 0 ? v.overdue.map((o) => `${o.id} (${o.name}): ${o.text}`) : [word(lang, 'noOverdue')]), '',
    summaryLine(r, lang),
    chalk.dim(word(lang, 'hint', { cmd: options.command ?? 'cchc' })),
  ];
  return `${out.join('\n')}\n`;
}

function clip(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** The same views as Markdown tables, for a comment or the step summary. */
export function formatRollupMarkdown(r: Rollup, options: FormatOptions): string {
  const { lang } = options;
  const v = views(r, lang);
  const table = (head: string[], rows: string[][], textColumns: number) => [
    `| ${head.map((h) => md(h)).join(' | ')} |`,
    `|${head.map((_, i) => (i < textColumns ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell) => md(cell)).join(' | ')} |`),
  ].join('\n');
  return [
    `# ${md(title(r, lang), ' ')}`, '',
    `## ${word(lang, 'communes')}`, '', table(v.communes.head, v.communes.rows, 2), '',
    `## ${word(lang, 'criteria')}`, '', table(v.criteria.head, v.criteria.rows, 2), '',
    `## ${word(lang, 'overdue')}`, '',
    ...(v.overdue.length > 0 ? v.overdue.map((o) => `- ${md(`${o.id} (${o.name}): ${o.text}`, ' ')}`) : [word(lang, 'noOverdue')]), '',
    md(summaryLine(r, lang), ' '), '',
  ].join('\n');
}

/**
 * The views as one CSV for a spreadsheet: a first column says which (commune or criterion), so
 * either can be filtered out; figures are numbers, in the language's dialect.
 */
export function formatRollupCsv(r: Rollup, options: FormatOptions): string {
  const { lang } = options;
  const head = [word(lang, 'view'), word(lang, 'id'), word(lang, 'name'), word(lang, 'communeCount'), word(lang, 'notPassing'), ...statusHeads(lang), word(lang, 'forecastMiss'), word(lang, 'total'), word(lang, 'overdueList')];
  const rows: Cell[][] = [
    ...r.communes.map((c) => [word(lang, 'viewCommune'), c.id, c.name, null, notPassing(c.counts), ...STATUSES.map((s) => c.counts[s]), c.forecastMiss, c.total, overdueText(c.overdue, lang)]),
    ...r.criteria.map((c) => [word(lang, 'viewCriterion'), c.id, c.title, c.communes, notPassing(c.counts), ...STATUSES.map((s) => c.counts[s]), c.forecastMiss, null, null]),
  ];
  return `${[head, ...rows].map((row) => csvLine(row, lang)).join('\r\n')}\r\n`;
}
