/**
 * The preview engine's fixes (src/preview/index-plugin.ts, src/preview/engine-fixes.ts): the
 * same results as HyperFormula's own code, at a cost that no longer grows with the range read.
 * The costs are counted (cell reads, graph edges), never timed.
 */
import { DetailedCellError, type RawCellContent } from "hyperformula";
import { PreviewBook } from "../../src/preview/book";

interface Internals {
  dependencyGraph: {
    getCellValue(address: unknown): unknown;
    graph: { addEdge(from: unknown, to: unknown): void; fixEdgesArrayForNode(id: number): unknown };
  };
}

function bookWith(rows: RawCellContent[][]) {
  const book = new PreviewBook("Sheet1");
  book.hf.setCellContents({ sheet: 0, row: 0, col: 0 }, rows);
  const value = (row: number, col: number) => book.hf.getCellValue({ sheet: 0, row, col });
  return { book, hf: book.hf, value, internals: book.hf as unknown as Internals };
}

/** Counts the calls of `obj[key]` while `work` runs, the method still doing what it did. */
function counting<T extends object>(obj: T, key: keyof T & string, work: () => void): number {
  const own = (obj as Record<string, unknown>)[key] as (...args: unknown[]) => unknown;
  let calls = 0;
  (obj as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    return own.apply(this, args);
  };
  try {
    work();
  } finally {
    (obj as Record<string, unknown>)[key] = own;
  }
  return calls;
}

const column = (n: number, f: (i: number) => RawCellContent) => Array.from({ length: n }, (_, i) => [f(i)]);

describe("INDEX in the preview", () => {
  test("gives the cell at a row and column of its range, and a one-column range's cell by its row alone", () => {
    const { value } = bookWith([
      [1, "a", "=INDEX(A1:B3,2,2)", "=INDEX(A1:A3,3)", "=INDEX(A1:B3,3,1)"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(value(0, 2)).toBe("b");
    expect(value(0, 3)).toBe(3);
    expect(value(0, 4)).toBe(3);
  });

  test('an empty cell reads as empty, as in Excel (0 in arithmetic, "" compared with text)', () => {
    const { value } = bookWith([[1, '=INDEX(A1:A3,2)=""', "=INDEX(A1:A3,2)+5"], [null], [3]]);
    expect(value(0, 1)).toBe(true);
    expect(value(0, 2)).toBe(5);
  });

  test("an index below 1 is #VALUE!, one beyond the range #NUM!, as HyperFormula's own INDEX says", () => {
    const { value } = bookWith([[1, "=INDEX(A1:A3,0)", "=INDEX(A1:A3,4)", "=INDEX(A1:A3,1,2)"], [2], [3]]);
    expect((value(0, 1) as DetailedCellError).type).toBe("VALUE");
    expect((value(0, 2) as DetailedCellError).type).toBe("NUM");
    expect((value(0, 3) as DetailedCellError).type).toBe("NUM");
  });

  test("reads an array constant as well as a range", () => {
    const { value } = bookWith([["=INDEX({1,2;3,4},2,1)", "=INDEX({1,2;3,4},1,2)"]]);
    expect(value(0, 0)).toBe(3);
    expect(value(0, 1)).toBe(2);
  });

  test("follows its range: a changed cell changes the result, an error in the cell read is the result", () => {
    const { hf, value } = bookWith([[1, "=INDEX(A1:A3,MATCH(3,A1:A3,0))"], [2], [3]]);
    expect(value(0, 1)).toBe(3);
    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, [["=1/0"]]);
    expect((value(0, 1) as DetailedCellError).type).toBe("NA");
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [["=INDEX(A1:A3,3)"]]);
    expect((value(0, 1) as DetailedCellError).type).toBe("DIV_BY_ZERO");
  });

  test("reads the one cell it gives, not the whole range: an INDEX over 2,000 rows reads a handful of cells", () => {
    const { hf, internals } = bookWith(column(2000, (i) => i + 1));
    const reads = counting(internals.dependencyGraph, "getCellValue", () =>
      hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [["=INDEX($A$1:$A$2000,1500)"]]),
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(1500);
    // HyperFormula's own INDEX reads all 2,000 cells of the range first.
    expect(reads).toBeLessThan(20);
  });
});

describe("formulas reading a range others read already", () => {
  test("add one edge each, not one per cell of the range: 200 formulas over a 2,000-row range", () => {
    const { hf, internals } = bookWith(column(2000, (i) => i + 1));
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [["=SUM($A$1:$A$2000)"]]);
    const edges = counting(internals.dependencyGraph.graph, "addEdge", () =>
      hf.setCellContents(
        { sheet: 0, row: 1, col: 1 },
        column(200, (i) => `=SUM($A$1:$A$2000)+${i}`),
      ),
    );
    // The engine's own code adds the range's 2,000 cell edges again for each formula (400,000).
    expect(edges).toBeLessThan(200 * 5);
    expect(hf.getCellValue({ sheet: 0, row: 200, col: 1 })).toBe(2001000 + 199);
  });

  test("still follow the range's cells: one changed cell changes all 200, a row inserted inside it too", () => {
    const { hf, value } = bookWith(column(2000, (i) => i + 1));
    hf.setCellContents(
      { sheet: 0, row: 0, col: 1 },
      column(200, (i) => `=SUM($A$1:$A$2000)+${i}`),
    );
    hf.setCellContents({ sheet: 0, row: 999, col: 0 }, [[0]]);
    expect(value(0, 1)).toBe(2001000 - 1000);
    expect(value(199, 1)).toBe(2001000 - 1000 + 199);
    // A row inserted inside the range widens it; a value typed there counts in every sum.
    hf.addRows(0, [500, 1]);
    hf.setCellContents({ sheet: 0, row: 500, col: 0 }, [[7]]);
    expect(value(0, 1)).toBe(2001000 - 1000 + 7);
    expect(value(150, 1)).toBe(2001000 - 1000 + 7 + 150);
  });

  test("lookups over the products from every material row find the right product after a product changes", () => {
    const products = column(1000, (i) => `P${i}`).map(([name], i) => [name, i * 10]);
    const { hf, value } = bookWith(products);
    hf.setCellContents(
      { sheet: 0, row: 0, col: 3 },
      Array.from({ length: 1000 }, (_, i) => [`P${999 - i}`, `=INDEX($B$1:$B$1000,MATCH(D${i + 1},$A$1:$A$1000,0))`]),
    );
    expect(value(0, 4)).toBe(9990);
    expect(value(999, 4)).toBe(0);
    hf.setCellContents({ sheet: 0, row: 999, col: 1 }, [[-1]]);
    expect(value(0, 4)).toBe(-1);
  });
});

describe("formulas that read one range, replaced or removed", () => {
  const readers = (n: number) => column(n, (i) => `=SUM($A$1:$A$100)+${i}`);

  test("ask whether the range is still read without going through its list of readers each time: 2,000 readers removed", () => {
    const { hf, internals } = bookWith(column(100, (i) => i + 1));
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, readers(2000));
    const passes = counting(internals.dependencyGraph.graph, "fixEdgesArrayForNode", () =>
      hf.setCellContents(
        { sheet: 0, row: 0, col: 1 },
        column(2000, () => null),
      ),
    );
    // The engine's own check filters the range's whole list once per removed reader (2,000 times).
    expect(passes).toBeLessThan(20);
  });

  test("the range keeps serving its readers left, and one read again after all were removed", () => {
    const { hf, value } = bookWith(column(100, (i) => i + 1));
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, readers(300));
    // The first 200 go (as rows of a plan do, in order), the last 100 stay.
    hf.setCellContents(
      { sheet: 0, row: 0, col: 1 },
      column(200, () => null),
    );
    hf.setCellContents({ sheet: 0, row: 49, col: 0 }, [[0]]);
    expect(value(299, 1)).toBe(5050 - 50 + 299);
    // The rest go too, in the other order; the range is dropped and a new reader makes it again.
    for (let r = 299; r >= 200; r--) hf.setCellContents({ sheet: 0, row: r, col: 1 }, [[null]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [["=SUM($A$1:$A$100)"]]);
    expect(value(0, 2)).toBe(5050 - 50);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[0]]);
    expect(value(0, 2)).toBe(5050 - 50 - 1);
  });

  test("deleting the sheet of a formula that reads another sheet's range leaves that range's other readers right", () => {
    const { book, hf, value } = bookWith(column(100, (i) => i + 1));
    const other = book.addSheet("Khác");
    hf.setCellContents(
      { sheet: other, row: 0, col: 0 },
      column(50, () => "=SUM(Sheet1!$A$1:$A$100)"),
    );
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [["=SUM($A$1:$A$100)"]]);
    book.removeSheet(other);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[0]]);
    expect(value(0, 1)).toBe(5050 - 1);
  });
});
