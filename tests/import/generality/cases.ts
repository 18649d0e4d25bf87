/**
 * The generality corpus of `cchc plan import`: appendices of communes other than Quang Sơn, laid out
 * the ways such tables really are (design.md, "Plan import"), with what a careful person following
 * design.md would transcribe from each. build-inputs.ts writes every case as .docx, .xlsx or text
 * copied out of Word; generality.test.ts imports it and compares.
 *
 * A criterion row holds the cells as they stand in the table and, apart, what a reviewer reads
 * from them (`expect`): the number (when the table leaves it out), the supporting units one by one,
 * the deadline as a date, the numeric targets. Title, requirement, deadline text and lead are taken
 * from the cells themselves, because design.md says they are kept verbatim (the lead is compared
 * through the written plan's `units`, by name or alias).
 */

export type Column = 'stt' | 'title' | 'requirement' | 'due' | 'lead' | 'support' | 'note';
export type Format = 'docx' | 'xlsx' | 'text';
export type Op = '>=' | '>' | '=' | '<=' | '<';

/** A cell of a vertically merged run other than its first: empty in the file, the first's text in meaning. */
export const ABOVE = Symbol('merged with the cell above');
export type CellText = string | typeof ABOVE;

/**
 * Marks where a page break cuts a cell in text copied out of Word: the part after it goes on a
 * continuation line with an empty STT cell, after the repeated header. Read as a space.
 */
export const CUT = '¦';

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface Target {
  op: Op;
  value: number;
  /** `%` target (measure kind ratio or percent) or a count. */
  percent: boolean;
}

export interface Expect {
  /** The criterion id, when it differs from the STT cell (a row the table left unnumbered). */
  id?: string;
  /** A lead cell naming two units: design.md makes it a group of those two (see compare-plan.ts). */
  leadMembers?: string[];
  support: string[];
  due: string | undefined;
  targets: Target[];
}

export interface CriterionCells {
  stt: string;
  title: string;
  requirement?: CellText;
  due?: CellText;
  lead?: CellText;
  support?: CellText;
  note?: CellText;
}

export type BodyRow =
  | { kind: 'area'; id: string; title: string; layout: 'split' | 'joined' }
  | { kind: 'heading'; id: string; title: string }
  | { kind: 'criterion'; cells: CriterionCells; expect: Expect; xlsxDate?: true }
  | { kind: 'page-break' };

/** Text outside the criteria table (a whole plan document), shared by the docx and text forms. */
export type Block =
  | { p: string; bold?: boolean; italic?: boolean; center?: boolean }
  /** A borderless layout table: the issuer / national motto block, the signature block. */
  | { layout: string[][] }
  /** docx: the appendix starts a landscape section. */
  | { section: 'landscape' };

export interface Case {
  name: string;
  /** What the case is for, shown as the describe title. */
  summary: string;
  formats: Format[];
  year: number;
  columns: Column[];
  header: HeaderCell[][];
  columnNumbers?: boolean;
  rows: BodyRow[];
  /** Paragraphs before and after the table (xlsx: the `p` blocks before become title rows). */
  before?: Block[];
  after?: Block[];
  /** Each inner list: the spellings of one unit as they occur in the table (they must become one unit). */
  units: string[][];
  text?: {
    bom?: boolean;
    crlf?: boolean;
    /** `grid`: a merged cell is padded with empty cells (as in the seed); `single`: it is one cell. */
    mergedCells: 'grid' | 'single';
  };
  /** docx converted from a PDF: the header rows repeated as ordinary rows at each page break. */
  docxRepeatedHeader?: boolean;
  /** xlsx: STT numbers typed as numbers (1, 2, 3), not text. */
  xlsxNumericStt?: boolean;
}

const nfd = (s: string) => s.normalize('NFD');
const pct = (op: Op, value: number): Target => ({ op, value, percent: true });
const count = (op: Op, value: number): Target => ({ op, value, percent: false });
const area = (id: string, title: string, layout: 'split' | 'joined' = 'split'): BodyRow => ({ kind: 'area', id, title, layout });
const heading = (id: string, title: string): BodyRow => ({ kind: 'heading', id, title });
const crit = (cells: CriterionCells, expect: Expect, extra: { xlsxDate?: true } = {}): BodyRow => ({ kind: 'criterion', cells, expect, ...extra });
const pageBreak: BodyRow = { kind: 'page-break' };

// Unit names, written once so that a variant is a deliberate choice.
const VP_XA = 'Văn phòng HĐND và UBND xã';
const VP_XA_DASH = 'Văn phòng HĐND-UBND xã';
const VHXH = 'Phòng Văn hóa - Xã hội';
const VHXH_OLD = 'Phòng Văn hoá - Xã hội';
const TT = 'Trung tâm Phục vụ hành chính công';
const KT = 'Phòng Kinh tế';
const CCM = 'Các cơ quan chuyên môn';

/**
 * Xã Tân Lập: columns in another order (units before deadline and requirement, a Ghi chú column
 * whose dates are not deadlines), a column-number row, flat numbering 1–12 across bold Roman areas,
 * unit spelling variants including NFD, a lead cell naming two units.
 */
const tanLap: Case = {
  name: 'tan-lap-2026',
  summary: 'xã Tân Lập: columns reordered, column numbers, flat numbering across Roman areas',
  formats: ['docx', 'text'],
  year: 2026,
  columns: ['stt', 'title', 'lead', 'support', 'due', 'requirement', 'note'],
  header: [[
    { text: 'STT' }, { text: 'Nội dung nhiệm vụ' }, { text: 'Cơ quan chủ trì' }, { text: 'Cơ quan phối hợp' },
    { text: 'Thời gian hoàn thành' }, { text: 'Chỉ tiêu/Yêu cầu' }, { text: 'Ghi chú' },
  ]],
  columnNumbers: true,
  before: [
    { p: 'PHỤ LỤC', bold: true, center: true },
    { p: 'NHIỆM VỤ TRỌNG TÂM NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH XÃ TÂN LẬP NĂM 2026', bold: true, center: true },
    { p: '(Kèm theo Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND xã Tân Lập)', italic: true, center: true },
  ],
  text: { mergedCells: 'grid' },
  units: [[VP_XA, VP_XA_DASH], [VHXH, VHXH_OLD], [TT, nfd(TT)], [KT], ['Công an xã'], [CCM]],
  rows: [
    area('I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'),
    crit(
      { stt: '1', title: 'Ban hành Kế hoạch cải cách hành chính năm 2026 của UBND xã', lead: VP_XA, support: CCM, due: 'Tháng 01/2026',
        requirement: 'Ban hành trong tháng 01/2026, bám sát Kế hoạch số 06/KH-UBND của UBND tỉnh', note: 'Theo Kế hoạch số 06/KH-UBND' },
      { support: [CCM], due: '2026-01-31', targets: [] },
    ),
    crit(
      { stt: '2', title: 'Tổ chức thực hiện các nhiệm vụ của Kế hoạch CCHC năm 2026', lead: CCM, support: VP_XA_DASH, due: '31/12/2026',
        requirement: 'Hoàn thành 100% nhiệm vụ được giao', note: 'Báo cáo kết quả trước ngày 15 hằng tháng' },
      { support: [VP_XA_DASH], due: '2026-12-31', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '3', title: 'Kiểm tra công tác cải cách hành chính đối với các cơ quan, đơn vị thuộc UBND xã', lead: VP_XA_DASH, support: VHXH,
        due: 'Quý IV năm 2026', requirement: 'Tổ chức ít nhất 02 cuộc kiểm tra; 100% vấn đề phát hiện qua kiểm tra được xử lý hoặc kiến nghị xử lý' },
      { support: [VHXH], due: '2026-12-31', targets: [count('>=', 2), pct('>=', 100)] },
    ),
    crit(
      { stt: '4', title: 'Thông tin, tuyên truyền về cải cách hành chính', lead: VHXH_OLD, support: VP_XA, due: 'Hằng quý',
        requirement: 'Đăng tải tối thiểu 12 tin, bài về CCHC trên Trang thông tin điện tử xã' },
      { support: [VP_XA], due: 'ongoing', targets: [count('>=', 12)] },
    ),
    area('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'),
    crit(
      { stt: '5', title: `Công khai đầy đủ, đúng quy định thủ tục hành chính thuộc thẩm${CUT}quyền giải quyết của UBND xã`, lead: TT, support: CCM,
        due: 'Thường xuyên', requirement: `Công khai 100% TTHC trên Cổng Dịch vụ công quốc gia và tại Trung${CUT}tâm Phục vụ hành chính công` },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '6', title: 'Giải quyết hồ sơ thủ tục hành chính đúng hạn', lead: nfd(TT), support: CCM, due: 'Thường xuyên',
        requirement: 'Tỷ lệ hồ sơ giải quyết đúng hạn tối thiểu 95%; 0 trường hợp phản ánh, kiến nghị về thái độ phục vụ của công chức' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 95), count('=', 0)] },
    ),
    crit(
      { stt: '7', title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', lead: TT, support: `${KT}, ${VHXH}`, due: 'Quý II/2026',
        requirement: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC không thấp hơn 60%' },
      { support: [KT, VHXH], due: '2026-06-30', targets: [pct('>=', 60)] },
    ),
    area('III', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ'),
    crit(
      { stt: '8', title: 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức', lead: VP_XA_DASH, support: 'Công an xã', due: 'Năm 2026',
        requirement: 'Không có cán bộ, công chức bị kỷ luật từ mức khiển trách trở lên' },
      { support: ['Công an xã'], due: '2026-12-31', targets: [count('=', 0)] },
    ),
    crit(
      { stt: '9', title: 'Đánh giá, xếp loại chất lượng cán bộ, công chức năm 2026', lead: VHXH, support: CCM, due: 'Tháng 12/2026',
        requirement: 'Thực hiện đánh giá, xếp loại đúng quy trình, thời gian theo quy định' },
      { support: [CCM], due: '2026-12-31', targets: [] },
    ),
    pageBreak,
    area('IV', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ'),
    crit(
      { stt: '10', title: 'Cung cấp dịch vụ công trực tuyến', lead: TT, support: VP_XA, due: '31/12/2026',
        requirement: 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%; tỷ lệ thanh toán trực tuyến từ 50% trở lên' },
      { support: [VP_XA], due: '2026-12-31', targets: [pct('>', 80), pct('>=', 50)] },
    ),
    crit(
      { stt: '11', title: 'Xử lý văn bản, hồ sơ công việc trên môi trường điện tử', lead: VP_XA, support: CCM, due: 'Hằng tháng',
        requirement: 'Tối thiểu 95% văn bản đi (trừ văn bản mật) được ký số, gửi nhận trên môi trường điện tử' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 95)] },
    ),
    crit(
      { stt: '12', title: 'Phát triển kinh tế số, thanh toán không dùng tiền mặt tại địa phương', lead: `${KT}, ${VHXH}`, support: 'Công an xã',
        due: 'Tháng 6/2026', requirement: 'Ít nhất 50% hộ kinh doanh trên địa bàn xã sử dụng thanh toán không dùng tiền mặt' },
      { leadMembers: [KT, VHXH], support: ['Công an xã'], due: '2026-06-30', targets: [pct('>=', 50)] },
    ),
  ],
};

const VP_P = 'Văn phòng HĐND và UBND phường';
const TT_P = 'Trung tâm Phục vụ hành chính công phường';
const KTHT = 'Phòng Kinh tế, Hạ tầng và Đô thị';
const LQ = 'Các cơ quan, đơn vị có liên quan';

/**
 * Phường Hòa Bình: a two-row header ("Phân công thực hiện" over "Chủ trì" / "Phối hợp"), 3-level
 * numbering with heading rows, lead and deadline cells merged down several rows, a row the table
 * left unnumbered, unit names with commas in them ("Phòng Kinh tế, Hạ tầng và Đô thị" is one
 * unit, as is "Các cơ quan, đơn vị có liên quan"), supporting units one per paragraph.
 */
const hoaBinh: Case = {
  name: 'hoa-binh-2026',
  summary: 'phường Hòa Bình: two-row header, 3-level numbering, merged lead and deadline cells',
  formats: ['docx', 'xlsx'],
  year: 2026,
  columns: ['stt', 'title', 'requirement', 'due', 'lead', 'support', 'note'],
  header: [
    [
      { text: 'STT', rowSpan: 2 }, { text: 'Lĩnh vực, tiêu chí', rowSpan: 2 }, { text: 'Chỉ tiêu năm 2026', rowSpan: 2 },
      { text: 'Thời hạn hoàn thành', rowSpan: 2 }, { text: 'Phân công thực hiện', colSpan: 2 }, { text: 'Ghi chú', rowSpan: 2 },
    ],
    [{ text: 'Chủ trì' }, { text: 'Phối hợp' }],
  ],
  before: [
    { p: 'PHỤ LỤC', bold: true, center: true },
    { p: 'KẾ HOẠCH NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH PHƯỜNG HÒA BÌNH NĂM 2026', bold: true, center: true },
    { p: '(Ban hành kèm theo Kế hoạch số 08/KH-UBND ngày 14/01/2026 của UBND phường Hòa Bình)', italic: true, center: true },
  ],
  units: [[VP_P], [TT_P], [VHXH], [KTHT], ['Công an phường'], ['Ủy ban MTTQ Việt Nam phường'], [LQ], [CCM]],
  rows: [
    area('I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'),
    heading('1.1', 'Kế hoạch cải cách hành chính'),
    crit(
      { stt: '1.1.1', title: 'Ban hành Kế hoạch CCHC năm 2026 của UBND phường', due: 'Quý I/2026', lead: VP_P, support: CCM,
        requirement: 'Ban hành kịp thời, phù hợp Kế hoạch số 25/KH-UBND ngày 10/01/2026 của UBND Thành phố' },
      { support: [CCM], due: '2026-03-31', targets: [] },
    ),
    crit(
      { stt: '1.1.2', title: 'Mức độ hoàn thành Kế hoạch CCHC năm 2026', due: 'Trong năm 2026', lead: ABOVE, support: CCM,
        requirement: 'Hoàn thành 100% nhiệm vụ đề ra trong Kế hoạch' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>=', 100)] },
    ),
    heading('1.2', 'Kiểm tra, tuyên truyền cải cách hành chính'),
    crit(
      { stt: '1.2.1', title: 'Kiểm tra công tác CCHC đối với các cơ quan chuyên môn và tổ dân phố', due: 'Quý III/2026', lead: VP_P, support: VHXH,
        requirement: 'Kiểm tra ít nhất 30% số cơ quan chuyên môn và tổ dân phố; 100% vấn đề phát hiện qua kiểm tra được xử lý' },
      { support: [VHXH], due: '2026-09-30', targets: [pct('>=', 30), pct('>=', 100)] },
    ),
    crit(
      { stt: '1.2.2', title: 'Tuyên truyền cải cách hành chính', due: 'Tháng 9/2026', lead: VHXH, support: `Ủy ban MTTQ Việt Nam phường\n${LQ}`,
        requirement: 'Tổ chức ít nhất 01 hội nghị đối thoại hoặc cuộc thi tìm hiểu về CCHC', note: 'Kết hợp với Ngày pháp luật 09/11' },
      { support: ['Ủy ban MTTQ Việt Nam phường', LQ], due: '2026-09-30', targets: [count('>=', 1)] },
    ),
    area('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'),
    heading('2.1', 'Kiểm soát thủ tục hành chính'),
    crit(
      { stt: '2.1.1', title: 'Công khai thủ tục hành chính thuộc thẩm quyền giải quyết của phường', due: 'Thường xuyên', lead: TT_P, support: CCM,
        requirement: '100% TTHC được công khai đầy đủ, đúng quy định' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '2.1.2', title: 'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính', due: 'Hằng quý', lead: ABOVE, support: VP_P,
        requirement: '100% phản ánh, kiến nghị được xử lý đúng thời hạn' },
      { support: [VP_P], due: 'ongoing', targets: [pct('>=', 100)] },
    ),
    // The table skipped this row's number; the reviewer infers 2.1.3 from its neighbours.
    crit(
      { stt: '', title: 'Rà soát, đề xuất đơn giản hóa thủ tục hành chính', due: 'Quý III/2026', lead: ABOVE, support: CCM,
        requirement: 'Đề xuất phương án đơn giản hóa ít nhất 02 TTHC' },
      { id: '2.1.3', support: [CCM], due: '2026-09-30', targets: [count('>=', 2)] },
    ),
    heading('2.2', 'Kết quả giải quyết thủ tục hành chính'),
    crit(
      { stt: '2.2.1', title: 'Giải quyết hồ sơ TTHC trước và đúng hạn', due: 'Trong năm 2026', lead: TT_P, support: CCM,
        requirement: 'Phấn đấu tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt từ 98% trở lên; tỷ lệ hồ sơ trễ hạn không quá 2%' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>=', 98), pct('<=', 2)] },
    ),
    crit(
      { stt: '2.2.2', title: 'Mức độ hài lòng của người dân, tổ chức', due: '31/12/2026', lead: TT_P, support: 'Công an phường',
        requirement: 'Mức độ hài lòng đạt trên 90,5%' },
      { support: ['Công an phường'], due: '2026-12-31', targets: [pct('>', 90.5)] },
    ),
    area('III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CHẾ ĐỘ CÔNG VỤ'),
    heading('3.1', 'Tổ chức bộ máy'),
    crit(
      { stt: '3.1.1', title: 'Kiện toàn chức năng, nhiệm vụ của các cơ quan chuyên môn thuộc UBND phường', due: 'Trước ngày 30/6/2026', lead: VHXH,
        support: VP_P, requirement: '100% cơ quan chuyên môn được quy định chức năng, nhiệm vụ, quyền hạn đúng quy định' },
      { support: [VP_P], due: '2026-06-30', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '3.1.2', title: 'Bố trí số lượng cấp phó của các cơ quan chuyên môn', due: 'Trong năm 2026', lead: VHXH, support: CCM,
        requirement: 'Bố trí đúng số lượng cấp phó theo Nghị định số 150/2025/NĐ-CP của Chính phủ' },
      { support: [CCM], due: '2026-12-31', targets: [] },
    ),
    heading('3.2', 'Chế độ công vụ'),
    crit(
      { stt: '3.2.1', title: 'Chấp hành kỷ luật, kỷ cương hành chính', due: 'Trong năm 2026', lead: VHXH, support: LQ,
        requirement: 'Không có cán bộ, công chức giữ chức vụ lãnh đạo, quản lý bị kỷ luật' },
      { support: [LQ], due: '2026-12-31', targets: [count('=', 0)] },
    ),
    crit(
      { stt: '3.2.2', title: 'Bồi dưỡng kiến thức, kỹ năng cho cán bộ, công chức', due: ABOVE, lead: VHXH, support: CCM,
        requirement: 'Tối thiểu 70% công chức được bồi dưỡng kiến thức, kỹ năng chuyên môn, nghiệp vụ' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>=', 70)] },
    ),
    area('IV', 'CẢI CÁCH TÀI CHÍNH CÔNG VÀ CHUYỂN ĐỔI SỐ'),
    heading('4.1', 'Tài chính công'),
    crit(
      { stt: '4.1.1', title: 'Giải ngân vốn đầu tư công', due: 'Quý IV/2026', lead: KTHT, support: `${VP_P}\n${LQ}`,
        requirement: 'Tỷ lệ giải ngân vốn đầu tư công đạt trên 95% kế hoạch vốn được giao' },
      { support: [VP_P, LQ], due: '2026-12-31', targets: [pct('>', 95)] },
    ),
    crit(
      { stt: '4.1.2', title: 'Quản lý, sử dụng tài sản công', due: 'Trong năm 2026', lead: KTHT, support: CCM,
        requirement: 'Không có sai phạm trong quản lý, sử dụng tài sản công được phát hiện qua thanh tra, kiểm tra' },
      { support: [CCM], due: '2026-12-31', targets: [count('=', 0)] },
    ),
    heading('4.2', 'Chuyển đổi số'),
    crit(
      { stt: '4.2.1', title: 'Cung cấp dịch vụ công trực tuyến', due: 'Hàng quý', lead: TT_P, support: 'Công an phường',
        requirement: '- Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%;\n- Tỷ lệ thanh toán trực tuyến từ 50% trở lên.' },
      { support: ['Công an phường'], due: 'ongoing', targets: [pct('>', 80), pct('>=', 50)] },
    ),
    crit(
      { stt: '4.2.2', title: 'Xử lý văn bản trên môi trường điện tử', due: 'Thường xuyên', lead: VP_P, support: CCM,
        requirement: 'Tỷ lệ văn bản đi được ký số ≥ 90%' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 90)] },
    ),
  ],
};

/**
 * Xã Đồng Tiến: the whole plan document (issuer and motto block, body with its own "I.", "II."
 * headings and a "đạt trên 85%" sentence, signature block, then the appendix in a landscape
 * section), a two-row header, 2-level numbering (1.1, 2.1 … under Roman areas, no heading rows),
 * deadline before requirement, unit spelling variants, a lead cell naming two units.
 */
const dongTien: Case = {
  name: 'dong-tien-2026',
  summary: 'xã Đồng Tiến: whole plan document, two-row header, 2-level numbering',
  formats: ['text', 'docx'],
  year: 2026,
  columns: ['stt', 'title', 'due', 'requirement', 'lead', 'support'],
  header: [
    [
      { text: 'STT', rowSpan: 2 }, { text: 'Nhiệm vụ, giải pháp', rowSpan: 2 }, { text: 'Thời gian thực hiện', rowSpan: 2 },
      { text: 'Yêu cầu cần đạt', rowSpan: 2 }, { text: 'Phân công thực hiện', colSpan: 2 },
    ],
    [{ text: 'Chủ trì' }, { text: 'Phối hợp' }],
  ],
  before: [
    { layout: [
      ['ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TIẾN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số: 15/KH-UBND', 'Đồng Tiến, ngày 16 tháng 01 năm 2026'],
    ] },
    { p: 'KẾ HOẠCH', bold: true, center: true },
    { p: 'Nâng cao Chỉ số cải cách hành chính xã Đồng Tiến năm 2026', bold: true, center: true },
    { p: 'Căn cứ Kế hoạch số 06/KH-UBND ngày 08/01/2026 của UBND tỉnh về nâng cao Chỉ số cải cách hành chính năm 2026; Ủy ban nhân dân xã Đồng Tiến ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính (Chỉ số CCHC) năm 2026 như sau:' },
    { p: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true },
    { p: '1. Mục đích', bold: true },
    { p: '- Phấn đấu năm 2026 Chỉ số CCHC của xã đạt trên 85%, xếp trong nhóm 30 xã, phường dẫn đầu của tỉnh.' },
    { p: '- Nâng cao trách nhiệm của người đứng đầu các cơ quan, đơn vị trong thực hiện nhiệm vụ cải cách hành chính.' },
    { p: '2. Yêu cầu', bold: true },
    { p: '- Các nhiệm vụ phải cụ thể, có thời hạn hoàn thành và phân công rõ cơ quan chủ trì, cơ quan phối hợp.' },
    { p: 'II. NHIỆM VỤ, GIẢI PHÁP', bold: true },
    { p: '1. Tập trung khắc phục các tiêu chí, tiêu chí thành phần bị đánh giá thấp trong năm 2025.' },
    { p: '2. Thực hiện các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.' },
    { p: 'III. TỔ CHỨC THỰC HIỆN', bold: true },
    { p: '1. Văn phòng HĐND và UBND xã: Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo kết quả trước ngày 10/12/2026.' },
    { p: '2. Các cơ quan chuyên môn thuộc UBND xã: Căn cứ nhiệm vụ được giao tại Phụ lục, chủ động triển khai thực hiện.' },
    { layout: [[
      'Nơi nhận:\n- UBND tỉnh;\n- Sở Nội vụ;\n- TT Đảng ủy, HĐND xã;\n- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn Hùng',
    ]] },
    { section: 'landscape' },
    { p: 'PHỤ LỤC', bold: true, center: true },
    { p: 'NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH XÃ ĐỒNG TIẾN NĂM 2026', bold: true, center: true },
    { p: '(Kèm theo Kế hoạch số 15/KH-UBND ngày 16/01/2026 của UBND xã Đồng Tiến)', italic: true, center: true },
  ],
  text: { mergedCells: 'grid' },
  units: [[VP_XA, VP_XA_DASH], [VHXH, VHXH_OLD, nfd(VHXH)], [TT, nfd(TT)], [KT], [CCM]],
  rows: [
    area('I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH'),
    crit(
      { stt: '1.1', title: 'Ban hành và tổ chức thực hiện Kế hoạch CCHC năm 2026', due: 'Trong năm 2026', lead: VP_XA, support: CCM,
        requirement: 'Hoàn thành 100% nhiệm vụ theo Kế hoạch số 06/KH-UBND ngày 08/01/2026 của UBND tỉnh' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '1.2', title: 'Báo cáo định kỳ công tác cải cách hành chính', due: 'Hằng quý', lead: VHXH, support: VP_XA_DASH,
        requirement: 'Báo cáo đầy đủ, đúng thời hạn (quý, 6 tháng, năm) về UBND tỉnh qua Sở Nội vụ' },
      { support: [VP_XA_DASH], due: 'ongoing', targets: [] },
    ),
    crit(
      { stt: '1.3', title: 'Thông tin, tuyên truyền về cải cách hành chính', due: 'Thường xuyên', lead: VHXH_OLD, support: VP_XA,
        requirement: 'Phát sóng ít nhất 04 chuyên mục về CCHC trên hệ thống truyền thanh xã' },
      { support: [VP_XA], due: 'ongoing', targets: [count('>=', 4)] },
    ),
    area('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'),
    crit(
      { stt: '2.1', title: `Công khai, cập nhật thủ tục hành chính thuộc thẩm quyền giải quyết${CUT}của UBND xã`, due: 'Thường xuyên', lead: TT,
        support: CCM, requirement: `Công khai 100% TTHC thuộc thẩm quyền tại Trung tâm Phục vụ${CUT}hành chính công và trên Trang thông tin điện tử xã` },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '2.2', title: 'Giải quyết hồ sơ thủ tục hành chính', due: '31/12/2026', lead: nfd(TT), support: CCM,
        requirement: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn trên 85%' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>', 85)] },
    ),
    crit(
      { stt: '2.3', title: 'Xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn', due: 'Thường xuyên', lead: TT, support: CCM,
        requirement: '100% hồ sơ quá hạn có văn bản xin lỗi gửi người dân, tổ chức' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 100)] },
    ),
    pageBreak,
    area('III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY, CHẾ ĐỘ CÔNG VỤ'),
    crit(
      { stt: '3.1', title: 'Thực hiện quy định về tuyển dụng, sử dụng công chức', due: 'Trong năm 2026', lead: VHXH, support: VP_XA_DASH,
        requirement: 'Thực hiện đúng quy định tại Luật Cán bộ, công chức năm 2025 và các văn bản hướng dẫn' },
      { support: [VP_XA_DASH], due: '2026-12-31', targets: [] },
    ),
    crit(
      { stt: '3.2', title: 'Chấp hành kỷ luật, kỷ cương hành chính', due: 'Trong năm 2026', lead: nfd(VHXH), support: CCM,
        requirement: 'Không có cán bộ, công chức, viên chức bị kỷ luật' },
      { support: [CCM], due: '2026-12-31', targets: [count('=', 0)] },
    ),
    area('IV', 'CẢI CÁCH TÀI CHÍNH CÔNG'),
    crit(
      { stt: '4.1', title: 'Giải ngân vốn đầu tư công và thực hiện dự toán thu ngân sách', due: 'Quý IV năm 2026', lead: KT, support: VP_XA,
        requirement: 'Giải ngân vốn đầu tư công đạt ít nhất 95% kế hoạch; thu ngân sách trên địa bàn đạt từ 100% dự toán trở lên' },
      { support: [VP_XA], due: '2026-12-31', targets: [pct('>=', 95), pct('>=', 100)] },
    ),
    crit(
      { stt: '4.2', title: 'Công khai ngân sách xã', due: 'Trước ngày 31/3/2026', lead: KT, support: VP_XA_DASH,
        requirement: 'Công khai dự toán, quyết toán ngân sách xã theo Thông tư số 343/2016/TT-BTC' },
      { support: [VP_XA_DASH], due: '2026-03-31', targets: [] },
    ),
    area('V', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ'),
    crit(
      { stt: '5.1', title: 'Cung cấp dịch vụ công trực tuyến toàn trình', due: 'Trong năm 2026', lead: TT, support: VP_XA,
        requirement: 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%; tỷ lệ thanh toán trực tuyến từ 50% trở lên' },
      { support: [VP_XA], due: '2026-12-31', targets: [pct('>', 80), pct('>=', 50)] },
    ),
    crit(
      { stt: '5.2', title: 'Ứng dụng công nghệ số trong phát triển kinh tế, văn hóa, xã hội', due: 'Quý II/2026', lead: `${KT}, ${VHXH}`, support: CCM,
        requirement: 'Ít nhất 50% hộ kinh doanh, cơ sở văn hóa, du lịch sử dụng thanh toán không dùng tiền mặt' },
      { leadMembers: [KT, VHXH], support: [CCM], due: '2026-06-30', targets: [pct('>=', 50)] },
    ),
    crit(
      { stt: '5.3', title: 'Xử lý văn bản điện tử và ký số', due: 'Hằng tháng', lead: VP_XA_DASH, support: CCM,
        requirement: 'Tỷ lệ văn bản đi được ký số, phát hành điện tử ≥ 90%' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 90)] },
    ),
  ],
};

/**
 * Xã Sơn Thủy, kept in Excel: title rows above the table, a column-number row, flat numbering typed
 * as numbers, areas as bold rows "I. …" merged across the sheet, a lead merged down three rows,
 * a deadline typed as a date (Excel made it a date cell), two supporting units on two lines of one cell.
 */
const sonThuy: Case = {
  name: 'son-thuy-2026',
  summary: 'xã Sơn Thủy: Excel plan, merged area rows, flat numbering, merged lead',
  formats: ['xlsx', 'docx'],
  year: 2026,
  columns: ['stt', 'title', 'requirement', 'lead', 'support', 'due', 'note'],
  header: [[
    { text: 'STT' }, { text: 'Nội dung/Nhiệm vụ, giải pháp' }, { text: 'Chỉ tiêu/Yêu cầu' }, { text: 'Cơ quan chủ trì' },
    { text: 'Cơ quan phối hợp' }, { text: 'Thời gian hoàn thành' }, { text: 'Ghi chú' },
  ]],
  columnNumbers: true,
  xlsxNumericStt: true,
  before: [
    { p: 'PHỤ LỤC: DANH MỤC NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC XÃ SƠN THỦY NĂM 2026', bold: true, center: true },
    { p: '(Kèm theo Kế hoạch số 21/KH-UBND ngày 22/01/2026 của UBND xã Sơn Thủy)', italic: true, center: true },
  ],
  units: [[VP_XA], [TT], [VHXH], [KT], [CCM]],
  rows: [
    area('I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'joined'),
    crit(
      { stt: '1', title: 'Ban hành và thực hiện Kế hoạch kiểm tra CCHC năm 2026', lead: VP_XA, support: VHXH, due: 'Năm 2026',
        requirement: 'Ban hành Kế hoạch trong tháng 02/2026; tổ chức kiểm tra ít nhất 02 cuộc' },
      { support: [VHXH], due: '2026-12-31', targets: [count('>=', 2)] },
    ),
    crit(
      { stt: '2', title: 'Thực hiện nhiệm vụ được UBND tỉnh giao', lead: VP_XA, support: CCM, due: 'Trong năm 2026',
        requirement: 'Hoàn thành 100% nhiệm vụ được giao đúng thời hạn' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>=', 100)] },
    ),
    area('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'joined'),
    crit(
      { stt: '3', title: 'Giải quyết hồ sơ TTHC đúng hạn', lead: TT, support: CCM, due: 'Thường xuyên',
        requirement: 'Tối thiểu 98% hồ sơ được giải quyết đúng hạn' },
      { support: [CCM], due: 'ongoing', targets: [pct('>=', 98)] },
    ),
    crit(
      { stt: '4', title: 'Số hóa hồ sơ, kết quả giải quyết TTHC', lead: ABOVE, support: KT, due: '6 tháng đầu năm',
        requirement: 'Tỷ lệ số hóa đạt từ 80% trở lên' },
      { support: [KT], due: '2026-06-30', targets: [pct('>=', 80)] },
    ),
    crit(
      { stt: '5', title: 'Thu phí, lệ phí trực tuyến', lead: ABOVE, support: CCM, due: '31/12/2026',
        requirement: 'Tỷ lệ thanh toán trực tuyến trên 70%' },
      { support: [CCM], due: '2026-12-31', targets: [pct('>', 70)] },
      { xlsxDate: true },
    ),
    crit(
      { stt: '6', title: 'Tiếp nhận, xử lý phản ánh, kiến nghị của người dân', lead: VP_XA, support: TT, due: 'Hằng tháng',
        requirement: '0 trường hợp phản ánh, kiến nghị quá hạn xử lý' },
      { support: [TT], due: 'ongoing', targets: [count('=', 0)] },
    ),
    area('III', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ VÀ TÀI CHÍNH CÔNG', 'joined'),
    crit(
      { stt: '7', title: 'Tuyển dụng, bố trí công chức theo vị trí việc làm', lead: VHXH, support: VP_XA, due: 'Trước ngày 30/6/2026',
        requirement: 'Thực hiện theo Đề án vị trí việc làm được phê duyệt' },
      { support: [VP_XA], due: '2026-06-30', targets: [] },
    ),
    crit(
      { stt: '8', title: 'Chấp hành kỷ luật, kỷ cương hành chính', lead: VHXH, support: CCM, due: 'Trong năm 2026',
        requirement: 'Không có cán bộ, công chức giữ chức vụ lãnh đạo bị xử lý kỷ luật' },
      { support: [CCM], due: '2026-12-31', targets: [count('=', 0)] },
    ),
    crit(
      { stt: '9', title: 'Giải ngân vốn đầu tư công', lead: KT, support: VP_XA, due: 'Quý IV/2026',
        requirement: 'Đạt không thấp hơn 95% kế hoạch vốn được giao', note: 'Theo Nghị quyết số 05/NQ-HĐND' },
      { support: [VP_XA], due: '2026-12-31', targets: [pct('>=', 95)] },
    ),
    area('IV', 'CHÍNH QUYỀN SỐ', 'joined'),
    crit(
      { stt: '10', title: 'Chỉ số hài lòng của người dân, tổ chức (SIPAS)', lead: TT, support: CCM, due: 'Tháng 11/2026',
        requirement: 'Đạt > 85 %' },
      { support: [CCM], due: '2026-11-30', targets: [pct('>', 85)] },
    ),
    crit(
      { stt: '11', title: 'Cập nhật thông tin trên Trang thông tin điện tử xã', lead: VHXH, support: `${VP_XA}\n${KT}`, due: 'Hằng quý',
        requirement: 'Đăng tải ít nhất 36 tin, bài trong năm' },
      { support: [VP_XA, KT], due: 'ongoing', targets: [count('>=', 36)] },
    ),
  ],
};

const VPTK = 'Công chức Văn phòng - Thống kê';
const CCVH = 'Công chức Văn hóa - Xã hội';
const CCVH_OLD = 'Công chức Văn hoá - Xã hội';
const BPMC = 'Bộ phận Tiếp nhận và Trả kết quả';
const TPHT = 'Công chức Tư pháp - Hộ tịch';
const DCXD = 'Công chức Địa chính - Xây dựng';
const TCKT = 'Công chức Tài chính - Kế toán';
const BNDT = 'Các ban, ngành, đoàn thể xã';

/**
 * Xã An Phú, 2025 (a commune before the 2025 reorganisation: units are commune civil servants, not
 * offices): text saved from Word on Windows (BOM, CRLF) where a merged area row is a single cell,
 * 3-level numbering with heading rows, areas written "I. …" in one merged cell, headers repeated
 * at page breaks (in the docx too, as a PDF converted to Word has them), a row cut by a page break.
 */
const anPhu: Case = {
  name: 'an-phu-2025',
  summary: 'xã An Phú 2025: text from Windows, 3-level numbering, areas in one cell, repeated headers',
  formats: ['text', 'docx'],
  year: 2025,
  columns: ['stt', 'title', 'due', 'requirement', 'lead', 'support'],
  header: [[
    { text: 'STT' }, { text: 'Nhiệm vụ, giải pháp' }, { text: 'Thời hạn' }, { text: 'Chỉ tiêu phấn đấu' },
    { text: 'Đơn vị chủ trì' }, { text: 'Đơn vị phối hợp' },
  ]],
  before: [
    { p: 'PHỤ LỤC', bold: true, center: true },
    { p: 'CÁC NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC XÃ AN PHÚ NĂM 2025', bold: true, center: true },
    { p: '(Kèm theo Kế hoạch số 09/KH-UBND ngày 20/02/2025 của UBND xã An Phú)', italic: true, center: true },
  ],
  text: { bom: true, crlf: true, mergedCells: 'single' },
  docxRepeatedHeader: true,
  units: [[VPTK], [CCVH, CCVH_OLD], [BPMC], [TPHT], [DCXD], [TCKT], ['Công an xã'], [BNDT]],
  rows: [
    area('I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 'joined'),
    heading('1.1', 'Kế hoạch và báo cáo CCHC'),
    crit(
      { stt: '1.1.1', title: 'Xây dựng Kế hoạch CCHC năm 2025', due: 'Trước ngày 15/3/2025', lead: VPTK, support: BNDT,
        requirement: 'Ban hành Kế hoạch CCHC năm 2025 của UBND xã' },
      { support: [BNDT], due: '2025-03-15', targets: [] },
    ),
    crit(
      { stt: '1.1.2', title: 'Báo cáo kết quả thực hiện nhiệm vụ CCHC', due: 'Hằng quý', lead: VPTK, support: CCVH,
        requirement: 'Gửi báo cáo đúng hạn về UBND huyện (trước ngày 15 của tháng cuối quý)' },
      { support: [CCVH], due: 'ongoing', targets: [] },
    ),
    heading('1.2', 'Tuyên truyền CCHC'),
    crit(
      { stt: '1.2.1', title: 'Tuyên truyền CCHC trên hệ thống truyền thanh xã', due: 'Hằng tháng', lead: CCVH_OLD, support: BNDT,
        requirement: 'Phát sóng ít nhất 24 tin, bài về CCHC' },
      { support: [BNDT], due: 'ongoing', targets: [count('>=', 24)] },
    ),
    area('II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'joined'),
    heading('2.1', 'Thực hiện cơ chế một cửa, một cửa liên thông'),
    crit(
      { stt: '2.1.1', title: 'Giải quyết hồ sơ TTHC tại Bộ phận Tiếp nhận và Trả kết quả', due: 'Trong năm 2025', lead: BPMC,
        support: `${TPHT}, ${DCXD}`, requirement: 'Tỷ lệ hồ sơ giải quyết đúng hạn ≥ 90%' },
      { support: [TPHT, DCXD], due: '2025-12-31', targets: [pct('>=', 90)] },
    ),
    crit(
      { stt: '2.1.2', title: `Khảo sát, đánh giá mức độ hài lòng của người dân, tổ chức đối với${CUT}sự phục vụ của cơ quan hành chính`,
        due: 'Quý IV năm 2025', lead: BPMC, support: CCVH, requirement: 'Mức độ hài lòng của người dân, tổ chức > 85 %' },
      { support: [CCVH], due: '2025-12-31', targets: [pct('>', 85)] },
    ),
    heading('2.2', 'Chuyển đổi số trong giải quyết TTHC'),
    crit(
      { stt: '2.2.1', title: 'Tiếp nhận hồ sơ trực tuyến', due: 'Năm 2025', lead: BPMC, support: VPTK,
        requirement: 'Tỷ lệ hồ sơ trực tuyến từ 80% trở lên; tỷ lệ thanh toán trực tuyến trên 50%' },
      { support: [VPTK], due: '2025-12-31', targets: [pct('>=', 80), pct('>', 50)] },
    ),
    crit(
      { stt: '2.2.2', title: 'Số hóa kết quả giải quyết TTHC', due: '6 tháng đầu năm', lead: TPHT, support: BPMC,
        requirement: 'Số hóa 100% kết quả giải quyết TTHC còn hiệu lực' },
      { support: [BPMC], due: '2025-06-30', targets: [pct('>=', 100)] },
    ),
    pageBreak,
    area('III', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', 'joined'),
    heading('3.1', 'Kỷ luật, kỷ cương hành chính'),
    crit(
      { stt: '3.1.1', title: 'Chấp hành kỷ luật, kỷ cương của cán bộ, công chức', due: 'Thường xuyên', lead: VPTK, support: BNDT,
        requirement: 'Không có cán bộ, công chức bị xử lý kỷ luật' },
      { support: [BNDT], due: 'ongoing', targets: [count('=', 0)] },
    ),
    crit(
      { stt: '3.1.2', title: 'Kiểm tra công vụ', due: 'Tháng 6/2025', lead: VPTK, support: 'Công an xã',
        requirement: 'Tổ chức ít nhất 02 cuộc kiểm tra công vụ' },
      { support: ['Công an xã'], due: '2025-06-30', targets: [count('>=', 2)] },
    ),
    area('IV', 'CẢI CÁCH TÀI CHÍNH CÔNG', 'joined'),
    heading('4.1', 'Quản lý ngân sách'),
    crit(
      { stt: '4.1.1', title: 'Thực hiện dự toán thu ngân sách', due: 'Quý IV/2025', lead: TCKT, support: BNDT,
        requirement: 'Thu ngân sách đạt ít nhất 100% dự toán được giao' },
      { support: [BNDT], due: '2025-12-31', targets: [pct('>=', 100)] },
    ),
    crit(
      { stt: '4.1.2', title: 'Xử lý nợ đọng xây dựng cơ bản', due: '31/12/2025', lead: TCKT, support: DCXD,
        requirement: 'Tỷ lệ nợ đọng xây dựng cơ bản dưới 5% tổng vốn đầu tư' },
      { support: [DCXD], due: '2025-12-31', targets: [pct('<', 5)] },
    ),
  ],
};

export const cases: Case[] = [tanLap, hoaBinh, dongTien, sonThuy, anPhu];

/** What a careful transcriber writes for one criterion (design.md, "Plan file"). */
export interface ExpectedCriterion {
  id: string;
  area: string;
  title: string;
  requirement?: string;
  dueText?: string;
  /** The lead cell as written; for a two-unit cell, `leadMembers` says which units. */
  lead: string;
  leadMembers?: string[];
  support: string[];
  due: string | undefined;
  targets: Target[];
}

/** The cell's text with a page-break cut read as the space it stands for. */
export const whole = (text: string) => text.replace(CUT, ' ');

export function expectedAreas(c: Case): { id: string; title: string }[] {
  return c.rows.flatMap((r) => (r.kind === 'area' ? [{ id: r.id, title: r.title }] : []));
}

export function expectedHeadings(c: Case): { id: string; title: string }[] {
  return c.rows.flatMap((r) => (r.kind === 'heading' ? [{ id: r.id, title: r.title }] : []));
}

export function expectedCriteria(c: Case): ExpectedCriterion[] {
  const out: ExpectedCriterion[] = [];
  const last: Partial<Record<Column, string>> = {};
  let areaId = '';
  for (const r of c.rows) {
    if (r.kind === 'area') areaId = r.id;
    if (r.kind !== 'criterion') continue;
    // A merged cell holds, for every row it spans, the text of its first row.
    const value = (col: Column): string | undefined => {
      const v = r.cells[col as keyof CriterionCells];
      if (v === ABOVE) return last[col];
      last[col] = v;
      return v === '' ? undefined : v;
    };
    const requirement = value('requirement');
    const dueText = value('due');
    const lead = value('lead');
    value('support');
    if (lead === undefined) throw new Error(`${c.name}: row ${r.cells.stt} has no lead`);
    out.push({
      id: r.expect.id ?? r.cells.stt,
      area: areaId,
      title: whole(r.cells.title),
      ...(requirement !== undefined && { requirement: whole(requirement) }),
      ...(dueText !== undefined && { dueText }),
      lead,
      ...(r.expect.leadMembers && { leadMembers: r.expect.leadMembers }),
      support: r.expect.support,
      due: r.expect.due,
      targets: r.expect.targets,
    });
  }
  return out;
}
