/**
 * Following a plan year by period: the rows of a period table (each row of an input table once
 * per quarter or month) and whether a block that depends on a choice field is written. Pure.
 */
import type { Inputs, PeriodSource, Row, WhenField } from "./model";
import type { Text } from "../i18n/lang";

/** The ways a plan year is followed: the choice field's values and how many periods each has. */
export const PERIOD_COUNTS = { year: 1, quarter: 4, month: 12 } as const;
export type PeriodKind = keyof typeof PERIOD_COUNTS;

/** The name of one period, as a row label and a report's heading say it. */
export function periodName(kind: PeriodKind, period: number): Text {
  if (kind === "quarter") return { vi: `Quý ${period}`, en: `Q${period}` };
  if (kind === "month") return { vi: `Tháng ${period}`, en: `Month ${period}` };
  return { vi: "Cả năm", en: "Whole year" };
}

/** Whether a block declared `when` is written for these inputs (a field never filled is not). */
export function isShown(when: WhenField | undefined, inputs: Inputs): boolean {
  if (!when) return true;
  const value = inputs.fields[when.field];
  return typeof value === "string" && when.is.includes(value);
}

/** A row's key in a table of typed plans: the product, trimmed and without case, and the period. */
const planKey = (name: unknown, period: unknown) =>
  `${String(name ?? "")
    .trim()
    .toLowerCase()}\u0001${String(period)}`;

/**
 * The rows of a period table: for each row of `source.of`, `count` rows with its inputs, its
 * `period` and, where the split is typed, the typed quantity as `periodPlan` (null otherwise: the
 * column then writes its even share).
 */
export function periodRows(inputs: Inputs, source: PeriodSource): Row[] {
  const parents = inputs.tables[source.of] ?? [];
  const typed = new Map<string, unknown>();
  const plans = source.plans;
  if (plans && isShown(plans.when, inputs)) {
    for (const row of inputs.tables[plans.table] ?? []) typed.set(planKey(row[plans.ref], row.period), row[plans.qty]);
  }
  const rows: Row[] = [];
  for (const parent of parents) {
    for (let period = 1; period <= source.count; period++) {
      const qty = plans ? typed.get(planKey(parent[plans.name], period)) : undefined;
      rows.push({ ...parent, period, periodPlan: typeof qty === "number" ? qty : null });
    }
  }
  return rows;
}
