/**
 * The one module that talks to Excel. Each operation is one Excel.run with a fixed number of
 * context.sync() calls for its reads, whatever the size of the template: reads are queued
 * together, checked, then the writes are sent in bands of rows under Excel on the web's 5 MB
 * request limit, one sync per band. Nothing is written before the checks pass.
 */
import {
  FLAG_LOOK,
  NUMBER_FORMATS,
  address,
  flagRules,
  uniqueSheetName,
  type Area,
  type CellPlan,
} from "../sheet/cell-plan";
import { POINTS_PER_CHARACTER } from "../sheet/excel-grid";
import { LOOKS, verticalOf } from "../sheet/styles";
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
  READ_CELLS,
  SHEET_GONE,
  backupSheetName,
  frozenSheetName,
  growthAreas,
  placed,
  rowBands,
  templateName,
  written,
} from "../workbook/placement";
import { planMatrix, planUpdateSteps, previousOf, type CellWrite, type Origin } from "../workbook/update-plan";
import { drive, sliceClock } from "../ui/slices";
import { newEntryId, refusal } from "../workbook/state-rows";
import { stateStore, type ExcelRun } from "./state-store";

export type { ExcelRun } from "./state-store";

function rangeAt(sheet: Excel.Worksheet, area: Area, origin: Origin): Excel.Range {
  return sheet.getRangeByIndexes(area.row + origin.row, area.col + origin.col, area.rows, area.cols);
}

/** The number format of every cell of a plan, "General" where it has none. */
function formatMatrix(plan: CellPlan, rows = plan.rows, cols = plan.cols): (string | null)[][] {
  const formats: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill("General"),
  );
  for (const { area, format } of plan.formats) {
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.col; c < area.col + area.cols; c++) formats[r][c] = NUMBER_FORMATS[format];
    }
  }
  return formats;
}

/**
 * Queues the cells in bands of rows, one sync per band, formats first so that a date serial
 * lands as a date. `last` is queued with the last band. null leaves a cell as it is.
 */
async function sendCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  origin: Origin,
  formulas: CellWrite[][],
  formats: (string | null)[][],
  last: () => void,
  progress?: Progress,
): Promise<void> {
  const cols = formulas[0]?.length ?? 0;
  const bands = rowBands([formulas, formats]);
  for (let k = 0; k < bands.length; k++) {
    const [start, end] = bands[k];
    const band = sheet.getRangeByIndexes(origin.row + start, origin.col, end - start, cols);
    band.numberFormat = formats.slice(start, end) as string[][];
    band.formulas = formulas.slice(start, end) as string[][];
    if (k === bands.length - 1) last();
    // One sync per band is the point: each request must stay under Excel on the web's 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    progress?.(k + 1, bands.length);
  }
  if (bands.length === 0) {
    last();
    await context.sync();
  }
}

/** Queues everything of a plan that is not a cell's content: merges, looks, names, lists, sizes. */
function queueLooks(sheet: Excel.Worksheet, plan: CellPlan, origin: Origin, wholeSheet: boolean): void {
  for (const area of plan.merges) rangeAt(sheet, area, origin).merge(false);
  for (const { area, style } of plan.styles) {
    const look = LOOKS[style];
    const format = rangeAt(sheet, area, origin).format;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.underline) format.font.underline = "Single";
    if (look.size) format.font.size = look.size;
    if (look.color) format.font.color = look.color;
    if (look.fill) format.fill.color = look.fill;
    if (look.wrap) format.wrapText = true;
    format.verticalAlignment = verticalOf(style) === "middle" ? "Center" : "Top";
    if (look.center) format.horizontalAlignment = "Center";
    if (look.right) format.horizontalAlignment = "Right";
    if (look.topBorder) format.borders.getItem("EdgeTop").style = "Continuous";
  }
  // Ruled tables: thin lines round every cell; inside lines only where the area has them.
  for (const area of plan.borders) {
    const borders = rangeAt(sheet, area, origin).format.borders;
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (area.rows > 1) edges.push("InsideHorizontal");
    if (area.cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
  for (const { name, area } of plan.names) sheet.names.add(name, rangeAt(sheet, area, origin));
  for (const { area, source } of plan.lists) {
    rangeAt(sheet, area, origin).dataValidation.rule = {
      list: { inCellDropDown: true, source: `=${address(source, origin, true)}` },
    };
  }
  // The % columns against the plan (ExcelApi 1.6): the rules written before go first (an update).
  for (const flag of plan.flags ?? []) {
    const range = rangeAt(sheet, flag.area, origin);
    range.conditionalFormats.clearAll();
    const rules = flagRules(flag, origin);
    for (const kind of ["below", "met"] as const) {
      const format = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = `=${rules[kind]}`;
      format.custom.format.font.color = FLAG_LOOK[kind].font;
      format.custom.format.fill.color = FLAG_LOOK[kind].fill;
    }
  }
  for (const { row, points } of plan.heights)
    rangeAt(sheet, { row, col: 0, rows: 1, cols: 1 }, origin).format.rowHeight = points;
  queueCharts(sheet, plan, origin);
  if (wholeSheet) {
    plan.widths.forEach((chars, col) => {
      rangeAt(sheet, { row: 0, col, rows: 1, cols: 1 }, origin).format.columnWidth = chars * POINTS_PER_CHARACTER;
    });
    sheet.pageLayout.setPrintArea(rangeAt(sheet, { row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin));
    sheet.pageLayout.orientation =
      plan.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
    // A4, as the page rule lays the pages out: an Excel whose default is Letter (en-US) would
    // otherwise print a sixteenth less on each page than the rule planned.
    sheet.pageLayout.paperSize = Excel.PaperType.a4;
    // The page setup the renderer declared (src/sheet/page-setup.ts), ExcelApi 1.9: a long
    // table's header printed again on its later pages, manual page breaks (each added before its
    // row), and the page number in the footer.
    if (plan.printTitles) {
      sheet.pageLayout.setPrintTitleRows(
        rangeAt(sheet, { row: plan.printTitles.row, col: 0, rows: plan.printTitles.rows, cols: plan.cols }, origin),
      );
    }
    // An update writes the sheet's page setup again: the breaks of the old rendering go first.
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of plan.pageBreaks)
      sheet.horizontalPageBreaks.add(rangeAt(sheet, { row, col: 0, rows: 1, cols: 1 }, origin));
    sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = plan.footer;
  }
}

/**
 * The plan's charts as Excel charts over its cells (ExcelApi 1.7, a series' axis group 1.8):
 * clustered columns of plan and actual by period, the cumulative % as a line on a second axis,
 * over the rows the template left for them. Each is named after its key, so an update replaces it.
 */
function queueCharts(sheet: Excel.Worksheet, plan: CellPlan, origin: Origin): void {
  for (const chart of plan.charts ?? []) {
    const name = `HT_${chart.key}`;
    sheet.charts.getItemOrNullObject(name).delete();
    const [first, ...rest] = chart.series;
    const made = sheet.charts.add(
      Excel.ChartType.columnClustered,
      rangeAt(sheet, first.values, origin),
      Excel.ChartSeriesBy.columns,
    );
    made.name = name;
    made.title.text = chart.title;
    made.legend.position = Excel.ChartLegendPosition.bottom;
    const categories = rangeAt(sheet, chart.categories, origin);
    const head = made.series.getItemAt(0);
    head.name = first.name;
    head.setXAxisValues(categories);
    for (const s of rest) {
      const series = made.series.add(s.name);
      series.setValues(rangeAt(sheet, s.values, origin));
      series.setXAxisValues(categories);
      if (s.kind === "line") {
        series.chartType = Excel.ChartType.line;
        series.axisGroup = Excel.ChartAxisGroup.secondary;
      }
    }
    const { row, col, rows, cols } = chart.area;
    made.setPosition(
      rangeAt(sheet, { row, col, rows: 1, cols: 1 }, origin),
      rangeAt(sheet, { row: row + rows - 1, col: col + cols - 1, rows: 1, cols: 1 }, origin),
    );
  }
}

function isEmpty(formulas: unknown[][]): boolean {
  return formulas.every((row) => row.every((v) => v === "" || v === null));
}

export function excelWorkbook(run: ExcelRun = (batch) => Excel.run(batch)): WorkbookPort {
  /** Where the stored inputs live; this adapter only asks it to read, check, save and watch. */
  const store = stateStore();

  async function listFilled(): Promise<Filled[]> {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      const state = await store.read(context);
      const listed = store.list(state);
      // A sheet id is the host's own: a workbook saved by the preview (or copied by another
      // program) keeps ids this Excel never gave. Such an entry is found by its defined name, and
      // listed with the id of the sheet that name is on now, which its next update stores.
      const byName = listed.flatMap((entry) => {
        if ("problem" in entry) return [];
        const { sheetId, name } = entry.stored.placement;
        if (!name || sheets.items.some((s) => s.id === sheetId)) return [];
        const named = context.workbook.names.getItemOrNullObject(name);
        const range = named.getRangeOrNullObject();
        range.load("address");
        // A second proxy of the same range for its sheet: nothing is read before the sync.
        const sheet = named.getRangeOrNullObject().worksheet;
        sheet.load("id,name");
        return [{ partId: entry.partId, range, sheet }];
      });
      if (byName.length > 0) await context.sync();
      return listed.map((entry): Filled => {
        if ("problem" in entry) return entry;
        const id = entry.partId;
        const sheet = sheets.items.find((s) => s.id === entry.stored.placement.sheetId);
        if (sheet) return { partId: id, sheetName: sheet.name, stored: entry.stored };
        const named = byName.find((b) => b.partId === id && !b.range.isNullObject);
        if (!named) return { partId: id, problem: SHEET_GONE };
        const placement = { ...entry.stored.placement, sheetId: named.sheet.id };
        return { partId: id, sheetName: named.sheet.name, stored: { ...entry.stored, placement } };
      });
    });
  }

  async function insert(
    plan: CellPlan,
    stored: StoredInputs,
    where: Where,
    progress?: Progress,
  ): Promise<WriteOutcome> {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      // Sheet names matter only for naming a new sheet.
      if (where.kind === "newSheet") sheets.load("items/name");
      let target:
        | { sheet: Excel.Worksheet; area: Excel.Range; anchor: Excel.Range; names: Excel.NamedItemCollection }
        | undefined;
      if (where.kind === "selection") {
        // The selection is always on the active sheet.
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const anchor = context.workbook.getSelectedRange().getCell(0, 0);
        const area = anchor.getResizedRange(plan.rows - 1, plan.cols - 1);
        // A second proxy of the same sheet: reading `sheet.names` after `sheet.load` trips
        // office-addin-lint's read-before-sync rule, though a navigation property needs no sync.
        const names = context.workbook.worksheets.getActiveWorksheet().names;
        names.load("items/name");
        anchor.load("rowIndex,columnIndex");
        area.load("formulas,address");
        sheet.load("id,name");
        target = { sheet, area, anchor, names };
      }
      await context.sync();

      let sheet: Excel.Worksheet;
      let origin = { row: 0, col: 0 };
      if (target) {
        if (!isEmpty(target.area.formulas)) return { ok: false, reason: "notEmpty", address: target.area.address };
        const taken = new Set(target.names.items.map((n) => n.name.toLowerCase()));
        if (plan.names.some((n) => taken.has(n.name.toLowerCase()))) {
          return { ok: false, reason: "sheetHasTemplate", address: target.area.address };
        }
        sheet = target.sheet;
        origin = { row: target.anchor.rowIndex, col: target.anchor.columnIndex };
      } else {
        sheet = sheets.add(
          uniqueSheetName(
            plan.sheetName,
            sheets.items.map((s) => s.name),
          ),
        );
      }
      // The entry's id comes first: the template's defined name is made from it.
      const id = newEntryId();
      const name = templateName(id);
      await sendCells(
        context,
        sheet,
        origin,
        planMatrix(plan, origin),
        formatMatrix(plan),
        () => {
          queueLooks(sheet, plan, origin, !target);
          context.workbook.names.add(
            name,
            rangeAt(sheet, { row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin),
          );
          sheet.activate();
          sheet.load("id,name");
        },
        progress,
      );

      const entry = await store.save(context, id, { ...stored, placement: placed(sheet.id, plan, origin, name) }, "");
      return { ...written(sheet.name, plan, origin), entry };
    });
  }

  async function update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: StoredInputs,
    options: UpdateOptions = {},
  ): Promise<UpdateOutcome> {
    return await run(async (context) => {
      // A co-author's newer version is never written over: refuse before anything changes.
      const state = await store.read(context);
      const current = store.check(state, partId, previous);
      if (!current.ok) return refusal(current);
      const old = previous.placement;
      const template = templateById(previous.template)!;
      // 1. The sheet, the template's defined name, the sheet names (for a backup's name).
      const sheet = context.workbook.worksheets.getItemOrNullObject(old.sheetId);
      sheet.load("name");
      const named = old.name ? context.workbook.names.getItemOrNullObject(old.name) : undefined;
      named?.load("name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      if (sheet.isNullObject) return { ok: false, reason: "sheetMissing", address: "" };

      // 2. The template's area where it is now: by its name, which moved with inserted rows. Its
      // cells are read in bands of rows, one sync each, so that no response passes Excel on the
      // web's 5 MB either; a template of up to READ_CELLS cells is read with its position.
      const area =
        named && !named.isNullObject
          ? named.getRangeOrNullObject()
          : sheet.getRangeByIndexes(old.row, old.col, old.rows, old.cols);
      area.load("rowIndex,columnIndex,rowCount,columnCount,address");
      sheet.names.load("items/name");
      const step = Math.max(1, Math.floor(READ_CELLS / Math.max(1, old.cols)));
      const bands: Excel.Range[] = [];
      const readBand = () => {
        const start = bands.length * step;
        const band = area.getOffsetRange(start, 0).getResizedRange(Math.min(step, old.rows - start) - old.rows, 0);
        band.load("formulas,values");
        bands.push(band);
      };
      readBand();
      await context.sync();
      if (area.isNullObject) return { ok: false, reason: "structureChanged", address: "" };
      if (area.rowCount !== old.rows || area.columnCount !== old.cols) {
        return { ok: false, reason: "structureChanged", address: area.address };
      }
      while (bands.length * step < old.rows) {
        readBand();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      const formulas = bands.flatMap((band) => band.formulas);
      const values = bands.flatMap((band) => band.values);
      const origin = { row: area.rowIndex, col: area.columnIndex };
      // Deciding over a 15,000-row plan is a few tenths of a second: in slices, so the pane keeps
      // drawing. Excel takes typing meanwhile, as it does during the bands' syncs before: a cell
      // changed after its band was read is written over, as it always could be.
      const clock = sliceClock();
      const decision = await drive(
        planUpdateSteps({
          template,
          previous: previousOf(previous),
          current: {
            origin,
            cells: formulas.map((line, r) => line.map((formula, c) => ({ formula, value: values[r][c] }))),
          },
          next: { inputs: stored.inputs, lang: stored.lang, plan },
        }),
        clock,
      );
      const where = `${sheet.name}!${address({ row: 0, col: 0, rows: old.rows, cols: old.cols }, origin)}`;
      const cells = await drive(decision.cellsSteps(options.answers ?? {}), clock);
      if (!cells) return { ok: false, reason: "ask", question: decision.question, address: where };

      // 3. Cells the update needs beyond the old area must be empty.
      const rows = cells.matrix.length;
      const cols = cells.matrix[0]?.length ?? 0;
      const extras = growthAreas(old.rows, old.cols, rows, cols).map((a) => rangeAt(sheet, a, origin));
      for (const extra of extras) extra.load("formulas,address");
      await context.sync();
      for (const extra of extras) {
        if (!isEmpty(extra.formulas)) return { ok: false, reason: "notEmpty", address: extra.address };
      }

      // 4. Writes: a backup first when something is let go, then the cells in bands.
      let backup: string | undefined;
      if (cells.lossy) {
        backup = backupSheetName(
          sheet.name,
          stored.lang,
          sheets.items.map((s) => s.name),
        );
        const copy = sheet.copy(Excel.WorksheetPositionType.after, sheet);
        copy.name = backup;
      }
      const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
      for (const item of sheet.names.items) if (planNames.has(item.name.toLowerCase())) item.delete();
      if (named && !named.isNullObject) named.delete();
      const oldArea = rangeAt(sheet, { row: 0, col: 0, rows: old.rows, cols: old.cols }, origin);
      oldArea.unmerge();
      oldArea.dataValidation.clear();
      // Formats only: contents are replaced cell by cell below, and kept cells are left alone.
      oldArea.clear(Excel.ClearApplyTo.formats);
      // Every cell of the old and the new area gets its number format again (the old area's were
      // cleared with its looks), whether its content is rewritten or left as it is; cells beyond
      // both are formatted only where something is written (kept rows).
      const formats = formatMatrix(plan, rows, cols);
      cells.matrix.forEach((line, r) =>
        line.forEach((v, c) => {
          if (r < plan.rows && c < plan.cols) return;
          formats[r][c] = v !== null || (r < old.rows && c < old.cols) ? "General" : null;
        }),
      );
      const name = old.name ?? templateName(store.entryId(state, partId));
      await sendCells(
        context,
        sheet,
        origin,
        cells.matrix,
        formats,
        () => {
          queueLooks(sheet, plan, origin, origin.row === 0 && origin.col === 0);
          context.workbook.names.add(
            name,
            rangeAt(sheet, { row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin),
          );
          sheet.activate();
        },
        options.progress,
      );
      // The state last, with the new version: written only once the cells are.
      const entry = await store.save(
        context,
        partId,
        { ...stored, placement: placed(old.sheetId, plan, origin, name, cells.written) },
        "",
        state,
      );
      return { ...written(sheet.name, plan, origin, backup), entry };
    });
  }

  async function freeze(sheetId: string, lang: "vi" | "en"): Promise<string> {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const source = sheets.getItem(sheetId);
      source.load("name");
      sheets.load("items/name");
      await context.sync();
      // The sheet's copy keeps merges, widths, formats and looks; then Excel's paste-values puts
      // each cell's value over its formula, as a value of its type: text stays text, whatever
      // it starts with, and nothing is parsed again (writing values back would re-arm = + -).
      const copy = source.copy(Excel.WorksheetPositionType.end);
      copy.getUsedRange().copyFrom(source.getUsedRange(), Excel.RangeCopyType.values);
      copy.name = frozenSheetName(
        source.name,
        lang,
        sheets.items.map((s) => s.name),
      );
      copy.load("name");
      copy.activate();
      await context.sync();
      return copy.name;
    });
  }

  async function remove(partId: string, previous: Stored, sheet: boolean): Promise<void> {
    await run(async (context) => {
      const named = previous.placement.name
        ? context.workbook.names.getItemOrNullObject(previous.placement.name)
        : undefined;
      named?.load("name");
      const target = context.workbook.worksheets.getItemOrNullObject(previous.placement.sheetId);
      target.load("name");
      await context.sync();
      // The stored state read first, so that its row is cleared in the same request that deletes
      // the name and the sheet.
      const state = await store.read(context);
      if (named && !named.isNullObject) named.delete();
      if (sheet && !target.isNullObject) target.delete();
      await store.remove(context, partId, state);
    });
  }

  async function keepPaneOpen(): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set("Office.AutoShowTaskpaneWithDocument", true);
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
      );
    });
  }

  function watch(listener: () => void, failed: (error: unknown) => void): () => void {
    return store.watch(run, listener, failed);
  }

  async function readSelection(): Promise<unknown[][]> {
    return await run(async (context) => {
      // Only the used part: a whole selected column would otherwise be a million empty rows.
      const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();
      return used.isNullObject ? [] : used.values;
    });
  }

  return {
    listFilled,
    insert,
    update,
    freeze,
    remove,
    keepPaneOpen,
    watch,
    readSelection,
    // The translator loads on first use: the pane opens without it.
    compatibleCopy: async (lang, progress) =>
      (await import(/* webpackChunkName: "taskpane-compat" */ "./compat-copy")).compatibleCopy(run, lang, progress),
  };
}
