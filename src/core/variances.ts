/**
 * Standard-cost variances, the modern form of norm versus actual. Sign: actual minus standard,
 * so a positive variance is unfavourable (cost above standard).
 */
import type { Arg, Grid, Result } from "./cell";
import { declaredParams, mapElements, plainRow, rowAt, type Columns, type FastLoop, type Param } from "./elementwise";

const PRICE_VARIANCE_PARAMS: readonly Param[] = declaredParams("PRICEVARIANCE");

/** HT.PRICEVARIANCE: (actual_price − standard_price) × actual_qty. */
export function priceVariance(...args: Arg[]): Grid<Result> {
  const kernel = ({ n, x: [actual, standard, qty] }: Columns, out: Float64Array) => {
    for (let e = 0; e < n; e++) out[e] = priceVarianceOf(actual[e], standard[e], qty[e]);
  };
  return mapElements("PRICEVARIANCE", PRICE_VARIANCE_PARAMS, args, kernel, { fast: priceVarianceFast });
}

const priceVarianceOf = (actual: number, standard: number, qty: number): number => (actual - standard) * qty;

const priceVarianceFast: FastLoop = ([actual, standard, qty], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const a = rowAt(actual, i);
    const s = rowAt(standard, i);
    const q = rowAt(qty, i);
    if (!(plainRow(actual, a) && plainRow(standard, s) && plainRow(qty, q))) return i;
    const v = priceVarianceOf(a[0], s[0], q[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};

const USAGE_VARIANCE_PARAMS: readonly Param[] = declaredParams("USAGEVARIANCE");

/** HT.USAGEVARIANCE: (actual_qty − standard_qty_per_unit × output) × standard_price. */
export function usageVariance(...args: Arg[]): Grid<Result> {
  const kernel = ({ n, x: [actual, perUnit, output, price] }: Columns, out: Float64Array) => {
    for (let e = 0; e < n; e++) out[e] = usageVarianceOf(actual[e], perUnit[e], output[e], price[e]);
  };
  return mapElements("USAGEVARIANCE", USAGE_VARIANCE_PARAMS, args, kernel, { fast: usageVarianceFast });
}

const usageVarianceOf = (actual: number, perUnit: number, output: number, price: number): number =>
  (actual - perUnit * output) * price;

const usageVarianceFast: FastLoop = ([actual, perUnit, output, price], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const a = rowAt(actual, i);
    const u = rowAt(perUnit, i);
    const o = rowAt(output, i);
    const p = rowAt(price, i);
    if (!(plainRow(actual, a) && plainRow(perUnit, u) && plainRow(output, o) && plainRow(price, p))) return i;
    const v = usageVarianceOf(a[0], u[0], o[0], p[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};
