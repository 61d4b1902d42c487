/**
 * Economic-technical indicators, norm versus actual (chỉ tiêu kinh tế – kỹ thuật): labour-norm
 * fulfilment, material saving, equipment effectiveness, progressive average norms, the check
 * against state norms, and piece rates.
 */
import { cellError, isCellError, type Arg, type Grid, type Result } from "./cell";
import { BLANK, readNumber, readOption } from "./coerce";
import { zeroDivisor } from "./arithmetic";
import { declaredParams, finite, mapElements } from "./elementwise";
import { toGrid } from "./grid";
import { messages } from "./messages";

const NORM_FULFIL_PARAMS = declaredParams("NORMFULFIL");
const MATERIAL_SAVING_PARAMS = declaredParams("MATERIALSAVING");
const OEE_PARAMS = declaredParams("OEE");
const NORM_CHECK_PARAMS = declaredParams("NORMCHECK");
const PIECE_RATE_PARAMS = declaredParams("PIECERATE");
const REVISED_PIECE_RATE_PARAMS = declaredParams("REVISEDPIECERATE");

/** HT.NORMFULFIL: time_norm_per_unit × units / hours_worked. */
export function normFulfil(...args: Arg[]): Grid<Result> {
  const fn = "NORMFULFIL";
  const zero = zeroDivisor(fn, "hours_worked");
  return mapElements(fn, NORM_FULFIL_PARAMS, args, ({ n, x: [norm, units, hours] }, out, fail) => {
    for (let e = 0; e < n; e++) {
      if (hours[e] === 0) fail(e, zero());
      else out[e] = (norm[e] * units[e]) / hours[e];
    }
  });
}

/** HT.MATERIALSAVING: (norm_per_unit × units − actual_used) × unit_price; negative is an overrun. */
export function materialSaving(...args: Arg[]): Grid<Result> {
  return mapElements("MATERIALSAVING", MATERIAL_SAVING_PARAMS, args, ({ n, x: [norm, units, used, price] }, out) => {
    for (let e = 0; e < n; e++) out[e] = (norm[e] * units[e] - used[e]) * price[e];
  });
}

/** HT.OEE: availability × performance × quality. */
export function oee(...args: Arg[]): Grid<Result> {
  const fn = "OEE";
  const runTooLong = cellError("#NUM!", messages.greaterThan(fn, "run_time", "planned_time"));
  const tooManyGood = cellError("#NUM!", messages.greaterThan(fn, "good_count", "total_count"));
  const [noPlan, noRun, noCount] = ["planned_time", "run_time", "total_count"].map((name) => zeroDivisor(fn, name));
  return mapElements(fn, OEE_PARAMS, args, ({ n, x: [planned, run, cycle, total, good] }, out, fail) => {
    for (let e = 0; e < n; e++) {
      if (run[e] > planned[e]) fail(e, runTooLong);
      else if (good[e] > total[e]) fail(e, tooManyGood);
      else if (planned[e] === 0) fail(e, noPlan());
      else if (run[e] === 0) fail(e, noRun());
      else if (total[e] === 0) fail(e, noCount());
      else out[e] = (run[e] / planned[e]) * ((cycle[e] * total[e]) / run[e]) * (good[e] / total[e]);
    }
  });
}

export type Better = "lower" | "higher";
const BETTER: readonly Better[] = ["lower", "higher"];
export type AverageMethod = "half" | "advanced";
const METHODS: readonly AverageMethod[] = ["half", "advanced"];

/**
 * HT.PROGRESSIVEAVG: the progressive average norm (mức trung bình tiên tiến). m is the mean of
 * all observations; the advanced ones are at least as good as m; "half" gives (m + a) / 2 and
 * "advanced" gives a, where a is their mean. Two passes over the range as Excel hands it, no
 * copy: the first checks every cell and sums, the second sums the advanced ones. Sums are
 * Neumaier-compensated: a norm's mean must not drift with the number of observations.
 */
export function progressiveAvg(observations: Arg, better?: Arg, method?: Arg): Result {
  const fn = "PROGRESSIVEAVG";
  // Rows are checked for raggedness in the first pass, not in a pass of their own.
  const grid = toGrid(observations, fn, "observations", false);
  if (isCellError(grid)) return grid;
  const width = grid[0].length;
  const direction = readOption(better, fn, "better", BETTER, "lower");
  if (isCellError(direction)) return direction;
  const how = readOption(method, fn, "method", METHODS, "half");
  if (isCellError(how)) return how;

  let total = 0;
  let compensation = 0;
  let n = 0;
  let plain = true; // every observation a plain number, so the second pass may read cells as they are
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    if (!Array.isArray(row) || row.length !== width) return cellError("#VALUE!", messages.ragged(fn, "observations"));
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      let x: number;
      if (typeof cell === "number" && cell >= 0 && cell - cell === 0) x = cell;
      else {
        const read = readNumber(cell, fn, "observations");
        if (read === BLANK) continue;
        if (isCellError(read)) return read;
        if (read < 0) return cellError("#NUM!", messages.negative(fn, "observations"));
        plain = false;
        x = read;
      }
      // Observations are never negative, so the larger of total and x is the larger in size.
      const t = total + x;
      compensation += total >= x ? total - t + x : x - t + total;
      total = t;
      n++;
    }
  }
  if (n === 0) return cellError("#DIV/0!", messages.noNumbers(fn, "observations"));

  const mean = (total + compensation) / n;
  // An observation equal to the mean is advanced; rounding in the mean must not exclude it.
  const slack = 1e-12 * Math.abs(mean);
  const lower = direction === "lower";
  const bound = lower ? mean + slack : mean - slack;
  let advancedTotal = 0;
  let advancedCompensation = 0;
  let m = 0;
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      let x: number;
      if (typeof cell === "number") x = cell;
      else if (plain)
        continue; // blank
      else {
        const read = readNumber(cell, fn, "observations");
        if (read === BLANK || isCellError(read)) continue;
        x = read;
      }
      if (lower ? x > bound : x < bound) continue;
      const t = advancedTotal + x;
      advancedCompensation += advancedTotal >= x ? advancedTotal - t + x : x - t + advancedTotal;
      advancedTotal = t;
      m++;
    }
  }
  const advancedMean = (advancedTotal + advancedCompensation) / m;
  return finite(fn, how === "half" ? (mean + advancedMean) / 2 : advancedMean);
}

/** HT.NORMCHECK: TRUE when the unit's norm is at least as tight as the state norm. */
export function normCheck(unitNorm: Arg, stateNorm: Arg, better?: Arg): Grid<Result> {
  const fn = "NORMCHECK";
  const direction = readOption(better, fn, "better", BETTER, "lower");
  if (isCellError(direction)) return [[direction]];
  const lower = direction === "lower";
  return mapElements(
    fn,
    NORM_CHECK_PARAMS,
    [unitNorm, stateNorm],
    ({ n, x: [unit, state] }, out) => {
      for (let e = 0; e < n; e++) out[e] = (lower ? unit[e] <= state[e] : unit[e] >= state[e]) ? 1 : 0;
    },
    "boolean",
  );
}

/** HT.PIECERATE: wage_per_period / output_norm_per_period. */
export function pieceRate(...args: Arg[]): Grid<Result> {
  const fn = "PIECERATE";
  const zero = zeroDivisor(fn, "output_norm_per_period");
  return mapElements(fn, PIECE_RATE_PARAMS, args, ({ n, x: [wage, norm] }, out, fail) => {
    for (let e = 0; e < n; e++) {
      if (norm[e] === 0) fail(e, zero());
      else out[e] = wage[e] / norm[e];
    }
  });
}

/** HT.REVISEDPIECERATE: (old_rate × old_norm + share × old_rate × (new_norm − old_norm)) / new_norm. */
export function revisedPieceRate(...args: Arg[]): Grid<Result> {
  const fn = "REVISEDPIECERATE";
  const zero = zeroDivisor(fn, "new_norm");
  return mapElements(fn, REVISED_PIECE_RATE_PARAMS, args, ({ n, x: [rate, oldNorm, newNorm, share] }, out, fail) => {
    for (let e = 0; e < n; e++) {
      if (newNorm[e] === 0) fail(e, zero());
      else out[e] = (rate[e] * oldNorm[e] + share[e] * rate[e] * (newNorm[e] - oldNorm[e])) / newNorm[e];
    }
  });
}
