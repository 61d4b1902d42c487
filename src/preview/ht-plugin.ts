/**
 * Every HT function for HyperFormula, by the same names Excel registers (each id and each
 * Vietnamese name) and from the same declarations and pure core: HyperFormula values in, core
 * errors and grids out, as HyperFormula errors and arrays. The result's size comes from the
 * declaration: one value, a fixed table, or the broadcast shape of the data arguments.
 */
import {
  ArraySize,
  CellError as HfCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { MAX_RESULT_CELLS } from "../core/grid";
import { REGISTRATIONS, REGISTRATION_BY_ID, type CatalogEntry } from "../core/catalog";
import {
  isCellError,
  messageIn,
  type Arg,
  type CellError,
  type ErrorCode,
  type MessageLanguage,
  type Result,
  type Scalar,
} from "../core/cell";

const TO_HF: Partial<Record<ErrorCode, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#SPILL!": ErrorType.SPILL,
};

const FROM_HF: Partial<Record<ErrorType, ErrorCode>> = Object.fromEntries(
  Object.entries(TO_HF).map(([code, type]) => [type, code as ErrorCode]),
);

function toCore(value: unknown): Scalar {
  if (value instanceof HfCellError)
    return { error: FROM_HF[value.type] ?? "#VALUE!", message: value.message || undefined };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // HyperFormula keeps dates, percentages and currency as numbers with a format: the number is what counts.
  if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number")
    return (value as { val: number }).val;
  return undefined;
}

let messageLanguage: MessageLanguage = "en";

/** The language of the preview's error messages, as Excel's display language sets Excel's. */
export function useMessageLanguage(language: MessageLanguage): void {
  messageLanguage = language;
}

function toHf(value: Result): unknown {
  if (!isCellError(value)) return value;
  const error = value as CellError;
  return new HfCellError(TO_HF[error.error] ?? ErrorType.VALUE, messageIn(error, messageLanguage));
}

/** What the plugin reads of a function call: HyperFormula does not export its AST types. */
interface ProcedureAst {
  readonly procedureName: string;
  readonly args: readonly unknown[];
}
type InterpreterState = unknown;

const entryOf = (ast: ProcedureAst): CatalogEntry | undefined =>
  REGISTRATION_BY_ID.get(ast.procedureName.replace(/^HT\./i, "").toUpperCase())?.entry;

export class HtPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    REGISTRATIONS.map(({ id, entry }) => [
      `HT.${id}`,
      {
        method: "ht",
        sizeOfResultArrayMethod: "htSize",
        vectorizationForbidden: true,
        parameters: entry.params.map((p) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: p.optional === true,
        })),
      },
    ]),
  );

  ht(ast: ProcedureAst, state: InterpreterState): unknown {
    const entry = entryOf(ast)!;
    if (ast.args.length > entry.params.length)
      return new HfCellError(ErrorType.NA, `HT.${entry.id}: too many arguments`);
    const args: Arg[] = ast.args.map((argAst) => {
      const value = this.evaluateAst(argAst as never, state as never);
      return value instanceof SimpleRangeValue ? value.data.map((row) => row.map(toCore)) : toCore(value);
    });
    const result = entry.impl(...args);
    if (!Array.isArray(result)) return toHf(result as Result);
    const size = this.htSize(ast, state);
    const grid = result as Result[][];
    if (size.isScalar()) return toHf(grid[0][0]);
    // The preview reserves the predicted size; a whole-call error fills it, as Excel's single error would show.
    const rows = Array.from({ length: size.height }, (_, i) =>
      Array.from({ length: size.width }, (_, j) => toHf(grid[i]?.[j] ?? grid[0][0])),
    );
    return SimpleRangeValue.onlyValues(rows as never);
  }

  htSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const entry = entryOf(ast);
    if (!entry || entry.result === "scalar") return ArraySize.scalar();
    if (entry.result !== "broadcast") return new ArraySize(entry.result.cols, entry.result.rows);
    let width = 1;
    let height = 1;
    ast.args.forEach((argAst, k) => {
      const kind = entry.params[k]?.kind;
      if (kind !== "number" && kind !== "label") return;
      const size = this.arraySizeForAst(argAst as never, state as never);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    });
    // Beyond the limit the function gives one #NUM!: reserve one cell, not millions.
    if (width * height > MAX_RESULT_CELLS) return ArraySize.scalar();
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}
