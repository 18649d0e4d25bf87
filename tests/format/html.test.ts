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
    expect(html).toContain('<p class="authority">ỦY BAN NHÂN DÂN</p><p class="org">XÃ QUANG SƠN</p><p class="number">Số: ……/BC-UBND</p>');
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('<p class="place-date">Quang Sơn, ngày 14 tháng 9 năm 2025</p>');
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
    // The letterhead, the status table and the signature block.
    expect(count(html, /<table[\s>]/gu)).toBe(3);
    expect(count(html, /<\/table>/gu)).toBe(3);
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

  it('carries the Word report\'s header, place and date, and signature block, from report: in the config', () => {
    const meeting = { issuer: 'XÃ QUANG SƠN', number: '125/BC-UBND', place: 'Quang Sơn', signerTitle: 'KT. CHỦ TỊCH', signer: 'Trần Mạnh Tuấn', recipients: ['UBND tỉnh Thái Nguyên', 'Sở Nội vụ'] };
    const html = formatHtml(reportQ3(), { ...options(), meeting });
    expect(html).toContain('<p class="number">Số: 125/BC-UBND</p>');
    expect(html).toContain('<p class="place-date">Quang Sơn, ngày 14 tháng 9 năm 2025</p>');
    const signature = /<table class="signature"[\s\S]*?<\/table>/u.exec(html)![0];
    expect(signature).toContain('<p class="to">Nơi nhận:</p><p>- UBND tỉnh Thái Nguyên</p><p>- Sở Nội vụ</p><p>- Lưu: VT.</p>');
    expect(signature).toContain('<p class="b">TM. ỦY BAN NHÂN DÂN</p><p class="b">KT. CHỦ TỊCH</p><p class="space"></p><p class="b">Trần Mạnh Tuấn</p>');
    // The signature comes after the table and the overdue list, before the footer.
    expect(html.indexOf('class="signature"')).toBeGreaterThan(html.indexOf('class="overdue"'));
    expect(html.indexOf('class="signature"')).toBeLessThan(html.indexOf('<footer>'));
    expect(formatHtml(reportQ3(), { ...options('en'), meeting: { signer: 'Tran Manh Tuan' } })).toContain('<p class="b">ON BEHALF OF THE PEOPLE&#39;S COMMITTEE</p><p class="b">CHAIRPERSON</p><p class="space"></p><p class="b">Tran Manh Tuan</p>');
  });

  it('leaves the plan\'s transcription notes out unless asked for', () => {
    const report = reportQ3();
    const notes = [...report.areas.flatMap((a) => [...(a.notes ?? []), ...a.headings.flatMap((h) => h.notes ?? [])]), ...report.criteria.flatMap((c) => c.notes ?? [])];
    expect(notes.length).toBeGreaterThan(30);
    const plain = formatHtml(report, options());
    expect(plain).not.toContain('class="notes"');
    for (const n of notes) expect(plain).not.toContain(escapeHtml(n));
    for (const withNotes of [formatHtml(report, { ...options(), notes: true }), formatHtml(report, { ...options(), meeting: { notes: true } })]) {
      const section = /<section class="notes">[\s\S]*?<\/section>/u.exec(withNotes)![0];
      expect(section).toContain('<h2>Ghi chú về kế hoạch</h2>');
      expect(count(section, /<li>/gu)).toBe(notes.length);
      for (const n of notes) expect(section).toContain(escapeHtml(n));
    }
  });

  it('draws each measure\'s history as a chart in its cell, with the figures in its title', () => {
    const report = reportQ3();
    const html = formatHtml(report, options());
    const rows = new Map(html.match(/<tr><td>[^<]+<\/td>[\s\S]*?<\/tr>/gu)!.map((r) => [/<tr><td>([^<]+)/u.exec(r)![1]!, r]));
    let charts = 0;
    for (const c of report.criteria) {
      const row = rows.get(c.id)!;
      const drawn = row.match(/<svg class="history"[\s\S]*?<\/svg>/gu) ?? [];
      const withHistory = c.measures.filter((m) => (m.history ?? []).filter((p) => p.actual !== null).length >= 2);
      expect(drawn, c.id).toHaveLength(withHistory.length);
      withHistory.forEach((m, i) => {
        const svg = drawn[i]!;
        const title = /<title>([^<]*)<\/title>/u.exec(svg)![1]!;
        for (const p of m.history!) expect(title, c.id).toContain(`${p.asOf.split('-').reverse().join('/')}: `);
        expect(count(svg, /<circle /gu), c.id).toBe(m.history!.length + (m.forecast ? 1 : 0));
        expect(svg.includes('class="forecast"'), c.id).toBe(m.forecast !== undefined);
        charts++;
      });
    }
    expect(charts).toBeGreaterThan(10);
    // 7.3.3: 70% in June, 78% in September, heading for 81,1% at the end of the year, under a target of > 85%.
    const online = rows.get('7.3.3')!;
    expect(online).toContain('<title>Diễn biến: 14/06/2025: 70%; 14/09/2025: 78%; dự báo không đạt 31/12/2025: 81,1% (chỉ tiêu &gt; 85%)</title>');
    expect(online).toContain('<div class="sub forecast miss">→ dự báo không đạt: 81,1% (31/12)</div>');
    // The points climb (a higher figure is drawn higher up) and the forecast line is red.
    const ys = [...online.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/gu)].map((m) => Number(m[1]));
    expect(ys[1]!).toBeLessThan(ys[0]!);
    expect(online).toMatch(/class="forecast"[^>]*stroke="#c62828"/u);
    // A criterion with one report has no chart.
    expect(rows.get('9.1.3')!).not.toContain('<svg');
  });

  it('escapes the five characters', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    expect(escapeHtml('x\u0000y\u001bz')).toBe('x\ufffdy\ufffdz');
  });
});
