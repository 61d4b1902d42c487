import * as functions from "../../src/functions/functions";
import { fromExcel, toExcelError, toExcelGrid } from "../../src/functions/boundary";
import { installCustomFunctionsMock, MockCustomFunctionError } from "../support/custom-functions-mock";
import { CATALOG } from "../../src/core/catalog";

beforeAll(installCustomFunctionsMock);

describe("the custom-function boundary", () => {
  test("#VALUE! and #N/A go to Excel with their message; #DIV/0! and #NUM! without, as Excel allows", () => {
    expect(toExcelError({ error: "#VALUE!", message: "m" })).toEqual(new MockCustomFunctionError("#VALUE!", "m"));
    expect(toExcelError({ error: "#N/A", message: "m" })).toEqual(new MockCustomFunctionError("#N/A", "m"));
    expect(toExcelError({ error: "#DIV/0!", message: "m" })).toEqual(new MockCustomFunctionError("#DIV/0!"));
    expect(toExcelError({ error: "#NUM!", message: "m" })).toEqual(new MockCustomFunctionError("#NUM!"));
  });

  test("input errors Excel cannot return (#REF!, #NAME?) come back as #VALUE! naming them", () => {
    const out = toExcelError({ error: "#REF!" });
    expect(out).toEqual(new MockCustomFunctionError("#VALUE!", "#REF!"));
  });

  test("ranges go to the core as Excel hands them, and the core reads Excel's error objects in them as errors", () => {
    const grid = [[1], [new MockCustomFunctionError("#N/A", "no data")], [""]];
    expect(fromExcel(grid)).toBe(grid);
    const [[one], [na], [blank]] = functions.PIECERATE(grid, [[2]]) as unknown[][];
    expect(one).toBe(0.5);
    expect(na).toEqual(new MockCustomFunctionError("#N/A", "no data"));
    expect(blank).toBe(0); // a blank wage beside a filled norm counts as 0
    expect(functions.GRADEVALUE([[new MockCustomFunctionError("#DIV/0!")]], [["A"]], [[1]], [["A", 1]])).toEqual(
      new MockCustomFunctionError("#DIV/0!"),
    );
    expect(fromExcel(new MockCustomFunctionError("#REF!"))).toEqual({ error: "#REF!" });
  });

  test("results without errors pass through without copying 100,000 rows", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [i]);
    expect(toExcelGrid(rows)).toBe(rows);
  });

  test("HT.COSTPRICE as Excel calls it: matrices in, a matrix out, errors as CustomFunctions.Error", () => {
    expect(functions.COSTPRICE([[60]], [[30]], [[10]], [[0.05]], [[0.03]], [[0.1]], undefined)).toEqual([
      [expect.closeTo(111, 9)],
    ]);
    const [[error]] = functions.COSTPRICE([["abc"]], [[30]]);
    expect(error).toBeInstanceOf(MockCustomFunctionError);
    expect((error as MockCustomFunctionError).code).toBe("#VALUE!");
    expect((error as MockCustomFunctionError).message).toContain("material");
  });

  test("HT.GRADEVALUE and HT.PROGRESSIVEAVG return one value, not a matrix", () => {
    expect(
      functions.GRADEVALUE(
        [[100], [50]],
        [["A"], ["B"]],
        [[10]],
        [
          ["A", 1],
          ["B", 0.5],
        ],
      ),
    ).toBe(1250);
    expect(functions.PROGRESSIVEAVG([[10], [12], [8], [9], [11]], undefined, [["advanced"]])).toBe(9);
  });

  test("every function of the catalog has a wrapper of the same name with the same number of parameters", () => {
    for (const entry of CATALOG) {
      const wrapper = (functions as Record<string, unknown>)[entry.id];
      expect(typeof wrapper).toBe("function");
      expect((wrapper as (...a: unknown[]) => unknown).length).toBe(entry.params.length);
    }
  });
});
