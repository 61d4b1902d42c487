import { CONTRACT } from "../../src/templates/contract";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { address, cellInput, safeSheetName, uniqueSheetName, type CellPlan } from "../../src/templates/cell-plan";
import { defaultInputs, validateInputs } from "../../src/templates/validate";
import { readPayload, type Stored } from "../../src/templates/payload";
import { payloadXml } from "../support/legacy-payload";
import { TEMPLATES } from "../../src/templates/catalog";
import type { Inputs } from "../../src/templates/model";
import { CONTRACT_TWO_GRADES, PLAN_1961_65, PLAN_COOPERATIVE } from "../fixtures/samples";
import { expectGolden } from "../support/golden";

/** A plan as readable text: one line per cell, then formats, names and lists. */
function describePlan(plan: CellPlan): string {
  const lines = [`sheet ${plan.sheetName} ${plan.rows}×${plan.cols} ${plan.orientation}`];
  const cells = [...plan.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of cells) lines.push(`${address({ row: cell.row, col: cell.col, rows: 1, cols: 1 })}\t${JSON.stringify(cellInput(cell.content))}`);
  for (const f of plan.formats) lines.push(`format ${address(f.area)} ${f.format}`);
  for (const s of plan.styles) lines.push(`style ${address(s.area)} ${s.style}`);
  for (const m of plan.merges) lines.push(`merge ${address(m)}`);
  for (const n of plan.names) lines.push(`name ${n.name} ${address(n.area, undefined, true)}`);
  for (const l of plan.lists) lines.push(`list ${address(l.area)} from ${address(l.source, undefined, true)}`);
  for (const h of plan.heights) lines.push(`height ${h.row + 1} ${h.points}`);
  return lines.join("\n") + "\n";
}

describe("rendered templates (golden files)", () => {
  test.each([
    ["plan-1961-65.vi.txt", PLAN_TARGETS, PLAN_1961_65, "vi"],
    ["plan-cooperative.en.txt", PLAN_TARGETS, PLAN_COOPERATIVE, "en"],
    ["contract-two-grades.vi.txt", CONTRACT, CONTRACT_TWO_GRADES, "vi"],
    ["contract-two-grades.en.txt", CONTRACT, CONTRACT_TWO_GRADES, "en"],
  ] as const)("%s", (file, template, inputs, lang) => {
    expect(validateInputs(template, inputs)).toEqual([]);
    expectGolden(file, describePlan(renderTemplate(template, inputs, lang)));
  });

  test("rendering is pure: the same inputs give the same plan, and the inputs are not changed", () => {
    const before = JSON.stringify(PLAN_COOPERATIVE);
    expect(renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi")).toEqual(renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi"));
    expect(JSON.stringify(PLAN_COOPERATIVE)).toBe(before);
  });

  test("the 1961–65 plan computes growth and average annual growth with RRI over the named plan years", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_1961_65, "en");
    const formulas = plan.cells.flatMap((c) => ("formula" in c.content ? [c.content.formula] : []));
    expect(formulas).toContain("=IF(OR(N(G13)<=0,Years<=0),\"\",RRI(Years,G13,H13))");
    expect(formulas).toContain("=PlanYear-BaseYear");
    expect(plan.names.map((n) => n.name)).toEqual(expect.arrayContaining(["BaseYear", "PlanYear", "Years", "GradeTable"]));
  });

  test("the number of plan cells grows with the rows, the number of styles, formats and names does not", () => {
    const rows = (n: number): Inputs => ({
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: Array.from({ length: n }, (_, i) => ({ name: `P${i}`, uom: "cái", baseQty: 10, planQty: 12, price: 1, timeNorm: 1 })),
        materials: [],
      },
    });
    const small = renderTemplate(PLAN_TARGETS, rows(10), "vi");
    const large = renderTemplate(PLAN_TARGETS, rows(1000), "vi");
    expect(large.cells.length).toBeGreaterThan(small.cells.length * 50);
    expect(large.styles.length).toBe(small.styles.length);
    expect(large.formats.length).toBe(small.formats.length);
    expect(large.names.length).toBe(small.names.length);
    expect(large.merges.length).toBe(small.merges.length);
  });
});

describe("text into cells is never code", () => {
  test.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "'quoted", "1966-01-15", "12/5", "1.458"])(
    "user text %s is written with a leading apostrophe, so it stays text",
    (text) => {
      expect(cellInput({ text })).toBe(`'${text}`);
    },
  );

  test("plain text, numbers and the template's own formulas are written as they are", () => {
    expect(cellInput({ text: "Làn mây" })).toBe("Làn mây");
    expect(cellInput({ number: 12.5 })).toBe(12.5);
    expect(cellInput({ formula: "=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
  });

  test("a unit name that starts with = lands in the plan as text, not a formula", () => {
    const plan = renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi");
    const unit = plan.cells.find((c) => "text" in c.content && c.content.text === "=HTX Mây tre Phú Vinh");
    expect(unit && cellInput(unit.content)).toBe("'=HTX Mây tre Phú Vinh");
  });
});

describe("sheet names", () => {
  test("characters Excel forbids are replaced and the name is cut to 31 characters", () => {
    expect(safeSheetName("HĐ 12/HĐKT")).toBe("HĐ 12-HĐKT");
    expect(safeSheetName("a[b]c:d*e?f\\g")).toBe("a-b-c-d-e-f-g");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
  });

  test("a taken name gets a number, compared without case", () => {
    expect(uniqueSheetName("KH 1965", ["kh 1965", "KH 1965 (2)"])).toBe("KH 1965 (3)");
  });
});

describe("form validation", () => {
  test("a fresh form of each template names every required field it lacks, in both languages", () => {
    for (const template of TEMPLATES) {
      const issues = validateInputs(template, defaultInputs(template, "vi"));
      const required = template.fields.filter((f) => f.required && !("default" in f && f.default !== undefined));
      for (const field of required) expect(issues.map((i) => i.path)).toContain(field.key);
      for (const issue of issues) {
        expect(issue.message.vi).not.toBe("");
        expect(issue.message.en).not.toBe("");
      }
    }
  });

  test("a plan year before the base year is refused on the plan-year field", () => {
    const inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, planYear: 1959 } };
    expect(validateInputs(PLAN_TARGETS, inputs).map((i) => i.path)).toEqual(["planYear"]);
  });

  test("text in a number field and an unknown product are named by row and column", () => {
    const inputs: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [{ ...PLAN_COOPERATIVE.tables.products[0], planQty: "nhiều" }, PLAN_COOPERATIVE.tables.products[1]],
        materials: [{ product: "Ghế", material: "Gỗ", uom: "m3", norm: 1, stateSupplied: null }],
      },
    };
    expect(validateInputs(PLAN_TARGETS, inputs).map((i) => i.path)).toEqual(["products[0].planQty", "materials[0].product"]);
  });

  test("a processing contract needs all the material supplied by the buyer", () => {
    const goods = CONTRACT_TWO_GRADES.tables.goods.map((g) => ({ ...g, supplied: 30 }));
    const issues = validateInputs(CONTRACT, { ...CONTRACT_TWO_GRADES, tables: { ...CONTRACT_TWO_GRADES.tables, goods } });
    expect(issues.map((i) => i.path)).toEqual(["goods[0].supplied", "goods[1].supplied"]);
  });

  test("deliveries must add up to 100 %", () => {
    const deliveries = [{ date: "1966-06-30", note: "", share: 0.6 }];
    const issues = validateInputs(CONTRACT, { ...CONTRACT_TWO_GRADES, tables: { ...CONTRACT_TWO_GRADES.tables, deliveries } });
    expect(issues.map((i) => i.path)).toEqual(["deliveries[]"]);
  });

  test("duplicate grade labels are refused", () => {
    const grades = [{ label: "Loại 1", coef: 1 }, { label: " loại 1", coef: 0.9 }];
    const issues = validateInputs(CONTRACT, { ...CONTRACT_TWO_GRADES, tables: { ...CONTRACT_TWO_GRADES.tables, grades } });
    expect(issues.map((i) => i.path)).toContain("grades[1].label");
  });
});

describe("stored inputs in a custom XML part (the format before the state sheet)", () => {
  const stored: Stored = {
    template: "contract",
    lang: "vi",
    inputs: CONTRACT_TWO_GRADES,
    placement: { sheetId: "{A1B2}", row: 0, col: 0, rows: 59, cols: 15 },
    // A custom XML part was never written as a state row.
    version: 0,
  };

  test("read back exactly as written, including text with < & > and quotes", () => {
    const tricky = { ...stored, inputs: { ...stored.inputs, fields: { ...stored.inputs.fields, place: `<Hà Nội> & "Hải Phòng" ]]>` } } };
    expect(readPayload(payloadXml(tricky))).toEqual(tricky);
  });

  test("read back after Excel adds an XML declaration and a namespace prefix", () => {
    const xml = payloadXml(stored).replace("<payload", '<?xml version="1.0" encoding="UTF-8"?>\n<ns0:payload').replace("</payload>", "</ns0:payload>");
    expect(readPayload(xml)).toEqual(stored);
  });

  test.each([
    ["foreign XML", "<other xmlns=\"urn:x\">{}</other>"],
    ["broken JSON", payloadXml(stored).replace("{", "{{")],
    ["another version", payloadXml(stored).replace('"version":1', '"version":9')],
    ["unknown template", payloadXml(stored).replace('"template":"contract"', '"template":"invoice"')],
    ["inputs that fail validation", payloadXml({ ...stored, inputs: { ...stored.inputs, fields: { ...stored.inputs.fields, contractNo: null } } })],
    ["a negative placement", payloadXml({ ...stored, placement: { ...stored.placement, row: -1 } })],
    ["a placement below Excel's last row", payloadXml({ ...stored, placement: { ...stored.placement, row: 2_000_000 } })],
    ["a placement past Excel's last column", payloadXml({ ...stored, placement: { ...stored.placement, col: 16_380 } })],
  ])("%s is refused with a message in both languages", (_what, xml) => {
    const result = readPayload(xml);
    expect("problem" in result).toBe(true);
    const { problem } = result as { problem: { vi: string; en: string } };
    expect(problem.vi).toMatch(/không thay đổi gì/);
    expect(problem.en).toMatch(/nothing was changed/);
  });
});

describe("a plan placed away from A1", () => {
  const { relocateFormula } = jest.requireActual("../../src/templates/cell-plan") as typeof import("../../src/templates/cell-plan");

  test("moves every reference, relative or absolute, with the block", () => {
    expect(relocateFormula("=SUM($G$13:$G$14)+E13*F13", { row: 4, col: 1 })).toBe("=SUM($H$17:$H$18)+F17*G17");
    expect(relocateFormula("=Z1+AA2", { row: 0, col: 1 })).toBe("=AA1+AB2");
  });

  test("leaves names, function names, text and the sheet's own words alone", () => {
    const formula = '=IF(OR(N(G13)<=0,Years<=0),"A1 B2",RRI(Years,G13,H13))+LOG10(A1)+HT.COSTPRICE(A1,B2)';
    expect(relocateFormula(formula, { row: 1, col: 1 })).toBe('=IF(OR(N(H14)<=0,Years<=0),"A1 B2",RRI(Years,H14,I14))+LOG10(B2)+HT.COSTPRICE(B2,C3)');
  });
});
