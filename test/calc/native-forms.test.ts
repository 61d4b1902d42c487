/**
 * The oracle for the native forms (src/core/declarations.ts, src/compat): thousands of random
 * argument rows per HT function, each an `=HT.…(…)` formula over its row's cells, translated to
 * native Excel and laid out in one .xlsx; LibreOffice recalculates the whole file in one run and
 * every row's result is compared with the HT function's own (the core). Rows hold blanks, "",
 * zeros, negatives, values outside the domain, text, numbers as text, errors, typed numbers and
 * omitted optional arguments. Numbers agree within 1e-9 relative (1e-12 absolute for results
 * that cancel to nothing, which Calc, like Excel, rounds to 0), blanks stay blank, errors are the
 * same error, and no cell is #NAME?.
 *
 * Booleans are left out of the inputs: Calc has no boolean type (TRUE is the number 1), so it
 * cannot give the #VALUE! Excel and the add-in give for them. In the functions over ranges
 * (GRADEVALUE, GRADECOEF, PROGRESSIVEAVG) a row has at most one faulty cell: with several, the
 * native form reports the kinds of fault in a fixed order where the add-in reports the first
 * cell's (README, "Compatibility copy").
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { convert } from "../../scripts/libreoffice";
import { CATALOG_BY_ID } from "../../src/core/catalog";
import { DECLARATIONS, type FunctionDeclaration, type ParamDeclaration } from "../../src/core/declarations";
import { isCellError, type Arg, type Result, type Scalar } from "../../src/core/cell";
import { translateFormula } from "../../src/compat/translate";

jest.setTimeout(600_000);

const ROWS_PER_FUNCTION = Number(process.env.HT_NATIVE_ROWS ?? 2000);
const RANGE_WIDTH = 5;
const TABLE = [
  ["Loại 1", 1],
  ["Loại 2", 0.85],
  ["Thứ phẩm", 0.6],
  [7, 1.2],
] as const;
const TABLE_REF = "$AA$1:$AB$4";
const GRADES: readonly Scalar[] = ["Loại 1", "loại 2", "THỨ PHẨM", "Thứ phẩm ", 7, "7", "Loại 9", "", null];

type Cell = Scalar;

/** A random number for a parameter, usually inside its domain, sometimes not. */
function numberCell(param: ParamDeclaration, rand: () => number): Cell {
  const r = rand();
  if (r < 0.08) return null;
  if (r < 0.1) return "";
  if (r < 0.16) return 0;
  if (r < 0.19) return param.domain === "rate" ? 5 : param.domain === "unitInterval" ? 1.5 : -Math.round(rand() * 50);
  if (r < 0.2) return "abc";
  if (r < 0.21) return "12.5";
  if (r < 0.22) return { error: "#N/A" };
  if (param.domain === "rate") return Math.round((rand() * 1.4 - 0.4) * 1000) / 1000;
  if (param.domain === "unitInterval") return Math.round(rand() * 100) / 100;
  return rand() < 0.5 ? Math.round(rand() * 1000) : Math.round(rand() * 100000) / 100;
}

function optionCell(param: ParamDeclaration, rand: () => number): Cell {
  const words = [...(param.options ?? []), " HIGHER ", "Advanced", "", null, "sideways"];
  return words[Math.floor(rand() * words.length)];
}

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)];

const columnName = (n: number): string => {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/** How a row passes one argument: a cell, a number or text typed in the formula, or nothing. */
type Passed =
  | { how: "cell"; value: Cell }
  | { how: "range"; values: Cell[] }
  | { how: "typed"; value: number | string }
  | { how: "omitted" };

interface Row {
  readonly args: Passed[];
}

/** The row of a function over ranges: lines of quantities and grades (or observations), and at
 *  most one fault among all its cells and its base price. */
function wholeRow(declaration: FunctionDeclaration, rand: () => number): Row {
  const names = declaration.params.map((p) => p.name);
  const lines: { q: Cell; g: Cell }[] = [];
  const spare = rand() < 0.06;
  for (let j = 0; j < RANGE_WIDTH; j++) {
    const r = spare ? 0 : rand();
    if (r < 0.25) lines.push({ q: null, g: "" });
    else if (r < 0.35) lines.push({ q: null, g: pick(GRADES.slice(0, 6), rand) });
    else lines.push({ q: rand() < 0.1 ? 0 : Math.round(rand() * 10000) / 100, g: pick(GRADES.slice(0, 6), rand) });
  }
  let price: Cell = rand() < 0.1 ? null : Math.round(rand() * 100000) / 100;
  const faults = [
    () => (lines[Math.floor(rand() * RANGE_WIDTH)].q = pick([-3, "abc", { error: "#DIV/0!" }], rand)),
    () => (lines[Math.floor(rand() * RANGE_WIDTH)].g = pick(["Loại 9", { error: "#N/A" }], rand)),
    () => {
      const line = lines[Math.floor(rand() * RANGE_WIDTH)];
      line.q = 5;
      line.g = "";
    },
    () => (price = pick([-5, "abc"], rand)),
  ];
  if (rand() < 0.35) pick(names.includes("base_price") ? faults : faults.slice(0, 3), rand)();
  const args = declaration.params.map((param): Passed => {
    if (param.kind === "table") return { how: "omitted" };
    if (param.kind === "option") return optionArg(param, rand);
    if (param.name === "base_price")
      return typeof price === "number" && rand() < 0.3 ? { how: "typed", value: price } : { how: "cell", value: price };
    if (param.kind === "label") return { how: "range", values: lines.map((l) => l.g) };
    return { how: "range", values: lines.map((l) => l.q) };
  });
  return { args };
}

function optionArg(param: ParamDeclaration, rand: () => number): Passed {
  const r = rand();
  if (r < 0.15 && param.default !== undefined) return { how: "omitted" };
  if (r < 0.55) return { how: "typed", value: pick(param.options ?? [], rand) };
  return { how: "cell", value: optionCell(param, rand) };
}

function rowFor(declaration: FunctionDeclaration, rand: () => number): Row {
  if (declaration.native.kind === "whole") return wholeRow(declaration, rand);
  // A spare row of a table: every number and label blank, the settings as they are.
  const spare = rand() < 0.08;
  const args = declaration.params.map((param): Passed => {
    if (param.kind === "table") return { how: "omitted" };
    if (param.kind === "option") return optionArg(param, rand);
    const value = spare
      ? pick([null, ""], rand)
      : param.kind === "label"
        ? pick(GRADES, rand)
        : numberCell(param, rand);
    const r = rand();
    if (param.default !== undefined && (value === null || value === "") && r < 0.4) return { how: "omitted" };
    if (typeof value === "number" && r < 0.2) return { how: "typed", value };
    if (param.kind === "label" && typeof value === "string" && value !== "" && r < 0.2) return { how: "typed", value };
    return { how: "cell", value };
  });
  return { args };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The HT formula of a row (cells from column B on), and the arguments the core gets. */
function layout(declaration: FunctionDeclaration, row: Row, r: number) {
  let col = 2;
  const cells: [string, Cell][] = [];
  const texts: string[] = [];
  const coreArgs: Arg[] = [];
  declaration.params.forEach((param, k) => {
    const passed = row.args[k];
    if (param.kind === "table") {
      texts.push(k % 2 === 0 ? TABLE_REF : "Grades");
      coreArgs.push(TABLE.map((line) => [...line]));
      return;
    }
    switch (passed.how) {
      case "cell": {
        const at = `${columnName(col++)}${r}`;
        cells.push([at, passed.value]);
        texts.push(at);
        coreArgs.push(passed.value);
        return;
      }
      case "range": {
        const from = `${columnName(col)}${r}`;
        passed.values.forEach((v) => cells.push([`${columnName(col++)}${r}`, v]));
        texts.push(`${from}:${columnName(col - 1)}${r}`);
        coreArgs.push([passed.values]);
        return;
      }
      case "typed":
        texts.push(typeof passed.value === "number" ? String(passed.value) : quote(passed.value));
        coreArgs.push(passed.value);
        return;
      case "omitted":
        texts.push("");
        coreArgs.push(null);
    }
  });
  while (texts.length > 0 && texts[texts.length - 1] === "") {
    texts.pop();
    coreArgs.pop();
  }
  const name = r % 3 === 0 ? declaration.vi : declaration.id;
  return { cells, formula: `=HT.${name}(${texts.join(",")})`, coreArgs, resultColumn: columnName(col + 1) };
}

function expected(declaration: FunctionDeclaration, args: Arg[]): Result {
  const value = CATALOG_BY_ID.get(declaration.id)!.impl(...args);
  if (Array.isArray(value)) return (value as Result[][])[0][0];
  return value as Result;
}

function toWorkbookValue(cell: Cell): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (isCellError(cell)) return { error: cell.error } as ExcelJS.CellErrorValue;
  return cell as ExcelJS.CellValue;
}

function same(want: Result, got: unknown): boolean {
  if (isCellError(want)) return isCellError(got) && got.error === want.error;
  if (want === "") return got === "" || got === null || got === undefined;
  if (typeof want === "number") {
    if (typeof got !== "number") return false;
    const scale = Math.max(Math.abs(want), Math.abs(got));
    return Math.abs(want - got) <= 1e-9 * scale || Math.abs(want - got) <= 1e-12;
  }
  return want === got;
}

/** A small seeded generator (mulberry32): the same rows on every run, another set with HT_SEED. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const describeValue = (v: unknown) => JSON.stringify(v === undefined ? "(empty)" : v);

test("every native form, recalculated by LibreOffice, agrees with the HT function row by row", async () => {
  const functions = DECLARATIONS.filter((d) => d.native.kind !== "valueOnly");
  const book = new ExcelJS.Workbook();
  const plans: { declaration: FunctionDeclaration; rows: { at: string; formula: string; want: Result }[] }[] = [];
  const random = seeded(Number(process.env.HT_SEED ?? 19));
  let arrays = 0;
  for (const declaration of functions) {
    const sheet = book.addWorksheet(declaration.id);
    TABLE.forEach(([label, coef], i) => {
      sheet.getCell(`AA${i + 1}`).value = label;
      sheet.getCell(`AB${i + 1}`).value = coef;
    });
    if (plans.length === 0) book.definedNames.add(`'${declaration.id}'!${TABLE_REF}`, "Grades");
    const rows: { at: string; formula: string; want: Result }[] = [];
    for (let r = 1; r <= ROWS_PER_FUNCTION; r++) {
      const row = rowFor(declaration, random);
      const { cells, formula, coreArgs, resultColumn } = layout(declaration, row, r);
      for (const [at, value] of cells) sheet.getCell(at).value = toWorkbookValue(value);
      const translation = translateFormula(formula, {
        nameShape: (name) => (name === "Grades" ? { rows: 4, cols: 2 } : undefined),
      });
      if (translation.kind !== "native")
        throw new Error(`${formula} was not translated: ${JSON.stringify(translation)}`);
      if (translation.array) arrays++;
      const at = `${resultColumn}${r}`;
      sheet.getCell(at).value = {
        formula: translation.formula.slice(1),
        result: undefined,
      } as ExcelJS.CellFormulaValue;
      sheet.getCell(`A${r}`).value = formula.slice(1);
      rows.push({ at, formula, want: expected(declaration, coreArgs) });
    }
    plans.push({ declaration, rows });
  }
  expect(arrays).toBe(0);
  const dir = mkdtempSync(path.join(tmpdir(), "ht-native-"));
  const file = path.join(dir, "native-forms.xlsx");
  await book.xlsx.writeFile(file);
  const recalculated = convert(file, "xlsx", { recalc: true, outDir: path.join(dir, "out") });
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(recalculated);

  const counts: string[] = [];
  const mismatches: string[] = [];
  let compared = 0;
  for (const { declaration, rows } of plans) {
    const sheet = back.getWorksheet(declaration.id)!;
    const tally = { numbers: 0, blanks: 0, errors: 0, other: 0 };
    for (const { at, formula, want } of rows) {
      const got = sheet.getCell(at).result;
      compared++;
      if (isCellError(want)) tally.errors++;
      else if (want === "") tally.blanks++;
      else if (typeof want === "number") tally.numbers++;
      else tally.other++;
      if (isCellError(got) && got.error === "#NAME?") mismatches.push(`${declaration.id} ${at}: #NAME? for ${formula}`);
      else if (!same(want, got))
        mismatches.push(`${declaration.id} ${at}: ${formula} gave ${describeValue(got)}, HT ${describeValue(want)}`);
    }
    counts.push(
      `${declaration.id.padEnd(17)} ${rows.length} rows: ${tally.numbers} numbers, ${tally.blanks} blanks, ${tally.errors} errors, ${tally.other} other`,
    );
  }
  console.log(`LibreOffice against the HT functions, ${compared} rows compared:\n${counts.join("\n")}`);
  expect(mismatches.slice(0, 30)).toEqual([]);
});
