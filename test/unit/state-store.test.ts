/**
 * The state sheet: stored inputs as rows of a very hidden worksheet, read and written by the Excel
 * adapter against the fake Excel, and the pure row encoding beneath it.
 */
import { excelWorkbook } from "../../src/excel/workbook";
import { stateStore } from "../../src/excel/state-store";
import { PreviewBook } from "../../src/preview/book";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { PAYLOAD_NAMESPACE, type Stored } from "../../src/workbook/payload";
import type { Inputs } from "../../src/templates/model";
import type { Filled, WorkbookPort } from "../../src/workbook/port";
import {
  CHUNK_CHARS,
  FIRST_CHUNK_COL,
  MARK,
  STATE_SHEET,
  decodeRow,
  encodeRow,
  readBlocks,
  readStateSheet,
  type StateEntry,
} from "../../src/workbook/state-rows";
import { PLAN_1961_65, PLAN_COOPERATIVE } from "../fixtures/samples";
import { FakeExcel, installExcelEnums } from "../support/fake-excel";
import { payloadXml } from "../support/legacy-payload";
import { storedIn, storedOnly } from "../support/state-sheet";

beforeAll(installExcelEnums);

const withProducts = (n: number, name = (i: number) => `Sản phẩm ${i + 1}`): Inputs => ({
  ...PLAN_COOPERATIVE,
  tables: {
    ...PLAN_COOPERATIVE.tables,
    products: Array.from({ length: n }, (_, i) => ({
      name: name(i),
      uom: "cái",
      baseQty: 100 + i,
      planQty: 120 + i,
      price: 2,
      timeNorm: 0.5,
    })),
    materials: [],
  },
});

const placement = { sheetId: "{S1}", row: 0, col: 0, rows: 30, cols: 13 };
const entry = (inputs: Inputs, version = 1): StateEntry => ({
  id: "TABC",
  stored: { template: "plan", lang: "vi", inputs, placement, version },
  by: "",
  at: 1_700_000_000_000,
});

async function insert(port: WorkbookPort, inputs: Inputs) {
  return await port.insert(
    renderTemplate(PLAN_TARGETS, inputs, "vi"),
    { template: "plan", lang: "vi", inputs },
    { kind: "newSheet" },
  );
}

async function update(port: WorkbookPort, filled: Filled, inputs: Inputs) {
  if (!("stored" in filled)) throw new Error(`expected a readable entry, got ${filled.problem.en}`);
  return await port.update(filled.partId, filled.stored, renderTemplate(PLAN_TARGETS, inputs, "vi"), {
    template: "plan",
    lang: "vi",
    inputs,
  });
}

const cellsOf = (excel: FakeExcel) => JSON.stringify(excel.sheets.map((s) => [s.name, [...s.cells]]));

describe("a state row", () => {
  test("splits a payload over 32,767 characters into chunks under Excel's cell limit and reads it back exactly", () => {
    const inputs = withProducts(600, (i) => `Sản phẩm có tên rất dài số ${i + 1} — ${"x".repeat(60)}`);
    const cells = encodeRow(entry(inputs));
    const chunks = cells.slice(FIRST_CHUNK_COL) as string[];
    expect(chunks.join("").length).toBeGreaterThan(32_767);
    expect(chunks.length).toBeGreaterThan(1);
    expect(cells[6]).toBe(chunks.length);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(Math.min(32_767, CHUNK_CHARS + MARK.length));
    expect(decodeRow(cells)).toEqual({ kind: "entry", ...entry(inputs) });
  });

  /** Inputs whose JSON has `char` at the first chunk boundary, so the second chunk starts with it. */
  function boundaryAt(char: string): Inputs {
    const others = Array.from({ length: 400 }, (_, i) => `${char}${i}`);
    for (let pad = 0; pad < 120; pad++) {
      const inputs = withProducts(401, (i) => (i === 0 ? `p${"y".repeat(pad)}` : others[i - 1]));
      if (JSON.stringify({ template: "plan", lang: "vi", inputs, placement })[CHUNK_CHARS] === char) return inputs;
    }
    throw new Error(`no padding puts ${char} at the boundary`);
  }

  test.each(["-", "="])(
    "writes no cell Excel could take for a formula or a number, even where a chunk starts with %s",
    (char) => {
      const inputs = boundaryAt(char);
      const cells = encodeRow(entry(inputs));
      expect(cells[FIRST_CHUNK_COL + 1]).toBe(`${MARK}${char}${String(cells[FIRST_CHUNK_COL + 1]).slice(2)}`);
      for (const cell of cells) {
        // A number, or text that begins with a letter or the chunk mark: Excel keeps both as they are.
        expect(typeof cell === "number" || cell === "" || /^[A-Za-z~]/.test(cell)).toBe(true);
      }
      expect(decodeRow(cells)).toMatchObject({ kind: "entry", stored: { inputs } });
    },
  );

  const good = encodeRow(entry(PLAN_1961_65));
  const withCell = (col: number, value: unknown) => good.map((c, i) => (i === col ? value : c));
  test.each([
    [
      "a payload cut short",
      good
        .slice(0, -1)
        .concat([""])
        .map((c, i) => (i === 6 ? 2 : c)),
      /cut short/,
    ],
    ["text typed after the payload", [...good, "ghi chú"], /cells after the payload/],
    ["broken JSON", withCell(FIRST_CHUNK_COL, `${MARK}{"template":`), /not JSON/],
    [
      "a chunk without its mark (re-typed by hand)",
      withCell(FIRST_CHUNK_COL, String(good[FIRST_CHUNK_COL]).slice(1)),
      /chunk 1 was edited/,
    ],
    ["an unknown template", withCell(1, "invoice"), /template column/],
    ["an entry id Excel turned into a number", withCell(0, 12), /no entry id/],
    ["a version of 0", withCell(3, 0), /version/],
    ["a foreign row", ["Tên", "Số lượng", 3], /no entry id|state format/],
  ])("%s is unreadable, with its reason in both languages", (_what, cells, reason) => {
    const decoded = decodeRow(cells);
    expect(decoded.kind).toBe("unreadable");
    if (decoded.kind !== "unreadable") return;
    expect(decoded.problem.en).toMatch(reason);
    expect(decoded.problem.vi).toMatch(/không thay đổi gì/);
  });

  test("a row of a newer state format asks to update Hạch Toán", () => {
    const decoded = decodeRow(withCell(2, 2));
    expect(decoded).toMatchObject({
      kind: "unreadable",
      id: "TABC",
      problem: { en: expect.stringContaining("newer version of Hạch Toán") },
    });
  });

  test("of an id written twice, the highest version is the entry; a blank row is skipped", () => {
    const sheet = readStateSheet([
      [],
      [],
      encodeRow(entry(PLAN_1961_65, 3)),
      [],
      encodeRow(entry(PLAN_COOPERATIVE, 2)),
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({ row: 2, decoded: { stored: { version: 3, inputs: PLAN_1961_65 } } });
    expect(sheet.copies.get("TABC")).toEqual([2, 4]);
    expect(sheet.nextRow).toBe(5);
  });
});

describe("reading a large state sheet", () => {
  test("is split into reads of at most 4 MB, by each row's chunk count", () => {
    // Head, titles, then rows of 1, 100 and 100 chunks and one damaged row without a count.
    const counts = ["", "chunks", 1, 100, 100, "?"];
    expect(readBlocks(counts, 6, 4_000_000)).toEqual([
      { row: 0, rows: 4 },
      { row: 4, rows: 2 },
    ]);
    expect(readBlocks(counts, 6, 100_000_000)).toEqual([{ row: 0, rows: 6 }]);
  });

  test("a sheet whose rows total over 4 MB is read in several syncs, and every template comes back", async () => {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    const big = withProducts(4000, (i) => `Sản phẩm ${i + 1} ${"w".repeat(100)}`);
    for (let i = 0; i < 6; i++) await insert(port, big);
    excel.syncs = 0;
    const listed = await port.listFilled();
    expect(listed.map((f) => "stored" in f && f.stored.inputs.tables.products.length)).toEqual(new Array(6).fill(4000));
    expect(excel.syncs).toBeGreaterThan(3);
  });
});

describe("the Excel adapter keeps state in a very hidden sheet", () => {
  test("a first template creates the sheet, very hidden, with one row of text-formatted chunks", async () => {
    const excel = new FakeExcel("Sheet1");
    const outcome = await insert(excelWorkbook(excel.run), PLAN_1961_65);
    const state = excel.sheet(STATE_SHEET);
    expect(state.visibility).toBe("VeryHidden");
    expect(outcome).toMatchObject({ ok: true, entry: { version: 1 } });
    expect(excel.cell(STATE_SHEET, "A3")).toBe(outcome.ok && outcome.entry.partId);
    expect(state.formats.get(`2,${FIRST_CHUNK_COL}`)).toBe("@");
    expect(storedIn(excel)).toMatchObject([{ stored: { inputs: PLAN_1961_65, version: 1 } }]);
    expect(excel.parts.size).toBe(0);
  });

  test("a payload over 32,767 characters is written in several cells and lists back whole", async () => {
    const excel = new FakeExcel("Sheet1");
    const inputs = withProducts(400, (i) => `Sản phẩm ${i + 1} ${"z".repeat(100)}`);
    await insert(excelWorkbook(excel.run), inputs);
    const written = [...excel.sheet(STATE_SHEET).cells.values()]
      .map((cell) => cell.value)
      .filter((v): v is string => typeof v === "string");
    expect(written.filter((v) => v.startsWith(MARK)).length).toBeGreaterThan(1);
    expect(Math.max(...written.map((v) => v.length))).toBeLessThanOrEqual(32_767);
    const [filled] = await excelWorkbook(excel.run).listFilled();
    expect("stored" in filled && filled.stored.inputs).toEqual(inputs);
  });

  test("lists 1 or 40 templates in the same number of syncs", async () => {
    const counts: number[] = [];
    for (const n of [1, 40]) {
      const excel = new FakeExcel("Sheet1");
      const port = excelWorkbook(excel.run);
      for (let i = 0; i < n; i++) await insert(port, PLAN_1961_65);
      excel.syncs = 0;
      expect(await port.listFilled()).toHaveLength(n);
      counts.push(excel.syncs);
    }
    // The sheet and old parts; the extent and chunk counts; the rows (under 4 MB: one read).
    expect(counts).toEqual([3, 3]);
  });

  test("a damaged row is listed as unreadable and no later write touches it", async () => {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await insert(port, PLAN_1961_65);
    // Someone edits the row by hand: the first chunk loses its mark.
    const state = excel.sheet(STATE_SHEET);
    const first = `2,${FIRST_CHUNK_COL}`;
    state.cells.set(first, { value: String(state.cells.get(first)?.value).slice(1), kind: "text" });
    const damagedRow = JSON.stringify(excel.rowValues(STATE_SHEET, 2, 12));
    const listed = await port.listFilled();
    expect(listed).toEqual([
      {
        partId: expect.any(String),
        problem: expect.objectContaining({ en: expect.stringMatching(/chunk 1 was edited/) }),
      },
    ]);
    await insert(port, PLAN_COOPERATIVE);
    expect(JSON.stringify(excel.rowValues(STATE_SHEET, 2, 12))).toBe(damagedRow);
    expect((await port.listFilled()).map((f) => ("stored" in f ? f.stored.inputs.fields.unit : "unreadable"))).toEqual([
      "unreadable",
      PLAN_COOPERATIVE.fields.unit,
    ]);
  });
});

describe("a workbook written in the old format (custom XML parts)", () => {
  /**
   * A workbook as an earlier version left it: two templates written on their sheets (one at B5 of
   * a sheet of its own), their inputs in custom XML parts without a defined name or fingerprint,
   * and a damaged part.
   */
  async function oldWorkbook() {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await insert(port, PLAN_1961_65);
    excel.addSheet("KH 1974");
    excel.selection = { sheet: excel.sheets.length - 1, row: 4, col: 1 };
    await port.insert(
      renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "en"),
      { template: "plan", lang: "en", inputs: PLAN_COOPERATIVE },
      { kind: "selection" },
    );
    const old = (stored: Stored): Omit<Stored, "version"> => {
      const { name: _, written: __, ...placement } = stored.placement;
      return { template: stored.template, lang: stored.lang, inputs: stored.inputs, placement };
    };
    const [storedA, storedB] = storedOnly(excel).map(old);
    excel.sheets.splice(excel.sheets.indexOf(excel.sheet(STATE_SHEET)), 1);
    excel.names.clear();
    excel.parts.set("{6F1A-22}", payloadXml(storedA));
    excel.parts.set("{7B2C-33}", payloadXml(storedB));
    excel.parts.set("{8D3E-44}", `<payload xmlns="${PAYLOAD_NAMESPACE}">{damaged</payload>`);
    return { excel, storedA, storedB };
  }

  test("lists its templates as they are, without writing anything", async () => {
    const { excel, storedA, storedB } = await oldWorkbook();
    const before = cellsOf(excel);
    const listed = await excelWorkbook(excel.run).listFilled();
    expect(listed).toEqual([
      { partId: "{6F1A-22}", sheetName: "KH 1965", stored: { ...storedA, version: 0 } },
      { partId: "{7B2C-33}", sheetName: "KH 1974", stored: { ...storedB, version: 0 } },
      { partId: "{8D3E-44}", problem: expect.objectContaining({ en: expect.stringContaining("not JSON") }) },
    ]);
    expect(cellsOf(excel)).toBe(before);
    expect(excel.parts.size).toBe(3);
  });

  test("moves every readable template to the state sheet on the first write, losing nothing", async () => {
    const { excel, storedA, storedB } = await oldWorkbook();
    const port = excelWorkbook(excel.run);
    const [first] = await port.listFilled();
    const changed: Inputs = { ...PLAN_1961_65, fields: { ...PLAN_1961_65.fields, unit: "Bộ Công nghiệp nặng" } };
    // The first write: an update of the first old template.
    expect(await update(port, first, changed)).toMatchObject({ ok: true, entry: { version: 1 } });
    expect(storedIn(excel)).toEqual([
      { partId: expect.any(String), stored: { ...storedB, version: 1 } },
      // Updated, it takes a defined name made from its new entry id, and a fingerprint.
      {
        partId: expect.any(String),
        stored: {
          ...storedA,
          inputs: changed,
          placement: { ...storedA.placement, name: expect.stringMatching(/^HT_X/), written: expect.anything() },
          version: 1,
        },
      },
    ]);
    // The moved parts are gone; the damaged one stays, still listed, for the user to decide.
    expect([...excel.parts.keys()]).toEqual(["{8D3E-44}"]);
    const listed = await port.listFilled();
    expect(listed.map((f) => ("stored" in f ? f.stored.inputs.fields.unit : "unreadable"))).toEqual([
      PLAN_COOPERATIVE.fields.unit,
      "Bộ Công nghiệp nặng",
      "unreadable",
    ]);
  });

  test("an interrupted move keeps the parts, and each template is listed once", async () => {
    const { excel } = await oldWorkbook();
    const port = excelWorkbook(excel.run);
    const sync = excel.context;
    let syncs = 0;
    // The connection drops at the 5th sync of the insert (after the checks, the band of cells and
    // the two reads of the state), the one that sends the state rows: they are in the workbook
    // (the fake applies what is queued), but the moved parts were never deleted.
    excel.context = () => {
      const context = sync.call(excel);
      const real = context.sync.bind(context);
      return Object.assign(context, {
        sync: async () => (++syncs === 5 ? Promise.reject(new Error("connection lost")) : real()),
      });
    };
    await expect(insert(port, PLAN_1961_65)).rejects.toThrow("connection lost");
    excel.context = sync;
    expect(excel.parts.size).toBe(3);
    const listed = await port.listFilled();
    expect(listed.filter((f) => "stored" in f)).toHaveLength(3);
    expect(listed.filter((f) => "problem" in f)).toHaveLength(1);
  });
});

describe("two people update the same template", () => {
  test("the second update is refused, changes nothing, and returns the newer inputs", async () => {
    const excel = new FakeExcel("Sheet1");
    const planner = excelWorkbook(excel.run);
    const accountant = excelWorkbook(excel.run);
    await insert(planner, withProducts(3));
    const [seenByPlanner] = await planner.listFilled();
    const [seenByAccountant] = await accountant.listFilled();
    const plannerInputs = withProducts(4);
    expect(await update(planner, seenByPlanner, plannerInputs)).toMatchObject({ ok: true, entry: { version: 2 } });
    const before = cellsOf(excel);
    const outcome = await update(accountant, seenByAccountant, withProducts(2));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "changedElsewhere",
      newer: { version: 2, inputs: plannerInputs },
    });
    expect(cellsOf(excel)).toBe(before);
    // Reloaded, the accountant's update goes through.
    const [reloaded] = await accountant.listFilled();
    expect(await update(accountant, reloaded, withProducts(2))).toMatchObject({ ok: true, entry: { version: 3 } });
  });

  test("an update of a template whose stored row was deleted is refused", async () => {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await insert(port, PLAN_1961_65);
    const [filled] = await port.listFilled();
    // A co-author deleted the entry: its row is blank.
    for (let c = 0; c < 12; c++) excel.sheet(STATE_SHEET).cells.delete(`2,${c}`);
    expect(await update(port, filled, PLAN_1961_65)).toEqual({ ok: false, reason: "entryMissing", address: "" });
  });
});

describe("deleting a stored entry", () => {
  test("clears its row where it is, leaves the other rows in place, and is then refused as missing", async () => {
    const excel = new FakeExcel("Sheet1");
    const port = excelWorkbook(excel.run);
    await insert(port, PLAN_1961_65);
    await insert(port, PLAN_COOPERATIVE);
    const [first, second] = await port.listFilled();
    const secondRow = JSON.stringify(excel.rowValues(STATE_SHEET, 3, 12));
    await excel.run(async (context) => stateStore().remove(context, first.partId));
    expect(JSON.stringify(excel.rowValues(STATE_SHEET, 2, 12))).toBe(JSON.stringify(new Array(12).fill("")));
    expect(JSON.stringify(excel.rowValues(STATE_SHEET, 3, 12))).toBe(secondRow);
    expect((await port.listFilled()).map((f) => f.partId)).toEqual([second.partId]);
    expect(await update(port, first, PLAN_1961_65)).toMatchObject({ ok: false, reason: "entryMissing" });
    // A later template goes below the last row, not into the blank one a co-author may still see.
    const third = await insert(port, PLAN_1961_65);
    expect(excel.cell(STATE_SHEET, "A5")).toBe(third.ok && third.entry.partId);
  });
});

describe("the preview keeps state as Excel does", () => {
  test("in a hidden sheet shared by two panes: no tab, and the second of two updates is refused", async () => {
    const book = new PreviewBook("Sheet1");
    const one = previewWorkbook(book, { by: "User 1" });
    const two = previewWorkbook(book, { by: "User 2" });
    const heard: string[] = [];
    two.watch(
      () => heard.push("two"),
      (error) => heard.push(String(error)),
    );
    one.watch(
      () => heard.push("one"),
      (error) => heard.push(String(error)),
    );
    await insert(one, withProducts(2));
    expect(heard).toEqual(["two"]);
    expect(book.visibleSheetNames()).toEqual(["Sheet1", "KH 1974"]);
    expect(book.hf.getSheetNames()).toContain(STATE_SHEET);
    const [forOne] = await one.listFilled();
    const [forTwo] = await two.listFilled();
    expect(await update(one, forOne, withProducts(3))).toMatchObject({ ok: true, entry: { version: 2 } });
    const outcome = await update(two, forTwo, withProducts(1));
    expect(outcome).toMatchObject({
      ok: false,
      reason: "changedElsewhere",
      by: "User 1",
      newer: { version: 2, inputs: withProducts(3) },
    });
    expect((await two.listFilled()).map((f) => "stored" in f && f.stored.inputs.tables.products.length)).toEqual([3]);
  });
});

describe("an open pane learns of changes made elsewhere", () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ["setImmediate"] });
    (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: () => false } } };
  });
  afterEach(() => jest.useRealTimers());

  // Every promise job queued by the check runs before the next macrotask.
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  test("by the change counter: another pane's write is reported, its own is not", async () => {
    const excel = new FakeExcel("Sheet1");
    const mine = excelWorkbook(excel.run);
    const theirs = excelWorkbook(excel.run);
    const seen: string[] = [];
    const stop = mine.watch(
      () => seen.push("changed"),
      (error) => seen.push(String(error)),
    );
    await mine.listFilled();
    await insert(mine, PLAN_1961_65);
    jest.advanceTimersByTime(3_000);
    await settle();
    expect(seen).toEqual([]);
    await insert(theirs, PLAN_COOPERATIVE);
    jest.advanceTimersByTime(3_000);
    await settle();
    expect(seen).toEqual(["changed"]);
    jest.advanceTimersByTime(3_000);
    await settle();
    expect(seen).toEqual(["changed"]);
    // A deletion by someone else is a change too.
    const [theirEntry] = (await theirs.listFilled()).slice(-1);
    await excel.run(async (context) => stateStore().remove(context, theirEntry.partId));
    jest.advanceTimersByTime(3_000);
    await settle();
    expect(seen).toEqual(["changed", "changed"]);
    stop();
  });
});
