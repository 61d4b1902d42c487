/**
 * Every printed page of every template, short and with long tables, in both languages, as the
 * print view lays them out (the pages Excel prints from the same page setup): page by page, no
 * header above rows not its own or alone at a page's foot, no table that fits on a page split
 * across two, no heading ending a page, nothing cut or shown as ###, each ruled table inside the
 * printable box, and "Trang k/N" or "Page k of N" in every footer.
 */
import type { Page } from "playwright-core";
import { TEMPLATES } from "../../src/templates/catalog";
import type { Inputs } from "../../src/templates/model";
import { LONG, contractWithGoods, planWithProducts } from "../fixtures/long";
import { SAMPLES } from "../fixtures/samples";
import { openPreview, type Session } from "./preview-page";

jest.setTimeout(300_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

/** Writes a template straight through the preview's workbook port (a 200-row form is slow to type). */
async function insert(page: Page, id: string, inputs: Inputs, lang: "vi" | "en"): Promise<string> {
  return page.evaluate(
    async ({ id, inputs, lang }) => {
      const { book, bench } = (window as unknown as { htPreview: any }).htPreview; // eslint-disable-line @typescript-eslint/no-explicit-any
      const plan = bench.renderTemplate(bench.templateById(id), inputs, lang);
      const outcome = await bench
        .previewWorkbook(book)
        .insert(plan, { template: id, lang, inputs }, { kind: "newSheet" });
      if (!outcome.ok) throw new Error(`not written: ${JSON.stringify(outcome)}`);
      return book.hf.getSheetName(book.selection.sheet) as string;
    },
    { id, inputs, lang },
  );
}

interface PageReport {
  readonly footer: string;
  readonly portrait: boolean;
  /** The sheet rows on the page, in order; the repeated title rows apart. */
  readonly rows: number[];
  readonly repeated: number[];
  /** Problems found on the page, each naming the cell or row. */
  readonly problems: string[];
}

/** Reads every page of the print view as it is drawn. */
async function pages(page: Page): Promise<{ reports: PageReport[]; tables: number[][] }> {
  return page.evaluate(() => {
    const reports = [...document.querySelectorAll<HTMLElement>(".print-doc .page")].map((pageElement) => {
      const problems: string[] = [];
      const body = pageElement.querySelector<HTMLElement>(".page-body")!;
      const table = body.querySelector("table")!;
      const box = body.getBoundingClientRect();
      const drawn = table.getBoundingClientRect();
      if (drawn.right > box.right + 0.5 || drawn.bottom > box.bottom + 0.5)
        problems.push("table outside the printable box");
      const trs = [...table.querySelectorAll("tr")];
      const rowOf = (tr: Element) =>
        Number(tr.querySelector("td")?.getAttribute("data-print-cell")?.split(",")[1] ?? -1);
      const isBlank = (tr: Element) => [...tr.querySelectorAll("td")].every((td) => td.textContent === "");
      const isHeader = (tr: Element) => tr.querySelector("td.look-header") !== null;
      const isRuled = (tr: Element) => tr.querySelector("td.ruled") !== null;
      for (const [k, tr] of trs.entries()) {
        const row = rowOf(tr);
        // Nothing cut: a cell's text fits its width (else Excel prints it cut, or ### for a number),
        // and a row's text fits the height the template gave it (Excel does not grow set rows).
        for (const td of tr.querySelectorAll<HTMLElement>("td")) {
          const inner = td.classList.contains("spills") ? td.querySelector<HTMLElement>("span.spill")! : td;
          if (inner.scrollWidth > inner.clientWidth + 1)
            problems.push(`cut: row ${row + 1} "${td.textContent}" (${inner.scrollWidth} > ${inner.clientWidth} px)`);
        }
        // A value reads beside the first line of its label: in a row taller than one line, every
        // text but a header's starts at the row's top (3 px for fonts of other sizes).
        const tops = [...tr.querySelectorAll<HTMLTableCellElement>("td")]
          .filter((td) => td.rowSpan === 1 && !td.classList.contains("look-header") && td.textContent !== "")
          .map((td) => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return range.getClientRects()[0]?.top;
          })
          .filter((top): top is number => top !== undefined);
        if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 3)
          problems.push(
            `row ${row + 1}: its texts start ${Math.round(Math.max(...tops) - Math.min(...tops))} px apart`,
          );
        // No word of a wrapped text is broken inside ("Batc" over "h"): each stays on one line.
        for (const td of tr.querySelectorAll<HTMLElement>("td.wrap")) {
          const text = td.firstChild;
          if (!(text instanceof Text)) continue;
          for (const m of (text.data ?? "").matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, m.index);
            range.setEnd(text, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) problems.push(`row ${row + 1}: "${m[0]}" broken over ${lines.size} lines`);
          }
        }
        const declared = parseFloat((tr as HTMLElement).style.height);
        if ((tr as HTMLElement).offsetHeight > declared + 1)
          problems.push(`row ${row + 1} taller than its height: ${(tr as HTMLElement).offsetHeight} > ${declared} px`);
        // A header row has its table's rows right under it, on the same page.
        if (isHeader(tr)) {
          const next = trs[k + 1];
          if (!next || !isRuled(next) || isHeader(next)) problems.push(`header of row ${row + 1} without its rows`);
        }
      }
      // A heading never ends a page.
      const filled = trs.filter((tr) => !isBlank(tr));
      const last = filled.at(-1);
      if (
        last &&
        last.querySelector("td.look-section, td.look-title, td.look-unitLine") &&
        filled.length < trs.length + 1
      )
        problems.push(`heading "${last.textContent}" ends the page`);
      const { width, height } = pageElement.getBoundingClientRect();
      return {
        footer: pageElement.querySelector(".page-footer")?.textContent ?? "",
        portrait: width < height,
        rows: trs.filter((tr) => !tr.classList.contains("title-repeat")).map(rowOf),
        repeated: trs.filter((tr) => tr.classList.contains("title-repeat")).map(rowOf),
        problems,
      };
    });
    // Each ruled table's rows (its header first), read from the sheet's pages in order.
    const tables: number[][] = [];
    let current: number[] | undefined;
    for (const tr of document.querySelectorAll(".print-doc tr:not(.title-repeat)")) {
      const row = Number(tr.querySelector("td")?.getAttribute("data-print-cell")?.split(",")[1] ?? -1);
      if (tr.querySelector("td.look-header")) tables.push((current = [row]));
      else if (tr.querySelector("td.ruled") && current) current.push(row);
      else current = undefined;
    }
    return { reports, tables };
  });
}

const CASES: { name: string; id: string; inputs: Inputs }[] = TEMPLATES.flatMap((t) => [
  { name: `${t.id}, short`, id: t.id, inputs: SAMPLES[t.id] },
  { name: `${t.id}, long`, id: t.id, inputs: LONG[t.id as keyof typeof LONG] },
]);
CASES.push({ name: "contract, 50 goods", id: "contract", inputs: contractWithGoods(50) });

for (const lang of ["vi", "en"] as const) {
  test(`every page of every template, short and long, signs as printed (${lang})`, async () => {
    session = await openPreview(lang);
    const { page } = session;
    for (const { name, id, inputs } of CASES) {
      const sheet = await insert(page, id, inputs, lang);
      if ((await page.locator("#print-view").getAttribute("aria-pressed")) !== "true")
        await page.locator("#print-view").click();
      await page.locator(".print-bar span", { hasText: sheet }).waitFor();
      await page.locator(".print-doc[data-pages]").waitFor();
      const { reports, tables } = await pages(page);
      const count = reports.length;
      const plan = await page.evaluate(
        ({ id, inputs, lang }) => {
          const { bench } = (window as unknown as { htPreview: any }).htPreview; // eslint-disable-line @typescript-eslint/no-explicit-any
          const p = bench.renderTemplate(bench.templateById(id), inputs, lang);
          return {
            rows: p.rows as number,
            titles: p.printTitles as { row: number } | undefined,
            orientation: p.orientation as string,
          };
        },
        { id, inputs, lang },
      );
      const where = `${name} (${lang})`;
      reports.forEach((report, k) => {
        expect([where, k + 1, report.problems]).toEqual([where, k + 1, []]);
        expect([where, report.footer]).toEqual([
          where,
          lang === "vi" ? `Trang ${k + 1}/${count}` : `Page ${k + 1} of ${count}`,
        ]);
        expect([where, report.portrait]).toEqual([where, plan.orientation === "portrait"]);
        // The repeated header is the print titles', on the pages after its first, and only there.
        const titled = plan.titles && report.rows[0] > plan.titles.row;
        expect([where, k + 1, report.repeated]).toEqual([where, k + 1, titled ? [plan.titles!.row] : []]);
      });
      if (id === "contract") expect([where, reports.every((r) => r.portrait)]).toEqual([where, true]);
      // Every row of the print area once, in order.
      const all = reports.flatMap((r) => r.rows);
      expect([where, all]).toEqual([where, Array.from({ length: plan.rows }, (_, r) => r)]);
      // A table split across pages is one taller than a page; a shorter one stays on one page.
      const pageOf = new Map(reports.flatMap((r, k) => r.rows.map((row) => [row, k] as const)));
      for (const rows of tables) {
        const on = new Set(rows.map((row) => pageOf.get(row)));
        if (on.size > 1)
          expect([where, `table at row ${rows[0] + 1} split`, rows.length > 30]).toEqual([
            where,
            `table at row ${rows[0] + 1} split`,
            true,
          ]);
      }
    }
  });
}

test("the print view of a 15,000-row plan draws its first page at once, then the others in turn, numbered when all are laid out", async () => {
  session = await openPreview("vi");
  const { page } = session;
  // 5,000 products: their four tables make a sheet of over 15,000 rows.
  const inputs = planWithProducts(5_000);
  await insert(page, "plan", { ...inputs, tables: { ...inputs.tables, materials: [] } }, "vi");
  const first = await page.evaluate(() => {
    const start = performance.now();
    document.querySelector<HTMLButtonElement>("#print-view")!.click();
    const doc = document.querySelector(".print-doc")!;
    return {
      ms: performance.now() - start,
      pages: doc.querySelectorAll(".page").length,
      done: doc.hasAttribute("data-pages"),
      footer: doc.querySelector(".page-footer")?.textContent,
    };
  });
  // The click returns with the first pages drawn, the rest still to come: their count unknown yet.
  expect(first).toMatchObject({ done: false, footer: "Trang 1/…" });
  expect(first.pages).toBeGreaterThanOrEqual(1);
  const doc = page.locator(".print-doc[data-pages]");
  await doc.waitFor({ timeout: 240_000 });
  const pages = Number(await doc.getAttribute("data-pages"));
  expect(pages).toBeGreaterThan(100);
  expect(await page.locator(".page-footer").first().textContent()).toBe(`Trang 1/${pages}`);
  expect(await page.locator(".page-footer").last().textContent()).toBe(`Trang ${pages}/${pages}`);
  expect(
    Number(
      await page
        .locator(".print-doc .page")
        .last()
        .getAttribute("data-rows")
        .then((r) => r!.split(",")[1]),
    ),
  ).toBeGreaterThan(15_000);
  console.log(`15,000-row plan: first pages in ${Math.round(first.ms)} ms, ${pages} pages in all`);
});
