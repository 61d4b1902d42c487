/**
 * The pane at the widths Excel gives it (320 and 350 px): no view scrolls sideways, every table
 * scrolls inside its own box with its first column and its remove button in sight, and the write
 * button stays in reach under a long form. Checked in the preview, with the pane's column set to
 * the width, and in taskpane.html itself in a window of that width.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { launch } from "./chromium";
import { serveDist } from "./server";
import { TEMPLATES } from "../../src/templates/catalog";
import { addRows, fill, leaveForm, openPreview, startTemplate, typeInto, write, type Session } from "./preview-page";

jest.setTimeout(120_000);

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? join(__dirname, "..", "..", "docs") : undefined;

interface Overflow {
  readonly what: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

/** Every box that scrolls sideways though it should not: the page, the pane's frame and its root. */
async function sidewaysScroll(page: Page, view: string): Promise<Overflow[]> {
  return page.evaluate((view) => {
    const boxes: [string, Element | null][] = [
      ["document", document.documentElement],
      ["pane frame", document.querySelector(".pane-frame")],
      ["pane root", document.getElementById("app")],
    ];
    return boxes
      .filter(([, el]) => el && el.scrollWidth > el.clientWidth)
      .map(([what, el]) => ({ what: `${view}: ${what}`, scrollWidth: el!.scrollWidth, clientWidth: el!.clientWidth }));
  }, view);
}

/** For every table: scrolled to its right end, its first column and its last are both inside its box. */
async function tablesKeepTheirEnds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const grid of document.querySelectorAll<HTMLElement>(".grid")) {
      const name = grid.closest("fieldset")?.getAttribute("data-path") ?? "?";
      grid.scrollLeft = grid.scrollWidth;
      await frame();
      const box = grid.getBoundingClientRect();
      const first = grid.querySelector(".head .cell:first-child")!.getBoundingClientRect();
      const last = grid.querySelector(".head .cell:last-child")!.getBoundingClientRect();
      if (Math.abs(first.left - box.left) > 2)
        problems.push(`${name}: first column scrolled away (${first.left} vs ${box.left})`);
      if (last.right > box.right + 1) problems.push(`${name}: last column cut off (${last.right} > ${box.right})`);
      const row = grid.querySelector(".rows .chunk:last-child .row:last-child .remove-row");
      if (row && row.getBoundingClientRect().right > box.right + 1)
        problems.push(`${name}: remove button out of reach`);
      grid.scrollLeft = 0;
    }
    return problems;
  });
}

/** The write button is on screen while the top of a long form is: the action bar stays in reach. */
async function writeInReach(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const frame = document.querySelector(".pane-frame") ?? document.scrollingElement!;
    frame.scrollTop = 0;
    const button = document.getElementById("write")!.getBoundingClientRect();
    const bottom = frame === document.scrollingElement ? window.innerHeight : frame.getBoundingClientRect().bottom;
    return button.height > 0 && button.bottom <= bottom + 1 && button.top >= 0;
  });
}

async function paneWidth(session: Session, width: number): Promise<void> {
  await session.page.addStyleTag({ content: `body.preview { grid-template-columns: 1fr ${width}px !important; }` });
  const actual = await session.page.locator(".pane-frame").evaluate((el) => el.getBoundingClientRect().width);
  expect(actual).toBe(width);
}

describe.each([320, 350])("at %i px", (width) => {
  let session: Session;
  afterEach(async () => {
    expect(session.errors).toEqual([]);
    await session.close();
  });

  test("in the preview, no view scrolls sideways and every table keeps its first column and its actions in reach", async () => {
    session = await openPreview("vi");
    const { page } = session;
    await paneWidth(session, width);
    const overflow: Overflow[] = [];
    const tables: string[] = [];
    overflow.push(...(await sidewaysScroll(page, "home")));
    for (const name of TEMPLATES.map((t) => t.name.vi)) {
      await page.locator(".card", { hasText: name }).locator("fluent-button").click();
      await page.locator("form.template-form").waitFor();
      // Every table with rows, so that each has columns to scroll.
      for (const fieldset of await page.locator("fieldset.table").all()) {
        const path = (await fieldset.getAttribute("data-path"))!;
        await addRows(page, path.replace("[]", ""), 2);
      }
      overflow.push(...(await sidewaysScroll(page, name)));
      tables.push(...(await tablesKeepTheirEnds(page)));
      if (width === 350 && name === "Hợp đồng kinh tế" && SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.locator('fieldset[data-path="goods[]"]').scrollIntoViewIfNeeded();
        await page.locator(".pane-frame").screenshot({ path: join(SCREENSHOTS, "pane-350.png") });
      }
      expect(await writeInReach(page)).toBe(true);
      // The error view: the status bar and a message on every field.
      await write(page);
      overflow.push(...(await sidewaysScroll(page, `${name}, errors`)));
      expect(await writeInReach(page)).toBe(true);
      await leaveForm(page);
    }
    // The success and the warning views, with a filled entry on the home view.
    await typeInto(page, "A1", "của tôi");
    await startTemplate(page, "Chỉ tiêu kế hoạch");
    await fill(page, { unit: "Hợp tác xã nông nghiệp Đồng Tâm, huyện Thanh Trì", baseYear: 1960, planYear: 1965 });
    await addRows(page, "products", 1);
    await fill(page, {
      "products[0].name": "Lúa",
      "products[0].baseQty": 10,
      "products[0].planQty": 12,
      "products[0].price": 1,
    });
    await page.locator('input[name="where"][value="selection"]').check();
    expect((await write(page)).intent).toBe("warning");
    overflow.push(...(await sidewaysScroll(page, "warning")));
    await page.locator(".status fluent-button", { hasText: "Trang tính mới" }).click();
    await page.locator(".status fluent-message-bar[intent=success]").waitFor();
    overflow.push(...(await sidewaysScroll(page, "success")));
    await page.locator(".form-head fluent-button").click();
    await page.locator(".filled li").first().waitFor();
    overflow.push(...(await sidewaysScroll(page, "home with a filled entry")));
    expect(overflow).toEqual([]);
    expect(tables).toEqual([]);
  });

  test("taskpane.html in a window of this width does not scroll sideways in any view", async () => {
    const server = await serveDist();
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width, height: 700 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${server.url}/taskpane.html`);
      await page.locator(".card fluent-button").first().waitFor();
      const overflow: Overflow[] = [...(await sidewaysScroll(page, "home"))];
      const tables: string[] = [];
      for (const index of TEMPLATES.keys()) {
        await page.locator(".card fluent-button").nth(index).click();
        await page.locator("form.template-form").waitFor();
        for (const add of await page.locator("fluent-button.add-row").all()) await add.click();
        overflow.push(...(await sidewaysScroll(page, `form ${index}`)));
        tables.push(...(await tablesKeepTheirEnds(page)));
        expect(await writeInReach(page)).toBe(true);
        await page.locator("#write").click();
        await page.locator(".status fluent-message-bar").waitFor();
        overflow.push(...(await sidewaysScroll(page, `form ${index}, errors`)));
        await leaveForm(page);
      }
      expect(overflow).toEqual([]);
      expect(tables).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
