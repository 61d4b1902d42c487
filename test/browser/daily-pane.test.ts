/**
 * The pane as a daily tool in the preview: once written, the write button updates the entry in
 * place (a new copy is its own button); a refused write lists every problem by its field and row,
 * each a link to its control; a percentage typed below 1 is asked about before anything is written.
 */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import {
  addRows,
  cell,
  fill,
  fillContractParties,
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

jest.setTimeout(90_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

/** Every value of a sheet, row by row, flattened (numbers as numbers, text as text). */
async function sheetValues(page: Page, name: string): Promise<unknown[]> {
  return page.evaluate((sheetName) => {
    const { hf } = (window as unknown as { htPreview: { book: { hf: import("hyperformula").HyperFormula } } }).htPreview
      .book;
    return hf.getSheetValues(hf.getSheetId(sheetName)!).flat();
  }, name);
}

async function fillPlan(page: Page): Promise<void> {
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "HTX Đồng Tâm", issuer: "UBND huyện", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "Lúa",
    "products[0].uom": "tấn",
    "products[0].baseQty": 1458,
    "products[0].planQty": 2761,
    "products[0].price": 1,
  });
}

test("once written, the form is that entry: the write button says Update and updates in place, actuals kept; a new copy is its own button", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await fillPlan(page);
  expect(await page.locator("#write").innerText()).toBe("Ghi vào sổ");
  expect(await page.locator("#write-copy").isVisible()).toBe(false);
  expect((await write(page)).intent).toBe("success");
  expect(await page.locator("#write").innerText()).toBe("Cập nhật trang tính");
  expect(await page.locator("fieldset.placement").isVisible()).toBe(false);
  expect(await page.locator("#write-copy").isVisible()).toBe(true);
  // An actual typed into the sheet, then a change in the form and the same button again.
  await typeInto(page, "K17", "2800");
  await fill(page, { unit: "HTX Đồng Tâm mới" });
  const verdict = await write(page);
  expect(verdict.intent).toBe("success");
  expect(verdict.text).toContain("Đã cập nhật");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
  expect(await cell(page, "A2")).toBe("HTX Đồng Tâm mới");
  expect(await formulaOf(page, "K17")).toBe("2800");
  // A new copy only when asked for; then the form is the copy's entry.
  await page.locator("#write-copy").click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (2)"]);
  await fill(page, { unit: "Bản sao" });
  expect((await write(page)).intent).toBe("success");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (2)"]);
  expect(await cell(page, "A2")).toBe("Bản sao");
});

test("a refused write lists every problem at once, field checks and cross-field rules, by label and row; choosing one focuses its control", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await fillPlan(page);
  await fill(page, { baseYear: 1966 });
  await typeAndLeave(page, "products[0].baseQty", "1.5.0");
  const verdict = await write(page);
  expect(verdict.intent).toBe("error");
  const links = page.locator(".status .issue-link");
  expect(await links.allInnerTexts()).toEqual([
    expect.stringMatching(/^Sản lượng năm gốc.*, dòng 1: Không đọc được số/),
    expect.stringMatching(/^Năm kế hoạch: Năm kế hoạch phải sau năm gốc/),
  ]);
  await links.nth(1).click();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("planYear");
  await links.nth(0).click();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("products[0].baseQty");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
});

test("a contract's deliveries not adding up and a penalty over 8 % are listed with a share that does not read", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Hợp đồng kinh tế");
  await fillContractParties(page);
  await addRows(page, "goods", 1);
  await fill(page, {
    "goods[0].name": "Rổ mây",
    "goods[0].quantity": 10,
    "goods[0].material": 60,
    "goods[0].labour": 30,
    "goods[0].grade": "Chính phẩm",
  });
  await addRows(page, "deliveries", 2);
  await fill(page, {
    "deliveries[0].date": "1966-06-30",
    "deliveries[0].share": "50",
    "deliveries[1].date": "1966-12-15",
    "deliveries[1].share": "ba",
    latePaymentPenalty: "12",
  });
  expect((await write(page)).intent).toBe("error");
  const texts = await page.locator(".status .issue-link").allInnerTexts();
  expect(texts.some((t) => /, dòng 2: Không đọc được tỷ lệ/.test(t))).toBe(true);
  expect(texts.some((t) => /100 %/.test(t))).toBe(true);
  expect(texts.some((t) => /8 %/.test(t))).toBe(true);
  // The deliveries' sum names the table: choosing it goes into the table's rows.
  await page.locator(".status .issue-link", { hasText: "100 %" }).click();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toMatch(/^deliveries\[0\]\./);
});

test("0,05 typed into a % field asks “0,05 % or 5 %?” before anything is written; each answer is kept", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Hợp đồng kinh tế");
  await fillContractParties(page);
  await addRows(page, "goods", 1);
  await fill(page, {
    "goods[0].name": "Rổ mây",
    "goods[0].quantity": 10,
    "goods[0].material": 60,
    "goods[0].labour": 30,
    "goods[0].grade": "Chính phẩm",
  });
  await addRows(page, "deliveries", 1);
  // A delivery date typed the Vietnamese way: written as Excel's serial of 15 December 1966.
  await fill(page, { "deliveries[0].date": "15/12/1966", "deliveries[0].share": "100" });
  await typeAndLeave(page, "profitRate", "0,05");
  const asked = await write(page);
  expect(asked.intent).toBe("warning");
  expect(asked.text).toContain("0,05 % hay 5 %");
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // "5 %": the field now says 5, and the contract is written with 0.05.
  await page.locator(".status fluent-button", { hasText: /^5 %$/ }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await page.locator('[data-path="profitRate"]').inputValue()).toBe("5");
  expect(await formulaOf(page, "C32")).toBe("5%");
  expect(await sheetValues(page, (await sheetTabs(page))[1])).toContain(24456);
  // 0,5 % meant as such: asked once, kept, written as 0.005.
  await typeAndLeave(page, "profitRate", "0,5");
  expect((await write(page)).text).toContain("0,5 % hay 50 %");
  await page.locator(".status fluent-button", { hasText: /^0,5 %$/ }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await formulaOf(page, "C32")).toBe("0,5%");
  expect((await write(page)).intent).toBe("success");
});

test("date fields read and show dd/mm/yyyy in the Vietnamese pane, typed or picked, and are written as Excel dates", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  const docDate = page.locator('[data-path="docDate"]');
  expect(await docDate.getAttribute("type")).toBe("text");
  expect(await docDate.getAttribute("placeholder")).toBe("dd/mm/yyyy");
  await typeAndLeave(page, "docDate", "5/1/1961");
  expect(await docDate.inputValue()).toBe("05/01/1961");
  // Picked: the calendar's choice lands in the field in the pane's order.
  await page.locator(".field:has([data-path=docDate]) .pick-date").click();
  await page.locator("input.date-picker").fill("1961-01-10");
  expect(await docDate.inputValue()).toBe("10/01/1961");
  // A date that is no date is named on its field.
  await typeAndLeave(page, "docDate", "31/02/1961");
  await fill(page, { unit: "HTX Đồng Tâm", issuer: "UBND huyện", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "Lúa",
    "products[0].uom": "tấn",
    "products[0].baseQty": 1,
    "products[0].planQty": 2,
    "products[0].price": 1,
  });
  expect((await write(page)).intent).toBe("error");
  expect(await page.locator(".status .issue-link").allInnerTexts()).toContainEqual(
    expect.stringContaining("ví dụ 15/12/1966"),
  );
  await typeAndLeave(page, "docDate", "10/01/1961");
  const written = await write(page);
  expect(written).toMatchObject({ intent: "success" });
  // The plan's date is its date line's text; a contract's delivery date (below) is a date cell.
  const values = await sheetValues(page, "KH 1965");
  expect(values.some((v) => String(v).endsWith("ngày 10 tháng 01 năm 1961"))).toBe(true);
});

test("a 5,000-product plan is written and updated in slices: the pane counts the progress, a cell typed meanwhile is refused with a word, nothing typed is written over, and a save meanwhile waits for the write", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "HTX Đồng Tâm", issuer: "UBND huyện", baseYear: 1973, planYear: 1974 });
  await addRows(page, "products", 1);
  await paste(
    page,
    "products[0].name",
    Array.from({ length: 5000 }, (_, i) => `Sản phẩm ${i + 1}\tchiếc\t${1000 + i}\t${1200 + i}\t3,5\t1,5`).join("\r\n"),
  );
  await addRows(page, "materials", 1);
  await paste(
    page,
    "materials[0].product",
    Array.from({ length: 5000 }, (_, i) => `Sản phẩm ${i + 1}\tMây sợi\tkg\t0,4`).join("\r\n"),
  );
  await page.locator("#write").click();
  // Between slices the page draws: the count of parts written shows and moves on.
  await page.locator(".status .busy span", { hasText: /Đang ghi… \d+\/\d+/ }).waitFor();
  await typeInto(page, "B3", "12");
  expect(await page.locator("#cell-message").innerText()).toBe("Đang ghi mẫu vào sổ tính; nhập lại khi ghi xong.");
  // Saved meanwhile: the file waits for the write, and holds the whole plan (its verdict comes
  // first, then the save's).
  const downloading = page.waitForEvent("download");
  await page.locator("#save-xlsx").click();
  // Each message the bar shows, as it ends up.
  await page.evaluate(() => {
    const shown = new Map<Element, { intent: string | null; text: string | null }>();
    (window as unknown as { shown: typeof shown }).shown = shown;
    const status = document.querySelector(".status")!;
    new MutationObserver(() => {
      const bar = status.querySelector("fluent-message-bar");
      if (bar) shown.set(bar, { intent: bar.getAttribute("intent"), text: bar.textContent });
    }).observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const verdict = page.locator(".status fluent-message-bar");
  await page.locator(".status fluent-message-bar", { hasText: "Đã lưu" }).waitFor({ timeout: 60_000 });
  const shown = await page.evaluate(() => [...(window as unknown as { shown: Map<Element, unknown> }).shown.values()]);
  expect(shown).toEqual([
    { intent: "success", text: expect.stringContaining("A1:M20049") },
    { intent: "success", text: expect.stringContaining("Đã lưu") },
  ]);
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(readFileSync((await (await downloading).path())!) as unknown as ArrayBuffer);
  const lastMaterial = file
    .getWorksheet("KH 1974")
    ?.getRows(1, 20049)
    ?.find((row) => row.getCell(2).value === "Sản phẩm 5000" && row.getCell(3).value === "Mây sợi");
  expect((lastMaterial?.getCell(6).value as { result?: number } | undefined)?.result).toBeCloseTo(0.4 * 6199, 9);
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1974"]);
  // The last material found its product across the slices: its need is 0,4 × 6.199.
  const need = await page.evaluate(() => {
    const { hf } = (window as unknown as { htPreview: { book: { hf: import("hyperformula").HyperFormula } } }).htPreview
      .book;
    const rows = hf.getSheetValues(hf.getSheetId("KH 1974")!);
    return rows.find((row) => row[1] === "Sản phẩm 5000" && row[2] === "Mây sợi")?.[5];
  });
  expect(need as number).toBeCloseTo(0.4 * 6199, 9);
  await page.locator(".tab", { hasText: "Trang1" }).click();
  expect(await formulaOf(page, "B3")).toBe("");
  await typeInto(page, "B3", "12");
  expect(await formulaOf(page, "B3")).toBe("12");
  // Updating it goes in slices too: counted, and the grid waits for it.
  await fill(page, { hoursPerWorker: 2500 });
  await page.locator("#write").click();
  await page.locator(".status .busy span", { hasText: /Đang ghi… \d+\/\d+/ }).waitFor();
  await typeInto(page, "B4", "7");
  expect(await page.locator("#cell-message").innerText()).toBe("Đang ghi mẫu vào sổ tính; nhập lại khi ghi xong.");
  await verdict.waitFor({ timeout: 60_000 });
  expect(await verdict.getAttribute("intent")).toBe("success");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1974"]);
  await page.locator(".tab", { hasText: "Trang1" }).click();
  expect(await formulaOf(page, "B4")).toBe("");
});
