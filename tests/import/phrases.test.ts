/**
 * The phrase table of src/import/phrases.ts, one test per phrase: header words, deadlines,
 * target words, unit names.
 */
import { describe, expect, it } from 'vitest';
import { roleOf } from '../../src/import/columns.js';
import { readDeadline } from '../../src/import/deadline.js';
import { COLUMN_WORDS, DEADLINE_PHRASES, OPERATOR_WORDS } from '../../src/import/phrases.js';
import { readTargets } from '../../src/import/targets.js';
import { splitUnitCell } from '../../src/import/units.js';

describe('column header words', () => {
  it.each([
    ['STT', 'stt'], ['TT', 'stt'], ['Số TT', 'stt'],
    ['Lĩnh vực, tiêu chí', 'title'], ['Nhiệm vụ, giải pháp', 'title'], ['Nội dung', 'title'], ['Nội dung công việc', 'title'],
    ['Yêu cầu năm 2025', 'requirement'], ['Chỉ tiêu', 'requirement'], ['Mục tiêu', 'requirement'], ['Kết quả/sản phẩm', 'requirement'],
    ['Thời gian chậm nhất phải hoàn thành', 'due'], ['Thời hạn', 'due'], ['Tiến độ', 'due'], ['Thời gian hoàn thành', 'due'],
    ['Cơ quan chủ trì thực hiện', 'lead'], ['Chủ trì', 'lead'], ['Đơn vị thực hiện', 'lead'], ['Phân công nhiệm vụ', 'lead'],
    ['Cơ quan phối hợp', 'support'], ['Đơn vị phối hợp', 'support'], ['Ghi chú', 'notes'],
    ['Kế hoạch', undefined], ['', undefined],
  ])('%s → %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it('has an example for every entry, recognised as its role', () => {
    for (const entry of COLUMN_WORDS) expect(roleOf(entry.example)).toBe(entry.role);
  });
});

describe('deadline phrases (plan year 2026)', () => {
  it.each([
    ['Thường xuyên', { due: 'ongoing' }],
    ['Hằng quý', { due: 'ongoing', review: 'interpreted' }],
    ['Hàng tháng', { due: 'ongoing', review: 'interpreted' }],
    ['Định kỳ hằng năm', { due: 'ongoing', review: 'interpreted' }],
    ['Trong ngày 31/12/2026', { due: '2026-12-31' }],
    ['31/12/2026', { due: '2026-12-31' }],
    ['Trước ngày 30/6/2026', { due: '2026-06-30', review: 'interpreted' }],
    ['Trước 30/6/2026', { due: '2026-06-30', review: 'interpreted' }],
    ['Từ 01/01/2026 đến 30/9/2026', { due: '2026-09-30', review: 'interpreted' }],
    ['Trước ngày 15/12', { due: '2026-12-15', review: 'interpreted' }],
    ['Tháng 6/2026', { due: '2026-06-30', review: 'interpreted' }],
    ['Tháng 2 năm 2026', { due: '2026-02-28', review: 'interpreted' }],
    ['Trong tháng 12', { due: '2026-12-31', review: 'interpreted' }],
    ['Quý II/2026', { due: '2026-06-30', review: 'interpreted' }],
    ['Quý IV năm 2026', { due: '2026-12-31', review: 'interpreted' }],
    ['Quý 3/2026', { due: '2026-09-30', review: 'interpreted' }],
    ['Quý I', { due: '2026-03-31', review: 'interpreted' }],
    ['6 tháng đầu năm', { due: '2026-06-30', review: 'interpreted' }],
    ['9 tháng đầu năm 2026', { due: '2026-09-30', review: 'interpreted' }],
    ['6 tháng cuối năm', { due: '2026-12-31', review: 'interpreted' }],
    ['Trong năm 2026', { due: '2026-12-31' }],
    ['Năm 2026', { due: '2026-12-31' }],
    ['Trong năm', { due: '2026-12-31' }],
    ['Năm 2026 và các năm tiếp theo', { due: '2026-12-31', review: 'interpreted' }],
    ['Trong năm 2025', { due: '2025-12-31', review: 'other-year' }],
    ['Trước ngày 20 tháng 12 năm 2026', { due: '2026-12-20', review: 'interpreted' }],
    ['Ngày 15 tháng 6', { due: '2026-06-15', review: 'interpreted' }],
    ['Từ tháng 3 đến tháng 6', { due: '2026-06-30', review: 'interpreted' }],
    ['Quý II - III năm 2026', { due: '2026-09-30', review: 'interpreted' }],
    ['Quý III/2026 - Quý IV/2026', { due: '2026-12-31', review: 'interpreted' }],
    ['Quý I, II', { due: '2026-06-30', review: 'interpreted' }],
    ['Thường xuyên; báo cáo trước 15/12', { due: 'ongoing', review: 'interpreted' }],
    ['31/12', { due: '2026-12-31', review: 'interpreted' }],
    ['', { review: 'empty' }],
    ['Khi có yêu cầu', { review: 'unknown' }],
    ['31/02/2026', { review: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(readDeadline(text, 2026)).toEqual(expected);
  });

  it('every entry of the table reads its own example', () => {
    for (const entry of DEADLINE_PHRASES) expect(readDeadline(entry.example, 2026).review).not.toBe('unknown');
  });

  it('does not depend on the time zone', () => {
    // Ends of months are computed on local dates from the numbers alone.
    expect(readDeadline('Tháng 6/2026', 2026).due).toBe('2026-06-30');
    expect(readDeadline('Quý I/2026', 2026).due).toBe('2026-03-31');
  });
});

const targetsOf = (text: string) => readTargets(text, 'Tiêu chí').targets.map((t) => `${t.kind} ${t.op} ${t.value}`);

describe('targets', () => {
  it.each([
    ['100%', ['ratio >= 100']],
    ['Hoàn thành 100% Kế hoạch', ['ratio >= 100']],
    ['tối thiểu 95% hồ sơ', ['ratio >= 95']],
    ['ít nhất 50% số xã', ['ratio >= 50']],
    ['không thấp hơn 60%', ['ratio >= 60']],
    ['không dưới 70%', ['ratio >= 70']],
    ['từ 80% trở lên', ['ratio >= 80']],
    ['≥ 90%', ['ratio >= 90']],
    ['>= 90%', ['ratio >= 90']],
    ['trên 85%', ['ratio > 85']],
    ['> 85 %', ['ratio > 85']],
    ['đạt tỷ lệ trên 85 %', ['ratio > 85']],
    ['cao hơn 70%', ['ratio > 70']],
    ['tối đa 5% hồ sơ trễ hạn', ['ratio <= 5']],
    ['không quá 3%', ['ratio <= 3']],
    ['không vượt quá 2%', ['ratio <= 2']],
    ['dưới 1% hồ sơ quá hạn', ['ratio < 1']],
    ['thấp hơn 2%', ['ratio < 2']],
    ['99,5% hồ sơ', ['ratio >= 99.5']],
    ['Phấn đấu 100% hồ sơ tiếp nhận được giải quyết đúng hạn.', ['ratio >= 100']],
    ['Phân đầu tỷ lệ giải ngân đạt tối thiểu 90% trở lên', ['ratio >= 90']],
    ['đạt 80% trở xuống', ['ratio <= 80']],
    ['Năm 2026 không có cán bộ bị kỷ luật', ['count = 0']],
    ['Không để xảy ra sai phạm', ['count = 0']],
    ['0 trường hợp vi phạm', ['count = 0']],
    ['ít nhất 02 cuộc kiểm tra', ['count >= 2']],
    ['tối thiểu 12 tin, bài', ['count >= 12']],
    ['từ 3 lớp tập huấn trở lên', ['count >= 3']],
    ['không ít hơn 4 lần', ['count >= 4']],
    ['Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%; tỷ lệ thanh toán trực tuyến từ 50% trở lên', ['ratio > 80', 'ratio >= 50']],
    ['- Tỷ lệ số hoá là 100% - Tỷ lệ cấp kết quả điện tử là 100%', ['ratio >= 100', 'ratio >= 100']],
    ['100% UBND cấp xã có tỷ lệ xử lý văn bản đạt từ 90 % trở lên.', ['ratio >= 90']],
    ['100% đơn vị thực hiện đúng, không có sai phạm', ['ratio >= 100']],
    ['Thực hiện theo Kế hoạch số 06/KH-UBND ngày 21/7/2025', []],
    ['Hoàn thành trong tháng 01/2026', []],
    ['Báo cáo năm 2026 đúng hạn', []],
    ['ít nhất 02 năm một lần', []],
    ['Cập nhật kịp thời các thay đổi về TTHC', []],
    ['Đạt từ 95-100%', ['ratio >= 95']],
    ['Thu ngân sách đạt 110% dự toán', []],
    ['Giảm ít nhất 10% số hồ sơ trễ hạn so với năm 2025', []],
    ['Tăng ít nhất 5% so với năm trước', []],
    ['ít nhất 02 quý', []],
    ['tối thiểu 3 giờ', []],
    ['ít nhất 4 lần/quý', []],
  ])('%s', (text, expected) => {
    expect(targetsOf(text)).toEqual(expected);
  });

  it('every operator word of the table sets its comparison', () => {
    for (const entry of OPERATOR_WORDS) {
      const [t] = readTargets(`${entry.words} 40% hồ sơ`, 'x').targets;
      expect([entry.words, t?.op]).toEqual([entry.words, entry.op]);
    }
  });

  it('flags a bare number below 100% and a nested percentage', () => {
    expect(readTargets('80% hồ sơ', 'x').targets[0]!.review).toBe('plain-number');
    expect(readTargets('100% hồ sơ', 'x').targets[0]!.review).toBeUndefined();
    const nested = readTargets('100% UBND cấp xã có tỷ lệ xử lý văn bản đạt từ 90 % trở lên', 'x').targets[0]!;
    expect([nested.review, nested.each]).toEqual(['nested', true]);
  });

  it('keeps "không có" that restates a percentage as a qualifier', () => {
    expect(readTargets('100% đơn vị thực hiện đúng, không có sai phạm', 'x').qualifiers).toEqual(['không có sai phạm']);
  });

  it('labels a ratio by its words', () => {
    expect(readTargets('Phân đầu tỷ lệ hồ sơ trực tuyến toàn trình năm 2025 đạt tỷ lệ trên 85 %', 'x').targets[0]!.label).toBe('Tỷ lệ hồ sơ trực tuyến toàn trình năm 2025');
    expect(readTargets('100% hồ sơ tiếp nhận được giải quyết đúng hạn.', 'x').targets[0]!.label).toBe('Tỷ lệ hồ sơ tiếp nhận được giải quyết đúng hạn');
    expect(readTargets('100%', 'Công khai TTHC').targets[0]!.label).toBe('Công khai TTHC');
  });
});

describe('unit cells', () => {
  it.each([
    ['Phòng Kinh tế', ['Phòng Kinh tế']],
    ['Văn phòng HĐND và UBND xã', ['Văn phòng HĐND và UBND xã']],
    ['Các đơn vị, cơ quan chuyên môn', ['Các đơn vị, cơ quan chuyên môn']],
    ['Phòng Văn hóa - Xã hội', ['Phòng Văn hóa - Xã hội']],
    ['Phòng VH-XH, các đơn vị sự nghiệp đóng trên địa bàn', ['Phòng VH-XH', 'các đơn vị sự nghiệp đóng trên địa bàn']],
    ['Trung tâm Phục vụ hành chính công; Các cơ quan chuyên môn', ['Trung tâm Phục vụ hành chính công', 'Các cơ quan chuyên môn']],
    ['Phòng Kinh tế, Phòng Văn hóa - Xã hội', ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội']],
    ['Phòng Kinh tế và Văn phòng HĐND-UBND', ['Phòng Kinh tế', 'Văn phòng HĐND-UBND']],
    ['- Phòng Kinh tế\n- Công an xã', ['Phòng Kinh tế', 'Công an xã']],
  ])('%s', (text, names) => {
    expect(splitUnitCell(text)).toEqual(names);
  });
});
