/** Drives the preview page as a person would: the task pane's form, then the workbook grid. */
import type { Browser, Locator, Page } from "playwright-core";
import { launch } from "./chromium";
import { serveDist, type StaticServer } from "./server";

export interface Session {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Where a helper looks: the page (its one pane), or one pane of a two-pane page (`#app`, `#app2`). */
export type Scope = Page | Locator;

export async function openPreview(
  lang: "vi" | "en" = "vi",
  viewport = { width: 1400, height: 900 },
  query = "",
): Promise<Session> {
  const server: StaticServer = await serveDist();
  const browser: Browser = await launch();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${server.url}/preview.html?lang=${lang}${query}`);
  await page.locator(".card fluent-button").first().waitFor();
  return {
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function startTemplate(page: Scope, name: string): Promise<void> {
  await page.locator(".card", { hasText: name }).locator("fluent-button").click();
  await page.locator("form.template-form").waitFor();
}

/** Fills form controls by their data path: "unit", "products[0].name" … */
export async function fill(page: Scope, values: Record<string, string | number>): Promise<void> {
  for (const [path, value] of Object.entries(values)) {
    const control = page.locator(`[data-path="${path}"]`);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(String(value));
    else await control.fill(String(value));
  }
}

export async function addRows(page: Scope, table: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await page.locator(`fieldset[data-path="${table}[]"] fluent-button.add-row`).click();
}

/** Clicks "write" and waits for the pane's verdict. */
export async function write(page: Scope): Promise<{ intent: string; text: string }> {
  await page.locator("#write").click();
  const message = page.locator(".status fluent-message-bar");
  await message.waitFor();
  return {
    intent: (await message.getAttribute("intent")) ?? "",
    text: (await message.innerText()).trim(),
  };
}

/**
 * A cell of the grid, brought into the page as a person would when it is not there: the grid
 * draws only the rows and columns in view, so a cell far down or right is reached through the
 * name box (which selects it and scrolls to it).
 */
async function reveal(page: Page, address: string): Promise<Locator> {
  const td = page.locator(`td[data-cell="${address}"]`);
  if ((await td.count()) > 0) return td;
  await page.locator("#name-box").fill(address);
  await page.locator("#name-box").press("Enter");
  await td.waitFor();
  return td;
}

export async function cell(page: Page, address: string): Promise<string> {
  return (await (await reveal(page, address)).innerText()).trim();
}

/** What the formula bar shows for a cell once it is selected (its formula, or its value as typed). */
export async function formulaOf(page: Page, address: string): Promise<string> {
  await (await reveal(page, address)).click();
  return await page.locator("#formula-bar").inputValue();
}

/** Selects a cell and enters what a person would type in the formula bar. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await (await reveal(page, address)).click();
  await page.locator("#formula-bar").fill(text);
  await page.locator("#formula-bar").press("Enter");
}

export async function sheetTabs(page: Page): Promise<string[]> {
  return (await page.locator(".tabs .tab").allInnerTexts()).map((t) => t.trim());
}

/** Types into a control as a person does, then leaves it (so the pane shows the number as it reads it). */
export async function typeAndLeave(page: Page, path: string, text: string): Promise<void> {
  const control = page.locator(`[data-path="${path}"]`);
  await control.fill(text);
  await control.blur();
}

/** Pastes text into a control as the browser does for Ctrl+V (a paste event carrying the clipboard). */
export async function paste(page: Page, path: string, text: string): Promise<void> {
  await page.locator(`[data-path="${path}"]`).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    (el as HTMLElement).focus();
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Back to the home view from a form, as a person who means to leave: a changed form asks first
 * (nothing typed is discarded silently), and the answer is "Discard changes".
 */
export async function leaveForm(page: Page): Promise<void> {
  await page.locator(".form-head fluent-button").click();
  const discard = page.locator(".status fluent-button", { hasText: /Bỏ thay đổi|Discard changes/ });
  await Promise.race([page.locator(".card").first().waitFor(), discard.waitFor()]);
  if (await discard.isVisible()) await discard.click();
  await page.locator(".card").first().waitFor();
  // An answered question does not stay on the home view.
  expect(await discard.count()).toBe(0);
}

/** The parties, dates and places every contract needs before it can be written. */
export async function fillContractParties(page: Page): Promise<void> {
  await fill(page, {
    contractNo: "12/HĐKT",
    signDate: "1966-01-15",
    place: "Hà Nội",
    buyerName: "Handicraft Export Corporation",
    buyerAddress: "31 Ngô Quyền, Hà Nội",
    buyerTaxCode: "0100107518",
    buyerRep: "Nguyễn Văn A",
    buyerRepTitle: "Director",
    sellerName: "Phú Vinh rattan cooperative",
    sellerAddress: "Phú Nghĩa, Chương Mỹ",
    sellerRep: "Trần Thị B",
    sellerRepTitle: "Chair",
    deliveryPlace: "Gia Lâm depot",
    startDate: "1966-02-01",
    endDate: "1966-12-31",
  });
}

/** Clicks a button (Sửa / Edit, Lưu thành giá trị, Xoá …) on an entry of "Templates filled in this workbook". */
export async function entryAction(pane: Scope, entry: string, action: string): Promise<void> {
  await pane.locator(".filled li", { hasText: entry }).locator("fluent-button", { hasText: action }).click();
}
