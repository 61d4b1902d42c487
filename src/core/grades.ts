/**
 * Quality-differentiated rates (hàng tốt giá cao, hàng xấu giá thấp): a grade table gives each
 * grade a coefficient relative to the base price (1 for the base grade).
 */
import {
  cellError,
  errorOf,
  isBlank,
  isCellError,
  type Arg,
  type CellError,
  type Grid,
  type Result,
  type Scalar,
} from "./cell";
import { BLANK, cleanLabel, labelKey, readLabel, readNumber } from "./coerce";
import { divide } from "./arithmetic";
import {
  cellAt,
  declaredParams,
  finite,
  mapElements,
  plainRow,
  rowAt,
  type Columns,
  type Fail,
  type FastLoop,
  type Param,
} from "./elementwise";
import { broadcastShape, toGrid } from "./grid";
import { messages } from "./messages";

/** Coefficients by grade key (see labelKey). */
export type GradeTable = ReadonlyMap<string, number>;

/** Reads a two-column range (grade label, coefficient); fully blank rows are skipped. */
export function readGradeTable(fn: string, arg: Arg): GradeTable | CellError {
  const grid = toGrid(arg, fn, "grade_table");
  if (isCellError(grid)) return grid;
  if (grid[0].length !== 2) return cellError("#VALUE!", messages.gradeTableShape(fn));
  const table = new Map<string, number>();
  for (const [labelCell, coefCell] of grid) {
    if (isBlank(labelCell) && isBlank(coefCell)) continue;
    const label = readLabel(labelCell, fn, "grade_table");
    if (isCellError(label)) return label;
    if (label === BLANK) return cellError("#VALUE!", messages.gradeLabel(fn, coefCell));
    const coefError = errorOf(coefCell);
    if (coefError) return coefError;
    const coef = readNumber(coefCell, fn, "grade_table");
    if (typeof coef !== "number" || coef < 0) return cellError("#VALUE!", messages.gradeCoefficient(fn, label));
    const key = labelKey(label);
    if (table.has(key)) return cellError("#VALUE!", messages.gradeDuplicate(fn, label));
    table.set(key, coef);
  }
  return table.size > 0 ? table : cellError("#VALUE!", messages.gradeTableEmpty(fn));
}

/** The coefficient of a grade, or #N/A naming it. */
function coefficientOf(fn: string, table: GradeTable, grade: string): number | CellError {
  if (grade === "") return cellError("#N/A", messages.blankGrade(fn));
  return table.get(labelKey(grade)) ?? cellError("#N/A", messages.unknownGrade(fn, cleanLabel(grade)));
}

/** coefficientOf for one call over many lines: each distinct grade is looked up once. */
function coefficients(fn: string, table: GradeTable): (grade: string) => number | CellError {
  const seen = new Map<string, number | CellError>();
  return (grade) => {
    let coef = seen.get(grade);
    if (coef === undefined) {
      coef = coefficientOf(fn, table, grade);
      seen.set(grade, coef);
    }
    return coef;
  };
}

// The grade is the data; one base price usually stands against a column of grades.
const GRADE_PRICE_PARAMS: readonly Param[] = declaredParams("GRADEPRICE");

/** HT.GRADEPRICE: base_price × coefficient(grade), element by element. */
export function gradePrice(basePrice: Arg, grade: Arg, gradeTable: Arg): Grid<Result> {
  const fn = "GRADEPRICE";
  const table = readGradeTable(fn, gradeTable);
  if (isCellError(table)) return [[table]];
  const coefficientOfGrade = coefficients(fn, table);
  const kernel = ({ n, x: [price], labels: [, grades] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      const coef = coefficientOfGrade(grades[e]);
      if (typeof coef === "number") out[e] = price[e] * coef;
      else fail(e, coef);
    }
  };
  const coefficientOfCell = knownCoefficients(fn, table);
  const fast: FastLoop = ([price, grade], rows, out) => {
    for (let i = 0; i < rows; i++) {
      const p = rowAt(price, i);
      if (!plainRow(price, p)) return i;
      const v = p[0] * coefficientOfCell(cellAt(grade, i));
      if (!(v - v === 0)) return i;
      out[i] = [v];
    }
    return rows;
  };
  return mapElements(fn, GRADE_PRICE_PARAMS, [basePrice, grade], kernel, { fast });
}

/**
 * The coefficient of a grade cell as it arrives, for the fast loop: NaN when the cell is not a
 * grade of the table (blank, an error, an unknown grade: the general reading says which), by
 * coefficientOf. Each distinct cell is cleaned and looked up once per call.
 */
function knownCoefficients(fn: string, table: GradeTable): (cell: Scalar) => number {
  const seen = new Map<string | number, number>();
  return (cell) => {
    if (typeof cell !== "string" && !(typeof cell === "number" && cell - cell === 0)) return NaN;
    let coef = seen.get(cell);
    if (coef === undefined) {
      const known = coefficientOf(fn, table, cleanLabel(cell));
      coef = typeof known === "number" ? known : NaN;
      seen.set(cell, coef);
    }
    return coef;
  };
}

interface GradedTotals {
  readonly quantity: number;
  readonly weighted: number;
  readonly value: number;
}

const shapeText = (grid: Grid<unknown>) => `${grid.length}×${grid[0].length}`;
const raggedQuantities = (fn: string) => cellError("#VALUE!", messages.ragged(fn, "quantities"));
const raggedGrades = (fn: string) => cellError("#VALUE!", messages.ragged(fn, "grades"));

/**
 * Σ quantity, Σ quantity × coefficient and Σ quantity × base price × coefficient over the filled
 * lines, in one pass over the ranges as Excel hands them (no column copies: these are sums over
 * 100,000 lines); "" when no line is filled; the first error met otherwise. quantities and grades
 * must have the same shape; a base price range broadcasts against them.
 */
function gradedTotals(
  fn: string,
  quantitiesArg: Arg,
  gradesArg: Arg,
  basePriceArg: Arg,
  gradeTable: Arg,
): GradedTotals | CellError | "" {
  const table = readGradeTable(fn, gradeTable);
  if (isCellError(table)) return table;
  // Rows are checked for raggedness as they are read, not in a pass of their own.
  const quantities = toGrid(quantitiesArg, fn, "quantities", false);
  if (isCellError(quantities)) return quantities;
  const grades = toGrid(gradesArg, fn, "grades", false);
  if (isCellError(grades)) return grades;
  const prices = toGrid(basePriceArg, fn, "base_price");
  if (isCellError(prices)) return prices;
  const rows = quantities.length;
  const cols = quantities[0].length;
  if (grades.length !== rows || grades[0].length !== cols) {
    return cellError(
      "#VALUE!",
      messages.sameShape(fn, "quantities", shapeText(quantities), "grades", shapeText(grades)),
    );
  }
  const shape = broadcastShape(fn, [quantities, prices], ["quantities", "base_price"]);
  if (isCellError(shape)) return shape;
  if (shape.rows !== rows || shape.cols !== cols) {
    const parts = [["quantities", rows, cols] as const, ["base_price", prices.length, prices[0].length] as const];
    return cellError("#VALUE!", messages.shapes(fn, parts));
  }
  const priceByRow = prices.length > 1;
  const priceByCol = prices[0].length > 1;
  const coefficientOfGrade = coefficients(fn, table);
  // The grade column repeats a few labels: read each distinct text once.
  const gradeCache = new Map<string, number | CellError>();
  let quantity = 0;
  let weighted = 0;
  let value = 0;
  let filled = false;
  for (let i = 0; i < rows; i++) {
    const quantityRow = quantities[i];
    const gradeRow = grades[i];
    const priceRow = prices[priceByRow ? i : 0];
    if (!Array.isArray(quantityRow) || quantityRow.length !== cols) return raggedQuantities(fn);
    if (!Array.isArray(gradeRow) || gradeRow.length !== cols) return raggedGrades(fn);
    for (let j = 0; j < cols; j++) {
      const q = quantityRow[j];
      let x: number;
      if (typeof q === "number" && q >= 0 && q - q === 0) x = q;
      else {
        const read = readNumber(q, fn, "quantities");
        if (isCellError(read)) return read;
        if (read !== BLANK && read < 0) return cellError("#NUM!", messages.negative(fn, "quantities"));
        x = read === BLANK ? Number.NaN : read;
      }
      const g = gradeRow[j];
      let coef: number | CellError | undefined = typeof g === "string" ? gradeCache.get(g) : undefined;
      if (coef === undefined) {
        const label = readLabel(g, fn, "grades");
        if (isCellError(label)) return label;
        if (label === BLANK) {
          if (x !== x) continue; // neither quantity nor grade: a spare line
          coef = coefficientOfGrade("");
        } else coef = coefficientOfGrade(label);
        if (typeof g === "string" && label !== BLANK) gradeCache.set(g, coef);
      }
      const p = priceRow[priceByCol ? j : 0];
      let price: number;
      if (typeof p === "number" && p >= 0 && p - p === 0) price = p;
      else {
        const read = readNumber(p, fn, "base_price");
        if (isCellError(read)) return read;
        if (read !== BLANK && read < 0) return cellError("#NUM!", messages.negative(fn, "base_price"));
        price = read === BLANK ? 0 : read;
      }
      if (typeof coef !== "number") return coef;
      if (x !== x) x = 0; // a blank quantity beside a grade counts as 0
      filled = true;
      quantity += x;
      weighted += x * coef;
      value += x * price * coef;
    }
  }
  return filled ? { quantity, weighted, value } : "";
}

/** HT.GRADEVALUE: Σ quantity_i × base_price × coefficient(grade_i). */
export function gradeValue(quantities: Arg, grades: Arg, basePrice: Arg, gradeTable: Arg): Result {
  const fn = "GRADEVALUE";
  const totals = gradedTotals(fn, quantities, grades, basePrice, gradeTable);
  return typeof totals === "object" && !isCellError(totals) ? finite(fn, totals.value) : totals;
}

/** HT.GRADECOEF: average grade coefficient Σ quantity_i × coefficient(grade_i) / Σ quantity_i. */
export function gradeCoef(quantities: Arg, grades: Arg, gradeTable: Arg): Result {
  const fn = "GRADECOEF";
  const totals = gradedTotals(fn, quantities, grades, 0, gradeTable);
  if (typeof totals !== "object" || isCellError(totals)) return totals;
  const average = divide(fn, totals.weighted, totals.quantity, "quantities");
  return isCellError(average) ? average : finite(fn, average);
}
