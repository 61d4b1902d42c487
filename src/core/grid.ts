import { cellError, isCellError, type Arg, type CellError, type Grid, type Scalar } from "./cell";
import { messages } from "./messages";

/** The largest broadcast result a function returns (FUNCTIONS.md): more is #NUM!. */
export const MAX_RESULT_CELLS = 5_000_000;

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** Any argument as a rectangular grid: a value is 1×1, a flat array one row. `checkRows` false:
 *  the caller checks every row's length as it reads it. */
export function toGrid(arg: Arg, fn: string, name: string, checkRows = true): Grid<Scalar> | CellError {
  if (!Array.isArray(arg)) return [[arg as Scalar]];
  if (arg.length === 0) return [[undefined]];
  if (!Array.isArray(arg[0])) return [arg as unknown as Scalar[]];
  const cols = (arg[0] as readonly Scalar[]).length;
  if (cols === 0) return [[undefined]];
  if (!checkRows) return arg as Grid<Scalar>;
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    if (!Array.isArray(row) || row.length !== cols) return cellError("#VALUE!", messages.ragged(fn, name));
  }
  return arg as Grid<Scalar>;
}

/**
 * The shape several grids broadcast to, as in Excel array arithmetic: along each axis every
 * grid has either the common length or length 1. Otherwise a #VALUE! naming the arguments.
 */
export function broadcastShape(
  fn: string,
  grids: readonly Grid<unknown>[],
  names: readonly string[],
): Shape | CellError {
  let rows = 1;
  let cols = 1;
  for (const grid of grids) {
    rows = Math.max(rows, grid.length);
    cols = Math.max(cols, grid[0].length);
  }
  const fits = grids.every((g) => (g.length === 1 || g.length === rows) && (g[0].length === 1 || g[0].length === cols));
  if (!fits) {
    const parts = grids.map((g, k) => [names[k], g.length, g[0].length] as const);
    return cellError("#VALUE!", messages.shapes(fn, parts));
  }
  // Checked before anything of the result's size is allocated: a whole column against a whole
  // row would otherwise throw a RangeError out of the function.
  if (rows * cols > MAX_RESULT_CELLS) return cellError("#NUM!", messages.tooManyCells(fn, rows, cols));
  return { rows, cols };
}

/** The grids of several arguments, or the first error met while reading them. */
export function toGrids(
  fn: string,
  args: readonly Arg[],
  names: readonly string[],
  checkRows = true,
): Grid<Scalar>[] | CellError {
  const grids: Grid<Scalar>[] = [];
  for (let k = 0; k < names.length; k++) {
    const grid = toGrid(args[k], fn, names[k], checkRows);
    if (isCellError(grid)) return grid;
    grids.push(grid);
  }
  return grids;
}

/** Whether an argument holds more than one cell. */
export function isRange(arg: Arg): boolean {
  if (!Array.isArray(arg)) return false;
  if (arg.length > 1) return true;
  const first: unknown = arg[0];
  return Array.isArray(first) && first.length > 1;
}
