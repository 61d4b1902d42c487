import { gradeCoef, gradePrice, gradeValue, readGradeTable } from "../../src/core/grades";
import { expectClose, only } from "../support/close";

// First grade at the base price, second grade at 80 %, rejects at 30 %.
const TABLE = [
  ["Chính phẩm", 1],
  ["Thứ phẩm", 0.8],
  ["Phế phẩm", 0.3],
];

describe("HT.GRADEPRICE", () => {
  test("second grade at 80 % of a 1,500 đồng base price is 1,200 đồng", () => {
    // 1500 × 0.8 = 1200
    expectClose(only(gradePrice(1500, "Thứ phẩm", TABLE)), 1200);
  });

  test("grades match case-insensitively after trimming, and in either Unicode form", () => {
    expectClose(only(gradePrice(1500, "  THỨ PHẨM ", TABLE)), 1200);
    expectClose(only(gradePrice(1500, "Thứ phẩm".normalize("NFD"), TABLE)), 1200);
  });

  test("numeric grade labels match grades given as numbers or text", () => {
    const table = [
      [1, 1],
      [2, 0.85],
    ];
    expectClose(only(gradePrice(100, 2, table)), 85);
    expectClose(only(gradePrice(100, "2", table)), 85);
  });

  test("a range of grades spills one price per line", () => {
    const result = gradePrice(1000, [["Chính phẩm"], ["Phế phẩm"], [""]], TABLE);
    expectClose(result[0][0], 1000);
    expectClose(result[1][0], 300);
    expect(result[2][0]).toBe("");
  });

  test("an unknown grade is #N/A naming the grade", () => {
    const result = only(gradePrice(1000, "Loại đặc biệt", TABLE));
    expect(result).toMatchObject({ error: "#N/A" });
    expect((result as { message: { en: string } }).message.en).toContain("Loại đặc biệt");
  });

  test("a blank grade is blank even with a base price, so spare lines stay empty", () => {
    expect(only(gradePrice(1000, "", TABLE))).toBe("");
  });

  test("duplicate labels, negative coefficients and a table not two columns wide are #VALUE! with a message", () => {
    for (const table of [
      [
        ["A", 1],
        [" a ", 0.9],
      ],
      [
        ["A", 1],
        ["B", -0.1],
      ],
      [["A", 1, 2]],
      [["A", "high"]],
    ]) {
      const result = only(gradePrice(1000, "A", table));
      expect(result).toMatchObject({ error: "#VALUE!" });
      expect((result as { message: { en: string } }).message.en.length).toBeGreaterThan(10);
    }
  });

  test("blank rows of the grade table are skipped; a wholly blank table is #VALUE!", () => {
    expectClose(
      only(
        gradePrice(10, "B", [
          ["A", 1],
          ["", ""],
          ["B", 2],
        ]),
      ),
      20,
    );
    expect(only(gradePrice(10, "B", [["", ""]]))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("HT.GRADEVALUE", () => {
  test("100 first-grade and 50 second-grade at a 1,500 base price is 210,000", () => {
    // 100 × 1500 × 1 + 50 × 1500 × 0.8 = 150000 + 60000 = 210000
    expectClose(gradeValue([[100], [50]], [["Chính phẩm"], ["Thứ phẩm"]], 1500, TABLE), 210000);
  });

  test("spare blank lines are skipped; no filled line at all is blank", () => {
    expectClose(gradeValue([[100], [""], [null]], [["Chính phẩm"], [""], [null]], 1500, TABLE), 150000);
    expect(gradeValue([[""], [""]], [[""], [""]], 1500, TABLE)).toBe("");
  });

  test("a quantity without a grade is #N/A; an unknown grade is #N/A", () => {
    expect(gradeValue([[100], [5]], [["Chính phẩm"], [""]], 1500, TABLE)).toMatchObject({ error: "#N/A" });
    expect(gradeValue([[100]], [["Loại X"]], 1500, TABLE)).toMatchObject({ error: "#N/A" });
  });

  test("quantities and grades of shapes that cannot broadcast are #VALUE!", () => {
    expect(
      gradeValue([[1], [2], [3]], [["A"], ["B"]], 1, [
        ["A", 1],
        ["B", 1],
      ]),
    ).toMatchObject({ error: "#VALUE!" });
  });
});

describe("HT.GRADECOEF", () => {
  test("the average grade coefficient of 100 first-grade and 50 second-grade is 0.9333…", () => {
    // (100 × 1 + 50 × 0.8) / 150 = 140 / 150
    expectClose(gradeCoef([[100], [50]], [["Chính phẩm"], ["Thứ phẩm"]], TABLE), 140 / 150);
  });

  test("all quantities zero is #DIV/0!", () => {
    expect(gradeCoef([[0], [0]], [["Chính phẩm"], ["Thứ phẩm"]], TABLE)).toMatchObject({ error: "#DIV/0!" });
  });

  test("a negative quantity is #NUM!", () => {
    expect(gradeCoef([[-1]], [["Chính phẩm"]], TABLE)).toMatchObject({ error: "#NUM!" });
  });
});

describe("grade tables", () => {
  test("a valid table reads into coefficients by folded label", () => {
    const table = readGradeTable("T", TABLE);
    expect(table instanceof Map && [...table.entries()]).toEqual([
      ["chính phẩm", 1],
      ["thứ phẩm", 0.8],
      ["phế phẩm", 0.3],
    ]);
  });

  test("an error inside the table comes back as that error", () => {
    expect(readGradeTable("T", [["A", { error: "#REF!" }]])).toEqual({ error: "#REF!" });
  });
});
