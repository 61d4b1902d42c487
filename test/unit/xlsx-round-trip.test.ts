/**
 * open(save(book)) gives the same workbook: cells, formulas, computed values, looks, merges,
 * sizes, lists, names and page setup of every sheet, the templates' state with them; and a plan
 * whose actuals a colleague typed in another program keeps them through Update.
 */
import * as ExcelJS from "exceljs";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { openSnapshot } from "../../src/preview/open-book";
import { previewWorkbook } from "../../src/preview/workbook";
import { cellKey } from "../../src/sheet/excel-grid";
import { LOOKS } from "../../src/sheet/styles";
import { CONTRACT } from "../../src/templates/contract";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import { renderTemplate } from "../../src/templates/render";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { CONTRACT_TWO_GRADES, NORM_BASKETS, PLAN_COOPERATIVE, PRICE_PLAN_BASKETS } from "../fixtures/samples";

const TEMPLATES: [TemplateDecl, Inputs][] = [
  [PLAN_TARGETS, PLAN_COOPERATIVE],
  [CONTRACT, CONTRACT_TWO_GRADES],
  [PRICE_PLAN, PRICE_PLAN_BASKETS],
  [NORM_SHEET, NORM_BASKETS],
];

async function filledBook(lang: "vi" | "en") {
  const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
  const port = previewWorkbook(book);
  for (const [template, inputs] of TEMPLATES) {
    const outcome = await port.insert(
      renderTemplate(template, inputs, lang),
      { template: template.id, lang, inputs },
      { kind: "newSheet" },
    );
    if (!outcome.ok) throw new Error(`${template.id} not written`);
  }
  return book;
}

async function reopened(bytes: Uint8Array): Promise<PreviewBook> {
  const read = await readWorkbook(bytes, "book.xlsx");
  if (!read.ok) throw new Error(read.problem.en);
  const book = new PreviewBook("Other");
  book.hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [["something to replace"]]);
  const opened = openSnapshot(book, read.book, read.dropped);
  if (!opened.ok) throw opened.error;
  expect(opened.dropped).toEqual([]);
  return book;
}

/** Everything a sheet holds that a file keeps, by sheet name. */
function contents(book: PreviewBook) {
  const hf = book.hf;
  return hf.getSheetNames().map((name) => {
    const id = hf.getSheetId(name)!;
    const look = book.look(id);
    const names = hf
      .listNamedExpressions(id)
      .map((n) => [n, hf.getNamedExpression(n, id)!.expression])
      .sort();
    return {
      name,
      hidden: book.hidden.has(id),
      formulas: hf.getSheetFormulas(id),
      values: JSON.stringify(hf.getSheetValues(id)),
      formats: [...look.formats].sort(),
      // A file keeps how a cell looks; looks that are drawn alike (a unit's name and the nation's
      // line, both bold and centred) come back as one of them, and looks with nothing to draw as none.
      styles: [...look.styles]
        .map(([key, style]) => [key, JSON.stringify(LOOKS[style])])
        .filter(([, drawn]) => drawn !== "{}")
        .sort(),
      ruled: [...look.ruled].sort(),
      // Every style the preview wrote reads back as a template look: none is kept as the file's own.
      fileStyles: [...(look.file?.styles.keys() ?? [])].sort(),
      merges: look.merges.slice().sort((a, b) => a.row - b.row || a.col - b.col),
      widths: look.widths,
      heights: [...look.heights].sort(),
      lists: look.lists,
      print: look.print,
      names,
    };
  });
}

function workbookNames(book: PreviewBook) {
  return book.hf
    .listNamedExpressions()
    .map((n) => [n, book.hf.getNamedExpression(n)!.expression])
    .sort();
}

describe("open(save(book)) is the same book", () => {
  test.each(["vi", "en"] as const)(
    "the four templates in %s: cells, formulas, values, looks, names, page setup, and the pane's list",
    async (lang) => {
      const book = await filledBook(lang);
      const again = await reopened(await writeWorkbook(bookSnapshot(book)));
      const [before, after] = [contents(book), contents(again)];
      expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
      before.forEach((sheet, k) => {
        const other = after[k];
        // The state rows carry each template's sheet id, which is the host's: compared below.
        if (sheet.name === "HachToan_State") return;
        expect(other).toEqual(sheet);
      });
      expect(workbookNames(again)).toEqual(workbookNames(book));
      const listed = async (b: PreviewBook) =>
        (await previewWorkbook(b).listFilled()).map((f) => ("stored" in f ? [f.sheetName, f.stored] : f.problem));
      const strip = (l: unknown[]) =>
        JSON.parse(JSON.stringify(l), (k, v) => (k === "sheetId" ? undefined : v)) as unknown;
      expect(strip(await listed(again))).toEqual(strip(await listed(book)));
      expect((await listed(again)).length).toBe(4);
    },
  );
});

describe("a plan edited in another program keeps its actuals through Update", () => {
  test("actuals typed by ExcelJS into the saved file come back, and Update keeps them without asking", async () => {
    const book = new PreviewBook("Trang1");
    const port = previewWorkbook(book);
    const plan = renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi");
    const stored = { template: PLAN_TARGETS.id, lang: "vi" as const, inputs: PLAN_COOPERATIVE };
    const outcome = await port.insert(plan, stored, { kind: "newSheet" });
    if (!outcome.ok) throw new Error("not written");
    const entry = plan.entries.find((e) => e.rows > 0 && e.cols.length > 0)!;
    const typed = { row: entry.firstRow, col: entry.cols[0] };

    // A colleague opens the file elsewhere and types an actual into an entry cell.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeWorkbook(bookSnapshot(book))) as never);
    wb.getWorksheet(outcome.sheetName)!.getCell(typed.row + 1, typed.col + 1).value = 4321;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    const again = await reopened(edited);
    const sheet = again.hf.getSheetId(outcome.sheetName)!;
    expect(again.hf.getCellValue({ sheet, ...typed })).toBe(4321);
    const reopenedPort = previewWorkbook(again);
    const [filled] = await reopenedPort.listFilled();
    if (!("stored" in filled)) throw new Error(filled.problem.en);
    expect(filled.sheetName).toBe(outcome.sheetName);
    const renamed = { ...PLAN_COOPERATIVE, fields: { ...PLAN_COOPERATIVE.fields, unit: "HTX mới" } };
    const updated = await reopenedPort.update(
      filled.partId,
      filled.stored,
      renderTemplate(PLAN_TARGETS, renamed, "vi"),
      { ...stored, inputs: renamed },
    );
    expect(updated).toMatchObject({ ok: true });
    expect(again.hf.getCellValue({ sheet, ...typed })).toBe(4321);
    expect(again.look(sheet).styles.get(cellKey(typed.row, typed.col))).toBe("input");
  });
});
