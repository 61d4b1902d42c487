/**
 * The printed pages as LibreOffice prints them: the compatibility copy of each template (so that
 * every number computes without the add-in), short and with long tables, in both languages,
 * printed to PDF and read back page by page with pdftotext. On every page the footer numbers it
 * ("Trang k/N", "Page k of N"); nothing shows ### or an error; every text of the document is
 * printed whole; a table that fits on a page is on one page; the repeated header (the print
 * titles) is on the pages of its own table and nowhere before it.
 *
 * LibreOffice is not Excel: left to break full pages itself, it fits a little more or less on a
 * page than the page rule's model (src/sheet/page-setup.ts; measured before every page start was
 * written as a break: the 200-product plan took 19 pages against the model's 20, and split the
 * English plan's grade table). The rule now gives every page start with 5 % to spare, so the
 * tolerance is none: LibreOffice prints exactly the model's pages. It sets the templates' Calibri
 * in Carlito (Calibri's metrics, installed with it), as a machine without Calibri would need.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { PDFTOTEXT, convert } from "../../scripts/libreoffice";
import { compatibleBook } from "../../src/compat/copy";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import type { CellPlan } from "../../src/sheet/cell-plan";
import { FOOTER, footerText } from "../../src/sheet/page-setup";
import { templateById } from "../../src/templates/catalog";
import type { Inputs } from "../../src/templates/model";
import { renderTemplate } from "../../src/templates/render";
import { writeWorkbook } from "../../src/xlsx/write";
import { LONG } from "../fixtures/long";
import { planPages } from "../support/plan-pages";
import { SAMPLES } from "../fixtures/samples";

jest.setTimeout(600_000);

const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The texts of the plan's cells in `rows` (a range of rows, all columns). */
function textsIn(plan: CellPlan, first: number, last: number): string[] {
  return plan.cells
    .filter((c) => c.row >= first && c.row <= last && "text" in c.content && c.content.text.trim() !== "")
    .map((c) => squeeze((c.content as { text: string }).text));
}

const ids = ["plan", "contract", "pricePlan", "normSheet"] as const;
const cases = (["vi", "en"] as const).flatMap((lang) =>
  ids.flatMap((id) => [[lang, id, "short", SAMPLES[id]] as const, [lang, id, "long", LONG[id]] as const]),
);

test.each(cases)(
  "%s %s (%s tables): LibreOffice prints every page numbered, whole and with its own header",
  async (lang, id, _size, inputs: Inputs) => {
    const template = templateById(id)!;
    const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
    const plan = renderTemplate(template, inputs, lang);
    const outcome = await previewWorkbook(book).insert(plan, { template: id, lang, inputs }, { kind: "newSheet" });
    if (!outcome.ok) throw new Error(`${id} not written`);
    // The blank sheet the book starts with would print as a page of its own.
    book.hf.removeSheet(book.hf.getSheetId(lang === "vi" ? "Trang1" : "Sheet1")!);
    const copy = compatibleBook(bookSnapshot(book), lang);
    const dir = mkdtempSync(path.join(tmpdir(), "ht-pages-"));
    const file = path.join(dir, `${id}-${lang}.xlsx`);
    writeFileSync(file, await writeWorkbook(copy.book));
    const pdf = convert(file, "pdf", { recalc: true, outDir: dir, locale: lang === "vi" ? "vi-VN" : "en-US" });
    const read = (mode: string) =>
      execFileSync(PDFTOTEXT, [mode, pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
    const pages = read("-raw");
    const total = pages.length;

    // The cover sheet is one page; the document follows it, numbered on through the workbook as
    // Excel numbers a workbook printed whole.
    const model = planPages(plan);
    // Every page start is a manual break with room to spare: LibreOffice makes the same pages.
    expect(total - 1).toBe(model.length);
    pages.forEach((text, k) => {
      const lines = text.split("\n").map((l) => l.trim());
      expect({ page: k + 1, footer: lines.includes(footerText(FOOTER[lang], k + 1, total)) }).toEqual({
        page: k + 1,
        footer: true,
      });
      expect({ page: k + 1, cut: text.match(/###|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|Err:\d+/g) }).toEqual({
        page: k + 1,
        cut: null,
      });
    });

    // Every text of the document printed whole (a cut label would be missing its end).
    const document = squeeze(pages.slice(1).join(""));
    const missing = textsIn(plan, 0, plan.rows - 1).filter((t) => !document.includes(t));
    expect(missing).toEqual([]);

    // A ruled table that the model puts on one page is printed on one page.
    const body = pages.slice(1).map(squeeze);
    for (const area of plan.borders) {
      const last = area.row + area.rows - 1;
      const onOne = model.some(([a, b]) => a <= area.row && last <= b);
      if (!onOne) continue;
      const texts = textsIn(plan, area.row, last);
      expect({ table: area.row + 1, whole: body.some((p) => texts.every((t) => p.includes(t))) }).toEqual({
        table: area.row + 1,
        whole: true,
      });
    }

    // The repeated header is on the pages of its table, from the first to the sheet's end (what
    // follows the table stays on its last page), and on no page before.
    const titles = plan.printTitles;
    if (titles) {
      const header = textsIn(plan, titles.row, titles.row + titles.rows - 1);
      const shown = body.map((p, k) => (header.every((t) => p.includes(t)) ? k : -1)).filter((k) => k >= 0);
      expect(shown.length).toBeGreaterThan(1);
      expect(shown).toEqual(Array.from({ length: body.length - shown[0] }, (_, i) => shown[0] + i));
    }
  },
);
