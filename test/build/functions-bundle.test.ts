import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { REGISTRATIONS } from "../../src/core/catalog";
import { expectGolden } from "../support/golden";
import { MockCustomFunctionError } from "../support/custom-functions-mock";

const DIST = join(__dirname, "..", "..", "dist");
const read = (name: string) => readFileSync(join(DIST, name), "utf8");

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; optional?: boolean }[];
  }[];
}

describe("dist/functions.json, generated from the JSDoc", () => {
  const metadata: Metadata = JSON.parse(read("functions.json"));

  test("matches the golden file (UPDATE_GOLDEN=1 npm test to accept a deliberate change)", () => {
    expectGolden("functions.json", read("functions.json"));
  });

  test("declares every function of the catalog with its parameters in contract order, then each Vietnamese name", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(REGISTRATIONS.map((r) => r.id));
    for (const { id, entry } of REGISTRATIONS) {
      const fn = metadata.functions.find((f) => f.id === id)!;
      expect(fn.name).toBe(id);
      expect(fn.parameters.map((p) => p.name)).toEqual(entry.params.map((p) => p.name));
      expect(fn.parameters.map((p) => p.optional === true)).toEqual(entry.params.map((p) => p.optional));
      expect(fn.description.length).toBeGreaterThan(30);
      for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(10);
    }
  });
});

describe("dist/functions.vi.json, the Vietnamese metadata", () => {
  const en: Metadata = JSON.parse(read("functions.json"));
  const vi: Metadata = JSON.parse(read("functions.vi.json"));

  test("matches the golden file", () => {
    expectGolden("functions.vi.json", read("functions.vi.json"));
  });

  test("keeps every id and every name (no localized names: English formulas resolve in a Vietnamese Excel)", () => {
    expect(vi.functions.map((f) => [f.id, f.name])).toEqual(en.functions.map((f) => [f.id, f.name]));
  });

  test("gives every function and parameter its Vietnamese help and parameter name", () => {
    vi.functions.forEach((fn, k) => {
      const { entry } = REGISTRATIONS[k];
      expect(fn.description).not.toBe(en.functions[k].description);
      expect(fn.description).toContain(entry.help.vi);
      expect(fn.parameters.map((p) => p.name)).toEqual(entry.params.map((p) => p.vi));
      fn.parameters.forEach((p, j) => expect(p.description).not.toBe(en.functions[k].parameters[j].description));
    });
  });
});

type Fn = (...args: unknown[]) => unknown;

/** dist/functions.js run with only what Excel's custom-functions runtime provides (no window,
 *  document or Excel), and Office when a display language is given (the shared runtime). */
function load(displayLanguage?: string): Map<string, Fn> {
  const associated = new Map<string, Fn>();
  const sandbox = {
    ...(displayLanguage ? { Office: { context: { displayLanguage } } } : {}),
    CustomFunctions: {
      Error: MockCustomFunctionError,
      associate: (id: string, fn: Fn) => {
        if (associated.has(id)) throw new Error(`${id} twice`);
        associated.set(id, fn);
      },
    },
  };
  vm.runInNewContext(read("functions.js"), sandbox, { filename: "functions.js" });
  return associated;
}

describe("dist/functions.js", () => {
  test("registers exactly the ids of functions.json, without touching the DOM or Excel", () => {
    const metadata: Metadata = JSON.parse(read("functions.json"));
    expect([...load().keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test("the registered functions compute: HT.COSTPRICE of DOMAIN.md's purchase example is 111", () => {
    const costPrice = load().get("COSTPRICE")!;
    const [[price]] = costPrice([[60]], [[30]], [[10]], [[0.05]], [[0.03]], [[0.1]], null) as number[][];
    expect(price).toBeCloseTo(111, 9);
  });

  test("the registered HT.INWORDS reads FUNCTIONS.md's examples, as Excel calls it (matrices in, a matrix out)", () => {
    const inWords = load().get("INWORDS")!;
    expect(inWords([[105]], null, null, null)).toEqual([["Một trăm linh năm đồng"]]);
    expect(inWords([[1_000_024], [2_000_500_000]], null, null, null)).toEqual([
      ["Một triệu không trăm hai mươi tư đồng"],
      ["Hai tỷ năm trăm nghìn đồng"],
    ]);
    expect(inWords([[128_760]], [[""]], [["en"]], null)).toEqual([
      ["One hundred twenty-eight thousand seven hundred sixty dong"],
    ]);
    const [[tooLarge]] = inWords([[1e15]], null, null, null) as { code: string }[][];
    expect(tooLarge.code).toBe("#NUM!");
  });

  test("the registered HT.INWORDS and HT.BANGCHU read the minor unit, the fifth argument, as Excel passes it", () => {
    const fns = load();
    for (const id of ["INWORDS", "BANGCHU"]) {
      const inWords = fns.get(id)!;
      expect(inWords([[1250.5]], [["đô la Mỹ"]], [["vi"]], [["north"]], [["cent"]])).toEqual([
        ["Một nghìn hai trăm năm mươi đô la Mỹ và năm mươi cent"],
      ]);
      // Excel hands an omitted argument over as null.
      expect(inWords([[1250.5], [0.05]], [["US dollars"]], [["en"]], null, [["cents"]])).toEqual([
        ["One thousand two hundred fifty US dollars and fifty cents"],
        ["Zero US dollars and five cents"],
      ]);
      expect(inWords([[1250.5]], null, null, null, null)).toEqual([["Một nghìn hai trăm năm mươi mốt đồng"]]);
      const [[tooLarge]] = inWords([[1e13]], null, null, null, [["xu"]]) as { code: string }[][];
      expect(tooLarge.code).toBe("#NUM!");
    }
  });
});

describe("FUNCTIONS.md's conventions through the built bundle, as Excel calls it", () => {
  const fns = load();
  const call = (id: string, ...args: unknown[]) => fns.get(id)!(...args);
  const code = (value: unknown) => (value as MockCustomFunctionError).code;
  const grades = [
    ["Chính phẩm", 1],
    ["Thứ phẩm", 0.8],
  ];

  test("rates are fractions: HT.COSTPRICE(100,20,5,5,2,10) is #NUM!, not 1200", () => {
    const [[price]] = call("COSTPRICE", [[100]], [[20]], [[5]], [[5]], [[2]], [[10]], null) as unknown[][];
    expect(code(price)).toBe("#NUM!");
  });

  test("a range broadcasts and spills; a blank row stays blank; a blank among filled inputs counts as 0", () => {
    const out = call("COSTPRICE", [[60], [""], [50]], [[30], [null], [""]], null, [[0.1]], null, null, null);
    expect(out).toEqual([[99], [""], [55]]);
  });

  test("text is #VALUE! naming the argument; an input error comes back as that error", () => {
    const [[text]] = call("PIECERATE", [["abc"]], [[2]]) as MockCustomFunctionError[][];
    expect([text.code, text.message]).toEqual(["#VALUE!", 'HT.PIECERATE: wage_per_period = "abc" is not a number']);
    const [[na]] = call(
      "PIECERATE",
      [[new MockCustomFunctionError("#N/A", "x")]],
      [[2]],
    ) as MockCustomFunctionError[][];
    expect(code(na)).toBe("#N/A");
    expect(code((call("PIECERATE", [[1]], [[0]]) as unknown[][])[0][0])).toBe("#DIV/0!");
  });

  test("quantities and grades of different shapes are #VALUE! naming both; the same shape gives the value", () => {
    const error = call(
      "GRADEVALUE",
      [[60], [40]],
      [["Chính phẩm", "Thứ phẩm"]],
      [[1500]],
      grades,
    ) as MockCustomFunctionError;
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("quantities (2×1) and grades (1×2)");
    expect(call("GRADEVALUE", [[60], [40]], [["Chính phẩm"], ["Thứ\u00a0PHẨM "]], [[1500]], grades)).toBe(138000);
  });

  test("a whole column against a whole row is #NUM! (result too large), never an exception", () => {
    const column = new Array(1_048_576).fill([1]);
    const out = call("PRICEVARIANCE", column, [new Array(16_384).fill(2)], [[1]]) as unknown[][];
    expect(out).toHaveLength(1);
    expect(code(out[0][0])).toBe("#NUM!");
  });

  test("an unknown grade is #N/A naming the grade; a Vietnamese Excel gets the message in Vietnamese", () => {
    const [[english]] = call("GRADEPRICE", [[100]], [["Loại 9"]], grades) as MockCustomFunctionError[][];
    expect([english.code, english.message]).toEqual([
      "#N/A",
      'HT.GRADEPRICE: grade "Loại 9" is not in the grade table',
    ]);
    const [[vietnamese]] = load("vi-VN").get("GRADEPRICE")!(
      [[100]],
      [["Loại 9"]],
      grades,
    ) as MockCustomFunctionError[][];
    expect(vietnamese.message).toBe('HT.GRADEPRICE: không có phẩm cấp "Loại 9" trong bảng');
  });

  test("each Vietnamese name computes what its English name does", () => {
    expect(call("GIATHEOGIATHANH", [[60]], [[30]], [[10]], [[0.05]], [[0.03]], [[0.1]], null)).toEqual(
      call("COSTPRICE", [[60]], [[30]], [[10]], [[0.05]], [[0.03]], [[0.1]], null),
    );
    expect(call("BANGCHU", [[4065]], null, null, null)).toEqual([["Bốn nghìn không trăm sáu mươi lăm đồng"]]);
  });

  test("optional arguments left empty take their defaults; PRICEBUILDUP spills its 8 × 2 table", () => {
    const table = call("PRICEBUILDUP", [[60]], [[30]], [[10]], [[0.05]], [[0.03]], [[0.1]], null, [
      ["en"],
    ]) as unknown[][];
    expect(table).toHaveLength(8);
    expect(table[7][0]).toBe("Price");
    expect(table[7][1] as number).toBeCloseTo(111, 9);
    expect(call("PARITYWAGE", [[2]], [[2080]], null, null)).toEqual([[20]]);
  });
});
