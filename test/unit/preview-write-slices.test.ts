/**
 * The preview writes a long plan in slices (src/preview/workbook.ts, src/ui/slices.ts), into a
 * new sheet and over one already there (an update): other work runs between them, progress is
 * told, typing in the grid waits for the end, and the sheet computes exactly what one write in a
 * single task gives. Writes of two panes into one book wait for each other.
 */
import { PreviewBook } from "../../src/preview/book";
import { STATE_SHEET } from "../../src/workbook/state-rows";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PLAN_REPORT, reportInputs } from "../../src/templates/plan-report";
import { renderSteps, renderTemplate } from "../../src/templates/render";
import {
  fingerprint,
  fingerprintSteps,
  planUpdate,
  planUpdateSteps,
  type UpdateAnswers,
} from "../../src/workbook/update-plan";
import { planWithProducts } from "../fixtures/long";
import { drive, sliceClock } from "../../src/ui/slices";
import type { Inputs } from "../../src/templates/model";
import type { WorkbookPort } from "../../src/workbook/port";
import { finish, type Steps } from "../../src/core/steps";

const inputs = planWithProducts(1000);

// Whole plans written and updated a slice at a time: seconds each, more on a loaded machine.
jest.setTimeout(30_000);

async function insertInto(book: PreviewBook, progress?: (done: number, total: number) => void) {
  const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
  const outcome = await previewWorkbook(book).insert(
    plan,
    { template: "plan", lang: "vi", inputs },
    { kind: "newSheet" },
    progress,
  );
  if (!outcome.ok) throw new Error("not written");
  return book.hf.getSheetValues(book.hf.getSheetId(outcome.sheetName)!);
}

afterEach(() => jest.restoreAllMocks());

/**
 * Every sheet of the book as it is: names, values, formulas, names and looks, to compare two
 * books; the state sheet left out and the template's name (from its entry's random id) made one.
 */
function everything(book: PreviewBook) {
  const hf = book.hf;
  const entryName = (name: string) => name.replace(/^HT_[A-Z0-9]+/, "HT_ENTRY");
  return {
    names: hf.listNamedExpressions().map((n) => [entryName(n), hf.getNamedExpression(n)?.expression]),
    sheets: hf
      .getSheetNames()
      .filter((name) => name !== STATE_SHEET)
      .map((name) => {
        const id = hf.getSheetId(name)!;
        const look = book.look(id);
        return {
          name,
          values: hf.getSheetValues(id),
          formulas: hf.getSheetSerialized(id),
          names: hf.listNamedExpressions(id),
          looks: {
            formats: [...look.formats],
            styles: [...look.styles],
            ruled: [...look.ruled],
            merges: look.merges,
            heights: [...look.heights],
            print: look.print,
          },
        };
      }),
  };
}

/** One book, two co-authors' ports on it, and the long plan written by the first. */
async function twoPanesOnAPlan() {
  const book = new PreviewBook("Trang1");
  const one = previewWorkbook(book, { by: "User 1" });
  const two = previewWorkbook(book, { by: "User 2" });
  const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
  expect((await one.insert(plan, { template: "plan", lang: "vi", inputs }, { kind: "newSheet" })).ok).toBe(true);
  return { book, one, two };
}

/** Progress said more than once, each time of one total, between none and all of it. */
function expectCountingUp(progress: readonly [number, number][]): void {
  expect(progress.length).toBeGreaterThan(1);
  const total = progress[0][1];
  expect(progress.every(([done, t]) => t === total && done > 0 && done < total)).toBe(true);
}

/** Runs `work`, noting in a task of its own, again and again until it ends, how many writes the book has under way. */
async function whileWatching<T>(book: PreviewBook, work: () => Promise<T>): Promise<{ seen: number[]; outcome: T }> {
  const seen: number[] = [];
  let running = true;
  const watch = () => {
    if (!running) return;
    seen.push(book.writing);
    setTimeout(watch, 0);
  };
  setTimeout(watch, 0);
  try {
    return { seen, outcome: await work() };
  } finally {
    running = false;
  }
}

describe("a long plan written into the preview", () => {
  test("goes in slices: other tasks run between them, each seeing the book marked as being written, and progress counts up", async () => {
    const book = new PreviewBook("Trang1");
    const progress: [number, number][] = [];
    const { seen } = await whileWatching(book, () => insertInto(book, (done, total) => progress.push([done, total])));
    expect(book.writing).toBe(0);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((w) => w > 0)).toBe(true);
    expectCountingUp(progress);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
  });

  test("computes the same values as one write in a single task (a clock that never runs out)", async () => {
    const sliced = await insertInto(new PreviewBook("Trang1"));
    // A clock that stands still: the whole write is one slice.
    jest.spyOn(performance, "now").mockReturnValue(0);
    const whole = await insertInto(new PreviewBook("Trang1"));
    expect(sliced).toEqual(whole);
    // The last material looks its product up across the slices: its need is 0.4 of that product's plan (1,200 + 999).
    const last = sliced.find((row) => row[1] === "Sản phẩm mây tre số 1000" && row[2] === "Mây sợi")!;
    expect(last[5] as number).toBeCloseTo(0.4 * 2199, 9);
  });
});

/** A clock that runs 30 ms between any two looks at it: every check finds its slice over. */
function clockAlwaysDue() {
  let now = 0;
  jest.spyOn(performance, "now").mockImplementation(() => (now += 30));
}

/** Updates the port's one filled template to `next`, reporting progress. */
async function updateTo(
  port: WorkbookPort,
  next: Inputs,
  progress?: (done: number, total: number) => void,
  answers?: UpdateAnswers,
) {
  const [filled] = await port.listFilled();
  if (!("stored" in filled)) throw new Error("unreadable entry");
  return await port.update(
    filled.partId,
    filled.stored,
    renderTemplate(PLAN_TARGETS, next, "vi"),
    { template: "plan", lang: "vi", inputs: next },
    { progress, answers },
  );
}

/** The 1,000-product plan written, with an actual typed into its last product's row. */
async function planWithAnActual(book: PreviewBook) {
  const port = previewWorkbook(book);
  const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
  const outcome = await port.insert(plan, { template: "plan", lang: "vi", inputs }, { kind: "newSheet" });
  if (!outcome.ok) throw new Error("not written");
  const sheet = book.hf.getSheetId(outcome.sheetName)!;
  const products = plan.entries.find((e) => e.block === "products")!;
  const actual = { sheet, row: products.firstRow + products.rows - 1, col: products.cols[0] };
  book.hf.setCellContents(actual, 1234.5);
  return { port, sheet, actual };
}

const moreHours: Inputs = { ...inputs, fields: { ...inputs.fields, hoursPerWorker: 2500 } };

describe("an update over a long plan in the preview", () => {
  test("goes in slices: other tasks run between them with the book marked as being written, progress counts up, the actual stays", async () => {
    const book = new PreviewBook("Trang1");
    const { port, actual } = await planWithAnActual(book);
    const progress: [number, number][] = [];
    clockAlwaysDue();
    const { seen, outcome } = await whileWatching(book, () =>
      updateTo(port, moreHours, (done, total) => progress.push([done, total])),
    );
    expect(outcome.ok).toBe(true);
    expect(book.writing).toBe(0);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((w) => w > 0)).toBe(true);
    expectCountingUp(progress);
    expect(book.hf.getCellValue(actual)).toBe(1234.5);
    // The fingerprint stored is the new plan's where it is, as a write of it would store.
    const [filled] = await port.listFilled();
    expect("stored" in filled && filled.stored.placement.written).toEqual(
      fingerprint(renderTemplate(PLAN_TARGETS, moreHours, "vi"), { row: 0, col: 0 }),
    );
  });

  // A product added at the top: every row of every table moves down, the typed actual with its product.
  const productOnTop: Inputs = {
    ...moreHours,
    tables: {
      ...moreHours.tables,
      products: [{ ...moreHours.tables.products[0], name: "Sản phẩm mới" }, ...moreHours.tables.products],
    },
  };
  test.each([
    ["an update", false, moreHours],
    ["an update over a hand edit, keeping the sheet as it was as a copy", true, moreHours],
    ["an update that moves every row", false, productOnTop],
  ])("%s gives the same sheets (values, formulas, names, looks) in slices as in one task", async (_, edited, next) => {
    const run = async () => {
      const book = new PreviewBook("Trang1");
      const { port, sheet, actual } = await planWithAnActual(book);
      // The title, as a person retyped it: overwritten on the answer, so the old sheet is kept.
      if (edited) book.hf.setCellContents({ sheet, row: 4, col: 0 }, "Kế hoạch sửa tay");
      const outcome = await updateTo(port, next, undefined, edited ? { edits: "overwrite" } : undefined);
      expect(outcome).toMatchObject(edited ? { ok: true, backup: expect.any(String) } : { ok: true });
      const shift = next === productOnTop ? 1 : 0;
      expect(book.hf.getCellValue({ ...actual, row: actual.row + shift })).toBe(1234.5);
      return everything(book);
    };
    clockAlwaysDue();
    const sliced = await run();
    jest.restoreAllMocks();
    jest.spyOn(performance, "now").mockReturnValue(0);
    const whole = await run();
    // Trang1, the plan, and the copy kept before the update.
    expect(sliced.sheets.length).toBe(edited ? 3 : 2);
    expect(sliced).toEqual(whole);
  });

  test("that moves every row computes its cells slice by slice; with a report over the plan they go in at once, so the report is computed once", async () => {
    const quarters: Inputs = {
      ...planWithProducts(300),
      fields: { ...planWithProducts(300).fields, periods: "quarter", periodSplit: "even" },
    };
    const [first] = quarters.tables.products;
    // A product added at the top: every row of every table moves down.
    const moved: Inputs = {
      ...quarters,
      tables: { ...quarters.tables, products: [{ ...first, name: "Sản phẩm mới" }, ...quarters.tables.products] },
    };
    const resumes = async (withReport: boolean) => {
      const book = new PreviewBook("Trang1");
      const port = previewWorkbook(book);
      const written = await port.insert(
        renderTemplate(PLAN_TARGETS, quarters, "vi"),
        { template: "plan", lang: "vi", inputs: quarters },
        { kind: "newSheet" },
      );
      if (!written.ok) throw new Error("not written");
      if (withReport) {
        const report = reportInputs(
          quarters,
          { sheet: written.sheetName, sheetId: "", row: 0, col: 0 },
          { reportPeriod: 2 },
        );
        const outcome = await port.insert(
          renderTemplate(PLAN_REPORT, report, "vi"),
          { template: "planReport", lang: "vi", inputs: report },
          { kind: "newSheet" },
        );
        expect(outcome.ok).toBe(true);
      }
      const filled = (await port.listFilled()).find((f) => "stored" in f && f.stored.template === "plan");
      if (!filled || !("stored" in filled)) throw new Error("no plan");
      clockAlwaysDue();
      const resume = jest.spyOn(book.hf, "resumeEvaluation");
      const outcome = await port.update(filled.partId, filled.stored, renderTemplate(PLAN_TARGETS, moved, "vi"), {
        template: "plan",
        lang: "vi",
        inputs: moved,
      });
      const calls = resume.mock.calls.length;
      jest.restoreAllMocks();
      expect(outcome.ok).toBe(true);
      return calls;
    };
    expect(await resumes(false)).toBeGreaterThan(10);
    expect(await resumes(true)).toBeLessThanOrEqual(2);
  });

  test("into the cell selected when the pane asked, though a co-author's long update goes first and moves the selection", async () => {
    const { book, one, two } = await twoPanesOnAPlan();
    book.selection = { sheet: book.hf.getSheetId("Trang1")!, row: 5, col: 1 };
    const small = renderTemplate(PLAN_TARGETS, planWithProducts(2), "vi");
    const [filled] = await one.listFilled();
    if (!("stored" in filled)) throw new Error("unreadable entry");
    clockAlwaysDue();
    // The update is asked first, so the insert waits for it.
    const [updated, inserted] = await Promise.all([
      one.update(filled.partId, filled.stored, renderTemplate(PLAN_TARGETS, moreHours, "vi"), {
        template: "plan",
        lang: "vi",
        inputs: moreHours,
      }),
      two.insert(small, { template: "plan", lang: "vi", inputs: planWithProducts(2) }, { kind: "selection" }),
    ]);
    expect(updated.ok).toBe(true);
    expect(inserted).toMatchObject({ ok: true, sheetName: "Trang1" });
    expect(inserted.ok && inserted.address.startsWith("B6:")).toBe(true);
  });

  test("from two panes at once: the second waits for the first, then is refused as changed elsewhere", async () => {
    const { one, two } = await twoPanesOnAPlan();
    const fewer: Inputs = { ...inputs, tables: { ...inputs.tables, products: inputs.tables.products.slice(0, 10) } };
    clockAlwaysDue();
    const [first, second] = await Promise.all([updateTo(one, moreHours), updateTo(two, fewer)]);
    expect(first).toMatchObject({ ok: true, entry: { version: 2 } });
    expect(second).toMatchObject({ ok: false, reason: "changedElsewhere", by: "User 1" });
    const [filled] = await two.listFilled();
    expect("stored" in filled && filled.stored.inputs.fields.hoursPerWorker).toBe(2500);
  });
});

describe("while a template is being written", () => {
  test("rows inserted are refused with a word, and nothing moves", async () => {
    const book = new PreviewBook("Trang1");
    const { sheet, actual } = await planWithAnActual(book);
    book.writing += 1;
    expect(() => book.insertRows(sheet, 0, 2)).toThrow("A template is being written");
    book.writing -= 1;
    expect(book.hf.getCellValue(actual)).toBe(1234.5);
    book.insertRows(sheet, 0, 2);
    expect(book.hf.getCellValue({ ...actual, row: actual.row + 2 })).toBe(1234.5);
  });
});

describe("a long plan frozen as values in the preview", () => {
  test("is copied in slices, with the book marked as being written meanwhile, into the values it showed", async () => {
    const book = new PreviewBook("Trang1");
    const { port, sheet } = await planWithAnActual(book);
    const shown = book.hf.getSheetValues(sheet);
    clockAlwaysDue();
    const { seen, outcome: name } = await whileWatching(book, () => port.freeze(String(sheet), "vi"));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((w) => w > 0)).toBe(true);
    const frozen = book.hf.getSheetId(name)!;
    expect(book.hf.getSheetValues(frozen)).toEqual(shown);
    expect(
      book.hf
        .getSheetFormulas(frozen)
        .flat()
        .filter((f) => f !== undefined),
    ).toEqual([]);
    expect(book.look(frozen).styles.size).toBe(book.look(sheet).styles.size);
  });
});

describe("stepped work", () => {
  function* counting(n: number): Steps<number> {
    for (let i = 0; i < n; i++) yield;
    return n;
  }

  test("finish runs it through at once; drive gives the page back only when the clock is due", async () => {
    expect(finish(counting(5))).toBe(5);
    let due = false;
    let pauses = 0;
    const clock = { due: () => due, pause: async () => void (pauses += 1) };
    expect(await drive(counting(5), clock)).toBe(5);
    expect(pauses).toBe(0);
    due = true;
    expect(await drive(counting(5), clock)).toBe(5);
    expect(pauses).toBe(5);
  });

  test("rendering, deciding an update and fingerprinting a 1,000-product plan each yield many times", () => {
    const steps = (work: Steps<unknown>) => {
      let n = 0;
      while (!work.next().done) n += 1;
      return n;
    };
    expect(steps(renderSteps(PLAN_TARGETS, inputs, "vi"))).toBeGreaterThan(20);
    const plan = renderTemplate(PLAN_TARGETS, inputs, "vi");
    expect(steps(fingerprintSteps(plan, { row: 0, col: 0 }))).toBeGreaterThan(20);
    const cells = plan.cells.reduce(
      (grid, { row, col, content }) => {
        grid[row][col] = { formula: "formula" in content ? content.formula : "", value: "" };
        return grid;
      },
      Array.from({ length: plan.rows }, () => Array.from({ length: plan.cols }, () => ({ formula: "", value: "" }))),
    );
    const deciding = planUpdateSteps({
      template: PLAN_TARGETS,
      previous: { inputs, lang: "vi", origin: { row: 0, col: 0 }, rows: plan.rows, cols: plan.cols },
      current: { origin: { row: 0, col: 0 }, cells },
      next: { inputs: moreHours, lang: "vi", plan: renderTemplate(PLAN_TARGETS, moreHours, "vi") },
    });
    let decided: IteratorResult<void, ReturnType<typeof planUpdate>>;
    let n = 0;
    while (!(decided = deciding.next()).done) n += 1;
    expect(n).toBeGreaterThan(20);
    expect(steps(decided.value.cellsSteps({ edits: "overwrite", orphans: "keep" }))).toBeGreaterThan(20);
  });
});

describe("the slice clock", () => {
  test("is due once its time has run, and starts again after a pause", async () => {
    let now = 0;
    const clock = sliceClock(25, () => now);
    expect(clock.due()).toBe(false);
    now = 24;
    expect(clock.due()).toBe(false);
    now = 25;
    expect(clock.due()).toBe(true);
    await clock.pause();
    expect(clock.due()).toBe(false);
  });
});
