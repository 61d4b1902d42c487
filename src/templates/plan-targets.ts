/**
 * Plan targets (chỉ tiêu kế hoạch) for a unit and a plan year: products with output value and
 * growth, labour-time norms, the materials balance, quality grades, and blank columns for the
 * actuals with plan fulfilment and the norm-versus-actual indicators.
 */
import type { Inputs, Issue, TemplateDecl } from "./model";

const GROWTH = '=IF(N({baseValue})=0,"",{planValue}/{baseValue}-1)';
const ANNUAL_GROWTH = '=IF(OR(N({baseValue})<=0,Years<=0),"",RRI(Years,{baseValue},{planValue}))';
const PRODUCT_ROW = "MATCH({product},{products.name:all},0)";

function yearsInOrder(inputs: Inputs): Issue[] {
  const { baseYear, planYear } = inputs.fields;
  return typeof baseYear === "number" && typeof planYear === "number" && planYear <= baseYear
    ? [
        {
          path: "planYear",
          message: { vi: "Năm kế hoạch phải sau năm gốc.", en: "The plan year must come after the base year." },
        },
      ]
    : [];
}

function stateSupplyWithinNeed(inputs: Inputs): Issue[] {
  // A map, not a search per material: 5,000 materials against 5,000 products stays linear.
  const products = new Map<unknown, Inputs["tables"][string][number]>();
  for (const p of [...(inputs.tables.products ?? [])].reverse()) products.set(p.name, p);
  const issues: Issue[] = [];
  (inputs.tables.materials ?? []).forEach((row, i) => {
    const product = products.get(row.product);
    const need = Number(product?.planQty ?? 0) * Number(row.norm ?? 0);
    if (typeof row.stateSupplied === "number" && row.stateSupplied > need + 1e-9) {
      issues.push({
        path: `materials[${i}].stateSupplied`,
        message: {
          vi: `Nhà nước cung cấp nhiều hơn nhu cầu (${need}).`,
          en: `The state supply exceeds the need (${need}).`,
        },
      });
    }
  });
  return issues;
}

export const PLAN_TARGETS: TemplateDecl = {
  id: "plan",
  name: { vi: "Chỉ tiêu kế hoạch", en: "Plan targets" },
  description: {
    vi: "Sản phẩm, giá trị sản lượng và tốc độ tăng, định mức lao động, cân đối vật tư, phẩm cấp; cột thực hiện cho kế toán.",
    en: "Products, output value and growth, labour norms, materials balance, grades; actuals columns for the accountant.",
  },
  sheetName: { vi: "KH {planYear}", en: "Plan {planYear}" },
  orientation: "landscape",
  widths: [6, 28, 10, 14, 14, 14, 16, 16, 12, 12, 14, 16, 12],
  fields: [
    {
      key: "unit",
      type: "text",
      required: true,
      maxLength: 120,
      label: { vi: "Đơn vị", en: "Unit (enterprise or cooperative)" },
    },
    {
      key: "issuer",
      type: "text",
      maxLength: 120,
      label: { vi: "Cơ quan giao chỉ tiêu (liên hiệp xã)", en: "Issued by (union of cooperatives)" },
    },
    {
      key: "baseYear",
      type: "number",
      integer: true,
      required: true,
      min: 1900,
      max: 2200,
      label: { vi: "Năm gốc", en: "Base year" },
    },
    {
      key: "planYear",
      type: "number",
      integer: true,
      required: true,
      min: 1900,
      max: 2200,
      label: { vi: "Năm kế hoạch", en: "Plan year" },
    },
    {
      key: "hoursPerWorker",
      type: "number",
      required: true,
      min: 1,
      max: 8784,
      default: 2400,
      label: { vi: "Giờ công một lao động trong năm", en: "Working hours per worker per year" },
    },
  ],
  tables: [
    {
      key: "products",
      label: { vi: "Sản phẩm", en: "Products" },
      minRows: 1,
      maxRows: 5000,
      uniqueBy: "name",
      columns: [
        { key: "name", type: "text", required: true, maxLength: 120, label: { vi: "Sản phẩm", en: "Product" } },
        { key: "uom", type: "text", maxLength: 20, label: { vi: "Đơn vị tính", en: "Unit of measure" } },
        {
          key: "baseQty",
          type: "number",
          required: true,
          min: 0,
          label: { vi: "Sản lượng năm gốc", en: "Base-year quantity" },
        },
        {
          key: "planQty",
          type: "number",
          required: true,
          min: 0,
          label: { vi: "Sản lượng kế hoạch", en: "Planned quantity" },
        },
        { key: "price", type: "number", required: true, min: 0, label: { vi: "Giá cố định", en: "Constant price" } },
        {
          key: "timeNorm",
          type: "number",
          min: 0,
          label: { vi: "Mức thời gian (giờ/đơn vị)", en: "Time norm (hours/unit)" },
        },
      ],
    },
    {
      key: "materials",
      label: { vi: "Định mức vật tư", en: "Material norms" },
      minRows: 0,
      maxRows: 5000,
      rowKey: ["product", "material"],
      columns: [
        {
          key: "product",
          type: "ref",
          table: "products",
          column: "name",
          required: true,
          label: { vi: "Sản phẩm", en: "Product" },
        },
        { key: "material", type: "text", required: true, maxLength: 120, label: { vi: "Vật tư", en: "Material" } },
        { key: "uom", type: "text", maxLength: 20, label: { vi: "Đơn vị tính", en: "Unit of measure" } },
        {
          key: "norm",
          type: "number",
          required: true,
          min: 0,
          label: { vi: "Định mức / đơn vị SP", en: "Norm per unit" },
        },
        {
          key: "stateSupplied",
          type: "number",
          min: 0,
          label: { vi: "Nhà nước cung cấp", en: "Supplied by the state" },
        },
      ],
    },
    {
      key: "grades",
      label: { vi: "Phẩm cấp", en: "Quality grades" },
      minRows: 1,
      maxRows: 10,
      uniqueBy: "label",
      defaultRows: [
        { label: { vi: "Chính phẩm", en: "First grade" }, coef: 1 },
        { label: { vi: "Thứ phẩm", en: "Second grade" }, coef: 0.8 },
        { label: { vi: "Phế phẩm", en: "Reject" }, coef: 0 },
      ],
      columns: [
        { key: "label", type: "text", required: true, maxLength: 40, label: { vi: "Phẩm cấp", en: "Grade" } },
        { key: "coef", type: "number", required: true, min: 0, max: 10, label: { vi: "Hệ số", en: "Coefficient" } },
      ],
    },
  ],
  rules: [yearsInOrder, stateSupplyWithinNeed],
  blocks: [
    { kind: "title", text: { vi: "CHỈ TIÊU KẾ HOẠCH NĂM {planYear}", en: "PLAN TARGETS FOR {planYear}" } },
    { kind: "subtitle", text: { vi: "{unit}", en: "{unit}" } },
    {
      kind: "fields",
      title: { vi: "Thông tin chung", en: "General" },
      rows: [
        { label: { vi: "Đơn vị", en: "Unit" }, field: "unit" },
        { label: { vi: "Cơ quan giao chỉ tiêu", en: "Issued by" }, field: "issuer" },
        { label: { vi: "Năm gốc", en: "Base year" }, field: "baseYear", name: "BaseYear" },
        { label: { vi: "Năm kế hoạch", en: "Plan year" }, field: "planYear", name: "PlanYear" },
        { label: { vi: "Số năm", en: "Years" }, formula: "=PlanYear-BaseYear", name: "Years" },
        {
          label: { vi: "Giờ công một lao động / năm", en: "Hours per worker per year" },
          field: "hoursPerWorker",
          format: "integer",
          name: "HoursPerWorker",
        },
      ],
    },
    {
      kind: "table",
      key: "products",
      source: "products",
      title: { vi: "1. Sản phẩm và giá trị sản lượng", en: "1. Products and output value" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
        { key: "baseQty", input: "baseQty", header: { vi: "SL năm gốc", en: "Base qty" }, format: "decimal" },
        { key: "planQty", input: "planQty", header: { vi: "SL kế hoạch", en: "Plan qty" }, format: "decimal" },
        { key: "price", input: "price", header: { vi: "Giá cố định", en: "Constant price" }, format: "amount" },
        {
          key: "baseValue",
          header: { vi: "GT năm gốc", en: "Base value" },
          formula: "={baseQty}*{price}",
          format: "amount",
          total: "=SUM({baseValue:all})",
        },
        {
          key: "planValue",
          header: { vi: "GT kế hoạch", en: "Plan value" },
          formula: "={planQty}*{price}",
          format: "amount",
          total: "=SUM({planValue:all})",
        },
        {
          key: "growth",
          header: { vi: "Tăng trưởng", en: "Growth" },
          formula: GROWTH,
          format: "wholePercent",
          total: GROWTH,
        },
        {
          key: "annual",
          header: { vi: "Tăng BQ năm", en: "Annual growth" },
          formula: ANNUAL_GROWTH,
          format: "percent",
          total: ANNUAL_GROWTH,
        },
        { key: "actualQty", entry: true, header: { vi: "SL thực hiện", en: "Actual qty" }, format: "decimal" },
        {
          key: "actualValue",
          header: { vi: "GT thực hiện", en: "Actual value" },
          format: "amount",
          formula: '=IF({actualQty}="","",{actualQty}*{price})',
          total: '=IF(COUNT({actualValue:all})=0,"",SUM({actualValue:all}))',
        },
        {
          key: "fulfilment",
          header: { vi: "% hoàn thành KH", en: "% of plan" },
          format: "percent",
          formula: '=IF(OR({actualQty}="",N({planQty})=0),"",{actualQty}/{planQty})',
          total: '=IF(OR({actualValue}="",N({planValue})=0),"",{actualValue}/{planValue})',
        },
      ],
    },
    {
      kind: "table",
      key: "labour",
      source: "products",
      title: { vi: "2. Lao động theo định mức thời gian", en: "2. Labour by time norm" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        { key: "timeNorm", input: "timeNorm", header: { vi: "Giờ/đơn vị", en: "Hours/unit" }, format: "decimal" },
        {
          key: "hours",
          header: { vi: "Giờ công cần", en: "Hours needed" },
          format: "integer",
          formula: '=IF({timeNorm}="","",{products.planQty}*{timeNorm})',
          total: "=SUM({hours:all})",
        },
        {
          key: "workers",
          header: { vi: "Lao động cần", en: "Workers needed" },
          format: "decimal",
          formula: '=IF({hours}="","",{hours}/HoursPerWorker)',
          total: "=SUM({workers:all})",
        },
        { key: "actualHours", entry: true, header: { vi: "Giờ làm thực tế", en: "Hours worked" }, format: "integer" },
        {
          key: "fulfil",
          header: { vi: "% hoàn thành định mức", en: "% of norm" },
          format: "percent",
          formula: '=IF({actualHours}="","",HT.NORMFULFIL({timeNorm},{products.actualQty},{actualHours}))',
        },
      ],
    },
    {
      kind: "table",
      key: "materials",
      source: "materials",
      title: { vi: "3. Cân đối vật tư", en: "3. Materials balance" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        {
          key: "product",
          input: "product",
          header: { vi: "Sản phẩm", en: "Product" },
          listFrom: { table: "products", column: "name" },
        },
        { key: "material", input: "material", header: { vi: "Vật tư", en: "Material" } },
        { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
        { key: "norm", input: "norm", header: { vi: "Định mức/đv", en: "Norm/unit" }, format: "decimal" },
        {
          key: "need",
          header: { vi: "Nhu cầu", en: "Need" },
          format: "decimal",
          formula: `=IF({product}="","",{norm}*INDEX({products.planQty:all},${PRODUCT_ROW}))`,
        },
        {
          key: "state",
          input: "stateSupplied",
          header: { vi: "Nhà nước cung cấp", en: "From the state" },
          format: "decimal",
        },
        {
          key: "own",
          header: { vi: "Tự khai thác", en: "Self-sourced" },
          format: "decimal",
          formula: '=IF({product}="","",{need}-N({state}))',
        },
        { key: "actualUsed", entry: true, header: { vi: "Thực dùng", en: "Actually used" }, format: "decimal" },
        {
          key: "saving",
          header: { vi: "Tiết kiệm (+) / vượt (−)", en: "Saving (+) / overrun (−)" },
          format: "decimal",
          formula: `=IF({actualUsed}="","",HT.MATERIALSAVING({norm},INDEX({products.actualQty:all},${PRODUCT_ROW}),{actualUsed}))`,
        },
      ],
    },
    {
      kind: "table",
      key: "grades",
      source: "grades",
      title: { vi: "4. Chất lượng sản phẩm", en: "4. Product quality" },
      rangeName: { name: "GradeTable", from: "label", to: "coef" },
      columns: [
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" }, total: { vi: "Cộng", en: "Total" } },
        { key: "coef", input: "coef", header: { vi: "Hệ số", en: "Coefficient" }, format: "coefficient" },
        {
          key: "actualQty",
          entry: true,
          header: { vi: "SL thực hiện", en: "Actual qty" },
          format: "decimal",
          total: "=SUM({actualQty:all})",
        },
        {
          key: "share",
          header: { vi: "Tỷ trọng", en: "Share" },
          format: "percent",
          formula: '=IF(OR({actualQty}="",SUM({actualQty:all})=0),"",{actualQty}/SUM({actualQty:all}))',
        },
      ],
    },
    {
      kind: "fields",
      rows: [
        {
          label: { vi: "Hệ số phẩm cấp bình quân", en: "Average grade coefficient" },
          format: "coefficient",
          formula: "=HT.GRADECOEF({grades.actualQty:all},{grades.label:all},GradeTable)",
          name: "AverageGrade",
        },
      ],
    },
    {
      kind: "note",
      text: {
        vi: "Ô nền vàng là số thực hiện để kế toán điền; các ô khác tính bằng công thức.",
        en: "Yellow cells are actuals for the accountant to fill in; the others are formulas.",
      },
    },
  ],
};
