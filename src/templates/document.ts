/**
 * The fixed words of a Vietnamese document (văn bản): the national heading, the motto, the
 * "Số: …" line and the place and date line, in both languages. Every template's heading and
 * signature blocks take their text from here, so the words are written once.
 */
import type { Block, Field } from "./model";
import type { Lang, Text } from "../i18n/lang";
import { isIsoDate } from "./values";

export const NATION: Text = { vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIET NAM" };
export const MOTTO: Text = { vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness" };
/** What a blank stands for on a printed form: a dotted gap to write in by hand. */
export const GAP = "……";

export const SIGN: Record<"sign" | "signStamp", Text> = {
  sign: { vi: "(Ký, họ tên)", en: "(Signature, full name)" },
  signStamp: { vi: "(Ký, họ tên, đóng dấu)", en: "(Signature, full name, seal)" },
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Hà Nội, ngày 15 tháng 01 năm 1966" / "Hà Nội, 15 January 1966"; gaps where a part is blank. */
export function dateLine(place: string, date: string | null, lang: Lang): string {
  const where = place.trim() === "" ? GAP : place.trim();
  if (date === null || !isIsoDate(date)) {
    return lang === "vi" ? `${where}, ngày … tháng … năm …` : `${where}, … ${GAP} …`;
  }
  const [y, m, d] = date.split("-");
  return lang === "vi"
    ? `${where}, ngày ${d} tháng ${m} năm ${y}`
    : `${where}, ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * Column spans that split `widths` into `parts` runs of columns as even in characters as can be:
 * the heading's two halves, a signature row's signers.
 */
export function splitColumns(widths: readonly number[], parts: number): { col: number; cols: number }[] {
  const total = widths.reduce((s, w) => s + w, 0);
  const spans: { col: number; cols: number }[] = [];
  let col = 0;
  let sum = 0;
  for (let k = 1; k <= parts; k++) {
    const start = col;
    const target = (total * k) / parts;
    // Take columns while the run's end comes nearer the target; leave one for each part to come.
    while (
      col < widths.length - (parts - k) &&
      (col === start || Math.abs(sum + widths[col] - target) <= Math.abs(sum - target))
    ) {
      sum += widths[col];
      col += 1;
    }
    if (k === parts) col = widths.length;
    spans.push({ col: start, cols: col - start });
  }
  return spans;
}

// ——— the fields every document's heading and signatures read ———

/** The issuing unit, its superior body, the document's number, place and date. */
export const HEADING_FIELDS: readonly Field[] = [
  {
    key: "unit",
    type: "text",
    required: true,
    maxLength: 120,
    label: { vi: "Đơn vị (doanh nghiệp, hợp tác xã)", en: "Unit (enterprise or cooperative)" },
  },
  {
    key: "issuer",
    type: "text",
    maxLength: 120,
    label: {
      vi: "Cơ quan cấp trên (Bộ, Sở, Tổng công ty, Liên hiệp xã)",
      en: "Superior body (ministry, department, corporation, union of cooperatives)",
    },
  },
  { key: "docNo", type: "text", maxLength: 30, label: { vi: "Số văn bản", en: "Document number" } },
  { key: "place", type: "text", maxLength: 60, label: { vi: "Địa danh", en: "Place" } },
  { key: "docDate", type: "date", label: { vi: "Ngày lập", en: "Date" } },
];

/** The signers' names of an accounting or plan form (optional: a blank is signed by hand). */
export const SIGNER_FIELDS: readonly Field[] = [
  { key: "preparer", type: "text", maxLength: 60, label: { vi: "Người lập biểu", en: "Prepared by" } },
  { key: "accountant", type: "text", maxLength: 60, label: { vi: "Kế toán trưởng", en: "Chief accountant" } },
  { key: "head", type: "text", maxLength: 60, label: { vi: "Thủ trưởng đơn vị", en: "Head of unit" } },
];

export const HEADING: Block = {
  kind: "heading",
  superior: "issuer",
  unit: "unit",
  number: { vi: "Số: {docNo}", en: "No.: {docNo}" },
  place: "place",
  date: "docDate",
};

/** Người lập biểu / Kế toán trưởng / Thủ trưởng đơn vị, under the place and date line. */
export const FORM_SIGNATURES: Block = {
  kind: "signatures",
  dateLine: { place: "place", date: "docDate" },
  signers: [
    { title: { vi: "NGƯỜI LẬP BIỂU", en: "PREPARED BY" }, note: SIGN.sign, name: "preparer" },
    { title: { vi: "KẾ TOÁN TRƯỞNG", en: "CHIEF ACCOUNTANT" }, note: SIGN.sign, name: "accountant" },
    { title: { vi: "THỦ TRƯỞNG ĐƠN VỊ", en: "HEAD OF UNIT" }, note: SIGN.signStamp, name: "head" },
  ],
};
