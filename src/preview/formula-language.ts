/**
 * Formula text as a Vietnamese Excel user types it, in the preview engine's syntax. Vietnamese
 * Windows settings make `,` the decimal separator and `;` the list separator, so
 * `=HT.COSTPRICE(60;30;10;0,05)` is what such a user types for `=HT.COSTPRICE(60,30,10,0.05)`.
 * The Vietnamese function names need no translation: they are functions of their own, in Excel
 * as in the preview (README, "Function names").
 *
 * A formula with a `;` outside string literals, quoted sheet names and array constants is read
 * in that convention: `;` separates arguments and a `,` between digits is a decimal comma. A
 * formula without one is already in the engine's (Excel's English) syntax and is left alone.
 */

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

/** The typed formula in the engine's syntax; anything that is not a formula is returned as typed. */
export function engineFormula(typed: string): string {
  if (!typed.startsWith("=")) return typed;
  const parts = segments(typed);
  if (!parts.some(([text, translatable]) => translatable && text.includes(";"))) return typed;
  return parts
    .map(([text, translatable]) => (translatable ? text.replace(/(\d),(?=\d)/g, "$1.").replace(/;/g, ",") : text))
    .join("");
}
