/** The templates stored in a fake workbook's state sheet, read as the add-in reads them. */
import { listRows, readStateSheet, STATE_SHEET, type Listed } from "../../src/workbook/state-rows";
import type { Stored } from "../../src/templates/payload";
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
