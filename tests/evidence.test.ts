/**
 * Evidence (tài liệu kiểm chứng): repository paths must exist (warning, or error with --strict),
 * Windows `\` paths work, URLs become links in HTML and Markdown, and a done task without evidence
 * is marked, because the PAR Index appraisal wants evidence for every self-assessed criterion.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import { formatHtml } from '../src/format/html.js';
import { formatMarkdown } from '../src/format/markdown.js';
import { formatTable } from '../src/format/table.js';
import { formatTask } from '../src/format/text.js';
import { loadInputs } from '../src/load/load-inputs.js';
import { evidenceKind } from '../src/validate/evidence.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN = readFileSync(join(root, 'plans/quang-son-2025.yaml'), 'utf8');

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'cchc-evidence-'));
  mkdirSync(join(repo, 'minh-chung'));
  writeFileSync(join(repo, 'minh-chung/bien-ban-01.pdf'), '%PDF-1.4\n');
  writeFileSync(join(repo, 'plan.yaml'), PLAN);
  mkdirSync(join(repo, 'tien-do'));
  writeFileSync(join(repo, 'tien-do/vp.yaml'), [
    'schema: cchc/progress@1', //                              1
    'plan: quang-son-2025',
    'planRevision: 1',
    'unit: vp',
    'period: Quý III/2025', //                                 5
    'asOf: 2025-09-14',
    'criteria:',
    '  "2.1.1":',
    '    status: done',
    '    completedOn: 2025-08-01', //                          10
    '    evidence:',
    '      - minh-chung\\bien-ban-01.pdf', //                  12: Windows path, exists
    '      - minh-chung/khong-co.pdf', //                      13: missing → column 9
    '      - https://quangson.thainguyen.gov.vn/van-ban/123', // 14: a link
    '      - Quyết định số 12/QĐ-UBND ngày 01/8/2025', //      15: a reference, not a path
    '  "2.1.2":',
    '    status: done',
    '    completedOn: 2025-08-02', //                          18: no evidence at all
    '',
  ].join('\n'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const load = (strict = false) =>
  loadInputs(['plan.yaml', 'tien-do/vp.yaml'].map((f) => ({ abs: join(repo, f), file: f })), { root: repo, strict });

describe('evidence entries', () => {
  it.each([
    ['Quyết định số 123/QĐ-UBND ngày 15/8/2025', 'reference'],
    ['Biên bản kiểm tra ngày 20/8/2025', 'reference'],
    ['minh-chung/qd-123.pdf', 'path'],
    ['minh-chung\\qd 123.pdf', 'path'],
    ['bien-ban.docx', 'path'],
    ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', 'url'],
  ])('%s is a %s', (entry, kind) => {
    expect(evidenceKind(entry)).toBe(kind);
  });

  it('a missing repository file is a warning at its line; the file with `\\` is found', () => {
    const { diagnostics, reports } = load();
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.args.path])).toEqual([
      ['warning', 'evidence-missing', 'tien-do/vp.yaml', 13, 9, 'minh-chung/khong-co.pdf'],
    ]);
    expect(reports).toHaveLength(1);
  });

  it('with --strict it is an error and the file is not evaluated', () => {
    const { diagnostics, reports } = load(true);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'evidence-missing', 13]]);
    expect(reports).toHaveLength(0);
  });

  describe('in reports', () => {
    const report = () => {
      const { plans, reports } = load();
      const r = evaluate(plans.get('quang-son-2025')!, reports, { asOf: '2025-09-14', dueSoonDays: 30 });
      return { ...r, criteria: r.criteria.filter((c) => c.id === '2.1.1' || c.id === '2.1.2') };
    };
    const options = { lang: 'vi' as const, chalk: new Chalk({ level: 0 }), width: 160 };

    it('a done task without evidence is marked (the words every format shows), and the table shows it', () => {
      const r = report();
      const [with_, without] = r.criteria.map((c) => formatTask(c, 'vi', (id) => id));
      expect(with_).toBe('Hoàn thành 01/08/2025');
      expect(without).toBe('Hoàn thành 02/08/2025 (thiếu tài liệu kiểm chứng)');
      expect(formatTable(r, options).match(/\(thiếu/gu)).toHaveLength(1); // the cell may wrap after it
    });

    it('HTML shows the URL as a link, and only the URL', () => {
      const html = formatHtml(report(), options);
      expect(html).toContain('<a href="https://quangson.thainguyen.gov.vn/van-ban/123">');
      expect(html.match(/<a href=/gu)).toHaveLength(1);
    });

    it('Markdown shows the URL as an autolink', () => {
      expect(formatMarkdown(report(), options)).toContain('<https://quangson.thainguyen.gov.vn/van-ban/123>');
    });
  });
});
