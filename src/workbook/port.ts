/**
 * What the task pane asks of a workbook. Two adapters implement it: Excel (excel/workbook.ts)
 * and the in-browser preview (preview/workbook.ts). The UI receives one as a parameter.
 */
import type { CellPlan } from "../templates/cell-plan";
import type { Stored } from "../templates/payload";
import type { Text } from "../templates/model";
import type { UpdateAnswers, UpdateQuestion } from "./update-plan";

/** A template filled earlier in this workbook, or a stored payload that could not be read. */
export type Filled =
  | { readonly partId: string; readonly sheetName: string; readonly stored: Stored }
  | { readonly partId: string; readonly problem: Text };

export type Where = { readonly kind: "newSheet" } | { readonly kind: "selection" };

export type WriteOutcome =
  | {
      readonly ok: true;
      readonly sheetName: string;
      readonly address: string;
      /** The copy of the sheet kept before an update that lost something the user let go. */
      readonly backup?: string;
    }
  /**
   * Nothing was written: the cells are not empty, the sheet already holds a template, the sheet
   * is gone, or rows/columns were inserted or deleted inside the template so that its rows no
   * longer line up with what was written.
   */
  | {
      readonly ok: false;
      readonly reason: "notEmpty" | "sheetHasTemplate" | "sheetMissing" | "structureChanged";
      readonly address: string;
    };

/** An update that needs the user's answer first; nothing was written. */
export type UpdateOutcome =
  | WriteOutcome
  | { readonly ok: false; readonly reason: "ask"; readonly question: UpdateQuestion; readonly address: string };

/** Called while a long write goes on: how many of the write's parts are sent. */
export type Progress = (done: number, total: number) => void;

export interface UpdateOptions {
  /** The user's answers to the question a first attempt returned. */
  readonly answers?: UpdateAnswers;
  readonly progress?: Progress;
}

export interface WorkbookPort {
  listFilled(): Promise<Filled[]>;
  insert(plan: CellPlan, stored: Omit<Stored, "placement">, where: Where, progress?: Progress): Promise<WriteOutcome>;
  /**
   * Rewrites a filled template where it is now, from new inputs, keeping the entry cells people
   * filled. When it would lose anything (rows whose key is gone, cells a person changed) it
   * writes nothing and returns the question; called again with the answers, it writes.
   */
  update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: Omit<Stored, "placement">,
    options?: UpdateOptions,
  ): Promise<UpdateOutcome>;
  /** A copy of the sheet with values instead of formulas; its name. */
  freeze(sheetId: string, lang: "vi" | "en"): Promise<string>;
  /** Forgets a filled template: its stored inputs and its defined name; with `sheet`, its sheet too. */
  remove(partId: string, previous: Stored, sheet: boolean): Promise<void>;
  /** Asks the host to open the task pane for whoever opens this workbook next. */
  keepPaneOpen(): Promise<void>;
  /** The values of the selected range, row by row (numbers as numbers, text as text), read only. */
  readSelection(): Promise<unknown[][]>;
}
