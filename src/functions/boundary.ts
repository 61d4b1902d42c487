/**
 * The only place where the core's error values meet Excel's: results go out with
 * CustomFunctions.Error, inputs that Excel hands in as error objects come in as core errors.
 * CustomFunctions is read when a function runs, never when this module loads.
 */
import {
  cellError,
  isCellError,
  isErrorCode,
  isPlainResult,
  messageIn,
  messageLanguageOf,
  readForeignErrorsWith,
  type Arg,
  type CellError,
  type ErrorCode,
  type Grid,
  type MessageLanguage,
  type Result,
} from "../core/cell";

type ExcelErrorCode = CustomFunctions.ErrorCode;
/**
 * The codes a custom function may return: those of CustomFunctions.Error since
 * CustomFunctionsRuntime 1.2, which the manifest requires (1.3 added #NAME? and #REF!, as inputs
 * only). test/build/api-sets.test.ts reads this list.
 */
type OutputCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!";

/** Error codes Excel accepts as a custom function's output, and whether a message may go with it. */
const OUTPUT: Partial<Record<ErrorCode, { code: OutputCode; message: boolean }>> = {
  "#VALUE!": { code: "#VALUE!", message: true },
  "#N/A": { code: "#N/A", message: true },
  "#DIV/0!": { code: "#DIV/0!", message: false },
  "#NUM!": { code: "#NUM!", message: false },
  "#NULL!": { code: "#NULL!", message: false },
};

/**
 * The language of the messages: Excel's display language (Vietnamese for vi-*, English
 * otherwise), read in the shared runtime when a function runs; English without Office.
 */
export function displayLanguage(): MessageLanguage {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  try {
    return messageLanguageOf(office?.context?.displayLanguage);
  } catch {
    // office.js refuses some reads before it has initialised: the message is then in English,
    // as it is without Office at all.
    return "en";
  }
}

/** A core error as Excel's, its message in `language`. Errors Excel cannot return (#REF!,
 *  #NAME? …) become #VALUE! saying so. */
export function toExcelError(error: CellError, language: MessageLanguage = displayLanguage()): CustomFunctions.Error {
  const out = OUTPUT[error.error];
  const message = messageIn(error, language);
  if (!out) {
    return new CustomFunctions.Error("#VALUE!" as ExcelErrorCode, `${error.error} ${message ?? ""}`.trim());
  }
  return out.message && message
    ? new CustomFunctions.Error(out.code as ExcelErrorCode, message)
    : new CustomFunctions.Error(out.code as ExcelErrorCode);
}

/** A core result as Excel wants it: a matrix for spilling functions, one value otherwise. */
export function toExcelGrid(result: Grid<Result>): unknown[][] {
  if (isPlainResult(result)) return result as unknown[][];
  // Errors are rare: leave error-free rows as they are rather than copying 100,000 of them.
  let out: unknown[][] | undefined;
  let language: MessageLanguage | undefined;
  for (let i = 0; i < result.length; i++) {
    const row = result[i];
    for (let j = 0; j < row.length; j++) {
      if (typeof row[j] !== "object") continue;
      out ??= result.slice() as unknown[][];
      language ??= displayLanguage();
      const lang = language;
      out[i] = row.map((value) => (isCellError(value) ? toExcelError(value, lang) : value));
      break;
    }
  }
  return out ?? (result as unknown[][]);
}

export function toExcelValue(result: Result): unknown {
  return isCellError(result) ? toExcelError(result) : result;
}

/** An error object Excel hands in (CustomFunctions.Error: code and message) as a core error. */
function fromExcelError(value: object): CellError | undefined {
  const code = (value as { code?: unknown }).code;
  const message = (value as { message?: unknown }).message;
  return isErrorCode(code) ? cellError(code, typeof message === "string" && message ? message : undefined) : undefined;
}

// The core reads Excel's error objects where it reads cells: ranges go in as Excel hands them,
// never copied or scanned first (100,000 rows per argument).
readForeignErrorsWith(fromExcelError);

/** An argument as the core reads it: a range as it is, a single error object as a core error. */
export function fromExcel(arg: unknown): Arg {
  if (Array.isArray(arg) || typeof arg !== "object" || arg === null) return arg as Arg;
  return (fromExcelError(arg) ?? arg) as Arg;
}
