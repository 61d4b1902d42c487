import { cellError, isCellError, type Arg, type CellError, type Grid, type Result, type Scalar } from "./cell";
import { BLANK, readLabel, readNumber, type Blank } from "./coerce";
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

/**
 * An element's inputs as a kernel reads them: `x[k]` for numeric parameter k, `labels[k]` for
 * label parameter k ("" for a blank label among filled inputs). Both buffers are reused from
 * element to element: a kernel reads them and never keeps them.
 */
export interface Values {
  readonly x: Float64Array;
  readonly labels: readonly string[];
}

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

/** One input read: a number, a label, blank, or an error. */
type Read = number | string | Blank | CellError;

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
  onShape?: (shape: Shape) => void,
): Shape | CellError {
  const names = params.map((p) => p.name);
  const grids = toGrids(fn, args, names);
  if (isCellError(grids)) return grids;
  const shape = broadcastShape(fn, grids, names);
  if (isCellError(shape)) return shape;
  onShape?.(shape);

  const count = params.length;
  const byRow = grids.map((g) => g.length > 1);
  const byCol = grids.map((g) => g[0].length > 1);
  const required = params.map((p) => isLabel(p) || (p.fallback === undefined && !p.setting));
  const anyRequired = required.some(Boolean);
  const x = new Float64Array(count);
  const labels: string[] = new Array<string>(count).fill("");
  const values: Values = { x, labels };
  // Labels repeat (a grade per row): read each distinct text once.
  const labelCache = new Map<unknown, string | Blank | CellError>();

  const read = (k: number, cell: Scalar): Read => {
    const param = params[k];
    if (isLabel(param)) {
      let label = labelCache.get(cell);
      if (label === undefined) {
        label = readLabel(cell, fn, param.name);
        if (typeof cell !== "object" || cell === null) labelCache.set(cell, label);
      }
      return label;
    }
    // Most cells are plain finite numbers: check those inline.
    const v = typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, fn, param.name);
    return typeof v === "number" ? (outsideDomain(fn, param, v) ?? v) : v;
  };

  // A one-cell argument (a rate, a base price) is read once for every element.
  const constant: (Read | undefined)[] = grids.map((g, k) => (byRow[k] || byCol[k] ? undefined : read(k, g[0][0])));
  // The lowest number each numeric parameter admits, for the inline check below.
  const lowest = params.map((p) =>
    isLabel(p) ? Number.NaN : p.domain === "rate" ? -1 : p.domain === "real" ? -Infinity : 0,
  );
  const highest = params.map((p) => (!isLabel(p) && p.domain === "unitInterval" ? 1 : Infinity));

  for (let i = 0; i < shape.rows; i++) {
    for (let j = 0; j < shape.cols; j++) {
      let failure: CellError | undefined;
      let filledRequired = !anyRequired;
      for (let k = 0; k < count; k++) {
        const fixed = constant[k];
        let got: Read;
        if (fixed !== undefined) got = fixed;
        else {
          const cell = grids[k][byRow[k] ? i : 0][byCol[k] ? j : 0];
          // Most cells are plain numbers in range: take them without a call, so they stay unboxed.
          if (typeof cell === "number" && cell - cell === 0 && cell >= lowest[k] && cell <= highest[k]) {
            x[k] = cell;
            if (required[k]) filledRequired = true;
            continue;
          }
          got = read(k, cell);
        }
        if (typeof got === "number") {
          x[k] = got;
          if (required[k]) filledRequired = true;
        } else if (typeof got === "string") {
          labels[k] = got;
          filledRequired = true;
        } else if (got === BLANK) {
          const param = params[k];
          if (isLabel(param)) labels[k] = "";
          else x[k] = param.fallback ?? 0;
        } else if (failure === undefined) {
          failure = got;
        }
      }
      visit(failure ?? (filledRequired ? values : BLANK_ELEMENT), i, j);
    }
  }
  return shape;
}

/** A result value that is safe to hand to a cell: non-finite numbers become #NUM!. */
export function finite(fn: string, x: number): number | CellError {
  return x - x === 0 ? x : cellError("#NUM!", messages.overflow(fn));
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
  let scanWidth = 1;
  const shape = scan(
    fn,
    params,
    args,
    (element, _row, col) => {
      let result: Result;
      if (element === BLANK_ELEMENT) result = "";
      else if (isCellError(element)) result = element;
      else {
        result = kernel(element);
        if (typeof result === "number" && result - result !== 0) result = cellError("#NUM!", messages.overflow(fn));
      }
      // Rows of the exact size: a grown [] costs several times the memory, and 100,000 of them the time.
      if (col === 0) {
        row = scanWidth === 1 ? [result] : new Array<Result>(scanWidth);
        out.push(row);
      }
      row[col] = result;
    },
    (s) => (scanWidth = s.cols),
  );
  return isCellError(shape) ? [[shape]] : out;
}
