/**
 * The HT custom functions as Excel sees them. The JSDoc here is the formula help accountants
 * read in Excel (custom-functions-metadata turns it into functions.json at build); parameter
 * names are those of the public catalog. Each function only adapts arguments and errors; the
 * calculations live in ../core. The build appends one CustomFunctions.associate call per
 * function to this module.
 */
import type { Arg, Grid, Result } from "../core/cell";
import { costPrice, parityWage, priceBuildUp } from "../core/pricing";
import { gradeCoef, gradePrice, gradeValue } from "../core/grades";
import { materialSaving, normCheck, normFulfil, oee, pieceRate, progressiveAvg, revisedPieceRate } from "../core/norms";
import { priceVariance, usageVariance } from "../core/variances";
import { inWords } from "../core/inwords";
import { fromExcel, toExcelGrid, toExcelValue } from "./boundary";

function spill(impl: (...args: Arg[]) => Grid<Result>, args: readonly unknown[]): any[][] {
  return toExcelGrid(impl(...args.map(fromExcel)));
}

function one(impl: (...args: Arg[]) => Result, args: readonly unknown[]): any {
  return toExcelValue(impl(...args.map(fromExcel)));
}

/**
 * Purchase price or processing fee built on production cost (giá lấy giá thành làm cơ sở): own cost plus profit and accumulation on own cost, plus social insurance and welfare on labour. Accepts ranges and spills one price per row.
 * @customfunction COSTPRICE
 * @param material Cost of all materials per unit of product, in đồng, including any the buyer supplies.
 * @param labour Labour cost per unit, in đồng (wages at parity with state-enterprise workers of the same trade).
 * @param [overhead] Other production costs per unit (depreciation, power, workshop costs), in đồng. Default 0.
 * @param [profit_rate] Profit as a fraction of own production cost: 0.05 means 5 %. Default 0.
 * @param [accumulation_rate] Share kept for accumulation (equipment, expansion), as a fraction of own production cost. Default 0.
 * @param [welfare_rate] Social insurance and collective welfare, as a fraction of labour cost. Default 0.
 * @param [supplied_material] Part of the material cost supplied by the buyer: 0 for a purchase price, all of it for a processing fee (gia công), part of it for a two-way contract. Default 0.
 * @returns Price per unit, in đồng.
 */
export function COSTPRICE(
  material: any[][],
  labour: any[][],
  overhead?: any[][],
  profit_rate?: any[][],
  accumulation_rate?: any[][],
  welfare_rate?: any[][],
  supplied_material?: any[][],
): any[][] {
  return spill(costPrice, [
    material,
    labour,
    overhead,
    profit_rate,
    accumulation_rate,
    welfare_rate,
    supplied_material,
  ]);
}

/**
 * How a cost-based price is built up, as a two-column table (item, amount): own materials, labour, overhead, own production cost, profit, accumulation, social insurance and welfare, price. The last amount equals HT.COSTPRICE. Single values only.
 * @customfunction PRICEBUILDUP
 * @param material Cost of all materials per unit, in đồng, including any the buyer supplies.
 * @param labour Labour cost per unit, in đồng.
 * @param [overhead] Other production costs per unit, in đồng. Default 0.
 * @param [profit_rate] Profit as a fraction of own production cost (0.05 = 5 %). Default 0.
 * @param [accumulation_rate] Accumulation as a fraction of own production cost. Default 0.
 * @param [welfare_rate] Social insurance and collective welfare as a fraction of labour cost. Default 0.
 * @param [supplied_material] Part of the material cost supplied by the buyer, in đồng. Default 0.
 * @param [language] Language of the item labels: "vi" (Vietnamese, the default) or "en" (English).
 * @returns A table of 8 rows: item and amount.
 */
export function PRICEBUILDUP(
  material: any[][],
  labour: any[][],
  overhead?: any[][],
  profit_rate?: any[][],
  accumulation_rate?: any[][],
  welfare_rate?: any[][],
  supplied_material?: any[][],
  language?: any[][],
): any[][] {
  return spill(priceBuildUp, [
    material,
    labour,
    overhead,
    profit_rate,
    accumulation_rate,
    welfare_rate,
    supplied_material,
    language,
  ]);
}

/**
 * Labour cost per unit at parity with a state-enterprise worker of the same trade and conditions: time norm × reference monthly wage ÷ hours per month × condition coefficient.
 * @customfunction PARITYWAGE
 * @param time_norm_hours Time norm: hours of work per unit of product.
 * @param reference_monthly_wage Monthly wage of a state-enterprise worker of the same trade and grade, in đồng.
 * @param [hours_per_month] Working hours in a month. Default 208 (26 days of 8 hours).
 * @param [condition_coef] Coefficient for working conditions (heavy, toxic work above 1). Default 1.
 * @returns Labour cost per unit, in đồng.
 */
export function PARITYWAGE(
  time_norm_hours: any[][],
  reference_monthly_wage: any[][],
  hours_per_month?: any[][],
  condition_coef?: any[][],
): any[][] {
  return spill(parityWage, [time_norm_hours, reference_monthly_wage, hours_per_month, condition_coef]);
}

/**
 * Price for a quality grade (hàng tốt giá cao, hàng xấu giá thấp): base price × the grade's coefficient from the grade table.
 * @customfunction GRADEPRICE
 * @param base_price Price of the base grade (coefficient 1), in đồng.
 * @param grade Grade label as written in the grade table, e.g. "Loại 1"; upper or lower case alike. May be a range.
 * @param grade_table Two columns: grade label and coefficient relative to the base price (1 for the base grade).
 * @returns Price for the grade, in đồng.
 */
export function GRADEPRICE(base_price: any[][], grade: any[][], grade_table: any[][]): any[][] {
  return spill((p, g, t) => gradePrice(p, g, t), [base_price, grade, grade_table]);
}

/**
 * Value of deliveries of mixed grades: the sum of quantity × base price × grade coefficient over all lines.
 * @customfunction GRADEVALUE
 * @param quantities Quantities delivered, one per line.
 * @param grades Grade of each line, same size as quantities.
 * @param base_price Price of the base grade, in đồng.
 * @param grade_table Two columns: grade label and coefficient relative to the base price.
 * @returns Total value, in đồng.
 */
export function GRADEVALUE(quantities: any[][], grades: any[][], base_price: any[][], grade_table: any[][]): any {
  return one((q, g, p, t) => gradeValue(q, g, p, t), [quantities, grades, base_price, grade_table]);
}

/**
 * Average grade coefficient (hệ số phẩm cấp bình quân): the sum of quantity × coefficient divided by the total quantity. 1 means all at the base grade.
 * @customfunction GRADECOEF
 * @param quantities Quantities produced or delivered, one per line.
 * @param grades Grade of each line, same size as quantities.
 * @param grade_table Two columns: grade label and coefficient relative to the base price.
 * @returns Average coefficient.
 */
export function GRADECOEF(quantities: any[][], grades: any[][], grade_table: any[][]): any {
  return one((q, g, t) => gradeCoef(q, g, t), [quantities, grades, grade_table]);
}

/**
 * Fulfilment of the labour norm (% hoàn thành định mức): standard hours earned ÷ hours worked. 1.1 means 110 %.
 * @customfunction NORMFULFIL
 * @param time_norm_per_unit Time norm: hours allowed per unit of product.
 * @param units Units produced (good units accepted).
 * @param hours_worked Hours actually worked.
 * @returns Fulfilment as a fraction (1 = 100 %).
 */
export function NORMFULFIL(time_norm_per_unit: any[][], units: any[][], hours_worked: any[][]): any[][] {
  return spill(normFulfil, [time_norm_per_unit, units, hours_worked]);
}

/**
 * Material saving against the consumption norm: (norm per unit × units − actual use) × unit price. Positive is a saving (tiết kiệm), negative an overrun (vượt mức tiêu hao).
 * @customfunction MATERIALSAVING
 * @param norm_per_unit Consumption norm: material allowed per unit of product.
 * @param units Units produced.
 * @param actual_used Material actually used, in the norm's unit.
 * @param [unit_price] Price per unit of material, in đồng, to value the saving. Default 1 (the result stays in quantity).
 * @returns Saving (positive) or overrun (negative).
 */
export function MATERIALSAVING(
  norm_per_unit: any[][],
  units: any[][],
  actual_used: any[][],
  unit_price?: any[][],
): any[][] {
  return spill(materialSaving, [norm_per_unit, units, actual_used, unit_price]);
}

/**
 * Equipment utilisation (OEE): availability × performance × quality, where availability = run time ÷ planned time, performance = ideal cycle time × total count ÷ run time, quality = good count ÷ total count.
 * @customfunction OEE
 * @param planned_time Planned production time of the machine.
 * @param run_time Time the machine actually ran, in the same unit; not more than the planned time.
 * @param ideal_cycle_time Ideal time per piece, in the same unit.
 * @param total_count Pieces made, good and bad.
 * @param good_count Good pieces (first grade); not more than the total.
 * @returns OEE as a fraction (0.85 = 85 %).
 */
export function OEE(
  planned_time: any[][],
  run_time: any[][],
  ideal_cycle_time: any[][],
  total_count: any[][],
  good_count: any[][],
): any[][] {
  return spill(oee, [planned_time, run_time, ideal_cycle_time, total_count, good_count]);
}

/**
 * Progressive average norm (mức trung bình tiên tiến) from observed values: the mean of all observations, then the mean of those at least as good; "half" averages the two, "advanced" takes the second. Blank cells are skipped.
 * @customfunction PROGRESSIVEAVG
 * @param observations Observed times, consumptions or outputs per unit.
 * @param [better] "lower" when less is better (time and consumption norms, the default) or "higher" when more is better (output norms).
 * @param [method] "half" for (mean + advanced mean) ÷ 2, the default, or "advanced" for the advanced mean alone.
 * @returns The progressive average norm, in the unit of the observations.
 */
export function PROGRESSIVEAVG(observations: any[][], better?: any[][], method?: any[][]): any {
  return one((o, b, m) => progressiveAvg(o, b, m), [observations, better, method]);
}

/**
 * Whether the unit's norm is at least as tight as the state or ministry norm (a unit's norm may not be looser): TRUE or FALSE.
 * @customfunction NORMCHECK
 * @param unit_norm The unit's own norm.
 * @param state_norm The state or ministry norm for the same work.
 * @param [better] "lower" when less is better (time and consumption norms, the default) or "higher" when more is better (output norms).
 * @returns TRUE when the unit's norm is at least as tight.
 */
export function NORMCHECK(unit_norm: any[][], state_norm: any[][], better?: any[][]): any[][] {
  return spill((u, s, b) => normCheck(u, s, b), [unit_norm, state_norm, better]);
}

/**
 * Piece rate per unit (đơn giá lương sản phẩm): wage for the period ÷ output norm for the period.
 * @customfunction PIECERATE
 * @param wage_per_period Wage for the period (day, month), in đồng.
 * @param output_norm_per_period Output norm: units to be made in the same period.
 * @returns Piece rate per unit, in đồng.
 */
export function PIECERATE(wage_per_period: any[][], output_norm_per_period: any[][]): any[][] {
  return spill(pieceRate, [wage_per_period, output_norm_per_period]);
}

/**
 * Piece rate after the output norm is raised, keeping part of the gain for the worker so the incentive to raise productivity stays: (old rate × old norm + share × old rate × (new norm − old norm)) ÷ new norm.
 * @customfunction REVISEDPIECERATE
 * @param old_rate Piece rate before the change, in đồng per unit.
 * @param old_norm Output norm before the change, units per period.
 * @param new_norm Output norm after the change, units per period.
 * @param [incentive_share] Share of the extra output paid at the old rate, from 0 to 1: 0 keeps earnings at the norm unchanged, 1 keeps the old rate. Default 0.
 * @returns The new piece rate, in đồng per unit.
 */
export function REVISEDPIECERATE(
  old_rate: any[][],
  old_norm: any[][],
  new_norm: any[][],
  incentive_share?: any[][],
): any[][] {
  return spill(revisedPieceRate, [old_rate, old_norm, new_norm, incentive_share]);
}

/**
 * Price variance: (actual price − standard price) × actual quantity. Positive is unfavourable (paid above standard).
 * @customfunction PRICEVARIANCE
 * @param actual_price Price actually paid per unit, in đồng.
 * @param standard_price Standard (norm) price per unit, in đồng.
 * @param actual_qty Quantity actually bought or used.
 * @returns Variance in đồng; positive is unfavourable.
 */
export function PRICEVARIANCE(actual_price: any[][], standard_price: any[][], actual_qty: any[][]): any[][] {
  return spill(priceVariance, [actual_price, standard_price, actual_qty]);
}

/**
 * Usage (quantity) variance: (actual quantity − standard quantity per unit × output) × standard price. Positive is unfavourable (more used than the norm allows).
 * @customfunction USAGEVARIANCE
 * @param actual_qty Quantity of material or hours actually used.
 * @param standard_qty_per_unit Standard (norm) quantity per unit of output.
 * @param output Units of output produced.
 * @param standard_price Standard price per unit of material or hour, in đồng.
 * @returns Variance in đồng; positive is unfavourable.
 */
export function USAGEVARIANCE(
  actual_qty: any[][],
  standard_qty_per_unit: any[][],
  output: any[][],
  standard_price: any[][],
): any[][] {
  return spill(usageVariance, [actual_qty, standard_qty_per_unit, output, standard_price]);
}

/**
 * The amount in words (số tiền bằng chữ), as written after "Bằng chữ:" on invoices, contracts and payment orders: rounded to whole units, first letter capitalised, followed by the unit. Accepts a range and spills one text per cell.
 * @customfunction INWORDS
 * @param amount The amount, in the sheet's unit; rounded half away from zero to whole units first. Less than 10^15 in size.
 * @param [unit] Word written after the amount, as given (e.g. "đồng chẵn"). Default "đồng" in Vietnamese, "dong" in English.
 * @param [language] "vi" for Vietnamese (the default) or "en" for English.
 * @param [style] Vietnamese words: "north" (nghìn, linh; the default) or "south" (ngàn, lẻ).
 * @returns The amount in words.
 */
export function INWORDS(amount: any[][], unit?: any[][], language?: any[][], style?: any[][]): any[][] {
  return spill((a, u, l, s) => inWords(a, u, l, s), [amount, unit, language, style]);
}
