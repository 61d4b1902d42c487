/**
 * Formula text as the workbook's user types and reads it, in the preview engine's syntax and back.
 * Where the decimal separator is `,` (Vietnamese Windows settings), Excel's list separator is `;`:
 * such a user types `=HT.COSTPRICE(60;30;10;0,05)` and `=1,5*2` for the engine's
 * `=HT.COSTPRICE(60,30,10,0.05)` and `=1.5*2`, and Excel shows the formula back that way
 * (Range.formulasLocal). Every formula is read in the workbook's convention, whether or not it
 * holds a `;`: in a Vietnamese workbook `=1,5*2` is 3, never a parse error, and `=1.500*2` is
 * refused (Excel takes no digit groups in a formula), never read as 3.
 * The Vietnamese function names need no translation: they are functions of their own, in Excel
 * as in the preview (README, "Function names"). String literals, 'sheet names' and {array
 * constants} are left as typed.
 */
import type { NumberConvention } from "../i18n/numbers";

/** The engine's own convention: Excel's English syntax. */
const ENGINE: NumberConvention = { decimal: ".", group: "," };

/** The parts of a formula: [text, translatable] pairs; strings, 'sheet names' and {arrays} are not. */
function segments(formula: string): [string, boolean][] {
  const parts: [string, boolean][] = [];
  let start = 0;
  let i = 0;
  const push = (end: number, translatable: boolean) => {
    if (end > start) parts.push([formula.slice(start, end), translatable]);
    start = end;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      push(i, true);
      // A doubled quote inside is the quote itself.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      i = Math.min(j + 1, formula.length);
      push(i, false);
    } else if (ch === "{") {
      push(i, true);
      const close = formula.indexOf("}", i);
      i = close < 0 ? formula.length : close + 1;
      push(i, false);
    } else i++;
  }
  push(formula.length, true);
  return parts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whether the convention writes formulas differently from the engine (a decimal comma). */
const local = (convention: NumberConvention) => convention.decimal !== ENGINE.decimal;

/**
 * The typed formula in the engine's syntax, or undefined when it cannot be read in the convention
 * (a `.` between digits where the decimal is `,`). Anything not a formula is returned as typed.
 */
export function engineFormula(typed: string, convention: NumberConvention = ENGINE): string | undefined {
  if (!typed.startsWith("=") || !local(convention)) return typed;
  const parts = segments(typed);
  if (parts.some(([text, translatable]) => translatable && /\d\.\d/.test(text))) return undefined;
  const decimal = new RegExp(`(\\d)${escape(convention.decimal)}(?=\\d)`, "g");
  return parts
    .map(([text, translatable]) => (translatable ? text.replace(decimal, "$1.").replace(/;/g, ",") : text))
    .join("");
}

/** A formula in the engine's syntax as the convention's user reads it (the inverse of engineFormula). */
export function localFormula(formula: string, convention: NumberConvention = ENGINE): string {
  if (!formula.startsWith("=") || !local(convention)) return formula;
  return segments(formula)
    .map(([text, translatable]) =>
      translatable ? text.replace(/,/g, ";").replace(/(\d)\.(?=\d)/g, `$1${convention.decimal}`) : text,
    )
    .join("");
}
