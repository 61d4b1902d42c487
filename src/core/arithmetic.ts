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
