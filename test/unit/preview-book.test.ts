/** The preview's workbook keeps a sheet's looks beside its cells; inserted rows move both, as in Excel. */
import { EmptyValue, HyperFormula } from "hyperformula";
import { PreviewBook, rowsInserted } from "../../src/preview/book";
import { cellKey } from "../../src/sheet/excel-grid";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { CONTRACT } from "../../src/templates/contract";
import { contractWithGoods } from "../fixtures/long";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import {
  CONTRACT_TWO_GRADES,
  NORM_BASKETS,
  PLAN_1961_65,
  PLAN_COOPERATIVE,
  PRICE_PLAN_BASKETS,
} from "../fixtures/samples";

async function written(template: TemplateDecl, inputs: Inputs) {
  const book = new PreviewBook("Trang1");
  const plan = renderTemplate(template, inputs, "vi");
  const outcome = await previewWorkbook(book).insert(
    plan,
    { template: template.id, lang: "vi", inputs },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error("not written");
  const sheet = book.hf.getSheetId(outcome.sheetName)!;
  return { book, plan, sheet, look: book.look(sheet) };
}

describe("rows inserted in the preview", () => {
  test("a band moves down when rows go in above it, grows when they go in inside it, stays when they go in below", () => {
    const band = { row: 4, rows: 3, col: 1, cols: 2 };
    expect(rowsInserted(band, 0, 2)).toEqual({ row: 6, rows: 3, col: 1, cols: 2 });
    expect(rowsInserted(band, 4, 2)).toEqual({ row: 6, rows: 3, col: 1, cols: 2 });
    expect(rowsInserted(band, 5, 2)).toEqual({ row: 4, rows: 5, col: 1, cols: 2 });
    expect(rowsInserted(band, 7, 2)).toBe(band);
  });

  test("a contract's row heights (wrapped clauses), ruled tables and merges move with its cells", async () => {
    const { book, plan, sheet, look } = await written(CONTRACT, CONTRACT_TWO_GRADES);
    const ruled = (down: number) =>
      new Set(
        plan.borders.flatMap((a) =>
          Array.from({ length: a.rows * a.cols }, (_, i) =>
            cellKey(down + a.row + Math.floor(i / a.cols), a.col + (i % a.cols)),
          ),
        ),
      );
    const heights = (down: number) => new Map(plan.heights.map((h) => [down + h.row, h.points]));
    expect(plan.heights.length).toBeGreaterThan(0);
    expect(look.ruled).toEqual(ruled(0));
    expect(look.heights).toEqual(heights(0));

    book.insertRows(sheet, 0, 2);
    expect(book.hf.getCellSerialized({ sheet, row: 2 + plan.cells[0].row, col: plan.cells[0].col })).toBeTruthy();
    expect(look.ruled).toEqual(ruled(2));
    expect(look.heights).toEqual(heights(2));
    expect(look.merges).toEqual(plan.merges.map((m) => ({ ...m, row: m.row + 2 })));
  });

  test("a template's print area, print titles and page breaks move with its cells, and the area takes in rows inserted inside it", async () => {
    const { book, plan, sheet, look } = await written(CONTRACT, contractWithGoods(150));
    const titles = plan.printTitles!;
    const breaks = plan.pageBreaks;
    expect(breaks.length).toBeGreaterThan(0);
    expect(look.print).toMatchObject({ area: plan.printArea, titleRows: titles, breaks, footer: "Trang &P/&N" });
    book.insertRows(sheet, 0, 2);
    expect(look.print?.area).toEqual({ ...plan.printArea, row: plan.printArea.row + 2 });
    expect(look.print?.titleRows).toEqual({ ...titles, row: titles.row + 2 });
    expect(look.print?.breaks).toEqual(breaks.map((r) => r + 2));
    // One row inside the template, below its title row: the breaks below it move down one more.
    book.insertRows(sheet, titles.row + 10, 1);
    expect(look.print?.area).toEqual({ ...plan.printArea, row: plan.printArea.row + 2, rows: plan.printArea.rows + 1 });
    expect(look.print?.titleRows).toEqual({ ...titles, row: titles.row + 2 });
    expect(look.print?.breaks).toEqual(breaks.map((r) => r + 2 + (r + 2 >= titles.row + 10 ? 1 : 0)));
  });
});

describe("the preview updates every template as the Excel adapter does", () => {
  const cases: [string, TemplateDecl, Inputs][] = [
    ["the plan", PLAN_TARGETS, PLAN_COOPERATIVE],
    ["the 1961–65 plan, year by year", PLAN_TARGETS, PLAN_1961_65],
    ["the contract", CONTRACT, CONTRACT_TWO_GRADES],
    ["the price plan", PRICE_PLAN, PRICE_PLAN_BASKETS],
    ["the norm sheet", NORM_SHEET, NORM_BASKETS],
  ];

  test.each(cases)(
    "%s: unchanged, it updates without a question; a number typed over is asked about",
    async (_what, template, inputs) => {
      const { book, plan, sheet } = await written(template, inputs);
      const port = previewWorkbook(book);
      const update = async () => {
        const [filled] = await port.listFilled();
        if (!("stored" in filled)) throw new Error(filled.problem.en);
        return port.update(filled.partId, filled.stored, plan, { template: template.id, lang: "vi", inputs });
      };
      expect(await update()).toMatchObject({ ok: true });
      const entries = new Set(
        plan.entries.flatMap((e) =>
          Array.from({ length: e.rows * e.cols.length }, (_, i) =>
            cellKey(e.firstRow + Math.floor(i / e.cols.length), e.cols[i % e.cols.length]),
          ),
        ),
      );
      const target = plan.cells.find((c) => "number" in c.content && !entries.has(cellKey(c.row, c.col)))!;
      book.hf.setCellContents({ sheet, row: target.row, col: target.col }, 777);
      expect(await update()).toMatchObject({
        ok: false,
        reason: "ask",
        question: { edits: [{ row: target.row, col: target.col, now: "777" }], orphans: [] },
      });
    },
  );
});

describe("the preview finds a template where its rows moved, as Excel's name over the area does", () => {
  async function writtenPlan() {
    const { book, plan, sheet } = await written(PLAN_TARGETS, PLAN_COOPERATIVE);
    const port = previewWorkbook(book);
    const update = async (unit: string) => {
      const [filled] = await port.listFilled();
      if (!("stored" in filled)) throw new Error(filled.problem.en);
      const inputs = { ...PLAN_COOPERATIVE, fields: { ...PLAN_COOPERATIVE.fields, unit } };
      return port.update(filled.partId, filled.stored, renderTemplate(PLAN_TARGETS, inputs, "vi"), {
        template: "plan",
        lang: "vi",
        inputs,
      });
    };
    return { book, plan, sheet, port, update };
  }

  test("rows inserted above: Update writes two rows lower, where the template is now", async () => {
    const { book, plan, sheet, update } = await writtenPlan();
    book.insertRows(sheet, 0, 2);
    expect(await update("HTX mới")).toMatchObject({ ok: true, address: `A3:M${plan.rows + 2}` });
    expect(book.hf.getCellValue({ sheet, row: 3, col: 0 })).toBe("HTX mới");
  });

  test.each([
    ["inside it", (rows: number) => Math.floor(rows / 2)],
    ["above its last row", (rows: number) => rows - 1],
  ])("rows inserted %s: the area grew, so Update refuses and changes nothing", async (_where, at) => {
    const { book, plan, sheet, update } = await writtenPlan();
    book.insertRows(sheet, at(plan.rows), 1);
    const before = book.hf.getSheetSerialized(sheet);
    expect(await update("HTX mới")).toMatchObject({ ok: false, reason: "structureChanged" });
    expect(book.hf.getSheetSerialized(sheet)).toEqual(before);
  });

  test("rows inserted just below it leave it as it was", async () => {
    const { book, plan, sheet, update } = await writtenPlan();
    book.insertRows(sheet, plan.rows, 3);
    expect(await update("HTX mới")).toMatchObject({ ok: true, address: `A1:M${plan.rows}` });
  });

  test("its names are single cells, which the engine does not evaluate as an array of the whole area, and Forget removes them", async () => {
    const { book, port } = await writtenPlan();
    const names = book.hf.listNamedExpressions();
    const own = names.filter((n) => n.startsWith("HT_"));
    expect(own).toHaveLength(2);
    for (const n of own) expect(book.hf.getNamedExpressionValue(n)).not.toBeInstanceOf(Array);
    const [filled] = await port.listFilled();
    if (!("stored" in filled)) throw new Error(filled.problem.en);
    await port.remove(filled.partId, filled.stored, false);
    expect(book.hf.listNamedExpressions()).toEqual(names.filter((n) => !n.startsWith("HT_")));
  });
});

describe("the preview's engine writes a large plan without needless index work", () => {
  test("the column index is never asked to remove the empty value of a cell written for the first time, and MATCH still finds what was written, overwritten or cleared", () => {
    // The index's own remove, watched before the book's engine is built.
    const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useColumnIndex: true });
    const remove = jest.spyOn(Object.getPrototypeOf(probe.columnSearch), "remove");
    const { hf } = new PreviewBook("Trang1");
    try {
      const sheet = 0;
      hf.setCellContents({ sheet, row: 0, col: 0 }, [["a"], ["b"], [3], ["=A2"]]);
      expect(remove.mock.calls.filter(([value]) => value === EmptyValue)).toEqual([]);
      hf.setCellContents({ sheet, row: 0, col: 1 }, [
        ['=MATCH("b",A1:A4,0)'],
        ["=MATCH(3,A1:A4,0)"],
        ['=MATCH("z",A1:A4,0)'],
      ]);
      expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe(2);
      expect(hf.getCellValue({ sheet, row: 1, col: 1 })).toBe(3);
      hf.setCellContents({ sheet, row: 0, col: 0 }, [["z"]]);
      expect(hf.getCellValue({ sheet, row: 2, col: 1 })).toBe(1);
      // A cleared cell leaves the index (and so does A4's copy of it).
      hf.setCellContents({ sheet, row: 1, col: 0 }, [[null]]);
      expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toMatchObject({ type: "NA" });
      // Removals of values the index does hold still reach it.
      expect(remove.mock.calls.some(([value]) => value === "b")).toBe(true);
    } finally {
      remove.mockRestore();
    }
  });
});
