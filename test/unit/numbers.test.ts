import fc from "fast-check";
import { conventionOf, formatNumber, languageConvention, notANumber, parseNumber } from "../../src/i18n/numbers";
import { conventionFromSettings } from "../../src/excel/separators";
import { inputText, parseInput } from "../../src/templates/values";
import type { NumberField } from "../../src/templates/model";

const vi = languageConvention("vi");
const en = languageConvention("en");
const value = (text: string, convention = vi, percent = false) => {
  const parsed = parseNumber(text, convention, { percent });
  return parsed.ok ? parsed.value : "refused";
};

describe("reading numbers the Vietnamese way (1.500.000,5)", () => {
  test("dots group thousands and a comma starts the decimals: the cases that type=number corrupted", () => {
    expect(value("1.500.000")).toBe(1_500_000);
    expect(value("1,5")).toBe(1.5);
    expect(value("1.500.000,5")).toBe(1_500_000.5);
    expect(value("5,5", vi, true)).toBe(0.055);
    expect(value("5,5 %", vi, true)).toBe(0.055);
  });

  test("grouping is optional, spaces (also no-break and narrow no-break) may group, a sign may lead", () => {
    expect(value("1500000,5")).toBe(1_500_000.5);
    expect(value("1 500 000")).toBe(1_500_000);
    expect(value("1\u00a0500\u00a0000,25")).toBe(1_500_000.25);
    expect(value("1\u202f500")).toBe(1500);
    expect(value("  42  ")).toBe(42);
    expect(value("-1.250,5")).toBe(-1250.5);
    expect(value("\u22123")).toBe(-3);
    expect(value(",5")).toBe(0.5);
  });

  test("money may end with đ, ₫, VND or đồng", () => {
    expect(value("1.500.000 đ")).toBe(1_500_000);
    expect(value("1.500.000đ")).toBe(1_500_000);
    expect(value("250.000 ₫")).toBe(250_000);
    expect(value("2.000 VND")).toBe(2000);
    expect(value("3.000 đồng")).toBe(3000);
  });

  test("ambiguous or malformed text is refused, never guessed", () => {
    for (const text of [
      "1.5.0",
      "1,50,0",
      "1.5",
      "1.50",
      "12.34.567",
      "1,5,",
      "5,",
      "abc",
      "12a",
      "1e5",
      "0x10",
      "1.500 000",
      "--1",
      "",
      "%",
      "5 % %",
      "1.500,5.0",
    ]) {
      expect([text, value(text)]).toEqual([text, "refused"]);
    }
  });

  test("a percent sign is taken only in a percent field, and a currency only outside one", () => {
    expect(value("5%", vi, true)).toBe(0.05);
    expect(value("5", vi, true)).toBe(0.05);
    expect(value("5%")).toBe("refused");
    expect(value("5 đ", vi, true)).toBe("refused");
  });
});

describe("reading numbers the English way (1,500,000.5)", () => {
  test("commas group thousands and a dot starts the decimals", () => {
    expect(value("1,500,000", en)).toBe(1_500_000);
    expect(value("1.5", en)).toBe(1.5);
    expect(value("1,500,000.5", en)).toBe(1_500_000.5);
    expect(value("5.5 %", en, true)).toBe(0.055);
    expect(value("5.5%", en, true)).toBe(0.055);
  });

  test("the Vietnamese forms are refused in English rather than misread", () => {
    expect(value("1,5", en)).toBe("refused");
    expect(value("1.500.000", en)).toBe("refused");
    expect(value("1,50,0", en)).toBe("refused");
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
