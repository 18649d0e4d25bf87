import { evaluate } from '../evaluate/evaluate.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { formatForecast, formatNumber, formatPercent, formatTarget, formatDue } from '../format/text.js';
import { stringWidth } from '../format/string-width.js';
import { ui } from '../messages.js';
import type { Lang, Plan, ProgressReport } from '../types.js';
import { displayDate, todayIn } from '../util/dates.js';
import { suggest } from '../util/suggest.js';
import { reportingUnits } from '../validate/resolve-unit.js';
import type { CheckContext } from './check.js';
import { gather, gatherConfig } from './gather.js';
import { formatDiagnostic, sortDiagnostics } from './output.js';

export interface HistoryOptions {
  paths: string[];
  plan?: string;
  config?: string;
  asOf?: string;
  lang?: Lang;
}

const WORDS = {
  vi: { date: 'Ngày', unit: 'Đơn vị', value: 'Số đạt', total: 'Tổng số', rate: 'Tỷ lệ', status: 'Trạng thái', completedOn: 'Ngày hoàn thành', measure: 'Chỉ tiêu', none: 'Chưa có báo cáo nào cho tiêu chí này đến ngày {date}.', noForecast: 'Chưa đủ hai kỳ báo cáo để dự báo.' },
  en: { date: 'Date', unit: 'Unit', value: 'Value', total: 'Total', rate: 'Rate', status: 'Status', completedOn: 'Completed', measure: 'Measure', none: 'No report gives this criterion up to {date}.', noForecast: 'Fewer than two reports: no forecast.' },
};

/**
 * `cchc history ID`: a criterion's figures report by report (date, unit, value, total, rate), as
 * of the evaluation date, with the forecast to its deadline — how a number moved.
 */
export function runHistory(id: string, options: HistoryOptions, ctx: CheckContext): 0 {
  const { config, diagnostics: configDiagnostics } = gatherConfig({ config: options.config, cwd: ctx.cwd });
  const lang: Lang = options.lang ?? config?.lang ?? 'vi';
  const asOf = options.asOf ?? config?.asOf ?? todayIn(ctx.now, config?.timezone);
  const inputs = gather({ paths: options.paths, plan: options.plan, cwd: ctx.cwd }, config);
  const diagnostics = sortDiagnostics([...configDiagnostics, ...inputs.diagnostics]);
  for (const d of diagnostics) ctx.err(formatDiagnostic(d, lang, ctx.chalk));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.err(ui(lang, 'invalidInput', { n: errors }));
    throw new InvalidInputError();
  }
  const plan = pickPlan(inputs.plans, options.plan);
  const criterion = plan.criteria.find((c) => c.id === id);
  if (!criterion) {
    const suggestion = suggest(id, plan.criteria.map((c) => c.id));
    throw new UsageError('unknown-criterion', { id, plan: plan.id, ...(suggestion ? { suggestion } : {}) });
  }
  const reports = inputs.reports.filter((r) => r.plan === plan.id && r.asOf <= asOf);
  const w = WORDS[lang];
  const out: string[] = [`${criterion.id} ${criterion.title}`];
  out.push(`${ui(lang, 'due')}: ${formatDue(criterion, lang)} · ${ui(lang, 'lead')}: ${plan.units.get(criterion.lead)?.name ?? criterion.lead}`);
  const units = reportingUnits(plan, criterion.lead);
  const name = (u: string) => plan.units.get(u)?.short ?? plan.units.get(u)?.name ?? u;
  const evaluated = evaluate(plan, reports, { asOf, dueSoonDays: 30 }).criteria.find((c) => c.id === id)!;
  const rows = (pick: (r: ProgressReport) => string[] | undefined) => [...reports]
    .filter((r) => units.includes(r.unit))
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : units.indexOf(a.unit) - units.indexOf(b.unit)))
    .flatMap((r) => {
      const cells = pick(r);
      return cells ? [[displayDate(r.asOf, lang), name(r.unit), ...cells]] : [];
    });

  if (criterion.measures.length === 0) {
    const table = rows((r) => {
      const e = r.entries.get(id);
      if (!e?.status) return undefined;
      return [statusWord(e.status, lang), e.completedOn ? displayDate(e.completedOn, lang) : ''];
    });
    out.push('', ...(table.length > 0 ? columns([[w.date, w.unit, w.status, w.completedOn], ...table]) : [`  ${w.none.replace('{date}', displayDate(asOf, lang))}`]));
  }
  criterion.measures.forEach((m, i) => {
    const report = evaluated.measures[i]!;
    out.push('', `${w.measure} ${m.id}: ${m.label} — ${formatTarget(report, lang)}`);
    const table = rows((r) => {
      const f = r.entries.get(id)?.figures.get(m.id);
      if (!f) return undefined;
      if (m.kind !== 'ratio') return [m.kind === 'percent' ? formatPercent(f.value, lang) : formatNumber(f.value, lang), '', ''];
      return [formatNumber(f.value, lang), formatNumber(f.total ?? 0, lang), f.total ? formatPercent(Math.round((f.value / f.total) * 1000) / 10, lang) : ui(lang, 'notArising')];
    });
    if (table.length === 0) {
      out.push(`  ${w.none.replace('{date}', displayDate(asOf, lang))}`);
      return;
    }
    out.push(...columns([[w.date, w.unit, w.value, m.kind === 'ratio' ? w.total : '', m.kind === 'ratio' ? w.rate : ''], ...table]));
    const forecast = formatForecast(report, lang);
    if (forecast) out.push(`  ${forecast}`);
    else if (report.met === false) out.push(`  ${w.noForecast}`);
  });
  ctx.out(`${out.join('\n')}\n`);
  return 0;
}

function pickPlan(plans: Map<string, Plan>, wanted: string | undefined): Plan {
  if (wanted !== undefined && plans.has(wanted)) return plans.get(wanted)!;
  if (plans.size === 0) throw new UsageError('no-plan');
  if (plans.size > 1 && !(wanted !== undefined && /\.ya?ml$/iu.test(wanted))) throw new UsageError('several-plans', { ids: [...plans.keys()].join(', ') });
  return [...plans.values()][0]!;
}

const statusWord = (s: string, lang: Lang) => ui(lang, s === 'done' ? 'done' : s === 'in-progress' ? 'inProgress' : 'notStarted');

/** Rows as aligned columns (widths measured as a terminal shows Vietnamese); empty columns dropped. */
function columns(rows: string[][]): string[] {
  const used = rows[0]!.map((_, c) => rows.some((r) => (r[c] ?? '') !== ''));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => stringWidth(r[c] ?? ''))));
  return rows.map((r) => `  ${r.map((cell, c) => (used[c] ? cell + ' '.repeat(widths[c]! - stringWidth(cell)) : '')).filter((_, c) => used[c]).join('  ').trimEnd()}`);
}

