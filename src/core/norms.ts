/**
 * Economic-technical indicators, norm versus actual (chỉ tiêu kinh tế – kỹ thuật): labour-norm
 * fulfilment, material saving, equipment effectiveness, progressive average norms, the check
 * against state norms, and piece rates.
 */
import { cellError, isCellError, type Arg, type Grid, type Result } from "./cell";
import { BLANK, readNumber, readOption } from "./coerce";
import { zeroDivisor } from "./arithmetic";
import {
  declaredParams,
  finite,
  mapElements,
  plainRow,
  rowAt,
  type Columns,
  type Fail,
  type FastLoop,
} from "./elementwise";
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
  const kernel = ({ n, x: [norm, units, hours] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      if (hours[e] === 0) fail(e, zero());
      else out[e] = fulfilment(norm[e], units[e], hours[e]);
    }
  };
  return mapElements(fn, NORM_FULFIL_PARAMS, args, kernel, { fast: normFulfilFast });
}

const fulfilment = (norm: number, units: number, hours: number): number => (norm * units) / hours;

const normFulfilFast: FastLoop = ([norm, units, hours], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const n = rowAt(norm, i);
    const u = rowAt(units, i);
    const h = rowAt(hours, i);
    if (!(plainRow(norm, n) && plainRow(units, u) && plainRow(hours, h)) || h[0] === 0) return i;
    const v = fulfilment(n[0], u[0], h[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};

/** HT.MATERIALSAVING: (norm_per_unit × units − actual_used) × unit_price; negative is an overrun. */
export function materialSaving(...args: Arg[]): Grid<Result> {
  const kernel = ({ n, x: [norm, units, used, price] }: Columns, out: Float64Array) => {
    for (let e = 0; e < n; e++) out[e] = saving(norm[e], units[e], used[e], price[e]);
  };
  return mapElements("MATERIALSAVING", MATERIAL_SAVING_PARAMS, args, kernel, { fast: materialSavingFast });
}

const saving = (norm: number, units: number, used: number, price: number): number => (norm * units - used) * price;

const materialSavingFast: FastLoop = ([norm, units, used, price], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const n = rowAt(norm, i);
    const u = rowAt(units, i);
    const a = rowAt(used, i);
    const p = rowAt(price, i);
    if (!(plainRow(norm, n) && plainRow(units, u) && plainRow(used, a) && plainRow(price, p))) return i;
    const v = saving(n[0], u[0], a[0], p[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};

/** HT.OEE: availability × performance × quality. */
export function oee(...args: Arg[]): Grid<Result> {
  const fn = "OEE";
  const runTooLong = cellError("#NUM!", messages.greaterThan(fn, "run_time", "planned_time"));
  const tooManyGood = cellError("#NUM!", messages.greaterThan(fn, "good_count", "total_count"));
  const [noPlan, noRun, noCount] = ["planned_time", "run_time", "total_count"].map((name) => zeroDivisor(fn, name));
  const kernel = ({ n, x: [planned, run, cycle, total, good] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      if (run[e] > planned[e]) fail(e, runTooLong);
      else if (good[e] > total[e]) fail(e, tooManyGood);
      else if (planned[e] === 0) fail(e, noPlan());
      else if (run[e] === 0) fail(e, noRun());
      else if (total[e] === 0) fail(e, noCount());
      else out[e] = effectiveness(planned[e], run[e], cycle[e], total[e], good[e]);
    }
  };
  return mapElements(fn, OEE_PARAMS, args, kernel, { fast: oeeFast });
}

const effectiveness = (planned: number, run: number, cycle: number, total: number, good: number): number =>
  (run / planned) * ((cycle * total) / run) * (good / total);

const oeeFast: FastLoop = ([planned, run, cycle, total, good], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const p = rowAt(planned, i);
    const r = rowAt(run, i);
    const c = rowAt(cycle, i);
    const t = rowAt(total, i);
    const g = rowAt(good, i);
    if (
      !(plainRow(planned, p) && plainRow(run, r) && plainRow(cycle, c) && plainRow(total, t) && plainRow(good, g)) ||
      r[0] > p[0] ||
      g[0] > t[0] ||
      p[0] === 0 ||
      r[0] === 0 ||
      t[0] === 0
    )
      return i;
    const v = effectiveness(p[0], r[0], c[0], t[0], g[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};

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
  const kernel = ({ n, x: [unit, state] }: Columns, out: Float64Array) => {
    for (let e = 0; e < n; e++) out[e] = (lower ? unit[e] <= state[e] : unit[e] >= state[e]) ? 1 : 0;
  };
  const fast: FastLoop = ([unit, state], rows, out) => {
    for (let i = 0; i < rows; i++) {
      const u = rowAt(unit, i);
      const s = rowAt(state, i);
      if (!(plainRow(unit, u) && plainRow(state, s))) return i;
      out[i] = [lower ? u[0] <= s[0] : u[0] >= s[0]];
    }
    return rows;
  };
  return mapElements(fn, NORM_CHECK_PARAMS, [unitNorm, stateNorm], kernel, { output: "boolean", fast });
}

/** HT.PIECERATE: wage_per_period / output_norm_per_period. */
export function pieceRate(...args: Arg[]): Grid<Result> {
  const fn = "PIECERATE";
  const zero = zeroDivisor(fn, "output_norm_per_period");
  const kernel = ({ n, x: [wage, norm] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      if (norm[e] === 0) fail(e, zero());
      else out[e] = wage[e] / norm[e];
    }
  };
  return mapElements(fn, PIECE_RATE_PARAMS, args, kernel, { fast: pieceRateFast });
}

const pieceRateFast: FastLoop = ([wage, norm], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const w = rowAt(wage, i);
    const n = rowAt(norm, i);
    if (!(plainRow(wage, w) && plainRow(norm, n)) || n[0] === 0) return i;
    const v = w[0] / n[0];
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};

/** HT.REVISEDPIECERATE: (old_rate × old_norm + share × old_rate × (new_norm − old_norm)) / new_norm. */
export function revisedPieceRate(...args: Arg[]): Grid<Result> {
  const fn = "REVISEDPIECERATE";
  const zero = zeroDivisor(fn, "new_norm");
  const kernel = ({ n, x: [rate, oldNorm, newNorm, share] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      if (newNorm[e] === 0) fail(e, zero());
      else out[e] = revisedRate(rate[e], oldNorm[e], newNorm[e], share[e]);
    }
  };
  return mapElements(fn, REVISED_PIECE_RATE_PARAMS, args, kernel, { fast: revisedPieceRateFast });
}

const revisedRate = (rate: number, oldNorm: number, newNorm: number, share: number): number =>
  (rate * oldNorm + share * rate * (newNorm - oldNorm)) / newNorm;

const revisedPieceRateFast: FastLoop = ([rate, oldNorm, newNorm, share], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const r = rowAt(rate, i);
    const o = rowAt(oldNorm, i);
    const n = rowAt(newNorm, i);
    const s = rowAt(share, i);
    if (!(plainRow(rate, r) && plainRow(oldNorm, o) && plainRow(newNorm, n) && plainRow(share, s)) || n[0] === 0)
      return i;
    const v = revisedRate(r[0], o[0], n[0], s[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};
