/**
 * What Excel the add-in needs, checked against what the source uses: every Office.js member in
 * src/ is read with the TypeScript compiler, its requirement set taken from the `[Api set: …]`
 * tags of @types/office-js and @types/custom-functions-runtime (test/support/api-sets.ts), and
 * every use above the manifest's minimum must sit behind an isSetSupported check for its set.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import {
  compareVersions,
  manifestSets,
  officeUses,
  typeScriptFiles,
  unguarded,
  type Correction,
  type Use,
} from "../support/api-sets";

const ROOT = join(__dirname, "..", "..");
const minimum = manifestSets(readFileSync(join(ROOT, "manifest.xml"), "utf8"));

/**
 * The hosts that run SharedRuntime 1.1, with the highest ExcelApi and CustomFunctionsRuntime each
 * is sure to have, from Microsoft's requirement-set tables (learn.microsoft.com/javascript/api/
 * requirement-sets: common/shared-runtime-requirement-sets, excel/excel-api-requirement-sets,
 * excel/custom-functions-requirement-sets). The manifest may ask no more, or it would exclude one.
 */
const SHARED_RUNTIME_HOSTS = [
  // SharedRuntime 1.1 from Version 2002 (Build 12527.20092); ExcelApi 1.11 only from Build
  // 12527.20470 of the same version; CustomFunctionsRuntime 1.3 only from Version 2008.
  { host: "Excel on Windows (Microsoft 365, retail), Version 2002", ExcelApi: "1.10", CustomFunctionsRuntime: "1.2" },
  // Excel 2021 (volume-licensed): Version 2108, ExcelApi 1.14, CustomFunctionsRuntime 1.3.
  { host: "Excel 2021 volume-licensed, Version 2108", ExcelApi: "1.14", CustomFunctionsRuntime: "1.3" },
  // SharedRuntime 1.1 from 16.35; ExcelApi 1.11 from 16.33, 1.12 from 16.40; CustomFunctionsRuntime
  // 1.2 from 16.34, 1.3 from 16.40.
  { host: "Excel on Mac 16.35", ExcelApi: "1.11", CustomFunctionsRuntime: "1.2" },
  // Excel on the web has every numbered set; Excel on iPad has no shared runtime at all. Retail
  // perpetual Excel between Version 2002 and 2310 has the shared runtime but no custom functions
  // (CustomFunctionsRuntime 1.1 to 1.3 from Version 2311 there): the HT functions, and the
  // templates' formulas that call them, cannot work there, so it is not a host to keep.
  { host: "Excel on the web", ExcelApi: "1.20", CustomFunctionsRuntime: "1.4" },
] as const;

/**
 * Where a tag says less than Microsoft documents. The typings tag every CustomFunctions.ErrorCode
 * member 1.3, but these five codes are CustomFunctions.Error's since it came with
 * CustomFunctionsRuntime 1.2: the error article listed them before the 1.3 update, which added
 * #NAME? and #REF! (as inputs only; OfficeDev/office-js-docs-pr pull request 2203, and the
 * requirement-set history: "1.3 adds … new ErrorCode options"). #NAME? and #REF! stay 1.3.
 */
const CORRECTIONS: Record<string, Correction> = Object.fromEntries(
  ["invalidValue", "notAvailable", "divisionByZero", "invalidNumber", "nullReference"].map((code) => [
    `CustomFunctions.ErrorCode.${code}`,
    {
      set: { name: "CustomFunctionsRuntime", version: "1.2" },
      why: "an output code of CustomFunctions.Error since CustomFunctionsRuntime 1.2",
    },
  ]),
);

/** Cases the check must call right and wrong, compiled in the same program as src/. */
const CASES = `
export async function unguarded(context: Excel.RequestContext) {
  const application = context.workbook.application;
  application.load("decimalSeparator");
  return application.useSystemSeparators;
}
export async function guardedByIf(context: Excel.RequestContext) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.11")) context.workbook.application.load("decimalSeparator");
}
export async function guardedByEarlyReturn(context: Excel.RequestContext, supports: (s: string, v: string) => boolean) {
  if (!supports("ExcelApi", "1.11")) return undefined;
  return await Promise.resolve().then(() => context.workbook.application.cultureInfo);
}
export function guardTooLow(context: Excel.RequestContext) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) return context.workbook.application.cultureInfo;
  return undefined;
}
export function inTheElseBranch(context: Excel.RequestContext) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.11")) return undefined;
  else return context.workbook.application.cultureInfo;
}
export function objectLiteral(range: Excel.Range) {
  range.format.protection.formulaHidden = true;
  range.getCell(0, 0).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  range.worksheet.autoFilter.apply(range, 0, { criterion1: ">1" });
}
export type OnlyAType = Excel.Slicer;
`;

let uses: Use[];
let cases: Use[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "api-sets-"));
  try {
    const file = join(dir, "cases.ts");
    writeFileSync(file, CASES);
    const all = officeUses(ROOT, [...typeScriptFiles(join(ROOT, "src")), file], CORRECTIONS);
    uses = all.filter((use) => use.file.startsWith("src"));
    cases = all.filter((use) => use.file === relative(ROOT, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

const at = (fn: string) => {
  const lines = CASES.split("\n");
  const start = lines.findIndex((line) => line.includes(`function ${fn}(`)) + 1;
  const end = lines.findIndex((line, i) => i >= start && line.startsWith("}")) + 1;
  return (use: Use) => use.line >= start && use.line <= end;
};

describe("the Office.js requirement sets the source uses", () => {
  test("the manifest states its minimum ExcelApi, CustomFunctionsRuntime and SharedRuntime", () => {
    expect([...minimum.keys()].sort()).toEqual(["CustomFunctionsRuntime", "ExcelApi", "SharedRuntime"]);
    expect(minimum.get("SharedRuntime")).toBe("1.1");
  });

  test("no host that runs the shared runtime is excluded by the manifest's minimum", () => {
    for (const host of SHARED_RUNTIME_HOSTS) {
      expect([host.host, compareVersions(minimum.get("ExcelApi")!, host.ExcelApi) <= 0]).toEqual([host.host, true]);
      expect([
        host.host,
        compareVersions(minimum.get("CustomFunctionsRuntime")!, host.CustomFunctionsRuntime) <= 0,
      ]).toEqual([host.host, true]);
    }
  });

  test("every use above the manifest's minimum is behind isSetSupported for its set (the table of sets used is printed)", () => {
    const bySet = new Map<string, Map<string, Use>>();
    for (const use of uses) {
      const set = use.set ? `${use.set.name} ${use.set.version}` : "(no tag: Common API or ExcelApi 1.1)";
      if (!bySet.has(set)) bySet.set(set, new Map());
      bySet.get(set)!.set(use.member, use);
    }
    const order = [...bySet.keys()].sort((a, b) => {
      const [an, av] = a.split(" ");
      const [bn, bv] = b.split(" ");
      return an.localeCompare(bn) || (/^\d/.test(av) && /^\d/.test(bv) ? compareVersions(av, bv) : 0);
    });
    const table = order.map((set) => {
      const members = [...bySet.get(set)!.values()].map(
        (u) => `${u.member}${u.guard ? ` (if ${u.guard.name} ${u.guard.version})` : ""}`,
      );
      return `${set.padEnd(28)} ${members.length} members: ${members.sort().join(", ")}`;
    });
    console.log(
      `Office.js requirement sets used by src/ (manifest: ${[...minimum].map(([n, v]) => `${n} ${v}`).join(", ")}):\n${table.join("\n")}`,
    );
    const above = unguarded(uses, minimum).map(
      (u) => `${u.file}:${u.line} ${u.member} needs ${u.set!.name} ${u.set!.version}`,
    );
    expect(above).toEqual([]);
    // The manifest's minimum is what the unguarded code needs: not less (checked above), and not more.
    for (const [name, version] of minimum) {
      if (name === "SharedRuntime") continue;
      const needed = uses
        .filter((u) => u.set?.name === name && !u.guard)
        .map((u) => u.set!.version)
        .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), "1.1");
      expect(`${name} ${needed}`).toBe(`${name} ${version}`);
    }
  });

  test("the check sees members read, written, loaded by name and handed in object literals", () => {
    const members = new Set(uses.map((u) => u.member));
    for (const member of [
      "Excel.Worksheet.copy",
      "Excel.Range.copyFrom",
      "Excel.PageLayout.setPrintTitleRows",
      "Excel.DataValidationRule.list",
      "Excel.PageLayoutZoomOptions.horizontalFitToPages",
      "Excel.Application.useSystemSeparators",
      "Excel.WorksheetCollection.onChanged",
      "CustomFunctions.Error",
    ])
      expect([member, members.has(member)]).toEqual([member, true]);
    // Worksheet.visibility is 1.1 to read (the compatibility copy) and 1.2 to set (the state sheet).
    const visibility = uses.filter((u) => u.member === "Excel.Worksheet.visibility");
    expect(visibility.find((u) => u.file.endsWith("state-store.ts"))?.set).toEqual({
      name: "ExcelApi",
      version: "1.2",
    });
    expect(visibility.find((u) => u.file.endsWith("compat-copy.ts"))?.set).toEqual({
      name: "ExcelApi",
      version: "1.1",
    });
  });

  test("the functions return only error codes of CustomFunctionsRuntime 1.2, as the manifest asks", () => {
    const codes = uses.filter((u) => u.member.startsWith("CustomFunctions.ErrorCode."));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes)
      expect([code.member, code.set]).toEqual([code.member, { name: "CustomFunctionsRuntime", version: "1.2" }]);
  });
});

describe("the requirement-set check itself", () => {
  const flagged = (fn: string) =>
    unguarded(cases.filter(at(fn)), minimum).map((u) => `${u.member} ${u.set!.name} ${u.set!.version}`);

  test("flags unguarded uses above the minimum, read or loaded by name", () => {
    expect(flagged("unguarded")).toEqual([
      "Excel.Application.decimalSeparator ExcelApi 1.11",
      "Excel.Application.useSystemSeparators ExcelApi 1.11",
    ]);
  });

  test("reads the properties of an object literal handed to Office.js, and enum members", () => {
    const seen = cases.filter(at("objectLiteral")).map((u) => `${u.member} ${u.set?.name} ${u.set?.version}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "Excel.FilterCriteria.criterion1 ExcelApi 1.2",
        "Excel.AutoFilter.apply ExcelApi 1.9",
        "Excel.ConditionalFormatType.custom ExcelApi 1.6",
        "Excel.FormatProtection.formulaHidden ExcelApi 1.2",
      ]),
    );
  });

  test("accepts uses in an if, after an early return, at the guard's version or below", () => {
    expect(flagged("guardedByIf")).toEqual([]);
    expect(flagged("guardedByEarlyReturn")).toEqual([]);
  });

  test("refuses a guard for a lower version, and the else branch of a guard", () => {
    expect(flagged("guardTooLow")).toEqual(["Excel.Application.cultureInfo ExcelApi 1.11"]);
    expect(flagged("inTheElseBranch")).toEqual(["Excel.Application.cultureInfo ExcelApi 1.11"]);
  });

  test("a type alone needs nothing at run time", () => {
    expect(cases.some((u) => u.member.startsWith("Excel.Slicer"))).toBe(false);
  });
});
