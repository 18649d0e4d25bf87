/** `cchc history ID` (issue 17, part 2): a criterion's figures report by report, with the forecast. */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/cchc.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });

it('prints a ratio report by report, its rate, and the forecast', () => {
  const r = cchc('history', '7.3.3', '--as-of', '2025-09-14');
  expect(r.status).toBe(0);
  expect(r.stdout.split('\n')).toEqual([
    '7.3.3 Tỷ lệ hồ sơ trực tuyến',
    'Hạn: 31/12/2025 · Chủ trì: Trung tâm Phục vụ hành chính công',
    '',
    'Chỉ tiêu online_full: Tỷ lệ hồ sơ trực tuyến toàn trình — > 85%',
    '  Ngày        Đơn vị    Số đạt  Tổng số  Tỷ lệ',
    '  14/06/2025  TT PVHCC  452     645      70,1%',
    '  14/09/2025  TT PVHCC  975     1.250    78%',
    '  → dự báo không đạt: 81,1% (31/12)',
    '',
  ]);
});

it('shows each member of a lead group, and only the reports up to --as-of', () => {
  const q3 = cchc('history', '1.1', '--as-of', '2025-09-14').stdout;
  expect(q3).toContain('  14/09/2025  Phòng KT      10      14       71,4%');
  expect(q3.match(/^ {2}14\/0[69]\/2025/gmu)).toHaveLength(6);
  const h1 = cchc('history', '1.1', '--as-of', '2025-06-14').stdout;
  expect(h1).not.toContain('14/09/2025');
  expect(h1).not.toContain('→ dự báo');
  expect(h1).toContain('Chưa đủ hai kỳ báo cáo để dự báo.');
});

it('prints a task status by status, in English with --lang en', () => {
  const r = cchc('history', '3.1.2', '--as-of', '2025-09-14', '--lang', 'en');
  expect(r.stdout).toContain('  2025-06-14  TT PVHCC  In progress');
  expect(r.stdout).toContain('  2025-09-14  TT PVHCC  Done         2025-07-08');
});

it('says which criterion id was meant, exit 2', () => {
  const r = cchc('history', '7.3.4');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('không có tiêu chí “7.3.4”. Có phải ý bạn là “7.3.1”?');
});
