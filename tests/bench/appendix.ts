// Writes a plan appendix of about 300 rows as a Word file, for the bench's `plan import` row:
//   node tests/bench/.build/appendix.js OUT.docx [ROWS]
// Ten areas (I–X), three headings each, criteria under them, with the cells of a real appendix:
// requirements with targets, deadline phrases of every kind, lead and support units in several
// spellings. Written with the docx package (a dev dependency), as a Word user's file would be.

import { writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

const REQUIREMENTS = [
  'Phấn đấu 100% hồ sơ tiếp nhận được giải quyết đúng hạn, không để hồ sơ tồn đọng kéo dài.',
  'Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 85%; tỷ lệ thanh toán trực tuyến từ 50% trở lên',
  'Thực hiện công tác tự kiểm tra, rà soát tình hình thi hành pháp luật tại địa phương theo Kế hoạch số 06/KH-UBND',
  'Tổ chức ít nhất 02 cuộc kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị',
  'Năm 2026 không có cán bộ, công chức giữ chức vụ lãnh đạo, quản lý bị kỷ luật',
  'Phân đầu tỷ lệ giải ngân vốn đầu tư công đạt tối thiểu 90% trở lên kế hoạch được giao',
];
const DEADLINES = ['Trong năm 2026', 'Thường xuyên', 'Quý II/2026', 'Tháng 6/2026', '6 tháng đầu năm', 'Trước ngày 30/9/2026', 'Trong ngày 31/12/2026', 'Hằng quý'];
const LEADS = ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Văn phòng HĐND-UBND xã', 'Trung tâm Phục vụ hành chính công', 'Phòng VH-XH', 'Các cơ quan chuyên môn'];
const SUPPORTS = ['Các cơ quan chuyên môn', 'Các bộ phận có liên quan', 'Phòng Kinh tế; Công an xã', ''];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const text = (t: string, bold = false) => new Paragraph({ children: [new TextRun({ text: t, bold })] });
const cell = (t: string, bold = false, columnSpan?: number) => new TableCell({ children: [text(t, bold)], ...(columnSpan ? { columnSpan } : {}) });

async function main(out: string, rows: number): Promise<void> {
  const perHeading = Math.max(1, Math.round(rows / 30) - 1);
  const header = [
    new TableRow({ tableHeader: true, children: [
      new TableCell({ children: [text('STT')], verticalMerge: VerticalMergeType.RESTART }),
      new TableCell({ children: [text('Lĩnh vực, tiêu chí')], verticalMerge: VerticalMergeType.RESTART }),
      new TableCell({ children: [text('Yêu cầu năm 2026')], verticalMerge: VerticalMergeType.RESTART }),
      new TableCell({ children: [text('Thời gian hoàn thành')], verticalMerge: VerticalMergeType.RESTART }),
      new TableCell({ children: [text('Phân công nhiệm vụ')], columnSpan: 2 }),
    ] }),
    new TableRow({ tableHeader: true, children: [
      new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }),
      new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }),
      new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }),
      new TableCell({ children: [], verticalMerge: VerticalMergeType.CONTINUE }),
      cell('Cơ quan chủ trì'),
      cell('Cơ quan phối hợp'),
    ] }),
  ];
  const body: TableRow[] = [];
  let k = 0;
  for (let a = 0; a < 10; a++) {
    body.push(new TableRow({ children: [cell(ROMAN[a]!, true), cell(`LĨNH VỰC CẢI CÁCH HÀNH CHÍNH THỨ ${a + 1}`, true, 5)] }));
    for (let h = 1; h <= 3; h++) {
      body.push(new TableRow({ children: [cell(`${a + 1}.${h}`, true), cell(`Nhóm nhiệm vụ ${a + 1}.${h} về nâng cao chất lượng phục vụ người dân, doanh nghiệp`, true, 5)] }));
      for (let c = 1; c <= perHeading; c++, k++) {
        body.push(new TableRow({ children: [
          cell(`${a + 1}.${h}.${c}`),
          cell(`Thực hiện nhiệm vụ số ${c} về cải cách thủ tục hành chính, chuyển đổi số và nâng cao chỉ số hài lòng`),
          cell(REQUIREMENTS[k % REQUIREMENTS.length]!),
          cell(DEADLINES[k % DEADLINES.length]!),
          cell(LEADS[k % LEADS.length]!),
          cell(SUPPORTS[k % SUPPORTS.length]!),
        ] }));
      }
    }
  }
  const doc = new Document({ sections: [{ children: [
    text('PHỤ LỤC', true),
    text('PHÂN CÔNG THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH XÃ TÂN LẬP NĂM 2026', true),
    new Table({ rows: [...header, ...body] }),
  ] }] });
  writeFileSync(out, await Packer.toBuffer(doc));
  process.stdout.write(`${header.length + body.length}\n`);
}

void main(process.argv[2]!, Number(process.argv[3] ?? 300));
