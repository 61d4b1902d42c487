/**
 * Economic contract (hợp đồng kinh tế: mua bán hàng hoá, gia công, hai chiều) as the document
 * two parties sign: national heading, legal bases, both parties' full details, the articles in
 * the usual order (goods and price with the total in words, quality and grades, materials
 * supplied, delivery and acceptance, payment, guarantees, rights and duties, penalties for both
 * parties, force majeure, disputes, general terms) and the representatives' signatures.
 * Amounts are live formulas; clauses are text the user may edit.
 */
import { SIGN } from "./document";
import { GRADE_COLUMNS, STANDARD_GRADES } from "./grades";
import type { Block, Field, FieldRow, Inputs, Issue, Row, TemplateDecl } from "./model";
import type { Text } from "../i18n/lang";

const REGIMES = [
  {
    value: "purchase",
    label: { vi: "mua bán (Bên B tự lo vật liệu)", en: "purchase (party B buys its materials)" },
  },
  {
    value: "processing",
    label: { vi: "gia công (Bên A giao toàn bộ vật liệu)", en: "processing (party A supplies all materials)" },
  },
  {
    value: "twoWay",
    label: { vi: "hai chiều (Bên A giao một phần vật liệu)", en: "two-way (party A supplies part of the materials)" },
  },
] as const;

const KINDS = [
  {
    value: "commercial",
    label: {
      vi: "thương mại (Luật Thương mại, phạt tối đa 8 %)",
      en: "commercial (Commercial Law, penalties at most 8 %)",
    },
  },
  {
    value: "civil",
    label: { vi: "dân sự (Bộ luật Dân sự, không giới hạn mức phạt)", en: "civil (Civil Code, no cap on penalties)" },
  },
] as const;

/** Commercial Law 2005, art. 301: a penalty, or the total for several breaches, at most 8 %. */
const COMMERCIAL_PENALTY_CAP = 0.08;

const rate = (key: string, label: Text, fallback: number | undefined, required = true) =>
  ({ key, type: "number", percent: true, required, min: 0, max: 1, default: fallback, label }) as const;

const issue = (path: string, vi: string, en: string): Issue => ({ path, message: { vi, en } });

const TAX_CODE = {
  regex: "^\\d{10}(-\\d{3})?$",
  message: {
    vi: "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (đơn vị phụ thuộc).",
    en: "A tax code is 10 digits, or 10 digits, a dash and 3 digits (a dependent unit).",
  },
};
const PHONE = {
  regex: "^[0-9+().\\s-]{6,20}$",
  message: {
    vi: "Số điện thoại chỉ gồm chữ số, dấu cách, + - ( ).",
    en: "A phone number has digits, spaces and + - ( ) only.",
  },
};

/** The details of one party: name, address, phone, tax code, bank account and bank, representative and title. */
function partyFields(p: "buyer" | "seller", party: Text): Field[] {
  const of = (vi: string, en: string): Text => ({ vi: `${vi} ${party.vi}`, en: `${en} ${party.en}` });
  return [
    { key: `${p}Name`, type: "text", required: true, maxLength: 160, label: of("Tên", "Name of") },
    { key: `${p}Address`, type: "text", required: true, maxLength: 200, label: of("Địa chỉ", "Address of") },
    { key: `${p}Phone`, type: "text", maxLength: 20, pattern: PHONE, label: of("Điện thoại", "Phone of") },
    { key: `${p}TaxCode`, type: "text", maxLength: 14, pattern: TAX_CODE, label: of("Mã số thuế", "Tax code of") },
    { key: `${p}Account`, type: "text", maxLength: 30, label: of("Tài khoản số", "Bank account of") },
    { key: `${p}Bank`, type: "text", maxLength: 120, label: of("Tại ngân hàng", "Bank of") },
    { key: `${p}Rep`, type: "text", required: true, maxLength: 80, label: of("Người đại diện", "Representative of") },
    {
      key: `${p}RepTitle`,
      type: "text",
      required: true,
      maxLength: 80,
      label: of("Chức vụ người đại diện", "Title of the representative of"),
    },
  ];
}

function partyBlock(p: "buyer" | "seller", title: Text): Block {
  const rows: FieldRow[] = [
    { label: { vi: "Tên đơn vị", en: "Name" }, field: `${p}Name`, wide: true },
    { label: { vi: "Địa chỉ", en: "Address" }, field: `${p}Address`, wide: true },
    { label: { vi: "Điện thoại", en: "Phone" }, field: `${p}Phone`, wide: true },
    { label: { vi: "Mã số thuế", en: "Tax code" }, field: `${p}TaxCode`, wide: true },
    {
      label: { vi: "Tài khoản số", en: "Bank account" },
      text: { vi: `{${p}Account} tại {${p}Bank}`, en: `{${p}Account} at {${p}Bank}` },
      wide: true,
    },
    {
      label: { vi: "Đại diện", en: "Represented by" },
      text: { vi: `{${p}Rep} — Chức vụ: {${p}RepTitle}`, en: `{${p}Rep}, {${p}RepTitle}` },
      wide: true,
    },
  ];
  return { kind: "fields", title, rows };
}

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
      issues.push(issue(path, "Mua bán: Bên A không giao vật liệu.", "Purchase: party A supplies no material."));
    else if (regime === "processing" && supplied !== material)
      issues.push(
        issue(path, "Gia công: Bên A giao toàn bộ vật liệu.", "Processing: party A supplies all the material."),
      );
    else if (regime === "twoWay" && !(supplied > 0 && supplied < material))
      issues.push(
        issue(path, "Hai chiều: Bên A giao một phần vật liệu.", "Two-way: party A supplies part of the material."),
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

/** Signed, then in force, then ended; every delivery while the contract is in force. */
function datesInOrder(inputs: Inputs): Issue[] {
  const { signDate, startDate, endDate } = inputs.fields;
  const issues: Issue[] = [];
  if (typeof signDate === "string" && typeof startDate === "string" && startDate < signDate)
    issues.push(
      issue(
        "startDate",
        "Hợp đồng có hiệu lực từ ngày ký trở đi.",
        "The contract cannot take effect before it is signed.",
      ),
    );
  if (typeof startDate === "string" && typeof endDate === "string" && endDate < startDate)
    issues.push(
      issue("endDate", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must come after the start date."),
    );
  (inputs.tables.deliveries ?? []).forEach((row, i) => {
    const date = row.date;
    if (typeof date !== "string") return;
    if ((typeof startDate === "string" && date < startDate) || (typeof endDate === "string" && date > endDate))
      issues.push(
        issue(
          `deliveries[${i}].date`,
          "Ngày giao phải trong thời hạn hợp đồng.",
          "A delivery must fall within the contract's term.",
        ),
      );
  });
  return issues;
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

const PENALTIES = [
  "latePenalty",
  "latePenaltyCap",
  "shortPenalty",
  "qualityPenalty",
  "latePaymentPenalty",
  "refusalPenalty",
];

/** A commercial contract's penalties stay within 8 %; a weekly rate stays within its cap. */
function penaltiesWithinCaps(inputs: Inputs): Issue[] {
  const f = inputs.fields;
  const issues: Issue[] = [];
  if (f.kind === "commercial") {
    for (const key of PENALTIES) {
      const value = f[key];
      if (typeof value === "number" && value > COMMERCIAL_PENALTY_CAP + 1e-12)
        issues.push(
          issue(
            key,
            "Hợp đồng thương mại: mức phạt không quá 8 % giá trị phần nghĩa vụ bị vi phạm (Điều 301 Luật Thương mại). Chọn loại hợp đồng dân sự nếu không áp dụng Luật Thương mại.",
            "Commercial contract: a penalty may not exceed 8 % of the breached obligation (Commercial Law, art. 301). Choose a civil contract if the Commercial Law does not apply.",
          ),
        );
    }
  }
  if (typeof f.latePenalty === "number" && typeof f.latePenaltyCap === "number" && f.latePenalty > f.latePenaltyCap)
    issues.push(
      issue(
        "latePenalty",
        "Mức phạt mỗi tuần không lớn hơn mức phạt tối đa.",
        "The weekly rate cannot exceed the cap.",
      ),
    );
  return issues;
}

const ACTUAL_PRICE =
  '=IF({agreed}<>"",{agreed},HT.COSTPRICE({material},{labour},{overhead},{profitRate},{accumulationRate},{welfareRate},{supplied}))';

const FORCE_MAJEURE: Text = {
  vi: "Sự kiện bất khả kháng là sự kiện xảy ra khách quan, không thể lường trước và không thể khắc phục dù đã áp dụng mọi biện pháp cần thiết (thiên tai, hoả hoạn, dịch bệnh, chiến tranh, quyết định của cơ quan nhà nước có thẩm quyền…). Bên gặp sự kiện bất khả kháng phải thông báo bằng văn bản cho bên kia trong vòng 07 ngày kể từ khi sự kiện xảy ra; thời hạn thực hiện nghĩa vụ được kéo dài bằng thời gian diễn ra sự kiện và bên đó không bị phạt vi phạm.",
  en: "A force majeure event is one that occurs objectively, could not be foreseen and cannot be overcome despite every necessary measure (natural disaster, fire, epidemic, war, a decision of a competent state authority…). The party affected notifies the other in writing within 7 days of the event; the time to perform is extended by the duration of the event and that party bears no penalty.",
};
const DISPUTES: Text = {
  vi: "Tranh chấp phát sinh được hai bên giải quyết trước hết bằng thương lượng, hoà giải. Nếu không thương lượng được trong vòng 30 ngày, một bên có quyền đưa tranh chấp ra Tòa án nhân dân có thẩm quyền (hoặc trọng tài thương mại do hai bên chọn) giải quyết; phán quyết có hiệu lực buộc hai bên thi hành.",
  en: "Disputes are settled first by negotiation and conciliation. Failing agreement within 30 days, either party may bring the dispute before the competent People's Court (or a commercial arbitration centre both parties choose); its ruling binds both parties.",
};
const GUARANTEE: Text = {
  vi: "Bên B bảo đảm hàng đúng quy cách, phẩm cấp đã thoả thuận. Trong thời hạn bảo hành, hàng không đạt phẩm cấp do lỗi của Bên B được Bên B đổi hoặc sửa chữa không tính tiền.",
  en: "Party B guarantees the goods meet the agreed standard and grade. During the guarantee period, goods below grade through party B's fault are replaced or repaired free of charge.",
};

const PAYMENT_METHODS = [
  { value: "transfer", label: { vi: "chuyển khoản", en: "bank transfer" } },
  { value: "cash", label: { vi: "tiền mặt", en: "cash" } },
  { value: "either", label: { vi: "chuyển khoản hoặc tiền mặt", en: "bank transfer or cash" } },
] as const;

export const CONTRACT: TemplateDecl = {
  id: "contract",
  name: { vi: "Hợp đồng kinh tế", en: "Economic contract" },
  description: {
    vi: "Mua bán, gia công hoặc hai chiều: các bên đầy đủ, căn cứ pháp lý, hàng hoá và giá lấy giá thành làm cơ sở, tổng tiền bằng chữ, phẩm cấp, giao nhận, thanh toán, phạt cả hai bên, bất khả kháng, tranh chấp, chữ ký.",
    en: "Purchase, processing or two-way: both parties in full, legal bases, goods with cost-based prices, the total in words, grades, delivery, payment, penalties for both parties, force majeure, disputes, signatures.",
  },
  sheetName: { vi: "HĐ {contractNo}", en: "Contract {contractNo}" },
  // Vietnamese contracts are portrait A4; the goods table's fifteen columns are as narrow as their
  // numbers allow, headers wrapped, and the page is fitted to one page wide. Columns C to E are
  // wider: the schedules' amounts (hundreds of millions of đồng) sit there.
  orientation: "portrait",
  widths: [5, 14, 13, 12, 13, 10, 10, 10, 11, 10, 10, 10, 10, 13, 12],
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
      key: "kind",
      type: "choice",
      default: "commercial",
      options: KINDS,
      label: { vi: "Loại hợp đồng", en: "Kind of contract" },
    },
    { key: "regime", type: "choice", default: "purchase", options: REGIMES, label: { vi: "Hình thức", en: "Regime" } },
    ...partyFields("buyer", { vi: "Bên A (bên mua / bên đặt hàng)", en: "party A (buyer / ordering party)" }),
    ...partyFields("seller", { vi: "Bên B (bên bán / bên nhận gia công)", en: "party B (seller / processor)" }),
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
    {
      key: "paymentMethod",
      type: "choice",
      default: "transfer",
      options: PAYMENT_METHODS,
      label: { vi: "Hình thức thanh toán", en: "Payment method" },
    },
    {
      key: "warrantyMonths",
      type: "number",
      integer: true,
      min: 0,
      max: 120,
      default: 6,
      label: { vi: "Thời hạn bảo hành (tháng)", en: "Guarantee period (months)" },
    },
    rate("latePenalty", { vi: "Phạt giao chậm mỗi tuần (%)", en: "Late-delivery penalty per week (%)" }, 0.02),
    rate("latePenaltyCap", { vi: "Phạt giao chậm tối đa (%)", en: "Late-delivery penalty cap (%)" }, 0.08),
    rate(
      "shortPenalty",
      { vi: "Phạt giao thiếu (% hàng thiếu)", en: "Short-delivery penalty (% of the shortfall)" },
      0.08,
    ),
    rate("qualityPenalty", { vi: "Phạt hàng dưới phẩm cấp (%)", en: "Penalty for goods below grade (%)" }, 0.05),
    rate(
      "latePaymentPenalty",
      { vi: "Phạt chậm thanh toán (% số tiền chậm)", en: "Late-payment penalty (% of the amount late)" },
      0.05,
    ),
    rate(
      "refusalPenalty",
      { vi: "Phạt từ chối nhận hàng (% hàng từ chối)", en: "Penalty for refused acceptance (% of the goods refused)" },
      0.08,
    ),
    rate(
      "lateInterest",
      {
        vi: "Lãi chậm trả (%/năm; để trống: lãi suất nợ quá hạn bình quân thị trường)",
        en: "Late-payment interest (% a year; blank: the average market rate for overdue debt)",
      },
      undefined,
      false,
    ),
    { key: "startDate", type: "date", required: true, label: { vi: "Hiệu lực từ ngày", en: "In force from" } },
    { key: "endDate", type: "date", required: true, label: { vi: "Đến ngày", en: "Until" } },
    {
      key: "guarantee",
      type: "text",
      multiline: true,
      required: true,
      maxLength: 1500,
      default: GUARANTEE,
      label: { vi: "Điều khoản bảo hành", en: "Guarantee clause" },
    },
    {
      key: "forceMajeure",
      type: "text",
      multiline: true,
      required: true,
      maxLength: 1500,
      default: FORCE_MAJEURE,
      label: { vi: "Điều khoản bất khả kháng", en: "Force majeure clause" },
    },
    {
      key: "disputes",
      type: "text",
      multiline: true,
      required: true,
      maxLength: 1500,
      default: DISPUTES,
      label: { vi: "Điều khoản giải quyết tranh chấp", en: "Dispute clause" },
    },
  ],
  tables: [
    {
      key: "grades",
      label: { vi: "Bảng phẩm cấp", en: "Grade table" },
      minRows: 1,
      maxRows: 10,
      uniqueBy: "label",
      // A contract usually buys first and second grade; rejects are not bought.
      defaultRows: STANDARD_GRADES.slice(0, 2),
      columns: GRADE_COLUMNS,
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
  rules: [suppliedMatchesRegime, datesInOrder, deliveriesAddUp, penaltiesWithinCaps],
  blocks: [
    // The national heading and the place and date of signing; the number goes under the title.
    { kind: "heading", place: "place", date: "signDate" },
    { kind: "title", text: { vi: "HỢP ĐỒNG KINH TẾ", en: "ECONOMIC CONTRACT" } },
    { kind: "subtitle", text: { vi: "Số: {contractNo}", en: "No.: {contractNo}" } },
    {
      kind: "clauses",
      items: [
        {
          vi: "- Căn cứ Bộ luật Dân sự số 91/2015/QH13 ngày 24/11/2015;",
          en: "- Having regard to the Civil Code No. 91/2015/QH13 of 24 November 2015;",
        },
        {
          text: {
            vi: "- Căn cứ Luật Thương mại số 36/2005/QH11 ngày 14/6/2005;",
            en: "- Having regard to the Commercial Law No. 36/2005/QH11 of 14 June 2005;",
          },
          when: { field: "kind", is: ["commercial"] },
        },
        {
          vi: "- Căn cứ nhu cầu và khả năng của hai bên,",
          en: "- Having regard to the needs and capacities of both parties,",
        },
        {
          vi: "Hôm nay, ngày {signDate}, tại {place}, chúng tôi gồm:",
          en: "Today, {signDate}, at {place}, we the undersigned:",
        },
      ],
    },
    partyBlock("buyer", { vi: "BÊN A (bên mua / bên đặt hàng)", en: "PARTY A (buyer / ordering party)" }),
    partyBlock("seller", { vi: "BÊN B (bên bán / bên nhận gia công)", en: "PARTY B (seller / processor)" }),
    {
      kind: "clauses",
      items: [
        {
          vi: "Hai bên thoả thuận ký hợp đồng {regime} với các điều khoản sau:",
          en: "agree to this {regime} contract on the following terms:",
        },
      ],
    },
    {
      kind: "fields",
      title: {
        vi: "Điều 1. Hàng hoá, số lượng, giá và thành tiền (giá lấy giá thành làm cơ sở)",
        en: "Article 1. Goods, quantity, price and amount (prices based on production cost)",
      },
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
      kind: "unitLine",
      text: {
        vi: "Đơn vị tính: đồng; giá chưa gồm thuế giá trị gia tăng (GTGT)",
        en: "Amounts in dong, before value added tax (VAT)",
      },
    },
    {
      kind: "table",
      key: "goods",
      source: "goods",
      appendix: {
        title: { vi: "PHỤ LỤC 01: DANH MỤC HÀNG HOÁ", en: "APPENDIX 01: LIST OF GOODS" },
        reference: {
          vi: "Hàng hoá, số lượng, phẩm cấp và giá: theo Phụ lục 01 (Danh mục hàng hoá) kèm theo và là bộ phận không tách rời của hợp đồng này.",
          en: "Goods, quantity, grade and price: as in Appendix 01 (List of goods), attached to and forming an integral part of this contract.",
        },
      },
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
        { key: "material", input: "material", header: { vi: "Vật liệu", en: "Material" }, format: "price" },
        { key: "labour", input: "labour", header: { vi: "Tiền công", en: "Labour" }, format: "price" },
        { key: "overhead", input: "overhead", header: { vi: "Chi phí chung", en: "Overhead" }, format: "price" },
        { key: "supplied", input: "supplied", header: { vi: "Bên A giao", en: "Supplied by A" }, format: "price" },
        { key: "agreed", input: "agreedPrice", header: { vi: "Giá thoả thuận", en: "Agreed price" }, format: "price" },
        { key: "basePrice", header: { vi: "Giá cơ sở", en: "Base price" }, formula: ACTUAL_PRICE, format: "price" },
        {
          key: "gradePrice",
          header: { vi: "Đơn giá theo phẩm cấp", en: "Unit price for grade" },
          formula: "=HT.GRADEPRICE({basePrice},{grade},{gradeTable})",
          format: "price",
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
      kind: "fields",
      rows: [
        {
          label: { vi: "Tổng giá trị hợp đồng", en: "Total contract value" },
          formula: "={goods.amount:total}",
          format: "amount",
          key: "contractValue",
          name: "ContractValue",
        },
        {
          label: { vi: "Bằng chữ:", en: "In words:" },
          formula: { vi: "=HT.INWORDS({contractValue})", en: '=HT.INWORDS({contractValue},"","en")' },
          wide: true,
        },
      ],
    },
    {
      kind: "table",
      key: "grades",
      source: "grades",
      title: {
        vi: "Điều 2. Chất lượng và phẩm cấp (hàng tốt giá cao, hàng xấu giá thấp)",
        en: "Article 2. Quality and grades (better goods, higher price)",
      },
      rangeName: { key: "gradeTable", name: "GradeTable", from: "label", to: "coef" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" } },
        { key: "coef", input: "coef", header: { vi: "Hệ số giá", en: "Price coefficient" }, format: "coefficient" },
      ],
    },
    {
      kind: "table",
      key: "byGrade",
      source: "grades",
      title: { vi: "Giá trị theo phẩm cấp", en: "Amounts by grade" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "label", input: "label", header: { vi: "Phẩm cấp", en: "Grade" } },
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
      rows: [
        {
          label: { vi: "Hệ số phẩm cấp bình quân", en: "Average grade coefficient" },
          formula:
            '=IF(N({goods.quantity:total})=0,"",HT.GRADECOEF({goods.quantity:all},{goods.grade:all},{gradeTable}))',
          format: "coefficient",
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 3. Vật liệu Bên A giao", en: "Article 3. Materials supplied by party A" },
      items: [
        {
          text: {
            vi: "Hình thức mua bán: Bên B tự lo toàn bộ vật liệu; Bên A không giao vật liệu.",
            en: "Purchase: party B procures all materials; party A supplies none.",
          },
          when: { field: "regime", is: ["purchase"] },
        },
        {
          text: {
            vi: 'Bên A giao vật liệu theo cột "Bên A giao" ở Điều 1, đủ và đúng hạn; Bên B không tính lãi và tích luỹ trên phần vật liệu này, bảo quản và quyết toán vật liệu theo định mức tiêu hao, hoàn trả phần thừa.',
            en: 'Party A supplies the materials of the column "Supplied by A" in article 1, in full and on time; party B charges no profit or accumulation on them, keeps them safe, accounts for them by the consumption norms and returns what is left.',
          },
          when: { field: "regime", is: ["processing", "twoWay"] },
        },
      ],
    },
    {
      kind: "fields",
      rows: [
        {
          label: { vi: "Giá trị vật liệu Bên A giao", en: "Value of materials supplied by A" },
          formula: "={goods.suppliedValue:total}",
          format: "amount",
        },
      ],
    },
    {
      kind: "table",
      key: "deliveries",
      source: "deliveries",
      title: { vi: "Điều 4. Giao hàng và nghiệm thu", en: "Article 4. Delivery and acceptance" },
      columns: [
        { key: "no", counter: true, header: { vi: "Đợt", en: "No." }, total: { vi: "Cộng", en: "Total" } },
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
          formula: "={share}*{contractValue}",
          format: "amount",
          total: "=SUM({value:all})",
        },
      ],
    },
    {
      kind: "clauses",
      items: [
        {
          vi: "Giao hàng tại {deliveryPlace} theo lịch trên. Bên A nghiệm thu số lượng và phẩm cấp khi nhận hàng; hai bên lập biên bản giao nhận cho mỗi đợt.",
          en: "Delivery at {deliveryPlace} by the schedule above. Party A checks quantity and grade on receipt; both parties sign a delivery record for each batch.",
        },
      ],
    },
    {
      kind: "fields",
      title: { vi: "Điều 5. Thanh toán", en: "Article 5. Payment" },
      rows: [
        {
          label: { vi: "Tỷ lệ ứng trước", en: "Advance payment rate" },
          field: "advancePct",
          format: "percent",
          name: "AdvanceRate",
        },
        {
          label: { vi: "Tiền ứng trước", en: "Advance payment" },
          formula: "={contractValue}*{advancePct}",
          format: "amount",
        },
        {
          label: { vi: "Thanh toán sau khi giao (ngày)", en: "Payment after delivery (days)" },
          field: "paymentDays",
          format: "integer",
          name: "PaymentDays",
        },
      ],
    },
    {
      kind: "table",
      key: "payments",
      source: "deliveries",
      title: { vi: "Lịch thanh toán", en: "Payment schedule" },
      columns: [
        { key: "no", counter: true, header: { vi: "Đợt", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        {
          key: "due",
          header: { vi: "Hạn thanh toán", en: "Due" },
          format: "date",
          formula: '=IF({deliveries.date}="","",{deliveries.date}+{paymentDays})',
        },
        {
          key: "value",
          header: { vi: "Giá trị đợt giao", en: "Batch value" },
          format: "amount",
          formula: "={deliveries.value}",
          total: "=SUM({value:all})",
        },
        {
          key: "advance",
          header: { vi: "Trừ tiền ứng trước", en: "Less the advance" },
          format: "amount",
          formula: "={value}*{advancePct}",
          total: "=SUM({advance:all})",
        },
        {
          key: "payable",
          header: { vi: "Còn phải trả", en: "Payable" },
          format: "amount",
          formula: "={value}-{advance}",
          total: "=SUM({payable:all})",
        },
      ],
    },
    {
      kind: "clauses",
      items: [
        {
          vi: "Bên A ứng trước {advancePct} giá trị hợp đồng khi ký và thanh toán phần còn lại của mỗi đợt trong {paymentDays} ngày sau khi giao, bằng {paymentMethod} vào tài khoản của Bên B nêu trên.",
          en: "Party A pays {advancePct} of the contract value in advance on signing and the rest of each batch within {paymentDays} days of its delivery, by {paymentMethod} to party B's account above.",
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 6. Bảo hành", en: "Article 6. Guarantee" },
      items: [
        { vi: "{guarantee}", en: "{guarantee}" },
        {
          vi: "Thời hạn bảo hành: {warrantyMonths} tháng kể từ ngày giao hàng.",
          en: "Guarantee period: {warrantyMonths} months from delivery.",
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 7. Quyền và nghĩa vụ của các bên", en: "Article 7. Rights and duties of the parties" },
      items: [
        {
          vi: "Bên A: giao vật liệu (nếu có) đủ và đúng hạn; nhận hàng, nghiệm thu và thanh toán đúng hạn; có quyền từ chối nhận hàng không đúng quy cách, phẩm cấp.",
          en: "Party A: supplies materials, if any, in full and on time; receives, checks and pays on time; may refuse goods that do not meet the standard or grade.",
        },
        {
          vi: "Bên B: sản xuất và giao hàng đúng số lượng, quy cách, phẩm cấp và thời hạn; quyết toán vật liệu Bên A giao; được thanh toán đủ và đúng hạn.",
          en: "Party B: makes and delivers the goods in the agreed quantity, standard, grade and time; accounts for party A's materials; is paid in full and on time.",
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 8. Phạt vi phạm và bồi thường thiệt hại", en: "Article 8. Penalties and damages" },
      items: [
        {
          vi: "8.1. Bên B giao chậm: phạt {latePenalty} giá trị hàng giao chậm cho mỗi tuần chậm, tối đa {latePenaltyCap}; giao thiếu: phạt {shortPenalty} giá trị hàng giao thiếu.",
          en: "8.1. Late delivery by party B: {latePenalty} of the value delivered late for each week, at most {latePenaltyCap}; short delivery: {shortPenalty} of the value not delivered.",
        },
        {
          vi: "8.2. Hàng dưới phẩm cấp đã thoả thuận: tính giá theo phẩm cấp thực tế và Bên B chịu phạt {qualityPenalty} giá trị số hàng đó.",
          en: "8.2. Goods below the agreed grade are priced at their actual grade and party B pays {qualityPenalty} of their value.",
        },
        {
          text: {
            vi: "8.3. Bên A chậm thanh toán: chịu phạt {latePaymentPenalty} số tiền chậm trả và trả lãi trên số tiền chậm trả theo lãi suất {lateInterest} một năm cho thời gian chậm trả.",
            en: "8.3. Late payment by party A: {latePaymentPenalty} of the amount paid late, plus interest on it at {lateInterest} a year for the time it is late.",
          },
          when: { field: "lateInterest", filled: true },
        },
        {
          text: {
            vi: "8.3. Bên A chậm thanh toán: chịu phạt {latePaymentPenalty} số tiền chậm trả và trả lãi trên số tiền chậm trả theo lãi suất nợ quá hạn trung bình trên thị trường tại thời điểm thanh toán (Điều 306 Luật Thương mại).",
            en: "8.3. Late payment by party A: {latePaymentPenalty} of the amount paid late, plus interest on it at the average market rate for overdue debt at the time of payment (Commercial Law, art. 306).",
          },
          when: { field: "lateInterest", filled: false },
        },
        {
          vi: "8.4. Bên A từ chối nhận hàng đúng hợp đồng: chịu phạt {refusalPenalty} giá trị hàng từ chối nhận.",
          en: "8.4. Refused acceptance by party A of goods that meet the contract: {refusalPenalty} of the value refused.",
        },
        {
          text: {
            vi: "8.5. Mức phạt đối với một vi phạm hoặc tổng mức phạt đối với nhiều vi phạm không quá 8 % giá trị phần nghĩa vụ bị vi phạm (Điều 301 Luật Thương mại); ngoài tiền phạt, bên vi phạm bồi thường thiệt hại thực tế (Điều 302).",
            en: "8.5. The penalty for one breach, or the total for several, does not exceed 8 % of the value of the breached obligation (Commercial Law, art. 301); beyond the penalty, the party in breach pays the actual damage (art. 302).",
          },
          when: { field: "kind", is: ["commercial"] },
        },
        {
          text: {
            vi: "8.5. Ngoài tiền phạt vi phạm (Điều 418 Bộ luật Dân sự), bên vi phạm bồi thường thiệt hại (Điều 419).",
            en: "8.5. Beyond the agreed penalty (Civil Code, art. 418), the party in breach pays damages (art. 419).",
          },
          when: { field: "kind", is: ["civil"] },
        },
      ],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 9. Bất khả kháng", en: "Article 9. Force majeure" },
      items: [{ vi: "{forceMajeure}", en: "{forceMajeure}" }],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 10. Giải quyết tranh chấp", en: "Article 10. Disputes" },
      items: [{ vi: "{disputes}", en: "{disputes}" }],
    },
    {
      kind: "clauses",
      title: { vi: "Điều 11. Điều khoản chung", en: "Article 11. General terms" },
      items: [
        {
          vi: "Hợp đồng có hiệu lực từ ngày {startDate} đến ngày {endDate}. Mọi sửa đổi, bổ sung phải được hai bên thoả thuận bằng văn bản.",
          en: "This contract is in force from {startDate} until {endDate}. Any change must be agreed by both parties in writing.",
        },
        {
          vi: "Hợp đồng được lập thành 02 bản có giá trị pháp lý như nhau, mỗi bên giữ 01 bản.",
          en: "This contract is made in 2 copies of equal legal force, one for each party.",
        },
      ],
    },
    {
      kind: "signatures",
      signers: [
        {
          title: { vi: "ĐẠI DIỆN BÊN A", en: "FOR PARTY A" },
          position: "buyerRepTitle",
          note: SIGN.signStamp,
          name: "buyerRep",
        },
        {
          title: { vi: "ĐẠI DIỆN BÊN B", en: "FOR PARTY B" },
          position: "sellerRepTitle",
          note: SIGN.signStamp,
          name: "sellerRep",
        },
      ],
    },
  ],
};
