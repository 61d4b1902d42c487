/**
 * The 1961–65 plan followed quarter by quarter in 1965, end to end in the preview: the form's
 * choice, actuals typed in the grid, the fulfilment report for Q3 on its own sheet moving with
 * them, and another period rewriting only the report.
 */
import { readFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PLAN_1961_65_QUARTERS } from "../fixtures/samples";
import { fillInputs } from "./fill-inputs";
import {
  cell,
  entryAction,
  fill,
  openPreview,
  sheetTabs,
  startTemplate,
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

test("the 1965 quarters: actuals typed in the grid, the Q3 report shows cumulative and ratios, Q2 rewrites only the report", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await startTemplate(page, "Chỉ tiêu kế hoạch");
  await fillInputs(page, PLAN_TARGETS, PLAN_1961_65_QUARTERS, "vi");
  expect((await write(page)).intent).toBe("success");
  // The quarter rows of the plan: 50–53, actual quantity in E, last year's in F.
  expect(await cell(page, "B50")).toBe("Tổng sản lượng công nghiệp");
  expect(await cell(page, "C52")).toBe("3");
  await typeInto(page, "E50", "640");
  await typeInto(page, "E51", "690");
  await typeInto(page, "E52", "701");
  await typeInto(page, "F52", "600");
  expect(await cell(page, "I52")).toBe("101,6%");

  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "Chỉ tiêu kế hoạch — KH 1965", "Báo cáo thực hiện");
  await page.locator("form.template-form").waitFor();
  await fill(page, { reportPeriod: 3, docNo: "05/BC" });
  const written = await write(page);
  expect(written.intent).toBe("success");
  expect(await sheetTabs(page)).toEqual(expect.arrayContaining(["KH 1965", "BC KH 1965"]));
  expect(await cell(page, "A6")).toBe("BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH QUÝ 3 NĂM 1965");
  // Row 12: year's plan, plan to date (¾ of 2,761), this quarter, cumulative, last year, the ratios.
  expect(await cell(page, "C12")).toBe("2.761");
  expect(await cell(page, "D12")).toBe("2.071");
  expect(await cell(page, "E12")).toBe("701");
  expect(await cell(page, "F12")).toBe("2.031");
  expect(await cell(page, "G12")).toBe("600");
  expect(await cell(page, "H12")).toBe("73,6%");
  expect(await cell(page, "I12")).toBe("98,1%");
  expect(await cell(page, "J12")).toBe("116,8%");
  // The % columns coloured as Excel's conditional formats: below the plan to date (98,1 %) red,
  // the same period last year beaten (116,8 %) green.
  const flag = (a1: string) => page.locator(`td[data-cell="${a1}"]`).getAttribute("data-flag");
  expect([await flag("H12"), await flag("I12"), await flag("J12"), await flag("C12")]).toEqual([
    "below",
    "below",
    "met",
    null,
  ]);

  // The charts over the rows left for them, drawn from the table by quarter: Q1–Q3 actuals as
  // columns (no column for Q4, not yet done), the cumulative % as a line.
  const total = page.locator('svg[data-chart="total"]');
  await total.waitFor();
  expect(await page.locator('svg[data-chart="product"]').getAttribute("aria-label")).toBe(
    "Tổng sản lượng công nghiệp: kế hoạch và thực hiện từng kỳ",
  );
  expect(await total.locator('rect[data-series="Kế hoạch"]').count()).toBe(4);
  expect(await total.locator('rect[data-series="Thực hiện"]').count()).toBe(3);
  expect(await total.locator('circle[data-series="% lũy kế"]').count()).toBe(3);
  if (process.env.UPDATE_SCREENSHOTS === "1") await total.screenshot({ path: "docs/report-chart.png" });
  // Q2's actual column.
  const height = async () => Number(await total.locator('rect[data-series="Thực hiện"]').nth(1).getAttribute("height"));
  const before = await height();

  // An actual corrected on the plan moves the report.
  await page.locator(".tabs .tab", { hasText: /^KH 1965$/ }).click();
  await typeInto(page, "E51", "700");
  await page.locator(".tabs .tab", { hasText: "BC KH 1965" }).click();
  expect(await cell(page, "F12")).toBe("2.041");
  // …and its chart: Q2's column grows with it (690 → 700, on the same scale to 1.000).
  expect(await height()).toBeGreaterThan(before);

  // Another period: the report is rewritten, the plan's actuals stay as typed.
  await page.locator(".form-head fluent-button").click();
  await entryAction(page, "BC KH 1965", "Sửa");
  await page.locator("form.template-form").waitFor();
  await fill(page, { reportPeriod: 2 });
  expect((await write(page)).intent).toBe("success");
  expect(await cell(page, "A6")).toBe("BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH QUÝ 2 NĂM 1965");
  expect(await cell(page, "E12")).toBe("700");
  expect(await cell(page, "F12")).toBe("1.340");
  // Q2: 1,340 done against 1,380.5 to date, still red; the flags follow the rewritten report.
  expect(await flag("I12")).toBe("below");
  await page.locator(".tabs .tab", { hasText: /^KH 1965$/ }).click();
  expect(await cell(page, "E50")).toBe("640");
  expect(await cell(page, "E52")).toBe("701");

  // Saved: each chart a picture over its cells (the file library writes no charts), the report
  // as formulas. Opened in a fresh preview: the charts are drawn again from the stored report,
  // and their pictures are not taken for pictures a save would drop.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-xlsx").click()]);
  const bytes = readFileSync((await download.path())!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const report = wb.getWorksheet("BC KH 1965")!;
  const corners = report.getImages().map(({ range }) => {
    const r = range as unknown as {
      tl: { nativeRow: number; nativeCol: number };
      br: { nativeRow: number; nativeCol: number };
    };
    return [r.tl.nativeRow, r.tl.nativeCol, r.br.nativeRow, r.br.nativeCol];
  });
  expect(corners).toEqual([
    [31, 0, 47, 5],
    [31, 5, 47, 11],
  ]);
  const media = (wb.model as unknown as { media: { buffer: Uint8Array; extension: string }[] }).media;
  expect(media.map((m) => [m.extension, Buffer.from(m.buffer).subarray(1, 4).toString()])).toEqual([
    ["png", "PNG"],
    ["png", "PNG"],
  ]);
  expect((report.getCell("F12").value as { formula?: string }).formula).toMatch(/SUMIFS/);

  const other = await openPreview("vi");
  try {
    await other.page
      .locator("#open-xlsx")
      .setInputFiles({ name: "KH 1965.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    const opened = other.page.locator(".status fluent-message-bar");
    await opened.waitFor();
    expect([await opened.getAttribute("intent"), await opened.innerText()]).toEqual(["success", "Đã mở KH 1965.xlsx."]);
    await other.page.locator(".tabs .tab", { hasText: "BC KH 1965" }).click();
    await other.page.locator('svg[data-chart="total"]').waitFor();
    expect(await other.page.locator('svg[data-chart="total"] rect[data-series="Thực hiện"]').count()).toBe(3);
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
});
