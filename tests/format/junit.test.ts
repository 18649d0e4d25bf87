import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/format/junit.js';
import type { Lang, Report } from '../../src/types.js';
import { reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const options = (lang: Lang, stamp?: string) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120, ...(stamp ? { stamp } : {}) });

interface Element { name: string; attrs: Record<string, string>; children: Element[]; text: string }

/**
 * A strict reader for the XML subset the formatter writes: declaration, elements, attributes in
 * double quotes, text, the five entities and character references. It throws where a real parser
 * would call the document malformed (bad nesting, raw `<` or `&`, characters XML 1.0 forbids).
 */
function parseXml(src: string): Element {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!src.startsWith(prolog)) throw new Error('missing XML declaration');
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u.test(src)) throw new Error('character not allowed in XML 1.0');
  const decode = (s: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/u.test(s)) throw new Error(`bare & in ${JSON.stringify(s)}`);
    return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/gu, (_, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!);
  };
  let pos = prolog.length;
  const element = (): Element => {
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/u.exec(src.slice(pos));
    if (!open) throw new Error(`expected a start tag at ${pos}: ${JSON.stringify(src.slice(pos, pos + 40))}`);
    pos += open[0].length;
    const el: Element = { name: open[1]!, attrs: {}, children: [], text: '' };
    for (const [, k, v] of open[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"<]*)"/gu)) {
      if (k! in el.attrs) throw new Error(`duplicate attribute ${k}`);
      el.attrs[k!] = decode(v!);
    }
    if (open[3]) return el;
    for (;;) {
      const text = /^[^<]*/u.exec(src.slice(pos))![0];
      el.text += decode(text);
      pos += text.length;
      if (src.startsWith(`</${el.name}>`, pos)) { pos += el.name.length + 3; return el; }
      if (src.startsWith('</', pos)) throw new Error(`mismatched end tag at ${pos}`);
      el.children.push(element());
    }
  };
  const root = element();
  if (src.slice(pos).trim() !== '') throw new Error('content after the root element');
  return root;
}

const testcases = (root: Element) => root.children.flatMap((suite) => suite.children);
const failing = (report: Report) => report.criteria.filter((c) => c.status === 'fail' || c.status === 'overdue');

describe('formatJunit', () => {
  it('renders the Q3 and year-end reports (golden, vi and en)', async () => {
    await expect(formatJunit(reportQ3(), options('vi'))).toMatchFileSnapshot('__golden__/junit-q3.vi.xml');
    await expect(formatJunit(reportYearEnd(), options('vi'))).toMatchFileSnapshot('__golden__/junit-year-end.vi.xml');
    await expect(formatJunit(reportYearEnd(), options('en'))).toMatchFileSnapshot('__golden__/junit-year-end.en.xml');
  });

  it('has a suite per area, a case per criterion, and failures for fail and overdue only', () => {
    for (const report of [reportQ3(), reportYearEnd()]) {
      const root = parseXml(formatJunit(report, options('vi')));
      expect(root.name).toBe('testsuites');
      expect(root.attrs).toMatchObject({ tests: String(report.criteria.length), failures: String(failing(report).length) });
      const cases = testcases(root);
      expect(cases.map((t) => t.attrs.name)).toEqual(report.criteria.map((c) => `${c.id} ${c.title}`));
      report.criteria.forEach((c, i) => {
        const children = cases[i]!.children.map((x) => x.name);
        const expected = { pass: [], fail: ['failure'], overdue: ['failure'], 'at-risk': ['system-out'], pending: ['system-out'], 'no-data': ['system-out'] }[c.status];
        expect(children, c.id).toEqual(expected);
        const failure = cases[i]!.children.find((x) => x.name === 'failure');
        if (failure) {
          expect(failure.attrs.type).toBe(c.status);
          expect(failure.text).toMatch(c.sources.length > 0 ? /Nguồn số liệu: fixtures\/.+\.yaml:\d+/u : /Tệp kế hoạch: plans\/quang-son-2025\.yaml/u);
        }
      });
      for (const suite of root.children) {
        expect(suite.attrs.tests).toBe(String(suite.children.length));
        expect(suite.attrs.failures).toBe(String(suite.children.filter((t) => t.children.some((x) => x.name === 'failure')).length));
        expect(suite.attrs.skipped).toBe('0');
      }
    }
  });

  it('is deterministic: no time attributes, a timestamp only with a stamp', () => {
    const out = formatJunit(reportYearEnd(), options('vi'));
    expect(out).not.toMatch(/\stime=|timestamp=/u);
    const stamped = parseXml(formatJunit(reportYearEnd(), options('vi', '2026-01-05T08:00:00+07:00')));
    for (const suite of stamped.children) expect(suite.attrs.timestamp).toBe('2026-01-05T08:00:00+07:00');
  });

  it('escapes hostile text so that it parses back unchanged and never as markup', () => {
    const report = reportHostile();
    const out = formatJunit(report, options('vi'));
    expect(out).not.toMatch(/<script|<\/td|<img|<b>|<\/table/u);
    const root = parseXml(out);
    expect(testcases(root).map((t) => t.attrs.name)).toEqual(report.criteria.map((c) => `${c.id} ${c.title}`));
    expect(root.attrs.failures).toBe(String(failing(report).length));
    expect(root.children.map((s) => s.attrs.name)).toEqual(report.areas.map((a) => `${a.id}. ${a.title}`));
  });

  it('drops characters that XML 1.0 forbids', () => {
    const report = reportQ3();
    report.criteria[0]!.title = 'nul\u0000 esc\u001b lone\uD800 pair😀 ffff\uFFFF ok';
    const root = parseXml(formatJunit(report, options('vi')));
    expect(testcases(root)[0]!.attrs.name).toBe('1.1 nul esc lone pair😀 ffff ok');
  });
});
