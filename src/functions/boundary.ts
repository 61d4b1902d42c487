/**
 * The only place where the core's error values meet Excel's: results go out with
 * CustomFunctions.Error, inputs that Excel hands in as error objects come in as core errors.
 * CustomFunctions is read when a function runs, never when this module loads.
 */
import {
  cellError,
  isCellError,
  isErrorCode,
  type Arg,
  type CellError,
  type ErrorCode,
  type Grid,
  type Result,
} from "../core/cell";

type ExcelErrorCode = CustomFunctions.ErrorCode;

/** Error codes Excel accepts as a custom function's output, and whether a message may go with it. */
const OUTPUT: Partial<Record<ErrorCode, { code: `${ExcelErrorCode}`; message: boolean }>> = {
  "#VALUE!": { code: "#VALUE!", message: true },
  "#N/A": { code: "#N/A", message: true },
  "#DIV/0!": { code: "#DIV/0!", message: false },
  "#NUM!": { code: "#NUM!", message: false },
  "#NULL!": { code: "#NULL!", message: false },
};

/** A core error as Excel's. Errors Excel cannot return (#REF!, #NAME? …) become #VALUE! saying so. */
export function toExcelError(error: CellError): CustomFunctions.Error {
  const out = OUTPUT[error.error];
  if (!out) {
    return new CustomFunctions.Error("#VALUE!" as ExcelErrorCode, `${error.error} ${error.message ?? ""}`.trim());
  }
  return out.message && error.message
    ? new CustomFunctions.Error(out.code as ExcelErrorCode, error.message)
    : new CustomFunctions.Error(out.code as ExcelErrorCode);
}

function outCell(value: Result): unknown {
  return isCellError(value) ? toExcelError(value) : value;
}

/** A core result as Excel wants it: a matrix for spilling functions, one value otherwise. */
export function toExcelGrid(result: Grid<Result>): unknown[][] {
  // Errors are rare: leave error-free rows as they are rather than copying 100,000 of them.
  let out: unknown[][] | undefined;
  for (let i = 0; i < result.length; i++) {
    const row = result[i];
    for (let j = 0; j < row.length; j++) {
      if (typeof row[j] !== "object") continue;
      out ??= result.slice() as unknown[][];
      out[i] = row.map(outCell);
      break;
    }
  }
  return out ?? (result as unknown[][]);
}

export function toExcelValue(result: Result): unknown {
  return outCell(result);
}

function fromExcelCell(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    const message = (value as { message?: unknown }).message;
    if (isErrorCode(code)) return cellError(code, typeof message === "string" && message ? message : undefined);
  }
  return value;
}

// Indexed loops: this runs over every cell of every argument, and iterators cost several times more.
function hasObject(arg: readonly unknown[]): boolean {
  for (let i = 0; i < arg.length; i++) {
    const row = arg[i];
    if (!Array.isArray(row)) {
      if (typeof row === "object" && row !== null) return true;
      continue;
    }
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v === "object" && v !== null) return true;
    }
  }
  return false;
}

/** An argument as the core reads it: Excel error objects become core errors. */
export function fromExcel(arg: unknown): Arg {
  if (!Array.isArray(arg)) return fromExcelCell(arg) as Arg;
  if (!hasObject(arg)) return arg as Arg;
  return arg.map((row) => (Array.isArray(row) ? row.map(fromExcelCell) : fromExcelCell(row))) as Arg;
}
