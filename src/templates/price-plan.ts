/**
 * Price plan by the cost method (phương án giá, Luật Giá 2023, Thông tư 45/2024/TT-BTC): the
 * seeds' "price takes production cost as its base" as enterprises file it today. The cost table
 * lists every line of DOMAIN.md (production costs by line, selling, administration and financial
 * costs, full cost, by-product allocation, unit cost, expected profit, price before tax, excise
 * and VAT, price) with unit, quantity, unit price and amount, then the explanation of each line.
 */
import { FORM_SIGNATURES, HEADING, HEADING_FIELDS, SIGNER_FIELDS } from "./document";
import type { Field, Inputs, Issue, StatementLine, TableDecl, TemplateDecl } from "./model";
import type { Text } from "../i18n/lang";

const costTable = (key: string, label: Text, defaultRows?: TableDecl["defaultRows"]): TableDecl => ({
  key,
  label,
  minRows: 0,
  maxRows: 500,
  defaultRows,
  columns: [
    { key: "name", type: "text", required: true, maxLength: 120, label: { vi: "Khoản mục", en: "Item" } },
    { key: "uom", type: "text", maxLength: 20, label: { vi: "Đơn vị tính", en: "Unit" } },
    { key: "qty", type: "number", min: 0, label: { vi: "Số lượng", en: "Quantity" } },
    {
      key: "price",
      type: "number",
      min: 0,
      label: { vi: "Đơn giá (không số lượng: cả khoản)", en: "Unit price (no quantity: lump sum)" },
    },
  ],
});

const explanation = (key: string, label: Text, fallback: Text): Field => ({
  key,
  type: "text",
  multiline: true,
  maxLength: 1500,
  default: fallback,
  label,
});

const money = (key: string, label: Text): Field => ({ key, type: "number", min: 0, label });

/** Amount per unit of product, blank while there is no amount. */
const PER_UNIT = '=IF(OR({amount}="",N({output.qty})=0),"",{amount}/{output.qty})';

/**
 * One line per entered item: amount = quantity × unit price, blank while both are blank. An item
 * with a price and no quantity is a lump sum (a year's depreciation): its price is its amount.
 */
const items = (table: string, code: string): StatementLine => ({
  code,
  each: { table, labelFrom: "name", inputs: { uom: "uom", qty: "qty", price: "price" } },
  cells: {
    amount: '=IF(AND({qty}="",{price}=""),"",IF({qty}="",{price},{qty}*N({price})))',
    perUnit: PER_UNIT,
  },
});

function outputPositive(inputs: Inputs): Issue[] {
  const qty = inputs.fields.outputQty;
  return typeof qty === "number" && qty <= 0
    ? [
        {
          path: "outputQty",
          message: { vi: "Sản lượng kế hoạch phải lớn hơn 0.", en: "The planned output must be more than 0." },
        },
      ]
    : [];
}

export const PRICE_PLAN: TemplateDecl = {
  id: "pricePlan",
  name: { vi: "Phương án giá", en: "Price plan" },
  description: {
    vi: "Phương án giá theo phương pháp chi phí: bảng chi phí sản xuất, bán hàng, quản lý, tài chính, giá thành toàn bộ, lợi nhuận dự kiến, thuế và giá bán, kèm giải trình.",
    en: "Price plan by the cost method: production, selling, administration and financial costs, full cost, expected profit, taxes and price, with the explanation.",
  },
  sheetName: { vi: "PAG {product}", en: "Price {product}" },
  orientation: "portrait",
  widths: [7, 44, 10, 12, 14, 16, 14],
  fields: [
    ...HEADING_FIELDS,
    { key: "product", type: "text", required: true, maxLength: 120, label: { vi: "Sản phẩm", en: "Product" } },
    {
      key: "productUom",
      type: "text",
      required: true,
      maxLength: 20,
      label: { vi: "Đơn vị tính sản phẩm", en: "Unit of the product" },
    },
    {
      key: "outputQty",
      type: "number",
      required: true,
      min: 0,
      label: { vi: "Sản lượng sản xuất kế hoạch", en: "Planned output" },
    },
    money("sellingCost", { vi: "Chi phí bán hàng (cả sản lượng)", en: "Selling costs (whole output)" }),
    money("adminCost", { vi: "Chi phí quản lý doanh nghiệp", en: "Administration costs" }),
    money("financialCost", { vi: "Chi phí tài chính", en: "Financial costs" }),
    money("byProductCost", {
      vi: "Chi phí phân bổ cho sản phẩm phụ (nếu có)",
      en: "Costs allocated to by-products (if any)",
    }),
    {
      key: "profitRate",
      type: "number",
      percent: true,
      required: true,
      min: 0,
      max: 1,
      default: 0.1,
      label: { vi: "Lợi nhuận dự kiến (% giá thành toàn bộ)", en: "Expected profit (% of full cost)" },
    },
    {
      key: "exciseRate",
      type: "number",
      percent: true,
      min: 0,
      max: 1,
      label: { vi: "Thuế tiêu thụ đặc biệt (%, nếu có)", en: "Excise tax (%, if any)" },
    },
    {
      key: "vatRate",
      type: "number",
      percent: true,
      min: 0,
      max: 0.1,
      default: 0.1,
      label: { vi: "Thuế GTGT (%, nếu có)", en: "VAT (%, if any)" },
    },
    explanation(
      "explainMaterials",
      { vi: "Giải trình: nguyên liệu, vật liệu", en: "Explanation: materials" },
      {
        vi: "Định mức tiêu hao từng loại nguyên liệu, vật liệu cho một đơn vị sản phẩm nhân với đơn giá mua chưa có thuế GTGT theo hoá đơn, hợp đồng mua hoặc giá thị trường tại thời điểm lập phương án.",
        en: "The consumption norm of each material per unit of product times its purchase price before VAT, by invoice, purchase contract or the market price when the plan is drawn up.",
      },
    ),
    explanation(
      "explainLabour",
      { vi: "Giải trình: nhân công", en: "Explanation: labour" },
      {
        vi: "Định mức lao động (giờ công cho một đơn vị sản phẩm) nhân với đơn giá tiền lương, cộng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và kinh phí công đoàn theo quy định.",
        en: "The labour norm (hours per unit of product) times the wage rate, plus social, health and unemployment insurance and the trade-union levy as the law requires.",
      },
    ),
    explanation(
      "explainOverhead",
      { vi: "Giải trình: sản xuất chung", en: "Explanation: production overhead" },
      {
        vi: "Theo dự toán chi phí phân xưởng: nhân viên phân xưởng, vật liệu, dụng cụ, khấu hao tài sản cố định theo chế độ, dịch vụ mua ngoài và chi phí bằng tiền khác; phân bổ cho sản phẩm theo tiêu thức hợp lý.",
        en: "By the workshop's cost budget: workshop staff, materials, tools, depreciation of fixed assets by the rules, bought-in services and other cash costs; allocated to the product on a reasonable basis.",
      },
    ),
    explanation(
      "explainOther",
      { vi: "Giải trình: bán hàng, quản lý, tài chính", en: "Explanation: selling, administration, finance" },
      {
        vi: "Theo dự toán năm của doanh nghiệp, phân bổ cho sản phẩm theo tỷ lệ doanh thu hoặc chi phí sản xuất.",
        en: "By the enterprise's annual budget, allocated to the product in proportion to sales or production cost.",
      },
    ),
    explanation(
      "explainProfit",
      { vi: "Giải trình: lợi nhuận dự kiến", en: "Explanation: expected profit" },
      {
        vi: "Tỷ lệ lợi nhuận dự kiến trên giá thành toàn bộ, không vượt mức lợi nhuận bình quân của ngành.",
        en: "The expected profit rate on full cost, no higher than the industry's average.",
      },
    ),
    ...SIGNER_FIELDS,
  ],
  tables: [
    costTable("materials", { vi: "1.1 Nguyên liệu, vật liệu trực tiếp", en: "1.1 Direct materials" }),
    costTable("labour", { vi: "1.2 Nhân công trực tiếp", en: "1.2 Direct labour" }),
    costTable("overhead", { vi: "1.3 Sản xuất chung", en: "1.3 Production overhead" }, [
      { name: { vi: "Chi phí nhân viên phân xưởng", en: "Workshop staff" }, uom: null, qty: null, price: null },
      { name: { vi: "Chi phí vật liệu", en: "Materials" }, uom: null, qty: null, price: null },
      { name: { vi: "Chi phí dụng cụ sản xuất", en: "Tools" }, uom: null, qty: null, price: null },
      { name: { vi: "Chi phí khấu hao TSCĐ", en: "Depreciation of fixed assets" }, uom: null, qty: null, price: null },
      { name: { vi: "Chi phí dịch vụ mua ngoài", en: "Bought-in services" }, uom: null, qty: null, price: null },
      { name: { vi: "Chi phí bằng tiền khác", en: "Other cash costs" }, uom: null, qty: null, price: null },
    ]),
  ],
  rules: [outputPositive],
  blocks: [
    HEADING,
    { kind: "title", text: { vi: "PHƯƠNG ÁN GIÁ", en: "PRICE PLAN" } },
    {
      kind: "subtitle",
      text: {
        vi: "{product} — theo phương pháp chi phí, sản lượng kế hoạch {outputQty} {productUom}",
        en: "{product} — by the cost method, planned output {outputQty} {productUom}",
      },
    },
    { kind: "unitLine", text: { vi: "Đơn vị tính: đồng", en: "Amounts in dong" } },
    {
      kind: "statement",
      key: "costs",
      title: { vi: "BẢNG TỔNG HỢP CHI PHÍ VÀ TÍNH GIÁ", en: "COST AND PRICE TABLE" },
      columns: [
        { key: "uom", header: { vi: "Đơn vị tính", en: "Unit" } },
        { key: "qty", header: { vi: "Số lượng", en: "Quantity" }, format: "decimal" },
        // Đồng without decimals (the smallest coin is far above a đồng's fractions).
        { key: "price", header: { vi: "Đơn giá", en: "Unit price" }, format: "amount" },
        { key: "amount", header: { vi: "Thành tiền", en: "Amount" }, format: "amount" },
        { key: "perUnit", header: { vi: "Trên 01 đơn vị SP", en: "Per unit" }, format: "amount" },
      ],
      lines: [
        { code: "1", label: { vi: "Chi phí sản xuất", en: "Production costs" }, style: "group" },
        {
          key: "mat",
          code: "1.1",
          label: { vi: "Chi phí nguyên liệu, vật liệu trực tiếp", en: "Direct materials" },
          style: "group",
          cells: { amount: "=SUM({materials.amount:all})", perUnit: PER_UNIT },
        },
        items("materials", "1.1"),
        {
          key: "lab",
          code: "1.2",
          label: { vi: "Chi phí nhân công trực tiếp", en: "Direct labour" },
          style: "group",
          cells: { amount: "=SUM({labour.amount:all})", perUnit: PER_UNIT },
        },
        items("labour", "1.2"),
        {
          key: "ovh",
          code: "1.3",
          label: { vi: "Chi phí sản xuất chung", en: "Production overhead" },
          style: "group",
          cells: { amount: "=SUM({overhead.amount:all})", perUnit: PER_UNIT },
        },
        items("overhead", "1.3"),
        {
          key: "production",
          label: { vi: "Tổng chi phí sản xuất", en: "Total production cost" },
          style: "total",
          cells: { amount: "={mat.amount}+{lab.amount}+{ovh.amount}", perUnit: PER_UNIT },
        },
        {
          key: "selling",
          code: "2",
          label: { vi: "Chi phí bán hàng", en: "Selling costs" },
          cells: { amount: { field: "sellingCost" }, perUnit: PER_UNIT },
        },
        {
          key: "admin",
          code: "3",
          label: { vi: "Chi phí quản lý doanh nghiệp", en: "Administration costs" },
          cells: { amount: { field: "adminCost" }, perUnit: PER_UNIT },
        },
        {
          key: "financial",
          code: "4",
          label: { vi: "Chi phí tài chính", en: "Financial costs" },
          cells: { amount: { field: "financialCost" }, perUnit: PER_UNIT },
        },
        {
          key: "full",
          label: { vi: "Giá thành toàn bộ", en: "Full cost" },
          style: "total",
          cells: {
            amount: "={production.amount}+N({selling.amount})+N({admin.amount})+N({financial.amount})",
            perUnit: PER_UNIT,
          },
        },
        {
          key: "byProduct",
          label: {
            vi: "Trừ: chi phí phân bổ cho sản phẩm phụ (nếu có)",
            en: "Less: costs allocated to by-products (if any)",
          },
          cells: { amount: { field: "byProductCost" }, perUnit: PER_UNIT },
        },
        {
          key: "fullMain",
          label: { vi: "Giá thành toàn bộ sản phẩm chính", en: "Full cost of the main product" },
          style: "total",
          cells: { amount: "={full.amount}-N({byProduct.amount})", perUnit: PER_UNIT },
        },
        {
          key: "output",
          label: { vi: "Sản lượng sản xuất kế hoạch", en: "Planned output" },
          cells: { uom: { field: "productUom" }, qty: { field: "outputQty" } },
        },
        {
          key: "unitCost",
          label: { vi: "Giá thành toàn bộ 01 đơn vị sản phẩm", en: "Full cost per unit" },
          style: "total",
          cells: { perUnit: '=IF(N({output.qty})=0,"",{fullMain.amount}/{output.qty})' },
        },
        {
          key: "profit",
          code: "5",
          label: { vi: "Lợi nhuận dự kiến (tỷ lệ trên giá thành toàn bộ)", en: "Expected profit (rate on full cost)" },
          cells: { qty: { field: "profitRate" }, amount: "={fullMain.amount}*N({profit.qty})", perUnit: PER_UNIT },
        },
        {
          key: "beforeTax",
          label: { vi: "Giá bán chưa thuế", en: "Price before tax" },
          style: "total",
          cells: { amount: "={fullMain.amount}+{profit.amount}", perUnit: PER_UNIT },
        },
        {
          key: "excise",
          code: "6",
          label: { vi: "Thuế tiêu thụ đặc biệt (nếu có)", en: "Excise tax (if any)" },
          cells: { qty: { field: "exciseRate" }, amount: "={beforeTax.amount}*N({excise.qty})", perUnit: PER_UNIT },
        },
        {
          key: "vat",
          code: "7",
          label: { vi: "Thuế giá trị gia tăng (nếu có)", en: "Value added tax (if any)" },
          cells: {
            qty: { field: "vatRate" },
            amount: "=({beforeTax.amount}+{excise.amount})*N({vat.qty})",
            perUnit: PER_UNIT,
          },
        },
        {
          key: "price",
          label: { vi: "Giá bán (đã có thuế)", en: "Price (taxes included)" },
          style: "total",
          cells: { amount: "={beforeTax.amount}+{excise.amount}+{vat.amount}", perUnit: PER_UNIT },
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "GIẢI TRÌNH CHI TIẾT CÁCH TÍNH CÁC KHOẢN CHI PHÍ", en: "HOW EACH COST WAS COMPUTED" },
      items: [
        {
          vi: "1. Chi phí nguyên liệu, vật liệu trực tiếp: {explainMaterials}",
          en: "1. Direct materials: {explainMaterials}",
        },
        { vi: "2. Chi phí nhân công trực tiếp: {explainLabour}", en: "2. Direct labour: {explainLabour}" },
        { vi: "3. Chi phí sản xuất chung: {explainOverhead}", en: "3. Production overhead: {explainOverhead}" },
        {
          vi: "4. Chi phí bán hàng, quản lý doanh nghiệp, tài chính: {explainOther}",
          en: "4. Selling, administration and financial costs: {explainOther}",
        },
        { vi: "5. Lợi nhuận dự kiến: {explainProfit}", en: "5. Expected profit: {explainProfit}" },
      ],
    },
    FORM_SIGNATURES,
  ],
};
