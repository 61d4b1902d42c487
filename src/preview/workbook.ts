/** The task pane's workbook port over the preview book: what the Excel adapter does, in memory. */
import type { CellValue, RawCellContent } from "hyperformula";
import { address, columnIndex, movedChart, uniqueSheetName, type Area, type CellPlan } from "../sheet/cell-plan";
import { templateById } from "../templates/catalog";
import type { Stored, StoredInputs } from "../workbook/payload";
import type {
  Filled,
  Progress,
  UpdateOptions,
  UpdateOutcome,
  WorkbookPort,
  Where,
  WriteOutcome,
} from "../workbook/port";
import {
  SHEET_GONE,
  backupSheetName,
  frozenSheetName,
  growthAreas,
  placed,
  templateName,
  written,
} from "../workbook/placement";
import {
  fingerprintSteps,
  planMatrixSteps,
  planUpdateSteps,
  previousOf,
  type CellWrite,
  type Origin,
  type ReadCell,
} from "../workbook/update-plan";
import { newEntryId, refusal } from "../workbook/state-rows";
import type { PreviewBook, SheetLook } from "./book";
import { cellKey, type CellKey } from "../sheet/excel-grid";
import { previewStateStore } from "./state-store";
import { drive, sliceClock, type SliceClock } from "../ui/slices";
import { STEP_ROWS, type Steps } from "../core/steps";

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet and cell of a defined name's expression ("='KH 1965'!$A$3"), or undefined (#REF!). */
function namedCell(expression: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^=(?:'((?:[^']|'')*)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(expression);
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], row: Number(m[4]) - 1, col: columnIndex(m[3]) };
}

/**
 * The preview marks a template's area with two names, its first and its last cell, where Excel
 * has one name over the whole area: the engine evaluates a name over a range as an array of all
 * its cells (195,000 for a 5,000-row plan), and again whenever a cell in it changes. Two corners
 * move as the area's name does: both when rows go in above, the last alone when rows go in inside
 * it, so the area grows; a deleted corner reads #REF!, as a name over a shrunk area no longer fits.
 */
const lastCellName = (name: string) => `${name}_END`;

/** The most rows of a block the engine is given in one call while a write goes in slices. */
const PIECE_ROWS = 100;

export interface PreviewOptions {
  /** Who this pane's writes are recorded as (the preview's "as two users"). */
  readonly by?: string;
}

export function previewWorkbook(book: PreviewBook, options: PreviewOptions = {}): WorkbookPort {
  const hf = book.hf;
  /** Where the stored inputs live; this adapter only asks it to list, check, save, remove and watch. */
  const store = previewStateStore(book);
  const by = options.by ?? "";
  const isEmptyArea = (sheet: number, area: Area): boolean => {
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.col; c < area.col + area.cols; c++) {
        const content = hf.getCellSerialized({ sheet, row: r, col: c });
        if (content !== null && content !== undefined && content !== "") return false;
      }
    }
    return true;
  };
  const where = (sheet: number, area: Area) => `${hf.getSheetName(sheet)}!${address(area)}`;

  /** What the cells hold, as Excel's Range.formulas and Range.values give them. */
  /**
   * The area's cells, read in slices: unparsing a 15,000-row plan's formulas takes a quarter of a
   * second. The grid takes no typing meanwhile (`book.writing`, held by the write's queue), so
   * what is read stays what is there.
   */
  async function readArea(
    sheet: number,
    area: Area,
    clock: SliceClock,
    progress: (done: number) => void,
  ): Promise<ReadCell[][]> {
    const cells: ReadCell[][] = [];
    for (let r = 0; r < area.rows; r++) {
      if (r % PIECE_ROWS === 0 && r > 0 && clock.due()) {
        progress(r);
        await clock.pause();
      }
      cells.push(
        Array.from({ length: area.cols }, (_, c): ReadCell => {
          const at = { sheet, row: area.row + r, col: area.col + c };
          const serialized = hf.getCellSerialized(at);
          const raw: CellValue = hf.getCellValue(at);
          const value = raw !== null && typeof raw === "object" ? raw.value : raw;
          // The engine keeps a quote-prefixed text with its apostrophe; Excel gives the text.
          const formula = typeof serialized === "string" && serialized.startsWith("'") ? value : serialized;
          return { formula: formula ?? "", value: value ?? "" };
        }),
      );
    }
    return cells;
  }

  /**
   * The cells `matrix` changes, as runs of neighbouring cells in a row, and runs that span the
   * same columns of the rows below joined into one block (a table's rows): one engine call each.
   * Null leaves a cell as it is, and clearing an empty cell is left out too, as it would only
   * cost the engine's lookup-index work (thousands of cells in a fresh area). Read before the
   * write, as the engine answers no reads while its evaluation is suspended.
   */
  function changedBlocks(sheet: number, origin: Origin, matrix: CellWrite[][]) {
    const blocks: { row: number; col: number; lines: RawCellContent[][] }[] = [];
    // The blocks that reached the row above, by their first column.
    let above = new Map<number, (typeof blocks)[number]>();
    matrix.forEach((line, r) => {
      const row = origin.row + r;
      const here = new Map<number, (typeof blocks)[number]>();
      let run: RawCellContent[] = [];
      let start = 0;
      const close = () => {
        if (run.length === 0) return;
        let block = above.get(start);
        if (block && block.lines[0].length === run.length) block.lines.push(run);
        else blocks.push((block = { row, col: start, lines: [run] }));
        here.set(start, block);
        run = [];
      };
      line.forEach((v, c) => {
        const col = origin.col + c;
        if (v === null || (v === "" && hf.isCellEmpty({ sheet, row, col }))) return close();
        if (run.length === 0) start = col;
        run.push(v === "" ? null : v);
      });
      close();
      above = here;
    });
    return blocks;
  }

  /**
   * The blocks cut into pieces of at most PIECE_ROWS rows: the engine computes each piece as one
   * call, and a slice can end only between pieces (the materials' lookups take about 0.4 ms a row).
   */
  function* writePieces(blocks: ReturnType<typeof changedBlocks>) {
    for (const { row, col, lines } of blocks) {
      for (let k = 0; k < lines.length; k += PIECE_ROWS)
        yield { row: row + k, col, lines: lines.slice(k, k + PIECE_ROWS) };
    }
  }

  /**
   * Writes the cells (null leaves a cell as it is), the plan's names, the template's own name
   * (`entryName`, over the plan's whole area) and the looks. Evaluation is suspended while cells
   * go in, so the engine computes each cell once. Suspended evaluation rather than hf.batch: a
   * batch keeps one undo record that every further call walks again (quadratic in the calls), and
   * the preview offers no undo.
   *
   * With `sliced` the cells go in slices: each slice's cells are computed at its end, the page is
   * given back and `progress` told, as a 15,000-row plan would otherwise hold the page for
   * seconds. A slice then computes its own cells and what reads them: little in a new sheet, or
   * in a plan read only by itself. A report over the plan reads all of it and would be computed
   * again after every slice, so an update of a reported plan goes without (`sliced` false): the
   * engine computes once, in one task. The looks go in slices either way.
   */
  async function write(
    sheet: number,
    plan: CellPlan,
    origin: Origin,
    matrix: CellWrite[][],
    wholeSheet: boolean,
    entryName: string,
    clock: SliceClock,
    sliced: boolean,
    progress?: Progress,
  ): Promise<void> {
    const sheetName = hf.getSheetName(sheet)!;
    const pieces = [...writePieces(changedBlocks(sheet, origin, matrix))];
    // The engine answers no reads while suspended: the page gets it back only between slices.
    const pause = async (done: number) => {
      hf.resumeEvaluation();
      progress?.(done, pieces.length);
      await clock.pause();
      hf.suspendEvaluation();
    };
    if (clock.due()) await clock.pause();
    hf.suspendEvaluation();
    try {
      for (const { name, area } of plan.names)
        setName(name, `=${quoteSheet(sheetName)}!${address(area, origin, true)}`, sheet);
      for (const [k, { row, col, lines }] of pieces.entries()) {
        hf.setCellContents({ sheet, row, col }, lines);
        if (sliced && clock.due() && k < pieces.length - 1) await pause(k + 1);
      }
      nameArea(entryName, sheet, { ...origin, rows: plan.rows, cols: plan.cols });
    } finally {
      hf.resumeEvaluation();
    }
    await drive(lookSteps(sheet, plan, origin, wholeSheet), clock);
  }

  /** Gives the plan's cells their looks (formats, styles, merges, rules, heights, charts, page setup). */
  function* lookSteps(sheet: number, plan: CellPlan, origin: Origin, wholeSheet: boolean): Steps<void> {
    const look = book.look(sheet);
    for (const { area, format } of plan.formats) {
      for (let r = 0; r < area.rows; r++)
        look.formats.set(cellKey(origin.row + area.row + r, origin.col + area.col), format);
    }
    for (const { area, style } of plan.styles) {
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.cols; c++)
          look.styles.set(cellKey(origin.row + area.row + r, origin.col + area.col + c), style);
        if (r % STEP_ROWS === STEP_ROWS - 1) yield;
      }
    }
    for (const area of plan.merges)
      look.merges.push({ ...area, row: area.row + origin.row, col: area.col + origin.col });
    for (const area of plan.borders) {
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.cols; c++)
          look.ruled.add(cellKey(origin.row + area.row + r, origin.col + area.col + c));
        if (r % STEP_ROWS === STEP_ROWS - 1) yield;
      }
    }
    for (const { row, points } of plan.heights) look.heights.set(origin.row + row, points);
    // As the Excel adapter sets them: the source pinned with $, moved with the plan.
    const at = (a: Area): Area => ({ ...a, row: a.row + origin.row, col: a.col + origin.col });
    for (const c of plan.charts ?? []) look.charts.push(movedChart(c, at));
    for (const { area, basisCol } of plan.flags ?? [])
      look.flags.push({
        area: { ...area, row: area.row + origin.row, col: area.col + origin.col },
        basisCol: basisCol + origin.col,
      });
    for (const { area, source } of plan.lists)
      look.lists.push({
        area: { ...area, row: area.row + origin.row, col: area.col + origin.col },
        source: address(source, origin, true),
      });
    if (wholeSheet) {
      look.widths = plan.widths;
      look.print = {
        area: plan.printArea,
        orientation: plan.orientation,
        ...(plan.printTitles ? { titleRows: plan.printTitles } : {}),
        breaks: plan.pageBreaks.map((row) => origin.row + row),
        footer: plan.footer,
      };
    }
  }

  /**
   * Forgets the looks of an area; its cells and names are rewritten by `write`. Cell by cell over
   * the area (a plan's looks are most of the sheet's), in steps.
   */
  function* clearLookSteps(sheet: number, area: Area): Steps<void> {
    const look = book.look(sheet);
    const inside = (r: number, c: number) =>
      r >= area.row && r < area.row + area.rows && c >= area.col && c < area.col + area.cols;
    const maps: Map<CellKey, unknown>[] = [look.formats, look.styles, ...(look.file ? [look.file.styles] : [])];
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.col; c < area.col + area.cols; c++) {
        const key = cellKey(r, c);
        for (const map of maps) map.delete(key);
        look.ruled.delete(key);
      }
      look.heights.delete(r);
      if ((r - area.row) % STEP_ROWS === STEP_ROWS - 1) yield;
    }
    look.merges.splice(0, look.merges.length, ...look.merges.filter((m) => !inside(m.row, m.col)));
    look.lists.splice(0, look.lists.length, ...look.lists.filter((l) => !inside(l.area.row, l.area.col)));
    look.flags.splice(0, look.flags.length, ...look.flags.filter((f) => !inside(f.area.row, f.area.col)));
    look.charts.splice(0, look.charts.length, ...look.charts.filter((c) => !inside(c.area.row, c.area.col)));
  }

  /**
   * Points a name (of the workbook, or of sheet `scope`) at `expression`. A name that already does
   * is left alone: re-adding it would make the engine rebind every formula that reads it
   * (thousands in a large plan).
   */
  function setName(name: string, expression: string, scope?: number): void {
    const existing = hf.getNamedExpression(name, scope);
    if (!existing) hf.addNamedExpression(name, expression, scope);
    else if (existing.expression !== expression) hf.changeNamedExpression(name, expression, scope);
  }

  function nameArea(name: string, sheet: number, area: Area): void {
    const sheetName = quoteSheet(hf.getSheetName(sheet)!);
    const corner = (n: string, row: number, col: number) =>
      setName(n, `=${sheetName}!${address({ row, col, rows: 1, cols: 1 }, undefined, true)}`);
    corner(name, area.row, area.col);
    corner(lastCellName(name), area.row + area.rows - 1, area.col + area.cols - 1);
  }

  /** Where the template named `name` is now (its sheet and area), or undefined when a corner is #REF!. */
  function namedArea(name: string): { sheet: number; area: Area } | undefined {
    const first = hf.getNamedExpression(name);
    const last = hf.getNamedExpression(lastCellName(name));
    const a = first && namedCell(String(first.expression));
    const b = last && namedCell(String(last.expression));
    if (!a || !b || a.sheet !== b.sheet) return undefined;
    const sheet = hf.getSheetId(a.sheet);
    if (sheet === undefined || b.row < a.row || b.col < a.col) return undefined;
    return { sheet, area: { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 } };
  }

  /**
   * Copies a sheet (its formulas, or `values` only) and its looks into a new sheet, in pieces of
   * `PIECE_ROWS` rows, giving the page back whenever `clock` is due (a 15,000-row plan is 0.7 s of
   * work). Nothing reads a new sheet, so each piece computes only its own cells; the grid takes no
   * typing meanwhile (`book.writing`, held by the write's queue), so the copy is of one moment of
   * the sheet.
   */
  async function copySheet(source: number, name: string, values: boolean, clock: SliceClock): Promise<number> {
    const copy = book.addSheet(name);
    if (!values) {
      // The copy's formulas read the sheet's own names (PlanYear, GradeTable): it gets its own.
      const own = quoteSheet(name);
      for (const n of hf.listNamedExpressions(source)) {
        const expression = String(hf.getNamedExpression(n, source)!.expression);
        hf.addNamedExpression(n, expression.split(quoteSheet(hf.getSheetName(source)!)).join(own), copy);
      }
    }
    const { height, width } = hf.getSheetDimensions(source);
    for (let row = 0; row < height; row += PIECE_ROWS) {
      const range = {
        start: { sheet: source, row, col: 0 },
        end: { sheet: source, row: Math.min(height, row + PIECE_ROWS) - 1, col: width - 1 },
      };
      const lines = values
        ? hf.getRangeValues(range).map((line) =>
            line.map((v): RawCellContent => {
              // Values as values: text goes in behind the quote prefix, so it is never parsed again.
              if (typeof v === "string") return `'${v}`;
              if (v !== null && typeof v === "object") return v.value;
              return v;
            }),
          )
        : (hf.getRangeSerialized(range) as RawCellContent[][]);
      hf.setCellContents({ sheet: copy, row, col: 0 }, lines);
      if (clock.due()) await clock.pause();
    }
    await drive(copyLookSteps(book.look(source), book.look(copy)), clock);
    return copy;
  }

  function* copyLookSteps(from: SheetLook, to: SheetLook): Steps<void> {
    let k = 0;
    for (const [map, into] of [
      [from.formats, to.formats],
      [from.styles, to.styles],
    ] as [Map<CellKey, unknown>, Map<CellKey, unknown>][]) {
      for (const [key, v] of map) {
        into.set(key, v);
        if (++k % (STEP_ROWS * 16) === 0) yield;
      }
    }
    for (const key of from.ruled) {
      to.ruled.add(key);
      if (++k % (STEP_ROWS * 16) === 0) yield;
    }
    to.merges.push(...from.merges);
    to.lists.push(...from.lists);
    to.flags.push(...from.flags);
    to.charts.push(...from.charts);
    if (from.file) to.file = { ...from.file, styles: new Map(from.file.styles) };
    to.widths = from.widths;
    from.heights.forEach((v, key) => to.heights.set(key, v));
    to.print = from.print;
  }

  async function listFilled(): Promise<Filled[]> {
    return store.list().map((listed): Filled => {
      if ("problem" in listed) return listed;
      const { partId, stored } = listed;
      const name = hf.getSheetName(Number(stored.placement.sheetId));
      return name === undefined ? { partId, problem: SHEET_GONE } : { partId, sheetName: name, stored };
    });
  }

  async function insert(
    plan: CellPlan,
    stored: StoredInputs,
    at: Where,
    progress: Progress | undefined,
    selection: PreviewBook["selection"],
  ): Promise<WriteOutcome> {
    let sheet: number;
    let origin = { row: 0, col: 0 };
    if (at.kind === "selection") {
      ({ sheet } = selection);
      origin = { row: selection.row, col: selection.col };
      const area = { ...origin, rows: plan.rows, cols: plan.cols };
      if (!isEmptyArea(sheet, area)) return { ok: false, reason: "notEmpty", address: where(sheet, area) };
      if (plan.names.some((n) => hf.getNamedExpression(n.name, sheet))) {
        return { ok: false, reason: "sheetHasTemplate", address: where(sheet, area) };
      }
    } else {
      sheet = book.addSheet(uniqueSheetName(plan.sheetName, hf.getSheetNames()));
    }
    // The entry's id comes first: the template's defined name is made from it.
    const id = newEntryId();
    const name = templateName(id);
    const clock = sliceClock();
    const matrix = await drive(planMatrixSteps(plan, origin), clock);
    await write(sheet, plan, origin, matrix, at.kind === "newSheet", name, clock, true, progress);
    // The looks, the fingerprint and the state are a tenth of a second each for such a plan.
    if (clock.due()) await clock.pause();
    const placement = placed(String(sheet), plan, origin, name, await drive(fingerprintSteps(plan, origin), clock));
    if (clock.due()) await clock.pause();
    const entry = store.save(id, { ...stored, placement }, by);
    if (clock.due()) await clock.pause();
    book.selection = { sheet, ...origin };
    book.changed();
    return { ...written(hf.getSheetName(sheet)!, plan, origin), entry };
  }

  /** Whether a stored report template reads the sheet named `sheetName` (its plan's). */
  function reportedOn(sheetName: string): boolean {
    return store.list().some((listed) => {
      if ("problem" in listed) return false;
      const context = templateById(listed.stored.template)?.context;
      return context !== undefined && listed.stored.inputs.fields[context.sheet] === sheetName;
    });
  }

  /**
   * Updates in place, in slices as a write into a new sheet goes: reading the area, deciding,
   * clearing its looks, writing and storing each give the page back once they have run a slice's
   * time (a 15,000-row plan is half a second of work). The grid takes no typing from the first
   * read on (the write's queue), so the decision is made on what is there. The changed cells go in
   * slices too, unless a report reads the sheet (see `write`).
   */

  async function update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: StoredInputs,
    options: UpdateOptions = {},
  ): Promise<UpdateOutcome> {
    // A co-author's newer version is never written over: refuse before anything changes.
    const current = store.check(partId, previous);
    if (!current.ok) return refusal(current);
    const old = previous.placement;
    let sheet = Number(old.sheetId);
    if (hf.getSheetName(sheet) === undefined) return { ok: false, reason: "sheetMissing", address: "" };
    let area: Area = { row: old.row, col: old.col, rows: old.rows, cols: old.cols };
    if (old.name && hf.getNamedExpression(old.name)) {
      const found = namedArea(old.name);
      if (!found) return { ok: false, reason: "structureChanged", address: "" };
      ({ sheet, area } = found);
      if (area.rows !== old.rows || area.cols !== old.cols) {
        return { ok: false, reason: "structureChanged", address: where(sheet, area) };
      }
    }
    const origin = { row: area.row, col: area.col };
    const clock = sliceClock();
    // Reading the area's rows, then writing: the steps the progress line counts.
    const steps = Math.ceil(area.rows / PIECE_ROWS) + 1;
    const pause = async () => {
      if (clock.due()) await clock.pause();
    };
    const cellsThere = await readArea(sheet, area, clock, (rows) =>
      options.progress?.(Math.floor(rows / PIECE_ROWS), steps),
    );
    await pause();
    const decision = await drive(
      planUpdateSteps({
        template: templateById(previous.template)!,
        previous: previousOf(previous),
        current: { origin, cells: cellsThere },
        next: { inputs: stored.inputs, lang: stored.lang, plan },
      }),
      clock,
    );
    const cells = await drive(decision.cellsSteps(options.answers ?? {}), clock);
    if (!cells) return { ok: false, reason: "ask", question: decision.question, address: where(sheet, area) };
    const rows = cells.matrix.length;
    const cols = cells.matrix[0]?.length ?? 0;
    for (const extra of growthAreas(old.rows, old.cols, rows, cols)) {
      const absolute = { ...extra, row: extra.row + origin.row, col: extra.col + origin.col };
      if (!isEmptyArea(sheet, absolute)) return { ok: false, reason: "notEmpty", address: where(sheet, absolute) };
    }
    await pause();
    options.progress?.(steps - 1, steps);
    let backup: string | undefined;
    if (cells.lossy) {
      backup = backupSheetName(hf.getSheetName(sheet)!, stored.lang, hf.getSheetNames());
      await copySheet(sheet, backup, false, clock);
    }
    await drive(clearLookSteps(sheet, area), clock);
    const name = old.name ?? templateName(partId);
    // Many changed cells (a product added at the top moves every row) go in slices as a new
    // sheet's do, each computed as it goes; unless a report reads this sheet: it would be
    // computed again after every slice, so then the engine computes once, in one task.
    const sliced = !reportedOn(hf.getSheetName(sheet)!);
    await pause();
    await write(sheet, plan, origin, cells.matrix, origin.row === 0 && origin.col === 0, name, clock, sliced);
    await pause();
    const placement = placed(String(sheet), plan, origin, name, cells.written);
    // The state last, with the new version: written only once the cells are.
    const entry = store.save(partId, { ...stored, placement }, by);
    book.selection = { sheet, ...origin };
    book.changed();
    return { ...written(hf.getSheetName(sheet)!, plan, origin, backup), entry };
  }

  async function freeze(sheetId: string, lang: "vi" | "en"): Promise<string> {
    const source = Number(sheetId);
    const sourceName = hf.getSheetName(source);
    if (sourceName === undefined) throw new Error(`sheet ${sheetId} is not in the workbook`);
    const copy = await copySheet(source, frozenSheetName(sourceName, lang, hf.getSheetNames()), true, sliceClock());
    book.selection = { sheet: copy, row: 0, col: 0 };
    book.changed();
    return hf.getSheetName(copy)!;
  }

  async function remove(partId: string, previous: Stored, sheet: boolean): Promise<void> {
    const name = previous.placement.name;
    for (const n of name ? [name, lastCellName(name)] : []) if (hf.getNamedExpression(n)) hf.removeNamedExpression(n);
    const id = Number(previous.placement.sheetId);
    if (sheet && hf.getSheetName(id) !== undefined) book.removeSheet(id);
    store.remove(partId);
    book.changed();
  }

  async function keepPaneOpen(): Promise<void> {
    book.autoOpen = true;
  }

  /**
   * The grid selects one cell; like Excel's Ctrl+A there, the selection read is that cell's
   * current region (the block of filled cells around it, bounded by empty rows and columns).
   */
  async function readSelection(): Promise<unknown[][]> {
    const { sheet, row, col } = book.selection;
    const filled = (r: number, c: number) => {
      if (r < 0 || c < 0) return false;
      const v = hf.getCellValue({ sheet, row: r, col: c });
      return v !== null && v !== "";
    };
    const area = currentRegion(filled, row, col);
    const values: unknown[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: unknown[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const v = hf.getCellValue({ sheet, row: r, col: c });
        line.push(v !== null && typeof v === "object" ? v.value : v);
      }
      values.push(line);
    }
    return values;
  }

  function watch(listener: () => void): () => void {
    return store.watch(listener);
  }

  // What changes the book waits for the writes queued before it, by either pane (book.exclusive),
  // and holds the grid's typing off from its first step to its last (book.writing): it gives the
  // page back between slices, and a cell typed meanwhile would be written over or read half-way.
  const queued =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      book.exclusive(async () => {
        book.writing += 1;
        try {
          return await work(...args);
        } finally {
          book.writing -= 1;
        }
      });
  const queuedInsert = queued(insert);
  return {
    listFilled,
    // Into the cell selected when the pane asks, not when the queue gets to it (a co-author's
    // write before it moves the selection to what it wrote).
    insert: (plan, stored, at, progress) => queuedInsert(plan, stored, at, progress, { ...book.selection }),
    update: queued(update),
    freeze: queued(freeze),
    remove: queued(remove),
    keepPaneOpen,
    watch,
    readSelection,
  };
}

/** Excel's CurrentRegion: grow the box while a cell just outside it, or on its corners, is filled. */
export function currentRegion(
  filled: (row: number, col: number) => boolean,
  row: number,
  col: number,
): { top: number; left: number; bottom: number; right: number } {
  const box = { top: row, left: col, bottom: row, right: col };
  const anyIn = (r0: number, r1: number, c0: number, c1: number) => {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (filled(r, c)) return true;
    return false;
  };
  // Each side grows as far as it can before the next is tried, so a long list costs its size, not its square.
  for (let grew = true; grew;) {
    grew = false;
    while (box.top > 0 && anyIn(box.top - 1, box.top - 1, box.left - 1, box.right + 1)) ((box.top -= 1), (grew = true));
    while (anyIn(box.bottom + 1, box.bottom + 1, box.left - 1, box.right + 1)) ((box.bottom += 1), (grew = true));
    while (box.left > 0 && anyIn(box.top - 1, box.bottom + 1, box.left - 1, box.left - 1))
      ((box.left -= 1), (grew = true));
    while (anyIn(box.top - 1, box.bottom + 1, box.right + 1, box.right + 1)) ((box.right += 1), (grew = true));
  }
  return box;
}
