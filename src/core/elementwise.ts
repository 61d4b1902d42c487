import { cellError, isCellError, type Arg, type CellError, type Grid, type Result, type Scalar } from "./cell";
import { BLANK, readLabel, readNumber, type Blank } from "./coerce";
import { broadcastShape, toGrids, type Shape } from "./grid";
import { messages } from "./messages";

import { DECLARATIONS, type Domain } from "./declarations";

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
 * The broadcast arguments of a call, one column per parameter, element e = row × width + col:
 * `x[k][e]` for numeric parameter k (a blank takes its fallback, or 0), `labels[k][e]` for label
 * parameter k ("" when blank). Elements that are blank or carry an input error hold
 * placeholders that the caller ignores.
 */
export interface Columns {
  readonly n: number;
  readonly x: readonly Float64Array[];
  readonly labels: readonly (readonly string[])[];
}

export interface Materialized extends Columns {
  readonly shape: Shape;
  /** Whether element e is blank: every required input empty. */
  isBlank(e: number): boolean;
  /** The first input error of element e, in argument order. */
  readonly errors: ReadonlyMap<number, CellError>;
}

/**
 * The numeric and label parameters of a declared function, in argument order, as the column
 * reader takes them (tables, options and text are read by the function itself).
 */
export function declaredParams(id: string): Param[] {
  const declaration = DECLARATIONS.find((d) => d.id === id);
  if (!declaration) throw new Error(`no declaration for HT.${id}`); // a programming error, caught by every test
  return declaration.params.flatMap((p): Param[] => {
    if (p.kind === "label") return [{ name: p.name, label: true }];
    if (p.kind !== "number") return [];
    const param: NumberParam = { name: p.name, domain: p.domain ?? "real" };
    return [
      {
        ...param,
        ...(typeof p.default === "number" ? { fallback: p.default } : {}),
        ...(p.setting ? { setting: true as const } : {}),
      },
    ];
  });
}

function isLabel(param: Param): param is LabelParam {
  return (param as LabelParam).label === true;
}

function outsideDomain(fn: string, param: NumberParam, x: number): CellError | undefined {
  switch (param.domain) {
    case "nonNegative":
      return x < 0 ? cellError("#NUM!", messages.negative(fn, param.name)) : undefined;
    case "rate":
      // 5 typed for 5 %: the worst silent error a price could carry.
      return x < -1 || x > 1 ? cellError("#NUM!", messages.rateNotFraction(fn, param.name)) : undefined;
    case "unitInterval":
      if (x > 1) return cellError("#NUM!", messages.rateNotFraction(fn, param.name));
      return x < 0 ? cellError("#NUM!", messages.outsideUnit(fn, param.name)) : undefined;
    case "real":
      return undefined;
  }
}

const NO_NUMBERS = new Float64Array(0);
const NO_LABELS: readonly string[] = [];

/**
 * Reads every argument once into columns over the broadcast shape, or returns the error that
 * prevents it (ragged ranges, shapes that cannot broadcast). An element is an error when any
 * input is (the first, in argument order); blank when every required input is blank (optional
 * ones are settings, not data); otherwise a blank required number counts as 0 and a blank
 * optional one takes its fallback.
 */
export function materialize(fn: string, params: readonly Param[], args: readonly Arg[]): Materialized | CellError {
  const names = params.map((p) => p.name);
  const grids = toGrids(fn, args, names);
  if (isCellError(grids)) return grids;
  const shape = broadcastShape(fn, grids, names);
  if (isCellError(shape)) return shape;

  const { rows, cols } = shape;
  const n = rows * cols;
  const filled = new Uint8Array(n);
  const errors = new Map<number, CellError>();
  const anyRequired = params.some((p) => isLabel(p) || (p.fallback === undefined && !p.setting));
  const x: Float64Array[] = [];
  const labels: string[][] = [];

  params.forEach((param, k) => {
    const grid = grids[k];
    const byRow = grid.length > 1;
    const byCol = grid[0].length > 1;
    if (isLabel(param)) {
      const column = new Array<string>(n);
      // Labels repeat (a grade per row): read each distinct text once.
      const cache = new Map<unknown, string | Blank | CellError>();
      let e = 0;
      for (let i = 0; i < rows; i++) {
        const source = grid[byRow ? i : 0];
        for (let j = 0; j < cols; j++, e++) {
          const cell: Scalar = source[byCol ? j : 0];
          let label = cache.get(cell);
          if (label === undefined) {
            label = readLabel(cell, fn, param.name);
            if (typeof cell !== "object" || cell === null) cache.set(cell, label);
          }
          if (typeof label === "string") {
            column[e] = label;
            filled[e] = 1;
          } else {
            column[e] = "";
            if (label !== BLANK && !errors.has(e)) errors.set(e, label);
          }
        }
      }
      x.push(NO_NUMBERS);
      labels.push(column);
      return;
    }
    const column = new Float64Array(n);
    const required = param.fallback === undefined && !param.setting;
    const low = param.domain === "rate" ? -1 : param.domain === "real" ? -Infinity : 0;
    const high = param.domain === "unitInterval" || param.domain === "rate" ? 1 : Infinity;
    const blankValue = param.fallback ?? 0;
    let e = 0;
    for (let i = 0; i < rows; i++) {
      const source = grid[byRow ? i : 0];
      for (let j = 0; j < cols; j++, e++) {
        const cell: Scalar = source[byCol ? j : 0];
        // Most cells are plain numbers in range: take them as they are.
        if (typeof cell === "number" && cell - cell === 0 && cell >= low && cell <= high) {
          column[e] = cell;
          if (required) filled[e] = 1;
          continue;
        }
        const read = readNumber(cell, fn, param.name);
        if (read === BLANK) {
          column[e] = blankValue;
          continue;
        }
        const bad = isCellError(read) ? read : outsideDomain(fn, param, read);
        if (bad) {
          if (!errors.has(e)) errors.set(e, bad);
          continue;
        }
        column[e] = read as number;
        if (required) filled[e] = 1;
      }
    }
    x.push(column);
    labels.push(NO_LABELS as string[]);
  });

  return { n, x, labels, shape, errors, isBlank: (e) => anyRequired && filled[e] === 0 };
}

/**
 * A function's calculation over all elements at once: reads `columns`, writes each element's
 * number to `out[e]`, and reports an element's own error (a zero divisor …) with `fail`.
 */
export type Kernel = (columns: Columns, out: Float64Array, fail: (e: number, error: CellError) => void) => void;

/**
 * Applies `kernel` to the broadcast arguments; the result has the broadcast shape. Input errors
 * pass through, blank elements give "", then the kernel's own errors, then its numbers (as
 * booleans for `output` "boolean"); a non-finite number becomes #NUM!.
 */
export function mapElements(
  fn: string,
  params: readonly Param[],
  args: readonly Arg[],
  kernel: Kernel,
  output: "number" | "boolean" = "number",
): Grid<Result> {
  const columns = materialize(fn, params, args);
  if (isCellError(columns)) return [[columns]];
  const out = new Float64Array(columns.n);
  const failures = new Map<number, CellError>();
  kernel(columns, out, (e, error) => failures.set(e, error));

  let overflow: CellError | undefined;
  const { rows, cols } = columns.shape;
  const result: Result[][] = new Array<Result[]>(rows);
  const cellAt = (e: number): Result => {
    const input = columns.errors.get(e);
    if (input) return input;
    if (columns.isBlank(e)) return "";
    const failure = failures.get(e);
    if (failure) return failure;
    const value = out[e];
    if (output === "boolean") return value !== 0;
    return value - value === 0 ? value : (overflow ??= cellError("#NUM!", messages.overflow(fn)));
  };
  // Rows of the exact size: a grown [] costs several times the memory, and 100,000 of them the time.
  if (cols === 1 && output === "number" && columns.errors.size === 0 && failures.size === 0) {
    // The usual column of plain results: no error to look up, only blanks and overflows.
    for (let e = 0; e < rows; e++) {
      const value = out[e];
      result[e] = [columns.isBlank(e) ? "" : value - value === 0 ? value : cellAt(e)];
    }
    return result;
  }
  for (let i = 0, e = 0; i < rows; i++) {
    if (cols === 1) {
      result[i] = [cellAt(e++)];
      continue;
    }
    const row = new Array<Result>(cols);
    for (let j = 0; j < cols; j++) row[j] = cellAt(e++);
    result[i] = row;
  }
  return result;
}

/** A result value that is safe to hand to a cell: non-finite numbers become #NUM!. */
export function finite(fn: string, x: number): number | CellError {
  return x - x === 0 ? x : cellError("#NUM!", messages.overflow(fn));
}
