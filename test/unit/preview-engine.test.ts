import { DetailedCellError } from "hyperformula";
import { PreviewBook } from "../../src/preview/book";
import { engineFormula } from "../../src/preview/formula-language";
import { languageConvention } from "../../src/i18n/numbers";
import { useMessageLanguage } from "../../src/preview/ht-plugin";
import { expectClose } from "../support/close";

function sheet(rows: (string | number | null)[][]) {
  const book = new PreviewBook("Sheet1");
  book.hf.setCellContents({ sheet: 0, row: 0, col: 0 }, rows);
  return (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return book.hf.getCellValue({ sheet: 0, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 });
  };
}

describe("the preview's HT functions (HyperFormula)", () => {
  test("compute what Excel computes: DOMAIN.md's purchase price, and RRI beside it", () => {
    const value = sheet([["=HT.COSTPRICE(60,30,10,0.05,0.03,0.1)", "=RRI(5,1458,2761)"]]);
    expectClose(value("A1"), 111);
    expect(value("B1") as number).toBeCloseTo(0.13622, 5);
  });

  test("a column of costs spills one price per row, a blank row stays blank", () => {
    const value = sheet([
      [60, 30, "=HT.COSTPRICE(A1:A3,B1:B3,0,0.1)"],
      [50, 20, null],
      [null, null, null],
    ]);
    expectClose(value("C1"), 99);
    expectClose(value("C2"), 77);
    expect(value("C3")).toBe("");
  });

  test("HT.PRICEBUILDUP spills its 8×2 table", () => {
    const value = sheet([['=HT.PRICEBUILDUP(60,30,10,0.05,0.03,0.1,0,"en")']]);
    expect(value("A1")).toBe("Own materials");
    expect(value("A8")).toBe("Price");
    expectClose(value("B8"), 111);
  });

  test("errors come back as the same error with the core's message", () => {
    const value = sheet([
      ['=HT.COSTPRICE("abc",30)', '=HT.GRADEPRICE(100,"X",D1:E2)', "=HT.PIECERATE(1,0)", "Loại 1", 1],
    ]);
    const a1 = value("A1") as DetailedCellError;
    expect(a1).toBeInstanceOf(DetailedCellError);
    expect(a1.value).toBe("#VALUE!");
    expect(a1.message).toContain("material");
    expect((value("B1") as DetailedCellError).value).toBe("#N/A");
    expect((value("C1") as DetailedCellError).value).toBe("#DIV/0!");
  });

  test("an error in an input cell passes through unchanged", () => {
    const value = sheet([["=1/0", "=HT.COSTPRICE(A1,30)"]]);
    expect((value("B1") as DetailedCellError).value).toBe("#DIV/0!");
  });

  test("the grade functions read a grade table from the sheet", () => {
    const value = sheet([
      [
        "Chính phẩm",
        1,
        100,
        "Chính phẩm",
        "=HT.GRADEVALUE(C1:C2,D1:D2,1500,A1:B2)",
        "=HT.GRADECOEF(C1:C2,D1:D2,A1:B2)",
      ],
      ["Thứ phẩm", 0.8, 50, "Thứ phẩm", null, null],
    ]);
    expectClose(value("E1"), 210000);
    expectClose(value("F1"), 140 / 150);
  });

  test("HT.INWORDS gives the amount in words, and spills over a column of amounts", () => {
    const value = sheet([
      [105, "=HT.INWORDS(A1)", '=HT.INWORDS(A1:A2,"","en")'],
      [21, null, null],
    ]);
    expect(value("B1")).toBe("Một trăm linh năm đồng");
    expect(value("C1")).toBe("One hundred five dong");
    expect(value("C2")).toBe("Twenty-one dong");
  });

  test("HT.INWORDS and HT.BANGCHU take the minor unit as their fifth argument, in both languages, an empty fourth too", () => {
    const value = sheet([
      [
        1250.5,
        '=HT.INWORDS(A1,"đô la Mỹ","vi","north","cent")',
        '=HT.INWORDS(A1,"US dollars","en",,"cents")',
        '=HT.BANGCHU(A1:A2,"đô la","vi","south","xu")',
        '=HT.INWORDS(A1,"US dollars","en","north","cents",1)',
      ],
      [0.05, null, null, null, null],
    ]);
    expect(value("B1")).toBe("Một nghìn hai trăm năm mươi đô la Mỹ và năm mươi cent");
    expect(value("C1")).toBe("One thousand two hundred fifty US dollars and fifty cents");
    expect(value("D1")).toBe("Một ngàn hai trăm năm mươi đô la và năm mươi xu");
    expect(value("D2")).toBe("Không đô la và năm xu");
    expect(value("E1")).toBeInstanceOf(DetailedCellError);
  });

  test("the Vietnamese names are functions of their own: HT.GIATHEOGIATHANH is HT.COSTPRICE, HT.BANGCHU is HT.INWORDS", () => {
    const value = sheet([
      ["=HT.GIATHEOGIATHANH(60,30,10,0.05,0.03,0.1)", "=HT.BANGCHU(105)", "=ht.giatheogiathanh(60,30)"],
    ]);
    expectClose(value("A1"), 111);
    expect(value("B1")).toBe("Một trăm linh năm đồng");
    expectClose(value("C1"), 90);
  });

  test("a formula typed the Vietnamese way (`;` and decimal commas) computes once translated by engineFormula", () => {
    const value = sheet([[engineFormula("=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)", languageConvention("vi"))!]]);
    expectClose(value("A1"), 111);
  });

  test("error messages follow the preview's language, naming arguments as its metadata does", () => {
    useMessageLanguage("vi");
    try {
      const value = sheet([['=HT.COSTPRICE("abc",30)']]);
      expect((value("A1") as DetailedCellError).message).toBe('HT.COSTPRICE: vat_lieu = "abc" không phải là số');
    } finally {
      useMessageLanguage("en");
    }
  });
});
