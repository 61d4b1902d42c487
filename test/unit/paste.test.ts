import { isManyCells, parseTsv } from "../../src/taskpane/tsv";
import { currentRegion } from "../../src/preview/workbook";
import { excelWorkbook, type ExcelRun } from "../../src/excel/workbook";
import { excelConvention } from "../../src/excel/separators";

describe("text Excel puts on the clipboard", () => {
  test("tabs split cells, CRLF splits rows, and the final line break is not a row", () => {
    expect(parseTsv("Lúa\ttấn\t1.500\r\nNgô\ttấn\t200\r\n")).toEqual([
      ["Lúa", "tấn", "1.500"],
      ["Ngô", "tấn", "200"],
    ]);
    expect(parseTsv("a\tb\nc\td")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  test("empty cells are kept in place, at the start, middle and end of a line", () => {
    expect(parseTsv("\tb\t\r\n\t\t\r\n")).toEqual([
      ["", "b", ""],
      ["", "", ""],
    ]);
  });

  test("a quoted cell may hold tabs, line breaks and doubled quotes, as Excel writes them", () => {
    expect(parseTsv('"Gạo ""tám""\r\nloại 1"\t"a\tb"\t3\r\n')).toEqual([['Gạo "tám"\r\nloại 1', "a\tb", "3"]]);
  });

  test("a quote that is not at a cell's start, or never closes, is an ordinary character", () => {
    expect(parseTsv('5" ống\t2\r\n')).toEqual([['5" ống', "2"]]);
    expect(parseTsv('"mở\t2\r\n')).toEqual([['"mở', "2"]]);
  });

  test("one value pastes as usual; a tab or a second line makes it a paste of cells", () => {
    expect(isManyCells("1.500\r\n")).toBe(false);
    expect(isManyCells("1.500")).toBe(false);
    expect(isManyCells("a\tb")).toBe(true);
    expect(isManyCells("a\r\nb\r\n")).toBe(true);
  });

  test("2,000 lines read into 2,000 rows", () => {
    const text = Array.from({ length: 2000 }, (_, i) => `SP ${i}\tcái\t${i}.000\t1,5`).join("\r\n") + "\r\n";
    const rows = parseTsv(text);
    expect(rows).toHaveLength(2000);
    expect(rows[1999]).toEqual(["SP 1999", "cái", "1999.000", "1,5"]);
  });
});

describe("the preview's selection: the current region around the selected cell", () => {
  const sheet = (lines: string[]) => (r: number, c: number) => (lines[r]?.[c] ?? ".") !== ".";

  test("the block of filled cells around the cell, bounded by empty rows and columns", () => {
    const filled = sheet(["......", ".xxx..", ".x.x..", ".xxx..", "......", "....x."]);
    expect(currentRegion(filled, 2, 2)).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  test("a diagonal neighbour joins the region, as in Excel", () => {
    const filled = sheet(["x...", ".x..", "..x."]);
    expect(currentRegion(filled, 0, 0)).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });

  test("an empty cell alone is a region of one cell", () => {
    expect(currentRegion(sheet(["...", "...", "..."]), 1, 1)).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  });
});

/** A request context with what these reads use, behaving as documented: properties after sync only. */
function fakeContext(setup: { used?: unknown[][]; application?: Record<string, unknown> }) {
  let synced = false;
  const syncs: number[] = [];
  const loaded = <T extends object>(object: T): T =>
    new Proxy(object, {
      get(target, key, receiver) {
        if (key === "load" || key === "isNullObject" || key === "getUsedRangeOrNullObject" || key === "cultureInfo") {
          return Reflect.get(target, key, receiver);
        }
        if (!synced) throw new Error(`PropertyNotLoaded: ${String(key)}`);
        return Reflect.get(target, key, receiver);
      },
    });
  const usedRange = loaded({ load: () => undefined, isNullObject: setup.used === undefined, values: setup.used ?? [] });
  const context = {
    workbook: {
      getSelectedRange: () => ({ getUsedRangeOrNullObject: (valuesOnly: boolean) => (valuesOnly ? usedRange : null) }),
      application: loaded({
        load: () => undefined,
        cultureInfo: { numberFormat: loaded({ load: () => undefined, ...(setup.application?.culture as object) }) },
        ...setup.application,
      }),
    },
    sync: async () => {
      synced = true;
      syncs.push(1);
    },
  };
  const run = (async (batch: (c: never) => Promise<unknown>) => batch(context as never)) as ExcelRun;
  return { run, syncs };
}

describe("the Excel adapter's reads for the pane", () => {
  test("the selection's used values in one sync; an empty selection gives no rows", async () => {
    const full = fakeContext({
      used: [
        ["Lúa", 1500],
        ["Ngô", 200],
      ],
    });
    await expect(excelWorkbook(full.run).readSelection()).resolves.toEqual([
      ["Lúa", 1500],
      ["Ngô", 200],
    ]);
    expect(full.syncs).toHaveLength(1);
    const empty = fakeContext({});
    await expect(excelWorkbook(empty.run).readSelection()).resolves.toEqual([]);
  });

  test("Excel's separators in one sync, its own options first; nothing asked without ExcelApi 1.11", async () => {
    const application = {
      useSystemSeparators: false,
      decimalSeparator: ",",
      thousandsSeparator: ".",
      culture: { numberDecimalSeparator: ".", numberGroupSeparator: "," },
    };
    const host = fakeContext({ application });
    await expect(excelConvention(host.run, () => true)).resolves.toEqual({ decimal: ",", group: "." });
    expect(host.syncs).toHaveLength(1);
    const system = fakeContext({ application: { ...application, useSystemSeparators: true } });
    await expect(excelConvention(system.run, () => true)).resolves.toEqual({ decimal: ".", group: "," });
    const old = fakeContext({ application });
    await expect(
      excelConvention(old.run, (set, version) => !(set === "ExcelApi" && version === "1.11")),
    ).resolves.toBeUndefined();
    expect(old.syncs).toHaveLength(0);
  });
});
