import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DECLARATIONS, type FunctionDeclaration } from "../../src/core/declarations";
import { CATALOG, REGISTRATIONS } from "../../src/core/catalog";
import { declaredParams } from "../../src/core/elementwise";
import * as functions from "../../src/functions/functions";
import { FILE as FUNCTIONS_FILE, functionsSource } from "../../scripts/functions-source";
import { loadDeclarations } from "../../scripts/declarations";
import { localizeMetadata } from "../../scripts/functions-l10n";

const ROOT = join(__dirname, "..", "..");

async function metadataOf(file: string) {
  const generated = await generateCustomFunctionsMetadata([file], true);
  expect(generated.errors).toEqual([]);
  return JSON.parse(generated.metadataJson);
}

describe("one declaration per function (src/core/declarations.ts)", () => {
  test("functions.ts is exactly what scripts/functions-source.js writes from the declarations (npm run functions)", () => {
    expect(readFileSync(FUNCTIONS_FILE, "utf8")).toBe(functionsSource(DECLARATIONS));
  });

  test("the build scripts read the same declarations as the TypeScript code", () => {
    expect(loadDeclarations()).toEqual(DECLARATIONS);
  });

  test("the metadata custom-functions-metadata makes of functions.ts agrees with the declarations", async () => {
    const metadata = await metadataOf(join(ROOT, "src/functions/functions.ts"));
    expect(localizeMetadata(metadata, DECLARATIONS).problems).toEqual([]);
  });

  test("any drift between the metadata and the declarations is reported: help, parameters, functions", async () => {
    const metadata = await metadataOf(join(ROOT, "src/functions/functions.ts"));
    const drifted: FunctionDeclaration[] = DECLARATIONS.map((d) =>
      d.id === "PIECERATE"
        ? {
            ...d,
            help: { ...d.help, en: `${d.help.en} Changed.` },
            params: [
              { ...d.params[0], name: "wage" },
              { ...d.params[1], default: 1 },
            ],
          }
        : d,
    );
    expect(localizeMetadata(metadata, drifted).problems).toEqual([
      "PIECERATE: description differs from the declaration",
      "PIECERATE: parameter 1 is wage_per_period, declared wage",
      "PIECERATE.output_norm_per_period: optional differs from the declaration",
      "DONGIALUONGSP: description differs from the declaration",
      "DONGIALUONGSP: parameter 1 is wage_per_period, declared wage",
      "DONGIALUONGSP.output_norm_per_period: optional differs from the declaration",
    ]);
    const fewer = localizeMetadata(metadata, DECLARATIONS.slice(1)).problems;
    expect(fewer[0]).toMatch(/^functions\.json lists COSTPRICE, .*; declared: PRICEBUILDUP, /);
  });

  test("every declared function has its calculation, and the catalog holds nothing else", () => {
    expect(CATALOG.map((e) => e.id)).toEqual(DECLARATIONS.map((d) => d.id));
    for (const entry of CATALOG) expect(typeof entry.impl).toBe("function");
  });

  test("Excel registers every id and every Vietnamese name, each once, each a generated wrapper", () => {
    const ids = REGISTRATIONS.map((r) => r.id);
    expect(new Set(ids).size).toBe(2 * DECLARATIONS.length);
    for (const { id, entry } of REGISTRATIONS) {
      const wrapper = (functions as Record<string, unknown>)[id] as (...a: unknown[]) => unknown;
      expect(typeof wrapper).toBe("function");
      expect(wrapper.length).toBe(entry.params.length);
      expect(id).toMatch(/^[A-Z][A-Z0-9]{2,}$/);
    }
  });

  test("optional parameters carry a default and come last; options list their words; help states the default", () => {
    for (const d of DECLARATIONS) {
      const firstOptional = d.params.findIndex((p) => p.default !== undefined);
      if (firstOptional >= 0) expect(d.params.slice(firstOptional).every((p) => p.default !== undefined)).toBe(true);
      for (const p of d.params) {
        expect(p.help.en.length).toBeGreaterThan(10);
        expect(p.help.vi.length).toBeGreaterThan(10);
        expect(p.help.vi).not.toBe(p.help.en);
        if (p.kind === "number") expect(p.domain).toBeDefined();
        if (p.kind === "option") {
          expect(p.options).toContain(p.default);
          for (const word of p.options!) expect(p.help.en).toContain(`"${word}"`);
        }
        if (p.kind === "number" && p.default !== undefined) expect(p.help.en).toContain(`Default ${p.default}`);
      }
    }
  });

  test("the core reads its numeric parameters from the declarations: every rate is a fraction in [-1, 1]", () => {
    const rates = DECLARATIONS.flatMap((d) =>
      d.params.filter((p) => p.name.endsWith("_rate") && p.name !== "old_rate"),
    );
    expect(rates.map((p) => p.domain)).toEqual(rates.map(() => "rate"));
    expect(declaredParams("COSTPRICE")).toEqual([
      { name: "material", domain: "nonNegative" },
      { name: "labour", domain: "nonNegative" },
      { name: "overhead", domain: "nonNegative", fallback: 0 },
      { name: "profit_rate", domain: "rate", fallback: 0 },
      { name: "accumulation_rate", domain: "rate", fallback: 0 },
      { name: "welfare_rate", domain: "rate", fallback: 0 },
      { name: "supplied_material", domain: "nonNegative", fallback: 0 },
    ]);
  });
});
