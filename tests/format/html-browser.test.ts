/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core (which brings no
 * browser of its own). Skipped where /usr/bin/chromium is missing — a developer's machine may not
 * have it; CI installs it (`apt-get install -y chromium`) so these tests run there.
 *
 * `UPDATE_SCREENSHOT=1 npx vitest run tests/format/html-browser.test.ts` also rewrites
 * tests/format/__golden__/html-q3.png, a picture of the top of the Q3 report to look at by eye.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatOptions } from '../../src/format/index.js';
import { formatHtml } from '../../src/format/html.js';
import type { Report } from '../../src/types.js';
import { STATUSES } from '../../src/types.js';
import { reportHostile, reportQ3, reportYearEnd } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
/** A4 landscape at 96 dpi. */
const VIEWPORT = { width: 1123, height: 794 };
/** The Q3 report with the six statuses dealt out in turn: the longest chart labels there can be. */
function everyStatus(): Report {
  const report = reportQ3();
  report.criteria.forEach((c, i) => (c.status = STATUSES[i % STATUSES.length]!));
  return report;
}

const options: FormatOptions = { lang: 'vi', chalk: new Chalk({ level: 0 }), width: 120 };

describe.skipIf(!existsSync(CHROMIUM))('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh page with the report loaded, and every URL the page asked for. */
  async function open(report: Report, lang: 'vi' | 'en' = 'vi'): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(formatHtml(report, { ...options, lang }), { waitUntil: 'load' });
    return { page, requests };
  }

  it.each([
    ['Q3', reportQ3(), 'vi'],
    ['year end, English', reportYearEnd(), 'en'],
    ['hostile', reportHostile(), 'vi'],
    ['every status', everyStatus(), 'vi'],
    ['every status, English', everyStatus(), 'en'],
  ] as const)('shows the table and the chart within an A4-landscape width, fetching nothing (%s)', async (_, report, lang) => {
    const { page, requests } = await open(report, lang);
    try {
      for (const selector of ['table.criteria', 'svg.chart']) {
        const box = await page.locator(selector).boundingBox();
        expect(box?.width, selector).toBeGreaterThan(0);
        expect(box?.height, selector).toBeGreaterThan(0);
      }
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        rightmostCell: Math.max(...Array.from(document.querySelectorAll('th, td'), (e) => e.getBoundingClientRect().right)),
        rightmostChartText: Math.max(...Array.from(document.querySelectorAll('svg.chart text'), (e) => e.getBoundingClientRect().right)),
        chartRight: document.querySelector('svg.chart')!.getBoundingClientRect().right,
        labelsRight: Math.max(...Array.from(document.querySelectorAll('svg.chart text.al'), (e) => e.getBoundingClientRect().right)),
        barsLeft: Math.min(...Array.from(document.querySelectorAll('svg.chart .row rect'), (e) => e.getBoundingClientRect().left)),
        barsRight: Math.max(...Array.from(document.querySelectorAll('svg.chart .row rect'), (e) => e.getBoundingClientRect().right)),
        wordsLeft: Math.min(...Array.from(document.querySelectorAll('svg.chart text.w'), (e) => e.getBoundingClientRect().left)),
        scripts: document.scripts.length,
        images: document.images.length,
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.rightmostCell).toBeLessThanOrEqual(VIEWPORT.width);
      // SVG text does not wrap: it must end inside the chart, not be cut at its edge.
      expect(layout.rightmostChartText).toBeLessThanOrEqual(layout.chartRight);
      expect(layout.labelsRight).toBeLessThan(layout.barsLeft);
      expect(layout.barsRight).toBeLessThan(layout.wordsLeft);
      expect(layout.scripts).toBe(0);
      expect(layout.images).toBe(0);
      expect(requests.filter((url) => !/^(?:about:blank|data:)/u.test(url))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('prints on A4 landscape pages', async () => {
    const { page } = await open(reportYearEnd());
    try {
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/gu)].map((m) => [Number(m[1]), Number(m[2])] as const);
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const [w, h] of boxes) {
        expect(Math.abs(w - 842)).toBeLessThan(2);
        expect(Math.abs(h - 595)).toBeLessThan(2);
      }
      expect(pdf.match(/\/Type\s*\/Page(?!s)/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('draws every history chart inside its table cell', async () => {
    const { page } = await open(reportQ3());
    try {
      const charts = await page.evaluate(() => Array.from(document.querySelectorAll('svg.history'), (svg) => {
        const box = svg.getBoundingClientRect();
        const cell = svg.closest('td')!.getBoundingClientRect();
        const texts = Array.from(svg.querySelectorAll('text'), (t) => t.getBoundingClientRect());
        return { box, cell, textLeft: Math.min(...texts.map((t) => t.left)), textRight: Math.max(...texts.map((t) => t.right)) };
      }));
      expect(charts.length).toBeGreaterThan(10);
      for (const { box, cell, textLeft, textRight } of charts) {
        expect(box.height).toBeGreaterThan(20);
        expect(box.left).toBeGreaterThanOrEqual(cell.left);
        expect(box.right).toBeLessThanOrEqual(cell.right);
        // SVG text does not wrap: the dates and figures must end inside the drawing.
        expect(textLeft).toBeGreaterThanOrEqual(box.left - 0.5);
        expect(textRight).toBeLessThanOrEqual(box.right + 0.5);
      }
    } finally {
      await page.close();
    }
  }, 60_000);

  it.skipIf(!existsSync('/usr/bin/pdftotext'))('prints the header, place and date on the first page and the signature block on the last', async () => {
    const meeting = { number: '125/BC-UBND', signerTitle: 'KT. CHỦ TỊCH', signer: 'Trần Mạnh Tuấn', recipients: ['Sở Nội vụ'] };
    const page = await browser.newPage({ viewport: VIEWPORT });
    try {
      await page.setContent(formatHtml(reportQ3(), { ...options, meeting }), { waitUntil: 'load' });
      const dir = mkdtempSync(join(tmpdir(), 'cchc-html-pdf-'));
      const file = join(dir, 'bao-cao.pdf');
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const pages = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((p) => p.trim() !== '');
      rmSync(dir, { recursive: true, force: true });
      for (const words of ['ỦY BAN NHÂN DÂN', 'XÃ QUANG SƠN', 'Số: 125/BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quang Sơn, ngày 14 tháng 9 năm 2025']) {
        expect(pages[0], words).toContain(words);
      }
      const last = pages.at(-1)!;
      for (const words of ['Nơi nhận:', '- Sở Nội vụ', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'Trần Mạnh Tuấn']) expect(last, words).toContain(words);
    } finally {
      await page.close();
    }
  }, 60_000);

  it.runIf(process.env.UPDATE_SCREENSHOT === '1')('writes a screenshot of the Q3 report', async () => {
    const { page } = await open(reportQ3());
    try {
      const path = new URL('__golden__/html-q3.png', import.meta.url);
      const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height: 1400 } });
      writeFileSync(path, png);
    } finally {
      await page.close();
    }
  }, 60_000);
});
