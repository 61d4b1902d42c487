import { STRINGS, languageOf, say } from "../../src/i18n/strings";
import { TEMPLATES } from "../../src/templates/catalog";

describe("UI strings", () => {
  test("every key exists in Vietnamese and in English, and none is empty", () => {
    expect(Object.keys(STRINGS.vi).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const lang of ["vi", "en"] as const)
      for (const text of Object.values(STRINGS[lang])) expect(text.trim()).not.toBe("");
  });

  test("placeholders are the same in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(STRINGS.vi) as (keyof typeof STRINGS.vi)[]) {
      expect(placeholders(STRINGS.en[key])).toEqual(placeholders(STRINGS.vi[key]));
    }
  });

  test("placeholders are filled", () => {
    expect(say("en", "written", { sheet: "Plan 1965", address: "A1:M34" })).toBe(
      "Written to sheet “Plan 1965” (A1:M34).",
    );
  });

  test("English counts one row and two rows ({n|one|other}); Vietnamese says dòng either way; no string says row(s)", () => {
    expect(say("en", "pasted", { rows: 1 })).toBe("Filled 1 row.");
    expect(say("en", "pasted", { rows: 3 })).toBe("Filled 3 rows.");
    expect(say("en", "askOrphans", { count: 1 })).toBe("1 row removed from the form still holds actuals:");
    expect(say("en", "askOrphans", { count: 2 })).toBe("2 rows removed from the form still hold actuals:");
    expect(say("vi", "pasted", { rows: 3 })).toBe("Đã điền 3 dòng.");
    for (const lang of ["vi", "en"] as const)
      for (const text of Object.values(STRINGS[lang])) expect(text).not.toMatch(/\(s\)/);
  });

  test("Office's display language picks the UI language; anything not Vietnamese is English", () => {
    expect(languageOf("vi-VN")).toBe("vi");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("fr-FR")).toBe("en");
    expect(languageOf(undefined)).toBe("en");
  });
});

describe("template text", () => {
  test("every label, header and clause of every template has both languages", () => {
    const texts: unknown[] = [];
    const walk = (value: unknown) => {
      if (value && typeof value === "object") {
        if ("vi" in value && "en" in value) texts.push(value);
        Object.values(value).forEach(walk);
      }
    };
    TEMPLATES.forEach(walk);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts as { vi: string; en: string }[]) {
      expect(text.vi.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
    }
  });
});
