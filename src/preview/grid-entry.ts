/**
 * What a person types into a grid cell (or the formula bar), read in the workbook's convention
 * with the pane's own number reader, and a cell's content shown back the same way. In a
 * Vietnamese workbook `1.850` is 1850, `2100,5` is 2100.5, `15/12/1966` a date, `5,5%` 0.055 and
 * `=1,5*2` 3; in an English one the reverse. Text that looks like a number but is not one in the
 * convention (`1.5` or `1,50,0` in Vietnamese) is refused with the pane's example, never stored
 * as another number; other text is stored as text, behind the quote prefix, so the engine never
 * reads it as a number of its own convention (`1e5`, `1.5`).
 */
import type { RawCellContent } from "hyperformula";
import type { Text } from "../i18n/lang";
import { formatNumber, notANumber, parseNumber, type NumberConvention } from "../i18n/numbers";
import type { Format } from "../templates/model";
import { excelSerial, isIsoDate } from "../templates/values";
import { engineFormula, localFormula } from "./formula-language";

export type Entry =
  /** `format`: the number format the typed form implies (a date, a percentage), for a cell that has none. */
  | { readonly ok: true; readonly content: RawCellContent; readonly format?: Format }
  | { readonly ok: false; readonly message: Text };

const SPACE = "\\s\\u00a0\\u2007\\u2009\\u202f";
/** Only signs, digits, separators and spaces, with a digit, and perhaps a % or đồng after. */
const NUMBER_LIKE = new RegExp(
  `^[${SPACE}+\\-\\u2212]*[\\d.,${SPACE}]*\\d[\\d.,${SPACE}]*(?:[%${SPACE}]+|đ|₫|vn[dđ]|đồng)?$`,
  "i",
);
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date typed dd/mm/yyyy (as Vietnamese documents write it) or yyyy-mm-dd, as ISO; else undefined. */
export function typedDate(text: string): string | undefined {
  const m = DMY.exec(text);
  const iso = m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : text;
  return isIsoDate(iso) && iso >= "1900-03-01" ? iso : undefined;
}

export function formulaRefused(convention: NumberConvention): Text {
  const example = `=ROUND(A1*1${convention.decimal}5${convention.decimal === "," ? ";" : ","}0)`;
  return {
    vi: `Không đọc được công thức: số trong công thức không có dấu phân cách hàng nghìn. Viết ví dụ ${example}.`,
    en: `Cannot read the formula: numbers in a formula take no digit groups. Write it like ${example}.`,
  };
}

export function readEntry(typed: string, convention: NumberConvention): Entry {
  if (typed === "") return { ok: true, content: null };
  // A leading apostrophe makes the rest text, as in Excel.
  if (typed.startsWith("'")) return { ok: true, content: typed };
  if (typed.startsWith("=")) {
    const formula = engineFormula(typed, convention);
    return formula === undefined ? { ok: false, message: formulaRefused(convention) } : { ok: true, content: formula };
  }
  const text = typed.trim();
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { ok: true, content: upper === "TRUE" };
  const date = typedDate(text);
  if (date) return { ok: true, content: excelSerial(date), format: "date" };
  const percent = /%$/.test(text);
  const parsed = parseNumber(text, convention, { percent });
  if (parsed.ok) return { ok: true, content: parsed.value, ...(percent ? { format: "percent" as const } : {}) };
  if (NUMBER_LIKE.test(text)) return { ok: false, message: notANumber(convention, { percent }) };
  return { ok: true, content: `'${typed}` };
}

/** A date serial as dd/mm/yyyy. */
function serialDate(serial: number): string {
  const date = new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000);
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/**
 * What the formula bar shows for a cell's content: numbers without digit groups in the convention
 * (a percentage as 5,5%, a date as dd/mm/yyyy, as Excel's formula bar does), formulas in the
 * convention's syntax, text without its quote unless the quote keeps it text. Typed back
 * unchanged, it reads as the same content.
 */
export function shownContent(serialized: unknown, format: Format | undefined, convention: NumberConvention): string {
  if (serialized === null || serialized === undefined) return "";
  if (typeof serialized === "number") {
    if (format === "date" && serialized >= 61 && Number.isInteger(serialized)) return serialDate(serialized);
    if (format === "percent" || format === "wholePercent")
      return `${formatNumber(serialized, convention, { grouping: false, percent: true })}%`;
    return formatNumber(serialized, convention, { grouping: false });
  }
  if (typeof serialized === "boolean") return serialized ? "TRUE" : "FALSE";
  const text = String(serialized);
  if (text.startsWith("=")) return localFormula(text, convention);
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    const again = readEntry(rest, convention);
    return again.ok && again.content === text ? rest : text;
  }
  return text;
}
