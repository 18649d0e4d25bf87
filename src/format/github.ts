import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion } from '../types.js';
import { STATUSES } from '../types.js';
import { displayDate } from '../util/dates.js';
import type { FormatOptions } from './format-options.js';
import { describeResult } from './junit.js';
import { formatNumber } from './text.js';

const LABELS = {
  vi: { stamp: 'lập lúc' },
  en: { stamp: 'generated' },
} satisfies Record<Lang, Record<string, string>>;

type Level = 'error' | 'warning' | 'notice';

/**
 * The runner reads one command per line and decodes these escapes (actions/toolkit, command.ts):
 * a raw line break in plan text would otherwise end the command and let the next line start a
 * forged `::error::`. `%` goes first so that a literal "%0A" in the input stays literal.
 */
function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** In properties `,` separates and `:` ends the list, so they are escaped too. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

function command(level: Level, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

function levelOf(c: ReportCriterion): Level | undefined {
  if (c.status === 'fail' || c.status === 'overdue') return 'error';
  // Due-soon is the last chance to act before a criterion turns overdue; pass is never due-soon.
  if (c.status === 'at-risk' || (c.dueSoon && c.status !== 'pass')) return 'warning';
  return undefined;
}

/**
 * GitHub Actions workflow commands: `::error` for fail and overdue, `::warning` for at-risk and
 * due-soon criteria, each on the progress entry the figures came from (or the plan file when no
 * unit has reported), then one `::notice` with the counts. Every piece of input is escaped, so a
 * line break or `::` in plan text cannot forge a command.
 */
export function formatGithub(report: Report, options: FormatOptions): string {
  const { lang } = options;
  const lines: string[] = [];
  for (const c of report.criteria) {
    const level = levelOf(c);
    if (!level) continue;
    const source = c.sources[0];
    const props = {
      file: source?.file ?? report.plan.file,
      line: source?.line,
      // The annotation shows the title in bold above the message: what, then why.
      title: `${c.id} ${c.title}`,
    };
    const message = `${describeResult(c, report, lang)} — ${ui(lang, 'lead')}: ${c.lead.name}`;
    lines.push(command(level, props, message));
  }
  const counts = STATUSES.map((s) => `${STATUS_LABEL[lang][s]} ${formatNumber(report.summary[s], lang)}`).join(' · ');
  const stamp = options.stamp ? `; ${LABELS[lang].stamp} ${options.stamp}` : '';
  const summary = `${ui(lang, 'total')} ${formatNumber(report.summary.total, lang)} ${ui(lang, 'criteria')} (${ui(lang, 'asOf')} ${displayDate(report.asOf, lang)}${stamp}): ${counts}`;
  lines.push(command('notice', { title: report.plan.title }, summary));
  return `${lines.join('\n')}\n`;
}
