/**
 * A formula with HT calls rewritten into native Excel (Excel 2007 and later, LibreOffice): every
 * call of an HT function, by its English id or its Vietnamese name, nested or not, becomes its
 * declared native form with the call's arguments in it; everything else is kept as written. A
 * formula that cannot be read, or that calls an HT function with no native form, is not changed:
 * the result says why, and the copy keeps the cell's value instead.
 */
import { DECLARATIONS, type FunctionDeclaration } from "../core/declarations";
import { callDepth, FormulaSyntaxError, parseFormula, type Node, type Shape } from "./formula";
import { nativeCall, paren, type NativeArg } from "./native";

/** Excel's longest formula, and its deepest nesting of functions (Excel 2007 and later). */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;

export interface TranslateOptions {
  /** The shape of a defined name (ProfitRate is one cell); unknown names count as one cell. */
  readonly nameShape?: (name: string) => Shape | undefined;
  /** The language of the reasons given (the user's). */
  readonly language?: "vi" | "en";
}

export type KeptReason = "unreadable" | "unknownHt" | "tooLong" | "tooDeep" | "circular";

export type Translation =
  /** No HT call: the formula stays as it is. `foreign` lists calls of other add-ins. */
  | { readonly kind: "plain"; readonly foreign: readonly string[] }
  /** The native formula (with its "="); `array`: it must be entered as an array formula (an
   *  HT call over ranges, which Excel 365 spills). `calls`: how many HT calls were rewritten. */
  | {
      readonly kind: "native";
      readonly formula: string;
      readonly array: boolean;
      readonly calls: number;
      readonly foreign: readonly string[];
    }
  /** An HT function without a native form is called: keep the cell's value. */
  | { readonly kind: "value"; readonly why: readonly string[] }
  /** Left as it is, for the reason given. */
  | { readonly kind: "kept"; readonly reason: KeptReason; readonly detail: string };

const BY_NAME: ReadonlyMap<string, FunctionDeclaration> = new Map(
  DECLARATIONS.flatMap((d) => [
    [d.id, d],
    [d.vi, d],
  ]),
);

/** The prefixes of Excel's own dotted function names (NORM.DIST, STDEV.S …) and of its storage
 *  prefixes (_xlfn.): any other dotted name is a function of some add-in. */
const BUILT_IN_PREFIXES = new Set(
  (
    "_XLFN _XLWS BETA BINOM CEILING CHISQ CONFIDENCE COVARIANCE ECMA ERF ERFC EXPON F FLOOR FORECAST GAMMA " +
    "GAMMALN HYPGEOM ISO LOGNORM MODE NEGBINOM NETWORKDAYS NORM PERCENTILE PERCENTRANK POISSON QUARTILE RANK " +
    "STDEV T VAR WEIBULL WORKDAY Z"
  ).split(" "),
);

/** The HT function a call names (HT.COSTPRICE, ht.giatheogiathanh), null for an unknown HT name,
 *  undefined when the call is not HT's. */
function htFunction(name: string): FunctionDeclaration | null | undefined {
  const m = /^HT\.(.+)$/i.exec(name);
  if (!m) return undefined;
  return BY_NAME.get(m[1].toUpperCase()) ?? null;
}

function isForeign(name: string): boolean {
  const dot = name.indexOf(".");
  if (dot < 0) return false;
  return !BUILT_IN_PREFIXES.has(name.slice(0, dot).toUpperCase());
}

const ONE: Shape = { rows: 1, cols: 1 };

/** A dotted word (HT.COSTPRICE, NORM.DIST, 'a.b'!A1 too): the only formulas that need reading. */
const DOTTED = /[\p{L}_][\p{L}\p{N}_]*\.[\p{L}_]/u;
const PLAIN: Translation = { kind: "plain", foreign: [] };

/** The deepest nesting of parentheses outside strings: at least the nesting of functions. */
function nesting(text: string): number {
  let depth = 0;
  let most = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inString = !inString;
    else if (inString) continue;
    else if (c === 40) most = Math.max(most, ++depth);
    else if (c === 41) depth--;
  }
  return most;
}

class Unknown extends Error {}

/** Translates one formula (with or without its "="). Never throws. */
export function translateFormula(formula: string, options: TranslateOptions = {}): Translation {
  const language = options.language ?? "en";
  // Most formulas of a workbook call no dotted function at all: no HT call, no add-in's. Such a
  // formula stays as it is without being read (a 5,000-row plan has some 60,000 of them).
  if (!DOTTED.test(formula)) return PLAIN;
  let tree: Node;
  try {
    tree = parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { kind: "kept", reason: "unreadable", detail: error.message };
    throw error;
  }
  const source = formula;
  const foreign = foreignCalls(tree);
  const why: string[] = [];
  let calls = 0;
  let array = false;

  const shapeOf = (node: Node): Shape => {
    switch (node.kind) {
      case "ref":
        return node.shape ?? ONE;
      case "name":
        return options.nameShape?.(node.name) ?? ONE;
      case "paren":
      case "unary":
      case "percent":
        return shapeOf(node.arg);
      case "binary": {
        if (node.op === ":" || node.op === " " || node.op === ",") return ONE;
        const a = shapeOf(node.left);
        const b = shapeOf(node.right);
        return { rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) };
      }
      case "call": {
        const declaration = htFunction(node.name);
        if (declaration && declaration.result === "broadcast") return dataShape(declaration, node.args) ?? ONE;
        return ONE;
      }
      default:
        return ONE;
    }
  };

  /** The broadcast shape of a call's numbers and labels; undefined when they cannot broadcast. */
  const dataShape = (declaration: FunctionDeclaration, args: readonly Node[]): Shape | undefined => {
    let rows = 1;
    let cols = 1;
    const shapes: Shape[] = [];
    declaration.params.forEach((p, k) => {
      const arg = args[k];
      if (!arg || arg.kind === "missing" || (p.kind !== "number" && p.kind !== "label")) return;
      const s = shapeOf(arg);
      shapes.push(s);
      rows = Math.max(rows, s.rows);
      cols = Math.max(cols, s.cols);
    });
    const fits = shapes.every((s) => (s.rows === 1 || s.rows === rows) && (s.cols === 1 || s.cols === cols));
    return fits ? { rows, cols } : undefined;
  };

  const literalOf = (node: Node): number | undefined => {
    if (node.kind === "number") return node.value;
    if (node.kind === "unary" && node.arg.kind === "number") return node.op === "-" ? -node.arg.value : node.arg.value;
    return undefined;
  };

  /** A node's own text with its children rewritten where they hold HT calls: spaces, separators
   *  and everything else between them stay exactly as written. */
  const splice = (node: Node, children: readonly Node[]): string => {
    if (!hasHt(node)) return source.slice(node.start, node.end);
    let text = "";
    let at = node.start;
    for (const child of children) {
      if (child.kind === "missing") continue;
      text += source.slice(at, child.start) + render(child);
      at = child.end;
    }
    return text + source.slice(at, node.end);
  };

  const render = (node: Node): string => {
    switch (node.kind) {
      case "call": {
        const declaration = htFunction(node.name);
        if (declaration === null) throw new Unknown(node.name);
        if (declaration === undefined) return splice(node, node.args);
        if (node.args.length > declaration.params.length) {
          // Excel refuses such a call (#VALUE!) before the function runs.
          calls++;
          return "#VALUE!";
        }
        const args: NativeArg[] = node.args.map((arg): NativeArg => {
          if (arg.kind === "missing") return { multi: false };
          const shape = shapeOf(arg);
          return {
            text: render(arg),
            literal: literalOf(arg),
            literalText: arg.kind === "string" ? arg.value : undefined,
            multi: shape.rows * shape.cols > 1,
          };
        });
        if (declaration.native.kind === "elementwise") {
          const shape = dataShape(declaration, node.args);
          if (!shape) {
            calls++;
            return "#VALUE!";
          }
          if (shape.rows * shape.cols > 1) array = true;
        }
        const native = nativeCall(declaration, args, language);
        if (native.kind === "value") {
          why.push(native.why);
          return source.slice(node.start, node.end);
        }
        calls++;
        return paren(native.text);
      }
      case "binary":
        return splice(node, [node.left, node.right]);
      case "unary":
      case "percent":
      case "paren":
        return splice(node, [node.arg]);
      default:
        return source.slice(node.start, node.end);
    }
  };

  let text: string;
  try {
    text = render(tree);
  } catch (error) {
    if (error instanceof Unknown) return { kind: "kept", reason: "unknownHt", detail: error.message };
    throw error;
  }
  if (why.length > 0) return { kind: "value", why };
  if (calls === 0) return { kind: "plain", foreign };
  // A native form put in place of an operand keeps its meaning only in parentheses.
  const formulaText = `=${text}`;
  if (formulaText.length > MAX_FORMULA_LENGTH)
    return { kind: "kept", reason: "tooLong", detail: `${formulaText.length} characters` };
  // A native form nests at most NATIVE_DEPTH levels around its arguments: the translation can
  // only be too deep when the formula already nests deeply or HT calls nest in HT calls.
  const bound = nesting(formula) + NATIVE_DEPTH * htDepth(tree);
  const depth = bound > MAX_NESTING && nesting(formulaText) > MAX_NESTING ? callDepth(parseFormula(formulaText)) : 0;
  if (depth > MAX_NESTING) return { kind: "kept", reason: "tooDeep", detail: `${depth} levels` };
  return { kind: "native", formula: formulaText, array, calls, foreign };
}

/** The deepest nesting a native form adds around an argument (the guards' IFs and their checks). */
const NATIVE_DEPTH = 24;

/** How deep HT calls nest in HT calls (1 for a formula with HT calls side by side). */
function htDepth(node: Node): number {
  switch (node.kind) {
    case "call":
      return (htFunction(node.name) ? 1 : 0) + Math.max(0, ...node.args.map(htDepth));
    case "binary":
      return Math.max(htDepth(node.left), htDepth(node.right));
    case "unary":
    case "percent":
    case "paren":
      return htDepth(node.arg);
    default:
      return 0;
  }
}

/** The functions of other add-ins a tree calls, each once. */
function foreignCalls(tree: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    switch (node.kind) {
      case "call":
        if (isForeign(node.name) && htFunction(node.name) === undefined && !found.includes(node.name))
          found.push(node.name);
        node.args.forEach(walk);
        return;
      case "binary":
        walk(node.left);
        walk(node.right);
        return;
      case "unary":
      case "percent":
      case "paren":
        walk(node.arg);
        return;
      default:
        return;
    }
  };
  walk(tree);
  return found;
}

/** Whether a tree holds an HT call anywhere. */
function hasHt(node: Node): boolean {
  switch (node.kind) {
    case "call":
      return htFunction(node.name) !== undefined || node.args.some(hasHt);
    case "binary":
      return hasHt(node.left) || hasHt(node.right);
    case "unary":
    case "percent":
    case "paren":
      return hasHt(node.arg);
    default:
      return false;
  }
}
