/**
 * The preview's workbook: HyperFormula for cells and formulas (with every HT function), plus what
 * Excel keeps beside the cells: number formats, cell looks, merges, column widths, names, and which
 * sheets are hidden (the state sheet of preview/state-store.ts is, as in Excel).
 */
import { HyperFormula } from "hyperformula";
import type { Area } from "../templates/cell-plan";
import type { Format, Style } from "../templates/model";
import { HtPlugin } from "./ht-plugin";

export interface SheetLook {
  readonly formats: Map<string, Format>;
  readonly styles: Map<string, Style>;
  readonly merges: Area[];
  widths: readonly number[];
}

export const cellKey = (row: number, col: number) => `${row},${col}`;

let pluginRegistered = false;

/** HyperFormula with the HT functions. The licence key is for GPL-3.0 use: the preview is not
 *  part of the bundle Excel loads. */
function engine(): HyperFormula {
  if (!pluginRegistered) {
    HyperFormula.registerFunctionPlugin(HtPlugin, {
      enGB: Object.fromEntries(Object.keys(HtPlugin.implementedFunctions).map((name) => [name, name])),
    });
    pluginRegistered = true;
  }
  // HyperFormula rounds results to 10 digits by default; Excel keeps about 15.
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useColumnIndex: true, precisionRounding: 14 });
}

export class PreviewBook {
  readonly hf = engine();
  readonly looks = new Map<number, SheetLook>();
  /** Sheets not shown as tabs (Excel's very hidden sheets). */
  readonly hidden = new Set<number>();
  selection = { sheet: 0, row: 0, col: 0 };
  /** Whether the workbook asks to open the task pane when opened (Office.AutoShowTaskpaneWithDocument). */
  autoOpen = false;
  private readonly listeners = new Set<() => void>();

  constructor(firstSheet: string) {
    this.addSheet(firstSheet);
  }

  addSheet(name: string): number {
    const added = this.hf.addSheet(name);
    const id = this.hf.getSheetId(added)!;
    this.looks.set(id, { formats: new Map(), styles: new Map(), merges: [], widths: [] });
    return id;
  }

  look(sheet: number): SheetLook {
    return this.looks.get(sheet)!;
  }

  /** The names of the sheets people see, in tab order. */
  visibleSheetNames(): string[] {
    return this.hf.getSheetNames().filter((name) => !this.hidden.has(this.hf.getSheetId(name)!));
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
