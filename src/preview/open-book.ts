/**
 * Replaces the preview's workbook with a file's (a snapshot read by xlsx/read.ts), in place: the
 * task pane's ports and the grid keep the same book. Either everything comes in or nothing
 * changes: on any failure the workbook is put back as it was. The templates' state comes in as
 * the file has it; only each entry's sheet id, which is the host's own, is bound again to the
 * sheet its defined name points at.
 */
import type { RawCellContent } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import { cellInput } from "../sheet/cell-plan";
import { cellKey, type CellKey } from "../sheet/excel-grid";
import { encodeRow, padded, readStateSheet, STATE_SHEET } from "../workbook/state-rows";
import { lookStyle, readLook, sameButVertical } from "../xlsx/looks";
import type { Dropped } from "../xlsx/problems";
import type { XlsxBook, XlsxSheet, XlsxStyle, XlsxValue } from "../xlsx/snapshot";
import { columnIndex, movedChart, type Area, type PlanChart } from "../sheet/cell-plan";
import { templateById } from "../templates/catalog";
import { renderTemplate } from "../templates/render";

import type { FileLook, PreviewBook, SheetLook } from "./book";
import { END_SUFFIX } from "./book-snapshot";

/** A workbook as the preview holds it, ready to be put into a book. */
interface Content {
  readonly sheets: readonly {
    readonly name: string;
    readonly contents: RawCellContent[][];
    readonly look: SheetLook;
    readonly hidden: boolean;
  }[];
  /** Names with the engine's expression; `scope` is a sheet's name, absent for the workbook's. */
  readonly names: readonly { readonly name: string; readonly expression: string; readonly scope?: string }[];
  readonly selected?: string;
  readonly autoOpen: boolean;
}

function engineValue(value: XlsxValue): RawCellContent {
  if (value === null) return null;
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return cellInput({ text: value });
  return value;
}

function emptyLook(): SheetLook {
  return {
    formats: new Map(),
    styles: new Map(),
    merges: [],
    ruled: new Set(),
    widths: [],
    heights: new Map(),
    lists: [],
    flags: [],
    charts: [],
  };
}

const A1_AREA = /^('(?:[^']|'')*'|[^!'()]+)!\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/;
const TEMPLATE_NAME = /^HT_[A-Za-z][A-Za-z0-9_]*$/;

/** A sheet as a formula names it ('KH 1965' or Sheet1), as the workbook names it. */
const unquoted = (ref: string) => (ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref);

/** The areas of the templates stored in the file (their HT_ names), by sheet name. */
function templateAreas(snapshot: XlsxBook): Map<string, Area[]> {
  const areas = new Map<string, Area[]>();
  for (const n of snapshot.names) {
    const m = TEMPLATE_NAME.test(n.name) ? A1_AREA.exec(n.formula) : null;
    if (!m) continue;
    const sheet = unquoted(m[1]);
    const [col, row] = [columnIndex(m[2]), Number(m[3]) - 1];
    const area = { row, col, rows: Number(m[5]) - row, cols: columnIndex(m[4]) - col + 1 };
    areas.set(sheet, [...(areas.get(sheet) ?? []), area]);
  }
  return areas;
}

/**
 * `templates`: the areas of the sheet's stored templates. Inside them a cell whose style is its
 * template look but for the vertical alignment (a file saved before every template cell was set
 * at the top of its row) takes the look as it is now; anywhere else the file's own style is kept.
 */
function sheetContent(sheet: XlsxSheet, templates: readonly Area[] = []): Content["sheets"][number] {
  const inTemplate = (row: number, col: number) =>
    templates.some((a) => row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols);
  const contents: RawCellContent[][] = [];
  const look = emptyLook();
  const styles = new Map<CellKey, XlsxStyle>();
  // Cells of one style share its object (xlsx/read.ts): its look is read once.
  const looks = new Map<XlsxStyle, ReturnType<typeof readLook>>();
  for (const cell of sheet.cells) {
    const content = cell.formula !== undefined ? `=${cell.formula}` : engineValue(cell.value);
    if (content !== null) {
      while (contents.length <= cell.row) contents.push([]);
      contents[cell.row][cell.col] = content;
    }
    const inside = templates.length > 0 && inTemplate(cell.row, cell.col);
    if (!cell.style && !inside) continue;
    const key = cellKey(cell.row, cell.col);
    const own = cell.style;
    let read = own ? looks.get(own) : readLook(undefined);
    if (!read) looks.set(own!, (read = readLook(own)));
    // Inside a template a cell no look draws is its plain "computed" cell: every cell a template
    // writes has a look, and a file saved before "computed" was set at the top cannot tell it apart.
    const style = read.style ?? (inside ? "computed" : undefined);
    if (style) look.styles.set(key, style);
    if (read.format) look.formats.set(key, read.format);
    if (read.ruled) look.ruled.add(key);
    if (read.foreign && !(inside && sameButVertical(read.foreign, lookStyle(style, read.format, read.ruled))))
      styles.set(key, read.foreign);
  }
  // The engine takes rows as dense arrays.
  for (const row of contents) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  look.merges.push(...sheet.merges);
  // Columns the file leaves at the default width stay holes, which the grid reads as its default.
  look.widths = sheet.widths.slice() as number[];
  for (const { row, points } of sheet.heights) look.heights.set(row, points);
  look.lists.push(...sheet.lists);
  look.flags.push(...(sheet.flags ?? []));
  const page = sheet.pageSetup;
  if (page?.printArea) {
    // A footer of a centre section only is the print view's own; any other stays the file's.
    const centred = /^&C((?:(?!&[LR]).)*)$/s.exec(page.footer ?? "");
    look.print = {
      area: page.printArea,
      orientation: page.orientation ?? "portrait",
      ...(page.titleRows ? { titleRows: page.titleRows } : {}),
      breaks: page.breaks ?? [],
      footer: centred ? centred[1] : "",
    };
  }
  // The rest of the page setup (paper, fit, margins, other headers and footers) is kept as the file has it.
  const drawn = new Set(["printArea", "titleRows", "orientation", "breaks"]);
  if (look.print?.footer) drawn.add("footer");
  const rest: FileLook["page"] | undefined = page
    ? Object.fromEntries(Object.entries(page).filter(([k]) => !drawn.has(k)))
    : undefined;
  const file: FileLook = {
    styles,
    ...(sheet.frozen ? { frozen: sheet.frozen } : {}),
    ...(rest && Object.keys(rest).length > 0 ? { page: rest } : {}),
    ...(sheet.state === "hidden" ? { hiddenOnly: true } : {}),
  };
  if (styles.size > 0 || file.frozen || file.page || file.hiddenOnly) look.file = file;
  return { name: sheet.name, contents, look, hidden: sheet.state !== "visible" };
}

/** The snapshot as the preview holds it: a template's area name becomes the engine's two corner names. */
function contentOf(snapshot: XlsxBook): Content {
  const templates = templateAreas(snapshot);
  const sheets = snapshot.sheets.map((sheet) => sheetContent(sheet, templates.get(sheet.name)));
  const names: { name: string; expression: string; scope?: string }[] = [];
  for (const n of snapshot.names) {
    const area = TEMPLATE_NAME.test(n.name) ? A1_AREA.exec(n.formula) : null;
    if (area) {
      names.push({ name: n.name, expression: `=${area[1]}!$${area[2]}$${area[3]}` });
      names.push({ name: n.name + END_SUFFIX, expression: `=${area[1]}!$${area[4]}$${area[5]}` });
    } else names.push({ name: n.name, expression: `=${n.formula}` });
  }
  for (const sheet of snapshot.sheets)
    for (const n of sheet.names) names.push({ name: n.name, expression: `=${n.formula}`, scope: sheet.name });
  const active = snapshot.activeSheet === undefined ? undefined : snapshot.sheets[snapshot.activeSheet];
  const selected =
    active && active.state === "visible" ? active.name : snapshot.sheets.find((s) => s.state === "visible")?.name;
  return { sheets, names, ...(selected ? { selected } : {}), autoOpen: false };
}

/** The book as it is now, to put back if the new one cannot come in. */
function capture(book: PreviewBook): Content {
  const hf = book.hf;
  const ids = hf.getSheetNames().map((n) => hf.getSheetId(n)!);
  const names: Content["names"][number][] = hf
    .listNamedExpressions()
    .map((name) => ({ name, expression: String(hf.getNamedExpression(name)!.expression) }));
  for (const id of ids) {
    for (const name of hf.listNamedExpressions(id))
      names.push({
        name,
        expression: String(hf.getNamedExpression(name, id)!.expression),
        scope: hf.getSheetName(id)!,
      });
  }
  return {
    sheets: ids.map((id) => ({
      name: hf.getSheetName(id)!,
      contents: hf.getSheetSerialized(id) as RawCellContent[][],
      look: book.look(id),
      hidden: book.hidden.has(id),
    })),
    names,
    selected: hf.getSheetName(book.selection.sheet),
    autoOpen: book.autoOpen,
  };
}

/** Puts `content` in place of everything the book holds; the names the engine refuses are returned. */
function put(book: PreviewBook, content: Content): string[] {
  const hf = book.hf;
  const refused: string[] = [];
  hf.suspendEvaluation();
  try {
    for (const name of hf.listNamedExpressions()) hf.removeNamedExpression(name);
    for (const name of hf.getSheetNames()) {
      const id = hf.getSheetId(name)!;
      hf.removeSheet(id);
      book.looks.delete(id);
    }
    book.hidden.clear();
    const ids = content.sheets.map((sheet) => {
      const id = book.addSheet(sheet.name);
      book.looks.set(id, sheet.look);
      if (sheet.hidden) book.hidden.add(id);
      return id;
    });
    for (const n of content.names) {
      const scope = n.scope === undefined ? undefined : hf.getSheetId(n.scope);
      if (hf.isItPossibleToAddNamedExpression(n.name, n.expression, scope))
        hf.addNamedExpression(n.name, n.expression, scope);
      else refused.push(n.name);
    }
    content.sheets.forEach((sheet, k) => {
      if (sheet.contents.length > 0) hf.setCellContents({ sheet: ids[k], row: 0, col: 0 }, sheet.contents);
    });
  } finally {
    hf.resumeEvaluation();
  }
  const selected = content.selected === undefined ? undefined : hf.getSheetId(content.selected);
  const first = hf.getSheetId(book.visibleSheetNames()[0] ?? hf.getSheetNames()[0]);
  book.selection = { sheet: selected ?? first ?? 0, row: 0, col: 0 };
  book.autoOpen = content.autoOpen;
  return refused;
}

/**
 * Binds each stored template to the sheet its defined name is on now (sheet ids are the
 * host's: Excel's and the preview's differ, and a file keeps the writer's). Only the id changes;
 * version, author and time stay as the file has them.
 */
function rebind(book: PreviewBook): void {
  const hf = book.hf;
  const state = hf.getSheetId(STATE_SHEET);
  if (state === undefined) return;
  const sheet = readStateSheet(hf.getSheetValues(state));
  for (const { row, decoded } of sheet.rows) {
    if (decoded.kind !== "entry") continue;
    const name = decoded.stored.placement.name;
    const found = name ? hf.getNamedExpression(name) : undefined;
    const m = found && /^=('(?:[^']|'')*'|[^!'()]+)!/.exec(String(found.expression));
    if (!m) continue;
    const sheetName = unquoted(m[1]);
    const id = hf.getSheetId(sheetName);
    if (id === undefined || String(id) === decoded.stored.placement.sheetId) continue;
    const stored = { ...decoded.stored, placement: { ...decoded.stored.placement, sheetId: String(id) } };
    const cells = padded(encodeRow({ id: decoded.id, stored, by: decoded.by, at: decoded.at }), sheet.width);
    hf.setCellContents({ sheet: state, row, col: 0 }, [cells.map((c) => (c === "" ? null : c))]);
  }
}

/**
 * Draws again the charts of the templates stored in the book (a file keeps a chart only as its
 * picture): each entry's charts from its stored inputs, at the place its defined name has now.
 * Returns them by sheet, to tell the file's own pictures from the charts' pictures.
 */
function redrawCharts(book: PreviewBook): Map<number, PlanChart[]> {
  const hf = book.hf;
  const drawn = new Map<number, PlanChart[]>();
  const state = hf.getSheetId(STATE_SHEET);
  if (state === undefined) return drawn;
  for (const { decoded } of readStateSheet(hf.getSheetValues(state)).rows) {
    if (decoded.kind !== "entry") continue;
    const { stored } = decoded;
    const template = templateById(stored.template);
    if (!template || !template.blocks.some((b) => b.kind === "charts")) continue;
    const sheet = Number(stored.placement.sheetId);
    if (hf.getSheetName(sheet) === undefined) continue;
    const charts = renderTemplate(template, stored.inputs, stored.lang).charts ?? [];
    const at = (a: Area): Area => ({ ...a, row: a.row + stored.placement.row, col: a.col + stored.placement.col });
    const placed = charts.map((c) => movedChart(c, at));
    book.look(sheet).charts.push(...placed);
    drawn.set(sheet, [...(drawn.get(sheet) ?? []), ...placed]);
  }
  return drawn;
}

export type OpenOutcome =
  { readonly ok: true; readonly dropped: readonly Dropped[] } | { readonly ok: false; readonly error: unknown };

/**
 * Puts the file's workbook in place of the book's, or leaves the book as it was. `dropped` adds
 * what the engine could not take (names it refuses, formulas it cannot read) to the reader's list.
 */
export function openSnapshot(book: PreviewBook, snapshot: XlsxBook, dropped: readonly Dropped[] = []): OpenOutcome {
  const before = capture(book);
  const content = contentOf(snapshot);
  const more = new Set<Dropped>(dropped);
  try {
    if (put(book, content).length > 0) more.add("names");
    rebind(book);
    const hf = book.hf;
    // A picture where a stored template draws a chart is that chart's: any other is the file's own.
    const charts = redrawCharts(book);
    const same = (a: Area, b: Area) => a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
    for (const sheet of snapshot.sheets) {
      const own = charts.get(hf.getSheetId(sheet.name)!) ?? [];
      if ((sheet.pictures ?? []).some((p) => !own.some((c) => same(c.area, p.area)))) more.add("pictures");
    }
    search: for (const sheet of snapshot.sheets) {
      const id = hf.getSheetId(sheet.name)!;
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        const v = hf.getCellValue({ sheet: id, row: cell.row, col: cell.col });
        if (v instanceof DetailedCellError && v.type === "ERROR") {
          more.add("formulas");
          break search;
        }
      }
    }
  } catch (error) {
    put(book, before);
    rebind(book);
    book.generation++;
    book.changed();
    return { ok: false, error };
  }
  book.generation++;
  book.changed();
  return { ok: true, dropped: [...more] };
}
