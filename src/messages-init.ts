import type { MessageTable } from './message-table.js';

const q = (s: string | number | undefined) => `“${s ?? ''}”`;

/** Messages of `cchc init`. */
export const INIT_MESSAGES: MessageTable = {
  'init-missing-option': {
    vi: (a) => `Lệnh init cần ${a.option}. Ghi thêm, ví dụ: ${a.cchc ?? 'cchc'} init --unit ttphcc --period 2025-Q3 --as-of 14/09/2025${a.option === '--as-of' ? ' (ngày chốt số liệu: 14/3, 14/6, 14/9 hoặc 14/12)' : ''}.`,
    en: (a) => `cchc init needs ${a.option}. Add it, e.g. ${a.cchc ?? 'cchc'} init --unit ttphcc --period 2025-Q3 --as-of 2025-09-14${a.option === '--as-of' ? ' (data cut-offs: 14/3, 14/6, 14/9 or 14/12)' : ''}.`,
  },
  'init-exists': {
    vi: (a) => `Tệp ${q(a.file)} đã có; cchc không ghi đè. Chọn tên khác bằng -o, hoặc xóa tệp cũ nếu chắc chắn.`,
    en: (a) => `${q(a.file)} already exists; cchc never overwrites it. Choose another name with -o, or delete the old file if you are sure.`,
  },
  'init-group': {
    vi: (a) => (a.members
      ? `${q(a.id)} là nhóm ${q(a.name)}; mỗi đơn vị thành viên tự lập tệp báo cáo riêng: ${a.members}. Chạy lệnh cho từng đơn vị, ví dụ --unit ${a.example}.`
      : `${q(a.id)} (${a.name}) là nhóm không có thành viên: nhóm chỉ phối hợp, không báo cáo nên không có tệp mẫu. Ghi --unit là một đơn vị cụ thể.`),
    en: (a) => (a.members
      ? `${q(a.id)} is the group ${q(a.name)}; each member makes its own progress file: ${a.members}. Run the command for each unit, e.g. --unit ${a.example}.`
      : `${q(a.id)} (${a.name}) is a group without members: it only supports and reports nothing, so there is no template. Give a single unit with --unit.`),
  },
  'init-extension': {
    vi: (a) => `Tên tệp ${q(a.file)} cần có đuôi .yaml hoặc .xlsx (biểu mẫu Excel). Ví dụ: -o bao-cao/2025-Q3/ttphcc.yaml hoặc -o bao-cao/2025-Q3/ttphcc.xlsx.`,
    en: (a) => `${q(a.file)} needs the extension .yaml or .xlsx (an Excel form), e.g. -o progress/2025-Q3/ttphcc.yaml or -o progress/2025-Q3/ttphcc.xlsx.`,
  },
  'init-period': {
    vi: (a) => `Tên kỳ báo cáo ${q(a.value)} không dùng được làm tên thư mục. Ghi tên kỳ có chữ hoặc số, ví dụ --period 2025-Q3, hoặc chỉ ra tệp bằng -o.`,
    en: (a) => `The period ${q(a.value)} cannot be used as a folder name. Give a label with letters or digits, e.g. --period 2025-Q3, or name the file with -o.`,
  },
  'init-from-not-progress': {
    vi: (a) => `Tệp ${q(a.file)} không phải báo cáo tiến độ (dòng đầu cần "schema: cchc/progress@1"). Ghi --from là tệp báo cáo kỳ trước của đơn vị, ví dụ --from progress/2025-H1/ttphcc.yaml.`,
    en: (a) => `${q(a.file)} is not a progress report (it needs "schema: cchc/progress@1"). Give --from the unit's earlier report, e.g. --from progress/2025-H1/ttphcc.yaml.`,
  },
  'init-from-other-unit': {
    vi: (a) => `Tệp ${q(a.file)} là báo cáo của đơn vị ${q(a.unit)}, không phải của ${q(a.wanted)}. Chọn báo cáo kỳ trước của chính đơn vị ${a.wanted}, hoặc bỏ --unit để lập tệp cho ${a.unit}.`,
    en: (a) => `${q(a.file)} is the report of unit ${q(a.unit)}, not of ${q(a.wanted)}. Choose ${a.wanted}'s own earlier report, or drop --unit to make the file for ${a.unit}.`,
  },
  'init-from-other-plan': {
    vi: (a) => `Tệp ${q(a.file)} theo kế hoạch ${q(a.plan)}, không phải kế hoạch ${q(a.wanted)}. Chọn báo cáo kỳ trước của cùng kế hoạch, hoặc chỉ ra kế hoạch bằng --plan.`,
    en: (a) => `${q(a.file)} follows plan ${q(a.plan)}, not ${q(a.wanted)}. Choose an earlier report of the same plan, or name the plan with --plan.`,
  },
  'init-from-not-earlier': {
    vi: (a) => `Báo cáo ${q(a.file)} chốt số liệu ngày ${a.asOf}, không trước ngày chốt mới ${a.wanted}. Chọn báo cáo của kỳ trước, hoặc sửa --as-of.`,
    en: (a) => `${q(a.file)} has figures as of ${a.asOf}, not before the new cut-off ${a.wanted}. Choose an earlier period's report, or fix --as-of.`,
  },
  'init-created': {
    vi: (a) => `Đã tạo ${a.file}: ${a.total} tiêu chí cần báo cáo (${a.measured} ghi số liệu, ${a.tasks} nhiệm vụ).`,
    en: (a) => `Created ${a.file}: ${a.total} criteria to report (${a.measured} with figures, ${a.tasks} tasks).`,
  },
  'init-carried': {
    vi: (a) => `Số liệu được chép từ ${a.file} (đến ngày ${a.asOf}). Số liệu là lũy kế: cập nhật từng con số đến ngày ${a.wanted}.`,
    en: (a) => `Figures were copied from ${a.file} (as of ${a.asOf}). They are cumulative: update each one to ${a.wanted}.`,
  },
  'init-next-steps': {
    vi: (a) => [
      'Tiếp theo:',
      ...(a.form ? [
        '  1. Mở tệp bằng Excel; đọc trang "Hướng dẫn".',
        `  2. ${a.carried ? 'Cập nhật số liệu và trạng thái' : 'Điền số liệu vào các ô nền trắng của trang "Báo cáo"; với nhiệm vụ, chọn trạng thái trong danh sách'} rồi lưu tệp (.xlsx).`,
      ] : [
        '  1. Mở tệp bằng Notepad (hoặc VS Code) và đọc các dòng chú thích bắt đầu bằng #.',
        `  2. ${a.carried ? 'Cập nhật số liệu và trạng thái' : 'Điền số liệu vào chỗ trống sau dấu hai chấm; với nhiệm vụ, sửa status'} rồi lưu tệp (mã hóa UTF-8).`,
      ]),
      `  3. Kiểm tra tệp: ${a.command}`,
    ].join('\n'),
    en: (a) => [
      'Next:',
      ...(a.form ? [
        '  1. Open the file in Excel; read the "Hướng dẫn" (instructions) sheet.',
        `  2. ${a.carried ? 'Update the figures and statuses' : 'Fill in the white cells of the "Báo cáo" sheet; for tasks, choose the status from the list'}, then save the file (.xlsx).`,
      ] : [
        '  1. Open the file in Notepad (or VS Code) and read the comment lines starting with #.',
        `  2. ${a.carried ? 'Update the figures and statuses' : 'Fill in the blanks after the colons; for tasks, change status'}, then save the file (UTF-8).`,
      ]),
      `  3. Check the file: ${a.command}`,
    ].join('\n'),
  },
  'init-support-only': {
    vi: (a) => `Đã tạo ${a.file}: ${a.unit} ${a.supported ? `chỉ phối hợp (${a.supported}), không chủ trì` : 'không chủ trì, không phối hợp'} và không thuộc nhóm chủ trì tiêu chí nào, nên không có tiêu chí phải báo cáo; tệp để trống (criteria: {}) và hợp lệ.`,
    en: (a) => `Created ${a.file}: ${a.unit} ${a.supported ? `only supports (${a.supported}), leads no criterion` : 'leads and supports no criterion'} and belongs to no lead group, so it has nothing to report; the file is empty (criteria: {}) and valid.`,
  },
};
