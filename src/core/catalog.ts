/**
 * Every HT function by id with its parameters, in the order of the public contract
 * (shared/FUNCTIONS.md). The Excel boundary, the preview workbook, the tests and the benchmarks
 * all read the calculations through this one table.
 */
import type { Arg, Grid, Result } from "./cell";
import { costPrice, parityWage, priceBuildUp } from "./pricing";
import { gradeCoef, gradePrice, gradeValue } from "./grades";
import { materialSaving, normCheck, normFulfil, oee, pieceRate, progressiveAvg, revisedPieceRate } from "./norms";
import { priceVariance, usageVariance } from "./variances";
import { inWords } from "./inwords";

export interface CatalogParam {
  readonly name: string;
  readonly optional?: true;
  /** What the argument holds, for tests and the preview: numbers, labels, a table, or a word. */
  readonly kind: "number" | "label" | "table" | "option" | "text";
}

export interface CatalogEntry {
  readonly id: string;
  readonly params: readonly CatalogParam[];
  /** Whether the result is one value whatever the shape of the arguments. */
  readonly aggregate?: true;
  readonly impl: (...args: Arg[]) => Grid<Result> | Result;
}

const num = (name: string): CatalogParam => ({ name, kind: "number" });
const opt = (name: string, kind: CatalogParam["kind"] = "number"): CatalogParam => ({ name, kind, optional: true });

const COST_PARAMS = [
  num("material"),
  num("labour"),
  opt("overhead"),
  opt("profit_rate"),
  opt("accumulation_rate"),
  opt("welfare_rate"),
  opt("supplied_material"),
];

export const CATALOG: readonly CatalogEntry[] = [
  { id: "COSTPRICE", params: COST_PARAMS, impl: costPrice },
  { id: "PRICEBUILDUP", params: [...COST_PARAMS, opt("language", "option")], impl: priceBuildUp },
  {
    id: "PARITYWAGE",
    params: [num("time_norm_hours"), num("reference_monthly_wage"), opt("hours_per_month"), opt("condition_coef")],
    impl: parityWage,
  },
  {
    id: "GRADEPRICE",
    params: [num("base_price"), { name: "grade", kind: "label" }, { name: "grade_table", kind: "table" }],
    impl: (p, g, t) => gradePrice(p, g, t),
  },
  {
    id: "GRADEVALUE",
    params: [
      num("quantities"),
      { name: "grades", kind: "label" },
      num("base_price"),
      { name: "grade_table", kind: "table" },
    ],
    aggregate: true,
    impl: (q, g, p, t) => gradeValue(q, g, p, t),
  },
  {
    id: "GRADECOEF",
    params: [num("quantities"), { name: "grades", kind: "label" }, { name: "grade_table", kind: "table" }],
    aggregate: true,
    impl: (q, g, t) => gradeCoef(q, g, t),
  },
  { id: "NORMFULFIL", params: [num("time_norm_per_unit"), num("units"), num("hours_worked")], impl: normFulfil },
  {
    id: "MATERIALSAVING",
    params: [num("norm_per_unit"), num("units"), num("actual_used"), opt("unit_price")],
    impl: materialSaving,
  },
  {
    id: "OEE",
    params: [num("planned_time"), num("run_time"), num("ideal_cycle_time"), num("total_count"), num("good_count")],
    impl: oee,
  },
  {
    id: "PROGRESSIVEAVG",
    params: [num("observations"), opt("better", "option"), opt("method", "option")],
    aggregate: true,
    impl: (o, b, m) => progressiveAvg(o, b, m),
  },
  {
    id: "NORMCHECK",
    params: [num("unit_norm"), num("state_norm"), opt("better", "option")],
    impl: (u, s, b) => normCheck(u, s, b),
  },
  { id: "PIECERATE", params: [num("wage_per_period"), num("output_norm_per_period")], impl: pieceRate },
  {
    id: "REVISEDPIECERATE",
    params: [num("old_rate"), num("old_norm"), num("new_norm"), opt("incentive_share")],
    impl: revisedPieceRate,
  },
  { id: "PRICEVARIANCE", params: [num("actual_price"), num("standard_price"), num("actual_qty")], impl: priceVariance },
  {
    id: "USAGEVARIANCE",
    params: [num("actual_qty"), num("standard_qty_per_unit"), num("output"), num("standard_price")],
    impl: usageVariance,
  },
  {
    id: "INWORDS",
    params: [num("amount"), opt("unit", "text"), opt("language", "option"), opt("style", "option")],
    impl: (a, u, l, s) => inWords(a, u, l, s),
  },
];

export const CATALOG_BY_ID: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((entry) => [entry.id, entry]));
