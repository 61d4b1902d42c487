import { cellError, isCellError, type Arg, type CellError, type Grid, type Result, type Scalar } from "./cell";
import { BLANK, readLabel, readNumber } from "./coerce";
import { broadcastShape, toGrids, type Shape } from "./grid";
import { messages } from "./messages";

/** What values a numeric parameter admits; anything outside is #NUM!. */
export type Domain = "nonNegative" | "rate" | "unitInterval" | "real";

export interface NumberParam {
  readonly name: string;
  readonly domain: Domain;
  /** Value of an omitted or empty optional argument; absent for required ones. */
  readonly fallback?: number;
  /** A required value that applies to the data (a base price) rather than being data: an
   *  element whose data inputs are blank stays blank whatever this holds. */
  readonly setting?: true;
}

export interface LabelParam {
  readonly name: string;
  readonly label: true;
}

export type Param = NumberParam | LabelParam;

/** The element values handed to a kernel: numbers for numeric parameters, keys for labels
 *  ("" for a blank label among filled inputs). */
export type Values = readonly (number | string)[];

function isLabel(param: Param): param is LabelParam {
  return (param as LabelParam).label === true;
}

function outsideDomain(fn: string, param: NumberParam, x: number): CellError | undefined {
  switch (param.domain) {
    case "nonNegative":
      return x < 0 ? cellError("#NUM!", messages.negative(fn, param.name)) : undefined;
    case "rate":
      return x < -1 ? cellError("#NUM!", messages.rateBelowMinusOne(fn, param.name)) : undefined;
    case "unitInterval":
      return x < 0 || x > 1 ? cellError("#NUM!", messages.outsideUnit(fn, param.name)) : undefined;
    case "real":
      return undefined;
  }
}

/** Sentinel handed to `visit` for an element whose required inputs are all blank. */
export const BLANK_ELEMENT: typeof BLANK = BLANK;

export type Element = Values | CellError | typeof BLANK_ELEMENT;

/**
 * Walks the broadcast shape of `args` in row-major order, reading each element's inputs.
 * An element is an error when any input is (the first, in argument order), blank when every
 * required input is blank (optional ones are settings, not data), and values otherwise: a blank
 * required number counts as 0, a blank optional one takes its fallback.
 * Returns the shape walked, or the error that prevents walking.
 */
export function scan(
  fn: string,
  params: readonly Param[],
  args: readonly Arg[],
  visit: (element: Element, row: number, col: number) => void,
): Shape | CellError {
  const names = params.map((p) => p.name);
  const grids = toGrids(fn, args, names);
  if (isCellError(grids)) return grids;
  const shape = broadcastShape(fn, grids, names);
  if (isCellError(shape)) return shape;

  const count = params.length;
  const byRow = grids.map((g) => g.length > 1);
  const byCol = grids.map((g) => g[0].length > 1);
  const required = params.map((p) => isLabel(p) || (p.fallback === undefined && !p.setting));
  const anyRequired = required.some(Boolean);
  // One buffer reused for every element: kernels read it synchronously and never keep it.
  const values: (number | string)[] = new Array(count).fill(0);

  for (let i = 0; i < shape.rows; i++) {
    for (let j = 0; j < shape.cols; j++) {
      let failure: CellError | undefined;
      let filledRequired = !anyRequired;
      for (let k = 0; k < count; k++) {
        const grid = grids[k];
        const cell: Scalar = grid[byRow[k] ? i : 0][byCol[k] ? j : 0];
        const param = params[k];
        if (isLabel(param)) {
          const key = readLabel(cell, fn, param.name);
          if (key === BLANK) values[k] = "";
          else if (isCellError(key)) failure ??= key;
          else {
            values[k] = key;
            filledRequired = true;
          }
          continue;
        }
        const x = readNumber(cell, fn, param.name);
        if (x === BLANK) {
          values[k] = param.fallback ?? 0;
        } else if (typeof x === "number") {
          const bad = outsideDomain(fn, param, x);
          if (bad) failure ??= bad;
          values[k] = x;
          if (required[k]) filledRequired = true;
        } else {
          failure ??= x;
        }
      }
      visit(failure ?? (filledRequired ? values : BLANK_ELEMENT), i, j);
    }
  }
  return shape;
}

/** A result value that is safe to hand to a cell: non-finite numbers become #NUM!. */
export function finite(fn: string, x: number): number | CellError {
  return Number.isFinite(x) ? x : cellError("#NUM!", messages.overflow(fn));
}

/**
 * Applies `kernel` to every element of the broadcast arguments; the result has the broadcast
 * shape. Blank elements give "", input errors pass through, a non-finite number becomes #NUM!.
 */
export function mapElements(
  fn: string,
  params: readonly Param[],
  args: readonly Arg[],
  kernel: (values: Values) => Result,
): Grid<Result> {
  const out: Result[][] = [];
  let row: Result[] = [];
  const shape = scan(fn, params, args, (element, _row, col) => {
    if (col === 0) {
      row = [];
      out.push(row);
    }
    if (element === BLANK_ELEMENT) row.push("");
    else if (isCellError(element)) row.push(element);
    else {
      const result = kernel(element);
      row.push(typeof result === "number" ? finite(fn, result) : result);
    }
  });
  return isCellError(shape) ? [[shape]] : out;
}
