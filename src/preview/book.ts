/**
 * The preview's workbook: HyperFormula for cells and formulas (with every HT function), plus what
 * Excel keeps beside the cells: number formats, cell looks, merges, column widths, names, and which
 * sheets are hidden (the state sheet of preview/state-store.ts is, as in Excel).
 */
import { HyperFormula } from "hyperformula";
import { movedChart, type Area, type Flag, type PlanChart } from "../sheet/cell-plan";
import { cellKey, keyCol, keyRow, type CellKey } from "../sheet/excel-grid";
import type { Format, Style } from "../templates/model";
import { HtPlugin } from "./ht-plugin";
import { IndexPlugin } from "./index-plugin";
import { quickReaderChecks, shareRangeEdges, skipEmptyRemovals } from "./engine-fixes";
import type { PrintSetup } from "./print-layout";
import type { NumberConvention } from "../i18n/numbers";
import type { XlsxPageSetup, XlsxStyle } from "../xlsx/snapshot";
import type { Text } from "../i18n/lang";

/**
 * What an opened file had that the preview keeps without drawing it, so that saving gives it
 * back: the file's own cell styles (where they are not a template look), frozen panes, the page
 * setup beyond print area, titles and orientation, and whether a hidden sheet was only hidden.
 */
export interface FileLook {
  readonly styles: Map<CellKey, XlsxStyle>;
  readonly frozen?: { readonly rows: number; readonly cols: number };
  readonly page?: Omit<XlsxPageSetup, "printArea" | "titleRows" | "orientation">;
  readonly hiddenOnly?: boolean;
}

export interface SheetLook {
  readonly formats: Map<CellKey, Format>;
  readonly styles: Map<CellKey, Style>;
  readonly merges: Area[];
  /** Cells ruled on all four sides (a table's borders). */
  readonly ruled: Set<CellKey>;
  widths: readonly number[];
  /** Row heights in points, where a template set one (wrapped clauses); other rows keep the default. */
  readonly heights: Map<number, number>;
  /** The page layout a template set (print area, orientation); absent on a sheet nobody set up. */
  print?: PrintSetup;
  /** In-cell lists (data validation): each cell of `area` takes a value of `source`, a formula without "=". */
  readonly lists: { readonly area: Area; readonly source: string }[];
  /** The % columns coloured against the plan (cell-plan.ts Flag), at their places on the sheet. */
  readonly flags: Flag[];
  /** Charts over the sheet's cells (cell-plan.ts PlanChart), at their places on the sheet. */
  readonly charts: PlanChart[];
  /** What an opened file had beyond the preview's looks; absent for sheets made here. */
  file?: FileLook;
}

/**
 * Where a band of rows is after `count` rows are inserted above row `at`: lower when they go in
 * above it, taller when they go in inside it (as Excel moves a merged area or a defined name).
 */
export function rowsInserted<T extends { readonly row: number; readonly rows: number }>(
  band: T,
  at: number,
  count: number,
): T {
  if (at <= band.row) return { ...band, row: band.row + count };
  if (at < band.row + band.rows) return { ...band, rows: band.rows + count };
  return band;
}

let pluginRegistered = false;

/** HyperFormula with the HT functions. The licence key is for GPL-3.0 use: the preview is not
 *  part of the bundle Excel loads. */
function engine(): HyperFormula {
  if (!pluginRegistered) {
    HyperFormula.registerFunctionPlugin(HtPlugin, {
      enGB: Object.fromEntries(Object.keys(HtPlugin.implementedFunctions).map((name) => [name, name])),
    });
    // Registered after HyperFormula's own plugins, so it takes INDEX's place (the name is translated already).
    HyperFormula.registerFunctionPlugin(IndexPlugin);
    pluginRegistered = true;
  }
  // HyperFormula rounds results to 10 digits by default; Excel keeps about 15. The column index
  // makes MATCH over a 5,000-row table fast. No undo: the preview offers none, and each write
  // would otherwise keep the cells' old contents and walk the last 20 records again.
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useColumnIndex: true,
    precisionRounding: 14,
    undoLimit: 0,
  });
  skipEmptyRemovals(hf);
  shareRangeEdges(hf);
  quickReaderChecks(hf);
  return hf;
}

/**
 * Said when a cell is typed or cleared while a template is written: the write gives the page back
 * between its slices, and a cell typed meanwhile could be written over. What was typed stays in the editor.
 */
export const WRITING_TEMPLATE: Text = {
  vi: "Đang ghi mẫu vào sổ tính; nhập lại khi ghi xong.",
  en: "A template is being written into the workbook; type again when it is done.",
};

export class PreviewBook {
  readonly hf = engine();
  readonly looks = new Map<number, SheetLook>();
  /** Sheets not shown as tabs (Excel's very hidden sheets). */
  readonly hidden = new Set<number>();
  selection = { sheet: 0, row: 0, col: 0 };
  /** Writes of a template under way (preview/workbook.ts gives the page back between their slices): the grid takes no typing meanwhile. */
  writing = 0;
  /** The last write queued by any pane (see `exclusive`). */
  private queued: Promise<unknown> = Promise.resolve();
  /** Counts the workbooks opened into this book (files): each one is a change of everything. */
  generation = 0;
  /** Whether the workbook asks to open the task pane when opened (Office.AutoShowTaskpaneWithDocument). */
  autoOpen = false;
  private readonly listeners = new Set<() => void>();

  /**
   * Runs `work` once every write queued before it has ended. A write gives the page back between
   * its slices, and two panes (the preview's two users) write into one book: without the queue a
   * co-author's update could check the state, then go over cells the other was still writing.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queued.then(work);
    // The queue only waits for the end; the outcome, failure included, is the caller's.
    this.queued = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * `numbers`: how this workbook's user writes numbers (the preview's stand-in for Excel's
   * separators): the grid reads what is typed, and shows numbers and formulas, in it. The
   * engine's own (English) convention when absent.
   */
  constructor(
    firstSheet: string,
    readonly numbers: NumberConvention = { decimal: ".", group: "," },
  ) {
    this.addSheet(firstSheet);
  }

  addSheet(name: string): number {
    const added = this.hf.addSheet(name);
    const id = this.hf.getSheetId(added)!;
    this.looks.set(id, {
      formats: new Map(),
      styles: new Map(),
      merges: [],
      ruled: new Set(),
      widths: [],
      heights: new Map(),
      lists: [],
      flags: [],
      charts: [],
    });
    return id;
  }

  removeSheet(sheet: number): void {
    this.hf.removeSheet(sheet);
    this.looks.delete(sheet);
    this.hidden.delete(sheet);
    if (this.selection.sheet === sheet)
      this.selection = { sheet: this.hf.getSheetId(this.hf.getSheetNames()[0])!, row: 0, col: 0 };
  }

  look(sheet: number): SheetLook {
    return this.looks.get(sheet)!;
  }

  /** The names of the sheets people see, in tab order. */
  visibleSheetNames(): string[] {
    return this.hf.getSheetNames().filter((name) => !this.hidden.has(this.hf.getSheetId(name)!));
  }

  /**
   * Inserts `count` whole rows above row `at` (0-based), as a person does in Excel: cells,
   * formulas' references and defined names move down with the engine's own addRows, and the
   * looks kept beside the cells move with them. Refused while a template is being written, as
   * typing is: the write would go on into cells that moved.
   */
  insertRows(sheet: number, at: number, count: number): void {
    if (this.writing > 0) throw new Error(WRITING_TEMPLATE.en);
    this.hf.addRows(sheet, [at, count]);
    const look = this.look(sheet);
    const down = (r: number) => (r >= at ? r + count : r);
    for (const map of [look.formats, look.styles] as Map<CellKey, unknown>[]) {
      const moved = [...map.entries()].map(([key, value]): [CellKey, unknown] => [
        cellKey(down(keyRow(key)), keyCol(key)),
        value,
      ]);
      map.clear();
      for (const [key, value] of moved) map.set(key, value);
    }
    const ruled = [...look.ruled].map((key) => cellKey(down(keyRow(key)), keyCol(key)));
    look.ruled.clear();
    for (const key of ruled) look.ruled.add(key);
    const heights = [...look.heights].map(([r, points]): [number, number] => [down(r), points]);
    look.heights.clear();
    for (const [r, points] of heights) look.heights.set(r, points);
    look.merges.splice(0, look.merges.length, ...look.merges.map((m) => rowsInserted(m, at, count)));
    look.charts.splice(
      0,
      look.charts.length,
      ...look.charts.map((c) => movedChart(c, (a) => rowsInserted(a, at, count))),
    );
    look.flags.splice(
      0,
      look.flags.length,
      ...look.flags.map((f) => ({ ...f, area: rowsInserted(f.area, at, count) })),
    );
    look.lists.splice(
      0,
      look.lists.length,
      ...look.lists.map((l) => ({ ...l, area: rowsInserted(l.area, at, count) })),
    );
    if (look.file) {
      const styles = [...look.file.styles].map(([key, style]): [CellKey, XlsxStyle] => [
        cellKey(down(keyRow(key)), keyCol(key)),
        style,
      ]);
      look.file.styles.clear();
      for (const [key, style] of styles) look.file.styles.set(key, style);
    }
    // Excel's print area and print titles are defined names: they move, or grow, with the rows.
    if (look.print) {
      const { area, titleRows, breaks } = look.print;
      look.print = {
        ...look.print,
        area: rowsInserted(area, at, count),
        breaks: breaks.map((row) => (row >= at ? row + count : row)),
        ...(titleRows ? { titleRows: rowsInserted(titleRows, at, count) } : {}),
      };
    }
    this.changed();
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
