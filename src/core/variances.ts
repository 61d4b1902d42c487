/**
 * Standard-cost variances, the modern form of norm versus actual. Sign: actual minus standard,
 * so a positive variance is unfavourable (cost above standard).
 */
import type { Arg, Grid, Result } from "./cell";
import { declaredParams, mapElements, type Param } from "./elementwise";

const PRICE_VARIANCE_PARAMS: readonly Param[] = declaredParams("PRICEVARIANCE");

/** HT.PRICEVARIANCE: (actual_price − standard_price) × actual_qty. */
export function priceVariance(...args: Arg[]): Grid<Result> {
  return mapElements("PRICEVARIANCE", PRICE_VARIANCE_PARAMS, args, ({ n, x: [actual, standard, qty] }, out) => {
    for (let e = 0; e < n; e++) out[e] = (actual[e] - standard[e]) * qty[e];
  });
}

const USAGE_VARIANCE_PARAMS: readonly Param[] = declaredParams("USAGEVARIANCE");

/** HT.USAGEVARIANCE: (actual_qty − standard_qty_per_unit × output) × standard_price. */
export function usageVariance(...args: Arg[]): Grid<Result> {
  return mapElements(
    "USAGEVARIANCE",
    USAGE_VARIANCE_PARAMS,
    args,
    ({ n, x: [actual, perUnit, output, price] }, out) => {
      for (let e = 0; e < n; e++) out[e] = (actual[e] - perUnit[e] * output[e]) * price[e];
    },
  );
}
