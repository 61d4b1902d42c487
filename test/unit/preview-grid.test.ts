/** The preview grid's pure parts: geometry, selection and moves, clipboard text, and page breaks. */
import { Axis, heightPixels, widthPixels } from "../../src/preview/grid-geometry";
import { excelPages, fitScale, paper } from "../../src/preview/print-layout";
import { Keep, capacityOf, paginate, wrappedLines } from "../../src/sheet/page-setup";
import { jump, lastUsed, mergeAt, parseAddress, rangeOf, step, toTsv } from "../../src/preview/selection";
import { PreviewBook } from "../../src/preview/book";

describe("grid geometry", () => {
  test("Excel's column widths and row heights in pixels: 8.43 characters is 64 px, 15 points is 20 px", () => {
    expect(widthPixels(8.43)).toBe(64);
    expect(heightPixels(15)).toBe(20);
  });

  test("an axis finds the band under any offset, at the edges and past the end", () => {
    const sizes = [20, 40, 20, 60];
    const axis = new Axis(4, (i) => sizes[i]);
    expect(axis.total).toBe(140);
    expect([0, 19, 20, 59, 60, 79, 80, 139, 500].map((px) => axis.indexAt(px))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3]);
    expect(axis.start(2)).toBe(60);
    expect(axis.size(1, 2)).toBe(60);
  });

  test("5,000 rows: the row under an offset is found by search, equal to a linear count", () => {
    const axis = new Axis(5000, (i) => (i % 7 === 0 ? 40 : 20));
    for (const px of [0, 1234, 55555, axis.total - 1]) {
      let row = 0;
      while (axis.start(row + 1) <= px) row++;
      expect(axis.indexAt(px)).toBe(row);
    }
  });
});

describe("selection", () => {
  const merges = [
    { row: 0, col: 0, rows: 1, cols: 5 },
    { row: 3, col: 1, rows: 2, cols: 2 },
  ];
  const limits = { row: 100, col: 26 };

  test("a range grows to take in every merged area it touches", () => {
    expect(rangeOf({ row: 2, col: 0 }, { row: 3, col: 1 }, merges)).toEqual({ row: 2, col: 0, rows: 3, cols: 3 });
    expect(rangeOf({ row: 1, col: 3 }, { row: 0, col: 3 }, merges)).toEqual({ row: 0, col: 0, rows: 2, cols: 5 });
    expect(rangeOf({ row: 7, col: 7 }, { row: 7, col: 7 }, merges)).toEqual({ row: 7, col: 7, rows: 1, cols: 1 });
  });

  test("arrows step out of a merged area past its far edge, onto a merge's top-left cell, never off the sheet", () => {
    expect(step({ row: 0, col: 0 }, 0, 1, limits, merges)).toEqual({ row: 0, col: 5 });
    expect(step({ row: 2, col: 2 }, 1, 0, limits, merges)).toEqual({ row: 3, col: 1 });
    expect(step({ row: 3, col: 1 }, 1, 0, limits, merges)).toEqual({ row: 5, col: 1 });
    expect(step({ row: 0, col: 7 }, -1, 0, limits, merges)).toEqual({ row: 0, col: 7 });
    expect(step({ row: 99, col: 25 }, 1, 1, limits, merges)).toEqual({ row: 99, col: 25 });
    expect(mergeAt({ row: 4, col: 2 }, merges)).toEqual(merges[1]);
  });

  test("Ctrl+arrows jump to the end of a run of filled cells, or to the next filled one, or to the edge", () => {
    const filled = new Set(["0,0", "1,0", "2,0", "6,0"]);
    const isFilled = (c: { row: number; col: number }) => filled.has(`${c.row},${c.col}`);
    expect(jump({ row: 0, col: 0 }, 1, 0, limits, isFilled)).toEqual({ row: 2, col: 0 });
    expect(jump({ row: 2, col: 0 }, 1, 0, limits, isFilled)).toEqual({ row: 6, col: 0 });
    expect(jump({ row: 6, col: 0 }, 1, 0, limits, isFilled)).toEqual({ row: 99, col: 0 });
    expect(jump({ row: 0, col: 0 }, -1, 0, limits, isFilled)).toEqual({ row: 0, col: 0 });
  });

  test("Ctrl+End goes to the last row and column holding something, not to the end of a template's defined name over empty rows", () => {
    const book = new PreviewBook("Sheet1");
    const hf = book.hf;
    // A template of 4 × 3 whose last row is blank (a signature block ends with one), named as Update names it.
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [
      ["Hợp đồng", null, null],
      [null, null, "=1+1"],
      ["Bên A", null, null],
      [null, null, null],
    ]);
    hf.addNamedExpression("HT_Tabc", "=Sheet1!$A$1:$E$4");
    const size = hf.getSheetDimensions(0);
    expect(size).toEqual({ width: 5, height: 4 });
    const used = (c: { row: number; col: number }) => {
      const content = hf.getCellSerialized({ sheet: 0, row: c.row, col: c.col });
      return content !== null && content !== undefined && content !== "";
    };
    // Row 3 holds "Bên A", column C the formula: their crossing, empty, as Excel's Ctrl+End.
    expect(lastUsed(size, used)).toEqual({ row: 2, col: 2 });
    expect(lastUsed({ width: 0, height: 0 }, used)).toEqual({ row: 0, col: 0 });
  });

  test("copied text is tab-separated lines ending in CRLF, with tabs, line breaks and quotes quoted as Excel does", () => {
    expect(
      toTsv([
        ["1.458,00", "89%"],
        ["", "x"],
      ]),
    ).toBe("1.458,00\t89%\r\n\tx\r\n");
    expect(toTsv([['say "hi"', "a\tb", "two\nlines"]])).toBe('"say ""hi"""\t"a\tb"\t"two\nlines"\r\n');
  });

  test("the name box reads A1 addresses, with or without $, in any case, and nothing else", () => {
    expect(parseAddress("C5000")).toEqual({ row: 4999, col: 2 });
    expect(parseAddress(" $aa$10 ")).toEqual({ row: 9, col: 26 });
    expect(parseAddress("A0")).toBeUndefined();
    expect(parseAddress("Sheet1!A1")).toBeUndefined();
    expect(parseAddress("=A1")).toBeUndefined();
  });
});

describe("print layout", () => {
  test("A4 at 96 dpi with Excel's normal margins; landscape swaps the sides", () => {
    const portrait = paper("portrait");
    expect(portrait.width).toBeCloseTo(793.7, 1);
    expect(portrait.innerWidth).toBeCloseTo(793.7 - 134.4, 1);
    expect(paper("landscape").width).toBeCloseTo(portrait.height, 6);
  });

  test("fitted to one page wide: a wide sheet shrinks, a narrow one is never enlarged", () => {
    const box = paper("portrait");
    expect(fitScale(box.innerWidth * 2, box)).toBeCloseTo(0.5, 9);
    expect(fitScale(100, box)).toBe(1);
  });

  test("as Excel prints: rows fill each page, a manual break starts a page, every row once and in order", () => {
    const fixed = capacityOf(65);
    expect(excelPages([30, 30, 30, 30, 30], fixed, [])).toEqual([
      [0, 1],
      [2, 3],
      [4, 4],
    ]);
    expect(excelPages([100, 10], capacityOf(50), [])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(excelPages([30, 30, 30, 30, 30], fixed, [1])).toEqual([
      [0, 0],
      [1, 2],
      [3, 4],
    ]);
  });

  test("print titles take their height from the pages after the one they first appear on, not before", () => {
    // Title row 3 (20 px): pages that start at row 4 or later have 20 px less.
    const room = capacityOf(60, { row: 3, rows: 1, height: 20 });
    expect(room(0)).toBe(60);
    expect(room(3)).toBe(60);
    expect(room(4)).toBe(40);
    expect(excelPages([20, 20, 20, 20, 20, 20, 20], room, [])).toEqual([
      [0, 2],
      [3, 5],
      [6, 6],
    ]);
  });

  test("the page rule: a break never falls inside kept rows; strong keeps win over weak ones; forced breaks hold", () => {
    const rows = [20, 20, 20, 20, 20, 20];
    // Rows 2-4 kept together: the page that would end after row 3 ends after row 1.
    const keep = [Keep.Free, Keep.Free, Keep.Strong, Keep.Strong, Keep.Free, Keep.Free];
    expect(paginate(rows, capacityOf(80), keep)).toEqual([0, 2]);
    // Kept rows longer than a page break where they must (at the row that does not fit).
    expect(paginate(rows, capacityOf(40), new Array(6).fill(Keep.Strong))).toEqual([0, 2, 4]);
    // A weak keep gives way when honouring it leaves no break; the strong keep (rows 2-3) holds.
    const mixed = [Keep.Weak, Keep.Weak, Keep.Strong, Keep.Weak, Keep.Weak, Keep.Free];
    expect(paginate(rows, capacityOf(80), mixed)).toEqual([0, 4]);
    expect(paginate(rows, capacityOf(70), mixed)).toEqual([0, 2, 5]);
    expect(paginate(rows, capacityOf(200), new Array(6).fill(Keep.Free), new Set([3]))).toEqual([0, 3]);
  });

  test("wrapped lines: words kept whole, a word longer than the cell broken, one line when it fits", () => {
    expect(wrappedLines("STT", 100, true)).toBe(1);
    expect(wrappedLines("Đơn giá theo phẩm cấp", 60, true)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines("x".repeat(40), 60)).toBeGreaterThanOrEqual(5);
  });
});
