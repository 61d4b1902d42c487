/**
 * The preview's grid worked like a workbook: scrolled to a template's last rows, driven from the
 * keyboard, a range copied, a 5,000-row sheet, the print view, and the pictures of each
 * template's printed pages in docs/ (UPDATE_SCREENSHOTS=1).
 */
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { TEMPLATES } from "../../src/templates/catalog";
import { SAMPLES } from "../fixtures/samples";
import { fillInputs } from "./fill-inputs";
import { cell, openPreview, startTemplate, typeInto, write, type Session } from "./preview-page";

jest.setTimeout(90_000);

const DOCS = join(__dirname, "..", "..", "docs");
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

const nameBox = (page: Page) => page.locator("#name-box").inputValue();
const formulaBar = (page: Page) => page.locator("#formula-bar").inputValue();

/**
 * Whether the cell is inside the grid's visible box, below and right of the frozen headers: all of
 * it, or for a merged area wider than the grid (a title) its top-left corner and its height.
 */
async function inView(page: Page, address: string): Promise<boolean> {
  return page.evaluate((a) => {
    const td = document.querySelector(`td[data-cell="${a}"]`);
    const grid = document.querySelector(".grid-scroll");
    const head = document.querySelector("table.sheet thead");
    const rowHead = document.querySelector("table.sheet tbody th");
    if (!td || !grid || !head || !rowHead) return false;
    const cellBox = td.getBoundingClientRect();
    const box = grid.getBoundingClientRect();
    const top = head.getBoundingClientRect().bottom;
    const left = rowHead.getBoundingClientRect().right;
    const right = box.left + grid.clientWidth;
    return (
      cellBox.top >= top - 1 &&
      cellBox.left >= left - 1 &&
      cellBox.bottom <= box.top + grid.clientHeight + 1 &&
      (cellBox.right <= right + 1 || (td.hasAttribute("aria-colspan") && cellBox.left < right - 20))
    );
  }, address);
}

/** What Ctrl+C puts on the clipboard as text/plain, read from the copy event the page answers. */
async function copy(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.addEventListener(
      "copy",
      (event) => ((window as unknown as { copied: string }).copied = event.clipboardData?.getData("text/plain") ?? ""),
      { once: true },
    );
  });
  await page.keyboard.press("Control+C");
  return page.evaluate(() => (window as unknown as { copied: string }).copied);
}

async function writeSample(page: Page, id: string, lang: "vi" | "en"): Promise<void> {
  const template = TEMPLATES.find((t) => t.id === id)!;
  await startTemplate(page, template.name[lang]);
  await fillInputs(page, template, SAMPLES[template.id], lang);
  expect(await write(page)).toMatchObject({ intent: "success" });
}

/** The last row with something in it on the current sheet, as Excel's Ctrl+End finds it, and that row's text. */
async function lastRowText(page: Page): Promise<string> {
  const row = Number((await nameBox(page)).replace(/^[A-Z]+/, ""));
  return (await page.locator(`td[data-cell$="${row}"]`).allInnerTexts()).join(" ").trim();
}

test("the contract scrolls to its last rows: Ctrl+End brings the last used cell into view, Ctrl+Home back to A1", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await writeSample(page, "contract", "vi");
  await page.locator('td[data-cell="A1"]').click();
  expect(await inView(page, "A1")).toBe(true);
  await page.keyboard.press("Control+End");
  const last = await nameBox(page);
  const lastRow = Number(last.replace(/^[A-Z]+/, ""));
  expect(lastRow).toBeGreaterThan(30);
  expect(await inView(page, last)).toBe(true);
  expect(await inView(page, "A1")).toBe(false);
  // The contract's last rows (the parties' signatures) are text, now found by the outside hooks.
  expect(await lastRowText(page)).not.toBe("");
  expect(await page.locator(".grid-scroll").evaluate((g) => g.scrollTop)).toBeGreaterThan(0);
  // The row headers stay on screen as the grid scrolls; the column headers too.
  expect(await page.locator(`tr[data-row="${lastRow}"] th`).isVisible()).toBe(true);
  await page.keyboard.press("Control+Home");
  expect(await nameBox(page)).toBe("A1");
  expect(await inView(page, "A1")).toBe(true);
});

test("arrows, Page Down and Ctrl+arrows go on past row 100 of an empty sheet, to row 1,048,576 and column XFD, and no further", async () => {
  session = await openPreview("en");
  const { page } = session;
  await page.locator("#name-box").fill("A100");
  await page.locator("#name-box").press("Enter");
  await page.keyboard.press("ArrowDown");
  expect(await nameBox(page)).toBe("A101");
  expect(await inView(page, "A101")).toBe(true);
  await page.keyboard.press("PageDown");
  const afterPage = Number((await nameBox(page)).slice(1));
  expect(afterPage).toBeGreaterThan(110);
  expect(await inView(page, `A${afterPage}`)).toBe(true);
  await page.keyboard.press("Control+ArrowDown");
  expect(await nameBox(page)).toBe("A1048576");
  expect(await inView(page, "A1048576")).toBe(true);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("PageDown");
  expect(await nameBox(page)).toBe("A1048576");
  await page.keyboard.press("Control+ArrowRight");
  expect(await nameBox(page)).toBe("XFD1048576");
  await page.keyboard.press("Control+ArrowUp");
  expect(await nameBox(page)).toBe("XFD1");
  await page.keyboard.press("Control+Home");
  expect(await nameBox(page)).toBe("A1");
});

test("the grid follows Excel's keys: typing replaces, Enter and Tab commit and move, F2 edits, Esc cancels, Delete clears", async () => {
  session = await openPreview("en");
  const { page } = session;
  await page.locator('td[data-cell="A1"]').click();
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  expect(await cell(page, "A1")).toBe("12");
  expect(await nameBox(page)).toBe("A2");
  await page.keyboard.type("=A1*2");
  await page.keyboard.press("Tab");
  expect(await cell(page, "A2")).toBe("24");
  expect(await nameBox(page)).toBe("B2");
  await page.keyboard.press("Shift+Tab");
  expect(await nameBox(page)).toBe("A2");
  expect(await formulaBar(page)).toBe("=A1*2");
  await page.keyboard.press("Shift+Enter");
  expect(await nameBox(page)).toBe("A1");
  // F2 edits what is there, the caret at the end.
  await page.keyboard.press("F2");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  expect(await cell(page, "A1")).toBe("123");
  expect(await cell(page, "A2")).toBe("246");
  // Esc leaves the cell as it was.
  await page.keyboard.press("ArrowUp");
  expect(await nameBox(page)).toBe("A1");
  await page.keyboard.type("9");
  await page.keyboard.press("Escape");
  expect(await cell(page, "A1")).toBe("123");
  // An arrow ends typing and moves; typing replaces the whole content.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("x");
  await page.keyboard.press("ArrowRight");
  expect(await cell(page, "B1")).toBe("x");
  expect(await nameBox(page)).toBe("C1");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Delete");
  expect(await cell(page, "A1")).toBe("");
  expect(await cell(page, "A2")).toBe("0");
  // The formula bar still writes the selected cell and keeps it selected (the page's outside hook).
  await typeInto(page, "D4", "=HT.COSTPRICE(60,30,10,0.05,0.03,0.1)");
  expect(await cell(page, "D4")).toBe("111");
  expect(await nameBox(page)).toBe("D4");
  expect(await formulaBar(page)).toBe("=HT.COSTPRICE(60,30,10,0.05,0.03,0.1)");
});

test("Shift+arrows and Shift+click select a range, and Ctrl+C copies it as tab-separated text as shown", async () => {
  session = await openPreview("vi");
  const { page } = session;
  await page.locator('td[data-cell="A1"]').click();
  // Typed row by row: Tab moves right, Enter goes to the next row's first column, as in Excel.
  for (const row of [
    ["Sản phẩm", "0,5", "=B1*2"],
    ["Làn mây", "1234,5", "=B2*B1"],
  ]) {
    for (const [k, text] of row.entries()) {
      await page.keyboard.type(text);
      await page.keyboard.press(k < row.length - 1 ? "Tab" : "Enter");
    }
  }
  expect(await nameBox(page)).toBe("A3");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  expect(await page.locator("td.in-range").count()).toBe(6);
  // What the cells show, in Vietnamese: 0,5 and 617,25.
  expect(await copy(page)).toBe("Sản phẩm\t0,5\t1\r\nLàn mây\t1234,5\t617,25\r\n");
  // Shift+click grows the range from the active cell; a plain click starts again.
  await page.locator('td[data-cell="B1"]').click();
  await page.locator('td[data-cell="C2"]').click({ modifiers: ["Shift"] });
  expect(await page.locator("td.in-range").count()).toBe(4);
  expect(await copy(page)).toBe("0,5\t1\r\n1234,5\t617,25\r\n");
  await page.locator('td[data-cell="A2"]').click();
  expect(await page.locator("td.in-range").count()).toBe(0);
  expect(await copy(page)).toBe("Làn mây\r\n");
  // A template's cells copy as they show, with their number formats.
  await writeSample(page, "plan", "vi");
  await page.locator('td[data-cell="A1"]').click();
  await page.keyboard.press("Control+End");
  const last = await nameBox(page);
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+Shift+End");
  const copied = await copy(page);
  expect(copied.split("\r\n")).toHaveLength(Number(last.replace(/^[A-Z]+/, "")) + 1);
  expect(copied).toContain("15.000");
});

test("a 5,000-row sheet keeps only the rows in view in the page, and the name box goes to row 5,000", async () => {
  session = await openPreview("en");
  const { page } = session;
  await page.locator('td[data-cell="A1"]').click();
  await page.locator("#name-box").fill("C5000");
  await page.locator("#name-box").press("Enter");
  await page.keyboard.type("last");
  await page.keyboard.press("Enter");
  expect(await cell(page, "C5000")).toBe("last");
  expect(await inView(page, "C5001")).toBe(true);
  const rowCount = await page.locator("table.sheet").getAttribute("aria-rowcount");
  expect(Number(rowCount)).toBeGreaterThanOrEqual(5000);
  // Virtualized: some dozens of rows, not five thousand.
  expect(await page.locator("table.sheet tbody tr[data-row]").count()).toBeLessThan(120);
  expect(await page.locator('td[data-cell="A1"]').count()).toBe(0);
  // Scrolling by hand renders what comes into view.
  await page.locator(".grid-scroll").evaluate((g) => (g.scrollTop = 0));
  await page.locator('td[data-cell="A1"]').waitFor();
  expect(await inView(page, "A1")).toBe(true);
  expect(await page.locator('td[data-cell="C5000"]').count()).toBe(0);
});

test("text is drawn in one font that has every Vietnamese letter, in the grid and in the formula bar", async () => {
  session = await openPreview("vi");
  const { page } = session;
  const text = "Hợp đồng kinh tế: chất lượng, nghiệm thu, bồi thường";
  await typeInto(page, "A1", text);
  await page.locator('td[data-cell="B1"]').click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: 'td[data-cell="A1"]' });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  expect(fonts).toHaveLength(1);
  const family = await page.locator("#formula-bar").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toBe(await page.locator('td[data-cell="A1"]').evaluate((el) => getComputedStyle(el).fontFamily));
  expect(family).toMatch(/Noto Sans/);
  expect(family).not.toMatch(/monospace|Consolas/);
});

// The translation is h10's src/preview/formula-language.ts (engineFormula), called from typedContent in
// sheet-view.ts. Until that file is on the branch this test is reported as skipped, not passed.
const formulaLanguage = existsSync(join(__dirname, "..", "..", "src", "preview", "formula-language.ts"));
(formulaLanguage ? test : test.skip)(
  "the preview speaks Vietnamese formulas: HT.GIATHEOGIATHANH with ; and a decimal comma gives 111, shown back as typed",
  async () => {
    session = await openPreview("vi");
    const { page } = session;
    const typed = "=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)";
    await page.locator('td[data-cell="B2"]').click();
    await page.keyboard.type(typed);
    await page.keyboard.press("Enter");
    expect(await cell(page, "B2")).toBe("111");
    await page.locator('td[data-cell="B2"]').click();
    expect(await formulaBar(page)).toBe(typed);
  },
);

describe("the print view", () => {
  test("lays the contract out on portrait A4 pages, every row of its print area once, in order", async () => {
    session = await openPreview("vi");
    const { page } = session;
    await writeSample(page, "contract", "vi");
    await page.locator("#print-view").click();
    const pages = page.locator(".print-doc .page");
    expect(await pages.count()).toBeGreaterThanOrEqual(1);
    const { width, height } = (await pages.first().boundingBox())!;
    expect(width).toBeLessThan(height);
    // Each printed row is one sheet row; together they are the area's rows 1..n, each once.
    const rows = await page
      .locator(".print-doc td[data-print-cell]")
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-print-cell")!.split(",")[1])));
    const distinct = [...new Set(rows)];
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
    expect(distinct[0]).toBe(0);
    // The last used row is on the last page.
    await page.locator("#print-view").click();
    await page.locator('td[data-cell="A1"]').click();
    await page.keyboard.press("Control+End");
    const lastRow = Number((await nameBox(page)).replace(/^[A-Z]+/, "")) - 1;
    expect(distinct.slice(0, lastRow + 1)).toEqual(Array.from({ length: lastRow + 1 }, (_, r) => r));
    expect(await page.locator("#grid-scroll, .grid-scroll").isVisible()).toBe(true);
  });

  test("printing shows only the pages: the browser's Print lays them out even when the print view is closed", async () => {
    session = await openPreview("en");
    const { page } = session;
    await writeSample(page, "contract", "en");
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await page.locator(".print-doc .page").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".print-doc .page").first().isVisible()).toBe(true);
    for (const hidden of [".pane-frame", ".grid-scroll", ".formula-line", ".sheet-tools", ".print-bar"]) {
      expect([hidden, await page.locator(hidden).isVisible()]).toEqual([hidden, false]);
    }
    expect(await page.locator("#page-size").textContent()).toBe("@page { size: A4 portrait; margin: 0; }");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator(".print-pages").isVisible()).toBe(false);
    expect(await page.locator(".grid-scroll").isVisible()).toBe(true);
  });

  for (const template of TEMPLATES) {
    test(`prints the ${template.name.en} from its heading to its last row (docs/print-${template.id}.png)`, async () => {
      session = await openPreview("vi");
      const { page } = session;
      await writeSample(page, template.id, "vi");
      await page.locator("#print-view").click();
      const doc = page.locator(".print-doc");
      const pages = Number(await doc.getAttribute("data-pages"));
      expect(pages).toBeGreaterThanOrEqual(1);
      // Nothing of the page is cut: each page's table fits inside its printable box.
      const overflow = await page.locator(".page-body").evaluateAll((bodies) =>
        bodies.map((b) => {
          const table = b.querySelector("table")!.getBoundingClientRect();
          const box = b.getBoundingClientRect();
          return table.right <= box.right + 1 && table.bottom <= box.bottom + 1;
        }),
      );
      expect(overflow.every(Boolean)).toBe(true);
      if (SCREENSHOTS) {
        // A viewport tall enough for every page, so the picture is the whole document.
        const { height } = (await doc.boundingBox())!;
        await page.setViewportSize({ width: 1600, height: Math.ceil(height) + 200 });
        mkdirSync(DOCS, { recursive: true });
        await doc.screenshot({ path: join(DOCS, `print-${template.id}.png`) });
      }
    });
  }
});
