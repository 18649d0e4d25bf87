import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { COMMUNE_TIME_ZONE, displayDate } from '../util/dates.js';
import type { FormatOptions } from './format-options.js';
import { adminLayout, type AdminLayout } from './admin-layout.js';
import { STATUS_COLOUR, areaChart, escapeHtml as esc } from './html-chart.js';
import { historyChart } from './html-history.js';
import { planNotes, wantsNotes } from './plan-notes.js';
import { evidenceLinks, formatActual, formatDue, formatForecast, formatNumber, formatPercent, formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

const LABELS = {
  vi: {
    progress: 'Tình hình thực hiện tính đến ngày {date}',
    summary: 'Tổng hợp',
    summaryLead: 'Kế hoạch có {n} {criteria}. Kết quả tính đến ngày {date}:',
    forecastMiss: 'Theo tiến độ hiện nay, {n} tiêu chí dự báo không đạt chỉ tiêu khi đến hạn (xem dòng “dự báo” và biểu đồ diễn biến trong bảng).',
    ofTotal: 'tiêu chí',
    ofTotalOne: 'tiêu chí',
    chart: 'Kết quả theo lĩnh vực (số tiêu chí)',
    table: 'Tình hình thực hiện từng tiêu chí',
    overdue: 'Các tiêu chí quá hạn',
    notes: 'Ghi chú về kế hoạch',
    warnings: 'Cảnh báo về số liệu',
    made: 'Lập bằng cchc từ kế hoạch {id}, lần sửa đổi {rev}.',
    stamp: 'Lập lúc {time} ngày {date}.',
    page: 'Trang',
  },
  en: {
    progress: 'Progress as of {date}',
    summary: 'Summary',
    summaryLead: 'The plan has {n} {criteria}. Results as of {date}:',
    forecastMiss: 'At the present pace, {n} {criteria} forecast to miss their target by their deadline (see the “forecast” lines and history charts in the table).',
    ofTotal: 'criteria',
    ofTotalOne: 'criterion',
    chart: 'Results by area (number of criteria)',
    table: 'Progress of each criterion',
    overdue: 'Overdue criteria',
    notes: 'Notes on the plan',
    warnings: 'Data warnings',
    made: 'Made by cchc from plan {id}, revision {rev}.',
    stamp: 'Made at {time} on {date}.',
    page: 'Page',
  },
} satisfies Record<Lang, Record<string, string>>;

type Label = keyof (typeof LABELS)['vi'];

function t(lang: Lang, key: Label, vars: Record<string, string | number> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));
}

function styles(lang: Lang): string {
  const status = STATUSES.map((s) => `.st-${s}{background:${TINT[s]};border-left:4px solid ${STATUS_COLOUR[s].fill}}`).join('\n');
  return `@page{size:A4 landscape;margin:12mm;@bottom-right{content:"${t(lang, 'page')} " counter(page) "/" counter(pages);font:9pt "Times New Roman",Times,serif}}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:297mm;padding:12mm;font:12pt/1.3 "Times New Roman",Times,"Liberation Serif","DejaVu Serif",serif;color:#000;background:#fff;overflow-wrap:anywhere}
@media print{body{padding:0;max-width:none}}
table.doc-head{width:100%;border:0;margin-bottom:6mm;font-size:12pt}
.doc-head td{border:0;padding:0;text-align:center;vertical-align:top}
.doc-head p{margin:0}
.doc-head .org,.doc-head .nation,.doc-head .motto{font-weight:bold}
.org::after{content:"";display:block;width:35%;margin:2px auto 0;border-top:1px solid #000}
.motto{display:inline-block;padding-bottom:2px;border-bottom:1px solid #000}
.doc-head .number{margin-top:4px}
.doc-head .place-date{margin-top:6px;font-style:italic}
table.signature{margin-top:8mm;break-inside:avoid;font-size:12pt}
.signature td{border:0;padding:0;vertical-align:top}
.signature p{margin:0}
.signature .recipients p{font-size:11pt}
.signature .recipients .to{font-weight:bold;font-style:italic;font-size:12pt}
.signature .sign{text-align:center}
.signature .b{font-weight:bold}
.signature .space{height:24mm}
h1{font-size:15pt;text-align:center;margin:0 0 2mm}
.asof{text-align:center;font-style:italic;margin:0 0 5mm}
h2{font-size:13pt;margin:5mm 0 2mm;break-after:avoid}
.counts{list-style:none;padding:0;margin:0 0 3mm;display:flex;flex-wrap:wrap;gap:2mm 6mm}
.counts li{padding:1px 6px}
.chart{display:block;font-size:13px;margin-bottom:2mm}
.chart .lg,.chart .al,.chart .n{font-size:13px}.chart .n{font-weight:bold;text-anchor:middle}.chart .w{font-size:12px}
table{width:100%;table-layout:fixed;border-collapse:collapse}
table.criteria{font-size:10.5pt}
th,td{border:1px solid #000;padding:3px 4px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead{display:table-header-group}
thead th{background:#e6e6e6;text-align:center}
tr{break-inside:avoid}
tr.area,tr.heading{break-after:avoid}
@media print{.status-table{break-before:page}}
tr.area th{background:#f2f2f2;font-weight:bold}
tr.heading th{font-weight:bold;font-style:italic}
.req,.sub{font-size:9.5pt;color:#333;margin-top:2px}
.forecast.miss{color:#b71c1c;font-weight:bold}
svg.history{display:block;max-width:60mm;margin-top:2px}
td.status{font-weight:bold}
ul.list{margin:0;padding-left:6mm}
footer{margin-top:6mm;font-size:10pt;font-style:italic}
${status}`;
}

/** Light status backgrounds for table cells: black text stays readable, even on a grey printer. */
const TINT: Record<Status, string> = {
  pass: '#e3f1e4', fail: '#fbd9d9', overdue: '#ecdcf3', 'at-risk': '#fdf0c4', pending: '#deedfb', 'no-data': '#ededed',
};

/**
 * The administrative header of Nghị định 30/2020, as in the Word report: the issuer's block with
 * the number on the left, the national motto's block with the place and date on the right.
 */
function header(report: Report, admin: AdminLayout, lang: Lang): string {
  // A layout table, not a grid: the page is also pasted into Word, which ignores CSS grid.
  return `<table class="doc-head" role="presentation"><colgroup><col style="width:40%"><col style="width:60%"></colgroup><tr>
<td><p class="authority">${esc(admin.authority)}</p>${admin.issuer ? `<p class="org">${esc(admin.issuer)}</p>` : ''}<p class="number">${esc(admin.number)}</p></td>
<td><p class="nation">${esc(admin.nation)}</p><p class="motto">${esc(admin.motto)}</p><p class="place-date">${esc(admin.placeDate)}</p></td>
</tr></table>
<h1>${esc(report.plan.title)}</h1>
<p class="asof">${t(lang, 'progress', { date: displayDate(report.asOf, lang) })}</p>
${report.unit ? `<p class="asof">${esc(ui(lang, 'unitFocus', { unit: report.unit.name }))}</p>\n` : ''}`;
}

/** "Nơi nhận:" and the signature block, kept together on the last page. */
function signature(admin: AdminLayout): string {
  return `<table class="signature" role="presentation"><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tr>
<td class="recipients"><p class="to">${esc(admin.recipientsTitle)}</p>${[...admin.recipients, admin.archive].map((r) => `<p>${esc(r)}</p>`).join('')}</td>
<td class="sign"><p class="b">${esc(admin.signing)}</p><p class="b">${esc(admin.signerTitle)}</p><p class="space"></p><p class="b">${esc(admin.signer)}</p></td>
</tr></table>`;
}

const criteriaWord = (n: number, lang: Lang) => t(lang, n === 1 ? 'ofTotalOne' : 'ofTotal');

function summary(report: Report, lang: Lang): string {
  const total = report.summary.total;
  const miss = report.summary.forecastMiss ?? 0;
  const items = STATUSES.map((s) => {
    const n = report.summary[s];
    const share = total > 0 ? ` (${formatPercent((n / total) * 100, lang)})` : '';
    return `<li class="st-${s}">${STATUS_LABEL[lang][s]}: ${formatNumber(n, lang)} ${criteriaWord(n, lang)}${share}</li>`;
  });
  return `<section class="summary">
<h2>${t(lang, 'summary')}</h2>
<p>${t(lang, 'summaryLead', { n: formatNumber(total, lang), criteria: criteriaWord(total, lang), date: displayDate(report.asOf, lang) })}</p>
<ul class="counts">${items.join('')}</ul>
${miss ? `<p class="forecast miss">${t(lang, 'forecastMiss', { n: formatNumber(miss, lang), criteria: lang === 'en' ? (miss === 1 ? 'criterion is' : 'criteria are') : '' })}</p>\n` : ''}${areaChart(report, lang, t(lang, 'chart'))}
</section>`;
}

function row(c: ReportCriterion, report: Report, lang: Lang): string {
  const many = c.measures.length > 1;
  const target = c.measures.length > 0 ? c.measures.map((m) => `<div>${esc(formatTarget(m, lang))}</div>`).join('') : esc(ui(lang, 'task'));
  let actual = c.measures.length > 0
    ? c.measures.map((m) => {
        const worst = m.aggregate === 'each' && m.byUnit && m.met === false ? m.byUnit.find((b) => !b.met) : undefined;
        const text = `${worst ? `${unitLabel(report, worst.unit)}: ` : ''}${formatActual(m, lang, true)}`;
        const forecast = formatForecast(m, lang);
        return `<div>${many ? `<span class="sub">${esc(m.label)}: </span>` : ''}${esc(text)}</div>`
          + `${forecast ? `<div class="sub forecast${m.forecast?.met ? '' : ' miss'}">${esc(forecast)}</div>` : ''}${historyChart(m, lang)}`;
      }).join('')
    : esc(formatTask(c, lang, (id) => unitLabel(report, id)));
  const links = evidenceLinks(c);
  if (links.length > 0) {
    actual += `<div class="sub">${esc(ui(lang, 'evidence'))}: ${links.map((u) => `<a href="${esc(u)}">${esc(u)}</a>`).join(', ')}</div>`;
  }
  if (c.measures.length > 0 && c.missingUnits.length > 0) {
    actual += `<div class="sub">${esc(`${ui(lang, 'missing')}: ${c.missingUnits.map((u) => u.short ?? u.name).join(', ')}`)}</div>`;
  }
  let due = esc(formatDue(c, lang));
  if (c.dueImplied) due += `<div class="sub">(${esc(ui(lang, 'dueImplied'))})</div>`;
  if (c.dueSoon) due += `<div class="sub">${esc(ui(lang, 'dueSoon'))}</div>`;
  let status = STATUS_LABEL[lang][c.status];
  if (c.status === 'overdue') status += `<div class="sub">(${esc(ui(lang, 'days', { n: c.daysOverdue }))})</div>`;
  const req = c.requirement ? `<div class="req">${esc(c.requirement)}</div>` : '';
  return `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}${req}</td><td>${target}</td><td>${actual}</td><td>${due}</td>`
    + `<td title="${esc(c.lead.name)}">${esc(c.lead.short ?? c.lead.name)}</td><td class="status st-${c.status}">${status}</td></tr>`;
}

/** Column widths in %, in the order of the header: Mã, Tiêu chí, Chỉ tiêu, Thực tế, Hạn, Chủ trì, Trạng thái. */
const WIDTHS = [6, 35, 8, 18, 10, 11, 12];

function table(report: Report, lang: Lang): string {
  const heads = (['id', 'criterion', 'target', 'actual', 'due', 'lead', 'status'] as const).map((k) => `<th scope="col">${ui(lang, k)}</th>`);
  const body: string[] = [];
  for (const area of report.areas) {
    const rows = report.criteria.filter((c) => c.area === area.id);
    if (rows.length === 0) continue;
    body.push(`<tbody>\n<tr class="area"><th colspan="7">${esc(`${area.id}. ${area.title}`)}</th></tr>`);
    let heading: string | undefined;
    for (const c of rows) {
      const h = c.heading && c.heading !== heading ? area.headings.find((x) => x.id === c.heading) : undefined;
      if (h) body.push(`<tr class="heading"><th colspan="7">${esc(`${h.id} ${h.title}`)}</th></tr>`);
      heading = c.heading;
      body.push(row(c, report, lang));
    }
    body.push('</tbody>');
  }
  if (body.length === 0) return `<p>${esc(ui(lang, 'noMatch'))}</p>`;
  return `<table class="criteria">
<colgroup>${WIDTHS.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${heads.join('')}</tr></thead>
${body.join('\n')}
</table>`;
}

function overdue(report: Report, lang: Lang): string {
  const list = report.criteria.filter((c) => c.status === 'overdue');
  const items = list.map((c) => {
    const parts = [`${c.id} ${c.title}`, `${ui(lang, 'lead')}: ${c.lead.name}`, `${ui(lang, 'due')}: ${displayDate(c.due, lang)}`, ui(lang, 'daysOverdue', { n: c.daysOverdue })];
    if (c.missingUnits.length > 0) parts.push(`${ui(lang, 'missing')}: ${c.missingUnits.map((u) => u.name).join(', ')}`);
    return `<li>${esc(parts.join(' — '))}</li>`;
  });
  const body = list.length > 0 ? `<ul class="list">${items.join('\n')}</ul>` : `<p>${esc(ui(lang, 'overdueNone'))}</p>`;
  return `<section class="overdue">\n<h2>${t(lang, 'overdue')} (${list.length})</h2>\n${body}\n</section>`;
}

/** The plan's notes (only when asked for: see plan-notes.ts), then the data warnings. */
function notes(report: Report, lang: Lang, withNotes: boolean): string {
  const items = withNotes ? planNotes(report).map((n) => `<li>${esc(`${n.id}: ${n.note}`)}</li>`) : [];
  const warnings = report.diagnostics.map((d) => {
    const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(':');
    return `<li>${esc(`${where}: ${d.message}`)}</li>`;
  });
  return [
    items.length > 0 ? `<section class="notes">\n<h2>${t(lang, 'notes')}</h2>\n<ul class="list">${items.join('\n')}</ul>\n</section>` : '',
    warnings.length > 0 ? `<section class="warnings">\n<h2>${t(lang, 'warnings')}</h2>\n<ul class="list">${warnings.join('\n')}</ul>\n</section>` : '',
  ].filter(Boolean).join('\n');
}

/** "Lập lúc 08:30 ngày 15/09/2025." in the commune's time zone; the stamp as given if it is not a date. */
function stampLine(stamp: string, lang: Lang): string {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return esc(stamp);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: COMMUNE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const iso = `${get('year')}-${get('month')}-${get('day')}`;
  return esc(t(lang, 'stamp', { time: `${get('hour')}:${get('minute')}`, date: displayDate(iso, lang) }));
}

/** Formatter of `--format html`: one printable, self-contained HTML5 page (A4 landscape). */
export function formatHtml(report: Report, options: FormatOptions): string {
  const { lang } = options;
  const admin = adminLayout(report, options.meeting ?? {}, lang);
  const footer = [esc(t(lang, 'made', { id: report.plan.id, rev: report.plan.revision })), ...(options.stamp ? [stampLine(options.stamp, lang)] : [])];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.plan.title)} — ${displayDate(report.asOf, lang)}</title>
<style>
${styles(lang)}
</style>
</head>
<body>
${header(report, admin, lang)}${summary(report, lang)}
<section class="status-table">
<h2>${t(lang, 'table')}</h2>
${table(report, lang)}
</section>
${overdue(report, lang)}
${[notes(report, lang, wantsNotes(options)), signature(admin)].filter(Boolean).join('\n')}
<footer>${footer.join(' ')}</footer>
</body>
</html>
`;
}
