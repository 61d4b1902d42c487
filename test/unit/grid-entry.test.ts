import fc from "fast-check";
import { languageConvention, parseNumber } from "../../src/i18n/numbers";
import { readEntry, shownContent } from "../../src/preview/grid-entry";
import { NUMBER_CASES } from "../fixtures/number-cases";

const vi = languageConvention("vi");
const en = languageConvention("en");

describe("what is typed into a grid cell is read with the pane's number reader, in the workbook's convention", () => {
  test("every case of the pane's number tests: the same number, or refused / kept as the typed text, never another number", () => {
    for (const c of NUMBER_CASES) {
      const convention = c.lang === "vi" ? vi : en;
      // A cell is no percent field: a trailing % makes the typed text a percentage, as in Excel.
      const pane = parseNumber(c.text, convention, { percent: /%$/.test(c.text.trim()) });
      const entry = readEntry(c.text, convention);
      if (pane.ok)
        expect([c.text, entry]).toEqual([c.text, expect.objectContaining({ ok: true, content: pane.value })]);
      else if (entry.ok) expect([c.text, entry.content]).toEqual([c.text, `'${c.text}`]);
      else expect(entry.message[c.lang]).toMatch(c.lang === "vi" ? /1\.500\.000,5|5,5/ : /1,500,000\.5|5\.5/);
    }
  });

  test("Vietnamese: 1.850 is 1850 and 2100,5 is 2100.5; 1.5 and 1,50,0 are refused with the pane's example", () => {
    expect(readEntry("1.850", vi)).toEqual({ ok: true, content: 1850 });
    expect(readEntry("2100,5", vi)).toEqual({ ok: true, content: 2100.5 });
    expect(readEntry("1.500.000,5", vi)).toEqual({ ok: true, content: 1_500_000.5 });
    for (const text of ["1.5", "1,50,0"]) {
      const entry = readEntry(text, vi);
      expect(entry.ok).toBe(false);
      if (!entry.ok) expect(entry.message.vi).toContain("Viết ví dụ 1.500.000,5");
    }
  });

  test("English the reverse: 1,850 is 1850, 2100.5 is 2100.5, and 2100,5 is refused", () => {
    expect(readEntry("1,850", en)).toEqual({ ok: true, content: 1850 });
    expect(readEntry("2100.5", en)).toEqual({ ok: true, content: 2100.5 });
    expect(readEntry("2100,5", en).ok).toBe(false);
  });

  test("a percentage and a date dd/mm/yyyy get their format; text stays text; TRUE is a boolean", () => {
    expect(readEntry("5,5%", vi)).toEqual({ ok: true, content: 0.055, format: "percent" });
    expect(readEntry("15/12/1966", vi)).toEqual({ ok: true, content: 24456, format: "date" });
    expect(readEntry("1966-12-15", en)).toEqual({ ok: true, content: 24456, format: "date" });
    expect(readEntry("31/02/1966", vi)).toEqual({ ok: true, content: "'31/02/1966" });
    expect(readEntry("Lúa", vi)).toEqual({ ok: true, content: "'Lúa" });
    expect(readEntry("'1.5", vi)).toEqual({ ok: true, content: "'1.5" });
    expect(readEntry("true", vi)).toEqual({ ok: true, content: true });
    expect(readEntry("", vi)).toEqual({ ok: true, content: null });
  });

  test("formulas are read in the convention, with or without ;, and a digit group in one is refused", () => {
    expect(readEntry("=1,5*2", vi)).toEqual({ ok: true, content: "=1.5*2" });
    expect(readEntry("=ROUND(A1*1,5;0)", vi)).toEqual({ ok: true, content: "=ROUND(A1*1.5,0)" });
    const refused = readEntry("=1.500*2", vi);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message.vi).toContain("=ROUND(A1*1,5;0)");
    expect(readEntry("=1.5*2", en)).toEqual({ ok: true, content: "=1.5*2" });
  });
});

describe("what the formula bar shows, in the workbook's convention", () => {
  test("numbers without digit groups, percentages with %, dates dd/mm/yyyy, formulas with ; and decimal commas", () => {
    expect(shownContent(2100.5, undefined, vi)).toBe("2100,5");
    expect(shownContent(1_500_000, "amount", vi)).toBe("1500000");
    expect(shownContent(2100.5, undefined, en)).toBe("2100.5");
    expect(shownContent(0.055, "percent", vi)).toBe("5,5%");
    expect(shownContent(24456, "date", vi)).toBe("15/12/1966");
    expect(shownContent("=ROUND(A1*1.5,0)", undefined, vi)).toBe("=ROUND(A1*1,5;0)");
    expect(shownContent("'Lúa", undefined, vi)).toBe("Lúa");
    expect(shownContent("'=1+1", undefined, vi)).toBe("'=1+1");
    expect(shownContent("'1.5", undefined, vi)).toBe("'1.5");
  });

  test("property: what the formula bar shows, typed back unchanged, is the same content", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.constantFrom(vi, en),
        fc.constantFrom(undefined, "amount", "price", "decimal"),
        (x, convention, format) => {
          const entry = readEntry(shownContent(x, format, convention), convention);
          expect(entry).toMatchObject({ ok: true, content: x === 0 ? 0 : x });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
