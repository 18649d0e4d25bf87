import Table from 'cli-table3';
import { STATUS_LABEL, ui } from '../messages.js';
import type { Report } from '../types.js';
import { STATUSES } from '../types.js';
import type { FormatName } from '../choices.js';
import { HEAVY_PARTS, jsonAtDepth, SET_DEPTH_INDENT, storedParts } from './compact-report.js';
import { formatters, type FormatOptions } from './index.js';

/** Formats that can hold several plans in one output; the others get one file per plan. */
export const COMBINABLE: ReadonlySet<FormatName> = new Set(['table', 'json', 'markdown', 'csv', 'junit', 'github']);

/** Plans sorted worst first: most failed or overdue, then at risk, then not reported. */
export function worstFirst(reports: readonly Report[]): Report[] {
  const key = (r: Report) => [r.summary.fail + r.summary.overdue, r.summary['at-risk'], r.summary['no-data'], r.summary.pending];
  return [...reports].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0;
  });
}

function summaryTable(reports: readonly Report[], options: FormatOptions): string {
  const { lang, chalk } = options;
  const table = new Table({
    head: [ui(lang, 'plan'), ...STATUSES.map((s) => STATUS_LABEL[lang][s]), ui(lang, 'total')].map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
  });
  for (const r of worstFirst(reports)) table.push([`${r.plan.id}\n${r.plan.issuer ?? ''}`, ...STATUSES.map((s) => String(r.summary[s])), String(r.summary.total)]);
  return table.toString();
}

function summaryMarkdown(reports: readonly Report[], options: FormatOptions): string {
  const { lang } = options;
  const cell = (t: string) => t.replace(/[\\|<>*_`[\]]/gu, (c) => `\\${c}`);
  const head = [ui(lang, 'plan'), ...STATUSES.map((s) => STATUS_LABEL[lang][s]), ui(lang, 'total')];
  const rows = worstFirst(reports).map((r) => [cell(`${r.plan.id} — ${r.plan.issuer ?? ''}`), ...STATUSES.map((s) => String(r.summary[s])), String(r.summary.total)]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * One output for several plans (a province following its communes): the per-plan outputs one
 * after another, with a summary per plan sorted worst first where the format reads as a document.
 */
export async function formatMany(format: FormatName, reports: readonly Report[], options: FormatOptions): Promise<string | Uint8Array> {
  if (reports.length === 1) return formatters[format](reports[0]!, options);
  if (format === 'json') return [...reportSetChunks(reports)].map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  const parts = await Promise.all(reports.map(async (r) => String(await formatters[format](r, options))));
  switch (format) {
    case 'table':
      return `${parts.join('\n')}\n${ui(options.lang, 'byPlan')}\n${summaryTable(reports, options)}\n`;
    case 'markdown':
      return `## ${ui(options.lang, 'byPlan')}\n\n${summaryMarkdown(reports, options)}\n\n---\n\n${parts.join('\n---\n\n')}`;
    case 'csv':
      // One header: every row carries its plan id.
      return parts.map((p, i) => (i === 0 ? p : p.slice(p.indexOf('\r\n') + 2))).join('');
    case 'github':
      return parts.join('');
    case 'junit': {
      const suites = parts.map((p) => /<testsuites[^>]*>\n?([\s\S]*?)<\/testsuites>/u.exec(p)?.[1] ?? '');
      const count = (k: 'tests' | 'failures', p: string) => Number(new RegExp(`<testsuites[^>]*\\s${k}="(\\d+)"`, 'u').exec(p)?.[1] ?? 0);
      const tests = parts.reduce((s, p) => s + count('tests', p), 0);
      const failures = parts.reduce((s, p) => s + count('failures', p), 0);
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cchc" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n${suites.join('')}</testsuites>\n`;
    }
    default:
      throw new Error(`formatMany: ${format} makes one file per plan`);
  }
}

/**
 * The output of formatMany in pieces, to be written one after the other: the JSON report set of
 * a province runs to some 80 MB, which as one string (and its bytes) would double the memory of a
 * run. Other formats come in one piece.
 */
export async function* formatManyChunks(format: FormatName, reports: readonly Report[], options: FormatOptions): AsyncGenerator<string | Uint8Array> {
  if (format === 'json' && reports.length > 1) yield* reportSetChunks(reports);
  else yield await formatMany(format, reports, options);
}

/**
 * The report set (`cchc/report-set@1`) in pieces, one per plan, whose concatenation is exactly
 * `JSON.stringify(set, null, 2)`.
 */
function* reportSetChunks(reports: readonly Report[]): Generator<string | Uint8Array> {
  const head = JSON.stringify({ schema: 'cchc/report-set@1', plans: worstFirst(reports).map((r) => ({ ...r.plan, summary: r.summary })) }, null, 2);
  yield `${head.slice(0, -2)},\n  "reports": [\n`;
  for (let i = 0; i < reports.length; i++) {
    yield* nestedReport(reports[i]!);
    yield i < reports.length - 1 ? ',\n' : '\n';
  }
  yield '  ]\n}\n';
}

/**
 * One report as JSON.stringify writes it inside the set, two levels down (jsonAtDepth); a report
 * kept as text (compact-report.ts) has its heavy parts written from that text.
 */
function* nestedReport(report: Report): Generator<string | Uint8Array> {
  const stored = storedParts(report);
  const placeholder = (part: string) => `\u0000${part}`;
  const value = stored
    ? Object.fromEntries(Object.keys(report).map((key) => [key, (HEAVY_PARTS as readonly string[]).includes(key) ? placeholder(key) : report[key as keyof Report]]))
    : report;
  const text = `    ${jsonAtDepth(value, 2)}`;
  if (!stored) {
    yield text;
    return;
  }
  // Found with the line break and indentation before the key: JSON text has no raw line break
  // inside a string, so no value written by a user can be taken for it.
  const at = HEAVY_PARTS.map((part) => {
    const key = `${SET_DEPTH_INDENT}${JSON.stringify(part)}: `;
    const written = `${key}${JSON.stringify(placeholder(part))}`;
    return { part, key, written, index: text.indexOf(written) };
  }).filter((p) => p.index !== -1).sort((a, b) => a.index - b.index);
  let from = 0;
  for (const { part, key, written, index } of at) {
    yield text.slice(from, index + key.length);
    yield stored[part];
    from = index + written.length;
  }
  yield text.slice(from);
}
