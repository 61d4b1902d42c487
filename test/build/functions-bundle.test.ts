import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { CATALOG } from "../../src/core/catalog";
import { expectGolden } from "../support/golden";
import { MockCustomFunctionError } from "../support/custom-functions-mock";

const DIST = join(__dirname, "..", "..", "dist");
const read = (name: string) => readFileSync(join(DIST, name), "utf8");

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[];
}

describe("dist/functions.json, generated from the JSDoc", () => {
  const metadata: Metadata = JSON.parse(read("functions.json"));

  test("matches the golden file (UPDATE_GOLDEN=1 npm test to accept a deliberate change)", () => {
    expectGolden("functions.json", read("functions.json"));
  });

  test("declares every function of the catalog with its parameters in contract order", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(CATALOG.map((e) => e.id));
    for (const entry of CATALOG) {
      const fn = metadata.functions.find((f) => f.id === entry.id)!;
      expect(fn.parameters.map((p) => p.name)).toEqual(entry.params.map((p) => p.name));
      expect(fn.parameters.map((p) => p.optional === true)).toEqual(entry.params.map((p) => p.optional === true));
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

  test("keeps every id and parameter, with its own names and descriptions", () => {
    expect(vi.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    vi.functions.forEach((fn, k) => {
      expect(fn.name).not.toBe(en.functions[k].name);
      expect(fn.description).not.toBe(en.functions[k].description);
      expect(fn.parameters).toHaveLength(en.functions[k].parameters.length);
      fn.parameters.forEach((p, j) => expect(p.description).not.toBe(en.functions[k].parameters[j].description));
    });
    expect(new Set(vi.functions.map((f) => f.name)).size).toBe(vi.functions.length);
  });
});

describe("dist/functions.js", () => {
  function load(): Map<string, (...args: unknown[]) => unknown> {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    // Only what Excel's custom-functions runtime provides: no window, document, Office or Excel.
    const sandbox = {
      CustomFunctions: {
        Error: MockCustomFunctionError,
        associate: (id: string, fn: (...args: unknown[]) => unknown) => {
          if (associated.has(id)) throw new Error(`${id} twice`);
          associated.set(id, fn);
        },
      },
    };
    vm.runInNewContext(read("functions.js"), sandbox, { filename: "functions.js" });
    return associated;
  }

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
    expect(inWords([[128_760]], [[""]], [["en"]], null)).toEqual([["One hundred twenty-eight thousand seven hundred sixty dong"]]);
    const [[tooLarge]] = inWords([[1e15]], null, null, null) as { code: string }[][];
    expect(tooLarge.code).toBe("#NUM!");
  });
});
