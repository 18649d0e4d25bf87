/**
 * `cchc plan show` formatters: golden outputs for the bundled Quang Sơn plan and the small test
 * plan (read every change to tests/plan/__golden__ before accepting it with `-u`), and the shape
 * of the JSON view.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { readSource } from '../src/load/read-source.js';
import { formatPlanJson, formatPlanMarkdown, formatPlanTable, isHeading, planView, type CriterionView, type HeadingView, type NodeView } from '../src/plan/show.js';
import type { Lang, Plan } from '../src/types.js';
import { loadPlan } from '../src/validate/plan.js';
import { edited, planFrom, SMALL_PLAN } from './plan/small-plan.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function quangSon(): Plan {
  const { source } = readSource(join(root, 'plans/quang-son-2025.yaml'), 'plans/quang-son-2025.yaml');
  const { plan, diagnostics } = loadPlan(source!);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return plan;
}

const plain = (lang: Lang, width = 80) => ({ lang, chalk: new Chalk({ level: 0 }), width });

/** Every criterion and heading of a tree, depth first. */
function flatten(nodes: NodeView[]): NodeView[] {
  return nodes.flatMap((n) => (isHeading(n) ? [n, ...flatten(n.criteria)] : [n]));
}

describe('plan show: golden outputs', () => {
  it('terminal tree of the Quang Sơn plan, Vietnamese at 80 columns and English at 120', async () => {
    await expect(formatPlanTable(quangSon(), plain('vi', 80))).toMatchFileSnapshot('plan/__golden__/quang-son.vi.txt');
    await expect(formatPlanTable(quangSon(), plain('en', 120))).toMatchFileSnapshot('plan/__golden__/quang-son.en.txt');
  });

  it('Markdown and JSON of the Quang Sơn plan', async () => {
    await expect(formatPlanMarkdown(quangSon(), plain('vi'))).toMatchFileSnapshot('plan/__golden__/quang-son.vi.md');
    await expect(formatPlanJson(quangSon())).toMatchFileSnapshot('plan/__golden__/quang-son.json');
  });

  it('the small plan: nested and empty headings, group measures, a criterion with no deadline', async () => {
    const plan = planFrom(SMALL_PLAN);
    await expect(formatPlanTable(plan, plain('vi'))).toMatchFileSnapshot('plan/__golden__/small.vi.txt');
    await expect(formatPlanMarkdown(plan, plain('en'))).toMatchFileSnapshot('plan/__golden__/small.en.md');
  });

  it('keeps every line of the terminal tree within 80 columns', () => {
    for (const lang of ['vi', 'en'] as const) {
      const long = formatPlanTable(quangSon(), plain(lang, 80)).split('\n').filter((l) => l.length > 80);
      expect(long).toEqual([]);
    }
  });

  it('colours only with a colour-capable chalk', () => {
    expect(formatPlanTable(quangSon(), plain('vi'))).not.toMatch(/\u001b\[/u);
    expect(formatPlanTable(quangSon(), { ...plain('vi'), chalk: new Chalk({ level: 1 }) })).toMatch(/\u001b\[1m/u);
  });
});

describe('plan show: JSON view', () => {
  const view = planView(planFrom(SMALL_PLAN));

  it('holds the plan\'s own fields, its units with members and aliases, and its areas', () => {
    expect(Object.keys(view)).toEqual(['id', 'revision', 'title', 'issuer', 'year', 'file', 'units', 'areas']);
    expect(view).toMatchObject({ id: 'thu-nghiem-2025', revision: 1, year: 2025, file: 'plans/thu-nghiem.yaml' });
    expect(view.units.map((u) => u.id)).toEqual(['tt', 'vp', 'kt', 'ccm', 'bplq']);
    expect(view.units[0]).toEqual({ id: 'tt', name: 'Trung tâm Phục vụ hành chính công', short: 'TT PVHCC', aliases: ['Trung tâm Phục vụ HCC'] });
    expect(view.units[3]).toMatchObject({ id: 'ccm', members: ['vp', 'kt'], aliases: [] });
    expect(view.units[4]).toMatchObject({ id: 'bplq', members: [] });
    expect(view.units[1]).not.toHaveProperty('members');
  });

  it('nests criteria under headings as the plan file does (a heading has `criteria`, no `lead`)', () => {
    const [iii, vii] = view.areas;
    expect(iii!.criteria.map((n) => [n.id, isHeading(n)])).toEqual([['3.1', false], ['3.2', true]]);
    const heading = iii!.criteria[1] as HeadingView;
    expect(heading).not.toHaveProperty('lead');
    expect(heading.criteria.map((n) => n.id)).toEqual(['3.2.1', '3.2.2', '3.2.3', '3.2.4']);
    expect(heading.criteria[3]).toEqual({ id: '3.2.4', title: 'Chỉ số phụ', criteria: [] });
    expect(flatten(vii!.criteria).map((n) => n.id)).toEqual(['7.3.3', '7.4']);
  });

  it('gives targets as text, deadlines as ISO or ongoing, and aggregate only for group leads', () => {
    const all = flatten(view.areas.flatMap((a) => a.criteria)).filter((n): n is CriterionView => !isHeading(n));
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(byId.get('3.2.1')).toEqual({
      id: '3.2.1', title: 'Tỷ lệ hồ sơ đúng hạn', requirement: 'Phấn đấu 100% hồ sơ được giải quyết đúng hạn.',
      due: '2025-12-31', dueText: 'Trong năm 2025', lead: 'tt', support: ['ccm'],
      measures: [{ id: 'on_time', label: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'ratio', target: '>= 100%' }],
    });
    expect(byId.get('3.2.2')).toMatchObject({ due: '2025-12-31', dueImplied: true, measures: [], notes: ['Bản gốc không ghi yêu cầu và thời hạn.'] });
    expect(byId.get('3.2.3')!.due).toBe('ongoing');
    expect(byId.get('3.2.3')!.measures.map((m) => [m.id, m.target, m.aggregate])).toEqual([['digitized', '>= 90%', 'sum'], ['e_results', '>= 80%', 'each']]);
    expect(byId.get('7.4')!.measures[0]).toEqual({ id: 'disciplined', label: 'Số cán bộ bị kỷ luật', kind: 'count', target: '= 0' });
  });

  it('is valid JSON ending with a newline, the same on every run', () => {
    const text = formatPlanJson(planFrom(SMALL_PLAN));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(view);
    expect(formatPlanJson(planFrom(SMALL_PLAN))).toBe(text);
  });

  it('places the Quang Sơn plan\'s empty heading 9.1.4 between 9.1.3 and 9.1.5, under 9.1', () => {
    const ix = planView(quangSon()).areas.find((a) => a.id === 'IX')!;
    const h91 = ix.criteria[0] as HeadingView;
    expect(h91.criteria.map((n) => n.id)).toEqual(['9.1.1', '9.1.2', '9.1.3', '9.1.4', '9.1.5']);
    expect(flatten(planView(quangSon()).areas.flatMap((a) => a.criteria)).filter((n) => !isHeading(n))).toHaveLength(43);
  });
});

describe('plan show: Markdown', () => {
  it('escapes plan text so that it cannot break a table row or become markup', () => {
    const plan = edited((p) => {
      p.areas[0].criteria[0].title = 'a | b <script>x</script> *đậm*';
      p.areas[0].criteria[0].requirement = 'dòng một\ndòng hai';
    });
    const md = formatPlanMarkdown(plan, plain('vi'));
    const row = md.split('\n').find((l) => l.startsWith('| 3.1 |'))!;
    expect(row).toContain('a \\| b \\<script\\>x\\</script\\> \\*đậm\\*');
    expect(row).toContain('dòng một<br>dòng hai');
    expect(row.split(/(?<!\\)\|/u)).toHaveLength(9); // 7 cells between 8 bars
  });
});
