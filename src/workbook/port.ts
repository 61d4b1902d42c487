/**
 * What the task pane asks of a workbook. Two adapters implement it: Excel (excel/workbook.ts)
 * and the in-browser preview (preview/workbook.ts). The UI receives one as a parameter.
 */
import type { CompatReport } from "../compat/copy";
import type { CellPlan } from "../sheet/cell-plan";
import type { Stored, StoredInputs } from "./payload";
import type { Text } from "../i18n/lang";
import type { UpdateAnswers, UpdateQuestion } from "./update-plan";

/**
 * A template filled earlier in this workbook, or a stored record that could not be read.
 * `partId` is the entry's id in the state sheet (for a workbook in the old format, the custom XML
 * part's id until the first write moves it over).
 */
export type Filled =
  | { readonly partId: string; readonly sheetName: string; readonly stored: Stored }
  | { readonly partId: string; readonly problem: Text };

export type Where = { readonly kind: "newSheet" } | { readonly kind: "selection" };

export type WriteOutcome =
  /** Written; `entry` is the template's id and version in the workbook from now on. */
  | {
      readonly ok: true;
      readonly sheetName: string;
      readonly address: string;
      readonly entry: { readonly partId: string; readonly version: number };
      /** The copy of the sheet kept before an update that lost something the user let go. */
      readonly backup?: string;
    }
  /**
   * Nothing was written: the cells are not empty, the sheet already holds a template, the sheet
   * is gone, its stored state is gone, or rows/columns were inserted or deleted inside the
   * template so that its rows no longer line up with what was written.
   */
  | {
      readonly ok: false;
      readonly reason: "notEmpty" | "sheetHasTemplate" | "sheetMissing" | "structureChanged" | "entryMissing";
      readonly address: string;
    }
  /** Nothing was written: a co-author updated the template since this pane loaded it. */
  | {
      readonly ok: false;
      readonly reason: "changedElsewhere";
      readonly newer: Stored;
      /** Who wrote the newer version and when, where the host says ("" / null otherwise). */
      readonly by: string;
      readonly at: number | null;
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

/** The compatibility copy made inside the workbook, or why none was needed. */
export type CompatOutcome =
  | {
      readonly made: true;
      /** The copies of the sheets, and the cover sheet that says what was done. */
      readonly sheets: readonly string[];
      readonly cover: string;
      readonly report: CompatReport;
    }
  /** No sheet holds an HT formula (or all are left as they were): nothing was written. */
  | { readonly made: false; readonly report: CompatReport };

export interface WorkbookPort {
  listFilled(): Promise<Filled[]>;
  insert(plan: CellPlan, stored: StoredInputs, where: Where, progress?: Progress): Promise<WriteOutcome>;
  /**
   * Rewrites a filled template where it is now, from new inputs, keeping the entry cells people
   * filled. `previous` is the state the pane loaded, version included: when the workbook holds a
   * newer version, nothing changes and the outcome carries it (checked before anything else).
   * When it would lose anything (rows whose key is gone, cells a person changed) it writes
   * nothing and returns the question; called again with the answers, it writes.
   */
  update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: StoredInputs,
    options?: UpdateOptions,
  ): Promise<UpdateOutcome>;
  /** A copy of the sheet with values instead of formulas; its name. */
  freeze(sheetId: string, lang: "vi" | "en"): Promise<string>;
  /** Forgets a filled template: its stored inputs and its defined name; with `sheet`, its sheet too. */
  remove(partId: string, previous: Stored, sheet: boolean): Promise<void>;
  /** Asks the host to open the task pane for whoever opens this workbook next. */
  keepPaneOpen(): Promise<void>;
  /**
   * Calls `listener` whenever someone else (another pane, a co-author) changes the stored
   * templates; never for this port's own writes; `failed` when a check could not be made.
   * Returns a function that stops watching.
   */
  watch(listener: () => void, failed: (error: unknown) => void): () => void;
  /** The values of the selected range, row by row (numbers as numbers, text as text), read only. */
  readSelection(): Promise<unknown[][]>;
  /**
   * Copies every sheet that uses HT functions, with those formulas in Excel's own functions, and
   * a cover sheet saying what was done; the original sheets are only read. Absent where the
   * host has a better way (the preview saves the copy as a file).
   */
  compatibleCopy?(lang: "vi" | "en", progress?: Progress): Promise<CompatOutcome>;
}
