/** Editing pane tables: removing and moving rows keeps every control's path, and choices are shared. */
import { addRows, fill, openPreview, paste, startTemplate, type Session } from "./preview-page";

jest.setTimeout(60_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

const names = (session: Session) =>
  session.page
    .locator('[data-table="products"] [data-column="name"]')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute("data-path")}=${(el as HTMLInputElement).value}`));

/** The plan form with products P{first}, P{first + 1} … pasted into its table, as a planner brings a list from Excel. */
async function planWithProducts(page: Session["page"], count: number, first = 0): Promise<void> {
  await startTemplate(page, "Plan targets");
  await addRows(page, "products", 1);
  const lines = Array.from({ length: count }, (_, i) => `P${i + first}\tt\t1\t2\t3`);
  await paste(page, "products[0].name", lines.join("\r\n"));
}

/** The remove button of the row holding the control at `path`. */
const removeOf = (page: Session["page"], path: string) =>
  page.locator(`[data-path="${path}"]`).locator("xpath=ancestor::*[@role='row']").locator(".remove-row");

test("removing a row and moving one with Alt+↓ renumber the rows below, and the form reads the new order", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Plan targets");
  await addRows(page, "products", 4);
  await fill(page, {
    "products[0].name": "A",
    "products[1].name": "B",
    "products[2].name": "C",
    "products[3].name": "D",
  });
  await removeOf(page, "products[1].name").click();
  expect(await names(session)).toEqual(["products[0].name=A", "products[1].name=C", "products[2].name=D"]);
  await page.locator('[data-path="products[0].name"]').press("Alt+ArrowDown");
  expect(await names(session)).toEqual(["products[0].name=C", "products[1].name=A", "products[2].name=D"]);
  expect(await page.locator('[data-path="products[1].name"]').getAttribute("aria-label")).toBe("Product, row 2");
  // The moved row keeps focus, so it can be moved again.
  await page.keyboard.press("Alt+ArrowDown");
  expect(await names(session)).toEqual(["products[0].name=C", "products[1].name=D", "products[2].name=A"]);
});

test("the grade column offers the grades entered above from one shared list, refreshed when they change", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Economic contract");
  await addRows(page, "goods", 3);
  const listId = await page.locator('[data-path="goods[0].grade"]').getAttribute("list");
  expect(await page.locator('[data-path="goods[2].grade"]').getAttribute("list")).toBe(listId);
  await page.locator('[data-path="goods[0].grade"]').focus();
  const options = () =>
    page.locator(`datalist#${listId} option`).evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  expect(await options()).toEqual(["First grade", "Second grade"]);
  await fill(page, { "grades[1].label": "Lower grade" });
  await page.locator('[data-path="goods[1].grade"]').focus();
  expect(await options()).toEqual(["First grade", "Lower grade"]);
});

/** Every product row's path and label, as the form has them: `index:name-path:label`. */
const paths = (session: Session) =>
  session.page
    .locator('[data-table="products"] [data-column="name"]')
    .evaluateAll((els) => els.map((el, i) => `${i}:${el.getAttribute("data-path")}:${el.getAttribute("aria-label")}`));

test("in a long table, removing a row near the top renumbers every row below it, the last ones included", async () => {
  session = await openPreview("en");
  const { page } = session;
  await planWithProducts(page, 600, 1);
  await removeOf(page, "products[2].name").click();
  // The rows far below are renumbered in later tasks: wait until the last one is, then check all.
  await page.locator('[data-path="products[599].name"]').waitFor({ state: "detached", timeout: 10_000 });
  const expected = Array.from({ length: 599 }, (_, i) => `${i}:products[${i}].name:Product, row ${i + 1}`);
  expect(await paths(session)).toEqual(expected);
  expect(await page.locator('[data-path="products[598].name"]').inputValue()).toBe("P600");
});

test("the remove button of the row that took the removed one's place has focus, so the keyboard can go on", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Plan targets");
  await addRows(page, "products", 3);
  await fill(page, { "products[0].name": "A", "products[1].name": "B", "products[2].name": "C" });
  await removeOf(page, "products[0].name").focus();
  await page.keyboard.press("Enter");
  expect(await names(session)).toEqual(["products[0].name=B", "products[1].name=C"]);
  expect(await removeOf(page, "products[0].name").evaluate((el) => el === document.activeElement)).toBe(true);
  // The last row removed: focus goes to the row above it, then to "add a row" when none is left.
  await removeOf(page, "products[1].name").click();
  expect(await removeOf(page, "products[0].name").evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  expect(await names(session)).toEqual([]);
  expect(
    await page.locator('fieldset[data-path="products[]"] .add-row').evaluate((el) => el === document.activeElement),
  ).toBe(true);
});

test("Alt+↓ moves a row down across every twenty rows' boundary, keeping its focus and every path right", async () => {
  session = await openPreview("en");
  const { page } = session;
  await planWithProducts(page, 25);
  await page.locator('[data-path="products[7].name"]').focus();
  // From row 8 to row 23: past the boundaries after rows 10 and 20.
  for (let i = 0; i < 15; i++) await page.keyboard.press("Alt+ArrowDown");
  const order = await names(session);
  expect(order[22]).toBe("products[22].name=P7");
  expect(order.filter((_, i) => i !== 22)).toEqual(
    Array.from({ length: 25 }, (_, i) => i)
      .filter((i) => i !== 7)
      .map((v, i) => `products[${i < 22 ? i : i + 1}].name=P${v}`),
  );
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe("products[22].name");
  expect(await paths(session)).toEqual(
    Array.from({ length: 25 }, (_, i) => `${i}:products[${i}].name:Product, row ${i + 1}`),
  );
  // And back up, again across a boundary.
  for (let i = 0; i < 15; i++) await page.keyboard.press("Alt+ArrowUp");
  expect(await names(session)).toEqual(Array.from({ length: 25 }, (_, i) => `products[${i}].name=P${i}`));
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe("products[7].name");
});

/** The fields in each form of a table's rows, in page order. */
const partFields = (session: Session) =>
  session.page
    .locator('[data-table="products"] > form')
    .evaluateAll((parts) => parts.map((part) => part.querySelectorAll("input, select, textarea").length));

test("a long table's rows sit in forms of over 200 fields each, however rows are pasted, added, removed and moved", async () => {
  // Chromium's autofill reads a form of up to 200 fields whole on every focus, with work that grows
  // with the page (the cost of adding a row at 5,000 rows); forms are never nested.
  session = await openPreview("en");
  const { page } = session;
  await planWithProducts(page, 760);
  expect(await partFields(session)).toEqual([2160, 2400]);
  expect(await page.locator("form form").count()).toBe(0);

  // The last form is full: the next row starts a new one with the last rows of the full one.
  await addRows(page, "products", 2);
  expect(await partFields(session)).toEqual([2160, 2160, 252]);
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe("products[761].name");

  // Removed rows leave the last form at 33 rows (198 fields): it joins the one before.
  // From the keyboard: focus stays on the remove button of the row that takes the removed one's place.
  await removeOf(page, "products[740].name").focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("Enter");
  expect(await partFields(session)).toEqual([2160, 2352]);

  // Alt+↓ across two forms' boundary (rows 360 and 361) keeps focus, order and paths.
  await page.locator('[data-path="products[359].name"]').focus();
  await page.keyboard.press("Alt+ArrowDown");
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe("products[360].name");
  await page.locator('[data-path="products[752].name"]').waitFor({ state: "detached", timeout: 10_000 });
  const order = await names(session);
  expect(order.slice(358, 362)).toEqual([
    "products[358].name=P358",
    "products[359].name=P360",
    "products[360].name=P359",
    "products[361].name=P361",
  ]);
  expect(order.at(-1)).toBe("products[751].name=");
  expect(await paths(session)).toEqual(
    Array.from({ length: 752 }, (_, i) => `${i}:products[${i}].name:Product, row ${i + 1}`),
  );

  // A form of rows is never submitted (Enter in its only box would): no write, the page stays.
  const url = page.url();
  const status = await page.locator(".status").innerText();
  await page
    .locator('[data-table="products"] > form')
    .first()
    .evaluate((part) => (part as HTMLFormElement).requestSubmit());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(page.url()).toBe(url);
  expect(await page.locator(".status").innerText()).toBe(status);
  expect(await names(session)).toHaveLength(752);
});

test("pasting into the last rows of a full form keeps the focus in the box pasted into, though its rows move to a new form", async () => {
  session = await openPreview("en");
  const { page } = session;
  await planWithProducts(page, 400);
  expect(await partFields(session)).toEqual([2400]);
  await paste(page, "products[399].name", ["X\tt\t1\t2\t3", "Y\tt\t1\t2\t3", "Z\tt\t1\t2\t3"].join("\r\n"));
  expect(await partFields(session)).toEqual([2160, 252]);
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe("products[399].name");
  expect((await names(session)).slice(398)).toEqual([
    "products[398].name=P398",
    "products[399].name=X",
    "products[400].name=Y",
    "products[401].name=Z",
  ]);
});

test("a row added to a long table is drawn in the frame after the click, also when it starts a new chunk", async () => {
  session = await openPreview("en");
  const { page } = session;
  await planWithProducts(page, 600);
  const drawn = await page.evaluate(async () => {
    const add = document.querySelector<HTMLElement>('fieldset[data-path="products[]"] fluent-button.add-row')!;
    const seen: string[] = [];
    // 600 rows fill chunks of 20: the first add starts a new chunk, the next ones join it.
    for (let i = 0; i < 3; i++) {
      seen.push(
        await new Promise<string>((resolve) =>
          requestAnimationFrame(() => {
            add.click();
            const row = document.querySelector('[data-path="products[' + (600 + i) + '].name"]')!;
            // The next frame's callbacks run once this frame is drawn: was the row skipped in it?
            requestAnimationFrame(() =>
              resolve(
                `${row.closest(".chunk")!.childElementCount}:${row.checkVisibility({ contentVisibilityAuto: true })}`,
              ),
            );
          }),
        ),
      );
    }
    return seen;
  });
  expect(drawn).toEqual(["1:true", "2:true", "3:true"]);
});
