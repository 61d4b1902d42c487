/**
 * Numbers as people type and read them: a convention (decimal and group separators) and a strict
 * parser for it. The parser never guesses: text that could mean two numbers, or none, is refused
 * with an example of the expected form, so "1.500.000" can never become 1.5 nor "1,5" 15.
 */
import type { Lang, Text } from "./lang";

export interface NumberConvention {
  readonly decimal: string;
  readonly group: string;
}

const CONVENTIONS: Record<Lang, NumberConvention> = {
  vi: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

/** The convention of the pane's language, used where the host does not say (outside Excel). */
export function languageConvention(lang: Lang): NumberConvention {
  return CONVENTIONS[lang];
}

/** Every space a keyboard, Excel or a copied page may put between digit groups. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const isSpace = (s: string) => s.replace(SPACES, "") === "";

/**
 * A convention from what a host reports (Excel's separators), or undefined when it cannot be
 * used: missing, longer than one character, digits, or the same character for both jobs.
 */
export function conventionOf(decimal: unknown, group: unknown): NumberConvention | undefined {
  if (typeof decimal !== "string" || typeof group !== "string") return undefined;
  if (decimal.length !== 1 || group.length > 1 || decimal === group) return undefined;
  if (/[0-9+-]/.test(decimal + group) || isSpace(decimal)) return undefined;
  return { decimal, group };
}

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false };

export interface ParseOptions {
  /** The value is a percentage: "5", "5 %" and "5%" all mean 5 %, returned as 0.05. */
  readonly percent?: boolean;
}

/** What may follow an amount of money: the đồng sign or its code. */
const CURRENCY = /\s*(đ|₫|vnd|vnđ|đồng)$/i;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Text in a convention as a number. Digit groups are the convention's group separator or spaces,
 * three digits each, one kind per number; the decimal separator at most once, with digits after.
 */
export function parseNumber(raw: string, convention: NumberConvention, options: ParseOptions = {}): Parsed {
  let text = raw.trim();
  if (options.percent) text = text.replace(/\s*%$/, "");
  else text = text.replace(CURRENCY, "");
  text = text.trim();
  let sign = "";
  if (/^[-\u2212]/.test(text)) {
    sign = "-";
    text = text.slice(1).trimStart();
  }
  const [whole, fraction, ...more] = text.split(convention.decimal);
  if (more.length > 0 || whole === undefined) return { ok: false };
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false };
  let digits: string;
  if (/^\d+$/.test(whole)) digits = whole;
  else {
    const group =
      isSpace(convention.group) || !whole.includes(convention.group)
        ? "[\\s\\u00a0\\u2007\\u2009\\u202f]"
        : escape(convention.group);
    if (!new RegExp(`^\\d{1,3}(${group}\\d{3})+$`).test(whole)) {
      if (!(whole === "" && fraction !== undefined)) return { ok: false };
    }
    digits = whole.replace(/\D/g, "");
  }
  if (digits === "" && fraction === undefined) return { ok: false };
  // Shifting the decimal point in the text keeps 5,5 % exactly 0.055 (5.5 / 100 is not).
  const exponent = options.percent ? "e-2" : "";
  const value = Number(`${sign}${digits || "0"}.${fraction ?? "0"}${exponent}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A finite number's plain decimal digits, shortest that read back the same ("1e-7" → "0.0000001"). */
function plainDigits(value: number): string {
  const shortest = String(Math.abs(value));
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!m) return shortest;
  const mantissa = m[1] + (m[2] ?? "");
  const exponent = Number(m[3]);
  if (exponent < 0) return `0.${"0".repeat(-exponent - 1)}${mantissa}`;
  return mantissa.padEnd(exponent + 1, "0");
}

export interface FormatOptions {
  /** Digit groups in the whole part (not for years or counts). */
  readonly grouping?: boolean;
  /** Shown as a percentage: 0.055 → "5,5". */
  readonly percent?: boolean;
}

/** A number as the convention writes it; parseNumber reads it back to the same number. */
export function formatNumber(value: number, convention: NumberConvention, options: FormatOptions = {}): string {
  // A percentage is rounded to 12 significant digits so that 0.07 shows 7, not 7.000000000000001.
  const shown = options.percent ? Number((value * 100).toPrecision(12)) : value;
  const [whole, fraction] = plainDigits(shown).split(".");
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, convention.group);
  return `${shown < 0 ? "-" : ""}${grouped}${fraction ? convention.decimal + fraction : ""}`;
}

/** The message for text that is not a number in the convention, with an example of the form. */
export function notANumber(convention: NumberConvention, options: ParseOptions = {}): Text {
  const example = options.percent
    ? `5${convention.decimal}5`
    : formatNumber(1_500_000.5, convention, { grouping: true });
  const plain = options.percent ? "5" : formatNumber(1_500_000.5, convention, { grouping: false });
  return options.percent
    ? {
        vi: `Không đọc được tỷ lệ. Viết ví dụ ${example} hoặc ${plain} (nghĩa là ${example} %).`,
        en: `Not a percentage. Write it like ${example} or ${plain} (meaning ${example} %).`,
      }
    : {
        vi: `Không đọc được số. Viết ví dụ ${example} hoặc ${plain}.`,
        en: `Not a number. Write it like ${example} or ${plain}.`,
      };
}
