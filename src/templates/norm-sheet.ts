/**
 * Norm-setting sheet (bảng xây dựng định mức): for each operation the observed times,
 * consumptions or outputs, the progressive average (HT.PROGRESSIVEAVG, 003 §III.3), the state or
 * ministry norm and the check that the unit's norm is not looser (HT.NORMCHECK, 003 §IV.4), the
 * norm applied, and for output norms the piece rate before and after the revision keeping the
 * workers' incentive (HT.PIECERATE, HT.REVISEDPIECERATE, 003 §IV.5); signed by the norm council.
 */
import { HEADING, HEADING_FIELDS, SIGN } from "./document";
import type { Column, Field, Inputs, Issue, TableDecl, TemplateDecl } from "./model";
import type { Text } from "../i18n/lang";

const OBSERVATIONS = ["o1", "o2", "o3", "o4", "o5", "o6"];
const ALL = "{o1}:{o6}";

// The words of the 1960 directive (seed 003, §III.3 and §IV.4): the "mức trung bình tiên tiến" is
// set half-way between the mean and the mean of the advanced values ("half"); the "bình quân
// tiên tiến" is the mean of the advanced values alone ("advanced").
const METHODS = [
  {
    value: "half",
    label: {
      vi: "Mức trung bình tiên tiến: trung bình cộng của mức bình quân và mức bình quân tiên tiến",
      en: "Progressive average: half-way between the mean and the mean of the advanced values",
    },
  },
  {
    value: "advanced",
    label: {
      vi: "Bình quân tiên tiến: bình quân các giá trị tiên tiến (không kém mức bình quân)",
      en: "Advanced mean: the mean of the advanced values (those no worse than the mean)",
    },
  },
] as const;

/** The column's name says which of the two it holds. */
const PROGRESSIVE_HEADERS = {
  half: { vi: "Mức trung bình tiên tiến", en: "Progressive average" },
  advanced: { vi: "Bình quân tiên tiến", en: "Advanced mean" },
};

const observationFields = (): Field[] =>
  OBSERVATIONS.map((key, k) => ({
    key,
    type: "number",
    min: 0,
    label: { vi: `Lần ${k + 1}`, en: `Obs. ${k + 1}` },
  }));

const operationTable = (key: string, label: Text, extra: Field[]): TableDecl => ({
  key,
  label,
  minRows: 0,
  maxRows: 500,
  uniqueBy: "operation",
  columns: [
    {
      key: "operation",
      type: "text",
      required: true,
      maxLength: 120,
      label: { vi: "Bước công việc", en: "Operation" },
    },
    { key: "uom", type: "text", maxLength: 20, label: { vi: "Đơn vị tính", en: "Unit" } },
    ...observationFields(),
    { key: "stateNorm", type: "number", min: 0, label: { vi: "Mức Nhà nước / Bộ", en: "State / ministry norm" } },
    ...extra,
  ],
});

/** The columns both tables share: the operation, the observations, mean, progressive average, state norm, check, norm applied. */
function normColumns(better: "lower" | "higher"): Column[] {
  const tighter = better === "lower" ? "MIN" : "MAX";
  return [
    { key: "no", counter: true, header: { vi: "STT", en: "No." } },
    { key: "operation", input: "operation", header: { vi: "Bước công việc", en: "Operation" } },
    { key: "uom", input: "uom", header: { vi: "ĐVT", en: "Unit" } },
    ...OBSERVATIONS.map((o, k): Column => ({
      key: o,
      input: o,
      header: { vi: `Lần ${k + 1}`, en: `Obs. ${k + 1}` },
      format: "decimal",
    })),
    {
      key: "mean",
      header: { vi: "Bình quân", en: "Mean" },
      format: "decimal",
      formula: `=IF(COUNT(${ALL})=0,"",AVERAGE(${ALL}))`,
    },
    {
      key: "progressive",
      header: PROGRESSIVE_HEADERS.half,
      headerBy: { field: "method", values: PROGRESSIVE_HEADERS },
      format: "decimal",
      formula: `=IF(COUNT(${ALL})=0,"",HT.PROGRESSIVEAVG(${ALL},"${better}",{method:value}))`,
    },
    { key: "stateNorm", input: "stateNorm", header: { vi: "Mức Nhà nước / Bộ", en: "State norm" }, format: "decimal" },
    {
      key: "check",
      header: { vi: "So với mức Nhà nước", en: "Against the state norm" },
      formula: {
        vi: `=IF(OR({progressive}="",{stateNorm}=""),"",IF(HT.NORMCHECK({progressive},{stateNorm},"${better}"),"Đạt","Lỏng hơn"))`,
        en: `=IF(OR({progressive}="",{stateNorm}=""),"",IF(HT.NORMCHECK({progressive},{stateNorm},"${better}"),"Meets","Looser"))`,
      },
    },
    {
      // The unit's norm may not be looser than the state's: the tighter of the two.
      key: "applied",
      header: { vi: "Mức áp dụng", en: "Norm applied" },
      format: "decimal",
      formula: `=IF({progressive}="","",IF({stateNorm}="",{progressive},${tighter}({progressive},{stateNorm})))`,
    },
  ];
}

/** A norm needs at least two observations; an output norm under revision needs the old norm and the wage. */
function enoughObservations(inputs: Inputs): Issue[] {
  const issues: Issue[] = [];
  for (const table of ["timeNorms", "outputNorms"]) {
    (inputs.tables[table] ?? []).forEach((row, i) => {
      const count = OBSERVATIONS.filter((o) => typeof row[o] === "number").length;
      if (count < 2)
        issues.push({
          path: `${table}[${i}].o1`,
          message: {
            vi: "Cần ít nhất hai lần quan sát để tính mức bình quân tiên tiến.",
            en: "At least two observations are needed for a progressive average.",
          },
        });
    });
  }
  return issues;
}

export const NORM_SHEET: TemplateDecl = {
  id: "normSheet",
  name: { vi: "Bảng xây dựng định mức", en: "Norm-setting sheet" },
  description: {
    vi: "Quan sát từng bước công việc, mức bình quân tiên tiến, so với mức Nhà nước, đơn giá lương sản phẩm trước và sau khi sửa mức; Hội đồng định mức ký duyệt.",
    en: "Observations per operation, progressive average, check against the state norm, piece rate before and after the revision; approved by the norm council.",
  },
  sheetName: { vi: "Định mức {period}", en: "Norms {period}" },
  orientation: "landscape",
  widths: [5, 22, 10, 7, 7, 7, 7, 7, 7, 9, 14, 10, 11, 10, 10, 12, 11, 11],
  fields: [
    ...HEADING_FIELDS,
    { key: "period", type: "text", required: true, maxLength: 40, label: { vi: "Kỳ áp dụng", en: "Period" } },
    {
      key: "method",
      type: "choice",
      default: "half",
      options: METHODS,
      label: { vi: "Cách tính mức tiên tiến", en: "Progressive average method" },
    },
    {
      key: "incentiveShare",
      type: "number",
      percent: true,
      required: true,
      min: 0,
      max: 1,
      default: 0.5,
      label: {
        vi: "Phần tăng năng suất người lao động được hưởng (%)",
        en: "Share of the productivity gain the worker keeps (%)",
      },
    },
    { key: "preparer", type: "text", maxLength: 60, label: { vi: "Người lập", en: "Prepared by" } },
    {
      key: "secretary",
      type: "text",
      maxLength: 60,
      label: { vi: "Thư ký Hội đồng định mức", en: "Secretary of the norm council" },
    },
    {
      key: "chair",
      type: "text",
      maxLength: 60,
      label: { vi: "Chủ tịch Hội đồng định mức", en: "Chair of the norm council" },
    },
    { key: "head", type: "text", maxLength: 60, label: { vi: "Thủ trưởng đơn vị", en: "Head of unit" } },
  ],
  tables: [
    operationTable(
      "timeNorms",
      { vi: "Mức thời gian, mức tiêu hao (càng thấp càng tốt)", en: "Time and consumption norms (lower is better)" },
      [],
    ),
    operationTable("outputNorms", { vi: "Mức sản lượng (càng cao càng tốt)", en: "Output norms (higher is better)" }, [
      { key: "oldNorm", type: "number", required: true, min: 0, label: { vi: "Mức cũ", en: "Old norm" } },
      { key: "wage", type: "number", required: true, min: 0, label: { vi: "Tiền lương kỳ", en: "Wage per period" } },
    ]),
  ],
  rules: [enoughObservations],
  blocks: [
    HEADING,
    { kind: "title", text: { vi: "BẢNG XÂY DỰNG ĐỊNH MỨC", en: "NORM-SETTING SHEET" } },
    { kind: "subtitle", text: { vi: "Kỳ áp dụng: {period}", en: "Period: {period}" } },
    {
      kind: "fields",
      rows: [
        { label: { vi: "Cách tính mức tiên tiến", en: "Progressive average method" }, field: "method", wide: true },
        {
          label: { vi: "Phần tăng năng suất người lao động hưởng", en: "Share of the gain the worker keeps" },
          field: "incentiveShare",
          format: "percent",
          name: "IncentiveShare",
        },
      ],
    },
    {
      kind: "table",
      key: "timeNorms",
      source: "timeNorms",
      title: { vi: "1. Mức thời gian, mức tiêu hao vật tư", en: "1. Time and consumption norms" },
      columns: normColumns("lower"),
    },
    {
      kind: "table",
      key: "outputNorms",
      source: "outputNorms",
      title: { vi: "2. Mức sản lượng và đơn giá lương sản phẩm", en: "2. Output norms and piece rates" },
      columns: [
        ...normColumns("higher"),
        { key: "oldNorm", input: "oldNorm", header: { vi: "Mức cũ", en: "Old norm" }, format: "decimal" },
        { key: "wage", input: "wage", header: { vi: "Tiền lương kỳ", en: "Wage per period" }, format: "amount" },
        {
          key: "oldRate",
          header: { vi: "Đơn giá cũ", en: "Old piece rate" },
          format: "price",
          formula: '=IF(OR({wage}="",N({oldNorm})=0),"",HT.PIECERATE({wage},{oldNorm}))',
        },
        {
          key: "newRate",
          header: { vi: "Đơn giá mới", en: "New piece rate" },
          format: "price",
          formula:
            '=IF(OR({oldRate}="",N({applied})=0),"",HT.REVISEDPIECERATE({oldRate},{oldNorm},{applied},{incentiveShare}))',
        },
      ],
    },
    {
      kind: "note",
      text: {
        vi: "Mức áp dụng không được thấp hơn mức Nhà nước hoặc mức của Bộ (003 §IV.4); khi nâng mức sản lượng, đơn giá mới giữ phần tăng năng suất cho người lao động (003 §IV.5).",
        en: "The norm applied may not be looser than the state or ministry norm (003 §IV.4); when an output norm rises, the new piece rate leaves the worker a share of the gain (003 §IV.5).",
      },
    },
    {
      kind: "signatures",
      dateLine: { place: "place", date: "docDate" },
      signers: [
        { title: { vi: "NGƯỜI LẬP", en: "PREPARED BY" }, note: SIGN.sign, name: "preparer" },
        {
          title: { vi: "THƯ KÝ HỘI ĐỒNG ĐỊNH MỨC", en: "SECRETARY, NORM COUNCIL" },
          note: SIGN.sign,
          name: "secretary",
        },
        { title: { vi: "CHỦ TỊCH HỘI ĐỒNG ĐỊNH MỨC", en: "CHAIR, NORM COUNCIL" }, note: SIGN.sign, name: "chair" },
        { title: { vi: "THỦ TRƯỞNG ĐƠN VỊ DUYỆT", en: "APPROVED, HEAD OF UNIT" }, note: SIGN.signStamp, name: "head" },
      ],
    },
  ],
};
