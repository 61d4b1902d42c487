/**
 * LibreOffice Calc, the independent engine, opens every file the preview saves: the four
 * templates in both languages, with an actual typed in. It recalculates them (OOXMLRecalcMode 0),
 * keeps the sheet names, computes the values the preview computed, and prints them to PDF.
 * LibreOffice has no HT functions: cells that call one (or read one) show an error there, and are
 * the only cells allowed to differ.
 */
import * as ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { DetailedCellError } from "hyperformula";
import { launch } from "../../scripts/chromium";
import { convert } from "../../scripts/libreoffice";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import { CONTRACT } from "../../src/templates/contract";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import { renderTemplate } from "../../src/templates/render";
import { writeWorkbook } from "../../src/xlsx/write";
import { CONTRACT_TWO_GRADES, NORM_BASKETS, PLAN_COOPERATIVE, PRICE_PLAN_BASKETS } from "../fixtures/samples";

jest.setTimeout(600_000);

const TEMPLATES: [TemplateDecl, Inputs][] = [
  [PLAN_TARGETS, PLAN_COOPERATIVE],
  [CONTRACT, CONTRACT_TWO_GRADES],
  [PRICE_PLAN, PRICE_PLAN_BASKETS],
  [NORM_SHEET, NORM_BASKETS],
];

test.each(["vi", "en"] as const)(
  "the four templates in %s with actuals typed: LibreOffice opens them, same sheets, same values, prints them",
  async (lang) => {
    const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
    const port = previewWorkbook(book);
    for (const [template, inputs] of TEMPLATES) {
      const plan = renderTemplate(template, inputs, lang);
      const outcome = await port.insert(plan, { template: template.id, lang, inputs }, { kind: "newSheet" });
      if (!outcome.ok) throw new Error(`${template.id} not written`);
      // An actual typed into the first entry cell, as a person does after writing.
      const entry = plan.entries.find((e) => e.rows > 0 && e.cols.length > 0);
      if (entry)
        book.hf.setCellContents(
          { sheet: book.hf.getSheetId(outcome.sheetName)!, row: entry.firstRow, col: entry.cols[0] },
          17,
        );
    }
    const dir = mkdtempSync(path.join(tmpdir(), "ht-saved-"));
    const file = path.join(dir, `templates-${lang}.xlsx`);
    writeFileSync(file, await writeWorkbook(bookSnapshot(book)));

    const recalculated = convert(file, "xlsx", { recalc: true, outDir: path.join(dir, "calc") });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const hf = book.hf;
    expect(wb.worksheets.map((w) => w.name)).toEqual(hf.getSheetNames());

    // Whether a cell calls an HT function, or reads (through cells, ranges or names) one that does.
    const memo = new Map<string, boolean>();
    const readsHt = (sheet: number, row: number, col: number): boolean => {
      const key = `${sheet},${row},${col}`;
      if (memo.has(key)) return memo.get(key)!;
      memo.set(key, false);
      const formula = hf.getCellFormula({ sheet, row, col });
      let result = false;
      if (formula !== undefined) {
        const names = hf.getNamedExpressionsFromFormula(formula);
        result =
          formula.includes("HT.") ||
          names.some((n) => {
            const expression = String((hf.getNamedExpression(n, sheet) ?? hf.getNamedExpression(n))?.expression ?? "");
            const target = hf.simpleCellAddressFromString(expression.replace(/^=/, ""), sheet);
            return target !== undefined && readsHt(target.sheet, target.row, target.col);
          }) ||
          hf.getCellPrecedents({ sheet, row, col }).some((p) => {
            if ("start" in p) {
              for (let r = p.start.row; r <= p.end.row; r++)
                for (let c = p.start.col; c <= p.end.col; c++) if (readsHt(p.start.sheet, r, c)) return true;
              return false;
            }
            return readsHt(p.sheet, p.row, p.col);
          });
      }
      memo.set(key, result);
      return result;
    };
    let compared = 0;
    const theirErrors: string[] = [];
    let formulas = 0;
    for (const name of hf.getSheetNames()) {
      const sheet = hf.getSheetId(name)!;
      const ws = wb.getWorksheet(name)!;
      hf.getSheetFormulas(sheet).forEach((line, row) =>
        line.forEach((formula, col) => {
          if (formula === undefined) return;
          formulas++;
          const ours = hf.getCellValue({ sheet, row, col });
          const raw = ws.getCell(row + 1, col + 1).value as ExcelJS.CellFormulaValue | null;
          // A formula whose result is empty text is stored without a value.
          const theirs =
            raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw) ? (raw.result ?? "") : raw;
          const theirError = theirs !== null && typeof theirs === "object" && "error" in theirs;
          if (theirError) {
            // Only what reads an HT function may differ: LibreOffice has none.
            if (!(ours instanceof DetailedCellError) && !readsHt(sheet, row, col))
              theirErrors.push(`${name}!R${row + 1}C${col + 1} ${formula}`);
            return;
          }
          compared++;
          const where = `${name}!R${row + 1}C${col + 1} ${formula}`;
          // ExcelJS reads a date-formatted number as a Date.
          const number =
            theirs instanceof Date ? (theirs.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : Number(theirs);
          if (typeof ours === "number") expect([where, number]).toEqual([where, expect.closeTo(ours, 6)]);
          else if (ours instanceof DetailedCellError) expect([where, theirs]).toEqual([where, { error: ours.value }]);
          else expect([where, theirs ?? ""]).toEqual([where, ours ?? ""]);
        }),
      );
    }
    // Only what calls an HT function may differ: LibreOffice has none.
    expect(theirErrors).toEqual([]);
    expect(formulas).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(formulas / 3);

    const pdf = convert(file, "pdf", { recalc: true, outDir: path.join(dir, "pdf") });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  },
);

// UPDATE_SCREENSHOTS=1 retakes the README's picture of a saved plan as LibreOffice prints it: the
// file as saved (LibreOffice shows the values the preview cached), every page side by side.
const picture = process.env.UPDATE_SCREENSHOTS === "1" ? test : test.skip;
picture(
  "docs/saved-plan-libreoffice.png: the sample plan saved, with an actual typed, printed by LibreOffice",
  async () => {
    // The sample's unit starts with "=" to prove it stays text; the picture shows a plain name.
    const inputs: Inputs = {
      ...PLAN_COOPERATIVE,
      fields: { ...PLAN_COOPERATIVE.fields, unit: "HTX Mây tre Phú Vinh", moneyUnit: "đồng" },
    };
    const book = new PreviewBook("Trang1");
    const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
    const outcome = await previewWorkbook(book).insert(
      plan,
      { template: "plan", lang: "vi", inputs },
      { kind: "newSheet" },
    );
    if (!outcome.ok) throw new Error("plan not written");
    const sheet = book.hf.getSheetId(outcome.sheetName)!;
    const entry = plan.entries.find((e) => e.rows > 0 && e.cols.length > 0)!;
    book.hf.setCellContents({ sheet, row: entry.firstRow, col: entry.cols[0] }, 14_000);
    book.removeSheet(book.hf.getSheetId("Trang1")!);
    const dir = mkdtempSync(path.join(tmpdir(), "ht-picture-"));
    const file = path.join(dir, "plan.xlsx");
    writeFileSync(file, await writeWorkbook(bookSnapshot(book)));
    const pdf = convert(file, "pdf", { outDir: dir, locale: "vi-VN" });
    execFileSync("pdftoppm", ["-r", "80", "-png", pdf, path.join(dir, "page")]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith("page") && f.endsWith(".png"))
      .sort()
      .map((f) => readFileSync(path.join(dir, f)).toString("base64"));
    expect(pages.length).toBeGreaterThan(1);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1900, height: 700 } });
      await page.setContent(
        `<body style="margin:0;background:#9a9a9a;display:flex;gap:16px;padding:16px;width:max-content">` +
          pages.map((p) => `<img style="box-shadow:0 1px 4px #0006" src="data:image/png;base64,${p}">`).join("") +
          `</body>`,
      );
      await page
        .locator("body")
        .screenshot({ path: path.join(__dirname, "..", "..", "docs", "saved-plan-libreoffice.png") });
    } finally {
      await browser.close();
    }
  },
);
