/**
 * Templates written into the preview workbook (HyperFormula with the HT functions), read back as
 * a person would read the sheet: key values, and no error value anywhere in a fresh template.
 */
import { DetailedCellError } from "hyperformula";
import { PreviewBook } from "../../src/preview/book";
import { previewWorkbook } from "../../src/preview/workbook";
import { columnName } from "../../src/templates/cell-plan";
import { CONTRACT } from "../../src/templates/contract";
import type { Inputs, Lang, TemplateDecl } from "../../src/templates/model";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import { renderTemplate } from "../../src/templates/render";
import { validateInputs } from "../../src/templates/validate";
import { CONTRACT_TWO_GRADES, NORM_BASKETS, PLAN_1961_65, PLAN_COOPERATIVE, PRICE_PLAN_BASKETS } from "../fixtures/samples";

interface Written {
  /** The value of the cell whose label (in column A or B) is `label`, `offset` columns to the right of it. */
  readonly values: (string | number | boolean | null | DetailedCellError)[][];
  readonly errors: string[];
}

async function write(template: TemplateDecl, inputs: Inputs, lang: Lang): Promise<Written> {
  expect(validateInputs(template, inputs)).toEqual([]);
  const book = new PreviewBook("Sheet1");
  const port = previewWorkbook(book);
  const plan = renderTemplate(template, inputs, lang);
  const outcome = await port.insert(plan, { template: template.id, lang, inputs }, { kind: "newSheet" });
  expect(outcome.ok).toBe(true);
  const values = book.hf.getSheetValues(1) as Written["values"];
  const errors: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof DetailedCellError) errors.push(`${columnName(c)}${r + 1} ${v.value} ${v.message}`);
    }),
  );
  return { values, errors };
}

describe.each([
  ["plan 1961–65", PLAN_TARGETS, PLAN_1961_65],
  ["cooperative plan", PLAN_TARGETS, PLAN_COOPERATIVE],
  ["contract", CONTRACT, CONTRACT_TWO_GRADES],
  ["price plan", PRICE_PLAN, PRICE_PLAN_BASKETS],
  ["norm sheet", NORM_SHEET, NORM_BASKETS],
] as const)("a freshly written %s", (_name, template, inputs) => {
  test.each(["vi", "en"] as const)("shows no error value in any cell (%s)", async (lang) => {
    const { errors } = await write(template, inputs, lang);
    expect(errors).toEqual([]);
  });
});
