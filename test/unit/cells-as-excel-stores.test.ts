/**
 * Text stays text, freeze copies values as values, dates are Excel's serials — checked against
 * the fake Excel, which converts a written string as Excel documents it does.
 */
import { excelWorkbook } from "../../src/excel/workbook";
import { address, cellInput } from "../../src/sheet/cell-plan";
import { CONTRACT } from "../../src/templates/contract";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { validateInputs } from "../../src/templates/validate";
import { excelSerial } from "../../src/templates/values";
import { PAYLOAD_NAMESPACE, readPayload, type Stored } from "../../src/workbook/payload";
import { payloadXml } from "../support/legacy-payload";
import type { Inputs } from "../../src/templates/model";
import { CONTRACT_TWO_GRADES, PLAN_COOPERATIVE } from "../fixtures/samples";
import { FakeExcel, excelEntry, installExcelEnums } from "../support/fake-excel";

beforeAll(installExcelEnums);

/** What Excel makes of each string written as it is, through Range.values or Range.formulas. */
const CONVERTED: [string, string, string | number | boolean][] = [
  ["TRUE", "boolean", true],
  ["#N/A", "error", "#N/A"],
  ["$5", "number", 5],
  ["1 1/2", "number", 1.5],
  ["12:30", "number", 12.5 / 24],
  ["007", "number", 7],
  ["5%", "number", 0.05],
  ["1/2", "number", excelSerial("2026-01-02")],
  ['=HYPERLINK("h://x")', "formula", 0],
  ["+1+1", "formula", 0],
  ["-x", "formula", 0],
  ["@x", "formula", 0],
];

describe("what Excel stores for a string written as it is (the fake, as documented)", () => {
  test.each(CONVERTED)("%s becomes a %s", (text, kind, value) => {
    expect(excelEntry(text, undefined)).toMatchObject({ kind, value });
  });

  test.each(CONVERTED)("%s stays text behind the quote prefix, or under the text format @", (text) => {
    expect(excelEntry(`'${text}`, undefined)).toEqual({ kind: "text", value: text, quoted: true });
    expect(excelEntry(text, "@")).toEqual({ kind: "text", value: text });
  });
});

describe("every text the template writes stays text", () => {
  test.each(CONVERTED.map(([text]) => text))(
    "%s as the unit, a product and its unit of measure is stored as that text",
    async (text) => {
      const inputs: Inputs = {
        ...PLAN_COOPERATIVE,
        fields: { ...PLAN_COOPERATIVE.fields, unit: text, issuer: text },
        tables: {
          ...PLAN_COOPERATIVE.tables,
          products: [{ ...PLAN_COOPERATIVE.tables.products[0], name: text, uom: text }],
          materials: [],
        },
      };
      expect(validateInputs(PLAN_TARGETS, inputs)).toEqual([]);
      const excel = new FakeExcel("Sheet1");
      const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
      await excelWorkbook(excel.run).insert(plan, { template: "plan", lang: "vi", inputs }, { kind: "newSheet" });
      const places = plan.cells
        .filter((c) => "text" in c.content && c.content.text === text)
        .map((c) => address({ ...c, rows: 1, cols: 1 }));
      // The unit and the issuer, the product (in two tables) and its unit of measure.
      expect(places.length).toBeGreaterThanOrEqual(5);
      for (const cell of places)
        expect(excel.stored("KH 1974", cell)).toEqual({ kind: "text", value: text, quoted: true });
    },
  );

  test("plain words are written without a prefix", () => {
    expect(cellInput({ text: "Làn mây xuất khẩu" })).toBe("Làn mây xuất khẩu");
    expect(cellInput({ text: "1. Sản phẩm và giá trị sản lượng" })).toBe("1. Sản phẩm và giá trị sản lượng");
  });
});

describe("freeze copies values as values", () => {
  test("a frozen copy holds no formula, and text that starts with = + - @ is still that text", async () => {
    const inputs: Inputs = {
      ...PLAN_COOPERATIVE,
      fields: { ...PLAN_COOPERATIVE.fields, unit: "=1+1", issuer: "@x" },
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [{ ...PLAN_COOPERATIVE.tables.products[0], name: "+1+1", uom: "-x" }],
        materials: [],
      },
    };
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await port.insert(
      renderTemplate(PLAN_TARGETS, inputs, "vi"),
      { template: "plan", lang: "vi", inputs },
      { kind: "newSheet" },
    );
    const source = excel.sheet("KH 1974");
    expect([...source.cells.values()].some((c) => c.kind === "formula")).toBe(true);
    const name = await port.freeze(source.id, "en");
    expect(name).toBe("KH 1974 (values)");
    const frozen = excel.sheet(name);
    expect([...frozen.cells.values()].filter((c) => c.kind === "formula")).toEqual([]);
    // The heading: superior body on A1, unit on A2; the first product on row 17.
    expect(excel.stored(name, "A2")).toMatchObject({ kind: "text", value: "=1+1" });
    expect(excel.stored(name, "A1")).toMatchObject({ kind: "text", value: "@x" });
    expect(excel.stored(name, "B17")).toMatchObject({ kind: "text", value: "+1+1" });
    expect(excel.stored(name, "C17")).toMatchObject({ kind: "text", value: "-x" });
    // Formats and merges come with the sheet's copy (the first product's price, F17).
    expect(source.formats.get("16,5")).toBeDefined();
    expect(frozen.formats.get("16,5")).toBe(source.formats.get("16,5"));
    expect(frozen.merges.length).toBe(source.merges.length);
  });
});

describe("dates are Excel's serials", () => {
  test.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1966-01-15", 24122],
    ["2000-01-01", 36526],
  ])("%s is serial %i (Excel counts the fictitious 29 February 1900 as 60)", (iso, serial) => {
    expect(excelSerial(iso)).toBe(serial);
  });

  test("a date before 1900 is refused by validation, with a message in both languages", () => {
    const inputs: Inputs = {
      ...CONTRACT_TWO_GRADES,
      fields: { ...CONTRACT_TWO_GRADES.fields, signDate: "1899-12-31" },
    };
    const issues = validateInputs(CONTRACT, inputs).filter((i) => i.path === "signDate");
    expect(issues).toHaveLength(1);
    expect(issues[0].message.en).toMatch(/before 01\/01\/1900/);
    expect(issues[0].message.vi).toMatch(/trước 01\/01\/1900/);
    expect(() => excelSerial("1899-12-31")).toThrow(RangeError);
  });

  test("a contract's deliveries on 1 February and 1 March 1900 get serials 32 and 61 in their cells", () => {
    const inputs: Inputs = {
      ...CONTRACT_TWO_GRADES,
      fields: { ...CONTRACT_TWO_GRADES.fields, signDate: "1900-01-15", startDate: "1900-02-01", endDate: "1900-12-31" },
      tables: {
        ...CONTRACT_TWO_GRADES.tables,
        deliveries: [
          { date: "1900-02-01", note: "Đợt 1", share: 0.5 },
          { date: "1900-03-01", note: "Đợt 2", share: 0.5 },
        ],
      },
    };
    expect(validateInputs(CONTRACT, inputs)).toEqual([]);
    const plan = renderTemplate(CONTRACT, inputs, "vi");
    const dated = plan.formats.filter((f) => f.format === "date").map((f) => f.area);
    const serials = plan.cells
      .filter((c) =>
        dated.some((a) => c.row >= a.row && c.row < a.row + a.rows && c.col >= a.col && c.col < a.col + a.cols),
      )
      .flatMap((c) => ("number" in c.content ? [c.content.number] : []));
    expect(serials).toEqual([32, 61]);
  });
});

describe("the stored payload is read within bounds", () => {
  const stored: Stored = {
    template: "plan",
    lang: "vi",
    inputs: PLAN_COOPERATIVE,
    placement: { sheetId: "{S1}", row: 0, col: 0, rows: 37, cols: 13 },
    version: 0,
  };
  const problem = (placement: Record<string, unknown>) => {
    const read = readPayload(payloadXml({ ...stored, placement: placement as never }));
    return "problem" in read ? read.problem.en : "read";
  };

  test.each([
    ["a row beyond the grid", { row: 2_000_000 }],
    ["a column beyond the grid", { col: 16_384 }],
    ["an area that runs off the last row", { row: 1_048_570, rows: 37 }],
    ["a negative row", { row: -1 }],
    ["a name that is not the add-in's", { name: "=HYPERLINK(1)" }],
    ["a fingerprint that is not one", { written: { rows: "<x>", entries: [] } }],
  ])("%s is refused as damaged", (_, change) => {
    expect(problem({ ...stored.placement, ...change })).toMatch(/damaged or not Hạch Toán's \(placement\)/);
  });

  test("a payload without its closing tag, or another namespace, is damaged", () => {
    const xml = payloadXml(stored);
    expect("problem" in readPayload(xml.slice(0, -3))).toBe(true);
    expect("problem" in readPayload(xml.replace(PAYLOAD_NAMESPACE, "urn:other"))).toBe(true);
    expect(readPayload(xml)).toEqual(stored);
  });

  test("5,000 materials, each naming one of 5,000 products, read back whole", () => {
    const products = Array.from({ length: 5000 }, (_, i) => ({
      name: `SP ${i}`,
      uom: "cái",
      baseQty: 1,
      planQty: 2,
      price: 1,
      timeNorm: null,
    }));
    const materials = products.map((p) => ({
      product: p.name,
      material: "Mây",
      uom: "kg",
      norm: 0.1,
      stateSupplied: null,
    }));
    const big: Stored = {
      ...stored,
      inputs: { ...PLAN_COOPERATIVE, tables: { ...PLAN_COOPERATIVE.tables, products, materials } },
    };
    expect(readPayload(payloadXml(big))).toEqual(big);
  });
});
