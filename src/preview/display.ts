/** How a cell's value reads in the preview grid, by its number format, as Excel would show it. */
import { DetailedCellError } from "hyperformula";
import type { Format } from "../templates/model";
import type { Lang } from "../i18n/lang";

const LOCALE: Record<Lang, string> = { vi: "vi-VN", en: "en-US" };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${lang}${min}${max}${grouping}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function displayNumber(value: number, format: Format | undefined, lang: Lang): string {
  switch (format) {
    case "integer":
      return numberFormat(lang, 0, 0).format(value);
    case "amount": {
      // #,##0;(#,##0): whole đồng, a negative amount in parentheses.
      const text = numberFormat(lang, 0, 0).format(Math.abs(value));
      return value < 0 && text !== "0" ? `(${text})` : text;
    }
    case "price":
      return numberFormat(lang, 2, 2).format(value);
    case "decimal":
      return numberFormat(lang, 0, 4).format(value);
    case "coefficient":
      return numberFormat(lang, 3, 3, false).format(value);
    case "percent":
      return `${numberFormat(lang, 1, 1).format(value * 100)}%`;
    case "wholePercent":
      return `${numberFormat(lang, 0, 0).format(value * 100)}%`;
    case "date": {
      const date = new Date(EXCEL_EPOCH + Math.round(value) * 86_400_000);
      const dd = String(date.getUTCDate()).padStart(2, "0");
      const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
      return `${dd}/${mm}/${date.getUTCFullYear()}`;
    }
    default:
      return numberFormat(lang, 0, 10, false).format(value);
  }
}

/** A cell's value as the grid shows it (and as it is copied): numbers by format, errors by code. */
export function displayValue(v: unknown, format: Format | undefined, lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return displayNumber(v, format, lang);
  return String(v);
}
