import { mkdirSync } from "fs";
import { join } from "path";
import {
  addRows,
  cell,
  fill,
  fillContractParties,
  openPreview,
  sheetTabs,
  startTemplate,
  typeInto,
  write,
  type Session,
  entryAction,
} from "./preview-page";

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
  await fill(page, {
    unit: "Công nghiệp miền Bắc",
    issuer: "Ủy ban Kế hoạch Nhà nước",
    baseYear: 1960,
    planYear: 1965,
    moneyUnit: "triệu đồng",
  });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "Tổng sản lượng công nghiệp",
    "products[0].uom": "triệu đồng",
    "products[0].baseQty": 1458,
    "products[0].planQty": 2761,
    "products[0].price": 1,
  });
}

/** Both parties in full, as the contract's required fields ask. */
test("the 1961–65 plan of DOMAIN.md shows growth 89 %, then 1960 to 1965 year by year at 13.6 % a year", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await fillPlan1961();
  const verdict = await write(page);
  expect(verdict).toMatchObject({ intent: "success" });
  expect(verdict.text).toContain("KH 1965");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
  expect(await cell(page, "G1")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(await cell(page, "G2")).toBe("Độc lập - Tự do - Hạnh phúc");
  expect(await cell(page, "A14")).toBe("Đơn vị tính giá trị: triệu đồng (giá cố định)");
  // Đồng without decimals.
  expect(await cell(page, "G17")).toBe("1.458");
  expect(await cell(page, "H17")).toBe("2.761");
  // Growth in the same format as the annual growth beside it.
  expect(await cell(page, "I17")).toBe("89,4%");
  expect(await cell(page, "J17")).toBe("13,6%");
  expect(await cell(page, "C11")).toBe("5");
  // Year by year: each year's planned output, linked by the same annual growth.
  const years = [];
  for (let row = 22; row <= 27; row++) years.push(await cell(page, `A${row}`));
  expect(years).toEqual(["1960", "1961", "1962", "1963", "1964", "1965"]);
  expect(await cell(page, "B22")).toBe("1.458");
  expect(await cell(page, "B23")).toBe("1.657");
  expect(await cell(page, "B27")).toBe("2.761");
  expect(await cell(page, "C22")).toBe("");
  for (let row = 23; row <= 27; row++) expect(await cell(page, `C${row}`)).toBe("13,6%");
  expect(await cell(page, "D27")).toBe("189,4%");
  // Nothing entered yet: the actuals' indicators are blank, never an error value.
  expect(await page.locator("td.error").count()).toBe(0);
  await screenshot(session, "preview-plan.png");
});

test("a contract with two grades prices each line by its grade and totals the amounts by grade", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Economic contract");
  await fillContractParties(page);
  await addRows(page, "goods", 2);
  await fill(page, {
    "goods[0].name": "Rattan basket",
    "goods[0].quantity": 1000,
    "goods[0].material": 60,
    "goods[0].labour": 30,
    "goods[0].overhead": 10,
    "goods[1].name": "Rattan basket",
    "goods[1].quantity": 200,
    "goods[1].material": 60,
    "goods[1].labour": 30,
    "goods[1].overhead": 10,
  });
  await fill(page, { "goods[0].grade": "First grade", "goods[1].grade": "Second grade" });
  await addRows(page, "deliveries", 1);
  await fill(page, { "deliveries[0].date": "1966-12-15", "deliveries[0].share": 100 });
  const verdict = await write(page);
  expect(verdict).toMatchObject({ intent: "success" });
  // Base price 111 (DOMAIN.md's purchase example); second grade at 0.8: 88.80.
  expect(await cell(page, "L39")).toBe("111.00");
  expect(await cell(page, "M39")).toBe("111.00");
  expect(await cell(page, "M40")).toBe("88.80");
  expect(await cell(page, "N39")).toBe("111,000");
  expect(await cell(page, "N40")).toBe("17,760");
  // The total, in words by HT.INWORDS, and the amounts by grade.
  expect(await cell(page, "C43")).toBe("128,760");
  expect(await cell(page, "C44")).toBe("One hundred twenty-eight thousand seven hundred sixty dong");
  // (Numbered: STT, grade, quantity, amount.)
  expect(await cell(page, "B53")).toBe("First grade");
  expect(await cell(page, "D53")).toBe("111,000");
  expect(await cell(page, "D54")).toBe("17,760");
  expect(await cell(page, "D55")).toBe("128,760");
  expect(await page.locator("td.error").count()).toBe(0);
  await screenshot(session, "preview-contract.png");
  // The words are HT.INWORDS of the total, whatever the total: typed beside the template, they agree.
  await typeInto(page, "P1", '=HT.INWORDS(C43,"","en")');
  expect(await cell(page, "P1")).toBe(await cell(page, "C44"));
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

test("the formula bar takes a formula typed the Vietnamese way: Vietnamese names, `;` and decimal commas", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await typeInto(page, "B2", "=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)");
  expect(await cell(page, "B2")).toBe("111");
  await typeInto(page, "B3", '=HT.BANGCHU(105;"đồng; chẵn")');
  expect(await cell(page, "B3")).toBe("Một trăm linh năm đồng; chẵn");
  await typeInto(page, "B4", '=HT.COSTPRICE("abc";30)');
  await page.locator('td[data-cell="B4"]').click();
  expect(await page.locator("#cell-message").innerText()).toContain('vat_lieu = "abc" không phải là số');
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
  expect(verdict.text).toContain("Trang1!A1:M57");
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
  await entryAction(page, "KH 1965", "Sửa");
  expect(await page.locator('[data-path="products[0].planQty"]').inputValue()).toBe("2.761");
  await fill(page, { "products[0].planQty": 2916 });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "I17")).toBe("100,0%");
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "KH 1965", "Lưu thành giá trị");
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (giá trị)"]);
  await page.locator('td[data-cell="J17"]').click();
  expect(await page.locator("#formula-bar").inputValue()).toMatch(/^14,\d+%$/);
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

test("a price plan by the cost method writes its cost table with live formulas: 127,050 đồng a unit", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Phương án giá");
  await fill(page, { unit: "HTX Mây tre Phú Vinh", product: "Làn mây", productUom: "chiếc", outputQty: 1000 });
  await fill(page, { sellingCost: 2000000, adminCost: 3000000, financialCost: 1000000, byProductCost: 1000000 });
  await addRows(page, "materials", 2);
  await fill(page, {
    "materials[0].name": "Mây sợi",
    "materials[0].uom": "kg",
    "materials[0].qty": 400,
    "materials[0].price": 120000,
    "materials[1].name": "Tre",
    "materials[1].uom": "cây",
    "materials[1].qty": 200,
    "materials[1].price": 60000,
  });
  await addRows(page, "labour", 1);
  await fill(page, { "labour[0].name": "Công đan", "labour[0].qty": 1500, "labour[0].price": 20000 });
  // The overhead lines come listed; a price with no quantity is a lump sum.
  await fill(page, { "overhead[3].price": 5000000, "overhead[4].price": 3000000, "overhead[5].price": 2000000 });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "A6")).toBe("PHƯƠNG ÁN GIÁ");
  expect(await cell(page, "F12")).toBe("60.000.000");
  // Six overhead lines listed (rows 18–23), so the full cost is on row 28 and the price on row 37.
  expect(await cell(page, "B28")).toBe("Giá thành toàn bộ");
  expect(await cell(page, "F28")).toBe("106.000.000");
  expect(await cell(page, "G32")).toBe("105.000");
  expect(await cell(page, "B37")).toBe("Giá bán (đã có thuế)");
  expect(await cell(page, "G37")).toBe("127.050");
  expect(await page.locator("td.error").count()).toBe(0);
  // Live: a dearer material reprices the unit at once (material +10 đồng a unit: 127,050 + 10 × 1.1 × 1.1).
  await typeInto(page, "E14", "60050");
  // The cell holds 127,062.1; đồng print whole.
  expect(await cell(page, "G37")).toBe("127.062");
});

test("a norm-setting sheet gives the progressive average 9.5, checks the state norm and revises the piece rate", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Norm-setting sheet");
  await fill(page, { unit: "Phú Vinh cooperative", period: "1974" });
  await addRows(page, "timeNorms", 1);
  await fill(page, {
    "timeNorms[0].operation": "Weave a basket",
    "timeNorms[0].o1": 10,
    "timeNorms[0].o2": 12,
    "timeNorms[0].o3": 8,
    "timeNorms[0].o4": 9,
    "timeNorms[0].o5": 11,
    "timeNorms[0].stateNorm": 10,
  });
  await addRows(page, "outputNorms", 1);
  await fill(page, {
    "outputNorms[0].operation": "Split bamboo",
    "outputNorms[0].o1": 20,
    "outputNorms[0].o2": 22,
    "outputNorms[0].o3": 25,
    "outputNorms[0].o4": 24,
    "outputNorms[0].o5": 21,
    "outputNorms[0].stateNorm": 22,
    "outputNorms[0].oldNorm": 20,
    "outputNorms[0].wage": 60000,
  });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "J13")).toBe("10");
  expect(await cell(page, "K13")).toBe("9.5");
  expect(await cell(page, "M13")).toBe("Meets");
  expect(await cell(page, "K17")).toBe("23.45");
  expect(await cell(page, "Q17")).toBe("3,000.00");
  expect(await cell(page, "R17")).toBe("2,779.32");
  expect(await cell(page, "E21")).toBe("SECRETARY, NORM COUNCIL");
  expect(await page.locator("td.error").count()).toBe(0);
});

test("a contract with a malformed tax code and a 10 % penalty is refused on those fields, and nothing is written", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Hợp đồng kinh tế");
  await fillContractParties(page);
  await fill(page, { buyerTaxCode: "01001075", latePaymentPenalty: 10 });
  await addRows(page, "goods", 1);
  await fill(page, { "goods[0].name": "Làn mây", "goods[0].quantity": 100, "goods[0].agreedPrice": 50 });
  await fill(page, { "goods[0].grade": "Chính phẩm" });
  await addRows(page, "deliveries", 1);
  await fill(page, { "deliveries[0].date": "1966-12-15", "deliveries[0].share": 100 });
  // The field checks come first: the tax code.
  expect((await write(page)).intent).toBe("error");
  await expect(page.locator('[data-path="buyerTaxCode"]').getAttribute("aria-invalid")).resolves.toBe("true");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // Then the contract's rules: the 8 % cap of a commercial contract, named on the penalty.
  await fill(page, { buyerTaxCode: "0100107518-001" });
  expect((await write(page)).intent).toBe("error");
  await expect(page.locator('[data-path="latePaymentPenalty"]').getAttribute("aria-invalid")).resolves.toBe("true");
  expect(await page.locator(".issue").first().innerText()).toContain("8 %");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // Marked civil, the same rate is allowed.
  await fill(page, { kind: "civil" });
  expect((await write(page)).intent).toBe("success");
});
