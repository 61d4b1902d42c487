/**
 * The preview's workbook as a file snapshot (xlsx/snapshot.ts), for saving: every sheet with its
 * formulas and the values the engine computed for them, the looks as cell styles, names, lists,
 * and page setup. The engine's two corner names of a template's area (workbook.ts) go into the
 * file as the one name over the area that Excel keeps.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { columnIndex, columnName } from "../sheet/cell-plan";
import { cellKey, keyCol, keyRow, type CellKey } from "../sheet/excel-grid";
import { STATE_SHEET, isTextColumn } from "../workbook/state-rows";
import { lookStyle } from "../xlsx/looks";
import type {
  Area,
  XlsxBook,
  XlsxCell,
  XlsxName,
  XlsxPageSetup,
  XlsxSheet,
  XlsxStyle,
  XlsxValue,
} from "../xlsx/snapshot";
import type { PreviewBook, SheetLook } from "./book";

/** The preview's second corner name of a template's area (see workbook.ts). */
export const END_SUFFIX = "_END";

const A4 = 9;

/** The error values a file can hold; the engine's own (#ERROR! for a formula it cannot read, #CYCLE!) are not among them. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

function fileValue(v: CellValue): XlsxValue {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) {
    if (EXCEL_ERRORS.has(v.value)) return { error: v.value };
    // What Excel itself shows for a formula it cannot read, and for anything else.
    return { error: v.value === "#ERROR!" ? "#NAME?" : "#VALUE!" };
  }
  return v;
}

/** A single-cell name's sheet and cell ("='KH 1965'!$A$3"), or undefined. */
function nameCell(expression: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^=(?:'((?:[^']|'')*)'|([^!'()]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(expression);
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], row: Number(m[4]) - 1, col: columnIndex(m[3]) };
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The workbook's names as a file keeps them: each pair of corner names joined into one area. */
function workbookNames(book: PreviewBook): XlsxName[] {
  const hf = book.hf;
  const all = hf.listNamedExpressions();
  const taken = new Set(all.map((n) => n.toUpperCase()));
  const names: XlsxName[] = [];
  for (const name of all) {
    const expression = String(hf.getNamedExpression(name)!.expression);
    if (name.toUpperCase().endsWith(END_SUFFIX) && taken.has(name.slice(0, -END_SUFFIX.length).toUpperCase())) {
      const first = hf.getNamedExpression(name.slice(0, -END_SUFFIX.length));
      if (first && nameCell(String(first.expression))) continue;
    }
    const first = nameCell(expression);
    const endName = all.find((n) => n.toUpperCase() === `${name.toUpperCase()}${END_SUFFIX}`);
    const last = endName ? nameCell(String(hf.getNamedExpression(endName)!.expression)) : undefined;
    if (first && last && first.sheet === last.sheet && last.row >= first.row && last.col >= first.col) {
      names.push({
        name,
        formula: `${quote(first.sheet)}!$${columnName(first.col)}$${first.row + 1}:$${columnName(last.col)}$${last.row + 1}`,
      });
    } else names.push({ name, formula: expression.replace(/^=/, "") });
  }
  return names;
}

/** Where a formula's result spills: right and down from its cell while the cells are part of its array. */
function arrayArea(book: PreviewBook, sheet: number, row: number, col: number): Area | undefined {
  const hf = book.hf;
  if (!hf.isCellPartOfArray({ sheet, row, col })) return undefined;
  const inArray = (r: number, c: number) =>
    hf.isCellPartOfArray({ sheet, row: r, col: c }) && !hf.doesCellHaveFormula({ sheet, row: r, col: c });
  let cols = 1;
  while (inArray(row, col + cols)) cols++;
  let rows = 1;
  while (inArray(row + rows, col)) rows++;
  return { row, col, rows, cols };
}

function pageSetup(look: SheetLook): XlsxPageSetup | undefined {
  const print = look.print;
  const extra = look.file?.page;
  if (!print && !extra) return undefined;
  return {
    ...(extra ?? {}),
    ...(print
      ? {
          printArea: print.area,
          ...(print.titleRows ? { titleRows: print.titleRows } : {}),
          orientation: print.orientation,
          // What the Excel adapter sets for every template: A4, one page wide, as tall as it takes.
          paperSize: A4,
          fitToWidth: 1,
          fitToHeight: 0,
          // The template's footer is centred, as the Excel adapter sets it (centerFooter).
          ...(print.footer ? { footer: `&C${print.footer}` } : {}),
          ...(print.breaks.length > 0 ? { breaks: print.breaks } : {}),
        }
      : {}),
  };
}

function sheetSnapshot(book: PreviewBook, sheet: number): XlsxSheet {
  const hf = book.hf;
  const name = hf.getSheetName(sheet)!;
  const look = book.look(sheet);
  const formulas = hf.getSheetFormulas(sheet);
  const values = hf.getSheetValues(sheet);
  const isState = name === STATE_SHEET;
  const styled = new Set<CellKey>([
    ...look.styles.keys(),
    ...look.formats.keys(),
    ...look.ruled,
    ...(look.file?.styles.keys() ?? []),
  ]);
  const cells: XlsxCell[] = [];
  const style = (key: CellKey, row: number, col: number): XlsxStyle | undefined => {
    const own = lookStyle(look.styles.get(key), look.formats.get(key), look.ruled.has(key));
    const file = look.file?.styles.get(key);
    // The state sheet's text columns stay text, as the Excel adapter formats them.
    const text = isState && row >= 1 && isTextColumn(col);
    // The look's own style object as it is when nothing is added to it: the writer knows it again.
    if (!text && !file) return Object.keys(own).length > 0 ? own : undefined;
    const merged: XlsxStyle = { ...(text ? { numFmt: "@" } : {}), ...(file ?? {}), ...own };
    // A cell with a style of the file's own keeps the file's vertical alignment (none is Excel's
    // bottom): a person's bold cell read as a template look is not moved to the top of its row.
    if (file && own.alignment) {
      const alignment = { ...file.alignment, ...own.alignment, vertical: file.alignment?.vertical };
      if (alignment.vertical === undefined) delete alignment.vertical;
      return { ...merged, alignment };
    }
    return Object.keys(merged).length > 0 ? merged : undefined;
  };
  for (let row = 0; row < values.length; row++) {
    const line = values[row];
    for (let col = 0; col < line.length; col++) {
      const formula = formulas[row]?.[col];
      const value = fileValue(line[col]);
      const key = cellKey(row, col);
      if (formula === undefined && value === null) continue;
      styled.delete(key);
      const s = style(key, row, col);
      const array = formula === undefined ? undefined : arrayArea(book, sheet, row, col);
      const raw = line[col];
      const circular = formula !== undefined && raw instanceof DetailedCellError && raw.value === "#CYCLE!";
      cells.push({
        row,
        col,
        ...(formula !== undefined ? { formula: formula.replace(/^=/, "") } : {}),
        ...(array ? { array } : {}),
        ...(circular ? { circular: true } : {}),
        value,
        ...(s ? { style: s } : {}),
      });
    }
  }
  for (const key of styled) {
    const s = style(key, keyRow(key), keyCol(key));
    if (s) cells.push({ row: keyRow(key), col: keyCol(key), value: null, style: s });
  }
  const names: XlsxName[] = hf
    .listNamedExpressions(sheet)
    .map((n) => ({ name: n, formula: String(hf.getNamedExpression(n, sheet)!.expression).replace(/^=/, "") }));
  const page = pageSetup(look);
  return {
    name,
    state: book.hidden.has(sheet) ? (look.file?.hiddenOnly ? "hidden" : "veryHidden") : "visible",
    cells,
    merges: look.merges.slice(),
    widths: look.widths.slice(),
    heights: [...look.heights].map(([row, points]) => ({ row, points })),
    ...(look.file?.frozen ? { frozen: look.file.frozen } : {}),
    lists: look.lists.map((l) => ({ area: l.area, source: l.source.replace(/^=/, "") })),
    ...(look.flags.length > 0 ? { flags: look.flags } : {}),
    names,
    ...(page ? { pageSetup: page } : {}),
  };
}

/** The whole workbook, every sheet in tab order, hidden ones included. */
export function bookSnapshot(book: PreviewBook): XlsxBook {
  const hf = book.hf;
  const ids = hf.getSheetNames().map((n) => hf.getSheetId(n)!);
  const sheets = ids.map((id) => sheetSnapshot(book, id));
  const active = ids.indexOf(book.selection.sheet);
  return { sheets, names: workbookNames(book), ...(active >= 0 ? { activeSheet: active } : {}) };
}
