import { STATUS_LABEL, ui } from '../messages.js';
import type { Lang, Report, ReportCriterion } from '../types.js';
import { displayDate } from '../util/dates.js';
import type { FormatOptions } from './format-options.js';
import { formatActual, formatDue, formatTarget, formatTask } from './text.js';
import { unitLabel } from './unit-label.js';

const LABELS = {
  vi: { target: 'chỉ tiêu', actual: 'thực tế', due: 'hạn', requirement: 'Yêu cầu', source: 'Nguồn số liệu', plan: 'Tệp kế hoạch' },
  en: { target: 'target', actual: 'actual', due: 'due', requirement: 'Requirement', source: 'Source', plan: 'Plan file' },
} satisfies Record<Lang, Record<string, string>>;

// Short names, as formatTask uses for units that have not reported, so one line does not mix both.
/**
 * Why a criterion has its status, on one line: `Không đạt — Tỷ lệ …: chỉ tiêu ≥ 100%, thực tế
 * 73% (38/52) — hạn: 31/12/2025`. Shared with the GitHub annotations so CI says the same thing in
 * both places.
 */
export function describeResult(c: ReportCriterion, report: Report, lang: Lang): string {
  const L = LABELS[lang];
  const status = c.status === 'overdue'
    ? `${STATUS_LABEL[lang].overdue} (${ui(lang, 'days', { n: c.daysOverdue })})`
    : STATUS_LABEL[lang][c.status];
  // A passing criterion shows what was reached; any other shows only the measures that miss.
  const measures = c.measures.filter((m) => c.status === 'pass' || m.met === false);
  const parts = measures.map((m) => {
    // Judged per member ("each"): name the member that misses, as the terminal table does.
    const worst = m.aggregate === 'each' && m.met === false ? m.byUnit?.find((b) => !b.met) : undefined;
    const who = worst ? `${unitLabel(report, worst.unit)}: ` : '';
    return `${m.label}: ${L.target} ${formatTarget(m, lang)}, ${L.actual} ${who}${formatActual(m, lang)}`;
  });
  if (c.measures.length === 0) parts.push(formatTask(c, lang, (id) => unitLabel(report, id)));
  else if (c.missingUnits.length > 0) {
    // "Chưa báo cáo — chưa báo cáo: …" would say it twice.
    const names = c.missingUnits.map((u) => u.name).join(', ');
    parts.push(c.status === 'no-data' ? names : `${ui(lang, 'missing')}: ${names}`);
  }
  let due = `${L.due}: ${formatDue(c, lang)}`;
  if (c.dueSoon) due += ` (${ui(lang, 'dueSoon')})`;
  return [status, ...parts, due].join(' — ');
}

/** Where to look: the progress entries the figures came from, or the plan when nobody reported. */
export function describeSources(c: ReportCriterion, report: Report, lang: Lang): string {
  if (c.sources.length > 0) return `${LABELS[lang].source}: ${c.sources.map((s) => `${s.file}:${s.line}`).join(', ')}`;
  return `${LABELS[lang].plan}: ${report.plan.file ?? report.plan.id}`;
}

function details(c: ReportCriterion, report: Report, lang: Lang): string {
  const L = LABELS[lang];
  return [
    describeResult(c, report, lang),
    ...(c.requirement ? [`${L.requirement}: ${c.requirement}`] : []),
    `${ui(lang, 'lead')}: ${c.lead.name}`,
    describeSources(c, report, lang),
  ].join('\n');
}

// XML 1.0 forbids these outright (even as &#…;): C0 controls but tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF. With the u flag a surrogate pair is one code point, so only lone halves match.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Escapes for attribute values and text alike. Tab and line breaks become character references so
 * a parser keeps them: in attributes it would fold them into spaces, and a bare CR is dropped in text.
 */
function xml(text: string, keepNewlines = false): string {
  return text.replace(ILLEGAL, '').replace(keepNewlines ? /[&<>"'\r]/gu : /[&<>"'\t\n\r]/gu, (ch) => ENTITY[ch]!);
}

const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => ` ${k}="${xml(String(v))}"`).join('');

/**
 * JUnit XML for GitLab (artifacts:reports:junit) and Jenkins: a test suite per area, a test case
 * per criterion. Fail and overdue are failures; at-risk, pending and no-data pass with the reason
 * in <system-out>, because the build should not break before a deadline. No `time` attributes,
 * so the same inputs give the same bytes; `options.stamp` becomes each suite's `timestamp`.
 */
export function formatJunit(report: Report, options: FormatOptions): string {
  const { lang } = options;
  const failed = (c: ReportCriterion) => c.status === 'fail' || c.status === 'overdue';
  const suites: string[] = [];
  for (const area of report.areas) {
    const criteria = report.criteria.filter((c) => c.area === area.id);
    if (criteria.length === 0) continue;
    const cases = criteria.map((c) => {
      const open = `    <testcase${attrs({ name: `${c.id} ${c.title}`, classname: report.plan.id })}`;
      if (failed(c)) {
        const failure = `<failure${attrs({ message: describeResult(c, report, lang), type: c.status })}>${xml(details(c, report, lang), true)}</failure>`;
        return `${open}>\n      ${failure}\n    </testcase>`;
      }
      if (c.status === 'pass') return `${open}/>`;
      return `${open}>\n      <system-out>${xml(details(c, report, lang), true)}</system-out>\n    </testcase>`;
    });
    const head = { name: `${area.id}. ${area.title}`, tests: criteria.length, failures: criteria.filter(failed).length, errors: 0, skipped: 0 };
    suites.push(`  <testsuite${attrs({ ...head, ...(options.stamp ? { timestamp: options.stamp } : {}) })}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const total = report.criteria.filter(failed).length;
  const name = `${report.plan.title} (${ui(lang, 'asOf')} ${displayDate(report.asOf, lang)})`;
  const root = attrs({ name, tests: report.criteria.length, failures: total, errors: 0, skipped: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}
