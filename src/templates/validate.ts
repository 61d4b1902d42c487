/** The one validator: every field and table cell of a template's inputs, against its declaration. */
import type { Field, Inputs, Issue, TableDecl, TemplateDecl, Value } from "./model";
import type { Lang, Text } from "../i18n/lang";
import { FIRST_EXCEL_DATE, isIsoDate } from "./values";

const t = (vi: string, en: string): Text => ({ vi, en });

export const fieldPath = (key: string) => key;
export const cellPath = (table: string, row: number, column: string) => `${table}[${row}].${column}`;
export const tablePath = (table: string) => `${table}[]`;

/** The values a ref may take: those entered in a column of another table. */
export type Allowed = (table: string, column: string) => ReadonlySet<Value>;

/** What is wrong with one value, or undefined. `others` gives the values a ref may take. */
export function checkValue(field: Field, value: Value, others: Allowed): Text | undefined {
  if (value === null || value === "") {
    return field.required ? t("Cần điền mục này.", "This is required.") : undefined;
  }
  switch (field.type) {
    case "text":
      if (typeof value !== "string") return t("Cần một đoạn chữ.", "Text is needed.");
      if (field.maxLength && value.length > field.maxLength) {
        return t(`Tối đa ${field.maxLength} ký tự.`, `At most ${field.maxLength} characters.`);
      }
      if (field.pattern && !new RegExp(field.pattern.regex).test(value.trim())) return field.pattern.message;
      return undefined;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return t("Cần một số.", "A number is needed.");
      const scale = field.percent ? 100 : 1;
      const unit = field.percent ? " %" : "";
      if (field.integer && !Number.isInteger(value)) return t("Cần một số nguyên.", "A whole number is needed.");
      if (field.min !== undefined && value < field.min) {
        return t(
          `Không được nhỏ hơn ${String(field.min * scale)}${unit}.`,
          `Must be at least ${String(field.min * scale)}${unit}.`,
        );
      }
      if (field.max !== undefined && value > field.max) {
        return t(
          `Không được lớn hơn ${String(field.max * scale)}${unit}.`,
          `Must be at most ${String(field.max * scale)}${unit}.`,
        );
      }
      return undefined;
    }
    case "date":
      if (typeof value !== "string" || !isIsoDate(value))
        return t(
          "Cần một ngày hợp lệ, viết ngày/tháng/năm, ví dụ 15/12/1966.",
          "A valid date is needed, written month/day/year, e.g. 12/15/1966.",
        );
      return value < FIRST_EXCEL_DATE
        ? t(
            "Excel không lưu được ngày trước 01/01/1900; hãy nhập từ 01/01/1900 trở đi.",
            "Excel cannot hold dates before 01/01/1900; enter 01/01/1900 or later.",
          )
        : undefined;
    case "choice":
      return field.options.some((o) => o.value === value)
        ? undefined
        : t("Hãy chọn trong danh sách.", "Choose from the list.");
    case "ref": {
      return value !== "" && others(field.table, field.column).has(value)
        ? undefined
        : t(`"${value}" không có trong danh sách đã nhập.`, `"${value}" is not among the entries above.`);
    }
  }
}

function checkTable(table: TableDecl, inputs: Inputs, others: Allowed): Issue[] {
  const issues: Issue[] = [];
  const rows = inputs.tables[table.key] ?? [];
  if (rows.length < table.minRows) {
    issues.push({
      path: tablePath(table.key),
      message: t(
        `Cần ít nhất ${table.minRows} dòng.`,
        `At least ${table.minRows} ${table.minRows === 1 ? "row is" : "rows are"} needed.`,
      ),
    });
  }
  if (rows.length > table.maxRows) {
    issues.push({
      path: tablePath(table.key),
      message: t(`Tối đa ${table.maxRows} dòng.`, `At most ${table.maxRows} rows.`),
    });
  }
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const column of table.columns) {
      const message = checkValue(column, row[column.key] ?? null, others);
      if (message) issues.push({ path: cellPath(table.key, i, column.key), message });
    }
    if (table.uniqueBy) {
      const key = String(row[table.uniqueBy] ?? "")
        .trim()
        .toLowerCase();
      if (key && seen.has(key)) {
        issues.push({
          path: cellPath(table.key, i, table.uniqueBy),
          message: t("Giá trị này đã có ở dòng trên.", "This value is already used above."),
        });
      }
      seen.set(key, i);
    }
  });
  return issues;
}

/**
 * The values a ref may take, from the inputs' tables. Each column a ref points to is gathered once
 * into a set: checking 5,000 rows against 5,000 products stays linear (it was a scan of the whole
 * column per row).
 */
export function allowedIn(inputs: Inputs): Allowed {
  const sets = new Map<string, ReadonlySet<Value>>();
  return (table, column) => {
    const id = `${table}\u0000${column}`;
    let set = sets.get(id);
    if (!set) {
      set = new Set((inputs.tables[table] ?? []).map((r) => r[column] ?? null));
      sets.set(id, set);
    }
    return set;
  };
}

/**
 * Every issue with the inputs at once, in form order: each field's and cell's own checks, then the
 * template's rules across fields (years in order, deliveries adding up, penalty caps), so a person
 * sees everything to fix in one go. The rules read the values that passed their own checks; one
 * that did not reads as empty (a share typed "ba" counts 0 in the sum and is named on its cell).
 */
export function validateInputs(template: TemplateDecl, inputs: Inputs): Issue[] {
  const others = allowedIn(inputs);
  const issues: Issue[] = [];
  for (const field of template.fields) {
    const message = checkValue(field, inputs.fields[field.key] ?? null, others);
    if (message) issues.push({ path: fieldPath(field.key), message });
  }
  for (const table of template.tables) issues.push(...checkTable(table, inputs, others));
  const checked = issues.length === 0 ? inputs : withoutRefused(template, inputs, new Set(issues.map((i) => i.path)));
  for (const rule of template.rules ?? []) issues.push(...rule(checked));
  return issues;
}

/** The inputs with every value whose own check failed left empty, for the rules to read. */
function withoutRefused(template: TemplateDecl, inputs: Inputs, refused: ReadonlySet<string>): Inputs {
  const fields = { ...inputs.fields };
  for (const field of template.fields) if (refused.has(fieldPath(field.key))) fields[field.key] = null;
  const tables: Record<string, Inputs["tables"][string]> = { ...inputs.tables };
  for (const table of template.tables) {
    const rows = inputs.tables[table.key];
    if (!rows) continue;
    tables[table.key] = rows.map((row, i) => {
      const bad = table.columns.filter((c) => refused.has(cellPath(table.key, i, c.key)));
      return bad.length === 0 ? row : { ...row, ...Object.fromEntries(bad.map((c) => [c.key, null])) };
    });
  }
  return { fields, tables };
}

/** Inputs with every declared default filled in, in the form's language: what a fresh form starts from. */
export function defaultInputs(template: TemplateDecl, lang: Lang): Inputs {
  const fields: Record<string, Value> = {};
  for (const field of template.fields) {
    const fallback = "default" in field && field.default !== undefined ? field.default : null;
    fields[field.key] = fallback !== null && typeof fallback === "object" ? fallback[lang] : fallback;
  }
  const tables: Record<string, readonly Record<string, Value>[]> = {};
  for (const table of template.tables) {
    tables[table.key] = (table.defaultRows ?? []).map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== null && typeof v === "object" ? v[lang] : v])),
    );
  }
  return { fields, tables };
}
