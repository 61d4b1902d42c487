/**
 * The pane's "Copy for colleagues without the add-in" in Excel (src/excel/compat-copy.ts), over
 * the fake Excel: each sheet with HT formulas is copied with those formulas translated, the cells
 * with no native form keep their computed value, a cover sheet comes first, the original sheets
 * are not changed, and every request stays under the 5 MB limit.
 */
import { translateFormula } from "../../src/compat/translate";
import { excelWorkbook } from "../../src/excel/workbook";
import { CONTRACT } from "../../src/templates/contract";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { CONTRACT_TWO_GRADES } from "../fixtures/samples";
import { planWithProducts } from "../fixtures/long";
import { FakeExcel, REQUEST_LIMIT, installExcelEnums, type FakeCell } from "../support/fake-excel";

beforeAll(installExcelEnums);

async function written(excel: FakeExcel, template: TemplateDecl, inputs: Inputs) {
  const plan = renderTemplate(template, inputs, "vi");
  const outcome = await excelWorkbook(excel.run).insert(
    plan,
    { template: template.id, lang: "vi", inputs },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error("not written");
  return outcome.sheetName;
}

const cellsOf = (excel: FakeExcel, sheet: string) => new Map<string, FakeCell>(excel.sheet(sheet).cells);

test("a contract's copy: HT formulas translated, the amount in words kept as its text, a cover first, the original as it was", async () => {
  const excel = new FakeExcel("Trang1");
  const name = await written(excel, CONTRACT, CONTRACT_TWO_GRADES);
  // What Excel computed for the amount in words (the fake computes no formulas).
  const sheet = excel.sheet(name);
  const [wordsKey, words] = [...sheet.cells].find(([, c]) => c.formula?.includes("HT.INWORDS"))!;
  sheet.cells.set(wordsKey, { ...words, value: "Sáu triệu hai trăm ba mươi bảy nghìn đồng" });
  const before = cellsOf(excel, name);
  const stateBefore = excel.sheets.filter((s) => s.visibility === "VeryHidden").length;

  const outcome = await excelWorkbook(excel.run).compatibleCopy!("vi");

  expect(outcome).toMatchObject({ made: true, sheets: [`${name} (tương thích)`], cover: "Bản tương thích" });
  if (!outcome.made) throw new Error("no copy");
  // The original is only read.
  expect(cellsOf(excel, name)).toEqual(before);
  // The cover first and shown; the copy after the original; no copy of the state sheet.
  expect(excel.sheets.map((s) => s.name).slice(0, 1)).toEqual(["Bản tương thích"]);
  expect(excel.active).toBe("Bản tương thích");
  expect(excel.sheets.filter((s) => s.visibility === "VeryHidden")).toHaveLength(stateBefore);

  const copy = excel.sheet(`${name} (tương thích)`);
  let translated = 0;
  for (const [key, cell] of before) {
    const now = copy.cells.get(key)!;
    if (!cell.formula) {
      expect(now).toEqual(cell);
      continue;
    }
    const t = translateFormula(cell.formula, { language: "vi" });
    if (t.kind === "native") {
      translated++;
      expect([key, now.formula]).toEqual([key, t.formula]);
    } else if (t.kind === "value") expect([key, now]).toEqual([key, { value: cell.value, kind: "text" }]);
    else expect([key, now.formula]).toEqual([key, cell.formula]);
  }
  expect(translated).toBe(outcome.report.translated);
  expect(translated).toBeGreaterThanOrEqual(5);
  for (const cell of copy.cells.values()) expect(cell.formula ?? "").not.toMatch(/\bHT\./i);
  // Its names are its own: the copy computes from its own inputs.
  expect(copy.names.get("ProfitRate")).toMatch(new RegExp(`^${name} \\(tương thích\\)!`));

  // The cover says what was done, the cell kept as a value named on the copy.
  const cover = excel.sheet("Bản tương thích");
  expect(excel.cell("Bản tương thích", "A1")).toBe("Bản sao tính được không cần Hạch Toán");
  expect(String(excel.cell("Bản tương thích", "A2"))).toContain(`${translated} công thức`);
  const listed = [...cover.cells.values()].map((c) => String(c.value));
  expect(listed).toContain(`'${name} (tương thích)'!${outcome.report.values[0].cell}`);
  expect(outcome.report.values.map((v) => v.sheet)).toEqual([`${name} (tương thích)`]);
});

test("a workbook without HT formulas gets no copy and no new sheet", async () => {
  const excel = new FakeExcel("Trang1");
  excel.type("Trang1", "A1", "=SUM(1,2)");
  const outcome = await excelWorkbook(excel.run).compatibleCopy!("en");
  expect(outcome.made).toBe(false);
  expect(excel.sheets.map((s) => s.name)).toEqual(["Trang1"]);
});

test("a 3,000-product plan is read and written in bands, each request under 5 MB, with progress", async () => {
  const excel = new FakeExcel("Trang1");
  const name = await written(excel, PLAN_TARGETS, planWithProducts(3_000));
  const syncs = excel.syncs;
  const progress: [number, number][] = [];
  const outcome = await excelWorkbook(excel.run).compatibleCopy!("vi", (done, total) => progress.push([done, total]));
  expect(outcome.made).toBe(true);
  expect(excel.cell(`${name} (tương thích)`, "A1")).toBe(excel.cell(name, "A1"));
  expect(Math.max(...excel.requests.slice(syncs), ...excel.responses.slice(syncs))).toBeLessThan(REQUEST_LIMIT);
  // The cells come back band by band, not all with the first read.
  const responses = excel.responses.slice(syncs);
  expect(Math.max(...responses)).toBeLessThan(responses.reduce((a, b) => a + b, 0) / 4);
  // Two syncs to list the sheets, one per band of 20,000 cells read, one per band written.
  const cells = excel.sheet(name).cells.size;
  expect(excel.syncs - syncs).toBeLessThanOrEqual(2 + Math.ceil((cells * 2) / 20_000) + progress.length + 1);
  expect(progress.at(-1)).toEqual([progress.length, progress.length]);
});
