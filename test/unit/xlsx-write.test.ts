/** The .xlsx writer: what a saved preview workbook holds, read back from the file's own XML. */
import * as ExcelJS from "exceljs";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { fileFormula, previewFormula } from "../../src/xlsx/formula-names";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/xlsx/read";
import { openSnapshot } from "../../src/preview/open-book";
import { zipEntries, zipText } from "../../src/xlsx/zip";
import { STATE_SHEET } from "../../src/workbook/state-rows";
import { address } from "../../src/sheet/cell-plan";
import { keyRow } from "../../src/sheet/excel-grid";
import { PLAN_1961_65 } from "../fixtures/samples";

async function filled(template: TemplateDecl, inputs: Inputs) {
  const book = new PreviewBook("Trang1");
  const plan = renderTemplate(template, inputs, "vi");
  const outcome = await previewWorkbook(book).insert(
    plan,
    { template: template.id, lang: "vi", inputs },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error("not written");
  return { book, plan, sheetName: outcome.sheetName };
}

async function parts(bytes: Uint8Array) {
  const entries = zipEntries(bytes);
  return async (name: string) => (await zipText(bytes, entries, name)) ?? "";
}

describe("formulas as a file stores them", () => {
  test("functions added after Excel 2007 get _xlfn., HT functions their English id, and reading takes it off", () => {
    expect(fileFormula("RRI(5,A1,B1)+IFNA(C1,0)+SUM(D1:D3)")).toBe("_xlfn.RRI(5,A1,B1)+_xlfn.IFNA(C1,0)+SUM(D1:D3)");
    expect(fileFormula('STDEV.S(A1:A9)&"RRI(1)"&FILTER(A1:A3,B1:B3)')).toBe(
      '_xlfn.STDEV.S(A1:A9)&"RRI(1)"&_xlfn._xlws.FILTER(A1:A3,B1:B3)',
    );
    expect(fileFormula("HT.GIATHEOGIATHANH(1,2,3,0.05)")).toBe("HT.COSTPRICE(1,2,3,0.05)");
    expect(fileFormula("'RRI(x'!A1+ht.costprice(1,2,3,4)")).toBe("'RRI(x'!A1+HT.COSTPRICE(1,2,3,4)");
    expect(previewFormula("_xlfn.RRI(5,A1,B1)+_xlfn._xlws.SORT(A1:A3)")).toBe("RRI(5,A1,B1)+SORT(A1:A3)");
    expect(previewFormula("_xldudf_HT_COSTPRICE(1,2,3,4)")).toBe("HT.COSTPRICE(1,2,3,4)");
  });
});

describe("saving the preview's workbook", () => {
  test("a plan's sheet keeps its formulas with computed results, looks, merges, widths, names and page setup", async () => {
    const { book, plan, sheetName } = await filled(PLAN_TARGETS, PLAN_1961_65);
    const bytes = await writeWorkbook(bookSnapshot(book));
    const part = await parts(bytes);
    const workbookXml = (await part("xl/workbook.xml")).replace(/&apos;/g, "'");
    // The state sheet is very hidden; the print area absolute ($A$1:$X$n), not ExcelJS's $A1.
    expect(workbookXml).toMatch(new RegExp(`<sheet [^>]*name="${STATE_SHEET}"[^>]*state="veryHidden"`));
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="1">'[^']+'!\$A\$1:\$[A-Z]+\$\d+<\/definedName>/,
    );
    // The template's name over its whole area, as Excel keeps it; no corner name of the preview's.
    expect(workbookXml).toMatch(/<definedName name="HT_T[A-Z0-9]+">'[^']+'!\$A\$1:\$[A-Z]+\$\d+<\/definedName>/);
    expect(workbookXml).not.toMatch(/_END/);
    for (const { name } of plan.names) expect(workbookXml).toContain(`<definedName name="${name}" localSheetId="1">`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Trang1", sheetName, STATE_SHEET]);
    const ws = wb.getWorksheet(sheetName)!;
    const sheet = book.hf.getSheetId(sheetName)!;
    let formulas = 0;
    for (const cell of plan.cells) {
      const c = ws.getCell(cell.row + 1, cell.col + 1);
      const computed = book.hf.getCellValue({ sheet, row: cell.row, col: cell.col });
      if ("formula" in cell.content) {
        formulas++;
        expect(`=${previewFormula(c.formula)}`).toBe(book.hf.getCellFormula({ sheet, row: cell.row, col: cell.col }));
        const cached = (c.value as ExcelJS.CellFormulaValue).result;
        if (typeof computed === "number") expect(cached).toBeCloseTo(computed, 9);
        else if (computed !== null && typeof computed === "object") expect(cached).toEqual({ error: computed.value });
        // ExcelJS leaves out an empty text result: the cell reads empty either way.
        else expect(cached ?? "").toEqual(computed ?? "");
      }
    }
    expect(formulas).toBeGreaterThan(5);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe(plan.orientation);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.margins?.left).toBe(0.7);
    expect(Object.keys((ws as unknown as { _merges: object })._merges).length).toBe(plan.merges.length);
    plan.widths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
    const stateRows = wb.getWorksheet(STATE_SHEET)!;
    const chunk = stateRows.getCell(3, 8);
    expect(typeof chunk.value).toBe("string");
    expect(String(chunk.value).startsWith("~")).toBe(true);
    expect(chunk.numFmt).toBe("@");
  });

  test("every cell with a template look is saved at the top of its row, a table's header in the middle", async () => {
    const { book, plan, sheetName } = await filled(PLAN_TARGETS, PLAN_1961_65);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeWorkbook(bookSnapshot(book))) as never);
    const ws = wb.getWorksheet(sheetName)!;
    const header = new Set(
      plan.styles.filter((s) => s.style === "header").map(({ area }) => `${area.row},${area.col}`),
    );
    let headers = 0;
    for (const { area } of plan.styles) {
      for (let r = area.row; r < area.row + area.rows; r++) {
        for (let c = area.col; c < area.col + area.cols; c++) {
          const middle = header.has(`${r},${area.col}`);
          if (middle) headers++;
          expect({ r, c, vertical: ws.getCell(r + 1, c + 1).alignment?.vertical }).toEqual({
            r,
            c,
            vertical: middle ? "middle" : "top",
          });
        }
      }
    }
    expect(headers).toBeGreaterThan(5);
    // A cell no template set up keeps Excel's default (the foot of its row).
    expect(ws.getCell(plan.rows + 5, 1).alignment?.vertical).toBeUndefined();
  });

  test("a plan saved before template cells were set at the top reads as its looks, and is saved with the rule of now", async () => {
    const { book, plan, sheetName } = await filled(PLAN_TARGETS, PLAN_1961_65);
    // The file as the writer made it before: no vertical alignment but wrapped cells' top.
    const old = new ExcelJS.Workbook();
    await old.xlsx.load(Buffer.from(await writeWorkbook(bookSnapshot(book))) as never);
    const ws = old.getWorksheet(sheetName)!;
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const a = c.alignment;
        if (a?.vertical) c.alignment = { ...a, vertical: a.wrapText ? "top" : undefined };
      }),
    );
    // A person's own bold note beside the plan, at the foot of its row as Excel leaves it.
    ws.getCell(plan.rows + 3, 2).value = "Ghi chú của kế toán";
    ws.getCell(plan.rows + 3, 2).font = { bold: true };
    const read = await readWorkbook(new Uint8Array(await old.xlsx.writeBuffer()), "old.xlsx");
    if (!read.ok) throw new Error(read.problem.en);
    const opened = new PreviewBook("Trang1");
    expect(openSnapshot(opened, read.book, read.dropped).ok).toBe(true);
    // No template cell is kept as a style of the file's own: each is its look.
    const file = opened.look(opened.hf.getSheetId(sheetName)!).file?.styles ?? new Map();
    expect([...file.keys()].filter((k) => keyRow(k) < plan.rows)).toEqual([]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(await writeWorkbook(bookSnapshot(opened))) as never);
    const saved = again.getWorksheet(sheetName)!;
    for (const { area, style } of plan.styles)
      expect([address(area), saved.getCell(area.row + 1, area.col + 1).alignment?.vertical]).toEqual([
        address(area),
        style === "header" ? "middle" : "top",
      ]);
    expect(saved.getCell(plan.rows + 3, 2).alignment?.vertical).toBeUndefined();
  });

  test("a person's own cell in an opened file keeps its vertical alignment when saved again, read as a template look or not", async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet("Ghi chép");
    ws.getCell("A1").value = "Tiêu đề";
    ws.getCell("A1").font = { bold: true };
    ws.getCell("B2").value = 12;
    ws.getCell("B2").alignment = { vertical: "middle" };
    ws.getCell("C3").value = "Chú thích";
    ws.getCell("C3").font = { italic: true };
    ws.getCell("C3").alignment = { vertical: "top" };
    const read = await readWorkbook(new Uint8Array(await source.xlsx.writeBuffer()), "ghi-chep.xlsx");
    if (!read.ok) throw new Error(read.problem.en);
    const book = new PreviewBook("Trang1");
    expect(openSnapshot(book, read.book, read.dropped).ok).toBe(true);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(Buffer.from(await writeWorkbook(bookSnapshot(book))) as never);
    const saved = again.getWorksheet("Ghi chép")!;
    // A1 reads as the bold section look, but is not moved to the top of its row for that.
    expect(saved.getCell("A1").font?.bold).toBe(true);
    expect(saved.getCell("A1").alignment?.vertical).toBeUndefined();
    expect(saved.getCell("B2").alignment?.vertical).toBe("middle");
    expect(saved.getCell("C3").alignment?.vertical).toBe("top");
  });
});
