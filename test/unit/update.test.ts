/**
 * Update keeps what people typed, finds the template where it is now, asks before losing
 * anything, and sends large writes in parts Excel on the web accepts — against the fake Excel,
 * which converts strings and moves cells and names as Excel does.
 */
import { excelWorkbook } from "../../src/excel/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { CONTRACT } from "../../src/templates/contract";
import { address } from "../../src/sheet/cell-plan";
import { renderTemplate } from "../../src/templates/render";
import type { Stored } from "../../src/workbook/payload";
import { STATE_SHEET } from "../../src/workbook/state-rows";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import { fingerprint, planUpdate, type UpdateAnswers } from "../../src/workbook/update-plan";
import type { CellPlan } from "../../src/sheet/cell-plan";
import type { Filled } from "../../src/workbook/port";
import {
  CONTRACT_TWO_GRADES,
  NORM_BASKETS,
  PLAN_1961_65,
  PLAN_COOPERATIVE,
  PRICE_PLAN_BASKETS,
} from "../fixtures/samples";
import { FakeExcel, REQUEST_LIMIT, installExcelEnums } from "../support/fake-excel";
import { payloadXml } from "../support/legacy-payload";
import { rewriteStored, storedOnly } from "../support/state-sheet";

beforeAll(installExcelEnums);

const SHEET = "KH 1974";

async function written(inputs: Inputs = PLAN_COOPERATIVE) {
  const excel = new FakeExcel("Sheet1");
  const port = excelWorkbook(excel.run);
  await port.insert(
    renderTemplate(PLAN_TARGETS, inputs, "vi"),
    { template: "plan", lang: "vi", inputs },
    { kind: "newSheet" },
  );
  return { excel, port };
}

async function entry(port: ReturnType<typeof excelWorkbook>): Promise<Extract<Filled, { stored: Stored }>> {
  const [filled] = await port.listFilled();
  if (!("stored" in filled)) throw new Error(`expected a stored template: ${filled.problem.en}`);
  return filled;
}

async function update(port: ReturnType<typeof excelWorkbook>, inputs: Inputs, answers?: UpdateAnswers) {
  const filled = await entry(port);
  return port.update(
    filled.partId,
    filled.stored,
    renderTemplate(PLAN_TARGETS, inputs, "vi"),
    { template: "plan", lang: "vi", inputs },
    { answers },
  );
}

const renamed = (inputs: Inputs, unit: string): Inputs => ({ ...inputs, fields: { ...inputs.fields, unit } });
const snapshot = (excel: FakeExcel) =>
  JSON.stringify([excel.sheets.map((s) => [s.name, [...s.cells], [...s.formats]]), [...excel.parts], [...excel.names]]);

describe("Update keeps the actuals people typed", () => {
  test("actual quantities and hours follow their product by name when the unit is renamed and the products reordered", async () => {
    const { excel, port } = await written();
    // Products on rows 17–18 (actual qty in K), labour on rows 28–29 (hours worked in F).
    excel.type(SHEET, "K17", "14000");
    excel.type(SHEET, "K18", "900");
    excel.type(SHEET, "F28", "21500");
    const reordered: Inputs = {
      ...renamed(PLAN_COOPERATIVE, "HTX Mây tre Phú Vinh mới"),
      tables: { ...PLAN_COOPERATIVE.tables, products: [...PLAN_COOPERATIVE.tables.products].reverse() },
    };
    const formats = new Map(excel.sheet(SHEET).formats);
    const outcome = await update(port, reordered);
    expect(outcome).toMatchObject({ ok: true, sheetName: SHEET });
    // Number formats stay, on rewritten cells and on cells left as they were.
    expect(new Map(excel.sheet(SHEET).formats)).toEqual(formats);
    // The unit line of the heading, under the superior body.
    expect(excel.cell(SHEET, "A2")).toBe("HTX Mây tre Phú Vinh mới");
    expect(excel.cell(SHEET, "B17")).toBe("Mành tre");
    expect(excel.cell(SHEET, "K17")).toBe(900);
    expect(excel.cell(SHEET, "K18")).toBe(14000);
    expect(excel.cell(SHEET, "B29")).toBe("Làn mây xuất khẩu");
    expect(excel.cell(SHEET, "F29")).toBe(21500);
    expect(excel.cell(SHEET, "F28")).toBe("");
  });

  test("a product removed from the form whose actuals hold data is asked about, and nothing is written before the answer", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "K18", "900");
    const before = snapshot(excel);
    const fewer: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [PLAN_COOPERATIVE.tables.products[0]],
        materials: [PLAN_COOPERATIVE.tables.materials[0]],
      },
    };
    const outcome = await update(port, fewer);
    expect(outcome).toMatchObject({
      ok: false,
      reason: "ask",
      question: { orphans: [{ label: "Mành tre", values: ["900"] }], edits: [] },
    });
    expect(snapshot(excel)).toBe(before);
  });

  test("kept rows go below the template, with their key and their actuals", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "K18", "900");
    const fewer: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [PLAN_COOPERATIVE.tables.products[0]],
        materials: [PLAN_COOPERATIVE.tables.materials[0]],
      },
    };
    const outcome = await update(port, fewer, { orphans: "keep" });
    expect(outcome).toMatchObject({ ok: true });
    const rows = renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi").rows; // the old, larger area
    expect(excel.cell(SHEET, `A${rows + 2}`)).toBe("Đã bỏ khỏi mẫu: Mành tre");
    expect(excel.cell(SHEET, `K${rows + 2}`)).toBe(900);
    expect("backup" in outcome && outcome.backup).toBeFalsy();
  });

  test("dropped rows are kept in a backup copy of the sheet, named for what it is", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "K18", "900");
    const fewer: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        products: [PLAN_COOPERATIVE.tables.products[0]],
        materials: [PLAN_COOPERATIVE.tables.materials[0]],
      },
    };
    const outcome = await update(port, fewer, { orphans: "drop" });
    expect(outcome).toMatchObject({ ok: true, backup: "KH 1974 (trước cập nhật)" });
    expect(excel.cell("KH 1974 (trước cập nhật)", "K18")).toBe(900);
    expect(excel.cell(SHEET, "K18")).toBe("");
  });
});

describe("Update asks about template cells a person changed", () => {
  test("a hand-edited price is listed with what the template wrote and what is there now; nothing written yet", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "F17", "4");
    const before = snapshot(excel);
    const outcome = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "ask",
      question: { edits: [{ address: "F17", wrote: "3.5", now: "4" }], orphans: [] },
    });
    expect(snapshot(excel)).toBe(before);
  });

  test("keep leaves the edit and updates the rest; overwrite restores it and keeps a backup", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "F17", "4");
    expect(await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"), { edits: "keep" })).toMatchObject({ ok: true });
    expect(excel.cell(SHEET, "F17")).toBe(4);
    expect(excel.cell(SHEET, "A2")).toBe("HTX mới");
    // The kept edit is now part of what the pane knows was there: asked again, since it still differs.
    const again = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới hơn"), { edits: "overwrite" });
    expect(again).toMatchObject({ ok: true, backup: "KH 1974 (trước cập nhật)" });
    expect(excel.cell(SHEET, "F17")).toBe(3.5);
    expect(excel.cell("KH 1974 (trước cập nhật)", "F17")).toBe(4);
  });

  test("an unchanged sheet updates without a question", async () => {
    const { port } = await written();
    expect(await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"))).toMatchObject({ ok: true });
  });

  test("when this version cannot tell what was written (another renderer), the edit is still asked, marked unknown", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "F17", "4");
    // What an older add-in wrote on row 17 hashes differently from what this one renders.
    rewriteStored(excel, (stored) => {
      const rows = stored.placement.written!.rows.split(".");
      rows[16] = "older";
      return {
        ...stored,
        placement: { ...stored.placement, written: { ...stored.placement.written!, rows: rows.join(".") } },
      };
    });
    const outcome = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "ask",
      question: { edits: [{ address: "F17", wrote: null, now: "4" }] },
    });
  });
});

describe("Update finds the template by its defined name", () => {
  test("after rows are inserted above, it writes where the template is now and the letterhead stays", async () => {
    const { excel, port } = await written();
    excel.type(SHEET, "K17", "14000");
    excel.insertRows(SHEET, 0, 3);
    excel.type(SHEET, "A1", "CÔNG TY MÂY TRE — THƯ NGỎ");
    excel.type(SHEET, "A2", "Kính gửi ban giám đốc");
    const outcome = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"));
    expect(outcome).toMatchObject({ ok: true, address: "A4:M60" });
    expect(excel.cell(SHEET, "A1")).toBe("CÔNG TY MÂY TRE — THƯ NGỎ");
    expect(excel.cell(SHEET, "A2")).toBe("Kính gửi ban giám đốc");
    expect(excel.cell(SHEET, "A3")).toBe("");
    expect(excel.cell(SHEET, "A5")).toBe("HTX mới");
    expect(excel.cell(SHEET, "K20")).toBe(14000);
    expect(excel.cell(SHEET, "G20")).toBe("=D20*F20");
    const stored = (await entry(port)).stored;
    expect(excel.names.get(stored.placement.name!)).toBe("KH 1974!A4:M60");
    expect(stored.placement).toMatchObject({ row: 3, col: 0 });
  });

  test("after rows are inserted inside, it refuses with a reason and changes nothing", async () => {
    const { excel, port } = await written();
    excel.insertRows(SHEET, 13, 1);
    const before = snapshot(excel);
    const outcome = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"));
    expect(outcome).toMatchObject({ ok: false, reason: "structureChanged" });
    expect(snapshot(excel)).toBe(before);
  });
});

describe("a filled template can be forgotten", () => {
  test("its stored inputs and its name only, leaving the sheet", async () => {
    const { excel, port } = await written();
    const filled = await entry(port);
    await port.remove(filled.partId, filled.stored, false);
    expect(storedOnly(excel)).toEqual([]);
    expect(await port.listFilled()).toEqual([]);
    expect(excel.names.size).toBe(0);
    expect(excel.cell(SHEET, "B17")).toBe("Làn mây xuất khẩu");
  });

  test("or with its sheet", async () => {
    const { excel, port } = await written();
    const filled = await entry(port);
    await port.remove(filled.partId, filled.stored, true);
    expect(storedOnly(excel)).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", STATE_SHEET]);
  });
});

describe("large writes fit Excel on the web", () => {
  // A 5,000-product plan through the fake, which gives the event loop back between slices: a
  // few seconds here, more on a loaded machine.
  jest.setTimeout(30_000);
  const big: Inputs = {
    ...PLAN_COOPERATIVE,
    tables: {
      ...PLAN_COOPERATIVE.tables,
      products: Array.from({ length: 5000 }, (_, i) => ({
        name: `Sản phẩm số ${i + 1}`,
        uom: "chiếc",
        baseQty: 1000 + i,
        planQty: 1200 + i,
        price: 3.5,
        timeNorm: 1.5,
      })),
      materials: Array.from({ length: 5000 }, (_, i) => ({
        product: `Sản phẩm số ${i + 1}`,
        material: "Mây sợi",
        uom: "kg",
        norm: 0.4,
        stateSupplied: null,
      })),
    },
  };

  test("the fake refuses a request over 5 MB, as Excel on the web does", async () => {
    const excel = new FakeExcel("Sheet1");
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 60_000, 1);
        range.values = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
        await context.sync();
      }),
    ).rejects.toThrow("RequestPayloadSizeLimitExceeded");
  });

  test("a 5,000-row plan and its materials insert in bands under 5 MB, one sync each, with progress", async () => {
    const excel = new FakeExcel("Sheet1");
    const seen: [number, number][] = [];
    const outcome = await excelWorkbook(excel.run).insert(
      renderTemplate(PLAN_TARGETS, big, "vi"),
      { template: "plan", lang: "vi", inputs: big },
      { kind: "newSheet" },
      (done, total) => seen.push([done, total]),
    );
    expect(outcome.ok).toBe(true);
    const bands = seen.length;
    expect(bands).toBeGreaterThan(1);
    expect(seen[bands - 1]).toEqual([bands, bands]);
    // The checks; the bands; the state sheet looked for (none yet), then its row written.
    expect(excel.syncs).toBe(1 + bands + 2);
    expect(Math.max(...excel.requests)).toBeLessThan(REQUEST_LIMIT);
  });

  test("updating it reads and writes in bands under 5 MB each way", async () => {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await port.insert(
      renderTemplate(PLAN_TARGETS, big, "vi"),
      { template: "plan", lang: "vi", inputs: big },
      { kind: "newSheet" },
    );
    const filled = await entry(port);
    excel.syncs = 0;
    excel.requests.length = 0;
    excel.responses.length = 0;
    const next = renamed(big, "HTX mới");
    let bands = 0;
    const outcome = await port.update(
      filled.partId,
      filled.stored,
      renderTemplate(PLAN_TARGETS, next, "vi"),
      { template: "plan", lang: "vi", inputs: next },
      { progress: (_, total) => (bands = total) },
    );
    expect(outcome).toMatchObject({ ok: true });
    // Cells that already hold what the new version writes are sent as null (left alone).
    expect(bands).toBeGreaterThanOrEqual(1);
    const area = renderTemplate(PLAN_TARGETS, big, "vi");
    const reads = Math.ceil(area.rows / Math.floor(20_000 / area.cols));
    expect(reads).toBeGreaterThan(1);
    // The stored state read and checked (3); the sheet and its name; the area's bands; the cells
    // it grows into; then the writes; then the state row with its new version.
    expect(excel.syncs).toBe(3 + 1 + reads + 1 + bands + 1);
    expect(Math.max(...excel.requests)).toBeLessThan(REQUEST_LIMIT);
    expect(Math.max(...excel.responses)).toBeLessThan(REQUEST_LIMIT);
  });
});

describe("a template written before names and fingerprints", () => {
  test("updates in place, takes a name, and still asks about a hand edit (compared with this version's rendering)", async () => {
    const { excel, port } = await written();
    // As the add-in kept it then: a custom XML part, a placement without a name or fingerprint.
    const [stored] = storedOnly(excel);
    const { name, written: _, ...legacy } = stored.placement;
    excel.names.delete(name!);
    excel.sheets.splice(excel.sheets.indexOf(excel.sheet(STATE_SHEET)), 1);
    excel.parts.set("{P-OLD}", payloadXml({ ...stored, placement: legacy }));
    excel.type(SHEET, "F17", "4");
    excel.type(SHEET, "K17", "14000");
    const outcome = await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "ask",
      question: { edits: [{ address: "F17", wrote: "3.5", now: "4" }] },
    });
    expect(await update(port, renamed(PLAN_COOPERATIVE, "HTX mới"), { edits: "keep" })).toMatchObject({ ok: true });
    expect(excel.cell(SHEET, "K17")).toBe(14000);
    const now = (await entry(port)).stored.placement;
    expect(excel.names.get(now.name!)).toBe("KH 1974!A1:M57");
  });
});

describe("rows are matched by their declared key", () => {
  test("materials follow product and material together; repeated keys pair up in order", async () => {
    const twice: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: {
        ...PLAN_COOPERATIVE.tables,
        materials: [
          { product: "Làn mây xuất khẩu", material: "Mây sợi", uom: "kg", norm: 0.4, stateSupplied: null },
          { product: "Mành tre", material: "Tre", uom: "cây", norm: 6, stateSupplied: null },
          { product: "Mành tre", material: "Tre", uom: "cây", norm: 7, stateSupplied: null },
        ],
      },
    };
    const { excel, port } = await written(twice);
    // Materials on rows 34–36, "actually used" in column I.
    excel.type(SHEET, "I34", "5000");
    excel.type(SHEET, "I35", "6100");
    excel.type(SHEET, "I36", "6200");
    const moved: Inputs = {
      ...twice,
      tables: {
        ...twice.tables,
        materials: [twice.tables.materials[1], twice.tables.materials[2], twice.tables.materials[0]],
      },
    };
    expect(await update(port, moved)).toMatchObject({ ok: true });
    expect([excel.cell(SHEET, "I34"), excel.cell(SHEET, "I35"), excel.cell(SHEET, "I36")]).toEqual([6100, 6200, 5000]);
  });
});

/** A template written on a new sheet of a fresh fake Excel, with its port and sheet name. */
async function writtenOf(template: TemplateDecl, inputs: Inputs) {
  const excel = new FakeExcel("Sheet1");
  const port = excelWorkbook(excel.run);
  const outcome = await port.insert(
    renderTemplate(template, inputs, "vi"),
    { template: template.id, lang: "vi", inputs },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error(`not written: ${outcome.reason}`);
  return { excel, port, sheet: outcome.sheetName };
}

async function updateOf(
  port: ReturnType<typeof excelWorkbook>,
  template: TemplateDecl,
  inputs: Inputs,
  answers?: UpdateAnswers,
) {
  const filled = await entry(port);
  return port.update(
    filled.partId,
    filled.stored,
    renderTemplate(template, inputs, "vi"),
    { template: template.id, lang: "vi", inputs },
    { answers },
  );
}

const at = (row: number, col: number) => address({ row, col, rows: 1, cols: 1 });

describe("year-by-year actuals are keyed by their year", () => {
  // The 1961–65 plan: years 1960–1965 on rows 22–27, the actual value in column E.
  test("when the base year moves, an actual stays with its year, and a year that leaves the plan is asked about", async () => {
    const { excel, port, sheet } = await writtenOf(PLAN_TARGETS, PLAN_1961_65);
    expect(excel.cell(sheet, "A24")).toBe(1962);
    excel.type(sheet, "E22", "1458");
    excel.type(sheet, "E24", "1800");
    const later: Inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, baseYear: 1961 } };
    const asked = await updateOf(port, PLAN_TARGETS, later);
    expect(asked).toMatchObject({
      ok: false,
      reason: "ask",
      question: { orphans: [{ label: "1960", values: ["1458"] }], edits: [] },
    });
    expect(await updateOf(port, PLAN_TARGETS, later, { orphans: "keep" })).toMatchObject({ ok: true });
    // 1961 is the first year now: 1962 is one row higher, its actual with it.
    expect(excel.cell(sheet, "A23")).toBe(1962);
    expect(excel.cell(sheet, "E23")).toBe(1800);
    expect(excel.cell(sheet, "E24")).toBe("");
  });
});

describe("the per-product quality columns are entries", () => {
  test("quantities by grade follow their product when the products are reordered, and are not asked as edits", async () => {
    const { excel, port, sheet } = await writtenOf(PLAN_TARGETS, PLAN_COOPERATIVE);
    // Quality on rows 45–46: first grade, second grade, reject in D, E, F.
    expect(excel.cell(sheet, "B45")).toBe("Làn mây xuất khẩu");
    excel.type(sheet, "D45", "13000");
    excel.type(sheet, "E45", "600");
    excel.type(sheet, "F46", "12");
    const reordered: Inputs = {
      ...PLAN_COOPERATIVE,
      tables: { ...PLAN_COOPERATIVE.tables, products: [...PLAN_COOPERATIVE.tables.products].reverse() },
    };
    expect(await updateOf(port, PLAN_TARGETS, reordered)).toMatchObject({ ok: true });
    expect(excel.cell(sheet, "B46")).toBe("Làn mây xuất khẩu");
    expect([excel.cell(sheet, "D46"), excel.cell(sheet, "E46"), excel.cell(sheet, "F45")]).toEqual([13000, 600, 12]);
    expect([excel.cell(sheet, "D45"), excel.cell(sheet, "E45"), excel.cell(sheet, "F46")]).toEqual(["", "", ""]);
  });
});

describe("every template updates without losing a hand edit", () => {
  const cases: [string, TemplateDecl, Inputs, (inputs: Inputs) => Inputs][] = [
    ["the price plan", PRICE_PLAN, PRICE_PLAN_BASKETS, (i) => renamed(i, "HTX mới")],
    ["the norm sheet", NORM_SHEET, NORM_BASKETS, (i) => renamed(i, "HTX mới")],
    ["the contract", CONTRACT, CONTRACT_TWO_GRADES, (i) => ({ ...i, fields: { ...i.fields, buyerRep: "Lê Văn C" } })],
    ["the 1961–65 plan, year by year", PLAN_TARGETS, PLAN_1961_65, (i) => renamed(i, "Bộ Công nghiệp nặng")],
  ];

  test.each(cases)("%s: unchanged, it updates without a question", async (_what, template, inputs, change) => {
    const { port } = await writtenOf(template, inputs);
    expect(await updateOf(port, template, change(inputs))).toMatchObject({ ok: true });
  });

  test.each(cases)(
    "%s: a number it wrote, typed over, is asked about; keep keeps it and the change is written",
    async (_what, template, inputs, change) => {
      const { excel, port, sheet } = await writtenOf(template, inputs);
      const plan = renderTemplate(template, inputs, "vi");
      const next = renderTemplate(template, change(inputs), "vi");
      const entries = new Set(
        plan.entries.flatMap((e) =>
          Array.from({ length: e.rows }, (_, r) => e.cols.map((c) => at(e.firstRow + r, c))).flat(),
        ),
      );
      const target = plan.cells.find((c) => "number" in c.content && !entries.has(at(c.row, c.col)));
      if (!target || !("number" in target.content)) throw new Error("no number written");
      const where = at(target.row, target.col);
      excel.type(sheet, where, "777");
      const before = snapshot(excel);
      const outcome = await updateOf(port, template, change(inputs));
      expect(outcome).toMatchObject({
        ok: false,
        reason: "ask",
        question: { edits: [{ address: where, wrote: String(target.content.number), now: "777" }], orphans: [] },
      });
      expect(snapshot(excel)).toBe(before);
      expect(await updateOf(port, template, change(inputs), { edits: "keep" })).toMatchObject({ ok: true });
      expect(excel.cell(sheet, where)).toBe(777);
      // What changed is written: some cell now holds the new version's text.
      const changed = next.cells.find(
        (c) =>
          "text" in c.content &&
          !plan.cells.some(
            (o) =>
              o.row === c.row &&
              o.col === c.col &&
              "text" in o.content &&
              o.content.text === (c.content as { text: string }).text,
          ),
      );
      if (!changed || !("text" in changed.content)) throw new Error("the change shows nowhere");
      expect(excel.cell(sheet, at(changed.row, changed.col))).toBe(changed.content.text);
    },
  );
});

describe("fingerprints keep the format earlier versions stored", () => {
  // Text, a text Excel would convert, formulas relative and absolute, numbers whole, fractional,
  // huge and -0, and an entry column left out; written two rows down and one column right.
  const plan = {
    sheetName: "S",
    rows: 3,
    cols: 4,
    cells: [
      { row: 0, col: 0, content: { text: "Sản phẩm" } },
      { row: 0, col: 2, content: { number: 0.1 + 0.2 } },
      { row: 0, col: 3, content: { number: 1200 } },
      { row: 1, col: 0, content: { text: "=1+1" } },
      { row: 1, col: 1, content: { formula: "=B2*$C$1" } },
      { row: 1, col: 3, content: { number: -0 } },
      { row: 2, col: 1, content: { number: 1e21 } },
      { row: 2, col: 2, content: { formula: "=SUM(A1:A2)" } },
      { row: 2, col: 3, content: { number: 123456.789 } },
    ],
    entries: [{ block: "t", source: "products", firstRow: 1, rows: 2, cols: [3] }],
  } as unknown as CellPlan;
  const origin = { row: 2, col: 1 };

  test("a plan's fingerprint is the one the previous version stored for it", () => {
    // Computed by the version that hashed each row's joined text (before the hash was fed piece by piece).
    expect(fingerprint(plan, origin).rows).toBe("kz412i.7quunn.19grhkm");
  });

  test("cells read back as that version wrote them match its stored fingerprint: nothing is asked", () => {
    const read = (r: number, c: number) => {
      const cell = plan.cells.find((x) => x.row === r && x.col === c);
      if (!cell) return { formula: "", value: "" };
      const content = cell.content;
      if ("number" in content) return { formula: content.number, value: content.number };
      if ("text" in content) return { formula: content.text, value: content.text };
      // Formulas as Excel gives them back, moved with the plan.
      return {
        formula: content.formula.replace("B2", "C4").replace("$C$1", "$D$3").replace("A1:A2", "B3:B4"),
        value: 0,
      };
    };
    const decision = planUpdate({
      template: PLAN_TARGETS,
      previous: {
        inputs: PLAN_COOPERATIVE,
        lang: "vi",
        origin,
        rows: 3,
        cols: 4,
        written: { rows: "kz412i.7quunn.19grhkm", entries: plan.entries },
      },
      current: { origin, cells: [0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => read(r, c))) },
      next: { inputs: PLAN_COOPERATIVE, lang: "vi", plan },
    });
    expect(decision.question.edits).toEqual([]);
  });
});
