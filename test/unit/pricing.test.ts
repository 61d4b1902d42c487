import { costPrice, parityWage, priceBuildUp } from "../../src/core/pricing";
import { expectClose, only } from "../support/close";

describe("HT.COSTPRICE", () => {
  test("purchase regime of DOMAIN.md: 60 + 30 + 10 with 5 % profit, 3 % accumulation, 10 % welfare on labour is 111", () => {
    // P = 100; 100 + 5 + 3 + 0.1 × 30 = 111
    expectClose(only(costPrice(60, 30, 10, 0.05, 0.03, 0.1)), 111);
  });

  test("processing regime of DOMAIN.md: all 60 of material supplied by the buyer gives a fee of 46.2", () => {
    // own cost 40; 40 + 2 + 1.2 + 3 = 46.2
    expectClose(only(costPrice(60, 30, 10, 0.05, 0.03, 0.1, 60)), 46.2);
  });

  test("two-way contract: half the material supplied puts the price between purchase and processing", () => {
    // own cost 100 − 30 = 70; 70 + 3.5 + 2.1 + 3 = 78.6
    expectClose(only(costPrice(60, 30, 10, 0.05, 0.03, 0.1, 30)), 78.6);
  });

  test("omitted optional arguments default to zero, so the price is the production cost", () => {
    expectClose(only(costPrice(60, 30)), 90);
    expectClose(only(costPrice(60, 30, undefined, null, "", undefined)), 90);
  });

  test("supplied material above the material cost is #NUM!", () => {
    expect(only(costPrice(60, 30, 10, 0, 0, 0, 61))).toMatchObject({ error: "#NUM!" });
  });

  test("a negative cost is #NUM!, a rate below -100 % is #NUM!, a rate of -100 % is allowed", () => {
    expect(only(costPrice(-1, 30))).toMatchObject({ error: "#NUM!" });
    expect(only(costPrice(60, 30, 0, -1.01))).toMatchObject({ error: "#NUM!" });
    expectClose(only(costPrice(60, 30, 0, -1)), 0);
  });

  test("text is #VALUE! with a message naming the argument; numeric text counts as its number", () => {
    const result = only(costPrice("sáu mươi", 30));
    expect(result).toMatchObject({ error: "#VALUE!" });
    expect((result as { message: { en: string } }).message.en).toContain("material");
    expectClose(only(costPrice("60", 30)), 90);
  });

  test("booleans are #VALUE! naming the argument", () => {
    const result = only(costPrice(60, true));
    expect(result).toMatchObject({ error: "#VALUE!" });
    expect((result as { message: { en: string } }).message.en).toContain("labour");
  });

  test("an error in an input comes back as that same error", () => {
    const na = { error: "#N/A" as const, message: "from the sheet" };
    expect(only(costPrice(60, na))).toEqual(na);
    expect(only(costPrice({ error: "#REF!" }, 30))).toEqual({ error: "#REF!" });
  });

  test("columns of costs spill one price per row; a blank row stays blank; a blank among filled counts as 0", () => {
    const result = costPrice([[60], [""], [null], [50]], [[30], [""], [null], [""]], 10, 0.05);
    expect(result).toHaveLength(4);
    expectClose(result[0][0], 105); // (60 + 30 + 10) × 1.05
    expect(result[1][0]).toBe("");
    expect(result[2][0]).toBe("");
    expectClose(result[3][0], 63); // (50 + 0 + 10) × 1.05
  });

  test("a column of costs against a row of profit rates spills a table", () => {
    const result = costPrice([[100], [200]], 0, 0, [[0.1, 0.2]]);
    expect(result).toHaveLength(2);
    expectClose(result[0][0], 110);
    expectClose(result[0][1], 120);
    expectClose(result[1][0], 220);
    expectClose(result[1][1], 240);
  });

  test("ranges that cannot broadcast give one #VALUE! naming both arguments and their sizes", () => {
    const result = only(costPrice([[1], [2], [3]], [[1], [2]]));
    expect(result).toMatchObject({ error: "#VALUE!" });
    expect((result as { message: { en: string } }).message.en).toMatch(/material 3×1, labour 2×1/);
  });

  test("inputs are not mutated", () => {
    const material = [[60], [70]];
    const copy = JSON.parse(JSON.stringify(material));
    costPrice(material, 30);
    expect(material).toEqual(copy);
  });
});

describe("HT.PRICEBUILDUP", () => {
  test("labels and amounts of the purchase example, in Vietnamese by default; the last amount is the COSTPRICE", () => {
    const table = priceBuildUp(60, 30, 10, 0.05, 0.03, 0.1);
    expect(table.map((row) => row[0])).toEqual([
      "Nguyên vật liệu tự lo",
      "Tiền công",
      "Chi phí chung",
      "Giá thành sản xuất (phần tự lo)",
      "Lãi",
      "Tích luỹ",
      "Bảo hiểm xã hội và phúc lợi tập thể",
      "Giá",
    ]);
    const amounts = [60, 30, 10, 100, 5, 3, 3, 111];
    table.forEach((row, k) => expectClose(row[1], amounts[k]));
    expect(table[7][1]).toBe(only(costPrice(60, 30, 10, 0.05, 0.03, 0.1)));
  });

  test('English labels with language "en" (or a locale tag), processing amounts with supplied material', () => {
    const table = priceBuildUp(60, 30, 10, 0.05, 0.03, 0.1, 60, "en-US");
    expect(table[0][0]).toBe("Own materials");
    expect(table[7][0]).toBe("Price");
    expectClose(table[0][1], 0);
    expectClose(table[3][1], 40);
    expectClose(table[7][1], 46.2);
  });

  test("a range argument is #VALUE!: the table is for one product", () => {
    expect(only(priceBuildUp([[60], [70]], 30))).toMatchObject({ error: "#VALUE!" });
  });

  test("an unknown language is #VALUE! listing the choices", () => {
    const result = only(priceBuildUp(60, 30, 0, 0, 0, 0, 0, "fr"));
    expect(result).toMatchObject({ error: "#VALUE!" });
    expect((result as { message: { en: string } }).message.en).toContain("vi, en");
  });

  test("all blank is blank", () => {
    expect(priceBuildUp("", null)).toEqual([[""]]);
  });
});

describe("HT.PARITYWAGE", () => {
  test("2 hours per unit at a 416,000 đồng monthly wage over 208 hours is 4,000 đồng", () => {
    // 2 × 416000 / 208 = 4000
    expectClose(only(parityWage(2, 416000)), 4000);
  });

  test("a condition coefficient of 1.2 and 200 hours a month", () => {
    // 1.5 × 300000 / 200 × 1.2 = 2700
    expectClose(only(parityWage(1.5, 300000, 200, 1.2)), 2700);
  });

  test("zero hours per month is #DIV/0!", () => {
    expect(only(parityWage(1, 300000, 0))).toMatchObject({ error: "#DIV/0!" });
  });

  test("an empty hours-per-month cell takes the default 208", () => {
    expectClose(only(parityWage(1, 208000, "")), 1000);
  });
});
