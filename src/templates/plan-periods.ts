/**
 * How the plan targets follow the plan year by period (báo cáo tình hình thực hiện kế hoạch):
 * the form's choice of year only, quarters or months; the year's target split evenly or typed per
 * period; and the period tables of the sheet, one row per product (or material) and period, with
 * yellow cells for the period's actuals and last year's. Data for the one renderer.
 */
import type { Block, Column, Field, Inputs, Issue, TableDecl, WhenField } from "./model";
import { PERIOD_COUNTS, type PeriodKind } from "./periods";

export const BY_PERIOD: WhenField = { field: "periods", is: ["quarter", "month"] };
const TYPED: WhenField = { field: "periodSplit", is: ["typed"] };

export const PERIOD_FIELDS: readonly Field[] = [
  {
    key: "periods",
    type: "choice",
    default: "year",
    label: { vi: "Theo dõi thực hiện", en: "Actuals followed by" },
    options: [
      { value: "year", label: { vi: "Cả năm", en: "Year only" } },
      { value: "quarter", label: { vi: "Theo quý", en: "Quarter" } },
      { value: "month", label: { vi: "Theo tháng", en: "Month" } },
    ],
  },
  {
    key: "periodSplit",
    type: "choice",
    default: "even",
    label: { vi: "Kế hoạch từng kỳ", en: "Plan per period" },
    options: [
      { value: "even", label: { vi: "Chia đều kế hoạch năm", en: "The year's plan split evenly" } },
      { value: "typed", label: { vi: "Nhập từng kỳ (bảng dưới)", en: "Typed per period (table below)" } },
    ],
  },
];

export const PERIOD_PLAN_TABLE: TableDecl = {
  key: "periodPlans",
  label: { vi: "Kế hoạch từng kỳ (khi nhập từng kỳ)", en: "Plan per period (when typed)" },
  minRows: 0,
  maxRows: 60000,
  rowKey: ["product", "period"],
  columns: [
    {
      key: "product",
      type: "ref",
      table: "products",
      column: "name",
      required: true,
      label: { vi: "Sản phẩm", en: "Product" },
    },
    {
      key: "period",
      type: "number",
      integer: true,
      required: true,
      min: 1,
      max: 12,
      label: { vi: "Kỳ (quý 1–4, tháng 1–12)", en: "Period (quarter 1–4, month 1–12)" },
    },
    { key: "qty", type: "number", required: true, min: 0, label: { vi: "SL kế hoạch kỳ", en: "Period plan qty" } },
  ],
};

/** Typed plans: every product has each period once, no period past the year's, and they add up to the year. */
export function typedPlansAddUp(inputs: Inputs): Issue[] {
  const kind = inputs.fields.periods;
  if ((kind !== "quarter" && kind !== "month") || inputs.fields.periodSplit !== "typed") return [];
  const count = PERIOD_COUNTS[kind];
  const issues: Issue[] = [];
  const sums = new Map<string, { sum: number; periods: Set<number> }>();
  (inputs.tables.periodPlans ?? []).forEach((row, i) => {
    const key = String(row.product ?? "")
      .trim()
      .toLowerCase();
    const period = Number(row.period);
    const seen = sums.get(key) ?? { sum: 0, periods: new Set<number>() };
    sums.set(key, seen);
    if (period > count) {
      issues.push({
        path: `periodPlans[${i}].period`,
        message: { vi: `Năm chỉ có ${count} kỳ.`, en: `The year has ${count} periods.` },
      });
    } else if (seen.periods.has(period)) {
      issues.push({
        path: `periodPlans[${i}].period`,
        message: { vi: "Kỳ này của sản phẩm đã nhập ở dòng trên.", en: "This product's period is already above." },
      });
    }
    seen.periods.add(period);
    seen.sum += Number(row.qty ?? 0);
  });
  (inputs.tables.products ?? []).forEach((product, i) => {
    const seen = sums.get(
      String(product.name ?? "")
        .trim()
        .toLowerCase(),
    );
    const plan = Number(product.planQty ?? 0);
    const missing = count - [...(seen?.periods ?? [])].filter((p) => p <= count).length;
    // Quantities typed with a few decimals: a difference under a millionth of the plan is rounding.
    const off = Math.abs((seen?.sum ?? 0) - plan) > 1e-6 * Math.max(1, Math.abs(plan));
    if (missing > 0 || off) {
      issues.push({
        path: `products[${i}].planQty`,
        message: {
          vi: `Kế hoạch từng kỳ cần đủ ${count} kỳ, cộng lại bằng kế hoạch năm (${plan}).`,
          en: `The plan per period needs all ${count} periods, adding up to the year's plan (${plan}).`,
        },
      });
    }
  });
  return issues;
}

const PERIOD_HEADER: Record<Exclude<PeriodKind, "year">, { vi: string; en: string }> = {
  quarter: { vi: "Quý", en: "Quarter" },
  month: { vi: "Tháng", en: "Month" },
};

const BY: Record<Exclude<PeriodKind, "year">, { vi: string; en: string }> = {
  quarter: { vi: "theo quý", en: "by quarter" },
  month: { vi: "theo tháng", en: "by month" },
};

/** The block keys of the period tables: the report reads them. */
export const PERIOD_BLOCK = { quarter: "quarters", month: "months" } as const;
export const MATERIAL_PERIOD_BLOCK = { quarter: "materialQuarters", month: "materialMonths" } as const;

function productPeriods(kind: Exclude<PeriodKind, "year">): Block {
  const count = PERIOD_COUNTS[kind];
  const columns: Column[] = [
    { key: "no", counter: true, header: { vi: "STT", en: "No." } },
    { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
    { key: "period", input: "period", header: PERIOD_HEADER[kind], format: "integer" },
    {
      key: "planQty",
      input: "periodPlan",
      otherwise: `={products.planQty:parent}/${count}`,
      header: { vi: "SL kế hoạch kỳ", en: "Period plan qty" },
      format: "decimal",
    },
    { key: "actualQty", entry: true, header: { vi: "SL thực hiện", en: "Actual qty" }, format: "decimal" },
    {
      key: "lastYearQty",
      entry: true,
      header: { vi: "SL cùng kỳ năm trước", en: "Same period last year" },
      format: "decimal",
    },
    {
      key: "planValue",
      header: { vi: "GT kế hoạch kỳ", en: "Period plan value" },
      formula: "={planQty}*{products.price:parent}",
      format: "amount",
    },
    {
      key: "actualValue",
      header: { vi: "GT thực hiện", en: "Actual value" },
      formula: '=IF({actualQty}="","",{actualQty}*{products.price:parent})',
      format: "amount",
    },
    {
      key: "fulfil",
      header: { vi: "% hoàn thành KH kỳ", en: "% of period plan" },
      formula: '=IF(OR({actualQty}="",N({planQty})=0),"",{actualQty}/{planQty})',
      format: "percent",
    },
    { key: "hoursWorked", entry: true, header: { vi: "Giờ làm thực tế", en: "Hours worked" }, format: "integer" },
    { key: "first", entry: true, header: { vi: "SL chính phẩm", en: "First grade qty" }, format: "decimal" },
    { key: "second", entry: true, header: { vi: "SL thứ phẩm", en: "Second grade qty" }, format: "decimal" },
    { key: "reject", entry: true, header: { vi: "SL phế phẩm", en: "Reject qty" }, format: "decimal" },
  ];
  return {
    kind: "table",
    key: PERIOD_BLOCK[kind],
    when: { field: "periods", is: [kind] },
    source: {
      periods: {
        of: "products",
        count,
        plans: { table: "periodPlans", ref: "product", name: "name", qty: "qty", when: TYPED },
      },
    },
    title: {
      vi: `7. Thực hiện ${BY[kind].vi} (số lượng, giờ công, phẩm cấp)`,
      en: `7. Actuals ${BY[kind].en} (quantity, hours, grades)`,
    },
    columns,
  };
}

function materialPeriods(kind: Exclude<PeriodKind, "year">): Block {
  return {
    kind: "table",
    key: MATERIAL_PERIOD_BLOCK[kind],
    when: { field: "periods", is: [kind] },
    source: { periods: { of: "materials", count: PERIOD_COUNTS[kind] } },
    title: { vi: `8. Vật tư thực dùng ${BY[kind].vi}`, en: `8. Materials used ${BY[kind].en}` },
    columns: [
      { key: "no", counter: true, header: { vi: "STT", en: "No." } },
      { key: "product", input: "product", header: { vi: "Sản phẩm", en: "Product" } },
      { key: "material", input: "material", header: { vi: "Vật tư", en: "Material" } },
      { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
      { key: "period", input: "period", header: PERIOD_HEADER[kind], format: "integer" },
      { key: "norm", input: "norm", header: { vi: "Định mức/đv", en: "Norm/unit" }, format: "decimal" },
      { key: "actualUsed", entry: true, header: { vi: "Thực dùng", en: "Actually used" }, format: "decimal" },
    ],
  };
}

/** The period tables, each written only for its way of following the plan. */
export const PERIOD_BLOCKS: readonly Block[] = [
  productPeriods("quarter"),
  productPeriods("month"),
  materialPeriods("quarter"),
  materialPeriods("month"),
];
