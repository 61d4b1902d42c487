/** Numbers typed into the real pane the Vietnamese and the English way, read back from the grid. */
import {
  addRows,
  cell,
  fill,
  fillContractParties,
  formulaOf,
  openPreview,
  sheetTabs,
  startTemplate,
  typeAndLeave,
  write,
  type Session,
  entryAction,
} from "./preview-page";

jest.setTimeout(60_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

async function planWith(lang: "vi" | "en", product: Record<string, string>): Promise<void> {
  const { page } = session;
  await startTemplate(page, lang === "vi" ? "Chỉ tiêu kế hoạch" : "Plan targets");
  await fill(page, { unit: "HTX Đồng Tâm", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await typeAndLeave(page, "products[0].name", "Lúa");
  for (const [column, text] of Object.entries(product)) await typeAndLeave(page, `products[0].${column}`, text);
}

async function contractWith(lang: "vi" | "en", rates: Record<string, string>): Promise<void> {
  const { page } = session;
  await startTemplate(page, lang === "vi" ? "Hợp đồng kinh tế" : "Economic contract");
  await fillContractParties(page);
  await addRows(page, "goods", 1);
  await fill(page, {
    "goods[0].name": "Rổ mây",
    "goods[0].quantity": 10,
    "goods[0].material": 60,
    "goods[0].labour": 30,
  });
  await fill(page, { "goods[0].grade": lang === "vi" ? "Chính phẩm" : "First grade" });
  await addRows(page, "deliveries", 1);
  await fill(page, { "deliveries[0].date": "1966-12-15" });
  for (const [path, text] of Object.entries(rates)) await typeAndLeave(page, path, text);
}

test("Vietnamese quantities 1.500.000 and 1.650.000,5 and a price of 1,5 are written as 1500000, 1650000.5 and 1.5", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await planWith("vi", { baseQty: "1.500.000", planQty: "1650000,5", price: "1,5", timeNorm: "0,25" });
  // On leaving a field the pane shows the number as it will be written.
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("1.650.000,5");
  expect((await write(page)).intent).toBe("success");
  // The formula bar shows them as a Vietnamese Excel does: no digit groups, a decimal comma.
  expect(await formulaOf(page, "D17")).toBe("1500000");
  expect(await formulaOf(page, "E17")).toBe("1650000,5");
  expect(await formulaOf(page, "F17")).toBe("1,5");
  expect(await cell(page, "G17")).toBe("2.250.000");
  expect(await formulaOf(page, "C31")).toBe("0,25");
});

test("English quantities 1,500,000 and 1,650,000.5 and a price of 1.5 are written as the same numbers", async () => {
  session = await openPreview("en");
  const { page } = session;
  await planWith("en", { baseQty: "1,500,000", planQty: "1650000.5", price: "1.5" });
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("1,650,000.5");
  expect((await write(page)).intent).toBe("success");
  expect(await formulaOf(page, "D17")).toBe("1500000");
  expect(await formulaOf(page, "E17")).toBe("1650000.5");
  expect(await formulaOf(page, "F17")).toBe("1.5");
  expect(await cell(page, "G17")).toBe("2,250,000");
});

test("a Vietnamese rate of 5,5 % is written as 0.055 with a percent format; 3% and 10 mean 3 % and 10 %", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await contractWith("vi", {
    profitRate: "5,5 %",
    accumulationRate: "3%",
    welfareRate: "10",
    "deliveries[0].share": "100 %",
  });
  expect(await page.locator('[data-path="profitRate"]').inputValue()).toBe("5,5");
  expect(await page.locator("label", { hasText: "Lãi" }).first().innerText()).toContain("%");
  expect((await write(page)).intent).toBe("success");
  // A cell formatted as a percentage shows it as one in the formula bar too, as Excel does (0.055 stored).
  expect(await formulaOf(page, "C32")).toBe("5,5%");
  expect(await cell(page, "C32")).toBe("5,5%");
  expect(await formulaOf(page, "C33")).toBe("3%");
  expect(await formulaOf(page, "C34")).toBe("10%");
});

test("an English rate of 5.5 % is written as 0.055, and the field says 5 means 5 %", async () => {
  session = await openPreview("en");
  const { page } = session;
  await contractWith("en", { profitRate: "5.5 %", "deliveries[0].share": "100" });
  const hint = await page
    .locator('[data-path="profitRate"]')
    .evaluate((el) => el.closest(".field")!.querySelector(".hint")!.textContent);
  expect(hint).toContain("Type 5, 5% or 5 % for 5 %");
  expect((await write(page)).intent).toBe("success");
  expect(await formulaOf(page, "C32")).toBe("5.5%");
  expect(await cell(page, "C32")).toBe("5.5%");
});

test("ambiguous or malformed numbers are refused on their fields with an example, kept as typed, and nothing is written", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await planWith("vi", { baseQty: "1.5.0", planQty: "1,50,0", price: "ba" });
  // Said at once, on leaving the field …
  const message = (path: string) =>
    page
      .locator(`[data-path="${path}"]`)
      .evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")!.split(" ")[0])!.textContent);
  expect(await message("products[0].baseQty")).toContain("1.500.000,5");
  // … and again when writing, with everything the user typed still there.
  expect((await write(page)).intent).toBe("error");
  for (const path of ["products[0].baseQty", "products[0].planQty", "products[0].price"]) {
    expect(await page.locator(`[data-path="${path}"]`).getAttribute("aria-invalid")).toBe("true");
    expect(await message(path)).toContain("Viết ví dụ 1.500.000,5");
  }
  expect(await page.locator('[data-path="products[0].baseQty"]').inputValue()).toBe("1.5.0");
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("1,50,0");
  expect(await page.locator('[data-path="products[0].price"]').inputValue()).toBe("ba");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // Fixed, it writes.
  await typeAndLeave(page, "products[0].baseQty", "1.500");
  await typeAndLeave(page, "products[0].planQty", "1.650");
  await typeAndLeave(page, "products[0].price", "2");
  expect(await page.locator('[data-path="products[0].baseQty"]').getAttribute("aria-invalid")).toBeNull();
  expect((await write(page)).intent).toBe("success");
  expect(await formulaOf(page, "D17")).toBe("1500");
});

test("a plan filled in Vietnamese reopens in an English pane with the same numbers in English form", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await planWith("vi", { baseQty: "1.500.000,5", planQty: "2.000.000", price: "1,5" });
  expect((await write(page)).intent).toBe("success");
  await page.locator(".form-head fluent-button").click();
  await page.locator("#language").selectOption("en");
  await entryAction(page, "KH 1965", "Edit");
  expect(await page.locator('[data-path="products[0].baseQty"]').inputValue()).toBe("1,500,000.5");
  expect(await page.locator('[data-path="products[0].price"]').inputValue()).toBe("1.5");
  expect(await cell(page, "D17")).toBeTruthy();
});
