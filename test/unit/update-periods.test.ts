/**
 * Update of a plan followed by quarter or month keeps every period actual by its key (product,
 * period), asks about those whose product or period is gone, and keeps a copy of the sheet when
 * months become quarters — against the fake Excel.
 */
import { excelWorkbook } from "../../src/excel/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import type { Stored } from "../../src/workbook/payload";
import type { Inputs } from "../../src/templates/model";
import type { UpdateAnswers } from "../../src/workbook/update-plan";
import type { Filled } from "../../src/workbook/port";
import { PLAN_1961_65, PLAN_1961_65_QUARTERS, PLAN_COOPERATIVE } from "../fixtures/samples";
import { FakeExcel, REQUEST_LIMIT, installExcelEnums } from "../support/fake-excel";

beforeAll(installExcelEnums);

async function written(inputs: Inputs) {
  const excel = new FakeExcel("Sheet1");
  const port = excelWorkbook(excel.run);
  const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
  const outcome = await port.insert(plan, { template: "plan", lang: "vi", inputs }, { kind: "newSheet" });
  if (!outcome.ok) throw new Error(outcome.reason);
  return { excel, port, sheet: outcome.sheetName, plan };
}

async function update(port: ReturnType<typeof excelWorkbook>, inputs: Inputs, answers?: UpdateAnswers) {
  const [filled] = (await port.listFilled()) as Extract<Filled, { stored: Stored }>[];
  return port.update(
    filled.partId,
    filled.stored,
    renderTemplate(PLAN_TARGETS, inputs, "vi"),
    { template: "plan", lang: "vi", inputs },
    { answers },
  );
}

/** The sheet row (1-based) of a product's period in a period table of `plan`. */
function periodRow(plan: ReturnType<typeof renderTemplate>, block: string, product: number, period: number, per = 4) {
  const area = plan.entries.find((e) => e.block === block)!;
  return area.firstRow + product * per + (period - 1) + 1;
}

const withPeriods = (inputs: Inputs, periods: string): Inputs => ({
  ...inputs,
  fields: { ...inputs.fields, periods, periodSplit: "even" },
});
const snapshot = (excel: FakeExcel) => JSON.stringify(excel.sheets.map((s) => [s.name, [...s.cells]]));

const SPINNING = { name: "Sợi", uom: "tấn", baseQty: 10, planQty: 20, price: 5, timeNorm: null };

describe("Update of a plan followed by quarter", () => {
  test("the 1965 quarters: after adding a product above, every actual and last year's stays with its product and quarter", async () => {
    const { excel, port, sheet, plan } = await written(PLAN_1961_65_QUARTERS);
    const typed = [
      ["E", 1, "640"],
      ["E", 2, "690.5"],
      ["E", 3, "701"],
      ["F", 1, "560"],
      ["F", 3, "600"],
      ["J", 2, "1200"],
    ] as const;
    for (const [col, q, text] of typed) excel.type(sheet, `${col}${periodRow(plan, "quarters", 0, q)}`, text);
    excel.type(sheet, "K17", "2700");
    const more: Inputs = {
      ...PLAN_1961_65_QUARTERS,
      tables: { ...PLAN_1961_65_QUARTERS.tables, products: [SPINNING, ...PLAN_1961_65_QUARTERS.tables.products] },
    };
    const outcome = await update(port, more);
    expect(outcome).toMatchObject({ ok: true, sheetName: sheet });
    expect("backup" in outcome && outcome.backup).toBeFalsy();
    const next = renderTemplate(PLAN_TARGETS, more, "vi");
    // The old product is now the second: its quarters are rows 5–8 of the table.
    expect(excel.cell(sheet, `E${periodRow(next, "quarters", 1, 1)}`)).toBe(640);
    expect(excel.cell(sheet, `E${periodRow(next, "quarters", 1, 2)}`)).toBe(690.5);
    expect(excel.cell(sheet, `E${periodRow(next, "quarters", 1, 3)}`)).toBe(701);
    expect(excel.cell(sheet, `E${periodRow(next, "quarters", 1, 4)}`)).toBe("");
    expect(excel.cell(sheet, `F${periodRow(next, "quarters", 1, 1)}`)).toBe(560);
    expect(excel.cell(sheet, `F${periodRow(next, "quarters", 1, 3)}`)).toBe(600);
    expect(excel.cell(sheet, `J${periodRow(next, "quarters", 1, 2)}`)).toBe(1200);
    expect(excel.cell(sheet, `B${periodRow(next, "quarters", 0, 1)}`)).toBe("Sợi");
    for (let q = 1; q <= 4; q++) expect(excel.cell(sheet, `E${periodRow(next, "quarters", 0, q)}`)).toBe("");
    // The year's actual of the old product moved with it to row 18.
    expect(excel.cell(sheet, "K18")).toBe(2700);
  });

  test("a product removed with quarter actuals is asked about by product and quarter; nothing is written first", async () => {
    const two = withPeriods(PLAN_COOPERATIVE, "quarter");
    const { excel, port, sheet, plan } = await written(two);
    excel.type(sheet, `E${periodRow(plan, "quarters", 1, 3)}`, "250");
    const before = snapshot(excel);
    const fewer: Inputs = {
      ...two,
      tables: { ...two.tables, products: [two.tables.products[0]], materials: [two.tables.materials[0]] },
    };
    const outcome = await update(port, fewer);
    expect(outcome).toMatchObject({
      ok: false,
      reason: "ask",
      question: { orphans: [{ label: "Mành tre / Quý 3", values: ["250"] }], edits: [] },
    });
    expect(snapshot(excel)).toBe(before);
  });

  test("switching from months to quarters asks, and keeps a copy of the sheet even when the months are kept", async () => {
    const monthly = withPeriods(PLAN_1961_65, "month");
    const { excel, port, sheet, plan } = await written(monthly);
    excel.type(sheet, `E${periodRow(plan, "months", 0, 7, 12)}`, "230");
    const before = snapshot(excel);
    const quarterly = withPeriods(PLAN_1961_65, "quarter");
    const asked = await update(port, quarterly);
    expect(asked).toMatchObject({
      ok: false,
      reason: "ask",
      question: { orphans: [{ label: "Tổng sản lượng công nghiệp / Tháng 7", values: ["230"] }] },
    });
    expect(snapshot(excel)).toBe(before);
    const kept = await update(port, quarterly, { orphans: "keep" });
    expect(kept).toMatchObject({ ok: true, backup: `${sheet} (trước cập nhật)` });
    expect(excel.cell(`${sheet} (trước cập nhật)`, `E${periodRow(plan, "months", 0, 7, 12)}`)).toBe(230);
    // Below the new plan, with its key: the month's actual in the column it was in.
    const rows = Math.max(plan.rows, renderTemplate(PLAN_TARGETS, quarterly, "vi").rows);
    expect(excel.cell(sheet, `A${rows + 2}`)).toBe("Đã bỏ khỏi mẫu: Tổng sản lượng công nghiệp / Tháng 7");
    expect(excel.cell(sheet, `E${rows + 2}`)).toBe(230);
  });

  test("a year-only plan switched to quarters keeps its year's actuals and asks nothing", async () => {
    const { excel, port, sheet } = await written(PLAN_1961_65);
    excel.type(sheet, "K17", "2700");
    const outcome = await update(port, PLAN_1961_65_QUARTERS);
    expect(outcome).toMatchObject({ ok: true });
    expect("backup" in outcome && outcome.backup).toBeFalsy();
    expect(excel.cell(sheet, "K17")).toBe(2700);
  });

  test("a plan stored before periods existed updates exactly as before: the year-only sheet, no question", async () => {
    const { excel, port, sheet } = await written(PLAN_1961_65);
    excel.type(sheet, "K17", "2700");
    const renamed: Inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, unit: "Bộ Công nghiệp nhẹ" } };
    expect(await update(port, renamed)).toMatchObject({ ok: true });
    expect(excel.cell(sheet, "A2")).toBe("Bộ Công nghiệp nhẹ");
    expect(excel.cell(sheet, "K17")).toBe(2700);
    const texts = [...excel.sheet(sheet).cells.values()].map((c) => c.formula ?? c.value);
    expect(texts.some((t) => String(t).startsWith("7. "))).toBe(false);
  });
});

describe("500 products followed by month fit Excel on the web", () => {
  const big: Inputs = {
    ...withPeriods(PLAN_COOPERATIVE, "month"),
    tables: {
      ...PLAN_COOPERATIVE.tables,
      products: Array.from({ length: 500 }, (_, i) => ({
        name: `Sản phẩm số ${i + 1}`,
        uom: "chiếc",
        baseQty: 1000 + i,
        planQty: 1200 + i,
        price: 3.5,
        timeNorm: 1.5,
      })),
      materials: Array.from({ length: 500 }, (_, i) => ({
        product: `Sản phẩm số ${i + 1}`,
        material: "Mây sợi",
        uom: "kg",
        norm: 0.4,
        stateSupplied: null,
      })),
    },
  };

  test("the plan with its 6,000 product months and 6,000 material months inserts in bands under 5 MB, with progress", async () => {
    const excel = new FakeExcel("Sheet1");
    const seen: [number, number][] = [];
    const plan = renderTemplate(PLAN_TARGETS, big, "vi");
    expect(plan.entries.find((e) => e.block === "months")!.rows).toBe(6000);
    const outcome = await excelWorkbook(excel.run).insert(
      plan,
      { template: "plan", lang: "vi", inputs: big },
      { kind: "newSheet" },
      (done, total) => seen.push([done, total]),
    );
    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toEqual([seen.length, seen.length]);
    expect(Math.max(...excel.requests)).toBeLessThan(REQUEST_LIMIT);
  });
});
