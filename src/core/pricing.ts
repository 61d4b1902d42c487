/**
 * Cost-based purchase and processing prices (giá thu mua / giá gia công lấy giá thành làm cơ sở):
 * the price covers the producer's own production cost, plus profit and accumulation on that own
 * cost, plus social insurance and collective welfare on labour. Materials the buyer supplies are
 * neither paid for nor earn a margin.
 */
import { cellError, isCellError, type Arg, type CellError, type Grid, type Result } from "./cell";
import { readOption, single } from "./coerce";
import { isRange } from "./grid";
import { zeroDivisor } from "./arithmetic";
import {
  declaredParams,
  materialize,
  mapElements,
  plainRow,
  rowAt,
  type Columns,
  type Fail,
  type FastLoop,
  type Param,
} from "./elementwise";
import { messages } from "./messages";

const COST_PRICE_PARAMS: readonly Param[] = declaredParams("COSTPRICE");
/** PRICEBUILDUP's numbers are COSTPRICE's; its language is read apart. */
const BUILD_UP_PARAMS: readonly Param[] = declaredParams("PRICEBUILDUP");

export interface PriceBuildUp {
  readonly ownMaterial: number;
  readonly labour: number;
  readonly overhead: number;
  readonly ownCost: number;
  readonly profit: number;
  readonly accumulation: number;
  readonly welfare: number;
  readonly price: number;
}

/** The price on an own production cost: O + profit_rate·O + accumulation_rate·O + welfare_rate·labour. */
function priceFrom(
  ownCost: number,
  labour: number,
  profitRate: number,
  accumulationRate: number,
  welfareRate: number,
): number {
  return ownCost + profitRate * ownCost + accumulationRate * ownCost + welfareRate * labour;
}

/** The price and its parts, for PRICEBUILDUP; the price is COSTPRICE's, by the same computation. */
function priceParts(
  material: number,
  labour: number,
  overhead: number,
  profitRate: number,
  accumulationRate: number,
  welfareRate: number,
  supplied: number,
): PriceBuildUp {
  const ownMaterial = material - supplied;
  const ownCost = ownMaterial + labour + overhead;
  const profit = profitRate * ownCost;
  const accumulation = accumulationRate * ownCost;
  const welfare = welfareRate * labour;
  const price = priceFrom(ownCost, labour, profitRate, accumulationRate, welfareRate);
  return { ownMaterial, labour, overhead, ownCost, profit, accumulation, welfare, price };
}

const suppliedAboveMaterial = (fn: string) =>
  cellError("#NUM!", messages.greaterThan(fn, "supplied_material", "material"));

/** HT.COSTPRICE: price = O + profit_rate·O + accumulation_rate·O + welfare_rate·labour,
 *  where O = material + labour + overhead − supplied_material. */
export function costPrice(...args: Arg[]): Grid<Result> {
  const fn = "COSTPRICE";
  const kernel = ({ n, x: [m, l, o, p, a, w, s] }: Columns, out: Float64Array, fail: Fail) => {
    let tooMuch: CellError | undefined;
    for (let e = 0; e < n; e++) {
      if (s[e] > m[e]) fail(e, (tooMuch ??= suppliedAboveMaterial(fn)));
      else out[e] = priceFrom(m[e] - s[e] + l[e] + o[e], l[e], p[e], a[e], w[e]);
    }
  };
  return mapElements(fn, COST_PRICE_PARAMS, args, kernel, { fast: costPriceFast });
}

const costPriceFast: FastLoop = ([m, l, o, p, a, w, s], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const material = rowAt(m, i);
    const labour = rowAt(l, i);
    const overhead = rowAt(o, i);
    const profit = rowAt(p, i);
    const accumulation = rowAt(a, i);
    const welfare = rowAt(w, i);
    const supplied = rowAt(s, i);
    if (
      !(
        plainRow(m, material) &&
        plainRow(l, labour) &&
        plainRow(o, overhead) &&
        plainRow(p, profit) &&
        plainRow(a, accumulation) &&
        plainRow(w, welfare) &&
        plainRow(s, supplied)
      ) ||
      supplied[0] > material[0]
    )
      return i;
    const own = material[0] - supplied[0] + labour[0] + overhead[0];
    const price = priceFrom(own, labour[0], profit[0], accumulation[0], welfare[0]);
    if (!(price - price === 0)) return i;
    out[i] = [price];
  }
  return rows;
};

export type Language = "vi" | "en";

const BUILD_UP_LABELS: Record<Language, readonly string[]> = {
  vi: [
    "Nguyên vật liệu tự lo",
    "Tiền công",
    "Chi phí chung",
    "Giá thành sản xuất (phần tự lo)",
    "Lãi",
    "Tích luỹ",
    "Bảo hiểm xã hội và phúc lợi tập thể",
    "Giá",
  ],
  en: [
    "Own materials",
    "Labour",
    "Overhead",
    "Production cost (own)",
    "Profit",
    "Accumulation",
    "Social insurance and welfare",
    "Price",
  ],
};

/** "vi", "en", or a locale tag such as "vi-VN"; blank means Vietnamese. */
export function readLanguage(arg: Arg, fn: string): Language | CellError {
  const value = single(arg, fn, "language");
  const tag = typeof value === "string" ? value.trim().toLowerCase().split(/[-_]/)[0] : value;
  return readOption(tag as Arg, fn, "language", ["vi", "en"] as const, "vi");
}

/** HT.PRICEBUILDUP: the COSTPRICE computation as a labelled 8×2 table. Single values only. */
export function priceBuildUp(...args: Arg[]): Grid<Result> {
  const fn = "PRICEBUILDUP";
  const numeric = args.slice(0, BUILD_UP_PARAMS.length);
  const range = numeric.findIndex(isRange);
  if (range >= 0) return [[cellError("#VALUE!", messages.singleValue(fn, BUILD_UP_PARAMS[range].name))]];
  const language = readLanguage(args[BUILD_UP_PARAMS.length], fn);
  const columns = materialize(fn, BUILD_UP_PARAMS, numeric);
  if (isCellError(columns)) return [[columns]];
  const inputError = columns.errors.get(0);
  if (inputError) return [[inputError]];
  if (isCellError(language)) return [[language]];
  if (columns.isBlank(0)) return [[""]];
  const [m, l, o, p, a, w, s] = columns.x.map((column) => column[0]);
  if (s > m) return [[suppliedAboveMaterial(fn)]];
  const parts = priceParts(m, l, o, p, a, w, s);
  const amounts = [
    parts.ownMaterial,
    parts.labour,
    parts.overhead,
    parts.ownCost,
    parts.profit,
    parts.accumulation,
    parts.welfare,
    parts.price,
  ];
  if (!amounts.every(Number.isFinite)) return [[cellError("#NUM!", messages.overflow(fn))]];
  return BUILD_UP_LABELS[language].map((label, k) => [label, amounts[k]]);
}

const PARITY_WAGE_PARAMS: readonly Param[] = declaredParams("PARITYWAGE");

/** HT.PARITYWAGE: labour cost per unit at parity with a state-enterprise worker:
 *  time_norm_hours × reference_monthly_wage / hours_per_month × condition_coef. */
export function parityWage(...args: Arg[]): Grid<Result> {
  const zero = zeroDivisor("PARITYWAGE", "hours_per_month");
  const kernel = ({ n, x: [hours, wage, perMonth, coef] }: Columns, out: Float64Array, fail: Fail) => {
    for (let e = 0; e < n; e++) {
      if (perMonth[e] === 0) fail(e, zero());
      else out[e] = parityOf(hours[e], wage[e], perMonth[e], coef[e]);
    }
  };
  return mapElements("PARITYWAGE", PARITY_WAGE_PARAMS, args, kernel, { fast: parityWageFast });
}

const parityOf = (hours: number, wage: number, perMonth: number, coef: number): number =>
  ((hours * wage) / perMonth) * coef;

const parityWageFast: FastLoop = ([hours, wage, perMonth, coef], rows, out) => {
  for (let i = 0; i < rows; i++) {
    const h = rowAt(hours, i);
    const w = rowAt(wage, i);
    const m = rowAt(perMonth, i);
    const c = rowAt(coef, i);
    if (!(plainRow(hours, h) && plainRow(wage, w) && plainRow(perMonth, m) && plainRow(coef, c)) || m[0] === 0)
      return i;
    const v = parityOf(h[0], w[0], m[0], c[0]);
    if (!(v - v === 0)) return i;
    out[i] = [v];
  }
  return rows;
};
