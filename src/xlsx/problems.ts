/** Why a file cannot be opened, and what opening it left out, in both languages. */
import type { Text } from "../i18n/lang";

const UNCHANGED = { vi: " Sổ tính đang mở không thay đổi.", en: " The open workbook was not changed." };
const refused = (vi: string, en: string): Text => ({ vi: vi + UNCHANGED.vi, en: en + UNCHANGED.en });

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const PROBLEMS = {
  tooLarge: refused("Tệp lớn hơn 50 MB, không mở được.", "The file is larger than 50 MB and cannot be opened."),
  notXlsx: refused("Đây không phải là tệp Excel .xlsx.", "This is not an Excel .xlsx file."),
  damaged: refused(
    "Tệp .xlsx bị hỏng (không đọc được nội dung nén).",
    "The .xlsx file is damaged (its compressed content cannot be read).",
  ),
  macro: refused(
    "Tệp có macro (.xlsm) không được mở ở đây; hãy lưu lại thành .xlsx trong Excel.",
    "Files with macros (.xlsm) are not opened here; save it as .xlsx in Excel first.",
  ),
  oldFormat: refused(
    "Tệp Excel 97–2003 (.xls) hoặc tệp nhị phân (.xlsb) không mở được; hãy lưu lại thành .xlsx.",
    "Excel 97–2003 (.xls) and binary (.xlsb) workbooks cannot be opened; save it as .xlsx first.",
  ),
  encrypted: refused(
    "Tệp được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu trong Excel rồi mở lại.",
    "The file is password-protected; remove the password in Excel and open it again.",
  ),
  external: refused(
    "Tệp có công thức tham chiếu tới sổ tính khác; ở đây không mở được liên kết ngoài.",
    "The file has formulas that refer to other workbooks; external links cannot be opened here.",
  ),
} satisfies Record<string, Text>;

/** A sheet over Excel's limits: the sheet, and which limit. */
export function beyondLimits(sheet: string, what: { vi: string; en: string }): Text {
  return refused(
    `Trang tính "${sheet}" vượt giới hạn của Excel (${what.vi}).`,
    `The sheet "${sheet}" is beyond Excel's limits (${what.en}).`,
  );
}

/** What a saved copy of an opened file will not have, one line each. */
export const DROPPED = {
  charts: { vi: "biểu đồ", en: "charts" },
  pictures: { vi: "hình ảnh và hình vẽ", en: "pictures and shapes" },
  pivots: { vi: "bảng tổng hợp (PivotTable)", en: "PivotTables" },
  tables: { vi: "định dạng bảng (Excel Table)", en: "Excel table formatting" },
  comments: { vi: "ghi chú và bình luận", en: "notes and comments" },
  customXml: { vi: "dữ liệu XML riêng của tệp", en: "custom XML parts" },
  slicers: { vi: "bộ lọc slicer và timeline", en: "slicers and timelines" },
  chartSheets: { vi: "trang biểu đồ", en: "chart sheets" },
  conditional: { vi: "định dạng có điều kiện", en: "conditional formatting" },
  hyperlinks: { vi: "siêu liên kết (giữ chữ)", en: "hyperlinks (their text is kept)" },
  richText: { vi: "định dạng trong từng phần chữ của ô", en: "formatting within a cell's text" },
  themeColours: { vi: "màu theo chủ đề (theme)", en: "theme colours" },
  autoFilter: { vi: "bộ lọc tự động", en: "auto filters" },
  protection: { vi: "bảo vệ trang tính", en: "sheet protection" },
  validation: { vi: "kiểm tra dữ liệu không phải danh sách", en: "data validation other than lists" },
  printParts: { vi: "vùng in nhiều phần, cột in lặp lại", en: "print areas in several parts, repeated print columns" },
  names: { vi: "tên đã đặt mà bản xem thử không giữ được", en: "defined names the preview cannot hold" },
  formulas: {
    vi: "công thức bản xem thử không tính được (hiện lỗi)",
    en: "formulas the preview cannot compute (shown as errors)",
  },
} satisfies Record<string, Text>;

export type Dropped = keyof typeof DROPPED;
