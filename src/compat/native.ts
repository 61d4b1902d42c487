/**
 * One HT call written in native Excel: the declared native form (src/core/declarations.ts) with
 * the call's arguments put in, and the checks the contract asks for (domains, blanks, options)
 * written as Excel error values. Pure: text in, text out.
 */
import type { FunctionDeclaration, NativeGuard, ParamDeclaration } from "../core/declarations";
import { parseFormula, type Node } from "./formula";

/** One argument of a call: its text (already translated), and what the translator knows of it. */
export interface NativeArg {
  /** The argument as it stands in the translated formula; undefined when omitted. */
  readonly text?: string;
  /** A number typed in the formula (5, -1, 0.05). */
  readonly literal?: number;
  /** A string typed in the formula. */
  readonly literalText?: string;
  /** Whether the argument holds more than one cell (a range, or a name over one). */
  readonly multi: boolean;
}

export type NativeCall =
  | { readonly kind: "native"; readonly text: string }
  /** The function has no native form here: the cell keeps the add-in's value. */
  | { readonly kind: "value"; readonly why: string };

const PLACEHOLDER = /\{([a-z_]+)(?::(arg|option))?\}/g;

/** One word (a cell, a range, a name, a number), a quoted sheet's reference, or a string. */
const SIMPLE = /^(?:[\p{L}\p{N}_.$:!]+|#[A-Z0-9/]+[!?A]|'(?:[^']|'')*'![A-Za-z0-9$:]+|"(?:[^"]|"")*")$/u;

/** Whether text is one call, NAME(…), whose first parenthesis closes at its very end. */
function isOneCall(text: string): boolean {
  const open = text.indexOf("(");
  if (open <= 0 || !text.endsWith(")") || !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(text.slice(0, open))) return false;
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inString = !inString;
    else if (inString) continue;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** The text in parentheses unless it is one value, reference or call: read without parsing
 *  (a translation puts hundreds of thousands of arguments in place); parentheses too many are
 *  harmless, too few are not. */
export const paren = (text: string): string => (SIMPLE.test(text) || isOneCall(text) ? text : `(${text})`);

/** Folded templates by their text with markers: the same call shape folds the same way. */
const FOLDED = new Map<string, string>();

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The word an option argument resolves to when the formula types it, or undefined. */
function literalOption(param: ParamDeclaration, arg: NativeArg): string | null | undefined {
  if (arg.text === undefined) return String(param.default);
  if (arg.literalText === undefined) return undefined;
  const word = arg.literalText.trim().toLowerCase();
  if (word === "") return String(param.default);
  return param.options?.includes(word) ? word : null;
}

/** A parameter's value as a number: blank is its default (0 for a required one), text is read by VALUE. */
function numberValue(param: ParamDeclaration, arg: NativeArg): string {
  if (arg.text === undefined) return String(param.default ?? 0);
  if (arg.literal !== undefined) return paren(arg.text);
  const a = paren(arg.text);
  return `IF(${a}="",${param.default ?? 0},VALUE(${a}))`;
}

function domainCheck(param: ParamDeclaration, value: string): string | undefined {
  switch (param.domain) {
    case "nonNegative":
      return `${value}<0`;
    case "rate":
      return `ABS(${value})>1`;
    case "unitInterval":
      return `ABS(${value}-0.5)>0.5`;
    default:
      return undefined;
  }
}

function inDomain(param: ParamDeclaration, x: number): boolean {
  switch (param.domain) {
    case "nonNegative":
      return x >= 0;
    case "rate":
      return x >= -1 && x <= 1;
    case "unitInterval":
      return x >= 0 && x <= 1;
    default:
      return true;
  }
}

/** Folds what a typed option leaves constant: "lower"="higher", IF(FALSE,…), FALSE*TRUE. */
function fold(node: Node): Node {
  switch (node.kind) {
    case "call": {
      const args = node.args.map(fold);
      if (node.name.toUpperCase() === "IF" && args.length === 3) {
        const c = constant(args[0]);
        if (c !== undefined) return c ? args[1] : args[2];
      }
      return { ...node, args };
    }
    case "paren": {
      const arg = fold(node.arg);
      return arg.kind === "bool" || arg.kind === "number" ? arg : { ...node, arg };
    }
    case "binary": {
      const left = fold(node.left);
      const right = fold(node.right);
      if ((node.op === "=" || node.op === "<>") && left.kind === "string" && right.kind === "string") {
        const same = left.value.toLowerCase() === right.value.toLowerCase();
        return { kind: "bool", value: node.op === "=" ? same : !same, start: 0, end: 0 };
      }
      const l = constant(left);
      const r = constant(right);
      if (node.op === "*" && l !== undefined && r !== undefined)
        return { kind: "number", value: l * r, start: 0, end: 0 };
      return { ...node, left, right };
    }
    default:
      return node;
  }
}

function constant(node: Node): number | undefined {
  if (node.kind === "bool") return node.value ? 1 : 0;
  if (node.kind === "number") return node.value;
  return undefined;
}

/** Writes a tree made from a template (no user text in it: placeholders are single words). */
function print(node: Node, source: string): string {
  switch (node.kind) {
    case "call":
      return `${node.name}(${node.args.map((a) => print(a, source)).join(",")})`;
    case "paren":
      return `(${print(node.arg, source)})`;
    case "binary":
      return `${print(node.left, source)}${node.op}${print(node.right, source)}`;
    case "unary":
      return `${node.op}${print(node.arg, source)}`;
    case "percent":
      return `${print(node.arg, source)}%`;
    case "bool":
      return node.value ? "TRUE" : "FALSE";
    case "number":
      return node.start === node.end ? String(node.value) : source.slice(node.start, node.end);
    default:
      return source.slice(node.start, node.end);
  }
}

/**
 * The native form of one call of `declaration`, with `args` in parameter order (missing
 * trailing arguments omitted). Whether the result must be entered as an array formula is the
 * caller's to know (it knows the shapes); this only writes the text.
 */
export function nativeCall(
  declaration: FunctionDeclaration,
  args: readonly NativeArg[],
  language: "vi" | "en",
): NativeCall {
  const form = declaration.native;
  if (form.kind === "valueOnly") return { kind: "value", why: form.why[language] };
  const params = declaration.params;
  const argOf = (k: number): NativeArg => args[k] ?? { multi: false };
  const byName = new Map(params.map((p, k) => [p.name, k]));
  if (form.kind === "whole") {
    for (const name of form.single ?? []) {
      const k = byName.get(name);
      if (k !== undefined && argOf(k).multi) {
        return {
          kind: "value",
          why:
            language === "vi"
              ? `${declaration.vi}: ${params[k].vi} là một vùng ô`
              : `${declaration.id}: ${name} is a range`,
        };
      }
    }
  }

  // Placeholders become single words while the template is folded, then the arguments go in.
  const fills: string[] = [];
  const marker = (text: string): string => {
    fills.push(text);
    return `HTARG${fills.length - 1}Z`;
  };
  const guards: (readonly [string, string])[] = [];
  const options = new Map<string, string>();
  for (let k = 0; k < params.length; k++) {
    const param = params[k];
    if (param.kind !== "option") continue;
    const arg = argOf(k);
    const word = literalOption(param, arg);
    if (word === null) return { kind: "native", text: "#VALUE!" };
    if (word !== undefined) {
      options.set(param.name, quote(word));
      continue;
    }
    const a = paren(arg.text as string);
    const value = `IF(TRIM(${a})="",${quote(String(param.default))},TRIM(${a}))`;
    options.set(param.name, marker(value));
    const allowed = (param.options ?? []).map((o) => `(${marker(value)}<>${quote(o)})`).join("*");
    guards.push([allowed, "#VALUE!"]);
  }

  const substitute = (template: string): string =>
    template.replace(PLACEHOLDER, (_, name: string, how?: string) => {
      const k = byName.get(name);
      if (k === undefined) throw new Error(`HT.${declaration.id}'s native form names no parameter ${name}`);
      const param = params[k];
      const arg = argOf(k);
      if (how === "option") return options.get(name) as string;
      if (how === "arg") return marker(paren(arg.text ?? "0"));
      if (param.kind === "label") return marker(`TRIM(${paren(arg.text ?? '""')})`);
      return marker(numberValue(param, arg));
    });

  let body: string;
  if (form.kind === "whole") body = substitute(form.formula);
  else {
    body = substitute(form.value);
    const inner: (readonly [string, string])[] = [];
    for (const [condition, error] of form.first ?? []) inner.push([substitute(condition), error]);
    for (let k = 0; k < params.length; k++) {
      const param = params[k];
      const arg = argOf(k);
      if (arg.text === undefined) continue;
      if (param.kind === "label") {
        if (arg.literalText === undefined && arg.literal === undefined) {
          const a = marker(paren(arg.text));
          inner.push([`ISERROR(${a})`, a]);
        }
      } else if (param.kind === "number") {
        if (arg.literal !== undefined && inDomain(param, arg.literal)) continue;
        const check = domainCheck(param, marker(numberValue(param, arg)));
        if (check) inner.push([check, "#NUM!"]);
      }
    }
    const blanks: string[] = [];
    let neverBlank = false;
    for (let k = 0; k < params.length; k++) {
      const param = params[k];
      if (!(param.kind === "label" || (param.kind === "number" && param.default === undefined && !param.setting)))
        continue;
      const arg = argOf(k);
      if (arg.text === undefined) continue;
      if (arg.literal !== undefined || (arg.literalText !== undefined && arg.literalText.trim() !== "")) {
        neverBlank = true;
        continue;
      }
      const a = paren(arg.text);
      blanks.push(param.kind === "label" ? `TRIM(${a})=""` : `${a}=""`);
    }
    const fails = (form.fails ?? []).map(([c, e]: NativeGuard) => [substitute(c), e] as const);
    for (let i = fails.length - 1; i >= 0; i--) body = `IF(${fails[i][0]},${fails[i][1]},${body})`;
    if (!neverBlank && blanks.length > 0) {
      const condition = blanks.length === 1 ? blanks[0] : blanks.map((b) => `(${b})`).join("*");
      body = `IF(${marker(condition)},"",${body})`;
    }
    for (let i = inner.length - 1; i >= 0; i--) body = `IF(${inner[i][0]},${inner[i][1]},${body})`;
  }
  for (let i = guards.length - 1; i >= 0; i--) body = `IF(${guards[i][0]},${guards[i][1]},${body})`;

  let folded = FOLDED.get(body);
  if (folded === undefined) {
    folded = print(fold(parseFormula(body)), body);
    if (FOLDED.size < 10_000) FOLDED.set(body, folded);
  }
  const text = folded.replace(/HTARG(\d+)Z/g, (_, i: string) => fills[Number(i)]);
  return { kind: "native", text };
}
