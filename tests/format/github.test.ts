import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/format/github.js';
import type { Lang, Report } from '../../src/types.js';
import { HOSTILE, reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const options = (lang: Lang, stamp?: string) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120, ...(stamp ? { stamp } : {}) });

const COMMAND = /^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\r\n]*$/u;

/** What the runner does with a line (actions/toolkit): split off the properties and unescape. */
function parse(line: string) {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/u.exec(line)!;
  const unescape = (s: string) => s.replace(/%3A/gu, ':').replace(/%2C/gu, ',').replace(/%0D/gu, '\r').replace(/%0A/gu, '\n').replace(/%25/gu, '%');
  const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i), unescape(p.slice(i + 1))];
  }));
  return { level: m[1]!, props: props as Record<string, string>, message: unescape(m[3]!) };
}

/** Lines the report must produce: errors, then warnings for at-risk or due-soon, then the notice. */
const expectedLines = (r: Report) =>
  r.criteria.filter((c) => ['fail', 'overdue', 'at-risk'].includes(c.status) || (c.dueSoon && c.status !== 'pass')).length + 1;

describe('formatGithub', () => {
  it('renders the Q3 and year-end reports (golden, vi and en)', async () => {
    await expect(formatGithub(reportQ3(), options('vi'))).toMatchFileSnapshot('__golden__/github-q3.vi.txt');
    await expect(formatGithub(reportYearEnd(), options('vi'))).toMatchFileSnapshot('__golden__/github-year-end.vi.txt');
    await expect(formatGithub(reportYearEnd(), options('en'))).toMatchFileSnapshot('__golden__/github-year-end.en.txt');
  });

  it('annotates fail and overdue as errors at the progress entry, or the plan file when nobody reported', () => {
    const report = reportYearEnd();
    const lines = formatGithub(report, options('vi')).trimEnd().split('\n').map(parse);
    expect(lines).toHaveLength(expectedLines(report));
    const byId = new Map(lines.map((l) => [l.props.title?.split(' ')[0], l]));
    expect(byId.get('3.2.1')).toMatchObject({ level: 'error', props: { file: 'fixtures/quang-son-2025/2025-Q3/ttphcc.yaml', line: '18' } });
    expect(byId.get('9.1.3')!.props).toEqual({ file: 'plans/quang-son-2025.yaml', title: expect.stringMatching(/^9\.1\.3 /u) });
    expect(byId.get('3.2.1')!.message).toContain('99,4% (1.243/1.250)');
    expect(lines.at(-1)).toMatchObject({ level: 'notice', message: expect.stringMatching(/^Tổng 43 tiêu chí .*Không đạt 6 · Quá hạn 9/u) });
  });

  it('warns for at-risk and due-soon criteria', () => {
    const report = reportQ3();
    const pending = report.criteria.find((c) => c.status === 'pending')!;
    pending.dueSoon = true;
    const lines = formatGithub(report, options('en')).trimEnd().split('\n').map(parse);
    expect(lines).toHaveLength(expectedLines(report));
    expect(lines.filter((l) => l.level === 'warning').map((l) => l.props.title!.split(' ')[0]))
      .toEqual(report.criteria.filter((c) => c.status === 'at-risk' || c === pending).map((c) => c.id));
    expect(lines.find((l) => l.props.title?.startsWith(`${pending.id} `))!.message).toMatch(/Pending .*due soon/u);
  });

  it('puts the stamp in the notice only when asked', () => {
    expect(formatGithub(reportQ3(), options('vi'))).not.toContain('lập lúc');
    expect(formatGithub(reportQ3(), options('vi', '2025-09-20T08:00:00+07:00')).trimEnd().split('\n').at(-1)).toContain('; lập lúc 2025-09-20T08:00:00+07:00)');
  });

  it('escapes hostile text: no forged commands, every line well formed, text restored by the runner', () => {
    const report = reportHostile();
    const out = formatGithub(report, options('vi'));
    const lines = out.trimEnd().split('\n');
    expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toMatch(/\r/u);
    expect(lines).toHaveLength(expectedLines(report));
    for (const line of lines) expect(line).toMatch(COMMAND);
    const parsed = lines.map(parse);
    expect(parsed.map((l) => l.level)).toEqual([...report.criteria.filter((c) => ['fail', 'overdue', 'at-risk'].includes(c.status)).map((c) => (c.status === 'at-risk' ? 'warning' : 'error')), 'notice']);
    const failing = report.criteria.filter((c) => c.status === 'fail' || c.status === 'overdue');
    expect(parsed.slice(0, -1).map((l) => l.props.title)).toEqual(failing.map((c) => `${c.id} ${c.title}`));
    expect(parsed.slice(0, -1).map((l) => l.props.file)).toEqual(failing.map((c) => c.sources[0]?.file ?? report.plan.file));
    expect(parsed.at(-1)!.props.title).toBe(report.plan.title);
    // Each hostile string reaches the runner whole, inside some message or title.
    const text = parsed.flatMap((l) => [l.message, ...Object.values(l.props)]).join('\n');
    for (const h of HOSTILE) expect(text).toContain(h);
  });
});
