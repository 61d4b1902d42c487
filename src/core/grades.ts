/**
 * Quality-differentiated rates (hàng tốt giá cao, hàng xấu giá thấp): a grade table gives each
 * grade a coefficient relative to the base price (1 for the base grade).
 */
import { cellError, isBlank, isCellError, type Arg, type CellError, type Grid, type Result } from "./cell";
import { BLANK, cleanLabel, labelKey, readLabel, readNumber } from "./coerce";
import { divide } from "./arithmetic";
import { finite, mapElements, materialize, type Param } from "./elementwise";
import { toGrid } from "./grid";
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
    if (isCellError(coefCell)) return coefCell;
    const coef = readNumber(coefCell, fn, "grade_table");
    if (typeof coef !== "number" || coef < 0) return cellError("#VALUE!", messages.gradeCoefficient(fn, label));
    const key = labelKey(label);
    if (table.has(key)) return cellError("#VALUE!", messages.gradeDuplicate(fn, label));
    table.set(key, coef);
  }
  return table.size > 0 ? table : cellError("#VALUE!", messages.gradeTableEmpty(fn));
}

/** The coefficient of a grade, or #N/A naming it. */
export function coefficientOf(fn: string, table: GradeTable, grade: string): number | CellError {
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
const GRADE_PRICE_PARAMS: readonly Param[] = [
  { name: "base_price", domain: "nonNegative", setting: true },
  { name: "grade", label: true },
];

/** HT.GRADEPRICE: base_price × coefficient(grade), element by element. */
export function gradePrice(basePrice: Arg, grade: Arg, gradeTable: Arg): Grid<Result> {
  const fn = "GRADEPRICE";
  const table = readGradeTable(fn, gradeTable);
  if (isCellError(table)) return [[table]];
  const coefficientOfGrade = coefficients(fn, table);
  return mapElements(fn, GRADE_PRICE_PARAMS, [basePrice, grade], ({ n, x: [price], labels: [, grades] }, out, fail) => {
    for (let e = 0; e < n; e++) {
      const coef = coefficientOfGrade(grades[e]);
      if (typeof coef === "number") out[e] = price[e] * coef;
      else fail(e, coef);
    }
  });
}

const GRADED_QUANTITY_PARAMS: readonly Param[] = [
  { name: "quantities", domain: "nonNegative" },
  { name: "grades", label: true },
  { name: "base_price", domain: "nonNegative", setting: true },
];

interface GradedTotals {
  readonly quantity: number;
  readonly weighted: number;
  readonly value: number;
}

/** Σ quantity, Σ quantity × coefficient and Σ quantity × base price × coefficient over the
 *  filled lines; "" when no line is filled; the first error met otherwise. */
function gradedTotals(fn: string, args: readonly Arg[], gradeTable: Arg): GradedTotals | CellError | "" {
  const table = readGradeTable(fn, gradeTable);
  if (isCellError(table)) return table;
  const columns = materialize(fn, GRADED_QUANTITY_PARAMS, args);
  if (isCellError(columns)) return columns;
  const coefficientOfGrade = coefficients(fn, table);
  const {
    n,
    x: [quantities, , prices],
    labels: [, grades],
  } = columns;
  let quantity = 0;
  let weighted = 0;
  let value = 0;
  let filled = false;
  for (let e = 0; e < n; e++) {
    const input = columns.errors.get(e);
    if (input) return input;
    if (columns.isBlank(e)) continue;
    const coef = coefficientOfGrade(grades[e]);
    if (typeof coef !== "number") return coef;
    filled = true;
    quantity += quantities[e];
    weighted += quantities[e] * coef;
    value += quantities[e] * prices[e] * coef;
  }
  return filled ? { quantity, weighted, value } : "";
}

/** HT.GRADEVALUE: Σ quantity_i × base_price × coefficient(grade_i). */
export function gradeValue(quantities: Arg, grades: Arg, basePrice: Arg, gradeTable: Arg): Result {
  const fn = "GRADEVALUE";
  const totals = gradedTotals(fn, [quantities, grades, basePrice], gradeTable);
  return typeof totals === "object" && !isCellError(totals) ? finite(fn, totals.value) : totals;
}

/** HT.GRADECOEF: average grade coefficient Σ quantity_i × coefficient(grade_i) / Σ quantity_i. */
export function gradeCoef(quantities: Arg, grades: Arg, gradeTable: Arg): Result {
  const fn = "GRADECOEF";
  const totals = gradedTotals(fn, [quantities, grades, 0], gradeTable);
  if (typeof totals !== "object" || isCellError(totals)) return totals;
  const average = divide(fn, totals.weighted, totals.quantity, "quantities");
  return isCellError(average) ? average : finite(fn, average);
}
