import fc from "fast-check";
import { conventionOf, formatNumber, languageConvention, notANumber, parseNumber } from "../../src/i18n/numbers";
import { conventionFromSettings } from "../../src/excel/separators";
import { inputText, parseInput } from "../../src/templates/values";
import type { NumberField } from "../../src/templates/model";
import { NUMBER_GROUPS } from "../fixtures/number-cases";

const vi = languageConvention("vi");
const en = languageConvention("en");
const value = (text: string, convention = vi, percent = false) => {
  const parsed = parseNumber(text, convention, { percent });
  return parsed.ok ? parsed.value : "refused";
};

describe("reading numbers the way the user writes them (the cases of test/fixtures/number-cases.ts)", () => {
  for (const group of NUMBER_GROUPS) {
    test(group.name, () => {
      for (const c of group.cases) {
        const convention = c.lang === "vi" ? vi : en;
        expect([c.text, c.percent, value(c.text, convention, c.percent)]).toEqual([c.text, c.percent, c.value]);
      }
    });
  }

  test("empty text is no number", () => {
    expect(value("")).toBe("refused");
  });
});

describe("formatting numbers back", () => {
  test("in each convention, with digit groups unless asked not to", () => {
    expect(formatNumber(1_500_000.5, vi)).toBe("1.500.000,5");
    expect(formatNumber(1_500_000.5, en)).toBe("1,500,000.5");
    expect(formatNumber(1965, vi, { grouping: false })).toBe("1965");
    expect(formatNumber(-1234.5, vi)).toBe("-1.234,5");
    expect(formatNumber(1e-7, en)).toBe("0.0000001");
    expect(formatNumber(1e21, en)).toBe("1,000,000,000,000,000,000,000");
  });

  test("a percentage shows the percent, without the float noise of the multiplication", () => {
    expect(formatNumber(0.055, vi, { percent: true })).toBe("5,5");
    expect(formatNumber(0.07, en, { percent: true })).toBe("7");
    expect(formatNumber(0.3, vi, { percent: true })).toBe("30");
  });

  test("property: any finite number formatted in either convention reads back as itself", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(vi, en),
        fc.boolean(),
        (x, convention, grouping) => {
          const parsed = parseNumber(formatNumber(x, convention, { grouping }), convention);
          expect(parsed).toEqual({ ok: true, value: x === 0 ? 0 : x });
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("property: a percentage with up to 6 decimals formatted in either convention reads back as itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(vi, en),
        (k, d, convention) => {
          const fraction = Number(`${k}e-${d + 2}`);
          const parsed = parseNumber(formatNumber(fraction, convention, { percent: true }), convention, {
            percent: true,
          });
          expect(parsed).toEqual({ ok: true, value: fraction });
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("the message for a refused number shows the expected form in the user's convention", () => {
    expect(notANumber(vi).vi).toContain("1.500.000,5");
    expect(notANumber(en).en).toContain("1,500,000.5");
    expect(notANumber(vi, { percent: true }).vi).toContain("5,5");
    expect(notANumber(en, { percent: true }).en).toContain("5.5");
  });
});

describe("the convention Excel gives", () => {
  const settings = {
    cultureDecimal: ",",
    cultureGroup: ".",
    useSystemSeparators: true,
    decimalSeparator: ".",
    thousandsSeparator: ",",
  };

  test("the system's culture, unless Excel's own separators are switched on", () => {
    expect(conventionFromSettings(settings)).toEqual({ decimal: ",", group: "." });
    expect(conventionFromSettings({ ...settings, useSystemSeparators: false })).toEqual({ decimal: ".", group: "," });
  });

  test("a no-break space group (French, Russian cultures) is kept; unusable separators give none", () => {
    expect(conventionFromSettings({ ...settings, cultureDecimal: ",", cultureGroup: "\u00a0" })).toEqual({
      decimal: ",",
      group: "\u00a0",
    });
    expect(value("1 500,5", { decimal: ",", group: "\u00a0" })).toBe(1500.5);
    expect(conventionOf(",", ",")).toBeUndefined();
    expect(conventionOf("", ",")).toBeUndefined();
    expect(conventionOf("1", ",")).toBeUndefined();
    expect(conventionOf(undefined, ",")).toBeUndefined();
  });
});

describe("form values", () => {
  const qty: NumberField = { key: "q", type: "number", label: { vi: "SL", en: "Qty" } };
  const year: NumberField = { ...qty, integer: true };
  const rate: NumberField = { ...qty, percent: true };

  test("the stored value is a plain number: filled in vi, it shows right in en and back", () => {
    const stored = parseInput(qty, "1.500.000,5", vi);
    expect(stored).toBe(1_500_000.5);
    expect(inputText(qty, stored, en)).toBe("1,500,000.5");
    expect(parseInput(qty, inputText(qty, stored, en), en)).toBe(stored);
    expect(inputText(year, 1965, vi)).toBe("1965");
  });

  test("a percent is typed as 5, kept as 0.05 and shown as 5", () => {
    for (const text of ["5", "5 %", "5%"]) expect(parseInput(rate, text, vi)).toBe(0.05);
    expect(inputText(rate, 0.05, vi)).toBe("5");
  });

  test("text that is not a number stays text for the validator to name", () => {
    expect(parseInput(qty, "1.5.0", vi)).toBe("1.5.0");
    expect(parseInput(qty, "   ", vi)).toBeNull();
  });
});
