/**
 * Plan targets (chỉ tiêu kế hoạch) of an enterprise or a cooperative, from a base year to a plan
 * year: products with output value and growth, each year's planned output linked by the average
 * annual growth, labour by time norm (whole workers), the materials balance, quality per product,
 * and blank columns for the actuals with plan fulfilment and the norm-versus-actual indicators.
 */
import { FORM_SIGNATURES, HEADING, HEADING_FIELDS, SIGNER_FIELDS } from "./document";
import { GRADE_COLUMNS, STANDARD_GRADES } from "./grades";
import type { Inputs, Issue, TemplateDecl } from "./model";
import { MAX_YEARS } from "./render";
import { PERIOD_BLOCKS, PERIOD_FIELDS, PERIOD_PLAN_TABLE, typedPlansAddUp } from "./plan-periods";

const GROWTH = '=IF(N({baseValue})=0,"",{planValue}/{baseValue}-1)';
const ANNUAL_GROWTH = '=IF(OR(N({baseValue})<=0,{years}<=0),"",RRI({years},{baseValue},{planValue}))';
const PRODUCT_ROW = "MATCH({product},{products.name:all},0)";
/** The coefficient of the k-th grade of the grade table (first, second, reject). */
const coef = (k: number) => `INDEX({grades.coef:all},${k})`;

function yearsInOrder(inputs: Inputs): Issue[] {
  const { baseYear, planYear } = inputs.fields;
  if (typeof baseYear !== "number" || typeof planYear !== "number") return [];
  if (planYear <= baseYear) {
    return [
      {
        path: "planYear",
        message: { vi: "Năm kế hoạch phải sau năm gốc.", en: "The plan year must come after the base year." },
      },
    ];
  }
  return planYear - baseYear >= MAX_YEARS
    ? [
        {
          path: "planYear",
          message: {
            vi: `Kế hoạch dài tối đa ${MAX_YEARS - 1} năm.`,
            en: `A plan spans at most ${MAX_YEARS - 1} years.`,
          },
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
    vi: "Doanh nghiệp hoặc hợp tác xã: sản phẩm, giá trị sản lượng từng năm từ năm gốc đến năm kế hoạch, lao động, cân đối vật tư, chất lượng từng sản phẩm; cột thực hiện cho kế toán.",
    en: "Enterprise or cooperative: products, output value year by year from the base year to the plan year, labour, materials balance, quality per product; actuals columns for the accountant.",
  },
  sheetName: { vi: "KH {planYear}", en: "Plan {planYear}" },
  orientation: "landscape",
  widths: [6, 28, 10, 14, 14, 14, 16, 16, 12, 12, 14, 16, 12],
  fields: [
    ...HEADING_FIELDS,
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
      key: "moneyUnit",
      type: "text",
      maxLength: 30,
      default: { vi: "đồng", en: "dong" },
      label: { vi: "Đơn vị tiền (đồng, nghìn đồng, triệu đồng)", en: "Money unit (dong, thousand dong, million dong)" },
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
    ...PERIOD_FIELDS,
    ...SIGNER_FIELDS,
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
      label: {
        vi: "Hệ số phẩm cấp (chính phẩm, thứ phẩm, phế phẩm)",
        en: "Grade coefficients (first grade, second grade, reject)",
      },
      // The quality table has one column per grade, in this order.
      minRows: 3,
      maxRows: 3,
      uniqueBy: "label",
      defaultRows: STANDARD_GRADES,
      columns: GRADE_COLUMNS,
    },
    PERIOD_PLAN_TABLE,
  ],
  rules: [yearsInOrder, stateSupplyWithinNeed, typedPlansAddUp],
  blocks: [
    HEADING,
    { kind: "title", text: { vi: "CHỈ TIÊU KẾ HOẠCH NĂM {planYear}", en: "PLAN TARGETS FOR {planYear}" } },
    {
      kind: "subtitle",
      text: {
        vi: "Kế hoạch từ năm gốc {baseYear} đến năm {planYear}",
        en: "Plan from the base year {baseYear} to {planYear}",
      },
    },
    {
      kind: "fields",
      title: { vi: "Thông tin chung", en: "General" },
      rows: [
        { label: { vi: "Năm gốc", en: "Base year" }, field: "baseYear", name: "BaseYear" },
        { label: { vi: "Năm kế hoạch", en: "Plan year" }, field: "planYear", name: "PlanYear" },
        { label: { vi: "Số năm", en: "Years" }, formula: "={planYear}-{baseYear}", key: "years", name: "Years" },
        {
          label: { vi: "Giờ công một lao động / năm", en: "Hours per worker per year" },
          field: "hoursPerWorker",
          format: "integer",
          name: "HoursPerWorker",
        },
      ],
    },
    {
      kind: "unitLine",
      text: { vi: "Đơn vị tính giá trị: {moneyUnit} (giá cố định)", en: "Values in {moneyUnit} (constant prices)" },
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
          format: "percent",
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
      key: "years",
      source: { years: { from: "baseYear", to: "planYear" } },
      title: {
        vi: "2. Kế hoạch từng năm (tổng giá trị sản lượng, tăng bình quân năm)",
        en: "2. Year by year (total output value at the average annual growth)",
      },
      columns: [
        { key: "year", yearFrom: "baseYear", header: { vi: "Năm", en: "Year" } },
        {
          key: "plan",
          header: { vi: "GT kế hoạch", en: "Planned value" },
          format: "amount",
          first: "={products.baseValue:total}",
          formula:
            '=IF({products.annual:total}="","",{products.baseValue:total}*(1+{products.annual:total})^({year}-{baseYear}))',
        },
        {
          key: "growth",
          header: { vi: "Tăng so năm trước", en: "Growth on the year before" },
          format: "percent",
          first: "",
          formula: '=IF(OR({plan}="",N({plan:prev})=0),"",{plan}/{plan:prev}-1)',
        },
        {
          key: "index",
          header: { vi: "So năm gốc", en: "Index on the base year" },
          format: "percent",
          formula: '=IF(OR({plan}="",N({products.baseValue:total})=0),"",{plan}/{products.baseValue:total})',
        },
        { key: "actual", entry: true, header: { vi: "GT thực hiện", en: "Actual value" }, format: "amount" },
        {
          key: "actualGrowth",
          header: { vi: "Thực hiện tăng so năm trước", en: "Actual growth on the year before" },
          format: "percent",
          first: "",
          formula: '=IF(OR({actual}="",N({actual:prev})=0),"",{actual}/{actual:prev}-1)',
        },
        {
          key: "fulfil",
          header: { vi: "% hoàn thành KH", en: "% of plan" },
          format: "percent",
          formula: '=IF(OR({actual}="",N({plan})=0),"",{actual}/{plan})',
        },
      ],
    },
    {
      kind: "table",
      key: "labour",
      source: "products",
      title: { vi: "3. Lao động theo định mức thời gian", en: "3. Labour by time norm" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        { key: "timeNorm", input: "timeNorm", header: { vi: "Giờ/đơn vị", en: "Hours per unit" }, format: "decimal" },
        {
          key: "hours",
          header: { vi: "Giờ công cần", en: "Hours needed" },
          format: "integer",
          formula: '=IF({timeNorm}="","",{products.planQty}*{timeNorm})',
          total: '=IF(COUNT({hours:all})=0,"",SUM({hours:all}))',
        },
        {
          // A need for workers is met by whole workers: rounded up.
          key: "workers",
          header: { vi: "Lao động cần (người)", en: "Workers needed" },
          format: "integer",
          formula: '=IF({hours}="","",ROUNDUP({hours}/{hoursPerWorker},0))',
          total: '=IF({hours}="","",ROUNDUP({hours}/{hoursPerWorker},0))',
        },
        { key: "actualHours", entry: true, header: { vi: "Giờ làm thực tế", en: "Hours worked" }, format: "integer" },
        {
          key: "fulfil",
          header: { vi: "% hoàn thành định mức", en: "% of norm" },
          format: "percent",
          formula:
            '=IF(OR({actualHours}="",{timeNorm}="",{products.actualQty}=""),"",HT.NORMFULFIL({timeNorm},{products.actualQty},{actualHours}))',
        },
      ],
    },
    {
      kind: "table",
      key: "materials",
      source: "materials",
      title: { vi: "4. Cân đối vật tư", en: "4. Materials balance" },
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
          // Nested IFs: OR would look the product up in a spare row that names none (#N/A).
          formula: `=IF({actualUsed}="","",IF(INDEX({products.actualQty:all},${PRODUCT_ROW})="","",HT.MATERIALSAVING({norm},INDEX({products.actualQty:all},${PRODUCT_ROW}),{actualUsed})))`,
        },
      ],
    },
    {
      kind: "table",
      key: "grades",
      source: "grades",
      title: { vi: "5. Hệ số phẩm cấp", en: "5. Grade coefficients" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" } },
        { key: "coef", input: "coef", header: { vi: "Hệ số", en: "Coef." }, format: "coefficient" },
      ],
    },
    {
      // Per product: quantities of different units of measure are never added together.
      kind: "table",
      key: "quality",
      source: "products",
      title: { vi: "6. Chất lượng sản phẩm (thực hiện)", en: "6. Product quality (actual)" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
        { key: "first", entry: true, header: { vi: "SL chính phẩm", en: "First grade qty" }, format: "decimal" },
        { key: "second", entry: true, header: { vi: "SL thứ phẩm", en: "Second grade qty" }, format: "decimal" },
        { key: "reject", entry: true, header: { vi: "SL phế phẩm", en: "Reject qty" }, format: "decimal" },
        {
          key: "total",
          header: { vi: "Cộng", en: "Total" },
          format: "decimal",
          formula: '=IF(COUNT({first},{second},{reject})=0,"",N({first})+N({second})+N({reject}))',
        },
        {
          key: "grade",
          header: { vi: "Hệ số phẩm cấp BQ", en: "Average grade coefficient" },
          format: "coefficient",
          formula: `=IF(N({total})=0,"",(N({first})*${coef(1)}+N({second})*${coef(2)}+N({reject})*${coef(3)})/{total})`,
        },
        {
          key: "rejectRatio",
          header: { vi: "Tỷ lệ phế phẩm", en: "Reject ratio" },
          format: "percent",
          formula: '=IF(N({total})=0,"",N({reject})/{total})',
        },
        {
          key: "firstRatio",
          header: { vi: "Tỷ lệ chính phẩm", en: "First grade ratio" },
          format: "percent",
          formula: '=IF(N({total})=0,"",N({first})/{total})',
        },
      ],
    },
    ...PERIOD_BLOCKS,
    {
      kind: "note",
      text: {
        vi: "Ô nền vàng là số thực hiện để kế toán điền; các ô khác tính bằng công thức.",
        en: "Yellow cells are actuals for the accountant to fill in; the others are formulas.",
      },
    },
    FORM_SIGNATURES,
  ],
};
