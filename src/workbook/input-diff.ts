/**
 * What a co-author changed in a template's inputs, field by field and table row by row, in the
 * words of the form: shown when an update is refused because the workbook holds a newer version.
 */
import type { Field, Inputs, Row, TemplateDecl, Value } from "../templates/model";
import type { Lang } from "../i18n/lang";
import { formatValue } from "../templates/values";

export interface InputChange {
  /** The form path ("unit", "products[2].planQty", "products[3]") the change concerns. */
  readonly path: string;
  /** Where, as the form names it: "Unit", "Products, row 3: Plan quantity". */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

const ROW: Record<Lang, string> = { vi: "dòng", en: "row" };
const ADDED: Record<Lang, string> = { vi: "(dòng thêm)", en: "(row added)" };
const REMOVED: Record<Lang, string> = { vi: "(dòng xoá)", en: "(row removed)" };

const same = (a: Value | undefined, b: Value | undefined) => (a ?? null) === (b ?? null) || (a ?? "") === (b ?? "");

/** A table row in one line: its columns' values, in the form's order. */
function rowText(columns: readonly Field[], row: Row, lang: Lang): string {
  return columns
    .map((c) => formatValue(c, row[c.key] ?? null, lang))
    .filter((t) => t !== "")
    .join(" · ");
}

/** The inputs that differ between `before` and `after`, in the order the form shows them. */
export function diffInputs(template: TemplateDecl, before: Inputs, after: Inputs, lang: Lang): InputChange[] {
  const changes: InputChange[] = [];
  for (const field of template.fields) {
    const a = before.fields[field.key];
    const b = after.fields[field.key];
    if (!same(a, b)) {
      changes.push({
        path: field.key,
        label: field.label[lang],
        before: formatValue(field, a ?? null, lang),
        after: formatValue(field, b ?? null, lang),
      });
    }
  }
  for (const table of template.tables) {
    const a = before.tables[table.key] ?? [];
    const b = after.tables[table.key] ?? [];
    const rows = Math.max(a.length, b.length);
    for (let i = 0; i < rows; i++) {
      const where = `${table.label[lang]}, ${ROW[lang]} ${i + 1}`;
      if (i >= a.length || i >= b.length) {
        const row = i >= a.length ? b[i] : a[i];
        changes.push({
          path: `${table.key}[${i}]`,
          label: where,
          before: i >= a.length ? ADDED[lang] : rowText(table.columns, row, lang),
          after: i >= a.length ? rowText(table.columns, row, lang) : REMOVED[lang],
        });
        continue;
      }
      for (const column of table.columns) {
        const x = a[i][column.key];
        const y = b[i][column.key];
        if (!same(x, y)) {
          changes.push({
            path: `${table.key}[${i}].${column.key}`,
            label: `${where}: ${column.label[lang]}`,
            before: formatValue(column, x ?? null, lang),
            after: formatValue(column, y ?? null, lang),
          });
        }
      }
    }
  }
  return changes;
}
