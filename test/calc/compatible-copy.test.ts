/**
 * The compatibility copy of each of the four templates, in both languages, with actuals typed in
 * every entry cell: the preview's workbook (HyperFormula with the HT functions) saved as the copy
 * (src/compat/copy.ts over h18's snapshot and writer), recalculated by LibreOffice, agrees with
 * the add-in in every cell of every sheet: numbers within 1e-9 relative, the same text, the same
 * blanks and errors, and no #NAME?. One input changed in the copy moves the numbers that depend
 * on it, to what the add-in computes for the same change.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { convert } from "../../scripts/libreoffice";
import { compatibleBook } from "../../src/compat/copy";
import type { Lang } from "../../src/i18n/lang";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import { address, type CellPlan } from "../../src/sheet/cell-plan";
import { TEMPLATES } from "../../src/templates/catalog";
import { renderTemplate } from "../../src/templates/render";
import type { TemplateDecl } from "../../src/templates/model";
import type { XlsxBook, XlsxValue } from "../../src/xlsx/snapshot";
import { writeWorkbook } from "../../src/xlsx/write";
import { SAMPLES } from "../fixtures/samples";

jest.setTimeout(600_000);

/** A template written into a fresh preview book, with a number typed into every entry cell. */
async function filledBook(template: TemplateDecl, lang: Lang) {
  const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
  const inputs = SAMPLES[template.id];
  const plan: CellPlan = renderTemplate(template, inputs, lang);
  const outcome = await previewWorkbook(book).insert(
    plan,
    { template: template.id, lang, inputs },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error(`${template.id} was not written`);
  const sheet = book.hf.getSheetId(outcome.sheetName)!;
  let typed = 0;
  for (const entry of plan.entries) {
    for (let r = 0; r < entry.rows; r++) {
      for (const col of entry.cols) {
        // Actuals of the sizes a planner types: 80 to 130 % of a hundred-odd.
        book.hf.setCellContents({ sheet, row: entry.firstRow + r, col }, [[97 + ((r * 13 + col * 7) % 41)]]);
        typed++;
      }
    }
  }
  return { book, sheet, sheetName: outcome.sheetName, plan, typed };
}

const read = (v: unknown): XlsxValue => {
  if (v === undefined || v === null) return null;
  if (typeof v === "object" && "error" in (v as object)) return { error: String((v as { error: unknown }).error) };
  if (typeof v === "object" && "richText" in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  // A date cell comes back as a Date; the add-in holds Excel's serial day number (1900 system).
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  return v as XlsxValue;
};

function same(want: XlsxValue, got: XlsxValue): boolean {
  if (want === null || want === "") return got === null || got === "";
  if (typeof want === "object") return typeof got === "object" && got !== null && got.error === want.error;
  if (typeof want === "number")
    return typeof got === "number" && Math.abs(want - got) <= 1e-9 * Math.max(Math.abs(want), Math.abs(got));
  return want === got;
}

/** Every cell the snapshot holds (formulas and values), against the recalculated file. */
async function compare(snapshot: XlsxBook, file: string, skip: ReadonlySet<string> = new Set()) {
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const mismatches: string[] = [];
  let formulas = 0;
  let cells = 0;
  let names = 0;
  for (const sheet of snapshot.sheets) {
    const ws = back.getWorksheet(sheet.name);
    if (!ws) throw new Error(`${sheet.name} is missing from the copy`);
    for (const cell of sheet.cells) {
      const c = ws.getCell(cell.row + 1, cell.col + 1);
      // ExcelJS reads a merged area's value into every cell of it; the file holds it in the first.
      if (c.isMerged && c.master.address !== c.address) continue;
      if (skip.has(`${sheet.name}!${c.address}`)) continue;
      const got = read(c.type === ExcelJS.ValueType.Formula ? c.result : c.value);
      cells++;
      if (cell.formula !== undefined) formulas++;
      if (typeof got === "object" && got?.error === "#NAME?") names++;
      if (!same(cell.value, got)) {
        const at = `${sheet.name}!${address({ row: cell.row, col: cell.col, rows: 1, cols: 1 })}`;
        mismatches.push(
          `${at} ${cell.formula ?? ""}: add-in ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(got)}`,
        );
      }
    }
  }
  return { mismatches, formulas, cells, names };
}

async function recalculated(copy: XlsxBook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await writeWorkbook(copy));
  return convert(file, "xlsx", { recalc: true, outDir: path.join(dir, "out") });
}

const cases = TEMPLATES.flatMap((t) => (["vi", "en"] as const).map((lang) => [t.id, lang, t] as const));

describe("the compatibility copy recalculated by LibreOffice agrees with the add-in", () => {
  test.each(cases)("%s (%s), actuals typed", async (id, lang, template) => {
    const { book, typed } = await filledBook(template, lang);
    const snapshot = bookSnapshot(book);
    const { book: copy, report } = compatibleBook(snapshot, lang);
    expect(report.kept).toEqual([]);
    // Every formula with an HT call is either translated or kept as its value (and listed).
    const withHt = snapshot.sheets.flatMap((s) => s.cells).filter((c) => /\bHT\./i.test(c.formula ?? "")).length;
    expect(report.translated + report.values.length).toBe(withHt);
    const dir = mkdtempSync(path.join(tmpdir(), `ht-compat-${id}-`));
    const result = await compare(snapshot, await recalculated(copy, dir, `${id}-${lang}`));
    console.log(
      `${id} (${lang}): ${typed} actuals typed, ${report.translated} formulas translated (${report.calls} HT calls), ` +
        `${report.values.length} kept as values [${report.values.map((v) => v.cell).join(" ")}]; ` +
        `${result.cells} cells compared, ${result.formulas} of them formulas`,
    );
    expect(result.names).toBe(0);
    expect(result.mismatches.slice(0, 20)).toEqual([]);
  });

  test("a copy's numbers move when an input cell changes, to what the add-in computes", async () => {
    const template = TEMPLATES.find((t) => t.id === "contract")!;
    const { book, sheet, sheetName, plan } = await filledBook(template, "en");
    // The first product's material cost: its price, amount and the contract's total depend on it.
    const material = plan.cells.find(
      (c) => "number" in c.content && c.content.number === SAMPLES.contract.tables.goods?.[0]?.material,
    );
    if (!material) throw new Error("no material cell");
    const before = bookSnapshot(book);
    book.hf.setCellContents({ sheet, row: material.row, col: material.col }, [[75]]);
    const after = bookSnapshot(book);
    // The copy is made once, before the change; the change is then typed into the copy itself.
    const { book: copy, report } = compatibleBook(before, "en");
    const changed: XlsxBook = {
      ...copy,
      sheets: copy.sheets.map((s) =>
        s.name !== sheetName
          ? s
          : {
              ...s,
              cells: s.cells.map((c) => (c.row === material.row && c.col === material.col ? { ...c, value: 75 } : c)),
            },
      ),
    };
    const moved = after.sheets
      .find((s) => s.name === sheetName)!
      .cells.filter((c, k) => {
        const old = before.sheets.find((s) => s.name === sheetName)!.cells[k];
        return c.formula !== undefined && JSON.stringify(c.value) !== JSON.stringify(old?.value);
      });
    expect(moved.length).toBeGreaterThan(2);
    const dir = mkdtempSync(path.join(tmpdir(), "ht-compat-moved-"));
    // The cells kept as values (the amount in words) do not move: the cover sheet says so.
    const values = new Set(report.values.map((v) => `${v.sheet}!${v.cell}`));
    expect(values.size).toBe(1);
    const result = await compare(after, await recalculated(changed, dir, "contract-moved"), values);
    expect(result.mismatches.slice(0, 20)).toEqual([]);
    expect(moved.map((c) => typeof c.value)).toContain("number");
  });
});
