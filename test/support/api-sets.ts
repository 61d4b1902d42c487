/**
 * Which Office.js members the source uses, and the requirement set each needs, read with the
 * TypeScript compiler: every identifier in an expression (types are compile-time only) whose
 * symbol is declared in @types/office-js or @types/custom-functions-runtime, the properties of
 * object literals handed to Office.js (a data-validation rule, a zoom), the properties named in
 * `load("a,b/c")` strings, and string literals asserted to an Office.js enum (an error code).
 * Each member's set is its declaration's `[Api set: …]` JSDoc tag, or that of the declaration
 * it belongs to (an enum member takes its enum's, a method without a tag its interface's).
 *
 * A use is guarded when it sits in the true branch of an `if`, a `? :` or an `&&` whose
 * condition calls `isSetSupported(set, version)` (or a `supports(set, version)` function handed
 * in for it) with a version at least the use's, or after an `if (!…(set, version)) return` in an
 * enclosing block.
 */
import * as ts from "typescript";
import { readdirSync } from "fs";
import { join, relative, sep } from "path";

export interface ApiSet {
  readonly name: string;
  readonly version: string;
}

export interface Use {
  /** e.g. Excel.Worksheet.copy */
  readonly member: string;
  readonly set: ApiSet | undefined;
  /** The tag as written, e.g. "ExcelApi 1.1 for get, 1.8 for set". */
  readonly tag: string;
  readonly file: string;
  readonly line: number;
  /** The set and version the enclosing guard checks for, if any. */
  readonly guard: ApiSet | undefined;
}

/** A documented correction of a tag, with its reason. */
export interface Correction {
  readonly set: ApiSet;
  readonly why: string;
}

const TYPINGS = [`${sep}@types${sep}office-js${sep}`, `${sep}@types${sep}custom-functions-runtime${sep}`];
const GUARDS = new Set(["isSetSupported", "supports"]);

export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || (an ?? 0) - (bn ?? 0);
}

const fromTypings = (declaration: ts.Declaration) =>
  TYPINGS.some((dir) => declaration.getSourceFile().fileName.split("/").join(sep).includes(dir));

/** The `[Api set: …]` tag in a declaration's own JSDoc, if any. */
function ownTag(declaration: ts.Node): string | undefined {
  const text = declaration.getFullText();
  const start = declaration.getStart() - declaration.getFullStart();
  const match = /\[Api set: ([^\]]+)\]/.exec(text.slice(0, start));
  return match?.[1].trim();
}

/** The tag of the declaration or of the nearest declaration around it (an enum, an interface). */
function tagOf(declaration: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isModuleDeclaration(node)) return undefined;
    const tag = ownTag(node);
    if (tag) return tag;
  }
  return undefined;
}

/** The set a tag names: its first version for a read, its highest for a write ("1.1 for get, 1.8 for set"). */
function setOf(tag: string, write: boolean): ApiSet | undefined {
  const first = /^([A-Za-z]+) (\d+\.\d+)/.exec(tag);
  if (!first) return undefined;
  const versions = [...tag.matchAll(/(?:^|[\s,;/])(\d+\.\d+)\b/g)].map((m) => m[1]);
  const version = write ? versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), first[2]) : first[2];
  return { name: first[1], version };
}

function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

/** The set and version a guard call checks, if the node is one. */
function guardCall(node: ts.Node): ApiSet | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const [set, version] = node.arguments;
  if (!GUARDS.has(name) || !set || !version || !ts.isStringLiteral(set) || !ts.isStringLiteral(version))
    return undefined;
  return { name: set.text, version: version.text };
}

/** Guards a condition asserts when true: calls, joined by &&, possibly in parentheses. */
function guardsIn(condition: ts.Expression): ApiSet[] {
  const inner = ts.isParenthesizedExpression(condition) ? condition.expression : condition;
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...guardsIn(inner.left), ...guardsIn(inner.right)];
  const call = guardCall(inner);
  return call ? [call] : [];
}

/** Guards a condition asserts when false: `!call`, joined by ||. */
function guardsWhenFalse(condition: ts.Expression): ApiSet[] {
  const inner = ts.isParenthesizedExpression(condition) ? condition.expression : condition;
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    return [...guardsWhenFalse(inner.left), ...guardsWhenFalse(inner.right)];
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken)
    return guardsIn(inner.operand);
  return [];
}

const exits = (statement: ts.Statement): boolean =>
  ts.isReturnStatement(statement) ||
  ts.isThrowStatement(statement) ||
  (ts.isBlock(statement) && statement.statements.length > 0 && exits(statement.statements.at(-1)!));

/** Every guard around a node: branches it is in, and early returns before it in enclosing blocks. */
function guardsAround(node: ts.Node): ApiSet[] {
  const found: ApiSet[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) found.push(...guardsIn(parent.expression));
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) found.push(...guardsIn(parent.condition));
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child
    )
      found.push(...guardsIn(parent.left));
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement))
          found.push(...guardsWhenFalse(statement.expression));
      }
    }
  }
  return found;
}

/** The strongest guard around a node for a set (the highest version checked). */
function guardFor(node: ts.Node, set: ApiSet | undefined): ApiSet | undefined {
  if (!set) return undefined;
  return guardsAround(node)
    .filter((g) => g.name === set.name)
    .reduce<ApiSet | undefined>(
      (best, g) => (!best || compareVersions(g.version, best.version) > 0 ? g : best),
      undefined,
    );
}

const isWrite = (node: ts.Node): boolean => {
  let target: ts.Node = node;
  if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) target = node.parent;
  const parent = target.parent;
  return (
    ts.isBinaryExpression(parent) && parent.left === target && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
};

/** The Office.js uses in the given files, read through the program of tsconfig.json. */
export function officeUses(
  root: string,
  files: readonly string[],
  corrections: Record<string, Correction> = {},
): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const program = ts.createProgram({ rootNames: [...files], options: { ...config.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];

  const record = (node: ts.Node, symbol: ts.Symbol | undefined, write = false) => {
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = (symbol.declarations ?? []).filter(fromTypings);
    if (declarations.length === 0) return;
    // Namespaces (Excel, Office) are containers, not members.
    if (declarations.every((d) => ts.isModuleDeclaration(d))) return;
    const member = qualifiedName(checker, symbol);
    const tag = declarations.map(tagOf).find((t) => t !== undefined) ?? "";
    const set = corrections[member]?.set ?? setOf(tag, write);
    const source = node.getSourceFile();
    uses.push({
      member,
      set,
      tag: corrections[member] ? `${tag} (corrected: ${corrections[member].why})` : tag,
      file: relative(root, source.fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      guard: guardFor(node, set),
    });
  };

  /** The properties a load("a,b/c") or load(["a"]) names, on the type it is called on. */
  const recordLoad = (call: ts.CallExpression, receiver: ts.Expression) => {
    const arg = call.arguments[0];
    if (!arg) return;
    const strings = ts.isStringLiteral(arg)
      ? [arg]
      : ts.isArrayLiteralExpression(arg)
        ? arg.elements.filter(ts.isStringLiteral)
        : [];
    for (const literal of strings) {
      for (const path of literal.text.split(",")) {
        let type: ts.Type | undefined = checker.getTypeAtLocation(receiver);
        for (const name of path.trim().split("/")) {
          if (!type) break;
          const property: ts.Symbol | undefined = type.getProperty(name);
          if (!property) break;
          record(literal, property);
          const next = checker.getTypeOfSymbolAtLocation(property, literal);
          type = checker.getIndexTypeOfType(next, ts.IndexKind.Number) ?? next;
        }
      }
    }
  };

  /** An enum's members whose values the expression can have. */
  const recordEnumAssertion = (assertion: ts.AsExpression) => {
    const target = checker.getTypeFromTypeNode(assertion.type);
    const enumSymbol = target.aliasSymbol ?? target.getSymbol();
    const enumDeclaration = enumSymbol?.declarations?.find(ts.isEnumDeclaration);
    if (!enumDeclaration || !fromTypings(enumDeclaration)) return;
    const source = checker.getTypeAtLocation(assertion.expression);
    const values = new Set(
      (source.isUnion() ? source.types : [source])
        .filter((t) => t.isStringLiteral())
        .map((t) => (t as ts.StringLiteralType).value),
    );
    for (const member of enumDeclaration.members) {
      const value = member.initializer && ts.isStringLiteral(member.initializer) ? member.initializer.text : undefined;
      if (value !== undefined && values.has(value)) record(assertion, checker.getSymbolAtLocation(member.name));
    }
  };

  const visit = (node: ts.Node): void => {
    // Types and imports are compile-time only: nothing of Office.js runs for them.
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
    if (ts.isImportDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return;
    if (ts.isAsExpression(node)) recordEnumAssertion(node);
    if (
      ts.isIdentifier(node) &&
      !ts.isPropertyAssignment(node.parent) &&
      !ts.isShorthandPropertyAssignment(node.parent)
    )
      record(node, checker.getSymbolAtLocation(node), isWrite(node));
    if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      ts.isObjectLiteralExpression(node.parent)
    ) {
      const contextual = checker.getContextualType(node.parent);
      const name = node.name.getText();
      const property = contextual?.getNonNullableType().getProperty(name);
      if (property) record(node.name, property, true);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "load"
    ) {
      const method = checker.getSymbolAtLocation(node.expression.name);
      if (method?.declarations?.some(fromTypings)) recordLoad(node, node.expression.expression);
    }
    ts.forEachChild(node, visit);
  };

  for (const file of files) visit(program.getSourceFile(file)!);
  return uses;
}

/** The manifest's <Requirements> sets: name → minimum version. */
export function manifestSets(manifest: string): Map<string, string> {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? "";
  const sets = new Map<string, string>();
  const fallback = /<Sets DefaultMinVersion="([^"]+)"/.exec(requirements)?.[1] ?? "1.1";
  for (const m of requirements.matchAll(/<Set Name="([^"]+)"(?: MinVersion="([^"]+)")?\s*\/>/g))
    sets.set(m[1], m[2] ?? fallback);
  return sets;
}

/** Uses above the manifest's minimum (or of a set it does not name) and not guarded for it. */
export function unguarded(uses: readonly Use[], minimum: ReadonlyMap<string, string>): Use[] {
  return uses.filter((use) => {
    if (!use.set) return false;
    const declared = minimum.get(use.set.name);
    if (declared !== undefined && compareVersions(use.set.version, declared) <= 0) return false;
    return !use.guard || compareVersions(use.guard.version, use.set.version) < 0;
  });
}

/** Every .ts file under a folder, sorted. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
