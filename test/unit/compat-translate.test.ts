/**
 * The compatibility copy's translator (src/compat) and the native forms it writes: every HT
 * function has one or says why not; a translated formula calls no HT function and only functions
 * of Excel 2007; everything outside the HT calls stays as written; what cannot be translated is
 * left alone and says why. LibreOffice checks what the native forms compute (test/calc).
 */
import { compatibleBook } from "../../src/compat/copy";
import { callDepth, parseFormula, type Node } from "../../src/compat/formula";
import { translateFormula, type Translation } from "../../src/compat/translate";
import { DECLARATIONS, type FunctionDeclaration } from "../../src/core/declarations";
import { FUTURE_FUNCTIONS } from "../../src/xlsx/formula-names";
import type { XlsxBook } from "../../src/xlsx/snapshot";
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";

/** Functions a native form may call: all in Excel 2007, none with an _xlfn. prefix. */
const EXCEL_2007 = new Set(
  "IF ABS VALUE TRIM COUNTIF SUMIF INDEX COLUMNS ROWS SUMPRODUCT ISTEXT ISERROR AVERAGE AVERAGEIF SUM".split(" "),
);

function calls(node: Node, into: string[] = []): string[] {
  switch (node.kind) {
    case "call":
      into.push(node.name.toUpperCase());
      node.args.forEach((a) => calls(a, into));
      break;
    case "binary":
      calls(node.left, into);
      calls(node.right, into);
      break;
    case "unary":
    case "percent":
    case "paren":
      calls(node.arg, into);
      break;
    default:
  }
  return into;
}

/** A call of every parameter with a cell of its own, the table as a range. */
function callOf(d: FunctionDeclaration, name = d.id): string {
  const args = d.params.map((p, k) =>
    p.kind === "table"
      ? "$H$1:$I$4"
      : p.name === "quantities" || p.name === "observations" || p.name === "grades"
        ? `${String.fromCharCode(65 + k)}1:${String.fromCharCode(65 + k)}5`
        : `${String.fromCharCode(65 + k)}1`,
  );
  return `=HT.${name}(${args.join(",")})`;
}

const native = (t: Translation) => {
  if (t.kind !== "native") throw new Error(`not translated: ${JSON.stringify(t)}`);
  return t;
};

describe("native forms, declared beside each function", () => {
  test("every function has a native form or says, in both languages, why its value is kept", () => {
    for (const d of DECLARATIONS) {
      expect(d.native).toBeDefined();
      if (d.native.kind === "valueOnly") {
        expect(d.native.why.vi.length).toBeGreaterThan(10);
        expect(d.native.why.en.length).toBeGreaterThan(10);
      }
    }
    expect(DECLARATIONS.filter((d) => d.native.kind === "valueOnly").map((d) => d.id)).toEqual([
      "PRICEBUILDUP",
      "INWORDS",
    ]);
  });

  test("a native form names only its function's own parameters", () => {
    for (const d of DECLARATIONS) {
      const form = d.native;
      const texts =
        form.kind === "elementwise"
          ? [form.value, ...(form.first ?? []).map((g) => g[0]), ...(form.fails ?? []).map((g) => g[0])]
          : form.kind === "whole"
            ? [form.formula]
            : [];
      const names = new Set(d.params.map((p) => p.name));
      for (const text of texts)
        for (const [, name] of text.matchAll(/\{([a-z_]+)(?::[a-z]+)?\}/g))
          expect([d.id, names.has(name)]).toEqual([d.id, true]);
    }
  });

  test("each translated function calls only Excel 2007 functions, never HT and never an _xlfn. one, by either name", () => {
    for (const d of DECLARATIONS.filter((x) => x.native.kind !== "valueOnly")) {
      for (const name of [d.id, d.vi, d.id.toLowerCase()]) {
        const t = native(translateFormula(callOf(d, name)));
        const used = calls(parseFormula(t.formula));
        expect(used.filter((f) => !EXCEL_2007.has(f))).toEqual([]);
        expect(used.filter((f) => FUTURE_FUNCTIONS.includes(f))).toEqual([]);
        expect(t.formula).not.toMatch(/HT\./i);
        expect(t.calls).toBe(1);
        expect(t.array).toBe(false);
      }
    }
  });
});

test("no native form nests more than 24 levels of functions around its arguments (the translator's depth bound)", () => {
  for (const d of DECLARATIONS.filter((x) => x.native.kind !== "valueOnly")) {
    const t = native(translateFormula(callOf(d)));
    expect([d.id, callDepth(parseFormula(t.formula)) <= 24]).toEqual([d.id, true]);
  }
});

describe("translating a formula", () => {
  test("only the HT call changes: the rest, strings and sheet-qualified references included, stays as written", () => {
    const t = native(
      translateFormula(`=IF('Kế hoạch 1965'!K39<>"HT.COSTPRICE(1)",  K39 ,HT.PIECERATE(Sheet2!B5,N(C5)))&" đ"`),
    );
    expect(t.formula.startsWith(`=IF('Kế hoạch 1965'!K39<>"HT.COSTPRICE(1)",  K39 ,`)).toBe(true);
    expect(t.formula.endsWith(`)&" đ"`)).toBe(true);
    expect(t.formula).toContain("VALUE(Sheet2!B5)");
    // An argument that is an expression is put in parentheses wherever it is used.
    expect(t.formula).toContain("VALUE(N(C5))");
  });

  test("nested HT calls are translated inside out, the inner one as an argument of the outer", () => {
    const t = native(translateFormula("=HT.PIECERATE(HT.PARITYWAGE(A1,B1),C1)*2"));
    expect(t.calls).toBe(2);
    expect(t.formula).not.toMatch(/HT\./);
    expect(t.formula).toMatch(/^=IF\(.*\)\*2$/);
  });

  test("a formula without HT calls is plain; another add-in's calls are listed, Excel's own dotted names are not", () => {
    expect(translateFormula("=SUM(A1:A3)")).toEqual({ kind: "plain", foreign: [] });
    expect(translateFormula("=CONTOSO.ADD(1,2)+NORM.DIST(1,0,1,TRUE)+_xlfn.STDEV.S(A1:A2)")).toEqual({
      kind: "plain",
      foreign: ["CONTOSO.ADD"],
    });
  });

  test("a function with no native form keeps the cell's value; unreadable formulas and unknown HT names are left as they are", () => {
    expect(translateFormula('=HT.BANGCHU(C43)&""').kind).toBe("value");
    expect(translateFormula("=HT.PRICEBUILDUP(1,2)").kind).toBe("value");
    expect(translateFormula("=HT.COSTPRICE(1+(2,3)")).toMatchObject({ kind: "kept", reason: "unreadable" });
    expect(translateFormula('=HT.PIECERATE("abc,1)')).toMatchObject({ kind: "kept", reason: "unreadable" });
    // A formula without any dotted name calls no HT function: it stays as it is, unread.
    expect(translateFormula("=1+(2")).toEqual({ kind: "plain", foreign: [] });
    expect(translateFormula("=HT.NOSUCH(1)+HT.COSTPRICE(1,2)")).toMatchObject({ kind: "kept", reason: "unknownHt" });
  });

  test("a call over ranges must be entered as an array formula; ranges that cannot broadcast give #VALUE!", () => {
    expect(native(translateFormula("=HT.COSTPRICE(A1:A5,B1:B5,5)")).array).toBe(true);
    expect(native(translateFormula("=HT.COSTPRICE(A1:A5,B1,5)")).array).toBe(true);
    expect(native(translateFormula("=HT.COSTPRICE(Rates,B1)", { nameShape: () => ({ rows: 3, cols: 1 }) })).array).toBe(
      true,
    );
    expect(native(translateFormula("=HT.COSTPRICE(ProfitRate,B1)")).array).toBe(false);
    expect(native(translateFormula("=HT.COSTPRICE(A1:A5,B1:B3)")).formula).toBe("=#VALUE!");
    // A grade column against one base price is an array as well.
    expect(native(translateFormula("=HT.GRADEPRICE(100,F1:F9,GradeTable)")).array).toBe(true);
    // Functions over whole ranges give one value: no array needed.
    expect(native(translateFormula("=HT.GRADECOEF(E1:E9,F1:F9,GradeTable)")).array).toBe(false);
  });

  test("typed options are resolved in the translation; a typed option that is not allowed is #VALUE!", () => {
    const lower = native(translateFormula('=HT.PROGRESSIVEAVG(A1:A9," Lower ","advanced")')).formula;
    expect(lower).toContain('"<="&');
    expect(lower).not.toContain('">="&');
    expect(lower).not.toContain('"lower"');
    expect(native(translateFormula('=HT.NORMCHECK(A1,B1,"sideways")')).formula).toBe("=#VALUE!");
    // An option from a cell is checked in the sheet.
    expect(native(translateFormula("=HT.NORMCHECK(A1,B1,C1)")).formula).toContain('<>"higher"),#VALUE!');
  });

  test("typed numbers in the domain need no check; one outside it gives #NUM! in the sheet", () => {
    const inside = native(translateFormula("=HT.COSTPRICE(100,20,5,0.05)")).formula;
    expect(inside).not.toContain("#NUM!,IF(ABS(");
    const outside = native(translateFormula("=HT.COSTPRICE(100,20,5,5)")).formula;
    expect(outside).toContain("IF(ABS(5)>1,#NUM!");
  });

  test("a call with more arguments than its parameters is #VALUE!, as Excel refuses it", () => {
    expect(native(translateFormula("=HT.PIECERATE(1,2,3)")).formula).toBe("=#VALUE!");
  });
});

describe("the compatibility copy of a workbook", () => {
  const book: XlsxBook = {
    names: [{ name: "GradeTable", formula: "'Hợp đồng'!$A$10:$B$12" }],
    sheets: [
      {
        name: "Hợp đồng",
        state: "visible",
        merges: [],
        widths: [],
        heights: [],
        lists: [],
        names: [],
        cells: [
          { row: 0, col: 0, value: 60 },
          { row: 0, col: 1, formula: "HT.COSTPRICE(A1,30,10,0.05)", value: 73.5 },
          { row: 1, col: 1, formula: "HT.INWORDS(B1)", value: "Bảy mươi ba đồng" },
          { row: 2, col: 1, formula: "HT.NOSUCH(B1)", value: { error: "#NAME?" } },
          { row: 3, col: 1, formula: "SUM(A1:A2)", value: 60 },
          { row: 4, col: 1, formula: "HT.COSTPRICE(A1:A2,30)", value: 90, array: { row: 4, col: 1, rows: 2, cols: 1 } },
          { row: 5, col: 1, value: 30 },
        ],
      },
    ],
  };

  test("translates, keeps values where there is no native form, lists what it left, and changes nothing given", () => {
    const before = JSON.stringify(book);
    const { book: copy, report } = compatibleBook(book, "vi");
    expect(JSON.stringify(book)).toBe(before);
    expect(report.translated).toBe(2);
    expect(report.values).toEqual([{ sheet: "Hợp đồng", cell: "B2", detail: expect.stringContaining("chữ") }]);
    expect(report.kept).toEqual([expect.objectContaining({ cell: "B3", reason: "unknownHt" })]);
    const sheet = copy.sheets[1];
    expect(sheet.cells[1].formula).not.toMatch(/HT\./);
    expect(sheet.cells[2]).toEqual({ row: 1, col: 1, value: "Bảy mươi ba đồng" });
    expect(sheet.cells[3]).toEqual(book.sheets[0].cells[3]);
    expect(sheet.cells[4]).toEqual(book.sheets[0].cells[4]);
    expect(sheet.cells[5].array).toEqual({ row: 4, col: 1, rows: 2, cols: 1 });
    expect(sheet.cells[6]).toEqual(book.sheets[0].cells[6]);
  });

  test("a formula on a circular reference, as the preview's engine finds it, is left as it is and listed", async () => {
    const preview = new PreviewBook("Trang1");
    const sheet = preview.hf.getSheetId("Trang1")!;
    // B1 reads B2, which reads B1 through an HT call: a cycle; B3 computes.
    preview.hf.setCellContents({ sheet, row: 0, col: 1 }, [
      ["=B2+1"],
      ["=HT.COSTPRICE(B1,30,10,0.05)"],
      ["=HT.COSTPRICE(60,30,10,0.05)"],
    ]);
    const snapshot = bookSnapshot(preview);
    expect(snapshot.sheets[0].cells.filter((c) => c.circular).map((c) => c.row)).toEqual([0, 1]);
    const { book: copy, report } = compatibleBook(snapshot, "en");
    expect(report.kept).toEqual([
      expect.objectContaining({ cell: "B2", reason: "circular", detail: "the formula is on a circular reference" }),
    ]);
    expect(report.translated).toBe(1);
    const cells = copy.sheets[1].cells;
    expect(cells.find((c) => c.row === 1)?.formula).toBe("HT.COSTPRICE(B1,30,10,0.05)");
    expect(cells.find((c) => c.row === 2)?.formula).not.toMatch(/HT\./);
  });

  test("a cover sheet, shown first, says in the user's language what computes and which cells keep values", () => {
    const vi = compatibleBook(book, "vi").book;
    expect(vi.activeSheet).toBe(0);
    expect(vi.sheets.map((s) => s.name)).toEqual(["Bản tương thích", "Hợp đồng"]);
    const viText = vi.sheets[0].cells.map((c) => String(c.value)).join("\n");
    expect(viText).toContain("2 công thức có hàm HT đã được viết lại");
    expect(viText).toContain("'Hợp đồng'!B2");
    const en = compatibleBook(book, "en")
      .book.sheets[0].cells.map((c) => String(c.value))
      .join("\n");
    expect(en).toContain("2 formulas with HT functions were rewritten");
    expect(en).toContain("1 cells keep the values");
  });
});
