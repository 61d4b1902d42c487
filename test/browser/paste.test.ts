/** Rows pasted from Excel into a pane table, and rows taken from the workbook's selection. */
import {
  fill,
  formulaOf,
  openPreview,
  paste,
  sheetTabs,
  startTemplate,
  typeAndLeave,
  typeInto,
  write,
  type Session,
} from "./preview-page";

jest.setTimeout(120_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

const rowsOf = (session: Session, table: string) => session.page.locator(`[data-table="${table}"] [role=row]`).count();

test("2,000 tab-separated lines pasted into the first cell make 2,000 rows, numbers read the Vietnamese way", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "HTX Đồng Tâm", baseYear: 1960, planYear: 1965 });
  await page.locator('fieldset[data-path="products[]"] fluent-button.add-row').click();
  const lines = Array.from({ length: 2000 }, (_, i) => `Sản phẩm ${i + 1}\ttấn\t${i + 1}\t2.000,5\t1,5`);
  await paste(page, "products[0].name", lines.join("\r\n") + "\r\n");
  expect(await rowsOf(session, "products")).toBe(2000);
  expect(await page.locator('[data-path="products[1999].name"]').inputValue()).toBe("Sản phẩm 2000");
  expect(await page.locator('[data-path="products[1999].baseQty"]').inputValue()).toBe("2.000");
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("2.000,5");
  expect(await page.locator('fieldset[data-path="products[]"] .table-status').innerText()).toContain("2.000 dòng");
  expect(await page.locator("[aria-invalid]").count()).toBe(0);
  expect((await write(page)).intent).toBe("success");
  expect(await formulaOf(page, "D17")).toBe("1");
  expect(await formulaOf(page, "D2016")).toBe("2000");
  expect(await formulaOf(page, "E2016")).toBe("2000,5");
  expect(await formulaOf(page, "B2016")).toBe("Sản phẩm 2000");
});

test("a paste into a middle cell fills right and down from it, adds the rows it needs, and marks what fails", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Plan targets");
  await fill(page, { unit: "Đồng Tâm", baseYear: 1960, planYear: 1965 });
  await page.locator('fieldset[data-path="products[]"] fluent-button.add-row').click();
  await fill(page, { "products[0].name": "Rice", "products[0].uom": "t" });
  // Excel quotes a cell that holds a line break or a tab; the third line has a Vietnamese-style number.
  await paste(page, "products[0].baseQty", '1,500\t1,650\t"2"\r\n10\t12\t3\r\n1.500,5\t7\t1\r\n');
  expect(await rowsOf(session, "products")).toBe(3);
  expect(await page.locator('[data-path="products[0].name"]').inputValue()).toBe("Rice");
  expect(await page.locator('[data-path="products[0].baseQty"]').inputValue()).toBe("1,500");
  expect(await page.locator('[data-path="products[0].price"]').inputValue()).toBe("2");
  expect(await page.locator('[data-path="products[1].planQty"]').inputValue()).toBe("12");
  // Marked on its cell, kept as pasted, and nothing is written until it is fixed.
  expect(await page.locator('[data-path="products[2].baseQty"]').getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator('[data-path="products[2].baseQty"]').inputValue()).toBe("1.500,5");
  expect(await page.locator('fieldset[data-path="products[]"] .table-status').innerText()).toContain(
    "1 cell with a problem is marked",
  );
  expect((await write(page)).intent).toBe("error");
  expect(await sheetTabs(page)).toEqual(["Sheet1"]);
  await fill(page, { "products[1].name": "Maize", "products[2].name": "Beans" });
  await typeAndLeave(page, "products[2].baseQty", "1,500.5");
  expect((await write(page)).intent).toBe("success");
  expect(await formulaOf(page, "D19")).toBe("1500.5");
});

test("rows are taken from the selected region of the workbook, after the rows already typed", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await typeInto(page, "A1", "Lúa");
  await typeInto(page, "B1", "tấn");
  await typeInto(page, "C1", "1500");
  await typeInto(page, "A2", "Ngô");
  await typeInto(page, "B2", "tấn");
  await typeInto(page, "C2", "200,5");
  await page.locator('td[data-cell="B2"]').click();
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await page.locator('fieldset[data-path="products[]"] fluent-button.add-row').click();
  await fill(page, { "products[0].name": "Khoai" });
  await page.locator('fieldset[data-path="products[]"] fluent-button.from-selection').click();
  await page.locator('fieldset[data-path="products[]"] .table-status', { hasText: "2 dòng" }).waitFor();
  expect(await rowsOf(session, "products")).toBe(3);
  expect(await page.locator('[data-path="products[1].name"]').inputValue()).toBe("Lúa");
  expect(await page.locator('[data-path="products[1].baseQty"]').inputValue()).toBe("1.500");
  expect(await page.locator('[data-path="products[2].name"]').inputValue()).toBe("Ngô");
});
