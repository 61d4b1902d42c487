/**
 * Amounts in words (số tiền bằng chữ), as every Vietnamese invoice, contract and payment order
 * states its total ("Bằng chữ: …"). Vietnamese in the accounting style (groups of three, "không
 * trăm" for a later group without hundreds, "linh"/"lẻ"), northern or southern words; English in
 * the short scale without "and".
 */
import { cellError, isBlank, isCellError, type Arg, type CellError, type Grid, type Result } from "./cell";
import { readOption, single } from "./coerce";
import { declaredParams, materialize, type Param } from "./elementwise";
import { messages } from "./messages";
import { readLanguage, type Language } from "./pricing";

export type Style = "north" | "south";
const STYLES: readonly Style[] = ["north", "south"];

/** Amounts from 10^15 on are refused: "triệu tỷ" readings are not in use, and doubles stop
 *  holding every whole number a little further up. */
const INWORDS_LIMIT = 1e15;
/** With a minor unit the amount is read in hundredths: below 10^13, every cent of it is a whole
 *  number of at most 15 digits, which Excel's 15 significant digits show exactly. */
const INWORDS_MINOR_LIMIT = 1e13;

const VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** One group of three digits (0 < g < 1000). `full`: read as a later group, with "không trăm". */
function viGroup(g: number, full: boolean, style: Style): string[] {
  const h = Math.floor(g / 100);
  const t = Math.floor(g / 10) % 10;
  const u = g % 10;
  const words: string[] = [];
  const hundreds = full || h > 0;
  if (hundreds) words.push(VI_DIGITS[h], "trăm");
  if (t === 0) {
    if (u > 0) {
      if (hundreds) words.push(style === "south" ? "lẻ" : "linh");
      words.push(VI_DIGITS[u]);
    }
    return words;
  }
  if (t === 1) words.push("mười");
  else words.push(VI_DIGITS[t], "mươi");
  if (u === 0) return words;
  if (u === 5) words.push("lăm");
  else if (u === 1 && t >= 2) words.push("mốt");
  else if (u === 4 && t >= 2) words.push("tư");
  else words.push(VI_DIGITS[u]);
  return words;
}

/** A whole number 0 < n < 10^15 in Vietnamese words. `leading`: n begins the amount. */
function viWords(n: number, leading: boolean, style: Style): string[] {
  if (n >= 1e9) {
    // From a thousand tỷ up, the count of tỷ is read as a number of its own.
    const count = Math.floor(n / 1e9);
    const rest = n - count * 1e9;
    const words = [...viWords(count, leading, style), "tỷ"];
    return rest > 0 ? [...words, ...viWords(rest, false, style)] : words;
  }
  const scales = ["triệu", style === "south" ? "ngàn" : "nghìn", ""];
  const groups = [Math.floor(n / 1e6), Math.floor(n / 1e3) % 1000, n % 1000];
  const words: string[] = [];
  let first = leading;
  groups.forEach((g, k) => {
    if (g === 0) return;
    words.push(...viGroup(g, !first, style));
    if (scales[k]) words.push(scales[k]);
    first = false;
  });
  return words;
}

const EN_SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["trillion", "billion", "million", "thousand", ""];

function enGroup(g: number): string[] {
  const h = Math.floor(g / 100);
  const rest = g % 100;
  const words = h > 0 ? [EN_SMALL[h], "hundred"] : [];
  if (rest === 0) return words;
  if (rest < 20) return [...words, EN_SMALL[rest]];
  const units = rest % 10;
  return [...words, units ? `${EN_TENS[Math.floor(rest / 10)]}-${EN_SMALL[units]}` : EN_TENS[rest / 10]];
}

/** A whole number 0 < n < 10^15 in English words, short scale, no "and". */
function enWords(n: number): string[] {
  const words: string[] = [];
  for (let k = 0, scale = 1e12; k < EN_SCALES.length; k++, scale /= 1000) {
    const g = Math.floor(n / scale) % 1000;
    if (g === 0) continue;
    words.push(...enGroup(g));
    if (EN_SCALES[k]) words.push(EN_SCALES[k]);
  }
  return words;
}

/** A whole number |n| < 10^15 in words, without the unit, first letter lower case. */
function numberInWords(n: number, language: Language, style: Style = "north"): string {
  if (n === 0) return language === "vi" ? "không" : "zero";
  const words = language === "vi" ? viWords(Math.abs(n), true, style) : enWords(Math.abs(n));
  if (n < 0) words.unshift(language === "vi" ? "âm" : "minus");
  return words.join(" ");
}

/**
 * The amount rounded as `#,##0` shows it: Excel shows a double by its 15 significant digits,
 * then rounds half away from zero (so 2.675 * 100 = 267.49999999999997 shows 268, not 267).
 */
export function wholeUnits(amount: number): number {
  const shown = Number(amount.toPrecision(15));
  const whole = Math.sign(shown) * Math.round(Math.abs(shown));
  return whole === 0 ? 0 : whole; // no "minus zero" for -0.3
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/** The amount in words with its unit, as written after "Bằng chữ:"; or #NUM! from 10^15 on. */
function amountInWords(fn: string, amount: number, unit: string, language: Language, style: Style): string | CellError {
  const whole = wholeUnits(amount);
  if (Math.abs(whole) >= INWORDS_LIMIT) return cellError("#NUM!", messages.tooLargeForWords(fn, "amount"));
  return `${capitalised(numberInWords(whole, language, style))} ${unit}`;
}

/**
 * The amount rounded half away from zero to two decimals, as `#,##0.00` shows it, in hundredths:
 * Excel's 15 significant digits first (0.285 is 0.28499999999999998 as a double and shows 0.29).
 */
export function wholeHundredths(amount: number): number {
  return wholeUnits(Number(amount.toPrecision(15)) * 100);
}

/**
 * The amount read as units and minor units: "… đô la Mỹ và năm mươi cent"; nothing after the
 * unit when the hundredths are zero. The sign belongs to the whole amount ("Âm không đô la Mỹ
 * và năm cent" for -0.05). #NUM! from 10^13 on.
 */
function amountWithMinorInWords(
  fn: string,
  amount: number,
  unit: string,
  minorUnit: string,
  language: Language,
  style: Style,
): string | CellError {
  const hundredths = wholeHundredths(amount);
  if (Math.abs(amount) >= INWORDS_MINOR_LIMIT || Math.abs(hundredths) >= INWORDS_MINOR_LIMIT * 100)
    return cellError("#NUM!", messages.tooLargeForMinorWords(fn, "amount"));
  const size = Math.abs(hundredths);
  const whole = Math.floor(size / 100);
  const minor = size % 100;
  const sign = hundredths < 0 ? (language === "vi" ? "âm " : "minus ") : "";
  const words = `${sign}${numberInWords(whole, language, style)} ${unit}`;
  if (minor === 0) return capitalised(words);
  const and = language === "vi" ? "và" : "and";
  return capitalised(`${words} ${and} ${numberInWords(minor, language, style)} ${minorUnit}`);
}

const AMOUNT: readonly Param[] = declaredParams("INWORDS");

/** Text as given (outer spaces trimmed, inner runs of spaces one space), "" when blank. */
function readName(arg: Arg, fn: string, name: string): string | CellError {
  const value = single(arg, fn, name);
  if (isCellError(value)) return value;
  if (isBlank(value)) return "";
  if (typeof value === "string") return value.trim().replace(/\s+/g, " ");
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return cellError("#VALUE!", messages.notText(fn, name));
}

/** The unit: text as given (outer spaces trimmed, so no double space), blank for the default. */
function readUnit(arg: Arg, fn: string, language: Language): string | CellError {
  const unit = readName(arg, fn, "unit");
  if (isCellError(unit)) return unit;
  return unit === "" ? (language === "vi" ? "đồng" : "dong") : unit;
}

/** HT.INWORDS(amount, [unit], [language="vi"], [style="north"], [minor_unit]): the amount in
 *  words; spills one text per cell when amount is a range. A blank minor unit reads whole units,
 *  exactly as without the argument. */
export function inWords(amount: Arg, unit?: Arg, language?: Arg, style?: Arg, minorUnit?: Arg): Grid<Result> {
  const fn = "INWORDS";
  const lang = readLanguage(language, fn);
  if (isCellError(lang)) return [[lang]];
  const how = readOption(style, fn, "style", STYLES, "north");
  if (isCellError(how)) return [[how]];
  const unitText = readUnit(unit, fn, lang);
  if (isCellError(unitText)) return [[unitText]];
  const minorText = readName(minorUnit, fn, "minor_unit");
  if (isCellError(minorText)) return [[minorText]];
  const read = (value: number): string | CellError =>
    minorText === ""
      ? amountInWords(fn, value, unitText, lang, how)
      : amountWithMinorInWords(fn, value, unitText, minorText, lang, how);
  const columns = materialize(fn, AMOUNT, [amount]);
  if (isCellError(columns)) return [[columns]];
  const {
    shape: { rows, cols },
    x: [amounts],
  } = columns;
  const result: Result[][] = new Array<Result[]>(rows);
  for (let i = 0, e = 0; i < rows; i++) {
    const row = new Array<Result>(cols);
    for (let j = 0; j < cols; j++, e++) {
      row[j] = columns.errors.get(e) ?? (columns.isBlank(e) ? "" : read(amounts[e]));
    }
    result[i] = row;
  }
  return result;
}
