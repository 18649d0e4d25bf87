import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion, Status } from '../types.js';
import { STATUSES } from '../types.js';
import { displayDate } from '../util/dates.js';
import { formatActual, formatDue, formatForecast, formatNumber, formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

export interface TableOptions {
  lang: Lang;
  /** Chalk at the colour level chosen by the CLI (level 0 = plain text). */
  chalk: ChalkInstance;
  /** Terminal width in columns. */
  width: number;
}

/** Below this width the title gets a row of its own, so the figures stay readable at 80 columns. */
const WIDE = 120;

function paint(chalk: ChalkInstance, status: Status, text: string): string {
  switch (status) {
    case 'pass': return chalk.green(text);
    case 'fail': return chalk.red.bold(text);
    case 'overdue': return chalk.magenta.bold(text);
    case 'at-risk': return chalk.yellow(text);
    case 'pending': return chalk.cyan(text);
    case 'no-data': return chalk.gray(text);
  }
}

/** Breaks `61,3% (7.850.000.000/12.800.000.000)` over lines where it does not fit the column. */
function fit(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.length <= width ? [line] : line.replace(' (', '\n(').split('\n')))
    .map((piece) => (piece.length > width && piece.startsWith('(') ? piece.replace('/', '/\n') : piece))
    .join('\n');
}

const ANSI = /\u001b\[[0-9;]*m/gu;

/** Word-wraps a line to the terminal width; continuation lines get `indent` spaces. */
export function wrap(text: string, width: number, indent = 0): string {
  const lines: string[] = [];
  const lead = /^ */u.exec(text)![0];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() !== '' && candidate.replace(ANSI, '').length > width) {
      lines.push(line);
      line = `${' '.repeat(indent)}${word}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines.join('\n');
}

function cells(c: ReportCriterion, report: Report, { lang, chalk }: TableOptions, actualWidth: number) {
  const target = c.measures.length > 0 ? c.measures.map((m) => formatTarget(m, lang)).join('\n') : ui(lang, 'task');
  const actual = c.measures.length > 0
    ? c.measures.map((m) => {
        const worst = m.aggregate === 'each' && m.byUnit && m.met === false ? m.byUnit.find((b) => !b.met) : undefined;
        const text = formatActual(m, lang, true);
        const forecast = formatForecast(m, lang);
        return fit(worst ? `${unitLabel(report, worst.unit)}: ${text}` : text, actualWidth) + (forecast ? `\n${fit(forecast, actualWidth)}` : '');
      }).join('\n')
    : formatTask(c, lang, (id) => unitLabel(report, id));
  let due = formatDue(c, lang);
  if (c.dueImplied) due += ` (${ui(lang, 'dueImplied')})`;
  if (c.dueSoon) due += `\n${chalk.yellow(ui(lang, 'dueSoon'))}`;
  let status = STATUS_LABEL[lang][c.status];
  if (c.status === 'overdue') status += `\n(${ui(lang, 'days', { n: c.daysOverdue })})`;
  return { target, actual, due, lead: c.lead.short ?? c.lead.name, status: paint(chalk, c.status, status) };
}

/** The status table for a terminal: area headings, one row per criterion, wrapped to the width. */
export function formatTable(report: Report, options: TableOptions): string {
  const { lang, chalk } = options;
  const width = Math.max(80, options.width);
  const wide = width >= WIDE;
  // Fixed columns (including 1-space padding on each side); the title takes what is left.
  const fixed = { id: 7, target: 10, actual: 21, due: 12, lead: 14, status: 16 };
  if (!wide) Object.assign(fixed, { actual: 17, lead: 13, status: 15 });
  const fixedSum = Object.values(fixed).reduce((a, b) => a + b, 0);
  const head = [ui(lang, 'id'), ui(lang, 'criterion'), ui(lang, 'target'), ui(lang, 'actual'), ui(lang, 'due'), ui(lang, 'lead'), ui(lang, 'status')];
  const columns = wide ? 7 : 6;
  const colWidths = wide
    ? [fixed.id, width - fixedSum - (columns + 1), fixed.target, fixed.actual, fixed.due, fixed.lead, fixed.status]
    : [fixed.id, fixed.target, fixed.actual + (width - fixedSum - (columns + 1)), fixed.due, fixed.lead, fixed.status];
  const table = new Table({
    head: (wide ? head : [head[0]!, ...head.slice(2)]).map((h) => chalk.bold(h)),
    colWidths,
    wordWrap: true,
    style: { head: [], border: [] },
  });

  let shown = 0;
  for (const area of report.areas) {
    const rows = report.criteria.filter((c) => c.area === area.id);
    if (rows.length === 0) continue;
    table.push([{ content: chalk.bold(`${area.id}. ${area.title}`), colSpan: columns }]);
    let heading: string | undefined;
    for (const c of rows) {
      if (c.heading && c.heading !== heading) {
        const h = area.headings.find((x) => x.id === c.heading);
        if (h) table.push([{ content: chalk.bold(`${h.id} ${h.title}`), colSpan: columns }]);
      }
      heading = c.heading;
      const x = cells(c, report, options, colWidths[wide ? 3 : 2]! - 2);
      if (wide) table.push([c.id, c.title, x.target, x.actual, x.due, x.lead, x.status]);
      else {
        table.push([{ content: c.id, rowSpan: 2 }, { content: c.title, colSpan: columns - 1 }]);
        table.push([x.target, x.actual, x.due, x.lead, x.status]);
      }
      shown++;
    }
  }

  const header = [
    chalk.bold(report.plan.title),
    `${report.plan.issuer ? `${report.plan.issuer} · ` : ''}${ui(lang, 'asOf')} ${displayDate(report.asOf, lang)}`,
    ...(report.unit ? [ui(lang, 'unitFocus', { unit: report.unit.name })] : []),
  ].join('\n');
  const body = shown > 0 ? table.toString() : ui(lang, 'noMatch');
  return [header, body, formatOverdue(report, { ...options, width }), formatSummary(report, { ...options, width })].join('\n\n') + '\n';
}

/** The overdue list: criterion, lead, due date, days overdue, units that have not reported. */
export function formatOverdue(report: Report, { lang, chalk, width }: TableOptions): string {
  const overdue = report.criteria.filter((c) => c.status === 'overdue');
  if (overdue.length === 0) return ui(lang, 'overdueNone');
  const lines = overdue.map((c) => {
    const parts = [
      `${c.id} ${c.title}`,
      `${ui(lang, 'lead')}: ${c.lead.name}`,
      `${ui(lang, 'due')}: ${displayDate(c.due, lang)}`,
      ui(lang, 'daysOverdue', { n: c.daysOverdue }),
    ];
    if (c.missingUnits.length > 0) parts.push(`${ui(lang, 'missing')}: ${c.missingUnits.map((u) => u.name).join(', ')}`);
    return wrap(`  - ${parts.join(' — ')}`, width, 4);
  });
  return [chalk.magenta.bold(`${ui(lang, 'overdueTitle')} (${overdue.length}):`), ...lines].join('\n');
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One line: total and the count of each status, each in its word (never colour alone), and the criteria forecast to miss. */
export function formatSummary(report: Report, { lang, chalk, width }: TableOptions): string {
  // Non-breaking spaces keep "Đang thực hiện 6" together when the line wraps.
  const counts = STATUSES.map((s) => paint(chalk, s, `${STATUS_LABEL[lang][s]} ${formatNumber(report.summary[s], lang)}`.replace(/ /gu, '\u00a0')));
  const miss = report.summary.forecastMiss;
  if (miss) counts.push(chalk.yellow(`${sentence(ui(lang, 'forecastMiss'))} ${formatNumber(miss, lang)}`.replace(/ /gu, '\u00a0')));
  return wrap(`${ui(lang, 'total')} ${report.summary.total} ${ui(lang, 'criteria')} (${ui(lang, 'asOf')} ${displayDate(report.asOf, lang)}): ${counts.join(' · ')}`, width);
}
