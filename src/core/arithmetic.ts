import { cellError, type CellError } from "./cell";
import { messages } from "./messages";

/** numerator / denominator, or #DIV/0! naming the argument that is zero. */
export function divide(
  fn: string,
  numerator: number,
  denominator: number,
  denominatorName: string,
): number | CellError {
  return denominator === 0
    ? cellError("#DIV/0!", messages.divisionByZero(fn, denominatorName))
    : numerator / denominator;
}

/** The #DIV/0! of one argument, made once per call and shared by every element it hits. */
export function zeroDivisor(fn: string, denominatorName: string): () => CellError {
  let error: CellError | undefined;
  return () => (error ??= cellError("#DIV/0!", messages.divisionByZero(fn, denominatorName)));
}
