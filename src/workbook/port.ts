/**
 * What the task pane asks of a workbook. Two adapters implement it: Excel (excel/workbook.ts)
 * and the in-browser preview (preview/workbook.ts). The UI receives one as a parameter.
 */
import type { CellPlan } from "../templates/cell-plan";
import type { Stored } from "../templates/payload";
import type { Text } from "../templates/model";

/** A template filled earlier in this workbook, or a stored payload that could not be read. */
export type Filled =
  | { readonly partId: string; readonly sheetName: string; readonly stored: Stored }
  | { readonly partId: string; readonly problem: Text };

export type Where = { readonly kind: "newSheet" } | { readonly kind: "selection" };

export type WriteOutcome =
  | { readonly ok: true; readonly sheetName: string; readonly address: string }
  /** Nothing was written: the cells are not empty, or the sheet already holds a template. */
  | { readonly ok: false; readonly reason: "notEmpty" | "sheetHasTemplate" | "sheetMissing"; readonly address: string };

export interface WorkbookPort {
  listFilled(): Promise<Filled[]>;
  insert(plan: CellPlan, stored: Omit<Stored, "placement">, where: Where): Promise<WriteOutcome>;
  /** Rewrites a filled template in place from new inputs. */
  update(partId: string, previous: Stored, plan: CellPlan, stored: Omit<Stored, "placement">): Promise<WriteOutcome>;
  /** A copy of the sheet with values instead of formulas; its name. */
  freeze(sheetId: string, lang: "vi" | "en"): Promise<string>;
  /** Asks the host to open the task pane for whoever opens this workbook next. */
  keepPaneOpen(): Promise<void>;
  /** The values of the selected range, row by row (numbers as numbers, text as text), read only. */
  readSelection(): Promise<unknown[][]>;
}
