import { STATUSES } from '../../types.js';
import type { FormatOptions } from '../format-options.js';
import { STATUS_COLOUR, escapeHtml as esc } from '../html-chart.js';
import { formatNumber } from '../text.js';
import { notPassing, type Rollup } from './model.js';
import { overdueText, share, statusHeads, summaryLine, title, word } from './words.js';

const STYLE = `@page{size:A4 landscape;margin:12mm}
body{margin:0 auto;max-width:297mm;padding:12mm;font:11pt/1.3 "Times New Roman",Times,"Liberation Serif",serif;color:#000;background:#fff}
@media print{body{padding:0;max-width:none}}
h1{font-size:15pt;text-align:center}
h2{font-size:13pt;margin:6mm 0 2mm;break-after:avoid}
table{width:100%;border-collapse:collapse;font-size:10pt}
th,td{border:1px solid #000;padding:2px 4px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead{display:table-header-group}
thead th{background:#e6e6e6;text-align:center}
td.n{text-align:right;white-space:nowrap}
tr{break-inside:avoid}
${STATUSES.map((s) => `th.st-${s}{border-bottom:4px solid ${STATUS_COLOUR[s].fill}}`).join('\n')}
p.summary{font-weight:bold}`;

/** A table whose first `textColumns` cells are text and the rest numbers; status columns from `firstStatus`, marked in their colour. */
function table(head: string[], rows: string[][], textColumns: number, firstStatus: number): string {
  const th = head.map((h, i) => {
    const status = i >= firstStatus ? STATUSES[i - firstStatus] : undefined;
    return `<th scope="col"${status ? ` class="st-${status}"` : ''}>${esc(h)}</th>`;
  }).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${i >= textColumns ? ' class="n"' : ''}>${esc(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The province's view as one printable, self-contained HTML page (issue 18). */
export function formatRollupHtml(r: Rollup, options: FormatOptions): string {
  const { lang } = options;
  const n = (x: number) => formatNumber(x, lang);
  const communes = r.communes.map((c) => [c.id, c.name, ...STATUSES.map((s) => n(c.counts[s])), n(c.forecastMiss), n(c.total)]);
  const criteria = r.criteria.map((c) => [c.id, c.title, share(notPassing(c.counts), c.communes, lang), ...STATUSES.map((s) => n(c.counts[s])), n(c.forecastMiss)]);
  const overdue = r.communes.filter((c) => c.overdue.length > 0).map((c) => `<li>${esc(`${c.id} (${c.name}): ${overdueText(c.overdue, lang)}`)}</li>`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title(r, lang))}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>${esc(title(r, lang))}</h1>
<p class="summary">${esc(summaryLine(r, lang))}</p>
<section class="communes">
<h2>${esc(word(lang, 'communes'))}</h2>
${table([word(lang, 'plan'), word(lang, 'name'), ...statusHeads(lang), word(lang, 'forecastMiss'), word(lang, 'total')], communes, 2, 2)}
</section>
<section class="criteria">
<h2>${esc(word(lang, 'criteria'))}</h2>
${table([word(lang, 'id'), word(lang, 'criterion'), word(lang, 'notPassing'), ...statusHeads(lang), word(lang, 'forecastMiss')], criteria, 2, 3)}
</section>
<section class="overdue">
<h2>${esc(word(lang, 'overdue'))}</h2>
${overdue.length > 0 ? `<ul>\n${overdue.join('\n')}\n</ul>` : `<p>${esc(word(lang, 'noOverdue'))}</p>`}
</section>
</body>
</html>
`;
}
