/**
 * The grade table both the plan and the contract ask for (hàng tốt giá cao, hàng xấu giá thấp):
 * a label and a coefficient against the base grade, declared once. The HT grade functions read
 * the same two columns.
 */
import type { Field, Value } from "./model";
import type { Text } from "../i18n/lang";

export const GRADE_COLUMNS: readonly Field[] = [
  { key: "label", type: "text", required: true, maxLength: 40, label: { vi: "Phẩm cấp", en: "Grade" } },
  { key: "coef", type: "number", required: true, min: 0, max: 10, label: { vi: "Hệ số", en: "Coefficient" } },
];

/** First grade, second grade and reject (chính phẩm, thứ phẩm, phế phẩm), at their usual coefficients. */
export const STANDARD_GRADES: readonly Readonly<Record<string, Value | Text>>[] = [
  { label: { vi: "Chính phẩm", en: "First grade" }, coef: 1 },
  { label: { vi: "Thứ phẩm", en: "Second grade" }, coef: 0.8 },
  { label: { vi: "Phế phẩm", en: "Reject" }, coef: 0 },
];
