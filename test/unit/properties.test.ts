import fc from "fast-check";
import { CATALOG, CATALOG_BY_ID } from "../../src/core/catalog";
import { isCellError, type Arg, type Grid, type Result, type Scalar } from "../../src/core/cell";
import { costPrice, priceBuildUp } from "../../src/core/pricing";
import { gradeCoef } from "../../src/core/grades";
import { progressiveAvg } from "../../src/core/norms";
import { TOLERANCE } from "../support/close";
import { GRADE_TABLE, settingFor, validArgsWith } from "../support/valid-args";

const RUNS = { numRuns: 300 };

/** Anything a cell may hold, and things only a careless caller would pass. */
const anyCell: fc.Arbitrary<Scalar> = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("12.5", " 3 ", "1e3", "Chính phẩm", "lower", "higher", "half", "advanced", "vi", "en", "=1+1"),
  fc.boolean(),
  fc.constantFrom("", null, undefined),
  fc.constantFrom({ error: "#N/A" as const }, { error: "#REF!" as const, message: "x" }, { error: "#DIV/0!" as const }),
);

const anyGrid = (cell: fc.Arbitrary<Scalar>): fc.Arbitrary<Scalar[][]> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );

const anyArg: fc.Arbitrary<Arg> = fc.oneof(anyCell, anyGrid(anyCell));

function cells(result: Grid<Result> | Result): Result[] {
  return Array.isArray(result) ? (result as Grid<Result>).flat() : [result as Result];
}

function acceptable(value: Result): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string" || typeof value === "boolean") return true;
  return isCellError(value);
}

describe.each(CATALOG.map((entry) => [entry.id, entry] as const))("HT.%s never fails", (_id, entry) => {
  test("on any arguments at all it returns finite numbers, text, booleans or error values, and never throws", () => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: 0, maxLength: entry.params.length }), (args) => {
        const result = entry.impl(...args);
        expect(cells(result).every(acceptable)).toBe(true);
      }),
      RUNS,
    );
  });

  test("it does not mutate its arguments", () => {
    fc.assert(
      fc.property(
        fc.array(anyGrid(anyCell), { minLength: entry.params.length, maxLength: entry.params.length }),
        (args) => {
          const before = JSON.stringify(args);
          entry.impl(...args);
          expect(JSON.stringify(args)).toBe(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});

const BAD_VALUES: readonly Arg[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  5,
  -5,
  1.5,
  -1.0000001,
  1e300,
  -1e300,
  1e15,
  -1e15,
  999_999_999_999_999.5,
  2.5,
  "abc",
  "",
  " ",
  "5%",
  "1,5",
  "Thứ\u00a0phẩm",
  "=1+1",
  true,
  false,
  null,
  undefined,
  { error: "#REF!" },
  { error: "#N/A", message: "x" },
  [[1], [2]],
  [[1, 2]],
  [
    [1, "x"],
    [true, null],
  ],
  [],
  [[]],
  [[1], [1, 2]],
  [[Number.NaN]],
  [["A"], ["B"], ["Z"]],
];

describe.each(CATALOG.map((entry) => [entry.id, entry] as const))("HT.%s, the bad-input sweep", (_id, entry) => {
  test("every argument × every bad value: no throw, only finite numbers, text, booleans or error values", () => {
    entry.params.forEach((_param, k) => {
      for (const bad of BAD_VALUES) {
        let result: Grid<Result> | Result | undefined;
        expect(() => (result = entry.impl(...validArgsWith(entry, k, bad, GRADE_TABLE, "A")))).not.toThrow();
        const out = cells(result!);
        expect(out.length).toBeGreaterThan(0);
        for (const value of out)
          if (!acceptable(value)) throw new Error(`${entry.id} arg ${k} = ${String(bad)}: ${String(value)}`);
      }
    });
  });
});

// Element-wise functions: the broadcast call equals the call on each element's own values.
const ELEMENTWISE = CATALOG.filter((e) => e.result === "broadcast");
const dataCell: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "x", true, -1, { error: "#N/A" as const }) },
  { weight: 2, arbitrary: fc.constantFrom("A", "b", "C", "D") },
);

describe.each(ELEMENTWISE.map((entry) => [entry.id, entry] as const))(
  "HT.%s broadcasts like Excel arithmetic",
  (_id, entry) => {
    test("a call on ranges equals, cell by cell, the call on single values", () => {
      const arb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 })).chain(([rows, cols]) =>
        fc.tuple(
          fc.constant([rows, cols] as const),
          fc.tuple(
            ...entry.params.map(() =>
              fc.constantFrom("full", "column", "row", "single").chain((form) => {
                const r = form === "full" || form === "column" ? rows : 1;
                const c = form === "full" || form === "row" ? cols : 1;
                return fc.array(fc.array(dataCell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
              }),
            ),
          ),
        ),
      );
      fc.assert(
        fc.property(arb, ([[rows, cols], grids]) => {
          const args: Arg[] = grids.map((g, k) => settingFor(entry, k) ?? g);
          const whole = entry.impl(...args) as Grid<Result>;
          const broadcastRows = Math.max(...args.map((a, k) => (settingFor(entry, k) ? 1 : (a as Scalar[][]).length)));
          const broadcastCols = Math.max(
            ...args.map((a, k) => (settingFor(entry, k) ? 1 : (a as Scalar[][])[0].length)),
          );
          expect(whole).toHaveLength(broadcastRows);
          expect(broadcastRows).toBeLessThanOrEqual(rows);
          expect(broadcastCols).toBeLessThanOrEqual(cols);
          for (let i = 0; i < broadcastRows; i++) {
            for (let j = 0; j < broadcastCols; j++) {
              const single = args.map((a, k) => {
                if (settingFor(entry, k)) return a;
                const g = a as Scalar[][];
                return g[g.length === 1 ? 0 : i][g[0].length === 1 ? 0 : j];
              });
              expect(whole[i][j]).toEqual((entry.impl(...single) as Grid<Result>)[0][0]);
            }
          }
        }),
        RUNS,
      );
    });
  },
);

describe("inputs that are not finite numbers", () => {
  test.each(ELEMENTWISE.map((e) => [e.id, e] as const))(
    "HT.%s gives #NUM! for NaN and ±Infinity in any numeric argument",
    (_id, entry) => {
      entry.params.forEach((param, k) => {
        if (param.kind !== "number") return;
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
          const args: Arg[] = entry.params.map((p, j) =>
            j === k ? [[bad], [bad]] : p.kind === "label" ? "A" : (settingFor(entry, j) ?? 1),
          );
          const result = entry.impl(...args) as Grid<Result>;
          expect(result.flat()).toEqual([
            expect.objectContaining({ error: "#NUM!" }),
            expect.objectContaining({ error: "#NUM!" }),
          ]);
        }
      });
    },
  );
});

describe("domain properties", () => {
  const money = fc.double({ min: 0, max: 1e7, noNaN: true });
  const rate = fc.double({ min: 0, max: 1, noNaN: true });

  test("COSTPRICE equals the last amount of PRICEBUILDUP for any valid inputs", () => {
    fc.assert(
      fc.property(
        money,
        money,
        money,
        rate,
        rate,
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, l, o, p, a, w, share) => {
          const supplied = m * share;
          const price = costPrice(m, l, o, p, a, w, supplied)[0][0];
          expect(priceBuildUp(m, l, o, p, a, w, supplied)[7][1]).toBe(price);
        },
      ),
      RUNS,
    );
  });

  test("supplying more of the material never raises the price (processing ≤ two-way ≤ purchase)", () => {
    fc.assert(
      fc.property(money, money, rate, rate, rate, rate, rate, (m, l, p, a, w, s1, s2) => {
        const [low, high] = [Math.min(s1, s2) * m, Math.max(s1, s2) * m];
        const more = costPrice(m, l, 0, p, a, w, high)[0][0] as number;
        const less = costPrice(m, l, 0, p, a, w, low)[0][0] as number;
        expect(more).toBeLessThanOrEqual(less + TOLERANCE * Math.max(1, less));
      }),
      RUNS,
    );
  });

  test("the average grade coefficient lies between the smallest and largest coefficient used", () => {
    const line = fc.tuple(fc.double({ min: 0.001, max: 1e4, noNaN: true }), fc.constantFrom("A", "B", "C"));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const coef = gradeCoef(
          lines.map(([q]) => [q]),
          lines.map(([, g]) => [g]),
          GRADE_TABLE,
        ) as number;
        const used = lines.map(([, g]) => ({ A: 1, B: 0.8, C: 0.3 })[g]);
        expect(coef).toBeGreaterThanOrEqual(Math.min(...used) - TOLERANCE);
        expect(coef).toBeLessThanOrEqual(Math.max(...used) + TOLERANCE);
      }),
      RUNS,
    );
  });

  test("a progressive average time norm lies between the advanced mean and the plain mean", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const column = xs.map((x) => [x]);
        const half = progressiveAvg(column) as number;
        const advanced = progressiveAvg(column, "lower", "advanced") as number;
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const slack = 1e-9 * Math.max(1, mean);
        expect(advanced).toBeLessThanOrEqual(half + slack);
        expect(half).toBeLessThanOrEqual(mean + slack);
      }),
      RUNS,
    );
  });

  test("the catalog lists every function of the public contract in order", () => {
    expect([...CATALOG_BY_ID.keys()]).toEqual([
      "COSTPRICE",
      "PRICEBUILDUP",
      "PARITYWAGE",
      "GRADEPRICE",
      "GRADEVALUE",
      "GRADECOEF",
      "NORMFULFIL",
      "MATERIALSAVING",
      "OEE",
      "PROGRESSIVEAVG",
      "NORMCHECK",
      "PIECERATE",
      "REVISEDPIECERATE",
      "PRICEVARIANCE",
      "USAGEVARIANCE",
      "INWORDS",
    ]);
  });
});
