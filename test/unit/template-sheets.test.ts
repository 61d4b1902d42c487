/**
 * Templates written into the preview workbook (HyperFormula with the HT functions), read back as
 * a person would read the sheet: key values, and no error value anywhere in a fresh template.
 */
import { DetailedCellError } from "hyperformula";
import { PreviewBook } from "../../src/preview/book";
import { previewWorkbook } from "../../src/preview/workbook";
import { columnName } from "../../src/sheet/cell-plan";
import { CONTRACT } from "../../src/templates/contract";
import type { Inputs, TemplateDecl } from "../../src/templates/model";
import type { Lang } from "../../src/i18n/lang";
import { NORM_SHEET } from "../../src/templates/norm-sheet";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { PRICE_PLAN } from "../../src/templates/price-plan";
import { renderTemplate } from "../../src/templates/render";
import { defaultInputs, validateInputs } from "../../src/templates/validate";
import {
  CONTRACT_TWO_GRADES,
  NORM_BASKETS,
  PLAN_1961_65,
  PLAN_COOPERATIVE,
  PRICE_PLAN_BASKETS,
} from "../fixtures/samples";

interface Written {
  /** The value of the cell whose label (in column A or B) is `label`, `offset` columns to the right of it. */
  readonly values: (string | number | boolean | null | DetailedCellError)[][];
  readonly errors: string[];
}

async function write(template: TemplateDecl, inputs: Inputs, lang: Lang): Promise<Written> {
  expect(validateInputs(template, inputs)).toEqual([]);
  const book = new PreviewBook("Sheet1");
  const port = previewWorkbook(book);
  const plan = renderTemplate(template, inputs, lang);
  const outcome = await port.insert(plan, { template: template.id, lang, inputs }, { kind: "newSheet" });
  expect(outcome.ok).toBe(true);
  const values = book.hf.getSheetValues(1) as Written["values"];
  const errors: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof DetailedCellError) errors.push(`${columnName(c)}${r + 1} ${v.value} ${v.message}`);
    }),
  );
  return { values, errors };
}

/** A template's fresh form with only its required fields filled. */
function bare(template: TemplateDecl, fields: Inputs["fields"]): Inputs {
  const fresh = defaultInputs(template, "vi");
  return { ...fresh, fields: { ...fresh.fields, ...fields } };
}

describe.each([
  ["bare price plan", PRICE_PLAN, bare(PRICE_PLAN, { unit: "HTX", product: "Làn", productUom: "chiếc", outputQty: 1 })],
  ["bare norm sheet", NORM_SHEET, bare(NORM_SHEET, { unit: "HTX", period: "1974" })],
  ["plan 1961–65", PLAN_TARGETS, PLAN_1961_65],
  ["cooperative plan", PLAN_TARGETS, PLAN_COOPERATIVE],
  ["contract", CONTRACT, CONTRACT_TWO_GRADES],
  ["price plan", PRICE_PLAN, PRICE_PLAN_BASKETS],
  ["norm sheet", NORM_SHEET, NORM_BASKETS],
] as const)("a freshly written %s", (_name, template, inputs) => {
  test.each(["vi", "en"] as const)("shows no error value in any cell (%s)", async (lang) => {
    const { errors } = await write(template, inputs, lang);
    expect(errors).toEqual([]);
  });
});

type Cell = Written["values"][number][number];

/** The row and column of the first cell that reads `text`. */
function where(values: Written["values"], text: string): { row: number; col: number } {
  for (let row = 0; row < values.length; row++) {
    const col = (values[row] ?? []).findIndex((v) => v === text);
    if (col >= 0) return { row, col };
  }
  throw new Error(`no cell reads ${text}`);
}
const at = (values: Written["values"], row: number, col: number): Cell => values[row]?.[col] ?? null;

describe("the seed-001 five-year plan, year by year", () => {
  test("reads 1960 to 1965 with 1,458 growing to 2,761 at 13.6 % a year (tolerance 1e-9 on values)", async () => {
    const { values } = await write(PLAN_TARGETS, PLAN_1961_65, "vi");
    const year = where(values, "Năm");
    const years = [0, 1, 2, 3, 4, 5].map((k) => at(values, year.row + 1 + k, year.col));
    expect(years).toEqual([1960, 1961, 1962, 1963, 1964, 1965]);
    const planned = years.map((_, k) => at(values, year.row + 1 + k, year.col + 1) as number);
    expect(planned[0]).toBeCloseTo(1458, 9);
    expect(planned[5]).toBeCloseTo(2761, 9);
    for (let k = 1; k <= 5; k++) {
      const growth = at(values, year.row + 1 + k, year.col + 2) as number;
      expect(growth).toBeCloseTo(planned[k] / planned[k - 1] - 1, 12);
      expect(growth).toBeCloseTo(0.13622, 5);
    }
    // The base year has no year before it: blank, not an error.
    expect(at(values, year.row + 1, year.col + 2)).toBeNull();
    expect(at(values, year.row + 6, year.col + 3) as number).toBeCloseTo(2761 / 1458, 12);
  });

  test("a fresh plan shows blank quality indicators until actuals are entered, not #DIV/0!", async () => {
    const { values } = await write(PLAN_TARGETS, PLAN_COOPERATIVE, "vi");
    const header = where(values, "Hệ số phẩm cấp BQ");
    expect(at(values, header.row + 1, header.col)).toBe("");
    expect(at(values, header.row + 2, header.col)).toBe("");
    expect(at(values, header.row + 1, header.col + 1)).toBe("");
  });

  test("workers needed are whole workers, rounded up: 22,500 hours at 2,400 a worker need 10", async () => {
    const { values } = await write(PLAN_TARGETS, PLAN_COOPERATIVE, "en");
    const header = where(values, "Workers needed");
    expect(at(values, header.row + 1, header.col)).toBe(10);
    expect(at(values, header.row + 2, header.col)).toBe(5);
    // The total is rounded up once from the total hours (34,500 h), not summed from rounded rows.
    expect(at(values, header.row + 3, header.col)).toBe(15);
  });
});

describe("the contract", () => {
  test("states its total in words by HT.INWORDS of the total, in the sheet's language", async () => {
    for (const [lang, label, words] of [
      ["vi", "Bằng chữ:", "Năm mươi ba nghìn năm trăm chín mươi hai đồng"],
      ["en", "In words:", "Fifty-three thousand five hundred ninety-two dong"],
    ] as const) {
      const { values } = await write(CONTRACT, CONTRACT_TWO_GRADES, lang);
      const cell = where(values, label);
      // Processing: fee 46.2 a unit (DOMAIN.md), second grade at 0.8: 1,000 × 46.2 + 200 × 36.96.
      expect(at(values, cell.row - 1, 2) as number).toBeCloseTo(53_592, 9);
      expect(at(values, cell.row, 2)).toBe(words);
    }
  });

  test("names both parties in full and lists the articles in the usual order", async () => {
    const { values } = await write(CONTRACT, CONTRACT_TWO_GRADES, "vi");
    const text = values.flat().filter((v): v is string => typeof v === "string");
    for (const part of [
      "0100107518",
      "0500234567-001",
      "710A-00012 tại Ngân hàng Ngoại thương Việt Nam",
      "Trần Thị B — Chức vụ: Chủ nhiệm",
    ])
      expect(text).toContain(part);
    const articles = text.filter((t) => /^Điều \d+\./.test(t)).map((t) => Number(/^Điều (\d+)/.exec(t)![1]));
    expect(articles).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(text).toContain("ĐẠI DIỆN BÊN A");
    expect(text).toContain("ĐẠI DIỆN BÊN B");
    expect(text.filter((t) => t === "(Ký, họ tên, đóng dấu)")).toHaveLength(2);
    expect(text.some((t) => t.startsWith("- Căn cứ Luật Thương mại"))).toBe(true);
  });

  test("a civil contract drops the Commercial Law basis and its 8 % cap clause", async () => {
    const civil = {
      ...CONTRACT_TWO_GRADES,
      fields: { ...CONTRACT_TWO_GRADES.fields, kind: "civil", latePenaltyCap: 0.12 },
    };
    const { values } = await write(CONTRACT, civil, "vi");
    const text = values.flat().filter((v): v is string => typeof v === "string");
    expect(text.some((t) => t.startsWith("- Căn cứ Luật Thương mại"))).toBe(false);
    expect(text.some((t) => t.includes("Điều 418 Bộ luật Dân sự"))).toBe(true);
  });
});

describe("the price plan", () => {
  test("lists every line of DOMAIN.md's cost table", async () => {
    const { values } = await write(PRICE_PLAN, PRICE_PLAN_BASKETS, "vi");
    for (const line of [
      "Chi phí sản xuất",
      "Chi phí nguyên liệu, vật liệu trực tiếp",
      "Chi phí nhân công trực tiếp",
      "Chi phí sản xuất chung",
      "Tổng chi phí sản xuất",
      "Chi phí bán hàng",
      "Chi phí quản lý doanh nghiệp",
      "Chi phí tài chính",
      "Giá thành toàn bộ",
      "Trừ: chi phí phân bổ cho sản phẩm phụ (nếu có)",
      "Giá thành toàn bộ 01 đơn vị sản phẩm",
      "Lợi nhuận dự kiến (tỷ lệ trên giá thành toàn bộ)",
      "Giá bán chưa thuế",
      "Thuế tiêu thụ đặc biệt (nếu có)",
      "Thuế giá trị gia tăng (nếu có)",
      "Giá bán (đã có thuế)",
      "GIẢI TRÌNH CHI TIẾT CÁCH TÍNH CÁC KHOẢN CHI PHÍ",
    ])
      expect(() => where(values, line)).not.toThrow();
    const header = where(values, "Thành tiền");
    for (const heading of ["Đơn vị tính", "Số lượng", "Đơn giá"]) expect(values[header.row]).toContain(heading);
  });

  test("computes full cost 105,000 a unit and the price 127,050 with 10 % profit and 10 % VAT (tolerance 1e-6)", async () => {
    const { values } = await write(PRICE_PLAN, PRICE_PLAN_BASKETS, "en");
    const amount = where(values, "Amount").col;
    const perUnit = where(values, "Per unit").col;
    const row = (label: string) => where(values, label).row;
    expect(at(values, row("Total production cost"), amount) as number).toBeCloseTo(100_000_000, 6);
    expect(at(values, row("Full cost"), amount) as number).toBeCloseTo(106_000_000, 6);
    expect(at(values, row("Full cost per unit"), perUnit) as number).toBeCloseTo(105_000, 6);
    expect(at(values, row("Price before tax"), perUnit) as number).toBeCloseTo(115_500, 6);
    expect(at(values, row("Excise tax (if any)"), amount) as number).toBeCloseTo(0, 6);
    expect(at(values, row("Price (taxes included)"), perUnit) as number).toBeCloseTo(127_050, 6);
  });
});

describe("the norm-setting sheet", () => {
  test("gives DOMAIN.md's progressive average 9.5, checks it against the state norm, and revises the piece rate", async () => {
    const { values } = await write(NORM_SHEET, NORM_BASKETS, "vi");
    // The "half" method's column is the directive's "mức trung bình tiên tiến" (seed 003 §III.3).
    const progressive = where(values, "Mức trung bình tiên tiến").col;
    const time = where(values, "Đan làn mây").row;
    expect(at(values, time, progressive) as number).toBeCloseTo(9.5, 12);
    expect(at(values, time, progressive + 2)).toBe("Đạt");
    const output = where(values, "Chẻ nan tre").row;
    // Outputs 20, 22, 25, 24, 21: mean 22.4, advanced 25 and 24 (24.5), half-way 23.45.
    expect(at(values, output, progressive) as number).toBeCloseTo(23.45, 12);
    const oldRate = where(values, "Đơn giá cũ").col;
    expect(at(values, output, oldRate) as number).toBeCloseTo(3000, 9);
    expect(at(values, output, oldRate + 1) as number).toBeCloseTo((3000 * 20 + 0.5 * 3000 * 3.45) / 23.45, 9);
  });
});
