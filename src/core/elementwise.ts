import {
  cellError,
  isBlank,
  isCellError,
  plainResult,
  type Arg,
  type CellError,
  type Grid,
  type Result,
  type Scalar,
} from "./cell";
import { BLANK, readLabel, readNumber, type Blank } from "./coerce";
import { broadcastShape, toGrids, type Shape } from "./grid";
import { messages } from "./messages";
import { SHEET_ROWS } from "../sheet/excel-grid";

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
  /** Whether any element may be blank (some required input is blank somewhere). */
  readonly anyBlank: boolean;
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

/** The finite bounds of a domain: a number outside them (±Infinity too) is refused. */
function domainBounds(domain: Domain): { readonly low: number; readonly high: number } {
  const low = domain === "rate" ? -1 : domain === "real" ? -Number.MAX_VALUE : 0;
  const high = domain === "unitInterval" || domain === "rate" ? 1 : Number.MAX_VALUE;
  return { low, high };
}

const NO_NUMBERS = new Float64Array(0);

/**
 * Scratch columns, reused from call to call. A column of 100,000 doubles is 800 kB outside the
 * JavaScript heap; allocating several per call makes V8 run full collections over the whole
 * workbook's arguments, which cost more than the arithmetic. Calls never overlap (Excel runs a
 * function to its return), and no result keeps a column, so one set per slot is enough. Columns
 * beyond the largest whole-column size are not kept.
 */
const KEEP_AT_MOST = SHEET_ROWS;
const numberPool: Float64Array[] = [];
let flagPool = new Uint8Array(0);

/** Scratch doubles for slot k, at least n long (contents are stale: every element is written). */
function scratchNumbers(k: number, n: number): Float64Array {
  if (n > KEEP_AT_MOST) return new Float64Array(n);
  let pool = numberPool[k];
  if (!pool || pool.length < n) pool = numberPool[k] = new Float64Array(Math.max(n, 1024));
  return pool.subarray(0, n);
}

/** Scratch flags, n long and all zero. */
function scratchFlags(n: number): Uint8Array {
  if (n > KEEP_AT_MOST) return new Uint8Array(n);
  if (flagPool.length < n) flagPool = new Uint8Array(Math.max(n, 1024));
  const flags = flagPool.subarray(0, n);
  flags.fill(0);
  return flags;
}
const NO_LABELS: readonly string[] = [];

/** The arguments of a call as grids, and the shape they broadcast to. */
interface Broadcast {
  readonly grids: readonly Grid<Scalar>[];
  readonly shape: Shape;
}

/** Reads the arguments' grids and their broadcast shape, or the error that prevents it (shapes
 *  that cannot broadcast; ragged rows are found where the rows are read). */
function broadcastOf(fn: string, params: readonly Param[], args: readonly Arg[]): Broadcast | CellError {
  const names = params.map((p) => p.name);
  // Rows are checked for raggedness while they are read, not in a pass of their own.
  const grids = toGrids(fn, args, names, false);
  if (isCellError(grids)) return grids;
  const shape = broadcastShape(fn, grids, names);
  if (isCellError(shape)) return shape;
  return { grids, shape };
}

/**
 * Reads every argument once into columns over the broadcast shape, or returns the error that
 * prevents it (ragged ranges, shapes that cannot broadcast). An element is an error when any
 * input is (the first, in argument order); blank when every required input is blank (optional
 * ones are settings, not data); otherwise a blank required number counts as 0 and a blank
 * optional one takes its fallback.
 */
export function materialize(fn: string, params: readonly Param[], args: readonly Arg[]): Materialized | CellError {
  const broadcast = broadcastOf(fn, params, args);
  return isCellError(broadcast) ? broadcast : readColumns(fn, params, broadcast, 0);
}

/** materialize's columns for the rows from `from` on: element e is row from + e ÷ cols. */
function readColumns(
  fn: string,
  params: readonly Param[],
  { grids, shape }: Broadcast,
  from: number,
): Materialized | CellError {
  const { rows, cols } = shape;
  const n = (rows - from) * cols;
  // Per element, how many required inputs are blank: counted only where a cell is blank, so the
  // plain numbers that fill most ranges cost no write. Blank when all of them are.
  const blanks = scratchFlags(n);
  let sawBlank = false;
  const errors = new Map<number, CellError>();
  const requiredCount = params.filter((p) => isLabel(p) || (p.fallback === undefined && !p.setting)).length;
  const x: Float64Array[] = [];
  const labels: string[][] = [];

  for (let k = 0; k < params.length; k++) {
    const param = params[k];
    const grid = grids[k];
    const byRow = grid.length > 1;
    const width = grid[0].length;
    const byCol = width > 1;
    if (isLabel(param)) {
      const column = new Array<string>(n);
      // Labels repeat (a grade per row): read each distinct text once.
      const cache = new Map<unknown, string | Blank | CellError>();
      let e = 0;
      for (let i = from; i < rows; i++) {
        const source = grid[byRow ? i : 0];
        if (!Array.isArray(source) || source.length !== width)
          return cellError("#VALUE!", messages.ragged(fn, param.name));
        for (let j = 0; j < cols; j++, e++) {
          const cell: Scalar = source[byCol ? j : 0];
          let label = cache.get(cell);
          if (label === undefined) {
            label = readLabel(cell, fn, param.name);
            if (typeof cell !== "object" || cell === null) cache.set(cell, label);
          }
          if (typeof label === "string") column[e] = label;
          else {
            column[e] = "";
            if (label === BLANK) {
              blanks[e]++;
              sawBlank = true;
            } else if (!errors.has(e)) errors.set(e, label);
          }
        }
      }
      x.push(NO_NUMBERS);
      labels.push(column);
      continue;
    }
    const column = scratchNumbers(k, n);
    const required = param.fallback === undefined && !param.setting;
    const { low, high } = domainBounds(param.domain);
    const blankValue = param.fallback ?? 0;
    /** Reads one cell that is not a plain number in range into element e. */
    const readSlow = (cell: Scalar, e: number): void => {
      const read = readNumber(cell, fn, param.name);
      if (read === BLANK) {
        column[e] = blankValue;
        if (required) {
          blanks[e]++;
          sawBlank = true;
        }
        return;
      }
      const bad = isCellError(read) ? read : outsideDomain(fn, param, read);
      if (bad) {
        if (!errors.has(e)) errors.set(e, bad);
        return;
      }
      column[e] = read as number;
    };
    const source0 = grid[0];
    if (!Array.isArray(source0) || source0.length !== width)
      return cellError("#VALUE!", messages.ragged(fn, param.name));
    if (!byRow && !byCol) {
      // One cell against the others' ranges: read it once, then fill.
      const cell: Scalar = source0[0];
      let value = blankValue;
      let blank = false;
      let bad: CellError | undefined;
      if (typeof cell === "number" && cell >= low && cell <= high) value = cell;
      else {
        const read = readNumber(cell, fn, param.name);
        if (read === BLANK) blank = true;
        else {
          bad = isCellError(read) ? read : outsideDomain(fn, param, read);
          value = bad ? 0 : (read as number);
        }
      }
      if (bad) for (let e = 0; e < n; e++) errors.has(e) || errors.set(e, bad);
      else {
        column.fill(value);
        if (blank && required) {
          for (let e = 0; e < n; e++) blanks[e]++;
          sawBlank = true;
        }
      }
    } else if (byRow && !byCol && cols === 1) {
      // A column against a column: the usual case, one loop.
      for (let i = from; i < rows; i++) {
        const source = grid[i];
        if (!Array.isArray(source) || source.length !== 1) return cellError("#VALUE!", messages.ragged(fn, param.name));
        const cell: Scalar = source[0];
        // Most cells are plain numbers in range (the bounds are finite): take them as they are.
        if (typeof cell === "number" && cell >= low && cell <= high) column[i - from] = cell;
        else readSlow(cell, i - from);
      }
    } else {
      let e = 0;
      for (let i = from; i < rows; i++) {
        const source = grid[byRow ? i : 0];
        if (!Array.isArray(source) || source.length !== width)
          return cellError("#VALUE!", messages.ragged(fn, param.name));
        for (let j = 0; j < cols; j++, e++) {
          const cell: Scalar = source[byCol ? j : 0];
          if (typeof cell === "number" && cell >= low && cell <= high) column[e] = cell;
          else readSlow(cell, e);
        }
      }
    }
    x.push(column);
    labels.push(NO_LABELS as string[]);
  }

  return {
    n,
    x,
    labels,
    shape,
    errors,
    anyBlank: requiredCount > 0 && sawBlank,
    isBlank: (e) => requiredCount > 0 && blanks[e] === requiredCount,
  };
}

/**
 * A function's calculation over all elements at once: reads `columns`, writes each element's
 * number to `out[e]`, and reports an element's own error (a zero divisor …) with `fail`.
 */
export type Kernel = (columns: Columns, out: Float64Array, fail: Fail) => void;

/** How a kernel reports element e's own error. */
export type Fail = (e: number, error: CellError) => void;

/**
 * One argument as a fast loop reads it: a range one cell wide, or one cell (read at every row),
 * with its parameter's domain (a label's is unbounded: labels are read by cellAt).
 */
export interface PlainArg {
  readonly grid: Grid<Scalar>;
  /** Row i is row `i & mask`: every bit for a range, none for one cell. A mask rather than a
   *  test of "one cell" at every read: the loops run over ranges far more often, and a branch
   *  costs them more than an AND. */
  readonly mask: number;
  /** The domain's bounds, both finite: a cell outside them (±Infinity too) is not plain. */
  readonly low: number;
  readonly high: number;
}

/** Row i of a fast loop's argument (its one row, for one cell): plainRow says whether it is plain. */
export function rowAt(arg: PlainArg, i: number): unknown {
  return arg.grid[i & arg.mask];
}

/** A row that is one finite number in its parameter's domain. */
export type PlainRow = readonly [number];

/**
 * Whether a row of an argument is one cell holding a finite number in the parameter's domain;
 * anything else (text, blank, an error, a negative where none may be, a row of another width)
 * needs the general reading. A fast loop tests all of an element's rows in one condition before
 * it reads their cells: V8 compiles that better than a reader per cell that returns early
 * (COSTPRICE's seven columns in `npm run bench`: about 1.8× the plain loop against 2–2.5×).
 */
export function plainRow(arg: PlainArg, row: unknown): row is PlainRow {
  if (!Array.isArray(row) || row.length !== 1) return false;
  const cell: unknown = row[0];
  return typeof cell === "number" && cell >= arg.low && cell <= arg.high;
}

/** The cell at row i of a fast loop's argument, or undefined (blank) when its row is not one
 *  cell wide. */
export function cellAt(arg: PlainArg, i: number): Scalar {
  const row = arg.grid[i & arg.mask];
  return Array.isArray(row) && row.length === 1 ? (row[0] as Scalar) : undefined;
}

/**
 * A function's calculation in one pass, for the usual call (columns against columns and single
 * values, every input a plain number): writes the one-cell rows [0, k) of `out` and returns k,
 * stopping at the first element that is not plain in (a row plainRow refuses), that has an
 * error of its own (a zero divisor …), or whose result is not finite; k = rows when every element was
 * plain. The general reading then takes the elements from k on, so one blank or text row costs
 * nothing before it. Each function has its own loop: one loop calling each function's formula
 * would call through a site that sees every formula, which V8 cannot inline (about 1.5× slower).
 */
export type FastLoop = (args: readonly PlainArg[], rows: number, out: Result[][]) => number;

export interface MapOptions {
  /** "boolean": the kernel's numbers are truth values (0 is FALSE). */
  readonly output?: "number" | "boolean";
  readonly fast?: FastLoop;
}

/**
 * The fast loop's arguments, or undefined when the call is not one it takes (a result wider
 * than one column). A blank single cell of an optional parameter reads as its fallback, as the
 * general reading does: an omitted optional argument arrives as null.
 */
function plainArgs(params: readonly Param[], { grids, shape }: Broadcast): PlainArg[] | undefined {
  if (shape.cols !== 1) return undefined;
  const plain: PlainArg[] = [];
  for (let k = 0; k < params.length; k++) {
    const param = params[k];
    let grid = grids[k];
    const mask = grid.length === 1 ? 0 : -1;
    if (isLabel(param)) {
      plain.push({ grid, mask, low: -Number.MAX_VALUE, high: Number.MAX_VALUE });
      continue;
    }
    if (mask === 0 && param.fallback !== undefined) {
      const row = grid[0];
      if (Array.isArray(row) && row.length === 1 && isBlank(row[0])) grid = [[param.fallback]];
    }
    // The same object literal as the labels' entry: spreading domainBounds' result here made
    // COSTPRICE measurably slower in `npm run bench` (about 2× against 1.8×).
    const { low, high } = domainBounds(param.domain);
    plain.push({ grid, mask, low, high });
  }
  return plain;
}

/**
 * Applies `kernel` to the broadcast arguments; the result has the broadcast shape. Input errors
 * pass through, blank elements give "", then the kernel's own errors, then its numbers (as
 * booleans for `output` "boolean"); a non-finite number becomes #NUM!. `fast`, when given, must
 * give exactly what the kernel gives on the elements it takes (a property test holds every
 * function to this).
 */
export function mapElements(
  fn: string,
  params: readonly Param[],
  args: readonly Arg[],
  kernel: Kernel,
  { output = "number", fast }: MapOptions = {},
): Grid<Result> {
  const broadcast = broadcastOf(fn, params, args);
  if (isCellError(broadcast)) return [[broadcast]];
  const { rows, cols } = broadcast.shape;
  // Rows of the exact size: a grown [] costs several times the memory, and 100,000 of them the time.
  const result: Result[][] = new Array<Result[]>(rows);
  const plain = fast && plainArgs(params, broadcast);
  const from = plain ? fast(plain, rows, result) : 0;
  if (from === rows) return plainResult(result);

  const columns = readColumns(fn, params, broadcast, from);
  if (isCellError(columns)) return [[columns]];
  // The slot after the last argument's: the columns stay readable while the kernel writes.
  const out = scratchNumbers(params.length, columns.n);
  const failures = new Map<number, CellError>();
  kernel(columns, out, (e, error) => failures.set(e, error));

  let overflow: CellError | undefined;
  const resultAt = (e: number): Result => {
    const input = columns.errors.get(e);
    if (input) return input;
    if (columns.isBlank(e)) return "";
    const failure = failures.get(e);
    if (failure) return failure;
    const value = out[e];
    if (output === "boolean") return value !== 0;
    return value - value === 0 ? value : (overflow ??= cellError("#NUM!", messages.overflow(fn)));
  };
  const n = columns.n;
  if (cols === 1 && columns.errors.size === 0 && failures.size === 0) {
    // The usual column of plain results: no error to look up, only blanks and overflows. Each
    // kind of row has its own literal: V8 tracks element kinds per literal, and one blank row
    // must not make every number row an array of boxed numbers.
    // Most often every row is filled and finite: then one branch-free loop (a quick scan of the
    // numbers first costs less than a branch in the loop that allocates the rows).
    let simple = !columns.anyBlank;
    if (output === "number") for (let e = 0; e < n && simple; e++) simple = out[e] - out[e] === 0;
    if (simple) {
      if (output === "number") for (let e = 0; e < n; e++) result[from + e] = [out[e]];
      else for (let e = 0; e < n; e++) result[from + e] = [out[e] !== 0];
      return plainResult(result);
    }
    let allPlain = true;
    for (let e = 0; e < n; e++) {
      const value = out[e];
      if (columns.isBlank(e)) result[from + e] = [""];
      else if (output === "boolean") result[from + e] = [value !== 0];
      else if (value - value === 0) result[from + e] = [value];
      else {
        result[from + e] = [resultAt(e)];
        allPlain = false;
      }
    }
    return allPlain ? plainResult(result) : result;
  }
  // Elements are counted from row `from` (0 unless the result is one column wide).
  for (let i = from, e = 0; i < rows; i++) {
    if (cols === 1) {
      result[i] = [resultAt(e++)];
      continue;
    }
    const row = new Array<Result>(cols);
    for (let j = 0; j < cols; j++) row[j] = resultAt(e++);
    result[i] = row;
  }
  return result;
}

/** A result value that is safe to hand to a cell: non-finite numbers become #NUM!. */
export function finite(fn: string, x: number): number | CellError {
  return x - x === 0 ? x : cellError("#NUM!", messages.overflow(fn));
}
