import { mkdirSync } from "fs";
import { join } from "path";
import { addRows, cell, fill, openPreview, sheetTabs, startTemplate, typeInto, write, type Session } from "./preview-page";

jest.setTimeout(60_000);

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? join(__dirname, "..", "..", "docs") : undefined;

async function screenshot(session: Session, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await session.page.screenshot({ path: join(SCREENSHOTS, name) });
}

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

async function fillPlan1961(): Promise<void> {
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "Công nghiệp miền Bắc", issuer: "Ủy ban Kế hoạch Nhà nước", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "Tổng sản lượng công nghiệp", "products[0].uom": "triệu đồng",
    "products[0].baseQty": 1458, "products[0].planQty": 2761, "products[0].price": 1,
  });
}

test("the 1961–65 plan of DOMAIN.md shows growth 89 % and average annual growth 13.6 % in the grid", async () => {
  session = await openPreview("vi");
  await fillPlan1961();
  const verdict = await write(session.page);
  expect(verdict).toMatchObject({ intent: "success" });
  expect(verdict.text).toContain("KH 1965");
  expect(await sheetTabs(session.page)).toEqual(["Trang1", "KH 1965"]);
  expect(await cell(session.page, "G13")).toBe("1.458,00");
  expect(await cell(session.page, "H13")).toBe("2.761,00");
  expect(await cell(session.page, "I13")).toBe("89%");
  expect(await cell(session.page, "J13")).toBe("13,6%");
  expect(await cell(session.page, "C8")).toBe("5");
  await screenshot(session, "preview-plan.png");
});

test("a contract with two grades prices each line by its grade and totals the amounts by grade", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Economic contract");
  await fill(page, {
    contractNo: "12/HĐKT", signDate: "1966-01-15", place: "Hà Nội",
    buyerName: "Handicraft Export Corporation", buyerRep: "Nguyễn Văn A",
    sellerName: "Phú Vinh rattan cooperative", sellerRep: "Trần Thị B",
    deliveryPlace: "Gia Lâm depot", startDate: "1966-02-01", endDate: "1966-12-31",
  });
  await addRows(page, "goods", 2);
  await fill(page, {
    "goods[0].name": "Rattan basket", "goods[0].quantity": 1000, "goods[0].material": 60, "goods[0].labour": 30, "goods[0].overhead": 10,
    "goods[1].name": "Rattan basket", "goods[1].quantity": 200, "goods[1].material": 60, "goods[1].labour": 30, "goods[1].overhead": 10,
  });
  await fill(page, { "goods[0].grade": "First grade", "goods[1].grade": "Second grade" });
  await addRows(page, "deliveries", 1);
  await fill(page, { "deliveries[0].date": "1966-12-15", "deliveries[0].share": 100 });
  const verdict = await write(page);
  expect(verdict).toMatchObject({ intent: "success" });
  // Base price 111 (DOMAIN.md's purchase example); second grade at 0.8: 88.80.
  expect(await cell(page, "L22")).toBe("111.00");
  expect(await cell(page, "M22")).toBe("111.00");
  expect(await cell(page, "M23")).toBe("88.80");
  expect(await cell(page, "N22")).toBe("111,000.00");
  expect(await cell(page, "N23")).toBe("17,760.00");
  // Amounts by grade, and their total.
  expect(await cell(page, "A28")).toBe("First grade");
  expect(await cell(page, "C28")).toBe("111,000.00");
  expect(await cell(page, "C29")).toBe("17,760.00");
  expect(await cell(page, "C30")).toBe("128,760.00");
  expect(await cell(page, "C33")).toBe("128,760.00");
  await screenshot(session, "preview-contract.png");
});

test("an HT formula with a bad argument shows the error in the cell and its message in the formula bar", async () => {
  session = await openPreview("en");
  const { page } = session;
  await typeInto(page, "B2", '=HT.COSTPRICE("sixty",30)');
  expect(await cell(page, "B2")).toBe("#VALUE!");
  await page.locator('td[data-cell="B2"]').click();
  expect(await page.locator("#cell-message").innerText()).toContain("material");
  await typeInto(page, "B3", "=HT.COSTPRICE(60,30,10,0.05,0.03,0.1)");
  expect(await cell(page, "B3")).toBe("111");
  await typeInto(page, "B4", "=HT.COSTPRICE(60,30,0,0,0,0,61)");
  expect(await cell(page, "B4")).toBe("#NUM!");
});

test("writing into a range that is not empty is refused, and the range is left as it was", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await typeInto(page, "C3", "số liệu của tôi");
  await page.locator('td[data-cell="A1"]').click();
  await fillPlan1961();
  await page.locator('input[name="where"][value="selection"]').check();
  const verdict = await write(page);
  expect(verdict.intent).toBe("warning");
  expect(verdict.text).toContain("Trang1!A1:M34");
  expect(await cell(page, "C3")).toBe("số liệu của tôi");
  expect(await cell(page, "A1")).toBe("");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // The pane offers a new sheet instead; taking it writes there and still leaves Trang1 alone.
  await page.locator(".status fluent-button", { hasText: "Trang tính mới" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
  await page.locator(".tabs .tab", { hasText: "Trang1" }).click();
  expect(await cell(page, "C3")).toBe("số liệu của tôi");
});

test("a filled template reopens with its inputs, updates in place, and freezes into a values copy", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await fillPlan1961();
  await write(page);
  await page.locator(".form-head fluent-button").click();
  await page.locator(".filled li", { hasText: "KH 1965" }).locator("fluent-button", { hasText: "Sửa" }).click();
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("2.761");
  await fill(page, { "products[0].planQty": 2916 });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "I13")).toBe("100%");
  await page.locator(".form-head fluent-button").click();
  await page.locator(".filled li", { hasText: "KH 1965" }).locator("fluent-button", { hasText: "Lưu thành giá trị" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (giá trị)"]);
  await page.locator('td[data-cell="J13"]').click();
  expect(await page.locator("#formula-bar").inputValue()).toMatch(/^0\.1/);
});

test("form errors are shown on the fields, and nothing is written", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Plan targets");
  const verdict = await write(page);
  expect(verdict.intent).toBe("error");
  await expect(page.locator('[data-path="unit"]').getAttribute("aria-invalid")).resolves.toBe("true");
  expect(await page.locator(".issue").count()).toBeGreaterThan(2);
  expect(await sheetTabs(page)).toEqual(["Sheet1"]);
  await screenshot(session, "preview-validation.png");
});
