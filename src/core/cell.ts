/**
 * The values that cross a worksheet boundary, and the one error vocabulary of the add-in.
 * Errors are values (never thrown); only the custom-function boundary turns them into
 * CustomFunctions.Error, and only the preview turns them into HyperFormula errors.
 */

/** Errors a function may produce. */
export type OutputErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

/** Errors Excel may hand in as input; all are passed through unchanged. */
export type ErrorCode = OutputErrorCode | "#REF!" | "#NAME?" | "#NULL!" | "#GETTING_DATA" | "#SPILL!" | "#CALC!";

export interface CellError {
  readonly error: ErrorCode;
  readonly message?: string;
}

/** One cell as Excel hands it to a function: blank is "", null or undefined. */
export type Scalar = number | string | boolean | null | undefined | CellError;
export type Grid<T> = readonly (readonly T[])[];
/** An argument: one value or a range. */
export type Arg = Scalar | Grid<Scalar>;
/** One result cell: a number, text ("" is blank), a boolean or an error. */
export type Result = number | string | boolean | CellError;

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "#VALUE!",
  "#DIV/0!",
  "#NUM!",
  "#N/A",
  "#REF!",
  "#NAME?",
  "#NULL!",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
]);

export function cellError(error: ErrorCode, message?: string): CellError {
  return message === undefined ? { error } : { error, message };
}

export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { error?: unknown }).error === "string" &&
    ERROR_CODES.has((value as { error: string }).error)
  );
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && ERROR_CODES.has(code);
}

export function isBlank(value: unknown): value is "" | null | undefined {
  return value === "" || value === null || value === undefined;
}
