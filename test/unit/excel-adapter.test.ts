import { OfficeMockObject } from "office-addin-mock";
import { excelWorkbook } from "../../src/excel/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { CONTRACT } from "../../src/templates/contract";
import { renderTemplate } from "../../src/templates/render";
import { address } from "../../src/sheet/cell-plan";
import { PAYLOAD_NAMESPACE, type Stored } from "../../src/workbook/payload";
import { payloadXml } from "../support/legacy-payload";
import { rewriteStored, storedIn, storedOnly } from "../support/state-sheet";
import type { Inputs } from "../../src/templates/model";
import { CONTRACT_TWO_GRADES, PLAN_1961_65, PLAN_COOPERATIVE } from "../fixtures/samples";
import { FakeExcel, installExcelEnums } from "../support/fake-excel";
import { contractWithGoods } from "../fixtures/long";

beforeAll(installExcelEnums);

const withProducts = (n: number): Inputs => ({
  ...PLAN_COOPERATIVE,
  tables: {
    ...PLAN_COOPERATIVE.tables,
    products: Array.from({ length: n }, (_, i) => ({
      name: `Sản phẩm ${i + 1}`,
      uom: "cái",
      baseQty: 100 + i,
      planQty: 120 + i,
      price: 2,
      timeNorm: 0.5,
    })),
    materials: [],
  },
});

async function insertPlan(excel: FakeExcel, inputs: Inputs, where: "newSheet" | "selection" = "newSheet") {
  const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
  const outcome = await excelWorkbook(excel.run).insert(
    plan,
    { template: "plan", lang: "vi", inputs },
    { kind: where },
  );
  return { plan, outcome };
}

/** Updates a filled plan in place with new inputs, as the pane's Update does. */
function updatePlan(port: ReturnType<typeof excelWorkbook>, entry: { partId: string; stored: Stored }, inputs: Inputs) {
  return port.update(entry.partId, entry.stored, renderTemplate(PLAN_TARGETS, inputs, "vi"), {
    template: "plan",
    lang: "vi",
    inputs,
  });
}

describe("the Excel adapter writes a template", () => {
  test("on a new sheet named after the plan year: formulas, formats, names and the stored inputs", async () => {
    const excel = new FakeExcel("Sheet1");
    const { outcome } = await insertPlan(excel, PLAN_1961_65);
    expect(outcome).toEqual({
      ok: true,
      sheetName: "KH 1965",
      address: "A1:M57",
      entry: { partId: expect.stringMatching(/^T[0-9A-Z]{11}$/), version: 1 },
    });
    expect(excel.cell("KH 1965", "G1")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(excel.cell("KH 1965", "A6")).toBe("CHỈ TIÊU KẾ HOẠCH NĂM 1965");
    expect(excel.cell("KH 1965", "D17")).toBe(1458);
    expect(excel.cell("KH 1965", "J17")).toBe('=IF(OR(N(G17)<=0,Years<=0),"",RRI(Years,G17,H17))');
    expect(excel.sheet("KH 1965").formats.get("16,9")).toBe("0.0%");
    expect(excel.sheet("KH 1965").formats.get("16,6")).toBe("#,##0;(#,##0)");
    expect(excel.sheet("KH 1965").names.get("Years")).toBe("KH 1965!C11");
    expect(excel.sheet("KH 1965").printArea).toBe("KH 1965!A1:M57");
    // On A4, as the page rule planned the pages, whatever the Excel's default paper.
    expect(excel.sheet("KH 1965").paperSize).toBe("A4");
    const [stored] = storedOnly(excel);
    expect(stored.inputs).toEqual(PLAN_1961_65);
    expect(stored.version).toBe(1);
    expect(stored.placement).toMatchObject({ sheetId: excel.sheet("KH 1965").id, row: 0, col: 0, rows: 57, cols: 13 });
    // The template's defined name is made from its entry id in the state sheet.
    expect(stored.placement.name).toBe(`HT_${(outcome as { entry: { partId: string } }).entry.partId}`);
    expect(excel.names.get(stored.placement.name!)).toBe("KH 1965!A1:M57");
  });

  test("as a document: the page setup as declared (breaks, footer, no header repeated on a short plan), tables ruled, the motto underlined", async () => {
    const excel = new FakeExcel("Sheet1");
    const { plan } = await insertPlan(excel, PLAN_1961_65);
    const sheet = excel.sheet("KH 1965");
    // Every table of the sample fits on a page: no rows repeat, so no page shows a stray header.
    expect(sheet.printTitles).toBeUndefined();
    expect(sheet.pageBreaks).toEqual(plan.pageBreaks.map((row) => `KH 1965!A${row + 1}`));
    expect(sheet.footer).toBe("Trang &P/&N");
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"])
      expect(sheet.looks).toContain(`KH 1965!A16:M18 border${edge}=Continuous`);
    expect(sheet.looks).toContain("KH 1965!G2:M2 underline=Single");
    expect(sheet.looks).toContain("KH 1965!G4:M4 align=Right");
  });

  test("every cell with a look is set at the top of its row and a table's header in the middle, as the file and the preview set them", async () => {
    const excel = new FakeExcel("Sheet1");
    const { plan } = await insertPlan(excel, PLAN_1961_65);
    const set = excel.sheet("KH 1965").looks.filter((l) => l.includes(" valign="));
    const header = plan.styles.filter((s) => s.style === "header");
    expect(header.length).toBeGreaterThan(1);
    expect(set.length).toBe(plan.styles.length);
    for (const { area, style } of plan.styles) {
      const at = `KH 1965!${address(area)}`;
      expect(set).toContain(`${at} valign=${style === "header" ? "Center" : "Top"}`);
    }
  });

  test("a contract of 150 goods: its list printed as an appendix whose header repeats on its pages, the breaks and the footer as declared", async () => {
    const excel = new FakeExcel("Sheet1");
    const inputs = contractWithGoods(150);
    const plan = renderTemplate(CONTRACT, inputs, "en");
    const port = excelWorkbook(excel.run);
    const outcome = await port.insert(plan, { template: "contract", lang: "en", inputs }, { kind: "newSheet" });
    expect(outcome.ok).toBe(true);
    const sheet = excel.sheet(plan.sheetName);
    const header = plan.printTitles!;
    expect(plan.cells).toContainEqual({ row: header.row, col: 1, content: { text: "Goods" } });
    expect(sheet.printTitles).toBe(`${sheet.name}!A${header.row + 1}:O${header.row + 1}`);
    // The appendix starts a page of its own (a manual break before its title).
    expect(plan.pageBreaks.length).toBeGreaterThan(0);
    expect(sheet.pageBreaks).toEqual(plan.pageBreaks.map((row) => `${sheet.name}!A${row + 1}`));
    expect(sheet.footer).toBe("Page &P of &N");
  });

  test("a second plan for the same year gets its own sheet, not the first one's", async () => {
    const excel = new FakeExcel("Sheet1");
    await insertPlan(excel, PLAN_1961_65);
    const { outcome } = await insertPlan(excel, PLAN_1961_65);
    expect(outcome).toMatchObject({ ok: true, sheetName: "KH 1965 (2)" });
  });

  // 2 to check and write the cells, 1 to find no state sheet (3 to read one), 1 to write its row.
  test.each([10, 1000])(
    "with %i product rows in exactly 4 context.sync() calls, 6 next to another template",
    async (rows) => {
      const excel = new FakeExcel("Sheet1");
      const { outcome } = await insertPlan(excel, withProducts(rows));
      expect(outcome.ok).toBe(true);
      expect(excel.syncs).toBe(4);
      excel.syncs = 0;
      await insertPlan(excel, withProducts(rows));
      expect(excel.syncs).toBe(6);
    },
  );

  test("text that starts with = + - @ lands as text, behind an apostrophe, never as a formula", async () => {
    const excel = new FakeExcel("Sheet1");
    const inputs = withProducts(2);
    const tricky: Inputs = {
      ...inputs,
      fields: { ...inputs.fields, unit: '=WEBSERVICE("http://x")', issuer: "@evil" },
      tables: { ...inputs.tables, products: [{ ...inputs.tables.products[0], name: "+cmd|' /C calc'!A0", uom: "-1" }] },
    };
    await insertPlan(excel, tricky);
    const sheet = excel.sheet("KH 1974");
    const texts = [...sheet.cells.values()].filter((c) => c.kind === "text").map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(['=WEBSERVICE("http://x")', "@evil", "+cmd|' /C calc'!A0", "-1"]));
    const formulas = [...sheet.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.some((f) => /WEBSERVICE|calc|evil/.test(f))).toBe(false);
  });

  test("at the selection when the area is empty, with its formulas anchored there", async () => {
    const excel = new FakeExcel("Sheet1");
    excel.selection = { sheet: 0, row: 4, col: 1 };
    const { outcome } = await insertPlan(excel, PLAN_1961_65, "selection");
    expect(outcome).toEqual({
      ok: true,
      sheetName: "Sheet1",
      address: "B5:N61",
      entry: { partId: expect.any(String), version: 1 },
    });
    expect(excel.cell("Sheet1", "B10")).toBe("CHỈ TIÊU KẾ HOẠCH NĂM 1965");
    expect(excel.cell("Sheet1", "H21")).toBe("=E21*G21");
    // The checks, one band of cells, the state sheet looked for (none yet), its first row.
    expect(excel.syncs).toBe(4);
  });
});

describe("the Excel adapter never overwrites", () => {
  test("a non-empty selected area is refused and no cell, name or part changes", async () => {
    const excel = new FakeExcel("Sheet1");
    excel.type("Sheet1", "D11", "số liệu của tôi");
    excel.type("Sheet1", "A1", "=SUM(B1:B3)");
    const before = JSON.stringify([...excel.sheet("Sheet1").cells]);
    const { outcome } = await insertPlan(excel, PLAN_1961_65, "selection");
    expect(outcome).toEqual({ ok: false, reason: "notEmpty", address: "Sheet1!A1:M57" });
    expect(JSON.stringify([...excel.sheet("Sheet1").cells])).toBe(before);
    expect(excel.sheet("Sheet1").names.size).toBe(0);
    expect(storedIn(excel)).toHaveLength(0);
    expect(excel.sheets).toHaveLength(1);
  });

  test("a second template on a sheet that holds one is refused (its names would clash)", async () => {
    const excel = new FakeExcel("Sheet1");
    await insertPlan(excel, PLAN_1961_65, "selection");
    excel.selection = { sheet: 0, row: 100, col: 0 };
    const { outcome } = await insertPlan(excel, PLAN_1961_65, "selection");
    expect(outcome).toMatchObject({ ok: false, reason: "sheetHasTemplate" });
    expect(storedIn(excel)).toHaveLength(1);
  });

  test("an update that would grow into cells the user filled is refused, and nothing changes", async () => {
    const excel = new FakeExcel("Sheet1");
    await insertPlan(excel, withProducts(2));
    const port = excelWorkbook(excel.run);
    const [filled] = await port.listFilled();
    if (!("stored" in filled)) throw new Error("expected a stored template");
    // Below the 56 rows of the two-product plan, inside the 110 rows of the twenty-product one.
    excel.type(filled.sheetName, "A71", "ghi chú của kế toán");
    const before = JSON.stringify([...excel.sheet(filled.sheetName).cells]);
    const bigger = withProducts(20);
    const outcome = await updatePlan(port, filled, bigger);
    expect(outcome).toMatchObject({ ok: false, reason: "notEmpty" });
    expect(JSON.stringify([...excel.sheet(filled.sheetName).cells])).toBe(before);
  });
});

describe("the Excel adapter reopens and updates", () => {
  test("lists stored templates and updates one in place, in a constant number of syncs", async () => {
    const excel = new FakeExcel("Sheet1");
    await insertPlan(excel, withProducts(3));
    const port = excelWorkbook(excel.run);
    const filled = await port.listFilled();
    expect(filled).toHaveLength(1);
    const entry = filled[0];
    if (!("stored" in entry)) throw new Error("expected a stored template");
    expect(entry.sheetName).toBe("KH 1974");
    const changed = withProducts(2);
    excel.syncs = 0;
    const outcome = await updatePlan(port, entry, changed);
    expect(outcome).toMatchObject({ ok: true, sheetName: "KH 1974", entry: { partId: entry.partId, version: 2 } });
    // 3 to read and check the stored state; 3 reads of the cells (sheet and name; the area; the
    // cells it grows into); one band of writes; 1 for the state row.
    expect(excel.syncs).toBe(8);
    // Two products now: rows 17–18, the totals on row 19 where the third product stood.
    expect(excel.cell("KH 1974", "B18")).toBe("Sản phẩm 2");
    expect(excel.cell("KH 1974", "A19")).toBe("Cộng");
    expect(excel.cell("KH 1974", "B19")).toBe("");
    expect(excel.cell("KH 1974", "G19")).toBe("=SUM($G$17:$G$18)");
    expect(storedOnly(excel).map((s) => [s.version, s.inputs])).toEqual([[2, changed]]);
  });

  test("a template stored with another host's sheet id (a file saved by the preview) is found by its name, updates and freezes", async () => {
    const excel = new FakeExcel("Sheet1");
    await insertPlan(excel, withProducts(3));
    // The preview numbers its sheets; Excel's ids are its own.
    rewriteStored(excel, (stored) => ({ ...stored, placement: { ...stored.placement, sheetId: "1" } }));
    const port = excelWorkbook(excel.run);
    const [entry] = await port.listFilled();
    if (!("stored" in entry)) throw new Error(`listed as ${JSON.stringify(entry)}`);
    const sheetId = excel.sheet("KH 1974").id;
    expect(entry).toMatchObject({ sheetName: "KH 1974", stored: { placement: { sheetId } } });
    const changed = withProducts(2);
    const outcome = await updatePlan(port, entry, changed);
    expect(outcome).toMatchObject({ ok: true, sheetName: "KH 1974" });
    // The update stores this Excel's id: the next list needs no name to find it.
    expect(storedOnly(excel)[0].placement.sheetId).toBe(sheetId);
    expect(await port.freeze(sheetId, "vi")).toBe("KH 1974 (giá trị)");
  });

  test("a damaged or foreign payload in an old-format part is listed with a clear message and changes nothing", async () => {
    const excel = new FakeExcel("Sheet1");
    excel.parts.set("p1", `<payload xmlns="${PAYLOAD_NAMESPACE}">{not json</payload>`);
    excel.parts.set(
      "p2",
      `<payload xmlns="${PAYLOAD_NAMESPACE}">${JSON.stringify({ version: 1, template: "invoice" })}</payload>`,
    );
    const filled = await excelWorkbook(excel.run).listFilled();
    expect(filled.map((f) => ("problem" in f ? f.problem.en : "ok"))).toEqual([
      expect.stringContaining("damaged or not Hạch Toán's"),
      expect.stringContaining("damaged or not Hạch Toán's"),
    ]);
    expect(excel.parts.size).toBe(2);
    expect(excel.sheets).toHaveLength(1);
  });

  test("a stored template whose sheet was deleted is listed as such", async () => {
    const excel = new FakeExcel("Sheet1");
    const stored: Stored = {
      template: "contract",
      lang: "vi",
      inputs: CONTRACT_TWO_GRADES,
      placement: { sheetId: "{gone}", row: 0, col: 0, rows: 5, cols: 5 },
      version: 0,
    };
    excel.parts.set("p1", payloadXml(stored));
    const [entry] = await excelWorkbook(excel.run).listFilled();
    expect("problem" in entry && entry.problem.en).toMatch(/deleted/);
  });

  test("freeze as values makes a copy with values only, named for the recipient", async () => {
    const excel = new FakeExcel("Sheet1");
    const plan = renderTemplate(CONTRACT, CONTRACT_TWO_GRADES, "vi");
    await excelWorkbook(excel.run).insert(
      plan,
      { template: "contract", lang: "vi", inputs: CONTRACT_TWO_GRADES },
      { kind: "newSheet" },
    );
    const source = excel.sheet("HĐ 12-HĐKT");
    excel.syncs = 0;
    const name = await excelWorkbook(excel.run).freeze(source.id, "vi");
    expect(name).toBe("HĐ 12-HĐKT (giá trị)");
    expect(excel.syncs).toBe(2);
    expect(excel.sheet(name).cells.size).toBe(source.cells.size);
  });
});

describe("the workbook asks Excel to reopen the pane", () => {
  test("Office.AutoShowTaskpaneWithDocument is set and saved in the document settings", async () => {
    const saved: Record<string, unknown> = {};
    const settings = new OfficeMockObject({
      set: (name: string, value: unknown) => (saved[name] = value),
      saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
    } as never);
    (globalThis as Record<string, unknown>).Office = {
      context: { document: { settings } },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    };
    await excelWorkbook(new FakeExcel("Sheet1").run).keepPaneOpen();
    expect(saved).toEqual({ "Office.AutoShowTaskpaneWithDocument": true });
  });
});
