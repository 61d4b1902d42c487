/** What both workbook adapters decide the same way about where a template goes. */
import { address, uniqueSheetName, type Area, type CellPlan } from "../templates/cell-plan";
import type { Lang } from "../templates/model";
import type { Placement } from "../templates/payload";
import type { WriteOutcome } from "./port";

/** The outcome of a template written at `origin` (the adapter adds the stored entry's id and version). */
export function written(
  sheetName: string,
  plan: CellPlan,
  origin: { row: number; col: number },
): Omit<Extract<WriteOutcome, { ok: true }>, "entry"> {
  return { ok: true, sheetName, address: address({ row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin) };
}

/**
 * The cells an updated template needs beyond the area it took before (rows below, columns to
 * the right), in sheet coordinates: they must be empty, or the update would overwrite them.
 */
export function growthAreas(old: Placement, plan: CellPlan): Area[] {
  const areas: Area[] = [];
  if (plan.rows > old.rows) {
    areas.push({
      row: old.row + old.rows,
      col: old.col,
      rows: plan.rows - old.rows,
      cols: Math.max(plan.cols, old.cols),
    });
  }
  if (plan.cols > old.cols) {
    areas.push({ row: old.row, col: old.col + old.cols, rows: old.rows, cols: plan.cols - old.cols });
  }
  return areas;
}

const FROZEN_SUFFIX: Readonly<Record<Lang, string>> = { vi: " (giá trị)", en: " (values)" };

/** The name of a sheet's copy frozen as values. */
export function frozenSheetName(source: string, lang: Lang, taken: readonly string[]): string {
  return uniqueSheetName(source + FROZEN_SUFFIX[lang], taken);
}
