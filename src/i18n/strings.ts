/** The task pane's words in Vietnamese and English. English is typed from Vietnamese, so a
 *  key missing from either does not compile; a test checks the same at run time. */
import type { Lang } from "../templates/model";

const VI = {
  appName: "Hạch Toán",
  tagline: "Hạch toán kinh tế trên Excel",
  language: "Ngôn ngữ",
  chooseTemplate: "Chọn mẫu",
  newFromTemplate: "Lập mới",
  filledHere: "Các mẫu đã lập trong sổ này",
  noneFilled: "Chưa có mẫu nào trong sổ này.",
  edit: "Sửa",
  freeze: "Lưu thành giá trị",
  freezeHint: "Tạo bản sao chỉ có giá trị (không công thức) để gửi cho người không có Hạch Toán.",
  back: "Quay lại",
  write: "Ghi vào sổ",
  update: "Cập nhật trang tính",
  addRow: "Thêm dòng",
  removeRow: "Xoá dòng",
  rowNumber: "Dòng",
  placement: "Đặt mẫu vào",
  newSheet: "Trang tính mới",
  atSelection: "Ô đang chọn (vùng phải trống)",
  loading: "Đang đọc sổ…",
  writing: "Đang ghi…",
  written: "Đã ghi vào trang “{sheet}” ({address}).",
  updated: "Đã cập nhật trang “{sheet}”.",
  frozen: "Đã tạo bản sao giá trị “{sheet}”.",
  fixErrors: "Có {count} chỗ cần sửa; chưa ghi gì vào sổ.",
  notEmpty: "Vùng {address} không trống. Không ghi đè: chưa thay đổi gì.",
  askNewSheet: "Đặt mẫu vào trang tính mới?",
  sheetHasTemplate: "Trang tính này đã có một mẫu. Hãy chọn trang tính mới.",
  sheetMissing: "Trang tính của mẫu này không còn trong sổ.",
  failed: "Không ghi được: {message}",
  notInExcel: "Hãy mở Hạch Toán trong Excel (hoặc trang xem thử) để ghi mẫu vào sổ.",
  autoOpenFailed: "Không bật được tự mở ngăn tác vụ: {message}",
  required: "bắt buộc",
  cancel: "Huỷ",
  unreadable: "Không đọc được",
  percentHint: "Nhập 5, 5% hoặc 5 % cho 5 % (ghi vào sổ là {fraction} với định dạng %).",
  percentColumns: "Cột {columns}: nhập 5 cho 5 % (ghi vào sổ là {fraction}).",
  pasteHint: "Dán các dòng chép từ Excel vào một ô bất kỳ: bảng được điền từ ô đó sang phải và xuống dưới.",
  fromSelection: "Lấy dòng từ vùng đang chọn",
  readFailed: "Không đọc được vùng đang chọn: {message}",
  selectionEmpty: "Vùng đang chọn trong sổ không có giá trị nào.",
  pasted: "Đã điền {rows} dòng.",
  pastedIssues: "{count} ô chưa đúng đã được đánh dấu; sửa xong mới ghi được.",
  pastedCut: "Bảng chỉ nhận tối đa {max} dòng: {left} dòng không được điền.",
  pastedCutColumns: "Phần thừa bên phải ({columns} cột) không được điền.",
  moveHint: "Alt+↑ / Alt+↓ chuyển dòng lên hoặc xuống.",
} as const;

export type StringKey = keyof typeof VI;

const EN: Record<StringKey, string> = {
  appName: "Hạch Toán",
  tagline: "Economic accounting in Excel",
  language: "Language",
  chooseTemplate: "Choose a template",
  newFromTemplate: "New",
  filledHere: "Templates filled in this workbook",
  noneFilled: "No template has been filled in this workbook yet.",
  edit: "Edit",
  freeze: "Freeze as values",
  freezeHint: "Make a copy with values instead of formulas, for a recipient without Hạch Toán.",
  back: "Back",
  write: "Write to workbook",
  update: "Update sheet",
  addRow: "Add row",
  removeRow: "Remove row",
  rowNumber: "Row",
  placement: "Put the template on",
  newSheet: "A new sheet",
  atSelection: "The selected cell (the area must be empty)",
  loading: "Reading the workbook…",
  writing: "Writing…",
  written: "Written to sheet “{sheet}” ({address}).",
  updated: "Sheet “{sheet}” updated.",
  frozen: "Made the values copy “{sheet}”.",
  fixErrors: "{count} thing(s) to fix; nothing was written.",
  notEmpty: "The range {address} is not empty. Nothing was overwritten or changed.",
  askNewSheet: "Put the template on a new sheet?",
  sheetHasTemplate: "This sheet already holds a template. Choose a new sheet.",
  sheetMissing: "The sheet of this template is no longer in the workbook.",
  failed: "Could not write: {message}",
  notInExcel: "Open Hạch Toán in Excel (or the preview) to write templates into a workbook.",
  autoOpenFailed: "Could not make the pane open with this workbook: {message}",
  required: "required",
  cancel: "Cancel",
  unreadable: "Unreadable",
  percentHint: "Type 5, 5% or 5 % for 5 % (written to the workbook as {fraction} with a % format).",
  percentColumns: "Column {columns}: type 5 for 5 % (written as {fraction}).",
  pasteHint: "Paste rows copied from Excel into any cell: the table fills from that cell right and down.",
  fromSelection: "Take rows from the selected range",
  readFailed: "Could not read the selected range: {message}",
  selectionEmpty: "The selected range in the workbook holds no values.",
  pasted: "Filled {rows} row(s).",
  pastedIssues: "{count} cell(s) with a problem are marked; fix them to write.",
  pastedCut: "The table takes at most {max} rows: {left} row(s) were not filled.",
  pastedCutColumns: "What was beyond the last column ({columns} column(s)) was not filled.",
  moveHint: "Alt+↑ / Alt+↓ moves a row up or down.",
};

export const STRINGS: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { vi: VI, en: EN };

/** A string with {name} placeholders filled. */
export function say(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The UI language for an Office display language such as "vi-VN": Vietnamese or English. */
export function languageOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("vi") ? "vi" : "en";
}
