/**
 * What Update keeps and asks, freeze, text that stays text, and forms that are never discarded
 * silently — end to end in the preview, as a person does it: the grid through #formula-bar, the
 * pane through its buttons.
 */
import type { Page } from "playwright-core";
import {
  addRows,
  cell,
  fill,
  formulaOf,
  openPreview,
  sheetTabs,
  startTemplate,
  typeInto,
  write,
  type Session,
  entryAction,
} from "./preview-page";

jest.setTimeout(90_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

async function writePlan(page: Page, unit = "Công nghiệp miền Bắc"): Promise<void> {
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit, issuer: "Ủy ban Kế hoạch Nhà nước", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "Tổng sản lượng công nghiệp",
    "products[0].uom": "triệu đồng",
    "products[0].baseQty": 1458,
    "products[0].planQty": 2761,
    "products[0].price": 1,
  });
  expect((await write(page)).intent).toBe("success");
}

/** Back to the list, then "Sửa" on the plan. */
async function reopen(page: Page): Promise<void> {
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "KH 1965", "Sửa");
  await page.locator("form.template-form").waitFor();
}

test("actuals typed into the grid are kept when the plan is updated with a new unit name", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await writePlan(page);
  // The product's actual quantity (K17), its hours worked (F31) and an actual of 1962 (E24).
  await typeInto(page, "K17", "2800");
  await typeInto(page, "F31", "1500");
  await typeInto(page, "E24", "1700");
  await reopen(page);
  await fill(page, { unit: "Bộ Công nghiệp nặng" });
  const verdict = await write(page);
  expect(verdict.intent).toBe("success");
  expect(await cell(page, "A2")).toBe("Bộ Công nghiệp nặng");
  expect(await formulaOf(page, "K17")).toBe("2800");
  expect(await formulaOf(page, "F31")).toBe("1500");
  expect(await formulaOf(page, "E24")).toBe("1700");
  expect(await cell(page, "M17")).toBe("101,4%");
  // A second update from the same form starts from what the first one wrote.
  await fill(page, { unit: "Bộ Cơ khí" });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "A2")).toBe("Bộ Cơ khí");
  expect(await formulaOf(page, "K17")).toBe("2800");
});

/** The price in F17 typed over by hand, then an update of the unit's name: the pane's verdict. */
async function handEditThenUpdate(page: Page): Promise<{ intent: string; text: string }> {
  await writePlan(page);
  await typeInto(page, "F17", "2");
  await reopen(page);
  await fill(page, { unit: "Bộ Công nghiệp nặng" });
  return await write(page);
}

test("a hand-edited template cell makes Update ask, listing it; keeping the edit keeps it", async () => {
  session = await openPreview("vi");
  const { page } = session;
  const question = await handEditThenUpdate(page);
  expect(question.intent).toBe("warning");
  expect(question.text).toContain("F17");
  expect(question.text).toContain("“1”");
  expect(question.text).toContain("“2”");
  // Nothing was written while the pane asks.
  expect(await cell(page, "A2")).toBe("Công nghiệp miền Bắc");
  await page.locator(".status fluent-button", { hasText: "Giữ các ô đã sửa" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await cell(page, "A2")).toBe("Bộ Công nghiệp nặng");
  expect(await formulaOf(page, "F17")).toBe("2");
});

test("overwriting a hand edit restores the template's value and keeps the old version as a sheet", async () => {
  session = await openPreview("vi");
  const { page } = session;
  expect((await handEditThenUpdate(page)).intent).toBe("warning");
  await page.locator(".status fluent-button", { hasText: "Ghi đè" }).click();
  const done = page.locator(".status fluent-message-bar[intent=success]");
  await done.waitFor();
  expect(await done.innerText()).toContain("KH 1965 (trước cập nhật)");
  expect(await formulaOf(page, "F17")).toBe("1");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (trước cập nhật)"]);
});

test("rows inserted above the template: Update writes where it is now and the letterhead stays", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await writePlan(page);
  await typeInto(page, "K17", "2800");
  await page.locator('td[data-cell="A1"]').click();
  await page.evaluate(() =>
    (window as unknown as { htPreview: { insertRows(n: number): void } }).htPreview.insertRows(2),
  );
  await typeInto(page, "A1", "CÔNG TY MÁY CÔNG CỤ SỐ 1 — THƯ NGỎ");
  await reopen(page);
  await fill(page, { unit: "Bộ Công nghiệp nặng" });
  const verdict = await write(page);
  expect(verdict.intent).toBe("success");
  expect(await cell(page, "A1")).toBe("CÔNG TY MÁY CÔNG CỤ SỐ 1 — THƯ NGỎ");
  expect(await cell(page, "A2")).toBe("");
  // The template two rows lower: its heading (superior body, unit), the title, the product row.
  expect(await cell(page, "A3")).toBe("Ủy ban Kế hoạch Nhà nước");
  expect(await cell(page, "A4")).toBe("Bộ Công nghiệp nặng");
  expect(await cell(page, "A8")).toBe("CHỈ TIÊU KẾ HOẠCH NĂM 1965");
  expect(await formulaOf(page, "K19")).toBe("2800");
  expect(await cell(page, "I19")).toBe("89,4%");
});

test("a plan whose unit is =1+1 freezes into a copy that shows the text, and 007 stays 007", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "=1+1", issuer: "007", baseYear: 1960, planYear: 1965 });
  await addRows(page, "products", 1);
  await fill(page, {
    "products[0].name": "TRUE",
    "products[0].uom": "1/2",
    "products[0].baseQty": 1458,
    "products[0].planQty": 2761,
    "products[0].price": 1,
  });
  expect((await write(page)).intent).toBe("success");
  // The heading: superior body on A1, unit on A2; the product on row 17.
  expect(await cell(page, "A2")).toBe("=1+1");
  expect(await cell(page, "A1")).toBe("007");
  expect(await cell(page, "B17")).toBe("TRUE");
  expect(await cell(page, "C17")).toBe("1/2");
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "KH 1965", "Lưu thành giá trị");
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965", "KH 1965 (giá trị)"]);
  expect(await cell(page, "A2")).toBe("=1+1");
  expect(await cell(page, "A1")).toBe("007");
  expect(await cell(page, "B17")).toBe("TRUE");
  // The growth was a formula; in the copy it is its value.
  expect(await formulaOf(page, "I17")).toMatch(/^89,\d+%$/);
});

test("Back on a changed form asks first; keep editing keeps what was typed, discard leaves", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "HTX Mây tre" });
  await page.locator(".form-head fluent-button").click();
  const question = page.locator(".status fluent-message-bar[intent=warning]");
  await question.waitFor();
  expect(await question.innerText()).toContain("chưa ghi vào sổ");
  await page.locator(".status fluent-button", { hasText: "Tiếp tục sửa" }).click();
  expect(await page.locator('[data-path="unit"]').inputValue()).toBe("HTX Mây tre");
  await page.locator(".form-head fluent-button").click();
  await page.locator(".status fluent-button", { hasText: "Bỏ thay đổi" }).click();
  await page.locator(".cards").waitFor();
  expect(await page.locator("form.template-form").count()).toBe(0);
  // The question was answered: it does not stay on the home view.
  expect(await page.locator(".status fluent-message-bar[intent=warning]").count()).toBe(0);
});

test("switching the pane's language keeps the form's values and changes only its labels", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "HTX Mây tre", planYear: 1966 });
  await addRows(page, "products", 1);
  await fill(page, { "products[0].name": "Làn mây" });
  await page.locator("#language").selectOption("en");
  await page.locator(".form-head h2", { hasText: "Plan targets" }).waitFor();
  expect(await page.locator('[data-path="unit"]').inputValue()).toBe("HTX Mây tre");
  expect(await page.locator('[data-path="planYear"]').inputValue()).toBe("1966");
  expect(await page.locator('[data-path="products[0].name"]').inputValue()).toBe("Làn mây");
  // Still changed: Back asks, now in English.
  await page.locator(".form-head fluent-button").click();
  await page.locator(".status fluent-button", { hasText: "Keep editing" }).waitFor();
});

test("an entry of the filled templates can be deleted: its inputs only, or with its sheet", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await writePlan(page);
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "KH 1965", "Xoá");
  await page.locator(".status fluent-button", { hasText: "Chỉ xoá dữ liệu đã lưu" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await page.locator(".filled li").innerText()).toContain("Chưa có mẫu nào");
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
  await writePlan(page);
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "KH 1965 (2)", "Xoá");
  await page.locator(".status fluent-button", { hasText: "Xoá cả trang" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
});
