/**
 * Element-wise functions take the usual call (columns of plain numbers) in one pass, and hand
 * the elements from the first one that is not plain (blank, text, an error, out of its domain,
 * an error of its own such as a zero divisor) to the general reading. Both must give the same
 * cells, bit for bit (toEqual tells 0 from -0). A row that only the general reading can take,
 * put first, sends the whole column through it; put last, it leaves every other row to the
 * one-pass loop: the rows around it must not change.
 */
import fc from "fast-check";
import { CATALOG, type CatalogEntry } from "../../src/core/catalog";
import type { Arg, Grid, Result, Scalar } from "../../src/core/cell";
import { settingFor } from "../support/valid-args";

const ELEMENTWISE = CATALOG.filter((e) => e.result === "broadcast");

/** Values at the edges of every formula: zeros (divisors), equal values (the greater-than
 *  checks), rates and their bounds, amounts large enough to overflow, and one no cell holds. */
const number: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 0.5, 0.05, -0.05, -1, 1.5, 208, 1e300, 1e-300, Number.POSITIVE_INFINITY),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 5 }),
);
const grade: fc.Arbitrary<Scalar> = fc.constantFrom("A", "b", " C ", "B\u00a0", "Z", 1);

interface Argument {
  readonly arg: Arg;
  /** A column of the call's rows, as opposed to one cell or a setting. */
  readonly column: boolean;
}

/** Arguments of `rows` rows: each data argument a column or one cell, the first a column. */
function callOf(entry: CatalogEntry, rows: number): fc.Arbitrary<Argument[]> {
  return fc.tuple(
    ...entry.params.map((param, k): fc.Arbitrary<Argument> => {
      const setting = settingFor(entry, k);
      if (setting !== undefined || param.kind === "option" || param.kind === "text")
        return fc.constant({ arg: setting, column: false });
      const cell = param.kind === "label" ? grade : number;
      const column = fc
        .array(cell, { minLength: rows, maxLength: rows })
        .map((xs) => ({ arg: xs.map((x) => [x]), column: true }));
      // A single cell may be blank: an omitted optional argument arrives as null.
      const single = fc.oneof(cell, fc.constant(null)).map((x) => ({ arg: [[x]], column: false }));
      return k === 0 ? column : fc.oneof(column, single);
    }),
  );
}

const argsOf = (call: readonly Argument[]): Arg[] => call.map((a) => a.arg);

/** The arguments with one more row in each column: `cell` in the first, 1 (or "A") in the others. */
function withRow(entry: CatalogEntry, call: readonly Argument[], cell: Scalar, at: "first" | "last"): Arg[] {
  return call.map(({ arg, column }, k) => {
    if (!column) return arg;
    const extra = [k === 0 ? cell : entry.params[k].kind === "label" ? "A" : 1];
    const rows = arg as Scalar[][];
    return at === "first" ? [extra, ...rows] : [...rows, extra];
  });
}

describe.each(ELEMENTWISE.map((entry) => [entry.id, entry] as const))(
  "HT.%s: one pass or the general reading, the same cells",
  (_id, entry) => {
    const call = fc.integer({ min: 1, max: 6 }).chain((rows) => callOf(entry, rows));

    test("a first row only the general reading takes leaves the other rows as the one pass gives them", () => {
      fc.assert(
        fc.property(call, (args) => {
          const plain = entry.impl(...argsOf(args)) as Grid<Result>;
          const general = entry.impl(...withRow(entry, args, "x", "first")) as Grid<Result>;
          expect(general[0][0]).toMatchObject({ error: "#VALUE!" });
          expect(general.slice(1)).toEqual(plain);
        }),
        { numRuns: 400 },
      );
    });

    test("a last row only the general reading takes changes no row before it", () => {
      fc.assert(
        fc.property(call, fc.constantFrom<Scalar>("", null, "x", true, { error: "#N/A" }), (args, last) => {
          const plain = entry.impl(...argsOf(args)) as Grid<Result>;
          const mixed = entry.impl(...withRow(entry, args, last, "last")) as Grid<Result>;
          expect(mixed.slice(0, -1)).toEqual(plain);
        }),
        { numRuns: 400 },
      );
    });

    test("a row wider than one cell, anywhere below the first, makes the whole result the ragged-range error", () => {
      const tall = fc.integer({ min: 2, max: 6 }).chain((rows) => callOf(entry, rows));
      fc.assert(
        fc.property(tall, fc.nat(), (args, seed) => {
          const rows = (args[0].arg as Scalar[][]).length;
          // The first row sets the range's width: a wider one there is a range of two columns.
          const at = 1 + (seed % (rows - 1));
          const ragged = args.map(({ arg, column }, k) =>
            k === 0 && column ? (arg as Scalar[][]).map((row, i) => (i === at ? [1, 2] : row)) : arg,
          );
          const result = entry.impl(...ragged) as Grid<Result>;
          expect(result).toEqual([[expect.objectContaining({ error: "#VALUE!" })]]);
        }),
        { numRuns: 200 },
      );
    });
  },
);
