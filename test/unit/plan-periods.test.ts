/**
 * The plan followed by quarter or month: the period tables the renderer writes from the form's
 * choice, the year's target split evenly or typed, and the rules a typed split must meet.
 */
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { validateInputs } from "../../src/templates/validate";
import { address, cellInput, type CellPlan } from "../../src/sheet/cell-plan";
import type { Inputs } from "../../src/templates/model";
import { PLAN_1961_65, PLAN_1961_65_QUARTERS, PLAN_COOPERATIVE } from "../fixtures/samples";
import { expectGolden } from "../support/golden";
import { describePlan } from "../support/describe-plan";

const at = (plan: CellPlan, a1: string) =>
  plan.cells.find((c) => address({ row: c.row, col: c.col, rows: 1, cols: 1 }) === a1)?.content;
const byPeriod = (inputs: Inputs, periods: string, extra: Record<string, unknown> = {}): Inputs => ({
  ...inputs,
  fields: { ...inputs.fields, periods, periodSplit: "even", ...extra } as Inputs["fields"],
});
const entryBlocks = (plan: CellPlan) => plan.entries.map((e) => e.block);

describe("the plan followed by period", () => {
  test("the 1961–65 plan followed by quarter in 1965 (golden file)", () => {
    expect(validateInputs(PLAN_TARGETS, PLAN_1961_65_QUARTERS)).toEqual([]);
    expectGolden(
      "plan-1961-65-quarters.vi.txt",
      describePlan(renderTemplate(PLAN_TARGETS, PLAN_1961_65_QUARTERS, "vi")),
    );
  });

  test("year only, or a plan stored before periods existed, writes exactly the year-only sheet", () => {
    const before = renderTemplate(PLAN_TARGETS, PLAN_1961_65, "vi");
    expect(renderTemplate(PLAN_TARGETS, byPeriod(PLAN_1961_65, "year"), "vi")).toEqual(before);
    expect("periods" in PLAN_1961_65.fields).toBe(false);
    expect(entryBlocks(before)).not.toContain("quarters");
  });

  test("by quarter each product has four rows with yellow cells for actuals and last year's; by month twelve", () => {
    const quarters = renderTemplate(PLAN_TARGETS, byPeriod(PLAN_COOPERATIVE, "quarter"), "en");
    const q = quarters.entries.find((e) => e.block === "quarters")!;
    expect(q.rows).toBe(2 * 4);
    expect(q.cols).toEqual([4, 5, 9, 10, 11, 12]);
    expect(quarters.entries.find((e) => e.block === "materialQuarters")!.rows).toBe(2 * 4);
    const months = renderTemplate(PLAN_TARGETS, byPeriod(PLAN_COOPERATIVE, "month"), "en");
    expect(months.entries.find((e) => e.block === "months")!.rows).toBe(2 * 12);
    expect(entryBlocks(months)).not.toContain("quarters");
    const styles = quarters.styles.filter((s) => s.style === "input").map((s) => address(s.area));
    expect(styles).toEqual(expect.arrayContaining([address({ row: q.firstRow, col: 4, rows: 8, cols: 1 })]));
  });

  test("an even split divides the product's planned quantity, and values use its own price row", () => {
    const plan = renderTemplate(PLAN_TARGETS, byPeriod(PLAN_COOPERATIVE, "quarter"), "en");
    const q = plan.entries.find((e) => e.block === "quarters")!;
    const r = q.firstRow + 1;
    // Products are rows 17 and 18 of the sheet: the second quarter of the first product, the first of the second.
    expect(at(plan, `D${r + 1}`)).toEqual({ formula: "=E17/4" });
    expect(at(plan, `G${r + 1}`)).toEqual({ formula: `=D${r + 1}*F17` });
    expect(at(plan, `D${r + 4}`)).toEqual({ formula: "=E18/4" });
    expect(at(plan, `H${r + 4}`)).toEqual({ formula: `=IF(E${r + 4}="","",E${r + 4}*F18)` });
    expect(at(plan, `B${r + 4}`)).toEqual({ text: "Mành tre" });
    expect(at(plan, `C${r + 4}`)).toEqual({ number: 1 });
  });

  test("a typed split writes the typed quantity of each period instead of the even share", () => {
    const typed: Inputs = {
      ...byPeriod(PLAN_1961_65, "quarter", { periodSplit: "typed" }),
      tables: {
        ...PLAN_1961_65.tables,
        periodPlans: [600, 650, 700, 811].map((qty, k) => ({
          product: "Tổng sản lượng công nghiệp",
          period: k + 1,
          qty,
        })),
      },
    };
    expect(validateInputs(PLAN_TARGETS, typed)).toEqual([]);
    const plan = renderTemplate(PLAN_TARGETS, typed, "vi");
    const q = plan.entries.find((e) => e.block === "quarters")!;
    expect(at(plan, `D${q.firstRow + 3}`)).toEqual({ number: 700 });
    expect(cellInput(at(plan, `D${q.firstRow + 4}`)!)).toBe(811);
  });

  test("typed plans must cover every period once and add up to the year's plan, said on the product", () => {
    const typed = (rows: { period: number; qty: number }[]): Inputs => ({
      ...byPeriod(PLAN_1961_65, "quarter", { periodSplit: "typed" }),
      tables: {
        ...PLAN_1961_65.tables,
        periodPlans: rows.map((r) => ({ product: "Tổng sản lượng công nghiệp", ...r })),
      },
    });
    const paths = (inputs: Inputs) => validateInputs(PLAN_TARGETS, inputs).map((i) => i.path);
    expect(paths(typed([1, 2, 3].map((period) => ({ period, qty: 700 }))))).toEqual(["products[0].planQty"]);
    expect(paths(typed([1, 2, 3, 4].map((period) => ({ period, qty: 700 }))))).toEqual(["products[0].planQty"]);
    expect(paths(typed([1, 2, 3, 5].map((period) => ({ period, qty: 690.25 }))))).toEqual([
      "periodPlans[3].period",
      "products[0].planQty",
    ]);
    expect(paths(typed([1, 2, 3, 3, 4].map((period) => ({ period, qty: 552.2 }))))).toContain("periodPlans[3].period");
    // Typed rows are ignored while the split is even.
    expect(paths({ ...typed([{ period: 1, qty: 1 }]), fields: byPeriod(PLAN_1961_65, "quarter").fields })).toEqual([]);
  });
});
