/**
 * The preview's #save-xlsx-compatible: a contract written in the preview, saved as its
 * compatibility copy, is a file whose formulas call no HT function, with a cover sheet first; the
 * report beside the button says how many formulas were translated and which cell keeps its value
 * (the amount in words). LibreOffice's check of what such a copy computes is test/calc.
 */
import ExcelJS from "exceljs";
import { CONTRACT_TWO_GRADES } from "../fixtures/samples";
import { openPreview, type Session } from "./preview-page";

jest.setTimeout(90_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

test.each(["vi", "en"] as const)(
  "a contract saved as the compatible .xlsx (%s) calls no HT function and says what it kept",
  async (lang) => {
    session = await openPreview(lang);
    const { page } = session;
    await page.evaluate(
      async ({ inputs, lang }) => {
        const { book, bench } = (window as unknown as { htPreview: any }).htPreview;
        const plan = bench.renderTemplate(bench.templateById("contract"), inputs, lang);
        await bench.previewWorkbook(book).insert(plan, { template: "contract", lang, inputs }, { kind: "newSheet" });
      },
      { inputs: CONTRACT_TWO_GRADES, lang },
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#save-xlsx-compatible").click(),
    ]);
    const report = page.locator("#save-xlsx-compatible-report[data-intent='success']");
    await report.waitFor();
    const text = (await report.textContent()) ?? "";
    expect(text).toMatch(lang === "vi" ? /Đã viết lại 5 công thức/ : /5 formulas rewritten/);
    expect(text).toMatch(/C44/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets[0].name).toBe(lang === "vi" ? "Bản tương thích" : "Compatibility");
    const formulas: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.formula);
        }),
      ),
    );
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => /HT\./i.test(f))).toEqual([]);
  },
);
