/** Editing pane tables: removing and moving rows keeps every control's path, and choices are shared. */
import { addRows, fill, openPreview, startTemplate, type Session } from "./preview-page";

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
  await page
    .locator('[data-path="products[1].name"]')
    .locator("xpath=ancestor::*[@role='row']")
    .locator(".remove-row")
    .click();
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
