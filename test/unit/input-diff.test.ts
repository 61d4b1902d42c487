import { diffInputs } from "../../src/workbook/input-diff";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { CONTRACT } from "../../src/templates/contract";
import type { Inputs } from "../../src/templates/model";
import { CONTRACT_TWO_GRADES, PLAN_COOPERATIVE } from "../fixtures/samples";

const products = PLAN_COOPERATIVE.tables.products;
const withProducts = (rows: Inputs["tables"][string]): Inputs => ({
  ...PLAN_COOPERATIVE,
  tables: { ...PLAN_COOPERATIVE.tables, products: rows },
});

describe("what a co-author changed", () => {
  test("nothing, for the same inputs", () => {
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, structuredClone(PLAN_COOPERATIVE), "vi")).toEqual([]);
  });

  test("a field, named as the form names it and shown in the reader's number format", () => {
    const after = { ...PLAN_COOPERATIVE, fields: { ...PLAN_COOPERATIVE.fields, hoursPerWorker: 2500.5 } };
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, after, "vi")).toEqual([
      { path: "hoursPerWorker", label: "Giờ công một lao động trong năm", before: "2.400", after: "2.500,5" },
    ]);
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, after, "en")).toEqual([
      { path: "hoursPerWorker", label: "Working hours per worker per year", before: "2,400", after: "2,500.5" },
    ]);
  });

  test("a table cell, by table, row and column", () => {
    const after = withProducts([products[0], { ...products[1], planQty: 1200 }]);
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, after, "en")).toEqual([
      { path: "products[1].planQty", label: "Products, row 2: Planned quantity", before: "1,000", after: "1,200" },
    ]);
  });

  test("rows added and removed, with what they hold", () => {
    const added = withProducts([
      ...products,
      { name: "Chiếu cói", uom: "chiếc", baseQty: 10, planQty: 20, price: 5, timeNorm: null },
    ]);
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, added, "vi")).toEqual([
      {
        path: "products[2]",
        label: "Sản phẩm, dòng 3",
        before: "(dòng thêm)",
        after: "Chiếu cói · chiếc · 10 · 20 · 5",
      },
    ]);
    const removed = withProducts([products[0]]);
    expect(diffInputs(PLAN_TARGETS, PLAN_COOPERATIVE, removed, "en")).toEqual([
      {
        path: "products[1]",
        label: "Products, row 2",
        before: "Mành tre · bộ · 800 · 1,000 · 42 · 12",
        after: "(row removed)",
      },
    ]);
  });

  test("a date as the form shows it, and an emptied field", () => {
    const after = {
      ...CONTRACT_TWO_GRADES,
      fields: { ...CONTRACT_TWO_GRADES.fields, signDate: "1966-01-20", buyerRep: null },
    };
    const changes = diffInputs(CONTRACT, CONTRACT_TWO_GRADES, after, "vi");
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ["signDate", "15/01/1966", "20/01/1966"],
      ["buyerRep", "Nguyễn Văn A", ""],
    ]);
  });
});
