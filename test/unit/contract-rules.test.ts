/**
 * The revised conventions of FUNCTIONS.md, one rule per describe: rates are fractions, same shape
 * means same shape, no result too large for memory, labels match as people see them, messages
 * in one language.
 */
import { CATALOG, CATALOG_BY_ID, type CatalogEntry } from "../../src/core/catalog";
import { isCellError, messageIn, messageLanguageOf, type Arg, type CellError, type Result } from "../../src/core/cell";
import { DECLARATIONS } from "../../src/core/declarations";
import { broadcastShape, MAX_RESULT_CELLS } from "../../src/core/grid";
import { costPrice, priceBuildUp } from "../../src/core/pricing";
import { gradeCoef, gradePrice, gradeValue } from "../../src/core/grades";
import { revisedPieceRate } from "../../src/core/norms";
import { messages } from "../../src/core/messages";
import * as functions from "../../src/functions/functions";
import { displayLanguage, toExcelError } from "../../src/functions/boundary";
import { installCustomFunctionsMock, MockCustomFunctionError } from "../support/custom-functions-mock";
import { expectClose, only } from "../support/close";
import { validArgsWith } from "../support/valid-args";

const first = (result: unknown): Result => (Array.isArray(result) ? (result as Result[][])[0][0] : (result as Result));
const en = (result: unknown) => messageIn(first(result) as CellError, "en");
const vi = (result: unknown) => messageIn(first(result) as CellError, "vi");
const GRADES = [
  ["Chính phẩm", 1],
  ["Thứ phẩm", 0.8],
];

const argsWith = (entry: CatalogEntry, k: number, value: Arg) => validArgsWith(entry, k, value, GRADES, "Chính phẩm");

describe("rule 1: rates are fractions", () => {
  test("HT.COSTPRICE(100,20,5,5,2,10), typed meaning 5 %, 2 % and 10 %, is #NUM!, not 1200", () => {
    const result = only(costPrice(100, 20, 5, 5, 2, 10));
    expect(result).toMatchObject({ error: "#NUM!" });
    expect(en(result)).toBe("HT.COSTPRICE: profit_rate: rates are fractions: 5 % is 0.05 (or 5%)");
    expect(vi(result)).toBe("HT.COSTPRICE: ty_le_lai: tỷ lệ là phân số: 5 % là 0,05 (hoặc 5%)");
    expectClose(only(costPrice(100, 20, 5, 0.05, 0.02, 0.1)), 125 * 1.07 + 2);
  });

  const rateParams = DECLARATIONS.flatMap((d) =>
    d.params.flatMap((p, k) => (p.domain === "rate" ? [[`${d.id}.${p.name}`, d.id, k] as const] : [])),
  );

  test.each(rateParams)("%s outside [-1, 1] is #NUM! naming it; -1 and 1 are accepted", (_name, id, k) => {
    const entry = CATALOG_BY_ID.get(id)!;
    for (const bad of [5, 1.0001, -1.5, 100]) {
      const result = first(entry.impl(...argsWith(entry, k, bad)));
      expect(result).toMatchObject({ error: "#NUM!" });
      expect(en(result)).toContain(`${entry.params[k].name}: rates are fractions`);
    }
    for (const edge of [1, -1, 0.05]) expect(isCellError(first(entry.impl(...argsWith(entry, k, edge))))).toBe(false);
  });

  test("a rate in a range is checked cell by cell: the 5 is #NUM!, the 0.05 beside it computes", () => {
    const result = costPrice(100, 20, 0, [[0.05], [5]]);
    expectClose(result[0][0], 126);
    expect(result[1][0]).toMatchObject({ error: "#NUM!" });
  });

  test("a share (incentive_share) of 50 meant as 50 % is #NUM! with the same hint", () => {
    const result = only(revisedPieceRate(100, 10, 12, 50));
    expect(result).toMatchObject({ error: "#NUM!" });
    expect(en(result)).toContain("rates are fractions");
  });

  test("PRICEBUILDUP refuses the same rates", () => {
    expect(first(priceBuildUp(100, 20, 5, 5))).toMatchObject({ error: "#NUM!" });
  });
});

describe("rule 2: quantities and grades of different shapes are #VALUE! naming both", () => {
  const column = [[60], [40], [20]];
  const row = [["Chính phẩm", "Thứ phẩm", "Chính phẩm"]];

  test("a column of 3 quantities against a row of 3 grades is #VALUE!, for GRADEVALUE and GRADECOEF", () => {
    for (const result of [gradeValue(column, row, 1500, GRADES), gradeCoef(column, row, GRADES)]) {
      expect(result).toMatchObject({ error: "#VALUE!" });
      expect(en(result)).toContain("quantities (3×1) and grades (1×3) must have the same shape");
      expect(vi(result)).toContain("so_luong (3×1) và pham_cap (1×3) phải cùng kích thước");
    }
  });

  test("ranges of different sizes, or one grade for many quantities, are #VALUE! too", () => {
    expect(gradeValue(column, [["Chính phẩm"], ["Thứ phẩm"]], 1500, GRADES)).toMatchObject({ error: "#VALUE!" });
    expect(gradeCoef(column, "Chính phẩm", GRADES)).toMatchObject({ error: "#VALUE!" });
  });

  test("the same shape computes: 60 + 40 × 0.8 + 20 = 112 at the base, coefficient 112/120", () => {
    const grades = [["Chính phẩm"], ["Thứ phẩm"], ["Chính phẩm"]];
    expectClose(gradeValue(column, grades, 1500, GRADES), 112 * 1500);
    expectClose(gradeCoef(column, grades, GRADES), 112 / 120);
    expectClose(gradeCoef([[60, 40]], [["Chính phẩm", "Thứ phẩm"]], GRADES), 92 / 100);
  });
});

describe("rule 3: a result over 5,000,000 cells is #NUM! before anything is allocated", () => {
  // A whole column (1,048,576 rows, one shared row array) against a whole row (16,384 columns):
  // 17 billion cells, far beyond what a typed array may hold, so allocating first would throw.
  const wholeColumn = new Array(1_048_576).fill([2]);
  const wholeRow = [new Array(16_384).fill(3)];
  const broadcasting = CATALOG.filter(
    (e) => e.result === "broadcast" && e.params.filter((p) => p.kind === "number").length >= 2,
  );

  test.each(broadcasting.map((e) => [e.id, e] as const))(
    "HT.%s of a whole column against a whole row is one #NUM! saying the result is too large",
    (_id, entry) => {
      const [a, b] = entry.params.flatMap((p, k) => (p.kind === "number" ? [k] : []));
      const args = argsWith(entry, a, wholeColumn);
      args[b] = wholeRow;
      const result = entry.impl(...args) as Result[][];
      expect(result).toEqual([[expect.objectContaining({ error: "#NUM!" })]]);
      expect(en(result)).toBe(`HT.${entry.id}: result too large: 1048576 × 16384 cells, at most 5,000,000`);
    },
  );

  test("exactly 5,000,000 cells broadcast; one more row is too many", () => {
    const column = Array.from({ length: 5000 }, () => [1]);
    expect(broadcastShape("X", [column, [new Array(1000).fill(1)]], ["a", "b"])).toEqual({ rows: 5000, cols: 1000 });
    expect(MAX_RESULT_CELLS).toBe(5_000_000);
    const over = broadcastShape("X", [[...column, [1]], [new Array(1000).fill(1)]], ["a", "b"]);
    expect(over).toMatchObject({ error: "#NUM!" });
  });
});

describe("rule 4: grade labels match after trimming, NFC, no-break spaces and case", () => {
  const nfd = "Thứ phẩm".normalize("NFD");
  test.each([
    ["a no-break space", "Thứ\u00a0phẩm"],
    ["decomposed Unicode (NFD)", nfd],
    ["upper case and outer spaces", "  THỨ PHẨM "],
    ["a narrow no-break space", "Thứ\u202fphẩm"],
  ])("%s in the grade is the same grade", (_what, grade) => {
    expectClose(only(gradePrice(1000, grade, GRADES)), 800);
    expectClose(gradeValue([[10]], [[grade]], 1000, GRADES), 8000);
  });

  test("and in the grade table: a table written with no-break spaces matches plain grades", () => {
    const table = [
      ["Loại\u00a01", 1],
      ["LOẠI 2", 0.7],
    ];
    expectClose(only(gradePrice(100, "loại 1 ", table)), 100);
    expectClose(only(gradePrice(100, "Loại 2", table)), 70);
    expect(
      gradePrice(100, "x", [
        ["Loại 1", 1],
        ["loại\u00a01", 2],
      ])[0][0],
    ).toMatchObject({ error: "#VALUE!" });
  });
});

describe("rule 5: messages in one language, Excel's display language, naming arguments as its metadata does", () => {
  beforeAll(installCustomFunctionsMock);
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  const setDisplayLanguage = (tag: string) =>
    ((globalThis as { Office?: unknown }).Office = { context: { displayLanguage: tag } });

  test("vi-* is Vietnamese; any other language, and no Office at all, is English", () => {
    expect(messageLanguageOf("vi-VN")).toBe("vi");
    expect(messageLanguageOf("vi")).toBe("vi");
    expect(messageLanguageOf("en-US")).toBe("en");
    expect(messageLanguageOf("fr-FR")).toBe("en");
    expect(messageLanguageOf(undefined)).toBe("en");
    expect(displayLanguage()).toBe("en");
    setDisplayLanguage("vi-VN");
    expect(displayLanguage()).toBe("vi");
  });

  test('HT.COSTPRICE("abc",30) in a Vietnamese Excel says so in Vietnamese only, naming vat_lieu', () => {
    setDisplayLanguage("vi-VN");
    const [[error]] = functions.COSTPRICE([["abc"]], [[30]]) as MockCustomFunctionError[][];
    expect(error.message).toBe('HT.COSTPRICE: vat_lieu = "abc" không phải là số');
    setDisplayLanguage("en-GB");
    const [[english]] = functions.GIATHEOGIATHANH([["abc"]], [[30]]) as MockCustomFunctionError[][];
    expect(english.message).toBe('HT.COSTPRICE: material = "abc" is not a number');
  });

  test("every parameter is named in each message by its own language's metadata name", () => {
    for (const d of DECLARATIONS) {
      for (const p of d.params) {
        const text = messages.notANumber(d.id, p.name, "x");
        expect(text.vi).toContain(`${p.vi} = "x"`);
        expect(text.en).toContain(`${p.name} = "x"`);
      }
    }
  });

  test("no English message carries Vietnamese words and no Vietnamese one English words, over every function's errors", () => {
    const vietnameseLetter = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1ef9]/;
    const englishWords = /\b(is|must|not|the|cannot|result|rates|holds)\b/;
    const bad: Arg[] = ["abc", true, -3, 7, [[1], [2], [3]], [[1, 2]], { error: "#N/A" }];
    let seen = 0;
    for (const entry of CATALOG) {
      entry.params.forEach((_p, k) => {
        for (const value of bad) {
          const result = first(entry.impl(...argsWith(entry, k, value)));
          if (!isCellError(result) || typeof result.message !== "object") continue;
          seen++;
          // The user's own text ("Chính phẩm") is quoted as typed, in either language.
          const unquoted = (text: string) => text.replace(/"[^"]*"/g, "");
          expect(unquoted(result.message.en)).not.toMatch(vietnameseLetter);
          expect(unquoted(result.message.vi)).not.toMatch(englishWords);
        }
      });
    }
    expect(seen).toBeGreaterThan(100);
  });

  test("the boundary passes an error handed in by Excel with its own text, in either language", () => {
    expect(toExcelError({ error: "#N/A", message: "from the sheet" }, "vi")).toEqual(
      new MockCustomFunctionError("#N/A", "from the sheet"),
    );
  });
});

describe("rule 5, before office.js has initialised", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("a display language that cannot be read yet gives English messages, not an exception", () => {
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("Office.js has not fully loaded");
      },
    };
    expect(displayLanguage()).toBe("en");
  });
});
