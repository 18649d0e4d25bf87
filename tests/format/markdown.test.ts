import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/format/markdown.js';
import type { Lang } from '../../src/types.js';
import { reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const options = (lang: Lang, stamp?: string) => ({ lang, chalk: new Chalk({ level: 0 }), width: 120, ...(stamp ? { stamp } : {}) });

/** Cells of a GFM table row: split on pipes that no backslash escapes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\') { cell += ch + (line[i + 1] ?? ''); i++; continue; }
    if (ch === '|') { out.push(cell); cell = ''; continue; }
    cell += ch;
  }
  out.push(cell);
  return out.slice(1, -1);
}

/** Markup characters in a line that no backslash escapes (our own `|` and `**` aside). */
function unescaped(line: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if ('<>&`[]_$~@'.includes(line[i]!)) found.push(line[i]!);
  }
  return found;
}

/** Each table: its lines, from the header row to the blank line that ends it. */
function tables(md: string): string[][] {
  return md.split('\n\n').filter((block) => block.startsWith('| ')).map((block) => block.split('\n'));
}

describe('formatMarkdown', () => {
  it('renders the Q3 report (golden, vi)', async () => {
    await expect(formatMarkdown(reportQ3(), options('vi'))).toMatchFileSnapshot('__golden__/markdown-q3.vi.md');
  });

  it('renders the year-end report with its overdue list (golden, vi and en)', async () => {
    await expect(formatMarkdown(reportYearEnd(), options('vi'))).toMatchFileSnapshot('__golden__/markdown-year-end.vi.md');
    await expect(formatMarkdown(reportYearEnd(), options('en'))).toMatchFileSnapshot('__golden__/markdown-year-end.en.md');
  });

  it('has one table per area with a row per criterion and heading', () => {
    const report = reportYearEnd();
    const found = tables(formatMarkdown(report, options('vi')));
    expect(found).toHaveLength(report.areas.length);
    const rows = found.flatMap((t) => t.slice(2));
    const headings = new Set(report.criteria.map((c) => c.heading).filter(Boolean));
    expect(rows).toHaveLength(report.criteria.length + headings.size);
  });

  it('is deterministic and shows the stamp only when asked', () => {
    const plain = formatMarkdown(reportQ3(), options('vi'));
    expect(formatMarkdown(reportQ3(), options('vi'))).toBe(plain);
    expect(plain).not.toMatch(/Lập lúc/u);
    expect(formatMarkdown(reportQ3(), options('vi', '2025-09-20T08:00:00+07:00'))).toContain('· Lập lúc 2025-09-20T08:00:00+07:00');
  });

  it('uses no emoji for statuses', () => {
    const out = formatMarkdown(reportYearEnd(), options('vi'));
    expect(out).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(out).toContain('✗ Không đạt');
  });

  it('keeps hostile text inert: tables keep their columns, no markup or HTML survives', () => {
    const out = formatMarkdown(reportHostile(), options('vi'));
    const all = tables(out);
    expect(all.length).toBeGreaterThan(0);
    for (const table of all) {
      const width = cells(table[0]!).length;
      expect(width).toBe(7);
      for (const line of table) {
        expect(line.startsWith('| ') && line.endsWith(' |'), line).toBe(true);
        expect(cells(line), line).toHaveLength(width);
      }
    }
    // The only raw HTML is our own <br>; every other markup character from the input is escaped.
    for (const line of out.replace(/<br>/gu, ' ').split('\n')) expect(unescaped(line), line).toEqual([]);
    expect(out).not.toMatch(/(?<!\\)<(script|img|b>|\/td)/u);
    // GFM would turn the bare URL into a link.
    expect(out).not.toMatch(/(?<!\\):\/\//u);
    // Data never opens a block: every line is a heading, table row, list item, our paragraph or blank.
    for (const line of out.split('\n')) expect(line, line).toMatch(/^(#{1,2} |\| |- \*\*|\\?[^-+=>#\s]|$)/u);
  });
});
