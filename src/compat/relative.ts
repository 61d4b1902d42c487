/**
 * A formula with its A1 references made relative to the cell that holds it (R1C1 in spirit), and
 * back. A sheet's formulas are mostly the same formula filled down (a 5,000-row plan has two HT
 * formulas, 6,000 times); the translation of one is the translation of all, moved. So the
 * translator runs once per relative form and each cell gets it back at its own place. Strings
 * and quoted sheet names are skipped; a name never looks like a reference (Excel refuses such
 * names), and a function name is followed by "(".
 */
import { columnIndex, columnName } from "../sheet/cell-plan";

const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
// The markers cannot occur in a formula: control characters are not formula text.
// eslint-disable-next-line no-control-regex
const MARKED = /\u0001(\$?)(-?\d+)\u0002(\$?)(-?\d+)\u0003/g;

const LETTERS: string[] = [];
/** A column's letters, remembered (a sheet has at most 16,384). */
const columnLetters = (index: number): string => {
  let s = LETTERS[index];
  if (s === undefined) {
    s = columnName(index);
    LETTERS[index] = s;
  }
  return s;
};

/** `formula` at (row, col) with each reference's relative parts as offsets from that cell. */
export function relativeForm(formula: string, row: number, col: number): string {
  return formula.replace(TOKEN, (whole, colAbs?: string, letters?: string, rowAbs?: string, digits?: string) => {
    if (letters === undefined) return whole;
    const c = columnIndex(letters);
    const r = Number(digits) - 1;
    return `\u0001${colAbs}${colAbs ? c : c - col}\u0002${rowAbs}${rowAbs ? r : r - row}\u0003`;
  });
}

/**
 * The relative form made ready to be put back at any cell: returns the formula at (row, col), or
 * undefined when a reference would fall off the sheet. Split once into text and references, so
 * that placing it is one join.
 */
export function placer(relative: string): (row: number, col: number) => string | undefined {
  const text: string[] = [];
  const refs: { colAbs: boolean; c: number; rowAbs: boolean; r: number }[] = [];
  let last = 0;
  for (const m of relative.matchAll(MARKED)) {
    text.push(relative.slice(last, m.index));
    refs.push({ colAbs: m[1] === "$", c: Number(m[2]), rowAbs: m[3] === "$", r: Number(m[4]) });
    last = m.index! + m[0].length;
  }
  text.push(relative.slice(last));
  return (row, col) => {
    let out = text[0];
    for (let k = 0; k < refs.length; k++) {
      const { colAbs, c, rowAbs, r } = refs[k];
      const column = colAbs ? c : c + col;
      const line = rowAbs ? r : r + row;
      if (column < 0 || line < 0) return undefined;
      out += `${colAbs ? "$" : ""}${columnLetters(column)}${rowAbs ? "$" : ""}${line + 1}${text[k + 1]}`;
    }
    return out;
  };
}
