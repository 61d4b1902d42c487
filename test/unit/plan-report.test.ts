/**
 * The plan fulfilment report: its own sheet, heading and signatures, for one period; every figure
 * a formula over the plan's sheet, computed here by the preview's engine; another period
 * rewrites only the report.
 */
import { PreviewBook } from "../../src/preview/book";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_REPORT, reportInputs } from "../../src/templates/plan-report";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { validateInputs } from "../../src/templates/validate";
import type { Inputs } from "../../src/templates/model";
import { PLAN_1961_65_QUARTERS, PLAN_COOPERATIVE, REPORT_1965_Q3 } from "../fixtures/samples";
import { expectGolden } from "../support/golden";
import { describePlan } from "../support/describe-plan";
import { expectClose } from "../support/close";
import * as ExcelJS from "exceljs";
import { applyFlag } from "../../src/preview/cell-look";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { excelWorkbook } from "../../src/excel/workbook";
import { FakeExcel, installExcelEnums } from "../support/fake-excel";

/** A1 → 0-based row and column. */
function cell(a1: string) {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
}

/** The plan written on its sheet and its report on another, in the preview's workbook. */
async function planAndReport(plan: Inputs, own: Inputs["fields"]) {
  const book = new PreviewBook("Trang1");
  const port = previewWorkbook(book);
  const written = await port.insert(
    renderTemplate(PLAN_TARGETS, plan, "vi"),
    { template: "plan", lang: "vi", inputs: plan },
    { kind: "newSheet" },
  );
  if (!written.ok) throw new Error(written.reason);
  const planSheet = book.hf.getSheetId(written.sheetName)!;
  const inputs = reportInputs(plan, { sheet: written.sheetName, sheetId: "", row: 0, col: 0 }, own);
  expect(validateInputs(PLAN_REPORT, inputs)).toEqual([]);
  const report = await port.insert(
    renderTemplate(PLAN_REPORT, inputs, "vi"),
    { template: "planReport", lang: "vi", inputs },
    { kind: "newSheet" },
  );
  if (!report.ok) throw new Error(report.reason);
  const reportSheet = book.hf.getSheetId(report.sheetName)!;
  return {
    book,
    port,
    inputs,
    type: (a1: string, value: number) => book.hf.setCellContents({ sheet: planSheet, ...cell(a1) }, [[value]]),
    value: (a1: string) => book.hf.getCellValue({ sheet: reportSheet, ...cell(a1) }),
    planValue: (a1: string) => book.hf.getCellValue({ sheet: planSheet, ...cell(a1) }),
  };
}

describe("the plan fulfilment report", () => {
  test.each(["vi", "en"] as const)("the 1965 plan's report for Q3 (golden file, %s)", (lang) => {
    expect(validateInputs(PLAN_REPORT, REPORT_1965_Q3)).toEqual([]);
    expectGolden(`plan-report-1965-q3.${lang}.txt`, describePlan(renderTemplate(PLAN_REPORT, REPORT_1965_Q3, lang)));
  });

  test("1965 by quarter: actuals typed in the plan give Q3's cumulative, plan to date and ratios", async () => {
    const { type, value } = await planAndReport(PLAN_1961_65_QUARTERS, { reportPeriod: 3 });
    // The plan's quarter rows 50–53: actual quantity in E, last year's in F (price 1: values = quantities).
    [640, 690, 701].forEach((q, k) => type(`E${50 + k}`, q));
    [560, 580, 600].forEach((q, k) => type(`F${50 + k}`, q));
    // Row 12: the product; year's plan 2,761, plan to date 3/4 of it.
    expectClose(value("C12"), 2761);
    expectClose(value("D12"), (2761 * 3) / 4);
    expectClose(value("E12"), 701);
    expectClose(value("F12"), 640 + 690 + 701);
    expectClose(value("G12"), 600);
    expectClose(value("H12"), 2031 / 2761);
    expectClose(value("I12"), 2031 / 2070.75);
    expectClose(value("J12"), 701 / 600);
    // The total row, in value at constant prices.
    expectClose(value("F13"), 2031);
    expectClose(value("I13"), 2031 / 2070.75);
    // Typing the fourth quarter moves nothing in Q3's report; changing Q2 moves the cumulative.
    type("E53", 800);
    expectClose(value("F12"), 2031);
    type("E51", 700);
    expectClose(value("F12"), 2041);
  });

  test("the period's norm indicators where their actuals exist: labour norm, grade coefficient, material saving", async () => {
    const coop: Inputs = {
      ...PLAN_COOPERATIVE,
      fields: { ...PLAN_COOPERATIVE.fields, periods: "quarter", periodSplit: "even" },
    };
    const { type, value, planValue } = await planAndReport(coop, { reportPeriod: 2 });
    const plan = renderTemplate(PLAN_TARGETS, coop, "vi");
    const q = plan.entries.find((e) => e.block === "quarters")!.firstRow + 1;
    const m = plan.entries.find((e) => e.block === "materialQuarters")!.firstRow + 1;
    // Làn mây, Q2: 4,000 made in 5,000 hours (norm 1.5 h): 120 %; grades 3,000 / 800 / 200.
    type(`E${q + 1}`, 4000);
    type(`J${q + 1}`, 5000);
    type(`K${q + 1}`, 3000);
    type(`L${q + 1}`, 800);
    type(`M${q + 1}`, 200);
    // Mây sợi for Làn mây, Q2: 1,500 kg used against the norm 0.4 × 4,000 = 1,600.
    type(`G${m + 1}`, 1500);
    expect(planValue(`E${q + 1}`)).toBe(4000);
    const norms = 18; // first data row of the report's second table
    expectClose(value(`F${norms}`), 1.2);
    expectClose(value(`J${norms}`), (3000 * 1 + 800 * 0.8) / 4000);
    // Mành tre has no actuals this period: no indicator.
    expect(value(`F${norms + 1}`)).toBe("");
    expect(value(`J${norms + 1}`)).toBe("");
    const materials = norms + 2 + 3;
    expectClose(value(`G${materials}`), 100);
    expect(value(`G${materials + 1}`)).toBe("");
  });
});

describe("the report's % columns against the plan (flags)", () => {
  test("in the preview: red below the plan to date, green at or above it, following what is typed", async () => {
    const { book, type } = await planAndReport(PLAN_1961_65_QUARTERS, { reportPeriod: 3 });
    const sheet = book.hf.getSheetId(book.hf.getSheetNames().at(-1)!)!;
    const look = book.look(sheet);
    // % of the year's plan and of the plan to date, both by the plan to date; % of last year by itself.
    expect(look.flags.map((f) => [f.area, f.basisCol])).toContainEqual([{ row: 11, col: 7, rows: 2, cols: 1 }, 8]);
    expect(look.flags.map((f) => [f.area, f.basisCol])).toContainEqual([{ row: 11, col: 9, rows: 2, cols: 1 }, 9]);
    const flag = (col = 7) => {
      // What applyFlag sets of a cell element (the unit tests have no DOM).
      const td = { dataset: {} as Record<string, string>, style: {} } as unknown as HTMLElement;
      applyFlag(td, look.flags, 11, col, (row, c) => book.hf.getCellValue({ sheet, row, col: c }));
      return td.dataset.flag;
    };
    expect(flag()).toBe("below"); // nothing done yet: 0 % of the plan to date
    expect(flag(9)).toBeUndefined(); // no last year's actual: no number to judge
    [640, 690, 701].forEach((q, k) => type(`E${50 + k}`, q));
    expect(flag()).toBe("below"); // 2,031 against 2,070.75 to date
    type("E52", 800);
    expect(flag()).toBe("met");
  });

  test("in Excel: two custom conditional formats per area, the basis column fixed and the row relative", async () => {
    installExcelEnums();
    const excel = new FakeExcel("Sheet1");
    const plan = renderTemplate(PLAN_REPORT, REPORT_1965_Q3, "vi");
    const outcome = await excelWorkbook(excel.run).insert(
      plan,
      { template: "planReport", lang: "vi", inputs: REPORT_1965_Q3 },
      { kind: "newSheet" },
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const rules = excel.sheet(outcome.sheetName).conditionals;
    expect(rules).toHaveLength(2 * plan.flags!.length);
    expect(rules).toContain(`${outcome.sheetName}!H12:H13 =AND(ISNUMBER($I12),$I12<1) font=#9C0006 fill=#FFC7CE`);
    expect(rules).toContain(`${outcome.sheetName}!H12:H13 =AND(ISNUMBER($I12),$I12>=1) font=#006100 fill=#C6EFCE`);
  });
});

describe("the report's flags in a saved file", () => {
  test("saved as two expression rules per area and read back as the same flags, dropping nothing; a foreign rule is dropped and said", async () => {
    const { book } = await planAndReport(PLAN_1961_65_QUARTERS, { reportPeriod: 3 });
    const snapshot = bookSnapshot(book);
    const flagged = snapshot.sheets.find((s) => s.flags)!;
    const bytes = await writeWorkbook(snapshot);
    const back = await readWorkbook(bytes, "report.xlsx");
    if (!back.ok) throw new Error("not read");
    expect(back.dropped).not.toContain("conditional");
    expect(back.book.sheets.find((s) => s.name === flagged.name)!.flags).toEqual(flagged.flags);

    // Another rule beside ours (a user's own "above 2" format) cannot come in: it is said.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    wb.getWorksheet(flagged.name)!.addConditionalFormatting({
      ref: "C12",
      rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["2"], priority: 9, style: {} }],
    });
    const edited = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "report.xlsx");
    if (!edited.ok) throw new Error("not read");
    expect(edited.dropped).toContain("conditional");
    expect(edited.book.sheets.find((s) => s.name === flagged.name)!.flags).toEqual(flagged.flags);
  });
});

describe("the report by period, and its charts", () => {
  test("each quarter's plan and actual in total and for the product charted, the cumulative % from the year's start", async () => {
    const { type, value } = await planAndReport(PLAN_1961_65_QUARTERS, { reportPeriod: 3 });
    // Rows 27–30: quarters 1–4; the plan split evenly, 2,761 ÷ 4.
    expectClose(value("A29"), 3);
    expectClose(value("B27"), 2761 / 4);
    expect(value("C27")).toBe(""); // no actual typed yet: a gap in the chart, not a zero
    [640, 690].forEach((q, k) => type(`E${50 + k}`, q));
    expectClose(value("C28"), 690);
    expectClose(value("D28"), (640 + 690) / (2761 / 2));
    expect(value("C29")).toBe("");
    // The one product is the product charted.
    expectClose(value("F28"), 690);
    expectClose(value("G28"), (640 + 690) / (2761 / 2));
  });

  test("the charts are declared over the table by period: columns of plan and actual, the cumulative % as a line", () => {
    const plan = renderTemplate(PLAN_REPORT, REPORT_1965_Q3, "en");
    expect(plan.charts?.map((c) => [c.key, c.title, c.series.map((s) => `${s.kind} ${s.name}`)])).toEqual([
      ["total", "All products: plan and actual by period", ["column Plan", "column Actual", "line Cumulative %"]],
      [
        "product",
        "Tổng sản lượng công nghiệp: plan and actual by period",
        ["column Plan", "column Actual", "line Cumulative %"],
      ],
    ]);
    // Side by side, under the table, never across a page break.
    const [total, product] = plan.charts!;
    expect(total.area.row).toBe(product.area.row);
    expect(total.area.col + total.area.cols).toBe(product.area.col);
    expect(plan.pageBreaks.some((b) => b > total.area.row && b < total.area.row + total.area.rows)).toBe(false);
  });

  test("the product charted must be one of the plan's", () => {
    const inputs = { ...REPORT_1965_Q3, fields: { ...REPORT_1965_Q3.fields, chartProduct: "Xi măng" } };
    expect(validateInputs(PLAN_REPORT, inputs)).toEqual([
      expect.objectContaining({
        path: "chartProduct",
        message: expect.objectContaining({ en: "Choose one of the plan's products." }),
      }),
    ]);
  });
});

describe("the report's charts in Excel", () => {
  test("clustered columns of plan and actual by quarter, the cumulative % a line on the second axis, over the rows left for them; an update replaces them", async () => {
    installExcelEnums();
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    const plan = renderTemplate(PLAN_REPORT, REPORT_1965_Q3, "vi");
    const outcome = await port.insert(
      plan,
      { template: "planReport", lang: "vi", inputs: REPORT_1965_Q3 },
      { kind: "newSheet" },
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const name = outcome.sheetName;
    const charts = excel.sheet(name).charts;
    expect(charts.map((c) => c.name)).toEqual(["HT_total", "HT_product"]);
    expect(charts[0]).toEqual({
      name: "HT_total",
      type: "ColumnClustered",
      title: "Toàn đơn vị: kế hoạch và thực hiện từng kỳ",
      legend: "Bottom",
      series: [
        { name: "Kế hoạch", values: `${name}!B27:B30`, x: `${name}!A27:A30` },
        { name: "Thực hiện", values: `${name}!C27:C30`, x: `${name}!A27:A30` },
        { name: "% lũy kế", values: `${name}!D27:D30`, x: `${name}!A27:A30`, type: "Line", axis: "Secondary" },
      ],
      from: `${name}!A32`,
      to: `${name}!E47`,
    });
    const [entry] = (await port.listFilled()).filter((f) => "stored" in f && f.stored.template === "planReport");
    if (!("stored" in entry)) throw new Error("not listed");
    const again = await port.update(entry.partId, entry.stored, plan, {
      template: "planReport",
      lang: "vi",
      inputs: REPORT_1965_Q3,
    });
    expect(again.ok).toBe(true);
    expect(excel.sheet(name).charts.map((c) => c.name)).toEqual(["HT_total", "HT_product"]);
  });
});
