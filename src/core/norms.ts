/**
 * Economic-technical indicators, norm versus actual (chỉ tiêu kinh tế – kỹ thuật): labour-norm
 * fulfilment, material saving, equipment effectiveness, progressive average norms, the check
 * against state norms, and piece rates.
 */
import { cellError, isCellError, type Arg, type Grid, type Result } from "./cell";
import { BLANK, readNumber, readOption } from "./coerce";
import { divide } from "./arithmetic";
import { finite, mapElements, type Param } from "./elementwise";
import { toGrid } from "./grid";
import { messages } from "./messages";

const nonNegative = (name: string): Param => ({ name, domain: "nonNegative" });

/** HT.NORMFULFIL: time_norm_per_unit × units / hours_worked. */
export function normFulfil(...args: Arg[]): Grid<Result> {
  const fn = "NORMFULFIL";
  const params = [nonNegative("time_norm_per_unit"), nonNegative("units"), nonNegative("hours_worked")];
  return mapElements(fn, params, args, ({ x }) => divide(fn, x[0] * x[1], x[2], "hours_worked"));
}

/** HT.MATERIALSAVING: (norm_per_unit × units − actual_used) × unit_price; negative is an overrun. */
export function materialSaving(...args: Arg[]): Grid<Result> {
  const params: Param[] = [
    nonNegative("norm_per_unit"),
    nonNegative("units"),
    nonNegative("actual_used"),
    { name: "unit_price", domain: "nonNegative", fallback: 1 },
  ];
  return mapElements("MATERIALSAVING", params, args, ({ x }) => (x[0] * x[1] - x[2]) * x[3]);
}

/** HT.OEE: availability × performance × quality. */
export function oee(...args: Arg[]): Grid<Result> {
  const fn = "OEE";
  const params = ["planned_time", "run_time", "ideal_cycle_time", "total_count", "good_count"].map(nonNegative);
  return mapElements(fn, params, args, ({ x }) => {
    const planned = x[0];
    const run = x[1];
    const cycle = x[2];
    const total = x[3];
    const good = x[4];
    if (run > planned) return cellError("#NUM!", messages.greaterThan(fn, "run_time", "planned_time"));
    if (good > total) return cellError("#NUM!", messages.greaterThan(fn, "good_count", "total_count"));
    const availability = divide(fn, run, planned, "planned_time");
    if (isCellError(availability)) return availability;
    const performance = divide(fn, cycle * total, run, "run_time");
    if (isCellError(performance)) return performance;
    const quality = divide(fn, good, total, "total_count");
    if (isCellError(quality)) return quality;
    return availability * performance * quality;
  });
}

export type Better = "lower" | "higher";
const BETTER: readonly Better[] = ["lower", "higher"];
export type AverageMethod = "half" | "advanced";
const METHODS: readonly AverageMethod[] = ["half", "advanced"];

/** Neumaier-compensated sum of the first `n` values: a norm's mean must not drift with the
 *  number of observations. */
function sum(values: Float64Array, n: number): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const t = total + x;
    compensation += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * HT.PROGRESSIVEAVG: the progressive average norm (mức trung bình tiên tiến). m is the mean of
 * all observations; the advanced ones are at least as good as m; "half" gives (m + a) / 2 and
 * "advanced" gives a, where a is their mean.
 */
export function progressiveAvg(observations: Arg, better?: Arg, method?: Arg): Result {
  const fn = "PROGRESSIVEAVG";
  const grid = toGrid(observations, fn, "observations");
  if (isCellError(grid)) return grid;
  const direction = readOption(better, fn, "better", BETTER, "lower");
  if (isCellError(direction)) return direction;
  const how = readOption(method, fn, "method", METHODS, "half");
  if (isCellError(how)) return how;

  const values = new Float64Array(grid.length * grid[0].length);
  let n = 0;
  for (const row of grid) {
    for (const cell of row) {
      const x = typeof cell === "number" && cell - cell === 0 ? cell : readNumber(cell, fn, "observations");
      if (x === BLANK) continue;
      if (isCellError(x)) return x;
      if (x < 0) return cellError("#NUM!", messages.negative(fn, "observations"));
      values[n++] = x;
    }
  }
  if (n === 0) return cellError("#DIV/0!", messages.noNumbers(fn, "observations"));

  const mean = sum(values, n) / n;
  // An observation equal to the mean is advanced; rounding in the mean must not exclude it.
  const slack = 1e-12 * Math.abs(mean);
  const advanced = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (direction === "lower" ? x <= mean + slack : x >= mean - slack) advanced[m++] = x;
  }
  const advancedMean = sum(advanced, m) / m;
  return finite(fn, how === "half" ? (mean + advancedMean) / 2 : advancedMean);
}

/** HT.NORMCHECK: TRUE when the unit's norm is at least as tight as the state norm. */
export function normCheck(unitNorm: Arg, stateNorm: Arg, better?: Arg): Grid<Result> {
  const fn = "NORMCHECK";
  const direction = readOption(better, fn, "better", BETTER, "lower");
  if (isCellError(direction)) return [[direction]];
  const params = [nonNegative("unit_norm"), nonNegative("state_norm")];
  return mapElements(fn, params, [unitNorm, stateNorm], ({ x }) =>
    direction === "lower" ? x[0] <= x[1] : x[0] >= x[1],
  );
}

/** HT.PIECERATE: wage_per_period / output_norm_per_period. */
export function pieceRate(...args: Arg[]): Grid<Result> {
  const fn = "PIECERATE";
  const params = [nonNegative("wage_per_period"), nonNegative("output_norm_per_period")];
  return mapElements(fn, params, args, ({ x }) => divide(fn, x[0], x[1], "output_norm_per_period"));
}

/** HT.REVISEDPIECERATE: (old_rate × old_norm + share × old_rate × (new_norm − old_norm)) / new_norm. */
export function revisedPieceRate(...args: Arg[]): Grid<Result> {
  const fn = "REVISEDPIECERATE";
  const params: Param[] = [
    nonNegative("old_rate"),
    nonNegative("old_norm"),
    nonNegative("new_norm"),
    { name: "incentive_share", domain: "unitInterval", fallback: 0 },
  ];
  return mapElements(fn, params, args, ({ x }) => {
    const rate = x[0];
    const oldNorm = x[1];
    const newNorm = x[2];
    return divide(fn, rate * oldNorm + x[3] * rate * (newNorm - oldNorm), newNorm, "new_norm");
  });
}
