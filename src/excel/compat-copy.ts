/**
 * The compatibility copy inside the workbook (the pane's "Copy for colleagues without the add-in"):
 * each visible sheet with an HT formula is copied (Worksheet.copy keeps its looks, merges, page
 * setup and sheet-scoped names), the copy's HT formulas are replaced by their native Excel forms,
 * the cells with no native form keep the value the add-in computed, and a cover sheet, first,
 * says what was done. The original sheets are only read. What to write comes from the pure
 * translation (compat/copy.ts); this file reads and writes, in bands under the 5 MB limit.
 */
import { compatibleSheets, type SheetChanges } from "../compat/copy";
import type { Lang } from "../i18n/lang";
import { cellInput } from "../sheet/cell-plan";
import type { XlsxCell, XlsxName, XlsxSheet, XlsxValue } from "../xlsx/snapshot";
import { POINTS_PER_CHARACTER } from "../sheet/excel-grid";
import { CHUNK_BUDGET, READ_CELLS, compatSheetName } from "../workbook/placement";
import type { CompatOutcome, Progress } from "../workbook/port";
import type { ExcelRun } from "./state-store";

interface Used {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly range: Excel.Range;
}

/** One column's run of consecutive cells to write, with their formulas. */
interface Run {
  readonly row: number;
  readonly col: number;
  readonly formulas: string[];
}

/** The changed cells of a sheet as runs down each column (few ranges for a template's columns). */
function runs(cells: readonly { row: number; col: number }[]): { row: number; col: number; rows: number }[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: { row: number; col: number; rows: number }[] = [];
  for (const cell of sorted) {
    const last = out.at(-1);
    if (last && last.col === cell.col && last.row + last.rows === cell.row) last.rows++;
    else out.push({ row: cell.row, col: cell.col, rows: 1 });
  }
  return out;
}

function formulaRuns(changes: SheetChanges): Run[] {
  const byCell = new Map(changes.formulas.map((f) => [`${f.row},${f.col}`, f.formula]));
  return runs(changes.formulas).map(({ row, col, rows }) => ({
    row,
    col,
    formulas: Array.from({ length: rows }, (_, k) => `=${byCell.get(`${row + k},${col}`)}`),
  }));
}

/** The cells of a sheet read back from Excel, as the translator takes them. */
function sheetCells(formulas: unknown[][], values: unknown[][], top: number, left: number): XlsxCell[] {
  const cells: XlsxCell[] = [];
  formulas.forEach((line, r) =>
    line.forEach((f, c) => {
      const value = values[r][c] as XlsxValue;
      if (typeof f === "string" && f.startsWith("="))
        cells.push({ row: top + r, col: left + c, formula: f.slice(1), value });
      else if (value !== "" && value !== null) cells.push({ row: top + r, col: left + c, value });
    }),
  );
  return cells;
}

/** Writes the cover sheet's cells and looks (its text as text, whatever it starts with). */
function queueCover(sheet: Excel.Worksheet, cover: XlsxSheet, footer?: string): void {
  cover.widths.forEach((chars, col) => {
    if (chars !== undefined) sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHARACTER;
  });
  for (const area of cover.merges) sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols).merge(false);
  for (const cell of cover.cells) {
    const range = sheet.getRangeByIndexes(cell.row, cell.col, 1, 1);
    range.values = [[typeof cell.value === "string" ? cellInput({ text: cell.value }) : (cell.value as number)]];
    const font = cell.style?.font;
    if (font?.bold) range.format.font.bold = true;
    if (font?.size) range.format.font.size = font.size;
    if (cell.style?.alignment?.wrapText) {
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
  }
  for (const { row, points } of cover.heights) sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  sheet.pageLayout.orientation = Excel.PageOrientation.portrait;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  if (footer) sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = footer;
}

/** Makes the copy; `progress` counts its writes. Reports `made: false` when no sheet has an HT formula. */
export async function compatibleCopy(run: ExcelRun, lang: Lang, progress?: Progress): Promise<CompatOutcome> {
  return await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const bookNames = context.workbook.names;
    bookNames.load("items/name,items/formula");
    await context.sync();
    // The templates' state sheet is very hidden, and a hidden sheet is not the recipient's to read.
    const visible = sheets.items.filter((s) => s.visibility === Excel.SheetVisibility.visible);
    const used = visible.map((sheet) => {
      const range = sheet.getUsedRangeOrNullObject();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      sheet.names.load("items/name,items/formula");
      return { sheet, name: sheet.name, range } as Used;
    });
    await context.sync();

    // Read in bands of rows, one sync per band, each well under the 5 MB a response may carry:
    // each band is loaded only just before its own sync.
    const reads: { used: Used; top: number; left: number; rows: number; cols: number }[] = [];
    for (const u of used) {
      if (u.range.isNullObject) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = u.range;
      const step = Math.max(1, Math.floor(READ_CELLS / columnCount));
      for (let r = 0; r < rowCount; r += step)
        reads.push({
          used: u,
          top: rowIndex + r,
          left: columnIndex,
          rows: Math.min(step, rowCount - r),
          cols: columnCount,
        });
    }
    const cells = new Map<string, XlsxCell[]>(used.map((u) => [u.name, []]));
    for (const { used: u, top, left, rows, cols } of reads) {
      const band = u.sheet.getRangeByIndexes(top, left, rows, cols);
      band.load("formulas,values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      cells.get(u.name)!.push(...sheetCells(band.formulas, band.values, top, left));
    }
    const names = (items: Excel.NamedItem[]): XlsxName[] =>
      items.map((n) => ({ name: n.name, formula: String(n.formula).replace(/^=/, "") }));
    const {
      sheets: changes,
      cover,
      report,
    } = compatibleSheets(
      {
        sheets: used.map((u) => ({
          name: u.name,
          state: "visible",
          cells: cells.get(u.name)!,
          merges: [],
          widths: [],
          heights: [],
          lists: [],
          names: names(u.sheet.names.items),
        })),
        names: names(bookNames.items),
      },
      lang,
      (source, taken) => compatSheetName(source, lang, taken),
    );
    const changed = changes.filter((c) => c.formulas.length > 0 || c.values.length > 0);
    if (changed.length === 0) return { made: false, report };

    // The copies first, each named; then their formulas in bands; the cover last, first in order.
    const copies = new Map<string, Excel.Worksheet>();
    for (const c of changed) {
      const copy = sheets.getItem(c.source).copy(Excel.WorksheetPositionType.end);
      copy.name = c.name;
      copies.set(c.name, copy);
    }
    const writes: { size: number; queue: () => void }[] = [];
    for (const c of changed) {
      const copy = copies.get(c.name)!;
      const source = sheets.getItem(c.source);
      for (const r of formulaRuns(c)) {
        const size = r.formulas.reduce((n, f) => n + f.length + 4, 0);
        writes.push({
          size,
          queue: () =>
            (copy.getRangeByIndexes(r.row, r.col, r.formulas.length, 1).formulas = r.formulas.map((f) => [f])),
        });
      }
      // No native form: the value the add-in computed, pasted as a value of its type (text stays text).
      for (const v of runs(c.values))
        writes.push({
          size: 64,
          queue: () =>
            copy
              .getRangeByIndexes(v.row, v.col, v.rows, 1)
              .copyFrom(source.getRangeByIndexes(v.row, v.col, v.rows, 1), Excel.RangeCopyType.values),
        });
    }
    const coverSheet = sheets.add(cover.name);
    coverSheet.position = 0;
    queueCover(coverSheet, cover, cover.pageSetup?.footer?.replace(/^&C/, ""));
    coverSheet.activate();
    // Bands of writes under the request budget, one sync each; the cover goes with the first.
    const bands: (typeof writes)[] = [[]];
    let size = 0;
    for (const w of writes) {
      if (size > 0 && size + w.size > CHUNK_BUDGET) {
        bands.push([]);
        size = 0;
      }
      bands.at(-1)!.push(w);
      size += w.size;
    }
    for (let k = 0; k < bands.length; k++) {
      for (const w of bands[k]) w.queue();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      progress?.(k + 1, bands.length);
    }
    return { made: true, sheets: changed.map((c) => c.name), cover: cover.name, report };
  });
}
