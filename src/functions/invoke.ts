/**
 * What every custom function does (functions.ts is generated and holds only the JSDoc and one
 * call per function): find the declared calculation, read Excel's arguments into the core's,
 * run it, and hand the result back as Excel wants it.
 */
import { CATALOG_BY_ID } from "../core/catalog";
import type { Grid, Result } from "../core/cell";
import { fromExcel, toExcelGrid, toExcelValue } from "./boundary";

export function invoke(id: string, args: readonly unknown[]): any {
  const entry = CATALOG_BY_ID.get(id)!;
  const result = entry.impl(...args.map(fromExcel));
  return Array.isArray(result) ? toExcelGrid(result as Grid<Result>) : toExcelValue(result as Result);
}
