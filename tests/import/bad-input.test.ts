/**
 * Every input `cchc plan import` must refuse (issue 15, "Safety"): each gets exit 2, a message
 * naming the file and what to provide instead, in Vietnamese or English, no stack trace, and
 * nothing written. Run through the built bin/cchc.js, as an officer would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundFile, wordDocument, zip } from './make-files.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/cchc.js');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'plan', 'import', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-import-bad-'));
  const docx = readFileSync(join(root, 'fixtures/import/quang-son-2025-phu-luc.docx'));
  const files: Record<string, Buffer | string> = {
    'ke-hoach.doc': compoundFile('WordDocument'),
    'ke-hoach.xls': compoundFile('Workbook'),
    'mat-khau.docx': compoundFile('EncryptedPackage'),
    'ke-hoach.pdf': '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n',
    'trong.docx': '',
    'trong.txt': '  \n\n',
    'khong-bang.docx': await wordDocument(['KẾ HOẠCH', 'Nâng cao Chỉ số CCHC năm 2026']),
    'cot-la.docx': await wordDocument(['KẾ HOẠCH'], [['A', 'B', 'C'], ['1', 'x', 'y']]),
    'hong.docx': docx.subarray(0, Math.floor(docx.length / 2)),
    // 200 MB of zeros in 200 KB, declared honestly, then declared as 1 KB (a zip bomb that lies).
    'bom.docx': zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024) }]),
    'bom-noi-doi.docx': zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024), claimedSize: 1024 }]),
    'nen.zip': zip([{ name: 'anh.png', data: Buffer.from('png') }]),
    'ke-hoach.odt': zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }, { name: 'content.xml', data: Buffer.from('<x/>') }]),
    'ke-hoach.rtf': '{\\rtf1\\ansi Ke hoach}',
    'ke-hoach.html': '<!DOCTYPE html><html><body><table></table></body></html>',
    'khong-tab.txt': 'KẾ HOẠCH\nNâng cao Chỉ số CCHC năm 2026\n1. Công khai TTHC\n',
    'cot-la.txt': 'A\tB\tC\n1\tx\ty\n',
    'nhi-phan.txt': Buffer.from([0x4b, 0x00, 0x48, 0x00, 0x01, 0x02, 0xff, 0x00]),
    'tcvn3.txt': Buffer.from('STT\tL\xa7nh v\xf9c\tY\xaau c\xc7u\n', 'latin1'),
    'khong-nam.txt': 'STT\tNội dung\tChủ trì\tThời gian\n1\tCông khai TTHC\tPhòng Kinh tế\tThường xuyên\n',
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  mkdirSync(join(dir, 'thu-muc.docx'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['ke-hoach.doc', /Word cũ \(\.doc/u, /old Word file \(\.doc/u],
  ['ke-hoach.xls', /Excel cũ \(\.xls/u, /old Excel file/u],
  ['mat-khau.docx', /mật khẩu/u, /password/u],
  ['ke-hoach.pdf', /là PDF/u, /is a PDF/u],
  ['trong.docx', /trống/u, /is empty/u],
  ['trong.txt', /trống/u, /is empty/u],
  ['khong-bang.docx', /không có bảng nào/u, /has no table/u],
  ['cot-la.docx', /Không nhận ra các cột/u, /columns .* were not recognised/u],
  ['hong.docx', /bị hỏng/u, /damaged/u],
  ['bom.docx', /lớn bất thường/u, /abnormal size/u],
  ['bom-noi-doi.docx', /lớn bất thường/u, /abnormal size/u],
  ['nen.zip', /không phải tài liệu Word/u, /not a Word/u],
  ['ke-hoach.odt', /OpenDocument/u, /OpenDocument/u],
  ['ke-hoach.rtf', /RTF/u, /RTF/u],
  ['ke-hoach.html', /trang web/u, /web page/u],
  ['khong-tab.txt', /phím Tab/u, /tab-separated/u],
  ['cot-la.txt', /Không nhận ra các cột/u, /were not recognised/u],
  ['nhi-phan.txt', /không phải văn bản/u, /is not text/u],
  ['tcvn3.txt', /UTF-8/u, /UTF-8/u],
  ['khong-nam.txt', /--year/u, /--year/u],
  ['khong-co.docx', /Không tìm thấy tệp/u, /not found/u],
  ['thu-muc.docx', /là một thư mục/u, /is a folder/u],
])('%s', (file, vi, en) => {
  it('is refused with exit 2, the file named and what to do, nothing written', () => {
    const r = run(file, '-o', 'out.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`“${file}”`);
    expect(r.stderr).toMatch(vi);
    expect(r.stderr).not.toMatch(/\n\s+at |lỗi của cchc/u);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('says it in English with --lang en', () => {
    const r = run(file, '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(en);
  });
});

describe('the output file', () => {
  it('is never overwritten without --force, and is with it', () => {
    const target = join(dir, 'co-san.yaml');
    writeFileSync(target, 'bản của cán bộ\n');
    const input = join(root, 'fixtures/import/quang-son-2025-ke-hoach.txt');
    const refused = run(input, '-o', 'co-san.yaml');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/đã có; chương trình không ghi đè.*--force/u);
    expect(readFileSync(target, 'utf8')).toBe('bản của cán bộ\n');
    const forced = run(input, '-o', 'co-san.yaml', '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^# yaml-language-server/u);
  });

  it('refuses a bad --id or --year before reading anything', () => {
    expect(run('khong-co.docx', '--id', 'Quang Sơn').stderr).toMatch(/Mã kế hoạch “Quang Sơn” không hợp lệ/u);
    expect(run('khong-co.docx', '--year', '25').stderr).toMatch(/Năm “25” không hợp lệ/u);
  });
});
