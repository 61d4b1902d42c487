/**
 * Economic contract terms (hợp đồng kinh tế) between an ordering organisation and a cooperative:
 * goods with cost-based prices graded by quality, the grade table, amounts by grade, materials
 * supplied by the buyer, delivery schedule, payment, penalties and duration, as a printable
 * sheet whose clauses are text and whose amounts are live.
 */
import type { Inputs, Issue, Row, TemplateDecl, Text } from "./model";

const REGIMES = [
  {
    value: "purchase",
    label: { vi: "thu mua (Bên B tự lo vật liệu)", en: "purchase (the cooperative buys its materials)" },
  },
  {
    value: "processing",
    label: { vi: "gia công (Bên A giao toàn bộ vật liệu)", en: "processing (the buyer supplies all materials)" },
  },
  {
    value: "twoWay",
    label: { vi: "hai chiều (Bên A giao một phần vật liệu)", en: "two-way (the buyer supplies part of the materials)" },
  },
] as const;

const rate = (key: string, label: Text, fallback: number) =>
  ({ key, type: "number", percent: true, required: true, min: 0, max: 1, default: fallback, label }) as const;

const issue = (path: string, vi: string, en: string): Issue => ({ path, message: { vi, en } });

/** The supplied material must match the regime: none, all of it, or part of it. */
function suppliedMatchesRegime(inputs: Inputs): Issue[] {
  const regime = inputs.fields.regime;
  const issues: Issue[] = [];
  (inputs.tables.goods ?? []).forEach((row: Row, i) => {
    const material = Number(row.material ?? 0);
    const supplied = Number(row.supplied ?? 0);
    const path = `goods[${i}].supplied`;
    if (supplied > material)
      issues.push(
        issue(
          path,
          "Vật liệu Bên A giao không được vượt chi phí vật liệu.",
          "Supplied material cannot exceed the material cost.",
        ),
      );
    else if (regime === "purchase" && supplied > 0)
      issues.push(
        issue(path, "Hình thức thu mua: Bên A không giao vật liệu.", "Purchase: the buyer supplies no material."),
      );
    else if (regime === "processing" && supplied !== material)
      issues.push(
        issue(path, "Gia công: Bên A giao toàn bộ vật liệu.", "Processing: the buyer supplies all the material."),
      );
    else if (regime === "twoWay" && !(supplied > 0 && supplied < material))
      issues.push(
        issue(path, "Hai chiều: Bên A giao một phần vật liệu.", "Two-way: the buyer supplies part of the material."),
      );
    if (row.agreedPrice === null && material === 0 && Number(row.labour ?? 0) === 0) {
      issues.push(
        issue(
          `goods[${i}].agreedPrice`,
          "Cần giá thoả thuận hoặc chi phí để tính giá.",
          "Enter an agreed price or the costs to price from.",
        ),
      );
    }
  });
  return issues;
}

function datesInOrder(inputs: Inputs): Issue[] {
  const { startDate, endDate } = inputs.fields;
  return typeof startDate === "string" && typeof endDate === "string" && endDate < startDate
    ? [issue("endDate", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must come after the start date.")]
    : [];
}

function deliveriesAddUp(inputs: Inputs): Issue[] {
  const total = (inputs.tables.deliveries ?? []).reduce((s, r) => s + Number(r.share ?? 0), 0);
  return Math.abs(total - 1) > 1e-9
    ? [
        issue(
          "deliveries[]",
          `Các đợt giao cộng lại phải bằng 100 % (hiện ${Math.round(total * 1000) / 10} %).`,
          `The deliveries must add up to 100 % (now ${Math.round(total * 1000) / 10} %).`,
        ),
      ]
    : [];
}

const ACTUAL_PRICE =
  '=IF({agreed}<>"",{agreed},HT.COSTPRICE({material},{labour},{overhead},ProfitRate,AccumulationRate,WelfareRate,{supplied}))';

export const CONTRACT: TemplateDecl = {
  id: "contract",
  name: { vi: "Hợp đồng kinh tế", en: "Economic contract" },
  description: {
    vi: "Các bên, hàng hoá, giá lấy giá thành làm cơ sở, bảng phẩm cấp, lịch giao hàng, thanh toán và phạt; bản in có điều khoản.",
    en: "Parties, goods, cost-based prices, grade table, delivery schedule, payment and penalties; a printable sheet with clauses.",
  },
  sheetName: { vi: "HĐ {contractNo}", en: "Contract {contractNo}" },
  orientation: "landscape",
  widths: [14, 24, 16, 8, 10, 12, 11, 11, 11, 11, 12, 12, 13, 15, 14],
  fields: [
    {
      key: "contractNo",
      type: "text",
      required: true,
      maxLength: 24,
      label: { vi: "Số hợp đồng", en: "Contract number" },
    },
    { key: "signDate", type: "date", required: true, label: { vi: "Ngày ký", en: "Date signed" } },
    { key: "place", type: "text", maxLength: 80, label: { vi: "Nơi ký", en: "Place signed" } },
    {
      key: "buyerName",
      type: "text",
      required: true,
      maxLength: 120,
      label: { vi: "Bên A (bên đặt hàng)", en: "Party A (ordering organisation)" },
    },
    { key: "buyerRep", type: "text", maxLength: 80, label: { vi: "Đại diện Bên A", en: "Representative of party A" } },
    {
      key: "sellerName",
      type: "text",
      required: true,
      maxLength: 120,
      label: { vi: "Bên B (hợp tác xã)", en: "Party B (cooperative)" },
    },
    { key: "sellerRep", type: "text", maxLength: 80, label: { vi: "Đại diện Bên B", en: "Representative of party B" } },
    { key: "regime", type: "choice", default: "purchase", options: REGIMES, label: { vi: "Hình thức", en: "Regime" } },
    rate("profitRate", { vi: "Tỷ lệ lãi (%)", en: "Profit rate (%)" }, 0.05),
    rate("accumulationRate", { vi: "Tỷ lệ tích luỹ (%)", en: "Accumulation rate (%)" }, 0.03),
    rate(
      "welfareRate",
      { vi: "Bảo hiểm xã hội, phúc lợi (% tiền công)", en: "Social insurance and welfare (% of labour)" },
      0.1,
    ),
    {
      key: "deliveryPlace",
      type: "text",
      maxLength: 120,
      required: true,
      label: { vi: "Nơi giao hàng", en: "Place of delivery" },
    },
    rate("advancePct", { vi: "Ứng trước (% giá trị)", en: "Advance payment (% of value)" }, 0.3),
    {
      key: "paymentDays",
      type: "number",
      integer: true,
      required: true,
      min: 0,
      max: 365,
      default: 15,
      label: { vi: "Thanh toán sau khi giao (ngày)", en: "Payment after delivery (days)" },
    },
    rate("latePenalty", { vi: "Phạt giao chậm mỗi tuần (%)", en: "Late-delivery penalty per week (%)" }, 0.02),
    rate("latePenaltyCap", { vi: "Phạt giao chậm tối đa (%)", en: "Late-delivery penalty cap (%)" }, 0.12),
    rate("qualityPenalty", { vi: "Phạt hàng dưới phẩm cấp (%)", en: "Penalty for goods below grade (%)" }, 0.05),
    { key: "startDate", type: "date", required: true, label: { vi: "Hiệu lực từ ngày", en: "In force from" } },
    { key: "endDate", type: "date", required: true, label: { vi: "Đến ngày", en: "Until" } },
  ],
  tables: [
    {
      key: "grades",
      label: { vi: "Bảng phẩm cấp", en: "Grade table" },
      minRows: 1,
      maxRows: 10,
      uniqueBy: "label",
      defaultRows: [
        { label: { vi: "Chính phẩm", en: "First grade" }, coef: 1 },
        { label: { vi: "Thứ phẩm", en: "Second grade" }, coef: 0.8 },
      ],
      columns: [
        { key: "label", type: "text", required: true, maxLength: 40, label: { vi: "Phẩm cấp", en: "Grade" } },
        { key: "coef", type: "number", required: true, min: 0, max: 10, label: { vi: "Hệ số", en: "Coefficient" } },
      ],
    },
    {
      key: "goods",
      label: { vi: "Hàng hoá", en: "Goods" },
      minRows: 1,
      maxRows: 2000,
      columns: [
        { key: "name", type: "text", required: true, maxLength: 120, label: { vi: "Tên hàng", en: "Goods" } },
        { key: "standard", type: "text", maxLength: 120, label: { vi: "Quy cách, tiêu chuẩn", en: "Standard" } },
        { key: "uom", type: "text", maxLength: 20, label: { vi: "Đơn vị tính", en: "Unit" } },
        { key: "quantity", type: "number", required: true, min: 0, label: { vi: "Số lượng", en: "Quantity" } },
        {
          key: "grade",
          type: "ref",
          table: "grades",
          column: "label",
          required: true,
          label: { vi: "Phẩm cấp", en: "Grade" },
        },
        { key: "material", type: "number", min: 0, label: { vi: "Vật liệu / đv", en: "Material / unit" } },
        { key: "labour", type: "number", min: 0, label: { vi: "Tiền công / đv", en: "Labour / unit" } },
        { key: "overhead", type: "number", min: 0, label: { vi: "Chi phí chung / đv", en: "Overhead / unit" } },
        {
          key: "supplied",
          type: "number",
          min: 0,
          label: { vi: "Vật liệu Bên A giao / đv", en: "Supplied by A / unit" },
        },
        {
          key: "agreedPrice",
          type: "number",
          min: 0,
          label: { vi: "Giá thoả thuận (nếu có)", en: "Agreed price (if any)" },
        },
      ],
    },
    {
      key: "deliveries",
      label: { vi: "Lịch giao hàng", en: "Delivery schedule" },
      minRows: 1,
      maxRows: 60,
      columns: [
        { key: "date", type: "date", required: true, label: { vi: "Ngày giao", en: "Date" } },
        { key: "note", type: "text", maxLength: 120, label: { vi: "Nội dung", en: "Description" } },
        {
          key: "share",
          type: "number",
          percent: true,
          required: true,
          min: 0,
          max: 1,
          label: { vi: "Tỷ lệ (%)", en: "Share (%)" },
        },
      ],
    },
  ],
  rules: [suppliedMatchesRegime, datesInOrder, deliveriesAddUp],
  blocks: [
    { kind: "title", text: { vi: "HỢP ĐỒNG KINH TẾ", en: "ECONOMIC CONTRACT" } },
    {
      kind: "subtitle",
      text: {
        vi: "Số {contractNo}, ký ngày {signDate} tại {place}",
        en: "No. {contractNo}, signed on {signDate} at {place}",
      },
    },
    {
      kind: "fields",
      title: { vi: "Các bên", en: "Parties" },
      rows: [
        { label: { vi: "Bên A (bên đặt hàng)", en: "Party A (ordering)" }, field: "buyerName" },
        { label: { vi: "Đại diện", en: "Represented by" }, field: "buyerRep" },
        { label: { vi: "Bên B (hợp tác xã)", en: "Party B (cooperative)" }, field: "sellerName" },
        { label: { vi: "Đại diện", en: "Represented by" }, field: "sellerRep" },
        { label: { vi: "Hình thức", en: "Regime" }, field: "regime" },
      ],
    },
    {
      kind: "fields",
      title: { vi: "Tham số giá", en: "Price parameters" },
      rows: [
        {
          label: { vi: "Lãi / giá thành tự lo", en: "Profit / own cost" },
          field: "profitRate",
          format: "percent",
          name: "ProfitRate",
        },
        {
          label: { vi: "Tích luỹ / giá thành tự lo", en: "Accumulation / own cost" },
          field: "accumulationRate",
          format: "percent",
          name: "AccumulationRate",
        },
        {
          label: { vi: "BHXH, phúc lợi / tiền công", en: "Welfare / labour" },
          field: "welfareRate",
          format: "percent",
          name: "WelfareRate",
        },
      ],
    },
    {
      kind: "table",
      key: "grades",
      source: "grades",
      title: {
        vi: "Bảng phẩm cấp (hàng tốt giá cao, hàng xấu giá thấp)",
        en: "Grade table (better goods, higher price)",
      },
      rangeName: { name: "GradeTable", from: "label", to: "coef" },
      columns: [
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" } },
        { key: "coef", input: "coef", header: { vi: "Hệ số giá", en: "Price coefficient" }, format: "coefficient" },
      ],
    },
    {
      kind: "table",
      key: "goods",
      source: "goods",
      title: { vi: "Hàng hoá, số lượng, phẩm cấp và giá", en: "Goods, quantity, grade and price" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "name", input: "name", header: { vi: "Tên hàng", en: "Goods" } },
        { key: "standard", input: "standard", header: { vi: "Quy cách", en: "Standard" } },
        { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
        {
          key: "quantity",
          input: "quantity",
          header: { vi: "Số lượng", en: "Quantity" },
          format: "decimal",
          total: "=SUM({quantity:all})",
        },
        {
          key: "grade",
          input: "grade",
          header: { vi: "Phẩm cấp", en: "Grade" },
          listFrom: { table: "grades", column: "label" },
        },
        { key: "material", input: "material", header: { vi: "Vật liệu", en: "Material" }, format: "amount" },
        { key: "labour", input: "labour", header: { vi: "Tiền công", en: "Labour" }, format: "amount" },
        { key: "overhead", input: "overhead", header: { vi: "Chi phí chung", en: "Overhead" }, format: "amount" },
        { key: "supplied", input: "supplied", header: { vi: "Bên A giao", en: "Supplied by A" }, format: "amount" },
        { key: "agreed", input: "agreedPrice", header: { vi: "Giá thoả thuận", en: "Agreed price" }, format: "amount" },
        { key: "basePrice", header: { vi: "Giá cơ sở", en: "Base price" }, formula: ACTUAL_PRICE, format: "amount" },
        {
          key: "gradePrice",
          header: { vi: "Giá theo phẩm cấp", en: "Price for grade" },
          formula: "=HT.GRADEPRICE({basePrice},{grade},GradeTable)",
          format: "amount",
        },
        {
          key: "amount",
          header: { vi: "Thành tiền", en: "Amount" },
          formula: "={quantity}*{gradePrice}",
          format: "amount",
          total: "=SUM({amount:all})",
        },
        {
          key: "suppliedValue",
          header: { vi: "Vật liệu Bên A giao", en: "Material from A" },
          formula: "={quantity}*N({supplied})",
          format: "amount",
          total: "=SUM({suppliedValue:all})",
        },
      ],
    },
    {
      kind: "table",
      key: "byGrade",
      source: "grades",
      title: { vi: "Giá trị theo phẩm cấp", en: "Amounts by grade" },
      columns: [
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" }, total: { vi: "Cộng", en: "Total" } },
        {
          key: "quantity",
          header: { vi: "Số lượng", en: "Quantity" },
          format: "decimal",
          formula: "=SUMIF({goods.grade:all},{label},{goods.quantity:all})",
          total: "=SUM({quantity:all})",
        },
        {
          key: "amount",
          header: { vi: "Thành tiền", en: "Amount" },
          format: "amount",
          formula: "=SUMIF({goods.grade:all},{label},{goods.amount:all})",
          total: "=SUM({amount:all})",
        },
      ],
    },
    {
      kind: "fields",
      title: { vi: "Giá trị hợp đồng", en: "Contract value" },
      rows: [
        {
          label: { vi: "Tổng giá trị hợp đồng", en: "Total contract value" },
          formula: "={goods.amount:total}",
          format: "amount",
          name: "ContractValue",
        },
        {
          label: { vi: "Hệ số phẩm cấp bình quân", en: "Average grade coefficient" },
          formula: "=HT.GRADECOEF({goods.quantity:all},{goods.grade:all},GradeTable)",
          format: "coefficient",
        },
        {
          label: { vi: "Vật liệu Bên A giao", en: "Material supplied by A" },
          formula: "={goods.suppliedValue:total}",
          format: "amount",
        },
        {
          label: { vi: "Tỷ lệ ứng trước", en: "Advance payment rate" },
          field: "advancePct",
          format: "percent",
          name: "AdvanceRate",
        },
        {
          label: { vi: "Tiền ứng trước", en: "Advance payment" },
          formula: "=ContractValue*AdvanceRate",
          format: "amount",
        },
      ],
    },
    {
      kind: "table",
      key: "deliveries",
      source: "deliveries",
      title: { vi: "Lịch giao hàng", en: "Delivery schedule" },
      columns: [
        { key: "no", counter: true, header: { vi: "Đợt", en: "Batch" }, total: { vi: "Cộng", en: "Total" } },
        { key: "date", input: "date", header: { vi: "Ngày giao", en: "Date" }, format: "date" },
        { key: "note", input: "note", header: { vi: "Nội dung", en: "Description" } },
        {
          key: "share",
          input: "share",
          header: { vi: "Tỷ lệ", en: "Share" },
          format: "percent",
          total: "=SUM({share:all})",
        },
        {
          key: "value",
          header: { vi: "Giá trị", en: "Value" },
          formula: "={share}*ContractValue",
          format: "amount",
          total: "=SUM({value:all})",
        },
      ],
    },
    {
      kind: "fields",
      title: { vi: "Thời hạn", en: "Duration" },
      rows: [
        {
          label: { vi: "Hiệu lực từ ngày", en: "In force from" },
          field: "startDate",
          format: "date",
          name: "StartDate",
        },
        { label: { vi: "Đến ngày", en: "Until" }, field: "endDate", format: "date", name: "EndDate" },
        { label: { vi: "Số ngày", en: "Days" }, formula: "=EndDate-StartDate+1", format: "integer" },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều khoản", en: "Clauses" },
      items: [
        {
          vi: "Điều 1. Bên B nhận sản xuất và giao cho Bên A các mặt hàng ở bảng trên, đúng quy cách, số lượng và phẩm cấp đã thoả thuận, theo hình thức {regime}.",
          en: "Article 1. Party B makes and delivers to party A the goods in the table above, to the agreed standard, quantity and grade, under the {regime} regime.",
        },
        {
          vi: "Điều 2. Giá lấy giá thành làm cơ sở: giá thành phần tự lo, cộng lãi {profitRate} và tích luỹ {accumulationRate} trên giá thành đó, cộng bảo hiểm xã hội và phúc lợi {welfareRate} trên tiền công; hàng tốt giá cao, hàng xấu giá thấp theo bảng phẩm cấp.",
          en: "Article 2. Prices are based on production cost: own cost, plus profit {profitRate} and accumulation {accumulationRate} on that cost, plus social insurance and welfare {welfareRate} on labour; better goods are paid more, poorer goods less, by the grade table.",
        },
        {
          vi: "Điều 3. Vật liệu Bên A giao (nếu có) phải đủ và đúng hạn; Bên B không tính lãi và tích luỹ trên phần vật liệu này, và quyết toán vật liệu theo định mức tiêu hao.",
          en: "Article 3. Materials supplied by party A, if any, are delivered in full and on time; party B charges no profit or accumulation on them and accounts for them by the consumption norms.",
        },
        {
          vi: "Điều 4. Giao hàng tại {deliveryPlace} theo lịch giao hàng. Bên A nghiệm thu phẩm cấp khi nhận hàng.",
          en: "Article 4. Delivery at {deliveryPlace} by the delivery schedule. Party A checks the grade on receipt.",
        },
        {
          vi: "Điều 5. Bên A ứng trước {advancePct} giá trị hợp đồng và thanh toán phần còn lại trong {paymentDays} ngày sau mỗi đợt giao.",
          en: "Article 5. Party A pays {advancePct} of the contract value in advance and the rest within {paymentDays} days of each delivery.",
        },
        {
          vi: "Điều 6. Giao chậm: Bên B chịu phạt {latePenalty} giá trị hàng giao chậm cho mỗi tuần, tối đa {latePenaltyCap}. Hàng dưới phẩm cấp đã thoả thuận: tính giá theo phẩm cấp thực tế và Bên B chịu phạt {qualityPenalty} giá trị số hàng đó.",
          en: "Article 6. Late delivery: party B pays {latePenalty} of the value delivered late for each week, at most {latePenaltyCap}. Goods below the agreed grade are priced at their actual grade and party B pays {qualityPenalty} of their value.",
        },
        {
          vi: "Điều 7. Hợp đồng có hiệu lực từ {startDate} đến {endDate}. Mọi thay đổi phải được hai bên thoả thuận bằng văn bản.",
          en: "Article 7. This contract is in force from {startDate} until {endDate}. Any change must be agreed by both parties in writing.",
        },
        {
          vi: "ĐẠI DIỆN BÊN A: {buyerRep}          ĐẠI DIỆN BÊN B: {sellerRep}",
          en: "FOR PARTY A: {buyerRep}          FOR PARTY B: {sellerRep}",
        },
      ],
    },
  ],
};
