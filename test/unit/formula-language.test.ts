import { engineFormula } from "../../src/preview/formula-language";

describe("formulas as a Vietnamese Excel user types them (engineFormula)", () => {
  test("`;` separates arguments and a decimal comma is a decimal point", () => {
    expect(engineFormula("=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)")).toBe(
      "=HT.GIATHEOGIATHANH(60,30,10,0.05,0.03,0.1)",
    );
    expect(engineFormula("=ROUND(A1*1,5;0)")).toBe("=ROUND(A1*1.5,0)");
  });

  test("string literals and quoted sheet names are left as typed, doubled quotes included", () => {
    expect(engineFormula('=HT.BANGCHU(A1;"đồng; chẵn";"vi")')).toBe('=HT.BANGCHU(A1,"đồng; chẵn","vi")');
    expect(engineFormula('=IF(A1="a"";b";1,5;2)')).toBe('=IF(A1="a"";b",1.5,2)');
    expect(engineFormula("=SUM('Kế hoạch; 1961'!A1:A3;2)")).toBe("=SUM('Kế hoạch; 1961'!A1:A3,2)");
  });

  test("a formula without `;` is already in English syntax and stays exactly as typed", () => {
    expect(engineFormula("=HT.COSTPRICE(60,30,10,0.05)")).toBe("=HT.COSTPRICE(60,30,10,0.05)");
    expect(engineFormula("=SUM({1,2;3,4})")).toBe("=SUM({1,2;3,4})");
  });

  test("text that is not a formula is not touched", () => {
    expect(engineFormula("1,5; 2")).toBe("1,5; 2");
    expect(engineFormula("")).toBe("");
  });
});
