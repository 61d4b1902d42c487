/** Field values: how a form's text becomes a value, and how a value reads in a sheet's text. */
import type { Field, Value } from "./model";
import type { Lang } from "../i18n/lang";
import { formatNumber, parseNumber, type NumberConvention } from "../i18n/numbers";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-GB" };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** How a date is typed and shown in the pane's language: Vietnamese documents write day/month/year. */
const DATE_ORDER: Record<Lang, "dmy" | "mdy"> = { vi: "dmy", en: "mdy" };
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The form a date is typed in, for placeholders and messages: dd/mm/yyyy in vi. */
export function datePattern(lang: Lang): string {
  return DATE_ORDER[lang] === "dmy" ? "dd/mm/yyyy" : "mm/dd/yyyy";
}

/** A date typed in the language's order (or yyyy-mm-dd) as ISO; undefined when it is no real date. */
export function readDate(text: string, lang: Lang): string | undefined {
  const t = text.trim();
  const m = SLASHED.exec(t);
  if (!m) return isIsoDate(t) ? t : undefined;
  const [day, month] = DATE_ORDER[lang] === "dmy" ? [m[1], m[2]] : [m[2], m[1]];
  const iso = `${m[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** An ISO date as the language writes it (15/12/1966 in vi). */
export function showDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-");
  return DATE_ORDER[lang] === "dmy" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/** The first day Excel's 1900 date system can hold (serial 1); earlier dates are refused. */
export const FIRST_EXCEL_DATE = "1900-01-01";

/**
 * Excel's serial number of an ISO date from 1900-01-01 (1900 date system). Excel counts the
 * fictitious 1900-02-29 (serial 60, kept from Lotus 1-2-3), so 1900-01-01 is 1, 1900-02-28 is 59,
 * 1900-03-01 is 61, and every later date is days since 1899-12-30. Dates before 1900 have no
 * serial: validation refuses them, and this throws rather than write a wrong number.
 */
export function excelSerial(iso: string): number {
  if (iso < FIRST_EXCEL_DATE) throw new RangeError(`${iso} is before Excel's first date ${FIRST_EXCEL_DATE}`);
  const [y, m, d] = iso.split("-").map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  // Before 1900-03-01 Excel has no phantom leap day yet, so its serial is one less.
  return iso < "1900-03-01" ? days - 1 : days;
}

/** A value as a person reads it in the sheet's language. */
export function formatValue(field: Field, value: Value, lang: Lang): string {
  if (value === null || value === "") return "";
  switch (field.type) {
    case "number": {
      if (typeof value !== "number") return String(value);
      const shown = field.percent ? value * 100 : value;
      const text = new Intl.NumberFormat(LOCALE[lang], {
        maximumFractionDigits: 6,
        useGrouping: !field.integer,
      }).format(shown);
      return field.percent ? `${text} %` : text;
    }
    case "date": {
      const m = typeof value === "string" ? ISO_DATE.exec(value) : null;
      return m ? `${m[3]}/${m[2]}/${m[1]}` : String(value);
    }
    case "choice":
      return field.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    default:
      return String(value);
  }
}

/**
 * A form control's text as a field value. Numbers are read in the user's convention (vi
 * "1.500.000,5", en "1,500,000.5"); a percentage is typed as 5, "5 %" or "5%" and kept as 0.05.
 * Text that is not a number in the convention stays text, for the validator to name: never a guess.
 */
export function parseInput(field: Field, raw: string, convention: NumberConvention, lang?: Lang): Value {
  const text = raw.trim();
  if (text === "") return null;
  // A date typed in the language's order is kept as ISO (yyyy-mm-dd), as before; else as typed.
  if (field.type === "date" && lang) return readDate(text, lang) ?? text;
  if (field.type !== "number") return text;
  const parsed = parseNumber(text, convention, { percent: field.percent });
  return parsed.ok ? parsed.value : text;
}

/** The text a form control shows for a value, in the user's convention (the inverse of parseInput). */
export function inputText(field: Field, value: Value, convention: NumberConvention, lang?: Lang): string {
  if (value === null) return "";
  if (field.type === "date" && lang && typeof value === "string" && isIsoDate(value)) return showDate(value, lang);
  if (field.type === "number" && typeof value === "number")
    return formatNumber(value, convention, { grouping: !field.integer, percent: field.percent });
  return String(value);
}
