/**
 * The Word report for meetings (issue 17, part 3): `check -o bao-cao.docx` writes the
 * administrative layout of Nghị định 30/2020; read back here (tables, cells, paragraphs) and
 * checked against the JSON report, then converted by LibreOffice to an A4 PDF whose text is read.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/read/docx.js';
import { formatActual, formatForecast } from '../../src/format/text.js';
import type { Report } from '../../src/types.js';
import { zipEntries } from '../../src/util/zip.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-docx-'));
  cpSync(join(root, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(root, 'fixtures/quang-son-2025'), join(dir, 'progress'), { recursive: true });
  writeFileSync(join(dir, 'cchc.config.yaml'), [
    'plan: plans/quang-son-2025.yaml', 'progress: [progress]', 'asOf: 2025-09-14',
    'report:', '  number: 125/BC-UBND', '  signerTitle: KT. CHỦ TỊCH', '  signer: Trần Mạnh Tuấn',
    '  recipients: [UBND tỉnh Thái Nguyên, Sở Nội vụ, Các cơ quan chuyên môn thuộc UBND xã]', '',
  ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => {
  const bytes = readFileSync(join(dir, file));
  return readDocx(bytes, zipEntries(bytes));
};

describe('the Word report', () => {
  it('holds the header blocks, number, place and date in words, title, summary, recipients and signer', () => {
    expect(cchc('check', '-o', 'bao-cao.docx').status).toBe(1);
    const doc = read('bao-cao.docx');
    const header = doc.tables[0]!.rows[0]!.cells.map((c) => c.text);
    expect(header[0]).toBe('ỦY BAN NHÂN DÂN\nXÃ QUANG SƠN\n———\nSố: 125/BC-UBND');
    expect(header[1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n———\nQuang Sơn, ngày 14 tháng 9 năm 2025');
    expect(doc.lines).toContain('BÁO CÁO');
    expect(doc.lines).toContain('Kết quả thực hiện Kế hoạch nâng cao Chỉ số cải cách hành chính xã Quang Sơn năm 2025');
    expect(doc.lines).toContain('Đến ngày 14/09/2025, trong 43 tiêu chí của Kế hoạch: đạt 28, không đạt 1, chưa đạt 5, đang thực hiện 6, chưa báo cáo 3.');
    const closing = doc.tables.at(-1)!.rows[0]!.cells.map((c) => c.text);
    expect(closing[0]).toBe('Nơi nhận:\n- UBND tỉnh Thái Nguyên\n- Sở Nội vụ\n- Các cơ quan chuyên môn thuộc UBND xã\n- Lưu: VT.');
    expect(closing[1]).toBe('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nTrần Mạnh Tuấn');
  });

  it('has every criterion in the status table, with the figures of the JSON report', () => {
    const json = JSON.parse(cchc('check', '--format', 'json').stdout) as Report;
    const table = read('bao-cao.docx').tables[1]!;
    const rows = new Map(table.rows.slice(1).filter((r) => r.cells.length === 7).map((r) => [r.cells[0]!.text, r.cells.map((c) => c.text)]));
    expect([...rows.keys()]).toEqual(json.criteria.map((c) => c.id));
    for (const c of json.criteria) {
      if (c.measures.length === 0) continue;
      const expected = c.measures.map((m) => [formatActual(m, 'vi'), formatForecast(m, 'vi')].filter((x) => x).join('\n')).join('\n');
      expect(rows.get(c.id)![3], c.id).toBe(expected);
    }
    // Area rows merged across the table, one per area.
    expect(table.rows.filter((r) => r.cells.length === 1).map((r) => r.cells[0]!.text.split('.')[0])).toEqual(json.areas.map((a) => a.id));
  });

  it('leaves the plan\'s notes out, and lists them under IV with --notes', () => {
    const json = JSON.parse(cchc('check', '--format', 'json').stdout) as Report;
    const notes = json.criteria.flatMap((c) => (c.notes ?? []).map((n) => `- ${c.id}: ${n}`));
    expect(notes.length).toBeGreaterThan(20);
    const plain = read('bao-cao.docx').lines.join('\n');
    expect(plain).not.toContain('GHI CHÚ');
    for (const n of notes) expect(plain).not.toContain(n);
    expect(cchc('check', '--notes', '-o', 'with-notes.docx').status).toBe(1);
    const lines = read('with-notes.docx').lines;
    const from = lines.indexOf('IV. GHI CHÚ VỀ KẾ HOẠCH');
    expect(from).toBeGreaterThan(lines.indexOf('III. CÁC TIÊU CHÍ DỰ BÁO KHÔNG ĐẠT'));
    for (const n of notes) expect(lines.indexOf(n), n).toBeGreaterThan(from);
  });

  it('is written in English with --lang en', () => {
    cchc('check', '--lang', 'en', '-o', 'report-en.docx');
    const doc = read('report-en.docx');
    expect(doc.lines).toContain('REPORT');
    expect(doc.tables[0]!.rows[0]!.cells[1]!.text).toContain('SOCIALIST REPUBLIC OF VIET NAM');
  });

  it('keeps hostile text as plain text', () => {
    const plan = readFileSync(join(dir, 'plans/quang-son-2025.yaml'), 'utf8')
      .replace('title: Tỷ lệ hồ sơ trực tuyến\n', 'title: "=cmd|\' /C calc\'!A0 <script>alert(1)</script> & \\u0007"\n');
    writeFileSync(join(dir, 'plans/quang-son-2025.yaml'), plan);
    cchc('check', '-o', 'hostile.docx');
    writeFileSync(join(dir, 'plans/quang-son-2025.yaml'), readFileSync(join(root, 'plans/quang-son-2025.yaml')));
    const row = read('hostile.docx').tables[1]!.rows.find((r) => r.cells[0]?.text === '7.3.3')!;
    expect(row.cells[1]!.text).toBe("=cmd|' /C calc'!A0 <script>alert(1)</script> &");
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(!soffice || !existsSync('/usr/bin/pdftotext'))('converts in LibreOffice to an A4 PDF with the header, title, every criterion and the signature', { timeout: 150_000 }, () => {
    const converted = spawnSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { timeout: 120_000, encoding: 'utf8' });
    expect(converted.status, converted.stderr).toBe(0);
    const text = spawnSync('pdftotext', [join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const words of ['ỦY BAN NHÂN DÂN', 'XÃ QUANG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quang Sơn, ngày 14 tháng 9 năm 2025', 'BÁO CÁO', 'Nơi nhận:', 'KT. CHỦ TỊCH', 'Trần Mạnh Tuấn']) {
      expect(text, words).toContain(words);
    }
    const json = JSON.parse(cchc('check', '--format', 'json').stdout) as Report;
    for (const c of json.criteria) expect(text, c.id).toMatch(new RegExp(`(^|\\s)${c.id.replace(/\./gu, '\\.')}(\\s|$)`, 'mu'));
    const info = spawnSync('pdfinfo', [join(dir, 'bao-cao.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
  });
});
