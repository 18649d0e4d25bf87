import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { FormatOptions } from '../../src/format/index.js';
import { escapeHtml } from '../../src/format/html-chart.js';
import { formatHtml } from '../../src/format/html.js';
import { HOSTILE, reportHostile, reportQ3 } from './fixtures.js';

const options = (lang: 'vi' | 'en' = 'vi', stamp?: string): FormatOptions => ({ lang, chalk: new Chalk({ level: 0 }), width: 120, ...(stamp ? { stamp } : {}) });

/** Every start tag in the output. Input text is escaped, so any `<` left is markup cchc wrote. */
const tags = (html: string) => html.match(/<[a-zA-Z][^>]*>/gu) ?? [];
/** A tag with its (escaped, so quote-free) attribute values emptied: what is left are names. */
const bare = (tag: string) => tag.replace(/"[^"]*"/gu, '""');
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('formatHtml', () => {
  it('renders the Q3 example (golden)', async () => {
    const html = formatHtml(reportQ3(), options());
    await expect(html).toMatchFileSnapshot('__golden__/html-q3.html');
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('UBND XÃ QUANG SƠN');
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Tình hình thực hiện tính đến ngày 14/09/2025');
    expect(html).toContain('@page{size:A4 landscape;margin:12mm');
    expect(Buffer.byteLength(html)).toBeLessThan(200_000);
  });

  it('renders the Q3 example in English (golden)', async () => {
    const html = formatHtml(reportQ3(), options('en'));
    await expect(html).toMatchFileSnapshot('__golden__/html-q3-en.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(html).toContain('Progress as of 2025-09-14');
    expect(html).not.toContain('Tình hình');
  });

  it('has one row per criterion, one cell per column, and every status in words', () => {
    const report = reportQ3();
    const html = formatHtml(report, options());
    const rows = html.match(/<tr><td>/gu) ?? [];
    expect(rows).toHaveLength(report.criteria.length);
    const criteriaTable = /<table class="criteria">[\s\S]*?<\/table>/u.exec(html)![0];
    expect(count(criteriaTable, /<td[\s>]/gu)).toBe(report.criteria.length * 7);
    for (const c of report.criteria) expect(html).toMatch(new RegExp(`<td class="status st-${c.status}">`, 'u'));
    // Counts in words in the summary and beside each bar of the chart.
    expect(html).toContain('Đạt: 28 tiêu chí');
    expect(html).toMatch(/<text [^>]*class="w">[^<]*Chưa đạt 1/u);
  });

  it('is deterministic and carries a time only when asked for', () => {
    expect(formatHtml(reportQ3(), options())).toBe(formatHtml(reportQ3(), options()));
    expect(formatHtml(reportQ3(), options())).not.toContain('Lập lúc');
    const stamped = formatHtml(reportQ3(), options('vi', '2025-09-15T01:30:00Z'));
    expect(stamped).toContain('Lập lúc 08:30 ngày 15/09/2025.');
    expect(formatHtml(reportQ3(), options('en', '2025-09-15T01:30:00Z'))).toContain('Made at 08:30 on 2025-09-15.');
  });

  it('keeps hostile input inert', () => {
    const html = formatHtml(reportHostile(), options());
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img/iu);
    expect(html).not.toMatch(/<b>/u);
    expect(count(html, /<td[\s>]/gu)).toBe(count(html, /<\/td>/gu));
    expect(count(html, /<tr[\s>]/gu)).toBe(count(html, /<\/tr>/gu));
    // The letterhead and the status table.
    expect(count(html, /<table[\s>]/gu)).toBe(2);
    expect(count(html, /<\/table>/gu)).toBe(2);
    for (const s of HOSTILE.filter((x) => /[<>&"']/u.test(x))) {
      expect(html).not.toContain(s);
      // The title is the one field that takes each hostile string whole (with a prefix only).
      expect(html).toContain(escapeHtml(s).split('\n')[0]);
    }
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(1)&gt;');
    for (const tag of tags(html)) expect(bare(tag)).not.toMatch(/\son\w+\s*=/iu);
  });

  it('is self-contained: nothing to fetch', () => {
    for (const html of [formatHtml(reportQ3(), options()), formatHtml(reportHostile(), options('en'))]) {
      for (const tag of tags(html)) {
        expect(bare(tag)).not.toMatch(/\s(?:src|href|srcset|action|poster|data)\s*=/iu);
      }
      expect(tags(html).filter((t) => /^<(?:link|script|img|iframe|object|embed|base|meta http-equiv)/iu.test(t))).toEqual([]);
      const css = /<style>([\s\S]*?)<\/style>/u.exec(html)![1]!;
      expect(css).not.toMatch(/url\(|@import|@font-face|https?:/iu);
    }
  });

  it('escapes the five characters', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    expect(escapeHtml('x\u0000y\u001bz')).toBe('x\ufffdy\ufffdz');
  });
});
