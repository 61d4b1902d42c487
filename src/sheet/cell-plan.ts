/**
 * A rendered template: every cell, format, name and list that an adapter must write, with no
 * reference to Excel. Rows and columns are 0-based offsets from the plan's top-left cell.
 */
import type { Format, Style, TableSource } from "../templates/model";

export type CellContent = { readonly formula: string } | { readonly text: string } | { readonly number: number };

export interface PlanCell {
  readonly row: number;
  readonly col: number;
  readonly content: CellContent;
}

export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface CellPlan {
  readonly sheetName: string;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly PlanCell[];
  readonly formats: readonly { readonly area: Area; readonly format: Format }[];
  readonly styles: readonly { readonly area: Area; readonly style: Style }[];
  readonly merges: readonly Area[];
  /** Names scoped to the sheet, each for one area. */
  readonly names: readonly { readonly name: string; readonly area: Area }[];
  /** In-cell lists: each cell of `area` may hold one of the values in `source`. */
  readonly lists: readonly { readonly area: Area; readonly source: Area }[];
  readonly widths: readonly number[];
  /** Row heights in points where text wraps (clauses); other rows keep Excel's height. */
  readonly heights: readonly { readonly row: number; readonly points: number }[];
  /** Ruled tables: every cell of each area gets a thin border on all four sides. */
  readonly borders: readonly Area[];
  /**
   * The page setup, plain data every adapter writes as it is (the rule that makes it is in
   * src/sheet/page-setup.ts). `printTitles`: the rows Excel repeats at the top of every page after
   * the one they first appear on (Worksheet.pageLayout.setPrintTitleRows; in a file the defined
   * name _xlnm.Print_Titles), set only for a long table whose pages end the sheet.
   * `pageBreaks`: manual page breaks, each the plan row that starts a new page, ascending
   * (Worksheet.horizontalPageBreaks.add on that row, ExcelApi 1.9; in a file <rowBreaks> with
   * <brk id> the 1-based sheet row above it, i.e. origin row + this offset). `footer`: the centre
   * footer of every page in Excel's codes ("Trang &P/&N"; Excel's
   * HeaderFooter.centerFooter takes it as it is, a file's <oddFooter> as "&C" + footer). Printed on A4 in `orientation`,
   * fitted to one page wide, Excel's Normal margins.
   */
  readonly printTitles?: { readonly row: number; readonly rows: number };
  readonly pageBreaks: readonly number[];
  readonly footer: string;
  readonly printArea: Area;
  /** Where each table's entry cells are (columns left for people to fill), for Update to carry them. */
  readonly entries: readonly EntryArea[];
  /** Cells coloured against the plan (Column.flag): each area by its row's value in `basisCol`. */
  readonly flags?: readonly Flag[];
  /** Charts over the plan's cells (ChartDecl), each drawn over `area`. */
  readonly charts?: readonly PlanChart[];
  readonly orientation: "portrait" | "landscape";
}

/**
 * A chart of a plan, in the plan's coordinates: drawn over `area`; `categories` the labels (one
 * column of rows), each series one column of the same rows, columns first, the line last on a
 * second axis. Excel's charts.add, the preview's SVG and a saved file's picture all come from it.
 */
export interface PlanChart {
  readonly key: string;
  readonly title: string;
  readonly area: Area;
  readonly categories: Area;
  readonly series: readonly { readonly name: string; readonly values: Area; readonly kind: "column" | "line" }[];
}

/** The chart with each of its areas moved by `move` (placed at an origin, shifted by inserted rows). */
export function movedChart(chart: PlanChart, move: (area: Area) => Area): PlanChart {
  return {
    ...chart,
    area: move(chart.area),
    categories: move(chart.categories),
    series: chart.series.map((s) => ({ ...s, values: move(s.values) })),
  };
}

/**
 * A conditional format declared once: each cell of `area` is red while the same row's value in
 * column `basisCol` is a number below 1, green while it is 1 or more (a % column against the
 * plan to date). Excel's "light red fill with dark red text" and its green counterpart.
 */
export interface Flag {
  readonly area: Area;
  readonly basisCol: number;
}

export const FLAG_LOOK = {
  below: { font: "#9C0006", fill: "#FFC7CE" },
  met: { font: "#006100", fill: "#C6EFCE" },
} as const;

/**
 * The flag's two rules as Excel's formulas (without "="), relative to the area's first cell
 * placed at `origin`: the basis column absolute, the row relative, as a conditional format reads them.
 */
export function flagRules(flag: Flag, origin: { row: number; col: number }): { below: string; met: string } {
  const cell = `$${columnName(flag.basisCol + origin.col)}${flag.area.row + origin.row + 1}`;
  return { below: `AND(ISNUMBER(${cell}),${cell}<1)`, met: `AND(ISNUMBER(${cell}),${cell}>=1)` };
}

/** The basis column of rules written by flagRules, read back from a file; undefined for any other rule. */
export function flagBasis(below: string, met: string, area: Area): number | undefined {
  const m = /^AND\(ISNUMBER\(\$([A-Z]{1,3})(\d+)\),\$\1\2<1\)$/.exec(below);
  if (!m || Number(m[2]) !== area.row + 1) return undefined;
  if (met !== below.replace(/<1\)$/, ">=1)")) return undefined;
  return columnIndex(m[1]);
}

/** The entry cells of one table block: its data rows and the plan columns declared `entry`. */
export interface EntryArea {
  readonly block: string;
  /** The input table the rows come from; their keys say which row is which across versions. */
  readonly source: TableSource;
  readonly firstRow: number;
  readonly rows: number;
  readonly cols: readonly number[];
}

/** Excel number formats, invariant (Excel shows them with the user's separators). */
export const NUMBER_FORMATS: Readonly<Record<Format, string>> = {
  integer: "#,##0",
  // Đồng have no decimals; negative amounts in parentheses, as financial tables show them.
  amount: "#,##0;(#,##0)",
  // Unit prices and costs, where fractions of a đồng add up over many units.
  price: "#,##0.00",
  decimal: "#,##0.####",
  coefficient: "0.000",
  percent: "0.0%",
  wholePercent: "0%",
  date: "dd/mm/yyyy",
  text: "@",
};

/** A column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A1 address of an area offset by `origin`; `absolute` pins it with $. */
export function address(
  area: Area,
  origin: { row: number; col: number } = { row: 0, col: 0 },
  absolute = false,
): string {
  const d = absolute ? "$" : "";
  const cell = (r: number, c: number) => `${d}${columnName(c + origin.col)}${d}${r + origin.row + 1}`;
  const first = cell(area.row, area.col);
  return area.rows === 1 && area.cols === 1
    ? first
    : `${first}:${cell(area.row + area.rows - 1, area.col + area.cols - 1)}`;
}

// What Excel converts when a string is written through Range.values or Range.formulas (and
// what the preview's engine converts likewise): formulas (= + - @), booleans, error literals,
// numbers with signs, separators, currency or %, fractions, times, and dates, numeric or with
// a month name. Such text is written behind Excel's quote prefix (a leading apostrophe), which
// Excel stores as a cell property and never as part of the text.
const CONVERTED: readonly RegExp[] = [
  /^\s*[=+\-@#']/,
  /^\s*(true|false)\s*$/i,
  /^\s*\(?[+-]?\s*[$€£¥₫]?\s*[+-]?(\d[\d.,\s]*|[.,]\d+)(e[+-]?\d+)?\s*%?\s*[$€£¥₫]?\)?\s*$/i,
  /^\s*[+-]?\d+\s+\d+\s*\/\s*\d+\s*$/,
  /^\s*\d{1,2}(:\d{1,2}){1,2}([.,]\d+)?\s*([ap]\.?m?\.?)?\s*$/i,
  /^\s*\d{1,4}\s*[/\-.]\s*\d{1,2}(\s*[/\-.]\s*\d{1,4})?(\s+\d{1,2}(:\d{1,2}){1,2}\s*([ap]m?)?)?\s*$/i,
  /^\s*(\d{1,2}[\s\-/.]+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?([\s\-/.,]+\d{1,4}){0,2}\s*$/i,
];

/** Whether Excel would store `text`, written as it is, as something other than that text. */
function excelWouldConvert(text: string): boolean {
  return (
    CONVERTED.some((pattern) => pattern.test(text)) &&
    (/\d/.test(text) || /^\s*[=+\-@#']|^\s*(true|false)\s*$/i.test(text))
  );
}

/**
 * What to write into a cell so that Excel (or the preview) stores exactly `content`: formulas
 * as formulas; user text always as text. A leading apostrophe keeps text that starts with
 * = + - @, or that Excel would read as a number, date, boolean or error, what it is.
 */
export function cellInput(content: CellContent): string | number {
  if ("formula" in content) return content.formula;
  if ("number" in content) return content.number;
  return excelWouldConvert(content.text) ? `'${content.text}` : content.text;
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/** A name Excel accepts for a sheet: no []:*?/\, no leading or trailing apostrophe, at most 31 characters. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(FORBIDDEN_IN_SHEET_NAME, "-")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return clean === "" ? "Sheet" : clean;
}

/** `base`, or `base (2)`, `base (3)` … whichever no sheet in `taken` has (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const name = safeSheetName(base);
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const candidate = name.slice(0, 31 - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

// A1 references in a formula the renderer wrote: string literals are skipped, and a reference is
// not part of a longer word, a name (names have lowercase letters), or a function name (LOG10().
const REFERENCE = /"(?:[^"]|"")*"|(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** A column's 0-based index from its letters ("A" is 0). */
export function columnIndex(name: string): number {
  return [...name].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/**
 * A plan's formula moved with the plan to `origin`: every reference, relative or absolute,
 * shifts by the same rows and columns, because the whole template moves as one block.
 */
export function relocateFormula(formula: string, origin: { row: number; col: number }): string {
  if (origin.row === 0 && origin.col === 0) return formula;
  return formula.replace(
    REFERENCE,
    (whole, colAbs: string | undefined, col: string | undefined, rowAbs: string, row: string) =>
      col === undefined
        ? whole
        : `${colAbs}${columnName(columnIndex(col) + origin.col)}${rowAbs}${Number(row) + origin.row}`,
  );
}

/** What to write into a cell of a plan placed at `origin`. */
export function placedInput(content: CellContent, origin: { row: number; col: number }): string | number {
  return "formula" in content ? relocateFormula(content.formula, origin) : cellInput(content);
}
