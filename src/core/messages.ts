/**
 * Error messages shown in Excel's error indicator. A function's result must not depend on the
 * display language, so each message carries Vietnamese and English in one fixed string.
 */

function show(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export const messages = {
  notANumber: (fn: string, arg: string, value: unknown) =>
    `HT.${fn}: ${arg} = ${show(value)} không phải là số / is not a number`,
  notFinite: (fn: string, arg: string) => `HT.${fn}: ${arg} không hữu hạn / is not a finite number`,
  logical: (fn: string, arg: string, value: boolean) =>
    `HT.${fn}: ${arg} = ${value ? "TRUE" : "FALSE"} là giá trị logic, cần một số / is a logical value, a number is needed`,
  notAValue: (fn: string, arg: string) => `HT.${fn}: ${arg} không đọc được / cannot be read`,
  negative: (fn: string, arg: string) => `HT.${fn}: ${arg} không được âm / must not be negative`,
  rateBelowMinusOne: (fn: string, arg: string) => `HT.${fn}: ${arg} phải ≥ -1 (-100 %) / must be at least -1 (-100 %)`,
  outsideUnit: (fn: string, arg: string) => `HT.${fn}: ${arg} phải nằm trong [0, 1] / must lie between 0 and 1`,
  greaterThan: (fn: string, a: string, b: string) => `HT.${fn}: ${a} không được lớn hơn ${b} / must not exceed ${b}`,
  divisionByZero: (fn: string, arg: string) => `HT.${fn}: ${arg} bằng 0 / is zero`,
  overflow: (fn: string) => `HT.${fn}: kết quả quá lớn / result is too large`,
  shapes: (fn: string, parts: string) =>
    `HT.${fn}: kích thước vùng không khớp / ranges of these sizes cannot be combined: ${parts}`,
  ragged: (fn: string, arg: string) => `HT.${fn}: ${arg} không phải vùng hình chữ nhật / is not a rectangular range`,
  singleValue: (fn: string, arg: string) => `HT.${fn}: ${arg} phải là một ô / must be a single value`,
  option: (fn: string, arg: string, value: unknown, allowed: readonly string[]) =>
    `HT.${fn}: ${arg} = ${show(value)} không hợp lệ, dùng / is not valid, use: ${allowed.join(", ")}`,
  noNumbers: (fn: string, arg: string) => `HT.${fn}: ${arg} không có số nào / holds no number`,
  gradeTableShape: (fn: string) =>
    `HT.${fn}: bảng phẩm cấp phải có 2 cột (phẩm cấp, hệ số) / the grade table needs 2 columns (grade, coefficient)`,
  gradeTableEmpty: (fn: string) => `HT.${fn}: bảng phẩm cấp trống / the grade table is empty`,
  gradeDuplicate: (fn: string, grade: string) =>
    `HT.${fn}: phẩm cấp ${show(grade)} lặp lại trong bảng / grade appears twice in the table`,
  gradeCoefficient: (fn: string, grade: string) =>
    `HT.${fn}: hệ số của phẩm cấp ${show(grade)} phải là số không âm / the coefficient must be a number, not negative`,
  gradeLabel: (fn: string, coefficient: unknown) =>
    `HT.${fn}: hệ số ${show(coefficient)} không có tên phẩm cấp / has no grade label`,
  unknownGrade: (fn: string, grade: string) =>
    `HT.${fn}: không có phẩm cấp ${show(grade)} trong bảng / grade is not in the grade table`,
  blankGrade: (fn: string) => `HT.${fn}: thiếu phẩm cấp / the grade is blank`,
  tooLargeForWords: (fn: string, arg: string) =>
    `HT.${fn}: ${arg} từ 10^15 trở lên không đọc thành chữ / amounts from 10^15 up are not read in words`,
  notText: (fn: string, arg: string) => `HT.${fn}: ${arg} phải là chữ / must be text`,
} as const;
