/**
 * Two people on one workbook: the preview's `?panes=2` hosts two task panes, each with its own
 * workbook adapter over the same book and its hidden state sheet, as two co-authors' panes would be.
 */
import type { Locator } from "playwright-core";
import { addRows, cell, fill, openPreview, sheetTabs, startTemplate, type Session, entryAction } from "./preview-page";

jest.setTimeout(90_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

async function openTwo(): Promise<{ first: Locator; second: Locator }> {
  session = await openPreview("vi", { width: 1500, height: 900 }, "&panes=2");
  const first = session.page.locator("#app");
  const second = session.page.locator("#app2");
  await second.locator(".card fluent-button").first().waitFor();
  return { first, second };
}

async function writePlan(pane: Locator): Promise<void> {
  await startTemplate(pane, "Chỉ tiêu kế hoạch");
  await fill(pane, {
    unit: "Công nghiệp miền Bắc",
    issuer: "Ủy ban Kế hoạch Nhà nước",
    baseYear: 1960,
    planYear: 1965,
  });
  await addRows(pane, "products", 1);
  await fill(pane, {
    "products[0].name": "Tổng sản lượng công nghiệp",
    "products[0].uom": "triệu đồng",
    "products[0].baseQty": 1458,
    "products[0].planQty": 2761,
    "products[0].price": 1,
  });
  await pane.locator("#write").click();
  await pane.locator(".status fluent-message-bar[intent=success]").waitFor();
}

const edit = async (pane: Locator) => {
  await entryAction(pane, "KH 1965", "Sửa");
  await pane.locator("form.template-form").waitFor();
};

test("a template written in one pane appears in the other pane's list, and the state sheet stays hidden", async () => {
  const { first, second } = await openTwo();
  await expect(second.locator(".filled li").innerText()).resolves.toContain("Chưa có mẫu");
  await writePlan(first);
  // Nobody reopened the second pane: it learnt of the template from the workbook.
  await second.locator(".filled li", { hasText: "KH 1965" }).waitFor();
  expect(await sheetTabs(session.page)).toEqual(["Trang1", "KH 1965"]);
});

test("the second of two updates of one template is refused, with the other person's changes listed, and nothing is overwritten", async () => {
  const { first, second } = await openTwo();
  await writePlan(first);
  await first.locator(".form-head fluent-button").click();
  await edit(first);
  await second.locator(".filled li", { hasText: "KH 1965" }).waitFor();
  await edit(second);

  // The planner raises the plan quantity and updates.
  await fill(first, { "products[0].planQty": 2916 });
  await first.locator("#write").click();
  await first.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await cell(session.page, "I17")).toBe("100,0%");

  // The accountant's open form is told, and keeps what was typed.
  const notice = second.locator(".status fluent-message-bar[intent=info]");
  await notice.waitFor();
  expect(await notice.innerText()).toContain("Sản lượng kế hoạch");
  await fill(second, { unit: "Bộ Công nghiệp nặng" });
  expect(await second.locator('[data-path="products[0].planQty"]').inputValue()).toBe("2.761");

  // The accountant updates anyway: refused, the differences listed, nothing written.
  await second.locator("#write").click();
  const refusal = second.locator(".status fluent-message-bar[intent=warning]");
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain("Người dùng 1");
  const changes = await refusal.locator(".changes li").allInnerTexts();
  expect(changes).toEqual([expect.stringMatching(/Sản phẩm, dòng 1: Sản lượng kế hoạch: 2\.761 → 2\.916/)]);
  expect(await cell(session.page, "I17")).toBe("100,0%");
  expect(await cell(session.page, "A2")).not.toContain("Bộ Công nghiệp nặng");
  expect(await second.locator('[data-path="unit"]').inputValue()).toBe("Bộ Công nghiệp nặng");

  // Reloading shows the planner's version; updating from it goes through.
  await refusal.locator("fluent-button", { hasText: "Mở bản mới nhất" }).click();
  await second.locator('[data-path="products[0].planQty"]').waitFor();
  expect(await second.locator('[data-path="products[0].planQty"]').inputValue()).toBe("2.916");
  await fill(second, { "products[0].planQty": 3000 });
  await second.locator("#write").click();
  await second.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await cell(session.page, "H17")).toBe("3.000");
});
