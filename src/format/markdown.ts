import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { displayDate } from '../util/dates.js';
import type { FormatOptions } from './format-options.js';
import { evidenceLinks, formatActual, formatDue, formatNumber, formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

const LABELS = {
  vi: { stamp: 'Lập lúc' },
  en: { stamp: 'Generated' },
} satisfies Record<Lang, Record<string, string>>;

/**
 * A mark before each status word. Colour does not survive a paste into meeting papers, so the word
 * carries the meaning and the mark helps the eye; all are plain text characters with no emoji
 * presentation (✔ U+2714 and ✅ turn into coloured pictures on phones and macOS).
 */
const STATUS_MARK: Record<Status, string> = {
  pass: '✓', fail: '✗', overdue: '!', 'at-risk': '△', pending: '…', 'no-data': '○',
};

// C0 controls other than tab/LF/CR carry no meaning in a report and some renderers choke on them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;
// Everything that can start markup inline: emphasis, code, links, HTML, tables, strikethrough,
// entities (`\&` keeps `&lt;` literal), GitHub math (`$`), ATX closing `#` and e-mail autolinks (`@`).
// CommonMark lets any ASCII punctuation be backslash-escaped, so escaping a little too much is harmless.
const SPECIAL = /[\\`*_[\]<>|~&#$@]/gu;
// GFM turns bare `http://…` and `www.…` into links; an escaped `:` or `.` breaks the pattern, so a
// URL in plan text shows as text rather than as a link someone might click in the meeting papers.
const AUTOLINK = /:(?=\/\/)|(?<=www)\./giu;

/**
 * Input text made inert for GitHub, GitLab and Gitea: markup escaped, line breaks as `<br>` in
 * table cells (a raw newline would end the table row) or a space in headings and list items.
 */
export function md(text: string, newline = '<br>'): string {
  return text
    .replace(CONTROL, '')
    .replace(SPECIAL, '\\$&')
    .replace(AUTOLINK, '\\$&')
    .replace(/\t/gu, ' ')
    .replace(/\r\n?|\n/gu, newline);
}

/** A paragraph must not open a list (`-`, `+`, `1.`) or a setext underline (`=`) because of its data. */
function paragraph(line: string): string {
  return line.trimStart().replace(/^[-+=]/u, '\\$&').replace(/^(\d+)([.)])/u, '$1\\$2');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function criterionRow(c: ReportCriterion, report: Report, lang: Lang): string {
  const many = c.measures.length > 1;
  const target = c.measures.length > 0 ? c.measures.map((m) => formatTarget(m, lang)).join('\n') : ui(lang, 'task');
  const actual = c.measures.length > 0
    ? c.measures.map((m) => {
        // A group measure judged per member: the first member that misses is what the reader must chase.
        const worst = m.aggregate === 'each' && m.met === false ? m.byUnit?.find((b) => !b.met) : undefined;
        return `${many ? `${m.label}: ` : ''}${worst ? `${unitLabel(report, worst.unit)}: ` : ''}${formatActual(m, lang)}`;
      }).join('\n')
    : formatTask(c, lang, (id) => unitLabel(report, id));
  let due = formatDue(c, lang);
  if (c.dueImplied) due += ` (${ui(lang, 'dueImplied')})`;
  if (c.dueSoon) due += `\n${ui(lang, 'dueSoon')}`;
  let status = `${STATUS_MARK[c.status]} ${STATUS_LABEL[lang][c.status]}`;
  if (c.status === 'overdue') status += ` (${ui(lang, 'days', { n: c.daysOverdue })})`;
  const cells = [c.id, c.title, target, actual, due, c.lead.short ?? c.lead.name, status].map((cell) => md(cell));
  // Evidence links as autolinks: `<https://…>` (no spaces or `<>|` inside, checked by evidenceLinks).
  const links = evidenceLinks(c).filter((u) => !u.includes('|'));
  if (links.length > 0) cells[3] += `<br>${md(ui(lang, 'evidence'))}: ${links.map((u) => `<${u}>`).join(', ')}`;
  return row(cells);
}

function areaTables(report: Report, lang: Lang): string[] {
  const head = (['id', 'criterion', 'target', 'actual', 'due', 'lead', 'status'] as const).map((k) => ui(lang, k));
  const sections: string[] = [];
  for (const area of report.areas) {
    const criteria = report.criteria.filter((c) => c.area === area.id);
    if (criteria.length === 0) continue;
    const lines = [row(head), row(head.map(() => '---'))];
    let heading: string | undefined;
    for (const c of criteria) {
      const h = c.heading !== heading ? area.headings.find((x) => x.id === c.heading) : undefined;
      // Inside the table rather than as `###`, so each area stays one table when pasted into Word.
      if (h) lines.push(row([`**${md(h.id)}**`, `**${md(h.title.trim())}**`, '', '', '', '', '']));
      heading = c.heading;
      lines.push(criterionRow(c, report, lang));
    }
    sections.push(`## ${md(`${area.id}. ${area.title}`, ' ')}`, lines.join('\n'));
  }
  return sections;
}

function overdueList(report: Report, lang: Lang): string[] {
  const overdue = report.criteria.filter((c) => c.status === 'overdue');
  if (overdue.length === 0) return [`## ${ui(lang, 'overdueTitle')}`, ui(lang, 'overdueNone')];
  const items = overdue.map((c) => {
    const parts = [
      `**${md(c.id, ' ')}** ${md(c.title, ' ')}`,
      `${ui(lang, 'lead')}: ${md(c.lead.name, ' ')}`,
      `${ui(lang, 'due')}: ${displayDate(c.due, lang)}`,
      ui(lang, 'daysOverdue', { n: c.daysOverdue }),
    ];
    if (c.missingUnits.length > 0) parts.push(`${ui(lang, 'missing')}: ${c.missingUnits.map((u) => md(u.name, ' ')).join(', ')}`);
    return `- ${parts.join(' — ')}`;
  });
  return [`## ${ui(lang, 'overdueTitle')} (${overdue.length})`, items.join('\n')];
}

/**
 * The status report as GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY, a merge request or the
 * meeting papers: title, one table per area, the overdue list and a one-line summary. Every piece
 * of input text is escaped so that it shows literally and cannot break a table row.
 */
export function formatMarkdown(report: Report, options: FormatOptions): string {
  const { lang } = options;
  const asOf = `${ui(lang, 'asOf')} ${displayDate(report.asOf, lang)}`;
  const byline = [report.plan.issuer ? md(report.plan.issuer, ' ') : '', asOf, options.stamp ? `${LABELS[lang].stamp} ${md(options.stamp, ' ')}` : '']
    .filter((s) => s.trim() !== '')
    .join(' · ');
  const blocks = [`# ${md(report.plan.title.trim(), ' ')}`, paragraph(byline)];
  if (report.unit) blocks.push(paragraph(ui(lang, 'unitFocus', { unit: md(report.unit.name, ' ') })));
  const tables = areaTables(report, lang);
  blocks.push(...(tables.length > 0 ? tables : [ui(lang, 'noMatch')]), ...overdueList(report, lang));
  const counts = STATUSES.map((s) => `${STATUS_MARK[s]} ${STATUS_LABEL[lang][s]} ${formatNumber(report.summary[s], lang)}`);
  blocks.push(`**${ui(lang, 'total')} ${formatNumber(report.summary.total, lang)} ${ui(lang, 'criteria')}** (${asOf}): ${counts.join(' · ')}`);
  return `${blocks.join('\n\n')}\n`;
}
