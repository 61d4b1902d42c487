/** The templates stored in a fake workbook's state sheet, read as the add-in reads them. */
import { encodeRow, listRows, readStateSheet, STATE_SHEET, type Listed } from "../../src/workbook/state-rows";
import type { Stored } from "../../src/workbook/payload";
import type { FakeExcel } from "./fake-excel";

export function storedIn(excel: FakeExcel): Listed[] {
  const sheet = excel.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return [];
  const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
  const rows = Math.max(...cells.map(([r]) => r)) + 1;
  const width = Math.max(...cells.map(([, c]) => c)) + 1;
  return listRows(readStateSheet(Array.from({ length: rows }, (_, r) => excel.rowValues(STATE_SHEET, r, width))));
}

export const storedOnly = (excel: FakeExcel): Stored[] =>
  storedIn(excel).flatMap((listed) => ("stored" in listed ? [listed.stored] : []));

/**
 * Rewrites the first template's state row as `change` makes it (same id, version and writer), as
 * an older add-in or a hand edit would have left it.
 */
export function rewriteStored(excel: FakeExcel, change: (stored: Stored) => Omit<Stored, "version">): void {
  const sheet = excel.sheets.find((s) => s.name === STATE_SHEET)!;
  const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
  const rows = Math.max(...cells.map(([r]) => r)) + 1;
  const width = Math.max(...cells.map(([, c]) => c)) + 1;
  const state = readStateSheet(Array.from({ length: rows }, (_, r) => excel.rowValues(STATE_SHEET, r, width)));
  const located = state.rows.find((r) => r.decoded.kind === "entry");
  if (located?.decoded.kind !== "entry") throw new Error("no state row");
  const { id, stored, by, at } = located.decoded;
  for (const [r, c] of cells) if (r === located.row) sheet.cells.delete(`${r},${c}`);
  encodeRow({ id, stored: { ...change(stored), version: stored.version }, by, at }).forEach((value, c) => {
    if (value !== "")
      sheet.cells.set(
        `${located.row},${c}`,
        typeof value === "number" ? { value, kind: "number" } : { value, kind: "text" },
      );
  });
}
