/**
 * The values that cross a worksheet boundary, and the one error vocabulary of the add-in.
 * Errors are values (never thrown); only the custom-function boundary turns them into
 * CustomFunctions.Error, and only the preview turns them into HyperFormula errors.
 */

/** Errors a function may produce. */
export type OutputErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

/** Errors Excel may hand in as input; all are passed through unchanged. */
export type ErrorCode = OutputErrorCode | "#REF!" | "#NAME?" | "#NULL!" | "#GETTING_DATA" | "#SPILL!" | "#CALC!";

/** A message in both languages; the boundary shows the one of Excel's display language. */
export interface LocalText {
  readonly vi: string;
  readonly en: string;
}

export type MessageLanguage = keyof LocalText;

export interface CellError {
  readonly error: ErrorCode;
  /** The core's own errors carry both languages; an error handed in by Excel keeps its text. */
  readonly message?: string | LocalText;
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

export function cellError(error: ErrorCode, message?: string | LocalText): CellError {
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

/** Reads a host's own error objects (Excel's CustomFunctions.Error) as core errors. */
export type ForeignErrorReader = (value: object) => CellError | undefined;

let readForeignError: ForeignErrorReader = () => undefined;

/**
 * Lets a boundary say how its error objects read, so that the core meets them where it reads
 * cells, instead of the boundary copying every range of 100,000 rows to convert them first.
 */
export function readForeignErrorsWith(reader: ForeignErrorReader): void {
  readForeignError = reader;
}

/** The error a cell holds: a core error as it is, a host's error object as the core's; else undefined. */
export function errorOf(value: unknown): CellError | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return isCellError(value) ? value : readForeignError(value);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && ERROR_CODES.has(code);
}

export function isBlank(value: unknown): value is "" | null | undefined {
  return value === "" || value === null || value === undefined;
}

/** An error's message in one language: "vi" or "en". */
export function messageIn(error: CellError, language: MessageLanguage): string | undefined {
  const message = error.message;
  return typeof message === "object" ? message[language] : message;
}

/** The message language for an Office display language ("vi-VN" → "vi"); English otherwise,
 *  and when there is no Office at all. */
export function messageLanguageOf(displayLanguage: unknown): MessageLanguage {
  return typeof displayLanguage === "string" && /^vi(\b|[-_])/i.test(displayLanguage) ? "vi" : "en";
}

const PLAIN_RESULTS = new WeakSet<object>();

/** Marks a result grid that holds no error value, so a boundary need not scan 100,000 rows
 *  for errors to convert. */
export function plainResult<T extends object>(grid: T): T {
  PLAIN_RESULTS.add(grid);
  return grid;
}

/** Whether `grid` was marked by plainResult. */
export function isPlainResult(grid: object): boolean {
  return PLAIN_RESULTS.has(grid);
}
