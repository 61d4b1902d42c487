/**
 * Excel formulas as Range.formulas and the .xlsx file store them (English function names, ","
 * between arguments, "." decimals), read into a tree and written back. Every node keeps the
 * span of text it was read from, so a translation rewrites only the calls it changes and leaves
 * the rest of a formula exactly as the user wrote it.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export type Node = Span &
  (
    | { readonly kind: "number"; readonly value: number }
    | { readonly kind: "string"; readonly value: string }
    | { readonly kind: "bool"; readonly value: boolean }
    | { readonly kind: "error"; readonly code: string }
    /** A cell, a range of cells, whole columns or rows, with any sheet or workbook prefix; its
     *  shape when the text says it (A1:B2 is 2×2). */
    | { readonly kind: "ref"; readonly shape?: Shape }
    /** A defined name, a structured reference or anything else read as one word. */
    | { readonly kind: "name"; readonly name: string }
    | { readonly kind: "array" }
    | { readonly kind: "missing" }
    | { readonly kind: "call"; readonly name: string; readonly args: readonly Node[] }
    | { readonly kind: "unary"; readonly op: string; readonly arg: Node }
    | { readonly kind: "percent"; readonly arg: Node }
    | { readonly kind: "binary"; readonly op: string; readonly left: Node; readonly right: Node }
    | { readonly kind: "paren"; readonly arg: Node }
  );

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

// Binary operators by precedence, lowest first (Excel: comparison, &, + -, * /, ^; then %, unary
// minus, and the reference operators : and space, which bind tightest).
const LEVELS: readonly (readonly string[])[] = [
  ["=", "<>", "<=", ">=", "<", ">"],
  ["&"],
  ["+", "-"],
  ["*", "/"],
  ["^"],
];

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const colNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Whether a word is an A1 cell reference within Excel's grid. */
function cellOf(word: string): { row: number; col: number } | undefined {
  const m = CELL.exec(word);
  if (!m) return undefined;
  const col = colNumber(m[1]);
  const row = Number(m[2]);
  return col <= MAX_COLS && row >= 1 && row <= MAX_ROWS ? { row, col } : undefined;
}

/** The shape of a range between two words (A1:B3, A:C, 2:5), or undefined. */
function rangeShape(a: string, b: string): Shape | undefined {
  const p = cellOf(a);
  const q = cellOf(b);
  if (p && q) return { rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
  const c = COLUMN.exec(a);
  const d = COLUMN.exec(b);
  if (c && d) return { rows: MAX_ROWS, cols: Math.abs(colNumber(d[1]) - colNumber(c[1])) + 1 };
  const r = ROW.exec(a);
  const s = ROW.exec(b);
  if (r && s) return { rows: Math.abs(Number(s[1]) - Number(r[1])) + 1, cols: MAX_COLS };
  return undefined;
}

/** Letters, digits and the characters Excel allows in names and unquoted sheet names. */
const WORD_CHAR = /[\p{L}\p{N}_.$\\?]/u;

/** Parses a formula with or without its leading "=". Throws FormulaSyntaxError. */
export function parseFormula(text: string): Node {
  let pos = text.startsWith("=") ? 1 : 0;
  const fail = (message: string): never => {
    throw new FormulaSyntaxError(message, pos);
  };
  const skipSpace = () => {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\n" || text[pos] === "\r")) pos++;
  };
  const peek = () => text[pos];

  const readString = (): string => {
    let value = "";
    pos++;
    for (;;) {
      if (pos >= text.length) fail("a string is not closed");
      if (text[pos] === '"') {
        if (text[pos + 1] === '"') {
          value += '"';
          pos += 2;
          continue;
        }
        pos++;
        return value;
      }
      value += text[pos++];
    }
  };

  const readWord = (): string => {
    const from = pos;
    while (pos < text.length && WORD_CHAR.test(text[pos])) pos++;
    // A structured reference: Table1[Column], Table1[[#This Row],[Amount]].
    if (pos < text.length && text[pos] === "[" && pos > from) {
      let depth = 0;
      while (pos < text.length) {
        if (text[pos] === "[") depth++;
        else if (text[pos] === "]" && --depth === 0) {
          pos++;
          break;
        }
        pos++;
      }
      if (depth !== 0) fail("a structured reference is not closed");
    }
    return text.slice(from, pos);
  };

  /** A quoted sheet name and its "!", or a workbook index "[1]", read as a prefix. */
  const readPrefix = (): boolean => {
    const from = pos;
    if (peek() === "'") {
      pos++;
      for (;;) {
        if (pos >= text.length) fail("a quoted sheet name is not closed");
        if (text[pos] === "'") {
          if (text[pos + 1] === "'") {
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        pos++;
      }
      if (peek() !== "!") fail("a quoted sheet name must be followed by !");
      pos++;
      return true;
    }
    if (peek() === "[") {
      while (pos < text.length && text[pos] !== "]") pos++;
      if (pos >= text.length) fail("a workbook reference is not closed");
      pos++;
      const sheet = readWord();
      if (!sheet || peek() !== "!") {
        pos = from;
        return false;
      }
      pos++;
      return true;
    }
    return false;
  };

  const primary = (): Node => {
    skipSpace();
    const start = pos;
    const ch = peek();
    if (ch === undefined) return fail("the formula ends too early");
    if (ch === '"') {
      const value = readString();
      return { kind: "string", value, start, end: pos };
    }
    if (ch === "#") {
      const code = ERRORS.find((e) => text.slice(pos, pos + e.length).toUpperCase() === e);
      if (!code) return fail("an unknown error value");
      pos += code.length;
      // #REF! may stand as a sheet's or a cell's reference.
      if (code === "#REF!" && peek() === "!") {
        pos++;
        readWord();
        return { kind: "ref", start, end: pos };
      }
      return { kind: "error", code, start, end: pos };
    }
    if (ch === "(") {
      pos++;
      const arg = union();
      skipSpace();
      if (peek() !== ")") fail("a parenthesis is not closed");
      pos++;
      return { kind: "paren", arg, start, end: pos };
    }
    if (ch === "{") {
      let inString = false;
      while (pos < text.length) {
        const c = text[pos++];
        if (c === '"') inString = !inString;
        else if (c === "}" && !inString) return { kind: "array", start, end: pos };
      }
      return fail("an array constant is not closed");
    }
    if (ch === "+" || ch === "-") {
      pos++;
      const arg = unaryOperand();
      return { kind: "unary", op: ch, arg, start, end: arg.end };
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(pos));
      if (m) {
        // A row range (2:5) starts as a number.
        const after = text.slice(pos + m[0].length);
        const row = /^:\$?(\d+)/.exec(after);
        if (row && /^\d+$/.test(m[0])) {
          pos += m[0].length + row[0].length;
          return { kind: "ref", shape: rangeShape(m[0], row[0].slice(1)), start, end: pos };
        }
        pos += m[0].length;
        return { kind: "number", value: Number(m[0]), start, end: pos };
      }
    }
    const prefixed = readPrefix();
    if (!WORD_CHAR.test(peek() ?? "")) return fail("a value was expected");
    const word = readWord();
    if (!prefixed && peek() === "!") {
      // An unquoted sheet name.
      pos++;
      const target = readWord();
      if (!target) fail("a reference was expected after !");
      return reference(start, target);
    }
    if (prefixed) return reference(start, word);
    if (peek() === "(") {
      pos++;
      const args: Node[] = [];
      skipSpace();
      if (peek() === ")") {
        pos++;
        return { kind: "call", name: word, args, start, end: pos };
      }
      for (;;) {
        skipSpace();
        const argStart = pos;
        if (peek() === "," || peek() === ")") args.push({ kind: "missing", start: argStart, end: argStart });
        else args.push(union(false));
        skipSpace();
        if (peek() === ",") {
          pos++;
          continue;
        }
        if (peek() === ")") {
          pos++;
          return { kind: "call", name: word, args, start, end: pos };
        }
        return fail("a function's arguments are not closed");
      }
    }
    const upper = word.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { kind: "bool", value: upper === "TRUE", start, end: pos };
    return reference(start, word);
  };

  /** A word that may start a range (A1, A, $B$2), with its ":" end when there is one. */
  const reference = (start: number, word: string): Node => {
    if (peek() === ":") {
      const save = pos;
      pos++;
      // Sheet1!A1:Sheet1!B2 is rare; A1:B2 and A:C are the rule.
      const other = readWord();
      const shape = other ? rangeShape(word, other) : undefined;
      if (shape) return { kind: "ref", shape, start, end: pos };
      pos = save;
    }
    if (cellOf(word)) return { kind: "ref", shape: { rows: 1, cols: 1 }, start, end: pos };
    return { kind: "name", name: word, start, end: pos };
  };

  // Reference operators: ":" between any two references (INDEX(…):A5) and the intersection space.
  const referenceLevel = (): Node => {
    let left = primary();
    for (;;) {
      const save = pos;
      if (peek() === ":") {
        pos++;
        const right = primary();
        left = { kind: "binary", op: ":", left, right, start: left.start, end: right.end };
        continue;
      }
      if (peek() === " " && isReferenceNode(left)) {
        skipSpace();
        const next = peek();
        if (next !== undefined && (WORD_CHAR.test(next) || next === "'" || next === "(") && !/[0-9.]/.test(next)) {
          const right = primary();
          if (isReferenceNode(right)) {
            left = { kind: "binary", op: " ", left, right, start: left.start, end: right.end };
            continue;
          }
        }
        pos = save;
      }
      return left;
    }
  };

  const percentLevel = (): Node => {
    let node = referenceLevel();
    for (;;) {
      const save = pos;
      skipSpace();
      if (peek() === "%") {
        pos++;
        node = { kind: "percent", arg: node, start: node.start, end: pos };
        continue;
      }
      pos = save;
      return node;
    }
  };

  // Unary minus binds tighter than ^ in Excel (-2^2 is 4).
  const unaryOperand = (): Node => percentLevel();

  const binary = (level: number): Node => {
    if (level === LEVELS.length) return percentLevel();
    let left = binary(level + 1);
    for (;;) {
      const save = pos;
      skipSpace();
      const op = LEVELS[level].find((o) => text.startsWith(o, pos));
      // "<" must not be read where "<=" or "<>" stands (they come first in the list).
      if (!op) {
        pos = save;
        return left;
      }
      pos += op.length;
      const right = binary(level + 1);
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
    }
  };

  /** An expression; inside parentheses a "," is the union operator (SUM((A1,B2))). */
  const union = (allowUnion = true): Node => {
    let left = binary(0);
    for (;;) {
      skipSpace();
      if (!allowUnion || peek() !== ",") return left;
      pos++;
      const right = binary(0);
      left = { kind: "binary", op: ",", left, right, start: left.start, end: right.end };
    }
  };

  const tree = union(false);
  skipSpace();
  if (pos < text.length) fail(`unexpected ${JSON.stringify(text[pos])}`);
  return tree;
}

function isReferenceNode(node: Node): boolean {
  return node.kind === "ref" || node.kind === "name" || node.kind === "call" || node.kind === "paren";
}

/** Whether a node needs no parentheses wherever it is put in place of an argument or operand. */
export function isAtomic(node: Node): boolean {
  switch (node.kind) {
    case "number":
    case "string":
    case "bool":
    case "error":
    case "ref":
    case "name":
    case "array":
    case "call":
    case "paren":
    case "missing":
      return true;
    default:
      return false;
  }
}

/** The deepest nesting of function calls in a tree (Excel 2007 allows 64). */
export function callDepth(node: Node): number {
  switch (node.kind) {
    case "call":
      return 1 + Math.max(0, ...node.args.map(callDepth));
    case "unary":
    case "percent":
    case "paren":
      return callDepth(node.arg);
    case "binary":
      return Math.max(callDepth(node.left), callDepth(node.right));
    default:
      return 0;
  }
}
