/**
 * The plan fulfilment report (báo cáo tình hình thực hiện kế hoạch): on a sheet of its own beside
 * a plan followed by quarter or month, for one period, per product and in total value at constant
 * prices: the year's plan, the plan to date, the actual of the period and cumulative from the
 * start of the year (lũy kế), the same period last year and the ratios; then the norm-versus-actual
 * indicators of the period where their actuals exist. Every figure is a live formula over the
 * plan's cells: typing an actual in the plan moves the report. Its inputs carry the plan's
 * inputs and where the plan is (context), so it renders, stores and updates as any template.
 */
import { FORM_SIGNATURES, HEADING, HEADING_FIELDS, SIGNER_FIELDS } from "./document";
import type { Text } from "../i18n/lang";
import type { Block, ChartDecl, Column, Inputs, Issue, TemplateDecl } from "./model";
import { MATERIAL_PERIOD_BLOCK, PERIOD_BLOCK } from "./plan-periods";
import { PLAN_TARGETS } from "./plan-targets";
import { PERIOD_COUNTS } from "./periods";

type Kind = "quarter" | "month";

/** The fields of a report's inputs that say which plan it follows and where that plan is. */
export const REPORT_CONTEXT = { sheet: "planSheet", sheetId: "planSheetId", row: "planRow", col: "planCol" } as const;

/** The product charted on its own is one of the plan's products. */
function productCharted(inputs: Inputs): Issue[] {
  const chosen = inputs.fields.chartProduct;
  if (typeof chosen !== "string" || chosen === "") return [];
  const names = (inputs.tables.products ?? []).map((p) => p.name);
  return names.includes(chosen)
    ? []
    : [
        {
          path: "chartProduct",
          message: { vi: "Hãy chọn một sản phẩm của kế hoạch.", en: "Choose one of the plan's products." },
        },
      ];
}

function periodInYear(inputs: Inputs): Issue[] {
  const kind = inputs.fields.periods;
  const period = inputs.fields.reportPeriod;
  if ((kind !== "quarter" && kind !== "month") || typeof period !== "number") return [];
  const count = PERIOD_COUNTS[kind];
  return period > count
    ? [
        {
          path: "reportPeriod",
          message: {
            vi: `Kế hoạch theo dõi ${count} kỳ trong năm.`,
            en: `The plan is followed over ${count} periods.`,
          },
        },
      ]
    : [];
}

const BY_PERIOD: Record<Kind, { vi: string; en: string }> = {
  quarter: { vi: "từng quý", en: "by quarter" },
  month: { vi: "từng tháng", en: "by month" },
};
const PERIOD_WORD: Record<Kind, { vi: string; en: string }> = {
  quarter: { vi: "Quý", en: "Quarter" },
  month: { vi: "Tháng", en: "Month" },
};

const NAME: Record<Kind, { vi: string; en: string }> = {
  quarter: { vi: "QUÝ", en: "QUARTER" },
  month: { vi: "THÁNG", en: "MONTH" },
};

/** A period's cell of the plan for this report's row: blank stays blank (Excel's INDEX gives 0). */
const ofPeriod = (range: string) => `IF(INDEX(${range},ReportPeriod)="","",INDEX(${range},ReportPeriod))`;

/** A column key after a prefix, camel-cased: ("product", "plan") → "productPlan". */
const prefixed = (prefix: string, key: string) => (prefix ? `${prefix}${key[0].toUpperCase()}${key.slice(1)}` : key);

function reportTitle(kind: Kind): Block {
  return {
    kind: "title",
    when: { field: "periods", is: [kind] },
    text: {
      vi: `BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH ${NAME[kind].vi} {reportPeriod} NĂM {planYear}`,
      en: `PLAN FULFILMENT REPORT, ${NAME[kind].en} {reportPeriod} OF {planYear}`,
    },
  };
}

function reportTables(kind: Kind): Block[] {
  const when = { field: "periods", is: [kind] };
  const q = PERIOD_BLOCK[kind];
  const m = MATERIAL_PERIOD_BLOCK[kind];
  const per = (col: string) => `{plan!${q}.${col}:periods}`;
  /** A column of the plan's period table, every product's rows. */
  const all = (col: string) => `{plan!${q}.${col}:all}`;
  const upTo = (col: string) => `SUMIFS(${per(col)},${per("period")},"<="&ReportPeriod)`;
  /**
   * The period's plan, its actual (blank until one is typed) and the cumulative % of the plan
   * from the year's start, over the plan's period rows that `criteria` (more SUMIFS pairs) keep:
   * keys `plan`, `actual`, `cumulative`, after `prefix` ("product": productPlan …).
   */
  const periodColumns = (prefix: string, criteria: string, headers: readonly [Text, Text, Text]): Column[] => {
    const key = (k: string) => prefixed(prefix, k);
    const sum = (col: string, period: string) => `SUMIFS(${all(col)},${all("period")},${period}${criteria})`;
    return [
      {
        key: key("plan"),
        header: headers[0],
        formula: `=${sum("planValue", "{period}")}`,
        format: "amount",
      },
      {
        key: key("actual"),
        header: headers[1],
        formula: `=IF(COUNTIFS(${all("period")},{period}${criteria},${all("actualQty")},"<>")=0,"",${sum("actualValue", "{period}")})`,
        format: "amount",
      },
      {
        key: key("cumulative"),
        header: headers[2],
        formula: `=IF(OR({${key("actual")}}="",N(${sum("planValue", '"<="&{period}')})=0),"",${sum("actualValue", '"<="&{period}')}/${sum("planValue", '"<="&{period}')})`,
        format: "percent",
      },
    ];
  };
  /** A chart of `periodColumns(prefix)`: plan and actual as columns, the cumulative % as a line. */
  const planVsActual = (key: string, prefix: string, title: Text): ChartDecl => {
    const column = (k: string) => prefixed(prefix, k);
    return {
      key,
      title,
      table: "byPeriod",
      categories: "period",
      columns: [
        { column: column("plan"), name: { vi: "Kế hoạch", en: "Plan" } },
        { column: column("actual"), name: { vi: "Thực hiện", en: "Actual" } },
      ],
      line: { column: column("cumulative"), name: { vi: "% lũy kế", en: "Cumulative %" } },
    };
  };
  const ratio = (num: string, den: string) => `=IF(OR({${num}}="",N({${den}})=0),"",{${num}}/{${den}})`;
  return [
    {
      kind: "table",
      key: "fulfil",
      when,
      source: "products",
      title: { vi: "1. Giá trị sản xuất theo giá cố định", en: "1. Output value at constant prices" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." }, total: { vi: "Cộng", en: "Total" } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        {
          key: "yearPlan",
          header: { vi: "Kế hoạch năm", en: "Year's plan" },
          formula: "={plan!products.planValue}",
          format: "amount",
          total: "=SUM({yearPlan:all})",
        },
        {
          key: "toDate",
          header: { vi: "Kế hoạch đến kỳ", en: "Plan to date" },
          formula: `=${upTo("planValue")}`,
          format: "amount",
          total: "=SUM({toDate:all})",
        },
        {
          key: "period",
          header: { vi: "Thực hiện kỳ này", en: "Actual this period" },
          formula: `=${ofPeriod(per("actualValue"))}`,
          format: "amount",
          total: '=IF(COUNT({period:all})=0,"",SUM({period:all}))',
        },
        {
          key: "cumulative",
          header: { vi: "Lũy kế từ đầu năm", en: "Cumulative to date" },
          formula: `=${upTo("actualValue")}`,
          format: "amount",
          total: "=SUM({cumulative:all})",
        },
        {
          key: "lastYear",
          header: { vi: "Cùng kỳ năm trước", en: "Same period last year" },
          formula: `=IF(INDEX(${per("lastYearQty")},ReportPeriod)="","",INDEX(${per("lastYearQty")},ReportPeriod)*{plan!products.price})`,
          format: "amount",
          total: '=IF(COUNT({lastYear:all})=0,"",SUM({lastYear:all}))',
        },
        {
          key: "ofYear",
          header: { vi: "% KH năm", en: "% of year's plan" },
          formula: ratio("cumulative", "yearPlan"),
          format: "percent",
          // Coloured against the plan to date (the cumulative below it red, at or above green).
          flag: "ofToDate",
          total: ratio("cumulative", "yearPlan"),
        },
        {
          key: "ofToDate",
          header: { vi: "% KH đến kỳ", en: "% of plan to date" },
          formula: ratio("cumulative", "toDate"),
          format: "percent",
          // Coloured against the plan to date (the cumulative below it red, at or above green).
          flag: "ofToDate",
          total: ratio("cumulative", "toDate"),
        },
        {
          key: "ofLastYear",
          header: { vi: "% so cùng kỳ", en: "% of last year" },
          formula: ratio("period", "lastYear"),
          format: "percent",
          // Coloured against the same period last year.
          flag: "ofLastYear",
          total: ratio("period", "lastYear"),
        },
        { key: "notes", entry: true, header: { vi: "Ghi chú", en: "Notes" } },
      ],
    },
    {
      kind: "table",
      key: "norms",
      when,
      source: "products",
      title: {
        vi: "2. Chỉ tiêu kinh tế - kỹ thuật của kỳ (định mức lao động, phẩm cấp)",
        en: "2. Norm-versus-actual indicators of the period (labour norm, grades)",
      },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        { key: "name", input: "name", header: { vi: "Sản phẩm", en: "Product" } },
        {
          key: "timeNorm",
          header: { vi: "Giờ/đơn vị", en: "Hours per unit" },
          formula: '=IF({plan!labour.timeNorm}="","",{plan!labour.timeNorm})',
          format: "decimal",
        },
        {
          key: "qty",
          header: { vi: "SL thực hiện", en: "Actual qty" },
          formula: `=${ofPeriod(per("actualQty"))}`,
          format: "decimal",
        },
        {
          key: "hours",
          header: { vi: "Giờ làm thực tế", en: "Hours worked" },
          formula: `=${ofPeriod(per("hoursWorked"))}`,
          format: "integer",
        },
        {
          key: "normFulfil",
          header: { vi: "% hoàn thành định mức", en: "% of norm" },
          formula: '=IF(OR(N({timeNorm})=0,N({qty})=0,N({hours})=0),"",HT.NORMFULFIL({timeNorm},{qty},{hours}))',
          format: "percent",
          // Below the norm red, at or above it green.
          flag: "normFulfil",
        },
        {
          key: "first",
          header: { vi: "SL chính phẩm", en: "First grade qty" },
          formula: `=${ofPeriod(per("first"))}`,
          format: "decimal",
        },
        {
          key: "second",
          header: { vi: "SL thứ phẩm", en: "Second grade qty" },
          formula: `=${ofPeriod(per("second"))}`,
          format: "decimal",
        },
        {
          key: "reject",
          header: { vi: "SL phế phẩm", en: "Reject qty" },
          formula: `=${ofPeriod(per("reject"))}`,
          format: "decimal",
        },
        {
          key: "grade",
          header: { vi: "Hệ số phẩm cấp BQ", en: "Average grade coefficient" },
          formula:
            '=IF(N({first})+N({second})+N({reject})=0,"",HT.GRADECOEF({first}:{reject},TRANSPOSE({plan!grades.label:all}),{plan!grades.label:rest}))',
          format: "coefficient",
        },
      ],
    },
    {
      kind: "table",
      key: "materials",
      when,
      source: "materials",
      title: { vi: "3. Sử dụng vật tư của kỳ", en: "3. Materials used in the period" },
      columns: [
        { key: "no", counter: true, header: { vi: "STT", en: "No." } },
        { key: "product", input: "product", header: { vi: "Sản phẩm", en: "Product" } },
        { key: "material", input: "material", header: { vi: "Vật tư", en: "Material" } },
        { key: "norm", input: "norm", header: { vi: "Định mức/đv", en: "Norm/unit" }, format: "decimal" },
        {
          key: "qty",
          header: { vi: "SL sản phẩm thực hiện", en: "Actual product qty" },
          formula: `=IF({product}="","",IF(INDEX({plan!${q}.actualQty:all},(MATCH({product},{plan!products.name:all},0)-1)*${PERIOD_COUNTS[kind]}+ReportPeriod)="","",INDEX({plan!${q}.actualQty:all},(MATCH({product},{plan!products.name:all},0)-1)*${PERIOD_COUNTS[kind]}+ReportPeriod)))`,
          format: "decimal",
        },
        {
          key: "used",
          header: { vi: "Thực dùng", en: "Actually used" },
          // A spare row (no materials) has no periods of its own to read.
          formula: `=IF({product}="","",${ofPeriod(`{plan!${m}.actualUsed:periods}`)})`,
          format: "decimal",
        },
        {
          key: "saving",
          header: { vi: "Tiết kiệm (+) / vượt (−)", en: "Saving (+) / overrun (−)" },
          formula: '=IF(OR({used}="",{qty}=""),"",HT.MATERIALSAVING({norm},{qty},{used}))',
          format: "decimal",
        },
      ],
    },
    {
      kind: "fields",
      when,
      // The product charted belongs to the table by period and its charts.
      withNext: true,
      rows: [
        { label: { vi: "Sản phẩm vẽ riêng", en: "Product charted" }, field: "chartProduct", name: "ChartProduct" },
      ],
    },
    {
      kind: "table",
      key: "byPeriod",
      when,
      // One row per period of the year (the report's inputs carry the first and the last).
      source: { years: { from: "firstPeriod", to: "lastPeriod" } },
      title: {
        vi: `4. Kế hoạch và thực hiện ${BY_PERIOD[kind].vi}`,
        en: `4. Plan and actual ${BY_PERIOD[kind].en}`,
      },
      columns: [
        { key: "period", yearFrom: "firstPeriod", header: PERIOD_WORD[kind], format: "integer" },
        ...periodColumns("", "", [
          { vi: "Kế hoạch kỳ", en: "Period plan" },
          { vi: "Thực hiện kỳ", en: "Period actual" },
          { vi: "% lũy kế so KH lũy kế", en: "Cumulative % of plan" },
        ]),
        ...periodColumns("product", `,${all("name")},ChartProduct`, [
          { vi: "KH kỳ của sản phẩm", en: "Product's period plan" },
          { vi: "TH kỳ của sản phẩm", en: "Product's period actual" },
          { vi: "% lũy kế của sản phẩm", en: "Product's cumulative %" },
        ]),
      ],
    },
    {
      kind: "charts",
      when,
      rows: 16,
      charts: [
        planVsActual("total", "", {
          vi: "Toàn đơn vị: kế hoạch và thực hiện từng kỳ",
          en: "All products: plan and actual by period",
        }),
        planVsActual("product", "product", {
          vi: "{chartProduct}: kế hoạch và thực hiện từng kỳ",
          en: "{chartProduct}: plan and actual by period",
        }),
      ],
    },
  ];
}

export const PLAN_REPORT: TemplateDecl = {
  id: "planReport",
  name: { vi: "Báo cáo thực hiện kế hoạch", en: "Plan fulfilment report" },
  description: {
    vi: "Cho một kỳ của kế hoạch theo dõi theo quý hoặc tháng: kế hoạch năm, đến kỳ, thực hiện kỳ này, lũy kế, cùng kỳ năm trước và các tỷ lệ; chỉ tiêu định mức của kỳ. Lập từ một chỉ tiêu kế hoạch đã điền.",
    en: "For one period of a plan followed by quarter or month: the year's plan, plan to date, actual this period, cumulative, same period last year and the ratios; the period's norm indicators. Made from a filled plan.",
  },
  sheetName: { vi: "BC KH {planYear}", en: "Report {planYear}" },
  orientation: "landscape",
  widths: [6, 28, 14, 14, 14, 14, 14, 10, 10, 12, 20],
  context: {
    key: "plan",
    template: PLAN_TARGETS,
    sheet: REPORT_CONTEXT.sheet,
    row: REPORT_CONTEXT.row,
    col: REPORT_CONTEXT.col,
  },
  fields: [
    ...HEADING_FIELDS,
    {
      key: "reportPeriod",
      type: "number",
      integer: true,
      required: true,
      min: 1,
      max: 12,
      default: 1,
      label: { vi: "Kỳ báo cáo (quý 1–4 hoặc tháng 1–12)", en: "Period reported (quarter 1–4 or month 1–12)" },
    },
    {
      key: "chartProduct",
      type: "text",
      maxLength: 160,
      label: { vi: "Sản phẩm vẽ biểu đồ riêng", en: "Product charted on its own" },
    },
    ...SIGNER_FIELDS,
  ],
  tables: [],
  rules: [periodInYear, productCharted],
  blocks: [
    HEADING,
    reportTitle("quarter"),
    reportTitle("month"),
    {
      kind: "fields",
      rows: [{ label: { vi: "Kỳ báo cáo", en: "Period reported" }, field: "reportPeriod", name: "ReportPeriod" }],
    },
    {
      kind: "unitLine",
      text: { vi: "Đơn vị tính: {moneyUnit} (giá cố định)", en: "Values in {moneyUnit} (constant prices)" },
    },
    ...reportTables("quarter"),
    ...reportTables("month"),
    {
      kind: "note",
      text: {
        vi: "Số liệu lấy từ bảng chỉ tiêu kế hoạch; cột Ghi chú để điền.",
        en: "Figures come from the plan targets sheet; the Notes column is for you to fill in.",
      },
    },
    FORM_SIGNATURES,
  ],
};

/** Where the reported plan is: its sheet's name and id, and its top-left cell. */
export interface PlanPlace {
  readonly sheet: string;
  readonly sheetId: string;
  readonly row: number;
  readonly col: number;
}

/**
 * A report's inputs: the plan's inputs as they are now, where the plan is, and the report's own
 * fields (which win over the plan's: its date, number, period).
 */
export function reportInputs(plan: Inputs, place: PlanPlace, own: Inputs["fields"]): Inputs {
  const kind = plan.fields.periods;
  const first = plan.tables.products?.[0]?.name;
  return {
    fields: {
      ...plan.fields,
      // The periods of the year, for the table by period; the first product charted unless chosen.
      firstPeriod: 1,
      lastPeriod: kind === "quarter" || kind === "month" ? PERIOD_COUNTS[kind] : 1,
      ...(typeof first === "string" ? { chartProduct: first } : {}),
      ...Object.fromEntries(Object.entries(own).filter(([k, v]) => k !== "chartProduct" || (v !== null && v !== ""))),
      [REPORT_CONTEXT.sheet]: place.sheet,
      [REPORT_CONTEXT.sheetId]: place.sheetId,
      [REPORT_CONTEXT.row]: place.row,
      [REPORT_CONTEXT.col]: place.col,
    },
    tables: plan.tables,
  };
}
