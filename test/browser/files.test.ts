/**
 * The preview's .xlsx files, end to end: a plan saved from the page, edited in another program
 * (ExcelJS, as a colleague would type actuals), opened in a fresh preview keeps those actuals
 * through Update; a bad file changes nothing and says why; unsaved changes are asked about.
 */
import { readFileSync } from "fs";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import {
  addRows,
  cell,
  entryAction,
  fill,
  formulaOf,
  openPreview,
  sheetTabs,
  startTemplate,
  write,
  type Session,
} from "./preview-page";

jest.setTimeout(120_000);

let sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions) {
    expect(s.errors).toEqual([]);
    await s.close();
  }
  sessions = [];
});

async function session(lang: "vi" | "en" = "vi"): Promise<Page> {
  const s = await openPreview(lang);
  sessions.push(s);
  return s.page;
}

async function writePlan(page: Page): Promise<void> {
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, {
    unit: "Công nghiệp miền Bắc",
    issuer: "Ủy ban Kế hoạch Nhà nước",
    baseYear: 1960,
    planYear: 1965,
  });
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

async function save(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  return readFileSync((await download.path())!);
}

/** Chooses a file in #open-xlsx and waits for the pane's message. */
async function open(page: Page, name: string, bytes: Buffer): Promise<{ intent: string; text: string }> {
  await page.locator(".status").evaluate((el) => el.replaceChildren());
  await page.locator("#open-xlsx").setInputFiles({ name, mimeType: "application/octet-stream", buffer: bytes });
  const message = page.locator(".status fluent-message-bar");
  await message.waitFor();
  return { intent: (await message.getAttribute("intent")) ?? "", text: (await message.innerText()).trim() };
}

test("a plan saved, its actuals typed in another program, opened again: listed as filled, actuals kept through Update", async () => {
  const page = await session();
  await writePlan(page);
  const saved = await save(page);

  // A colleague types the product's actual quantity (K17) and an actual of 1962 (E24) elsewhere.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved as never);
  const ws = wb.getWorksheet("KH 1965")!;
  ws.getCell("K17").value = 2800;
  ws.getCell("E24").value = 1700;
  const edited = Buffer.from(await wb.xlsx.writeBuffer());

  const other = await session();
  expect((await open(other, "KH 1965.xlsx", edited)).intent).toBe("success");
  expect(await sheetTabs(other)).toEqual(["Trang1", "KH 1965"]);
  await other.locator(".filled li", { hasText: "KH 1965" }).waitFor();
  expect(await formulaOf(other, "K17")).toBe("2800");
  expect(await cell(other, "M17")).toBe("101,4%");
  await entryAction(other, "KH 1965", "Sửa");
  await other.locator("form.template-form").waitFor();
  await fill(other, { unit: "Bộ Công nghiệp nặng" });
  expect((await write(other)).intent).toBe("success");
  expect(await cell(other, "A2")).toBe("Bộ Công nghiệp nặng");
  expect(await formulaOf(other, "K17")).toBe("2800");
  expect(await formulaOf(other, "E24")).toBe("1700");
  // Both pages packed and unpacked the file in the file worker: ExcelJS's chunk never loaded on the page.
  for (const p of [page, other]) {
    const loaded = await p.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    // Chromium keeps 250 entries: a full list could hide the chunk's load.
    expect(loaded.length).toBeLessThan(250);
    expect(loaded.some((name) => name.endsWith("/preview-xlsx-worker.js"))).toBe(true);
    expect(loaded.filter((name) => name.endsWith("/preview-xlsx.js"))).toEqual([]);
  }
});

/** A compound file (the container of .xls, and of a password-protected .xlsx) with these streams named. */
function compoundFile(...streams: string[]): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, "utf16le")), Buffer.alloc(512)]);
}

test("bad files are refused with a reason in the pane's language, and the workbook stays as it was", async () => {
  const page = await session("en");
  await startTemplate(page, "Plan targets");
  await page.locator(".form-head fluent-button").click();
  const good = await save(page);
  const damaged = Buffer.concat([good.subarray(0, 200), Buffer.alloc(100), good.subarray(300, good.length - 30)]);
  const cases: [string, Buffer, RegExp][] = [
    ["notes.xlsx", Buffer.from("just some text"), /not an Excel \.xlsx file/],
    ["broken.xlsx", damaged, /damaged/],
    ["old.xls", compoundFile("Workbook"), /97–2003/],
    ["secret.xlsx", compoundFile("EncryptionInfo", "EncryptedPackage"), /password-protected/],
    ["macros.xlsm", good, /macros/],
  ];
  const before = await sheetTabs(page);
  for (const [name, bytes, reason] of cases) {
    const verdict = await open(page, name, bytes);
    expect({ name, intent: verdict.intent }).toEqual({ name, intent: "error" });
    expect(verdict.text).toMatch(reason);
    expect(verdict.text).toContain("The open workbook was not changed.");
    expect(await sheetTabs(page)).toEqual(before);
  }
});

test("opening a file over unsaved changes asks first; Cancel keeps the workbook, discarding opens the file", async () => {
  const page = await session();
  const empty = await save(page);
  await writePlan(page);
  const asked = await open(page, "trống.xlsx", empty);
  expect(asked.intent).toBe("warning");
  expect(asked.text).toContain("chưa lưu");
  await page.locator(".status fluent-button", { hasText: "Huỷ" }).click();
  expect(await sheetTabs(page)).toEqual(["Trang1", "KH 1965"]);
  expect(await open(page, "trống.xlsx", empty)).toMatchObject({ intent: "warning" });
  await page.locator(".status fluent-button", { hasText: "Mở và bỏ thay đổi" }).click();
  await page.locator(".status fluent-message-bar[intent=success]").waitFor();
  expect(await sheetTabs(page)).toEqual(["Trang1"]);
  // The pane starts over on the file (its form was the replaced workbook's entry): the list,
  // where the file's workbook has no template filled, and no word of a deleted entry.
  await page.locator(".filled li", { hasText: "Chưa có mẫu nào" }).waitFor();
  expect(await page.locator(".status").innerText()).toContain("Đã mở trống.xlsx.");
});

test("a form with changes not written counts as unsaved: opening a file asks first", async () => {
  const page = await session();
  const empty = await save(page);
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fill(page, { unit: "Công nghiệp miền Bắc" });
  expect(await open(page, "trống.xlsx", empty)).toMatchObject({ intent: "warning" });
  await page.locator(".status fluent-button", { hasText: "Huỷ" }).click();
  expect(await page.locator('[data-path="unit"]').inputValue()).toBe("Công nghiệp miền Bắc");
});
