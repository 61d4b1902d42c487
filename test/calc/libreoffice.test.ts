/**
 * The LibreOffice runner itself: a file whose cached value is deliberately wrong shows that
 * value when LibreOffice keeps cached values, and the computed one when the profile asks for
 * recalculation on load. Every other `calc` test relies on this difference.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { convert } from "../../scripts/libreoffice";

jest.setTimeout(240_000);

async function fileWithStaleCache(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sổ");
  sheet.getCell("A1").value = 2;
  sheet.getCell("A2").value = { formula: "A1*21", result: 1 };
  const file = path.join(dir, "stale.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

test("LibreOffice keeps a file's cached values by default and recalculates them when asked", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ht-calc-"));
  const file = await fileWithStaleCache(dir);
  const kept = readFileSync(convert(file, "csv", { outDir: path.join(dir, "kept") }), "utf8");
  const recalculated = readFileSync(convert(file, "csv", { recalc: true, outDir: path.join(dir, "recalc") }), "utf8");
  expect(kept.trim().split(/\r?\n/)).toEqual(["2", "1"]);
  expect(recalculated.trim().split(/\r?\n/)).toEqual(["2", "42"]);
});
