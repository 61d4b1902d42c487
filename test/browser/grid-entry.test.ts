/**
 * The grid reads what is typed the way the workbook's user writes numbers, with the pane's own
 * reader: every case of the pane's number tests typed into cells, in both conventions, and the
 * issue's own cases (an actual of 1.850, 2100,5, =1,5*2) in a Vietnamese workbook.
 */
import type { Page } from "playwright-core";
import { NUMBER_CASES } from "../fixtures/number-cases";
import { cell, openPreview, typeInto, type Session } from "./preview-page";

jest.setTimeout(90_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

/** What the engine holds at a cell of the first sheet (its content, as the workbook stores it). */
const stored = (page: Page, row: number, col = 0) =>
  page.evaluate(
    ([r, c]) =>
      (
        window as unknown as { htPreview: { book: { hf: { getCellSerialized(a: object): unknown } } } }
      ).htPreview.book.hf.getCellSerialized({ sheet: 0, row: r, col: c }),
    [row, col],
  );

for (const lang of ["vi", "en"] as const) {
  test(`${lang}: every case of the pane's number tests typed into a cell is the pane's number, or refused or kept as typed text, never another number`, async () => {
    session = await openPreview(lang);
    const { page } = session;
    // A cell is no percent field: a trailing % makes the typed text a percentage, as in Excel. So
    // every case whose field matches its text is a cell's case ("5" in a % field, 0.05, is not).
    const cases = NUMBER_CASES.filter((c) => c.lang === lang && c.percent === /%$/.test(c.text.trim()));
    expect(cases.length).toBeGreaterThan(lang === "vi" ? 30 : 10);
    for (const [i, c] of cases.entries()) {
      await typeInto(page, `A${i + 1}`, c.text);
      const content = await stored(page, i);
      const refused = (await page.locator("#cell-message.refused").count()) > 0;
      if (c.value !== "refused") {
        expect([c.text, content, refused]).toEqual([c.text, c.value, false]);
      } else if (refused) {
        expect([c.text, content]).toEqual([c.text, null]);
        expect(await page.locator("#cell-message").innerText()).toContain(
          lang === "vi" ? "Viết ví dụ" : "Write it like",
        );
        // The refused text stays in the formula bar for fixing; Esc gives up on it.
        expect(await page.locator("#formula-bar").inputValue()).toBe(c.text);
        await page.locator("#formula-bar").press("Escape");
      } else expect([c.text, content]).toEqual([c.text, `'${c.text}`]);
    }
  });
}

test("vi: 1.850 is 1850 and shows 1.850; 2100,5 computes; =1,5*2 is 3; the formula bar shows them the Vietnamese way", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await typeInto(page, "A1", "1.850");
  await typeInto(page, "A2", "2100,5");
  await typeInto(page, "A3", "=1,5*2");
  await typeInto(page, "A4", "=SUM(A1;A2)/2");
  await typeInto(page, "A5", "15/12/1966");
  await typeInto(page, "A6", "5,5%");
  expect(await cell(page, "A1")).toBe("1850");
  expect(await stored(page, 0)).toBe(1850);
  expect(await cell(page, "A2")).toBe("2100,5");
  expect(await cell(page, "A3")).toBe("3");
  expect(await cell(page, "A4")).toBe("1975,25");
  expect(await cell(page, "A5")).toBe("15/12/1966");
  expect(await cell(page, "A6")).toBe("5,5%");
  const bar = async (address: string) => {
    await page.locator(`td[data-cell="${address}"]`).click();
    return await page.locator("#formula-bar").inputValue();
  };
  expect(await bar("A1")).toBe("1850");
  expect(await bar("A2")).toBe("2100,5");
  expect(await bar("A4")).toBe("=SUM(A1;A2)/2");
  expect(await bar("A5")).toBe("15/12/1966");
  // Shown the Vietnamese way, edited with F2 and Enter unchanged: the same content.
  await page.keyboard.press("F2");
  await page.keyboard.press("Enter");
  expect(await stored(page, 4)).toBe(24456);
  // A formula with a digit group, and a formula the engine cannot read: said in Vietnamese.
  await typeInto(page, "B1", "=1.500*2");
  expect(await stored(page, 0, 1)).toBeNull();
  expect(await page.locator("#cell-message").innerText()).toContain("Không đọc được công thức");
  await page.locator("#formula-bar").press("Escape");
  await typeInto(page, "B2", "=1+");
  await page.locator('td[data-cell="B2"]').click();
  expect(await page.locator("#cell-message").innerText()).toContain("Không đọc được công thức");
});

test("vi: text typed into a cell that cannot be read keeps the cell's editor open with it, and the cell as it was", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await typeInto(page, "C3", "42");
  await page.locator('td[data-cell="C3"]').click();
  await page.keyboard.type("1.5");
  await page.keyboard.press("Enter");
  expect(await page.locator(".cell-editor").isVisible()).toBe(true);
  expect(await page.locator(".cell-editor").inputValue()).toBe("1.5");
  expect(await page.locator("#cell-message").innerText()).toContain("1.500.000,5");
  expect(await stored(page, 2, 2)).toBe(42);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(",5");
  await page.keyboard.press("Enter");
  expect(await stored(page, 2, 2)).toBe(1.5);
  expect(await cell(page, "C3")).toBe("1,5");
});
