/**
 * Error messages shown in Excel's error indicator, each in Vietnamese and in English. A result
 * must not depend on the display language, so the core keeps both; the boundary (Excel, the
 * preview) shows the one of the display language. Arguments are named as that language's
 * metadata names them (vat_lieu in Vietnamese Excel, material in English).
 */
import type { LocalText } from "./cell";
import { DECLARATIONS } from "./declarations";

function show(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const VI_NAMES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  DECLARATIONS.map((fn) => [fn.id, new Map(fn.params.map((p) => [p.name, p.vi]))]),
);

/** A parameter's Vietnamese name, as functions.vi.json shows it. */
const vi = (fn: string, arg: string): string => VI_NAMES.get(fn)?.get(arg) ?? arg;

/** The message pair, each prefixed with the function's name. */
const say = (fn: string, viText: string, enText: string): LocalText => ({
  vi: `HT.${fn}: ${viText}`,
  en: `HT.${fn}: ${enText}`,
});

export const messages = {
  notANumber: (fn: string, arg: string, value: unknown) =>
    say(fn, `${vi(fn, arg)} = ${show(value)} không phải là số`, `${arg} = ${show(value)} is not a number`),
  notFinite: (fn: string, arg: string) =>
    say(fn, `${vi(fn, arg)} không phải là số hữu hạn`, `${arg} is not a finite number`),
  logical: (fn: string, arg: string, value: boolean) =>
    say(
      fn,
      `${vi(fn, arg)} = ${value ? "TRUE" : "FALSE"} là giá trị logic, cần một số`,
      `${arg} = ${value ? "TRUE" : "FALSE"} is a logical value, a number is needed`,
    ),
  notAValue: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} không đọc được`, `${arg} cannot be read`),
  notText: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} phải là chữ`, `${arg} must be text`),
  negative: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} không được âm`, `${arg} must not be negative`),
  rateNotFraction: (fn: string, arg: string) =>
    say(
      fn,
      `${vi(fn, arg)}: tỷ lệ là phân số: 5 % là 0,05 (hoặc 5%)`,
      `${arg}: rates are fractions: 5 % is 0.05 (or 5%)`,
    ),
  outsideUnit: (fn: string, arg: string) =>
    say(fn, `${vi(fn, arg)} phải nằm trong khoảng từ 0 đến 1`, `${arg} must lie between 0 and 1`),
  greaterThan: (fn: string, a: string, b: string) =>
    say(fn, `${vi(fn, a)} không được lớn hơn ${vi(fn, b)}`, `${a} must not exceed ${b}`),
  divisionByZero: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} bằng 0`, `${arg} is zero`),
  overflow: (fn: string) => say(fn, "kết quả quá lớn", "result is too large"),
  tooManyCells: (fn: string, rows: number, cols: number) =>
    say(
      fn,
      `kết quả quá lớn: ${rows} × ${cols} ô, tối đa 5.000.000 ô`,
      `result too large: ${rows} × ${cols} cells, at most 5,000,000`,
    ),
  shapes: (fn: string, parts: readonly (readonly [string, number, number])[]) =>
    say(
      fn,
      `không ghép được các vùng có kích thước này: ${parts.map(([a, r, c]) => `${vi(fn, a)} ${r}×${c}`).join(", ")}`,
      `ranges of these sizes cannot be combined: ${parts.map(([a, r, c]) => `${a} ${r}×${c}`).join(", ")}`,
    ),
  sameShape: (fn: string, a: string, aShape: string, b: string, bShape: string) =>
    say(
      fn,
      `${vi(fn, a)} (${aShape}) và ${vi(fn, b)} (${bShape}) phải cùng kích thước: cùng số dòng và cùng số cột`,
      `${a} (${aShape}) and ${b} (${bShape}) must have the same shape: the same rows and the same columns`,
    ),
  ragged: (fn: string, arg: string) =>
    say(fn, `${vi(fn, arg)} không phải vùng hình chữ nhật`, `${arg} is not a rectangular range`),
  singleValue: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} phải là một ô`, `${arg} must be a single value`),
  option: (fn: string, arg: string, value: unknown, allowed: readonly string[]) =>
    say(
      fn,
      `${vi(fn, arg)} = ${show(value)} không hợp lệ, dùng: ${allowed.join(", ")}`,
      `${arg} = ${show(value)} is not valid, use: ${allowed.join(", ")}`,
    ),
  noNumbers: (fn: string, arg: string) => say(fn, `${vi(fn, arg)} không có số nào`, `${arg} holds no number`),
  gradeTableShape: (fn: string) =>
    say(
      fn,
      `${vi(fn, "grade_table")} phải có 2 cột (phẩm cấp, hệ số)`,
      "grade_table needs 2 columns (grade, coefficient)",
    ),
  gradeTableEmpty: (fn: string) => say(fn, `${vi(fn, "grade_table")} trống`, "grade_table is empty"),
  gradeDuplicate: (fn: string, grade: string) =>
    say(fn, `phẩm cấp ${show(grade)} lặp lại trong bảng`, `grade ${show(grade)} appears twice in the table`),
  gradeCoefficient: (fn: string, grade: string) =>
    say(
      fn,
      `hệ số của phẩm cấp ${show(grade)} phải là số không âm`,
      `the coefficient of grade ${show(grade)} must be a number, not negative`,
    ),
  gradeLabel: (fn: string, coefficient: unknown) =>
    say(fn, `hệ số ${show(coefficient)} không có tên phẩm cấp`, `coefficient ${show(coefficient)} has no grade label`),
  unknownGrade: (fn: string, grade: string) =>
    say(fn, `không có phẩm cấp ${show(grade)} trong bảng`, `grade ${show(grade)} is not in the grade table`),
  blankGrade: (fn: string) => say(fn, "thiếu phẩm cấp", "the grade is blank"),
  tooLargeForWords: (fn: string, arg: string) =>
    say(
      fn,
      `${vi(fn, arg)} từ 10^15 trở lên không đọc thành chữ`,
      `${arg}: amounts from 10^15 up are not read in words`,
    ),
  tooLargeForMinorWords: (fn: string, arg: string) =>
    say(
      fn,
      `${vi(fn, arg)} từ 10^13 trở lên không đọc thành chữ kèm đơn vị lẻ`,
      `${arg}: amounts from 10^13 up are not read in words with a minor unit`,
    ),
} as const;
