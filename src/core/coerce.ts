import { cellError, errorOf, isBlank, isCellError, type Arg, type CellError, type Scalar } from "./cell";
import { messages } from "./messages";

/** Marks a blank cell; distinct from every number so callers can tell "blank" from 0. */
export const BLANK: unique symbol = Symbol("blank");
export type Blank = typeof BLANK;

// Excel's own text-to-number rule for arithmetic is locale-bound; we accept only the plain
// invariant form so that a shared workbook computes the same on every machine.
const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** One cell read as a number: a number, BLANK, or the error to return. */
export function readNumber(value: Scalar, fn: string, arg: string): number | Blank | CellError {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : cellError("#NUM!", messages.notFinite(fn, arg));
  }
  if (isBlank(value)) return BLANK;
  if (typeof value === "string") {
    return NUMERIC_TEXT.test(value) ? Number(value) : cellError("#VALUE!", messages.notANumber(fn, arg, value));
  }
  if (typeof value === "boolean") return cellError("#VALUE!", messages.logical(fn, arg, value));
  return errorOf(value) ?? cellError("#VALUE!", messages.notAValue(fn, arg));
}

// Plain printable ASCII needs no Unicode normalisation (and most labels are).
const ASCII = /^[ -~]*$/;
// No-break spaces (Excel's own, the figure and the narrow one) read as spaces.
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/g;

/** A label as people see it: trimmed, no-break spaces as spaces, in one Unicode form
 *  (Vietnamese text arrives both precomposed and decomposed, depending on the keyboard). */
export function cleanLabel(label: string | number): string {
  const text = String(label);
  return (ASCII.test(text) ? text : text.normalize("NFC").replace(NO_BREAK_SPACES, " ")).trim();
}

/** The key two labels match on: clean and case-folded. */
export function labelKey(label: string | number): string {
  return cleanLabel(label).toLowerCase();
}

/** One cell read as a label (text or number): the clean label, BLANK, or the error to return. */
export function readLabel(value: Scalar, fn: string, arg: string): string | Blank | CellError {
  if (typeof value === "number") {
    return Number.isFinite(value) ? cleanLabel(value) : cellError("#NUM!", messages.notFinite(fn, arg));
  }
  if (typeof value === "string") {
    const label = cleanLabel(value);
    return label === "" ? BLANK : label;
  }
  if (isBlank(value)) return BLANK;
  return errorOf(value) ?? cellError("#VALUE!", messages.notAValue(fn, arg));
}

/** The single value of an argument that must be one cell (an error it holds as a core error),
 *  or the error to return. */
export function single(arg: Arg, fn: string, name: string): Scalar | CellError {
  const value = singleCell(arg, fn, name);
  return errorOf(value) ?? value;
}

function singleCell(arg: Arg, fn: string, name: string): Scalar | CellError {
  if (!Array.isArray(arg)) return arg as Scalar;
  if (arg.length === 0) return undefined;
  const row = arg[0];
  if (!Array.isArray(row))
    return arg.length === 1 ? (row as Scalar) : cellError("#VALUE!", messages.singleValue(fn, name));
  if (arg.length !== 1 || row.length !== 1) return cellError("#VALUE!", messages.singleValue(fn, name));
  return row[0] as Scalar;
}

/** A choice among fixed words (case-insensitive), the default when blank, or the error to return. */
export function readOption<T extends string>(
  arg: Arg,
  fn: string,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T | CellError {
  const value = single(arg, fn, name);
  if (isCellError(value)) return value;
  if (isBlank(value)) return fallback;
  const key = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const found = allowed.find((option) => option === key);
  return found ?? cellError("#VALUE!", messages.option(fn, name, value, allowed));
}
