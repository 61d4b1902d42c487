/**
 * The one module that talks to Excel. Each operation is one Excel.run with a fixed number of
 * context.sync() calls whatever the size of the template: reads are queued together, checked,
 * then every write is queued and sent at once. Nothing is written before the checks pass.
 */
import {
  NUMBER_FORMATS,
  address,
  placedInput,
  uniqueSheetName,
  type Area,
  type CellPlan,
} from "../templates/cell-plan";
import { LOOKS } from "../templates/styles";
import { PAYLOAD_NAMESPACE, payloadXml, readPayload, type Placement, type Stored } from "../templates/payload";
import type { Filled, WorkbookPort, Where, WriteOutcome } from "../workbook/port";
import { frozenSheetName, growthAreas, written } from "../workbook/placement";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const POINTS_PER_CHARACTER = 7;

function rangeAt(sheet: Excel.Worksheet, area: Area, origin: { row: number; col: number }): Excel.Range {
  return sheet.getRangeByIndexes(area.row + origin.row, area.col + origin.col, area.rows, area.cols);
}

/** Queues every write of a plan; no sync. */
function queuePlan(
  sheet: Excel.Worksheet,
  plan: CellPlan,
  origin: { row: number; col: number },
  wholeSheet: boolean,
): void {
  const whole = rangeAt(sheet, { row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin);
  const formulas: (string | number)[][] = Array.from({ length: plan.rows }, () =>
    new Array<string | number>(plan.cols).fill(""),
  );
  for (const cell of plan.cells) formulas[cell.row][cell.col] = placedInput(cell.content, origin);
  const formats: string[][] = Array.from({ length: plan.rows }, () => new Array<string>(plan.cols).fill("General"));
  for (const { area, format } of plan.formats) {
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.col; c < area.col + area.cols; c++) formats[r][c] = NUMBER_FORMATS[format];
    }
  }
  // Formats first, so a date serial lands as a date.
  whole.numberFormat = formats;
  whole.formulas = formulas;
  for (const area of plan.merges) rangeAt(sheet, area, origin).merge(false);
  for (const { area, style } of plan.styles) {
    const look = LOOKS[style];
    const format = rangeAt(sheet, area, origin).format;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.size) format.font.size = look.size;
    if (look.color) format.font.color = look.color;
    if (look.fill) format.fill.color = look.fill;
    if (look.wrap) {
      format.wrapText = true;
      format.verticalAlignment = "Top";
    }
    if (look.center) format.horizontalAlignment = "Center";
    if (look.topBorder) format.borders.getItem("EdgeTop").style = "Continuous";
  }
  for (const { name, area } of plan.names) sheet.names.add(name, rangeAt(sheet, area, origin));
  for (const { area, source } of plan.lists) {
    rangeAt(sheet, area, origin).dataValidation.rule = {
      list: { inCellDropDown: true, source: `=${address(source, origin, true)}` },
    };
  }
  for (const { row, points } of plan.heights)
    rangeAt(sheet, { row, col: 0, rows: 1, cols: 1 }, origin).format.rowHeight = points;
  if (wholeSheet) {
    plan.widths.forEach((chars, col) => {
      rangeAt(sheet, { row: 0, col, rows: 1, cols: 1 }, origin).format.columnWidth = chars * POINTS_PER_CHARACTER;
    });
    sheet.pageLayout.setPrintArea(whole);
    sheet.pageLayout.orientation =
      plan.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
}

function isEmpty(formulas: unknown[][]): boolean {
  return formulas.every((row) => row.every((v) => v === "" || v === null));
}

export function excelWorkbook(run: ExcelRun = (batch) => Excel.run(batch)): WorkbookPort {
  async function listFilled(): Promise<Filled[]> {
    return await run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(PAYLOAD_NAMESPACE);
      parts.load("items/id");
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      await context.sync();
      const xmls = parts.items.map((part) => ({ id: part.id, xml: part.getXml() }));
      await context.sync();
      return xmls.map(({ id, xml }): Filled => {
        const stored = readPayload(xml.value);
        if ("problem" in stored) return { partId: id, problem: stored.problem };
        const sheet = sheets.items.find((s) => s.id === stored.placement.sheetId);
        return sheet
          ? { partId: id, sheetName: sheet.name, stored }
          : {
              partId: id,
              problem: { vi: "Trang tính của mẫu này đã bị xoá.", en: "The sheet of this template was deleted." },
            };
      });
    });
  }

  async function insert(plan: CellPlan, stored: Omit<Stored, "placement">, where: Where): Promise<WriteOutcome> {
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
      queuePlan(sheet, plan, origin, !target);
      sheet.activate();
      sheet.load("id,name");
      await context.sync();

      const placement: Placement = { sheetId: sheet.id, ...origin, rows: plan.rows, cols: plan.cols };
      context.workbook.customXmlParts.add(payloadXml({ ...stored, placement }));
      await context.sync();
      return written(sheet.name, plan, origin);
    });
  }

  async function update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: Omit<Stored, "placement">,
  ): Promise<WriteOutcome> {
    return await run(async (context) => {
      const old = previous.placement;
      const sheet = context.workbook.worksheets.getItemOrNullObject(old.sheetId);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return { ok: false, reason: "sheetMissing", address: "" };

      // Cells the new plan needs beyond the old template's area must be empty.
      const origin = { row: old.row, col: old.col };
      const extras = growthAreas(old, plan).map((area) => rangeAt(sheet, area, { row: 0, col: 0 }));
      for (const extra of extras) extra.load("formulas,address");
      sheet.names.load("items/name");
      await context.sync();
      for (const extra of extras) {
        if (!isEmpty(extra.formulas)) return { ok: false, reason: "notEmpty", address: extra.address };
      }

      const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
      for (const item of sheet.names.items) if (planNames.has(item.name.toLowerCase())) item.delete();
      const oldArea = rangeAt(sheet, { row: 0, col: 0, rows: old.rows, cols: old.cols }, origin);
      oldArea.unmerge();
      oldArea.dataValidation.clear();
      oldArea.clear(Excel.ClearApplyTo.all);
      queuePlan(sheet, plan, origin, old.row === 0 && old.col === 0);
      context.workbook.customXmlParts.getItem(partId).delete();
      context.workbook.customXmlParts.add(
        payloadXml({ ...stored, placement: { ...old, rows: plan.rows, cols: plan.cols } }),
      );
      sheet.activate();
      await context.sync();
      return written(sheet.name, plan, origin);
    });
  }

  async function freeze(sheetId: string, lang: "vi" | "en"): Promise<string> {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const source = sheets.getItem(sheetId);
      const copy = source.copy(Excel.WorksheetPositionType.end);
      const used = copy.getUsedRange();
      used.load("values");
      source.load("name");
      sheets.load("items/name");
      await context.sync();
      const values = used.values;
      used.values = values;
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

  async function keepPaneOpen(): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set("Office.AutoShowTaskpaneWithDocument", true);
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
      );
    });
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

  return { listFilled, insert, update, freeze, keepPaneOpen, readSelection };
}
