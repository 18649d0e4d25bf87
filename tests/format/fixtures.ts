import { readFileSync } from 'node:fs';
import type { Report } from '../../src/types.js';

/**
 * Report fixtures for formatter tests: the bundled Quang Sơn example evaluated at the Q3 cut-off
 * and at year end (regenerate with `node bin/cchc.js check --format json --as-of … > …` and read
 * the diff), and a hostile variant whose every free-text field carries markup, formulas and
 * workflow-command syntax.
 */
export function reportQ3(): Report {
  return JSON.parse(readFileSync(new URL('report-q3.json', import.meta.url), 'utf8')) as Report;
}

export function reportYearEnd(): Report {
  return JSON.parse(readFileSync(new URL('report-year-end.json', import.meta.url), 'utf8')) as Report;
}

/** Strings that must come out inert in every format. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '</td></tr></table><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","bấm vào")',
  '@SUM(A1:A9)',
  '+1+1',
  '-2+3',
  'a | b | c',
  'dòng một\ndòng hai\r\ndòng ba',
  '100%0A::error::giả mạo',
  '::warning file=x,line=1::giả mạo',
  'trích "dấu nháy" và \'nháy đơn\' & <b>',
  '\tbắt đầu bằng tab',
] as const;

/** The year-end report with hostile text in titles, requirements, notes, unit names and headings. */
export function reportHostile(): Report {
  const report = reportYearEnd();
  let i = 0;
  const next = () => HOSTILE[i++ % HOSTILE.length]!;
  report.plan.title = `${next()} Kế hoạch`;
  report.plan.issuer = next();
  for (const area of report.areas) {
    area.title = `${area.title} ${next()}`;
    for (const h of area.headings) h.title = `${h.title} ${next()}`;
  }
  for (const u of report.units) u.name = `${u.name} ${next()}`;
  for (const c of report.criteria) {
    c.title = `${next()} ${c.title}`;
    c.requirement = c.requirement === null ? null : `${c.requirement} ${next()}`;
    c.notes = [...(c.notes ?? []), next()];
    c.lead = { ...c.lead, name: `${c.lead.name} ${next()}`, ...(c.lead.short ? { short: next() } : {}) };
    for (const m of c.measures) m.label = `${m.label} ${next()}`;
    c.sources = c.sources.map((s) => ({ ...s, file: `${s.file.replace(/\.yaml$/u, '')}, ${next().slice(0, 12)}.yaml` }));
  }
  return report;
}
