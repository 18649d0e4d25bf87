/**
 * The Excel progress form (issue 16, part 1): `cchc init -o form.xlsx` writes it; an officer fills
 * its cells; `check` and `validate` read it exactly like the YAML file, and every problem names
 * the sheet and cell. Filled here with exceljs the way an officer would: numbers typed in cells,
 * a date cell, a status chosen from the list.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLUMNS, FIRST_ROW, FORM_SHEETS, HEADER_ROWS, STATUS_WORDS } from '../src/authoring/form-layout.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;
const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-form-'));
  cpSync(join(root, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(root, 'fixtures/quang-son-2025/2025-Q3'), join(dir, 'yaml'), { recursive: true });
  mkdirSync(join(dir, 'others'));
  for (const unit of ['ttphcc', 'vp', 'vhxh']) cpSync(join(dir, 'yaml', `${unit}.yaml`), join(dir, 'others', `${unit}.yaml`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry { [measure: string]: unknown; status?: string; completedOn?: string; evidence?: string[]; note?: string }

/** A blank form for Phòng Kinh tế, filled in with exceljs from the unit's Q3 YAML report. */
async function fillForm(name: string, edit: (sheet: ExcelJS.Worksheet, rowOf: (criterion: string) => number) => void = () => {}): Promise<string> {
  const file = name.includes('/') ? `${name}.xlsx` : `forms/${name}.xlsx`;
  const made = cchc('init', '--plan', 'plans/quang-son-2025.yaml', '--unit', 'kt', '--period', 'Quý III/2025', '--as-of', '14/09/2025', '-o', file);
  expect(made.status, made.stderr).toBe(0);
  const yaml = parse(readFileSync(join(dir, 'yaml/kt.yaml'), 'utf8')) as { reportedBy: string; criteria: Record<string, Entry> };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  const sheet = workbook.getWorksheet(FORM_SHEETS.report)!;
  sheet.getCell(`B${HEADER_ROWS.reportedBy}`).value = yaml.reportedBy;
  const rows = new Map<string, number>();
  for (let r = FIRST_ROW; sheet.getCell(`${COLUMNS.criterion}${r}`).value; r++) {
    const id = String(sheet.getCell(`${COLUMNS.criterion}${r}`).value);
    if (!rows.has(id)) rows.set(id, r);
    const entry = yaml.criteria[id];
    if (!entry) continue;
    const at = (column: keyof typeof COLUMNS) => sheet.getCell(`${COLUMNS[column]}${r}`);
    const measure = at('measure').value ? String(at('measure').value) : undefined;
    if (measure && entry[measure] !== undefined) {
      const figure = entry[measure] as number | { value: number; total: number };
      if (typeof figure === 'number') at('value').value = figure;
      else {
        at('value').value = figure.value;
        at('total').value = figure.total;
      }
    }
    if (!measure && entry.status) at('status').value = STATUS_WORDS[entry.status as keyof typeof STATUS_WORDS].vi;
    if (!measure && entry.completedOn) {
      const [d, m, y] = /^\d{4}-/u.test(entry.completedOn) ? entry.completedOn.split('-').reverse() : entry.completedOn.split('/');
      at('completedOn').value = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    }
    if (!measure && entry.evidence) at('evidence').value = entry.evidence.join('\n');
    if (entry.note && r === rows.get(id)) at('note').value = entry.note;
  }
  edit(sheet, (id) => rows.get(id)!);
  await workbook.xlsx.writeFile(join(dir, file));
  return file;
}

/** The JSON report without where figures came from (files and lines differ by design). */
function report(...inputs: string[]) {
  const r = cchc('check', 'plans', ...inputs, '--as-of', '2025-09-14', '--format', 'json');
  const json = JSON.parse(r.stdout);
  for (const c of json.criteria) delete c.sources;
  return { status: r.status, stderr: r.stderr, json };
}

describe('the Excel progress form', () => {
  it('filled in, gives the same report as the equivalent YAML file', async () => {
    const form = await fillForm('kt');
    const fromForm = report('others', form);
    const fromYaml = report('others', 'yaml/kt.yaml');
    expect(fromForm.stderr).toBe('');
    expect(fromForm.json).toEqual(fromYaml.json);
    expect(fromForm.status).toBe(fromYaml.status);
    expect(fromForm.json.summary.total).toBe(43);
  });

  it('is found in a progress folder; an exported report next to it is not read', async () => {
    await fillForm('folder/kt');
    const exported = cchc('check', 'plans', 'others', '--as-of', '2025-09-14', '-o', 'folder/bao-cao.xlsx');
    expect(exported.stderr).toContain('folder/bao-cao.xlsx');
    const folder = cchc('validate', 'plans', 'folder', 'others');
    expect(folder.stderr).toBe('');
    expect(folder.stdout).toContain('Hợp lệ: 5 tệp (1 kế hoạch, 4 báo cáo tiến độ).');
  });

  it('names the sheet and cell of text typed in a number cell', async () => {
    let row = 0;
    const form = await fillForm('text-in-number', (sheet, rowOf) => {
      row = rowOf('6.1.1');
      sheet.getCell(`${COLUMNS.value}${row}`).value = 'chưa có số';
    });
    const r = cchc('validate', 'plans', form);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`forms/text-in-number.xlsx!Báo cáo!G${row}: lỗi:`);
  });

  it('names the cell of a date entered where a status belongs', async () => {
    let row = 0;
    const form = await fillForm('date-in-status', (sheet, rowOf) => {
      row = rowOf('6.2.1');
      sheet.getCell(`${COLUMNS.status}${row}`).value = new Date(Date.UTC(2025, 7, 12));
    });
    const r = cchc('validate', 'plans', form);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`forms/date-in-status.xlsx!Báo cáo!I${row}: lỗi:`);
  });

  it('names the header cell that was cleared, and a wrong plan revision', async () => {
    const cleared = await fillForm('no-plan', (sheet) => {
      sheet.getCell(`B${HEADER_ROWS.plan}`).value = null;
    });
    expect(cchc('validate', 'plans', cleared).stderr).toContain(`forms/no-plan.xlsx!Báo cáo!B${HEADER_ROWS.plan}: lỗi:`);
    const newer = await fillForm('revision', (sheet) => {
      sheet.getCell(`B${HEADER_ROWS.planRevision}`).value = 2;
    });
    const r = cchc('validate', 'plans', newer);
    expect(r.stderr).toContain(`forms/revision.xlsx!Báo cáo!B${HEADER_ROWS.planRevision}: lỗi:`);
    expect(r.stderr).toContain('[plan-revision-newer]');
  });

  it('refuses an untouched form and a workbook that is not a form, saying what to do', async () => {
    cchc('init', '--plan', 'plans/quang-son-2025.yaml', '--unit', 'vhxh', '--period', 'Q3', '--as-of', '14/09/2025', '-o', 'forms/blank.xlsx');
    const blank = cchc('validate', 'plans', 'forms/blank.xlsx');
    expect(blank.status).toBe(2);
    expect(blank.stderr).toContain('forms/blank.xlsx!Báo cáo!G11: lỗi: Biểu mẫu chưa được điền');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = 'số liệu';
    await workbook.xlsx.writeFile(join(dir, 'forms/khac.xlsx'));
    const other = cchc('validate', 'plans', 'forms/khac.xlsx');
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('không phải biểu mẫu báo cáo của cchc');
  });

  it('is written with the header the checker reads, locked labels and Excel checks on the inputs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'forms/blank.xlsx'));
    const sheet = workbook.getWorksheet(FORM_SHEETS.report)!;
    expect(sheet.getCell(`B${HEADER_ROWS.unit}`).value).toBe('vhxh');
    expect(sheet.getCell(`B${HEADER_ROWS.period}`).value).toBe('Q3');
    expect(workbook.getWorksheet(FORM_SHEETS.guide)).toBeDefined();
    expect(workbook.getWorksheet(FORM_SHEETS.meta)!.state).toBe('veryHidden');
    const title = sheet.getCell(`${COLUMNS.title}${FIRST_ROW}`);
    expect(title.protection?.locked).not.toBe(false);
    const value = sheet.getCell(`${COLUMNS.value}${FIRST_ROW}`);
    expect(value.protection?.locked).toBe(false);
    expect(value.dataValidation?.type).toMatch(/decimal|whole/u);
    let statusChecked = false;
    for (let r = FIRST_ROW; sheet.getCell(`A${r}`).value; r++) {
      if (sheet.getCell(`${COLUMNS.status}${r}`).dataValidation?.type === 'list') statusChecked = true;
    }
    expect(statusChecked).toBe(true);
  });
});
