/**
 * A workbook as a file holds it, with no reference to the preview or to exceljs: what
 * `writeWorkbook` writes and `readWorkbook` reads. Rows and columns are 0-based. Formulas are in
 * Excel's English syntax without the leading "=", with the functions as the preview knows them
 * (`RRI`, `HT.COSTPRICE` or its Vietnamese name): the writer adds the prefixes a file needs
 * (formula-names.ts) and the reader takes them off again.
 */
import type { Area, Flag } from "../sheet/cell-plan";

export type { Area };

/** A cell's value, or a formula's cached result: an error by its code ("#DIV/0!"). */
export type XlsxValue = number | string | boolean | { readonly error: string } | null;

export type XlsxBorderStyle = "thin" | "medium" | "thick" | "dotted" | "dashed" | "double" | "hair";

/** The workbook's default font: a style's font without a name or size is this one. */
export const DEFAULT_FONT = { name: "Calibri", size: 11 } as const;

export interface XlsxFont {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Points; absent for the workbook's default (11, never written out here). */
  readonly size?: number;
  /** "#RRGGBB". */
  readonly color?: string;
  readonly name?: string;
}

export interface XlsxStyle {
  /** Excel's number format code ("#,##0;(#,##0)"); absent for General. */
  readonly numFmt?: string;
  readonly font?: XlsxFont;
  /** A solid fill, "#RRGGBB". */
  readonly fill?: string;
  readonly border?: {
    readonly top?: XlsxBorderStyle;
    readonly left?: XlsxBorderStyle;
    readonly bottom?: XlsxBorderStyle;
    readonly right?: XlsxBorderStyle;
  };
  readonly alignment?: {
    readonly horizontal?: "left" | "center" | "right" | "fill" | "justify" | "centerContinuous" | "distributed";
    readonly vertical?: "top" | "middle" | "bottom" | "distributed" | "justify";
    readonly wrapText?: boolean;
    readonly indent?: number;
  };
}

export interface XlsxCell {
  readonly row: number;
  readonly col: number;
  /** The formula, without "=", in the preview's function names; absent for a value. */
  readonly formula?: string;
  /** For a formula whose result fills several cells: the area it fills (its own cell first). */
  readonly array?: Area;
  /** The value, or the formula's cached result; null for a cell that holds only a style. */
  readonly value: XlsxValue;
  /**
   * The engine found this formula on a circular reference (the preview's engine says so; a file
   * does not, and the writer does not write it). The compatibility copy leaves it as it is.
   */
  readonly circular?: boolean;
  readonly style?: XlsxStyle;
}

/** A defined name: its formula without "=" (a range, a constant or any formula). */
export interface XlsxName {
  readonly name: string;
  readonly formula: string;
  readonly hidden?: boolean;
  readonly comment?: string;
}

/** Margins in inches, as Excel's page setup keeps them. */
export interface XlsxMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Excel's "Normal" margins. */
export const NORMAL_MARGINS: XlsxMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export interface XlsxPageSetup {
  readonly printArea?: Area;
  /** Rows printed again at the top of every page. */
  readonly titleRows?: { readonly row: number; readonly rows: number };
  readonly orientation?: "portrait" | "landscape";
  /** Excel's paper size code: 9 is A4. */
  readonly paperSize?: number;
  /** Fit to this many pages wide (and `fitToHeight` tall, 0 for as many as it takes). */
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** Percent, when not fitted. */
  readonly scale?: number;
  readonly margins?: XlsxMargins;
  /** Excel's header and footer codes ("&CPage &P of &N"), odd pages (all pages unless set apart). */
  readonly header?: string;
  readonly footer?: string;
  /** Manual page breaks: the 0-based rows that start a new page (Excel's `<rowBreaks>`). */
  readonly breaks?: readonly number[];
}

export interface XlsxSheet {
  readonly name: string;
  /** Very hidden: not listed in Excel's Unhide dialog (the templates' state sheet). */
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly cells: readonly XlsxCell[];
  readonly merges: readonly Area[];
  /** Column widths in characters (Excel's unit), by column; undefined keeps the default. */
  readonly widths: readonly (number | undefined)[];
  /** Row heights in points. */
  readonly heights: readonly { readonly row: number; readonly points: number }[];
  /** Frozen panes: rows at the top and columns at the left that stay in view. */
  readonly frozen?: { readonly rows: number; readonly cols: number };
  /** In-cell lists: each cell of `area` may hold one of the values `source` (a formula without "=") gives. */
  readonly lists: readonly { readonly area: Area; readonly source: string }[];
  /** Cells coloured against the plan (conditional formats of two rules, cell-plan.ts Flag). */
  readonly flags?: readonly Flag[];
  /**
   * Pictures over the cells of `area`: written from `png` (a chart drawn by the preview: the
   * library writes no charts); read back as where they are, without their bytes.
   */
  readonly pictures?: readonly { readonly area: Area; readonly png?: Uint8Array }[];
  /** Names scoped to this sheet. */
  readonly names: readonly XlsxName[];
  readonly pageSetup?: XlsxPageSetup;
}

export interface XlsxBook {
  readonly sheets: readonly XlsxSheet[];
  /** Names of the workbook. */
  readonly names: readonly XlsxName[];
  /** The sheet shown when the file is opened (index into `sheets`). */
  readonly activeSheet?: number;
}
