import fc from "fast-check";
import { engineFormula, localFormula } from "../../src/preview/formula-language";
import { languageConvention } from "../../src/i18n/numbers";

const vi = languageConvention("vi");
const en = languageConvention("en");

describe("formulas as a Vietnamese Excel user types them (engineFormula in the vi convention)", () => {
  test("`;` separates arguments and a decimal comma is a decimal point", () => {
    expect(engineFormula("=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)", vi)).toBe(
      "=HT.GIATHEOGIATHANH(60,30,10,0.05,0.03,0.1)",
    );
    expect(engineFormula("=ROUND(A1*1,5;0)", vi)).toBe("=ROUND(A1*1.5,0)");
  });

  test("a formula without `;` is read the Vietnamese way too: =1,5*2 is 1.5 × 2", () => {
    expect(engineFormula("=1,5*2", vi)).toBe("=1.5*2");
    expect(engineFormula("=A1*0,25", vi)).toBe("=A1*0.25");
  });

  test("a dot between digits (a digit group, or an English decimal) is refused, never read as a decimal point", () => {
    expect(engineFormula("=1.500*2", vi)).toBeUndefined();
    expect(engineFormula("=HT.COSTPRICE(60;30;10;0.05)", vi)).toBeUndefined();
    // Dots in names and in text are no numbers.
    expect(engineFormula('=HT.BANGCHU(1,5;"1.5")', vi)).toBe('=HT.BANGCHU(1.5,"1.5")');
  });

  test("string literals and quoted sheet names are left as typed, doubled quotes included", () => {
    expect(engineFormula('=HT.BANGCHU(A1;"đồng; chẵn";"vi")', vi)).toBe('=HT.BANGCHU(A1,"đồng; chẵn","vi")');
    expect(engineFormula('=IF(A1="a"";b";1,5;2)', vi)).toBe('=IF(A1="a"";b",1.5,2)');
    expect(engineFormula("=SUM('Kế hoạch; 1961'!A1:A3;2)", vi)).toBe("=SUM('Kế hoạch; 1961'!A1:A3,2)");
    expect(engineFormula("=SUM({1,2;3,4})", vi)).toBe("=SUM({1,2;3,4})");
  });

  test("text that is not a formula is not touched", () => {
    expect(engineFormula("1,5; 2", vi)).toBe("1,5; 2");
    expect(engineFormula("", vi)).toBe("");
  });
});

describe("formulas in the English convention", () => {
  test("stay exactly as typed", () => {
    expect(engineFormula("=HT.COSTPRICE(60,30,10,0.05)", en)).toBe("=HT.COSTPRICE(60,30,10,0.05)");
    expect(engineFormula("=SUM({1,2;3,4})", en)).toBe("=SUM({1,2;3,4})");
    expect(localFormula("=ROUND(A1*1.5,0)", en)).toBe("=ROUND(A1*1.5,0)");
  });
});

describe("formulas shown back in the user's convention (localFormula)", () => {
  test("the engine's , and decimal point read ; and decimal comma in Vietnamese; strings and sheet names as they are", () => {
    expect(localFormula("=HT.GIATHEOGIATHANH(60,30,10,0.05,0.03,0.1)", vi)).toBe(
      "=HT.GIATHEOGIATHANH(60;30;10;0,05;0,03;0,1)",
    );
    expect(localFormula('=IF(A1="1.5, a",1.5,2)', vi)).toBe('=IF(A1="1.5, a";1,5;2)');
    expect(localFormula("=SUM('a, b'!A1:A3,2)", vi)).toBe("=SUM('a, b'!A1:A3;2)");
  });

  test("property: a formula shown in Vietnamese and typed back is the engine's formula again", () => {
    const number = fc
      .tuple(fc.nat(99999), fc.option(fc.nat(9999), { nil: undefined }))
      .map(([a, b]) => (b === undefined ? String(a) : `${a}.${b}`));
    const atom = fc.oneof(number, fc.constantFrom("A1", "B$2", '"x, 1.5; y"', "'S 1, 2'!C3", "{1,2;3,4}"));
    const formula = fc
      .tuple(fc.constantFrom("SUM", "ROUND", "HT.COSTPRICE", "MAX"), fc.array(atom, { minLength: 1, maxLength: 5 }))
      .map(([name, args]) => `=${name}(${args.join(",")})*${args[0]}`);
    fc.assert(
      fc.property(formula, (f) => {
        expect(engineFormula(localFormula(f, vi), vi)).toBe(f);
      }),
    );
  });
});
