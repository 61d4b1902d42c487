/** The task pane's workbook port over the preview book: what the Excel adapter does, in memory. */
import type { RawCellContent } from "hyperformula";
import { address, cellInput, placedInput, uniqueSheetName, type Area, type CellPlan } from "../templates/cell-plan";
import { payloadXml, readPayload, type Stored } from "../templates/payload";
import type { Filled, WorkbookPort, Where, WriteOutcome } from "../workbook/port";
import { frozenSheetName, growthAreas, written } from "../workbook/placement";
import { cellKey, type PreviewBook } from "./book";

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function previewWorkbook(book: PreviewBook): WorkbookPort {
  const hf = book.hf;

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

  function write(sheet: number, plan: CellPlan, origin: { row: number; col: number }, wholeSheet: boolean): void {
    const matrix: RawCellContent[][] = Array.from({ length: plan.rows }, () =>
      new Array<RawCellContent>(plan.cols).fill(null),
    );
    for (const cell of plan.cells) matrix[cell.row][cell.col] = placedInput(cell.content, origin);
    const sheetName = hf.getSheetName(sheet)!;
    hf.batch(() => {
      for (const { name, area } of plan.names) {
        hf.addNamedExpression(name, `=${quoteSheet(sheetName)}!${address(area, origin, true)}`, sheet);
      }
      hf.setCellContents({ sheet, row: origin.row, col: origin.col }, matrix);
    });
    const look = book.look(sheet);
    for (const { area, format } of plan.formats) {
      for (let r = 0; r < area.rows; r++)
        look.formats.set(cellKey(origin.row + area.row + r, origin.col + area.col), format);
    }
    for (const { area, style } of plan.styles) {
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.cols; c++)
          look.styles.set(cellKey(origin.row + area.row + r, origin.col + area.col + c), style);
      }
    }
    for (const area of plan.merges)
      look.merges.push({ ...area, row: area.row + origin.row, col: area.col + origin.col });
    if (wholeSheet) look.widths = plan.widths;
  }

  function clear(sheet: number, area: Area, names: readonly string[]): void {
    const empty: RawCellContent[][] = Array.from({ length: area.rows }, () =>
      new Array<RawCellContent>(area.cols).fill(null),
    );
    hf.batch(() => {
      for (const name of names) if (hf.getNamedExpression(name, sheet)) hf.removeNamedExpression(name, sheet);
      hf.setCellContents({ sheet, row: area.row, col: area.col }, empty);
    });
    const look = book.look(sheet);
    const inside = (r: number, c: number) =>
      r >= area.row && r < area.row + area.rows && c >= area.col && c < area.col + area.cols;
    for (const map of [look.formats, look.styles] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (inside(r, c)) map.delete(key);
      }
    }
    look.merges.splice(0, look.merges.length, ...look.merges.filter((m) => !inside(m.row, m.col)));
  }

  async function listFilled(): Promise<Filled[]> {
    return [...book.parts.entries()].map(([partId, xml]): Filled => {
      const stored = readPayload(xml);
      if ("problem" in stored) return { partId, problem: stored.problem };
      const name = hf.getSheetName(Number(stored.placement.sheetId));
      return name === undefined
        ? {
            partId,
            problem: { vi: "Trang tính của mẫu này đã bị xoá.", en: "The sheet of this template was deleted." },
          }
        : { partId, sheetName: name, stored };
    });
  }

  async function insert(plan: CellPlan, stored: Omit<Stored, "placement">, at: Where): Promise<WriteOutcome> {
    let sheet: number;
    let origin = { row: 0, col: 0 };
    if (at.kind === "selection") {
      ({ sheet } = book.selection);
      origin = { row: book.selection.row, col: book.selection.col };
      const area = { ...origin, rows: plan.rows, cols: plan.cols };
      if (!isEmptyArea(sheet, area)) return { ok: false, reason: "notEmpty", address: where(sheet, area) };
      if (plan.names.some((n) => hf.getNamedExpression(n.name, sheet))) {
        return { ok: false, reason: "sheetHasTemplate", address: where(sheet, area) };
      }
    } else {
      sheet = book.addSheet(uniqueSheetName(plan.sheetName, hf.getSheetNames()));
    }
    write(sheet, plan, origin, at.kind === "newSheet");
    book.addPart(
      payloadXml({ ...stored, placement: { sheetId: String(sheet), ...origin, rows: plan.rows, cols: plan.cols } }),
    );
    book.selection = { sheet, ...origin };
    book.changed();
    return written(hf.getSheetName(sheet)!, plan, origin);
  }

  async function update(
    partId: string,
    previous: Stored,
    plan: CellPlan,
    stored: Omit<Stored, "placement">,
  ): Promise<WriteOutcome> {
    const old = previous.placement;
    const sheet = Number(old.sheetId);
    if (hf.getSheetName(sheet) === undefined) return { ok: false, reason: "sheetMissing", address: "" };
    const origin = { row: old.row, col: old.col };
    const extras = growthAreas(old, plan);
    for (const extra of extras)
      if (!isEmptyArea(sheet, extra)) return { ok: false, reason: "notEmpty", address: where(sheet, extra) };
    clear(
      sheet,
      { ...origin, rows: old.rows, cols: old.cols },
      plan.names.map((n) => n.name),
    );
    write(sheet, plan, origin, old.row === 0 && old.col === 0);
    book.parts.delete(partId);
    book.addPart(payloadXml({ ...stored, placement: { ...old, rows: plan.rows, cols: plan.cols } }));
    book.selection = { sheet, ...origin };
    book.changed();
    return written(hf.getSheetName(sheet)!, plan, origin);
  }

  async function freeze(sheetId: string, lang: "vi" | "en"): Promise<string> {
    const source = Number(sheetId);
    const sourceName = hf.getSheetName(source);
    if (sourceName === undefined) throw new Error(`sheet ${sheetId} is not in the workbook`);
    const values = hf.getSheetValues(source);
    const copy = book.addSheet(frozenSheetName(sourceName, lang, hf.getSheetNames()));
    const matrix = values.map((row) =>
      row.map((v): RawCellContent => {
        if (typeof v === "string") return cellInput({ text: v });
        if (v !== null && typeof v === "object") return v.value;
        return v;
      }),
    );
    if (matrix.length > 0) hf.setCellContents({ sheet: copy, row: 0, col: 0 }, matrix);
    const from = book.look(source);
    const to = book.look(copy);
    from.formats.forEach((v, k) => to.formats.set(k, v));
    from.styles.forEach((v, k) => to.styles.set(k, v));
    to.merges.push(...from.merges);
    to.widths = from.widths;
    book.selection = { sheet: copy, row: 0, col: 0 };
    book.changed();
    return hf.getSheetName(copy)!;
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

  return { listFilled, insert, update, freeze, keepPaneOpen, readSelection };
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
