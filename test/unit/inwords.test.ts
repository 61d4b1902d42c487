import fc from "fast-check";
import { inWords, wholeHundredths, wholeUnits } from "../../src/core/inwords";
import type { Result } from "../../src/core/cell";
import { only } from "../support/close";

const words = (...args: Parameters<typeof inWords>): Result => only(inWords(...args));

// ---- A small, strict reader of the words back into numbers: it refuses any word out of place, so
// a wrong "năm" for "lăm", a missing "không trăm" or a stray "and" fails the round trip. ----

const VI_DIGIT: Record<string, number> = {
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
};
const VI_SCALE: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6 };

function readVietnamese(text: string, unit: string, style: "north" | "south"): number {
  expect(text.endsWith(` ${unit}`)).toBe(true);
  const tokens = text
    .slice(0, -unit.length - 1)
    .toLowerCase()
    .split(" ");
  let sign = 1;
  if (tokens[0] === "âm") {
    sign = -1;
    tokens.shift();
  }
  if (tokens.length === 1 && tokens[0] === "không") return 0;
  const zeroTens = style === "south" ? "lẻ" : "linh";
  const thousand = style === "south" ? "ngàn" : "nghìn";
  let billions = 0;
  let total = 0;
  let group = 0;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at word ${i} of "${text}"`);
  };
  const digit = (word: string | undefined) =>
    word !== undefined && word in VI_DIGIT ? VI_DIGIT[word] : fail("digit expected");
  let groupStart = true;
  while (i < tokens.length) {
    const word = tokens[i];
    if (word === "tỷ" || word in VI_SCALE) {
      if (word === "tỷ" ? total + group === 0 : groupStart) fail("scale without a count");
      if (word !== "tỷ" && word !== "triệu" && word !== thousand) fail(`${word} in the ${style} style`);
      if (word === "tỷ") {
        billions = (total + group) * 1e9;
        total = 0;
      } else total += group * VI_SCALE[word];
      group = 0;
      i++;
      groupStart = true;
      // Accounting style: every later group reads its hundreds, even "không trăm".
      if (i < tokens.length && tokens[i] !== "tỷ" && tokens[i + 1] !== "trăm")
        fail("a later group without its hundreds");
      continue;
    }
    // One group of three digits: [d trăm] then [linh d | mười u | d mươi u | d].
    groupStart = false;
    let hundreds = false;
    if (tokens[i + 1] === "trăm") {
      group += digit(tokens[i]) * 100;
      hundreds = true;
      i += 2;
    }
    const next = tokens[i];
    if (next === undefined || next === "tỷ" || next in VI_SCALE) continue;
    if (next === zeroTens) {
      if (!hundreds) fail(`${zeroTens} without hundreds`);
      const u = digit(tokens[i + 1]);
      if (u === 0) fail("linh không");
      group += u;
      i += 2;
    } else if (next === "mười" || tokens[i + 1] === "mươi") {
      const tens = next === "mười" ? 1 : digit(next);
      if (tens < 2 && next !== "mười") fail("một mươi");
      i += next === "mười" ? 1 : 2;
      group += tens * 10;
      const unitWord = tokens[i];
      const allowed: Record<string, number> =
        tens === 1
          ? { một: 1, hai: 2, ba: 3, bốn: 4, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 }
          : { mốt: 1, hai: 2, ba: 3, tư: 4, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };
      if (unitWord !== undefined && unitWord in allowed) {
        group += allowed[unitWord];
        i++;
      } else if (unitWord !== undefined && unitWord !== "tỷ" && !(unitWord in VI_SCALE))
        fail(`"${unitWord}" after tens`);
    } else {
      if (hundreds) fail("units after hundreds without linh");
      const u = digit(next);
      if (u === 0) fail("a lone không");
      group += u;
      i++;
    }
  }
  return sign * (billions + total + group);
}

const EN_SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

function readEnglish(text: string, unit: string): number {
  expect(text.endsWith(` ${unit}`)).toBe(true);
  const tokens = text
    .slice(0, -unit.length - 1)
    .toLowerCase()
    .split(" ");
  let sign = 1;
  if (tokens[0] === "minus") {
    sign = -1;
    tokens.shift();
  }
  if (tokens.join(" ") === "zero") return 0;
  let total = 0;
  let group = 0;
  let lastScale = Infinity;
  for (const token of tokens) {
    if (token in EN_SCALE) {
      if (EN_SCALE[token] >= lastScale || group === 0) throw new Error(`"${token}" out of place in "${text}"`);
      total += group * EN_SCALE[token];
      lastScale = EN_SCALE[token];
      group = 0;
    } else if (token === "hundred") {
      if (group < 1 || group > 9) throw new Error(`"hundred" out of place in "${text}"`);
      group *= 100;
    } else if (token.includes("-")) {
      const [tens, units] = token.split("-");
      const t = EN_TENS.indexOf(tens);
      const u = EN_SMALL.indexOf(units);
      if (t < 2 || u < 1 || u > 9) throw new Error(`"${token}" is not a hyphenated 21–99 in "${text}"`);
      group += t * 10 + u;
    } else if (EN_TENS.includes(token) && token !== "") {
      group += EN_TENS.indexOf(token) * 10;
    } else if (EN_SMALL.includes(token) && token !== "zero") {
      group += EN_SMALL.indexOf(token);
    } else throw new Error(`"${token}" is not a number word in "${text}"`);
  }
  return sign * (total + group);
}

/** Whole numbers below 10^15 built group by group, so zeros, teens, fives, fours and ones in every
 *  position are common, plus plain uniform integers. */
const wholeNumber: fc.Arbitrary<number> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(0, 0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 100, 101, 104, 105, 110, 111, 115, 121, 999),
        fc.integer({ min: 0, max: 999 }),
      ),
      { minLength: 5, maxLength: 5 },
    )
    .map((groups) => groups.reduce((n, g) => n * 1000 + g, 0)),
  fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }).map(Number),
  fc.integer({ min: 0, max: 10_000 }),
);

describe("HT.INWORDS, the examples of FUNCTIONS.md", () => {
  test.each([
    [105, "Một trăm linh năm đồng"],
    [21, "Hai mươi mốt đồng"],
    [4065, "Bốn nghìn không trăm sáu mươi lăm đồng"],
    [1_000_024, "Một triệu không trăm hai mươi tư đồng"],
    [2_000_500_000, "Hai tỷ năm trăm nghìn đồng"],
    [1_200_000_000_000, "Một nghìn hai trăm tỷ đồng"],
    [0, "Không đồng"],
  ])("%d reads %s", (amount, expected) => {
    expect(words(amount)).toBe(expected);
  });

  test('English: short scale, no "and", hyphens for 21–99', () => {
    expect(words(128_760, null, "en")).toBe("One hundred twenty-eight thousand seven hundred sixty dong");
    expect(words(1_200_000_000_000, "", "en")).toBe("One trillion two hundred billion dong");
    expect(words(0, undefined, "en")).toBe("Zero dong");
  });

  test('the south says "ngàn" and "lẻ"; "tỷ" in both', () => {
    expect(words(105, "", "vi", "south")).toBe("Một trăm lẻ năm đồng");
    expect(words(2_000_004_000, "", "vi", "south")).toBe("Hai tỷ không trăm lẻ bốn ngàn đồng");
  });

  test("tens and units: mười, mốt after tens ≥ 2, lăm after any tens, tư after tens ≥ 2, linh before units", () => {
    expect(words(11)).toBe("Mười một đồng");
    expect(words(15)).toBe("Mười lăm đồng");
    expect(words(14)).toBe("Mười bốn đồng");
    expect(words(31)).toBe("Ba mươi mốt đồng");
    expect(words(54)).toBe("Năm mươi tư đồng");
    expect(words(101)).toBe("Một trăm linh một đồng");
    expect(words(104)).toBe("Một trăm linh bốn đồng");
    expect(words(1005)).toBe("Một nghìn không trăm linh năm đồng");
  });

  test("a negative amount reads Âm / Minus; the unit is appended as given", () => {
    expect(words(-105)).toBe("Âm một trăm linh năm đồng");
    expect(words(-21, "", "en")).toBe("Minus twenty-one dong");
    expect(words(5000, "đồng chẵn")).toBe("Năm nghìn đồng chẵn");
    expect(words(3, "USD", "en")).toBe("Three USD");
  });
});

describe("HT.INWORDS rounding and limits", () => {
  test("rounds half away from zero to whole units first, as #,##0 shows it", () => {
    expect(words(2.5)).toBe("Ba đồng");
    expect(words(-2.5)).toBe("Âm ba đồng");
    expect(words(2.4999)).toBe("Hai đồng");
    // 2.675 × 100 is 267.49999999999997 as a double; Excel shows 15 digits, 267.500000000000, so 268.
    expect(words(2.675 * 100)).toBe(words(268));
    expect(words(-0.4)).toBe("Không đồng");
    expect(wholeUnits(-0.3)).toBe(0);
    expect(Object.is(wholeUnits(-0.3), -0)).toBe(false);
  });

  test("|amount| ≥ 10^15 is #NUM! (also when rounding reaches it); just below reads", () => {
    expect(words(1e15)).toMatchObject({ error: "#NUM!" });
    expect(words(-1e15)).toMatchObject({ error: "#NUM!" });
    expect(words(999_999_999_999_999.5)).toMatchObject({ error: "#NUM!" });
    expect(words(999_999_999_999_999)).toMatch(/^Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ .* đồng$/);
  });

  test('blank gives "", text and booleans #VALUE!, an input error comes back, NaN and Infinity #NUM!', () => {
    expect(words("")).toBe("");
    expect(words(null)).toBe("");
    expect(words(undefined)).toBe("");
    expect(words("một trăm")).toMatchObject({ error: "#VALUE!" });
    expect(words(true)).toMatchObject({ error: "#VALUE!" });
    expect(words({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(words(Number.NaN)).toMatchObject({ error: "#NUM!" });
    expect(words(Number.POSITIVE_INFINITY)).toMatchObject({ error: "#NUM!" });
  });

  test("a bad language, style or unit is #VALUE!", () => {
    expect(words(1, "", "fr")).toMatchObject({ error: "#VALUE!" });
    expect(words(1, "", "vi", "east")).toMatchObject({ error: "#VALUE!" });
    expect(words(1, true)).toMatchObject({ error: "#VALUE!" });
  });

  test("a range of amounts spills one text per cell, blanks stay blank", () => {
    expect(inWords([[1], [""], [21]], "", "en")).toEqual([["One dong"], [""], ["Twenty-one dong"]]);
  });
});

describe("HT.INWORDS properties (every whole number below 10^15)", () => {
  const RUNS = { numRuns: 2000 };

  test.each(["north", "south"] as const)(
    "Vietnamese (%s) reads back to the same number through a strict reader",
    (style) => {
      fc.assert(
        fc.property(wholeNumber, fc.boolean(), (n, negative) => {
          const amount = negative ? -n : n;
          const text = words(amount, "", "vi", style) as string;
          expect(readVietnamese(text, "đồng", style)).toBe(n === 0 ? 0 : amount);
        }),
        RUNS,
      );
    },
  );

  test("English reads back to the same number through a strict reader", () => {
    fc.assert(
      fc.property(wholeNumber, fc.boolean(), (n, negative) => {
        const amount = negative ? -n : n;
        expect(readEnglish(words(amount, "", "en") as string, "dong")).toBe(n === 0 ? 0 : amount);
      }),
      RUNS,
    );
  });

  test("no double, leading or trailing space; the first letter is a capital; no final full stop", () => {
    fc.assert(
      fc.property(
        wholeNumber,
        fc.constantFrom("vi", "en"),
        fc.constantFrom("north", "south"),
        fc.constantFrom("", "  đồng chẵn ", "USD"),
        (n, language, style, unit) => {
          const text = words(n, unit, language, style) as string;
          expect(text).not.toMatch(/ {2}|^ | $|\.$/);
          expect(text.charAt(0)).toBe(text.charAt(0).toUpperCase());
          expect(text.charAt(0)).not.toBe(text.charAt(0).toLowerCase());
        },
      ),
      RUNS,
    );
  });
});

describe("HT.INWORDS with a minor unit, the examples of FUNCTIONS.md", () => {
  test('1250.5 in US dollars and cents, Vietnamese: "… đô la Mỹ và năm mươi cent"', () => {
    expect(words(1250.5, "đô la Mỹ", "vi", "north", "cent")).toBe(
      "Một nghìn hai trăm năm mươi đô la Mỹ và năm mươi cent",
    );
  });

  test('1250.5 in English, unit and minor unit given in English: "… US dollars and fifty cents"', () => {
    expect(words(1250.5, "US dollars", "en", null, "cents")).toBe(
      "One thousand two hundred fifty US dollars and fifty cents",
    );
  });

  test('0.05 reads "Không đô la Mỹ và năm cent"; a zero fraction adds nothing', () => {
    expect(words(0.05, "đô la Mỹ", "vi", "north", "cent")).toBe("Không đô la Mỹ và năm cent");
    expect(words(1250, "đô la Mỹ", "vi", "north", "cent")).toBe("Một nghìn hai trăm năm mươi đô la Mỹ");
    expect(words(1250.004, "US dollars", "en", "", "cents")).toBe("One thousand two hundred fifty US dollars");
    expect(words(0, "US dollars", "en", "", "cents")).toBe("Zero US dollars");
  });

  test("the south's words in the whole part; the cents read as a number of their own", () => {
    expect(words(105.15, "đô la", "vi", "south", "xu")).toBe("Một trăm lẻ năm đô la và mười lăm xu");
    expect(words(4065.21, "", "vi", "south", "xu")).toBe("Bốn ngàn không trăm sáu mươi lăm đồng và hai mươi mốt xu");
    expect(words(1_000_024.54, "", "vi", "north", "xu")).toBe(
      "Một triệu không trăm hai mươi tư đồng và năm mươi tư xu",
    );
    expect(words(21.01, "USD", "en", "", "cents")).toBe("Twenty-one USD and one cents");
  });

  test("rounds half away from zero to two decimals, as #,##0.00 shows it; the sign is the whole amount's", () => {
    // 0.285 is 0.28499999999999998 as a double; Excel shows 0.285, and #,##0.00 shows 0.29.
    expect(words(0.285, "đô la", "vi", "north", "xu")).toBe("Không đô la và hai mươi chín xu");
    expect(words(1.005, "dollar", "en", "", "cents")).toBe("One dollar and one cents");
    expect(words(0.995, "dollars", "en", "", "cents")).toBe("One dollars");
    expect(words(-0.05, "đô la Mỹ", "vi", "north", "cent")).toBe("Âm không đô la Mỹ và năm cent");
    expect(words(-1250.5, "US dollars", "en", "", "cents")).toBe(
      "Minus one thousand two hundred fifty US dollars and fifty cents",
    );
    expect(words(-0.004, "US dollars", "en", "", "cents")).toBe("Zero US dollars");
  });

  test("with a minor unit |amount| ≥ 10^13 is #NUM! (also when rounding reaches it); just below reads", () => {
    expect(words(1e13, "US dollars", "en", "", "cents")).toMatchObject({ error: "#NUM!" });
    expect(words(-1e13, "US dollars", "en", "", "cents")).toMatchObject({ error: "#NUM!" });
    expect(words(9_999_999_999_999.996, "US dollars", "en", "", "cents")).toMatchObject({ error: "#NUM!" });
    expect(words(9_999_999_999_999.99, "US dollars", "en", "", "cents")).toBe(
      "Nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine " +
        "thousand nine hundred ninety-nine US dollars and ninety-nine cents",
    );
    // Without one, the bound stays 10^15.
    expect(words(1e13, "US dollars", "en")).toBe("Ten trillion US dollars");
  });

  test("a blank minor unit keeps every rule of whole units; text as given, spaces tidied", () => {
    for (const blank of [undefined, null, "", "   "]) {
      expect(words(1250.5, "đô la Mỹ", "vi", "north", blank)).toBe(words(1250.5, "đô la Mỹ", "vi", "north"));
      expect(words(1e14, "", "en", "", blank)).toBe(words(1e14, "", "en"));
    }
    expect(words(1.5, "", "vi", "north", "  xu  ")).toBe("Một đồng và năm mươi xu");
    expect(words(1.5, "", "vi", "north", "xu  lẻ")).toBe("Một đồng và năm mươi xu lẻ");
  });

  test("a minor unit that is not text is #VALUE! naming it; an input error comes back; blanks stay blank", () => {
    expect(words(1.5, "", "vi", "north", true)).toMatchObject({ error: "#VALUE!" });
    expect(words(1.5, "", "en", "north", { error: "#N/A" })).toEqual({ error: "#N/A" });
    expect(inWords([[1.5], [""], [0.01]], "dollars", "en", "", "cents")).toEqual([
      ["One dollars and fifty cents"],
      [""],
      ["Zero dollars and one cents"],
    ]);
  });
});

describe("HT.INWORDS with a minor unit, properties (every amount in hundredths below 10^13)", () => {
  const RUNS = { numRuns: 1000 };
  /** Whole hundredths below 10^15: the cents 0, 1, 5, 10, 15, 21, 24, 99 often, the rest at random. */
  const hundredths: fc.Arbitrary<number> = fc
    .tuple(
      wholeNumber,
      fc.oneof(fc.constantFrom(0, 1, 4, 5, 10, 11, 15, 21, 24, 25, 99), fc.integer({ min: 0, max: 99 })),
    )
    .map(([n, cents]) => (n % 1e13) * 100 + cents);

  /** The whole part and the hundredths a text reads, through the strict readers above. */
  function readBack(text: string, language: "vi" | "en", style: "north" | "south", unit: string, minor: string) {
    const and = language === "vi" ? " và " : " and ";
    const at = text.indexOf(`${unit}${and}`);
    const whole = at < 0 ? text : text.slice(0, at + unit.length);
    const rest = at < 0 ? "" : text.slice(at + unit.length + and.length);
    const read = (part: string, name: string) =>
      language === "vi" ? readVietnamese(part, name, style) : readEnglish(part, name);
    const units = read(whole, unit);
    const cents = rest === "" ? 0 : read(rest, minor);
    if (rest !== "") expect(cents).toBeGreaterThan(0);
    return { units, cents };
  }

  test.each([
    ["vi", "north", "đô la Mỹ", "cent"],
    ["vi", "south", "đồng", "xu"],
    ["en", "north", "US dollars", "cents"],
  ] as const)("%s (%s) reads back to the same units and hundredths", (language, style, unit, minor) => {
    fc.assert(
      fc.property(hundredths, fc.boolean(), (h, negative) => {
        const amount = (negative ? -h : h) / 100;
        const text = words(amount, unit, language, style, minor) as string;
        expect(typeof text).toBe("string");
        const { units, cents } = readBack(text, language, style, unit, minor);
        expect(Math.abs(units) * 100 + cents).toBe(h);
        if (h !== 0) expect(units < 0 || (units === 0 && /^(Âm|Minus) /.test(text))).toBe(negative);
        expect(text).not.toMatch(/ {2}|^ | $|\.$/);
        expect(text.charAt(0)).not.toBe(text.charAt(0).toLowerCase());
      }),
      RUNS,
    );
  });

  test("never throws, never NaN: any number gives text, #NUM! from 10^13, or blank for blank", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.double({ min: -2e13, max: 2e13, noNaN: true }), fc.constantFrom("", null, undefined)),
        fc.constantFrom("vi", "en"),
        fc.constantFrom("north", "south"),
        fc.constantFrom("cent", "xu", " cents "),
        (amount, language, style, minor) => {
          const result = words(amount as number, "", language, style, minor);
          if (amount === "" || amount === null || amount === undefined) expect(result).toBe("");
          else if (!Number.isFinite(amount) || Math.abs(wholeHundredths(amount)) >= 1e15 || Math.abs(amount) >= 1e13)
            expect(result).toMatchObject({ error: "#NUM!" });
          else expect(typeof result).toBe("string");
        },
      ),
      RUNS,
    );
  });
});
