/**
 * The compatibility copy translates a formula filled down once (src/compat/relative.ts): a
 * formula's relative form is the same at every cell it was filled to, putting it back where it
 * came from gives it back exactly, and the copy of a plan holds, cell for cell, what translating
 * each formula on its own gives.
 */
import fc from "fast-check";
import { compatibleBook } from "../../src/compat/copy";
import { placer, relativeForm } from "../../src/compat/relative";
import { translateFormula } from "../../src/compat/translate";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import { columnName } from "../../src/sheet/cell-plan";
import { planWithProducts } from "../fixtures/long";

const letters = columnName;

/** A reference as text: [col, row] (0-based) and which parts are absolute. */
const ref = fc.record({
  col: fc.integer({ min: 0, max: 16_383 }),
  row: fc.integer({ min: 0, max: 1_048_575 }),
  colAbs: fc.boolean(),
  rowAbs: fc.boolean(),
});
type Ref = { col: number; row: number; colAbs: boolean; rowAbs: boolean };
const a1 = (r: Ref, dr = 0, dc = 0) =>
  `${r.colAbs ? "$" : ""}${letters(r.colAbs ? r.col : r.col + dc)}${r.rowAbs ? "$" : ""}${(r.rowAbs ? r.row : r.row + dr) + 1}`;
/** A formula of references, text that looks like references, quoted sheets and names. */
const formula = (refs: Ref[], dr = 0, dc = 0) =>
  `IF(${a1(refs[0], dr, dc)}="A1","B2",HT.NORMFULFIL(${refs.map((r) => a1(r, dr, dc)).join(",")},'Sheet A1'!${a1(refs[0], dr, dc)},Years,LOG10(2),$K$17:$K$20))`;

test("a formula filled down and across has one relative form, and goes back to each cell exactly", () => {
  fc.assert(
    fc.property(
      fc.array(ref, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 50 }),
      (refs, row, col, dr, dc) => {
        fc.pre(refs.every((r) => r.col + dc <= 16_383 && r.row + dr <= 1_048_575));
        const here = formula(refs);
        const there = formula(refs, dr, dc);
        const form = relativeForm(here, row, col);
        expect(relativeForm(there, row + dr, col + dc)).toBe(form);
        expect(placer(form)(row, col)).toBe(here);
        expect(placer(form)(row + dr, col + dc)).toBe(there);
        // Strings, quoted sheet names, names and function names are not references.
        expect(form).toContain('"A1","B2"');
        expect(form).toContain("'Sheet A1'!");
        expect(form).toContain("Years,LOG10(2)");
      },
    ),
  );
});

test("a reference moved off the sheet is not placed", () => {
  expect(placer(relativeForm("A1+B2", 5, 5))(0, 0)).toBeUndefined();
  expect(placer(relativeForm("$A$1+B2", 5, 5))(4, 4)).toBe("$A$1+A1");
});

test("the copy of a 300-product plan holds, cell for cell, each formula's own translation", async () => {
  const book = new PreviewBook("Trang1");
  const inputs = planWithProducts(300);
  await previewWorkbook(book).insert(
    renderTemplate(PLAN_TARGETS, inputs, "vi"),
    { template: "plan", lang: "vi", inputs },
    { kind: "newSheet" },
  );
  const snapshot = bookSnapshot(book);
  const copy = compatibleBook(snapshot, "vi").book;
  let native = 0;
  snapshot.sheets.forEach((sheet, k) =>
    sheet.cells.forEach((cell, i) => {
      if (cell.formula === undefined) return;
      const own = translateFormula(`=${cell.formula}`, { language: "vi" });
      const got = copy.sheets[k + 1].cells[i];
      if (own.kind === "value") return expect(got.formula).toBeUndefined();
      if (own.kind !== "native") return expect(got.formula).toBe(cell.formula);
      native++;
      expect(`=${got.formula}`).toBe(own.formula);
    }),
  );
  expect(native).toBe(600);
});
