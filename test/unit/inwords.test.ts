import fc from "fast-check";
import { inWords, wholeUnits } from "../../src/core/inwords";
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
