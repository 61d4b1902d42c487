/**
 * The preview writes a long plan into a new sheet in slices (src/preview/workbook.ts, src/ui/slices.ts):
 * other work runs between them, progress is told, typing in the grid waits for the end, and the
 * sheet computes exactly what one write in a single task gives.
 */
import { PreviewBook } from "../../src/preview/book";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { planWithProducts } from "../fixtures/long";
import { sliceClock } from "../../src/ui/slices";

const inputs = planWithProducts(1000);

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

describe("a long plan written into the preview", () => {
  test("goes in slices: other tasks run between them, each seeing the book marked as being written, and progress counts up", async () => {
    const book = new PreviewBook("Trang1");
    const seen: number[] = [];
    const progress: [number, number][] = [];
    let running = true;
    const watch = () => {
      if (!running) return;
      seen.push(book.writing);
      setTimeout(watch, 0);
    };
    setTimeout(watch, 0);
    await insertInto(book, (done, total) => progress.push([done, total]));
    running = false;
    expect(book.writing).toBe(0);
    expect(seen.filter((w) => w > 0).length).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(1);
    const total = progress[0][1];
    expect(progress.every(([done, t]) => t === total && done > 0 && done < total)).toBe(true);
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
