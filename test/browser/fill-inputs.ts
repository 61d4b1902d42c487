/**
 * Fills a template's form from a set of Inputs, as a person would type them: fields by their
 * data path, table rows added or removed to the right count, percentages as percent, numbers and
 * dates in whatever the control takes (a number or date control, or text in the pane's language).
 */
import type { Page } from "playwright-core";
import type { Field, Inputs, TemplateDecl, Value } from "../../src/templates/model";
import type { Lang } from "../../src/i18n/lang";

function typed(field: Field, value: Value, kind: string | null, lang: Lang): string {
  if (value === null) return "";
  if (field.type === "number" && typeof value === "number") {
    const n = field.percent ? Math.round(value * 100 * 1e9) / 1e9 : value;
    return kind === "number"
      ? String(n)
      : n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { useGrouping: false, maximumFractionDigits: 10 });
  }
  if (field.type === "date" && typeof value === "string" && kind !== "date") {
    const [y, m, d] = value.split("-");
    return lang === "vi" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
  }
  return String(value);
}

async function put(page: Page, path: string, field: Field, value: Value, lang: Lang): Promise<void> {
  const control = page.locator(`[data-path="${path}"]`);
  const [tag, kind] = await control.evaluate((el) => [el.tagName, el.getAttribute("type")]);
  if (tag === "SELECT") {
    if (value !== null) await control.selectOption(String(value));
  } else await control.fill(typed(field, value, kind, lang));
}

export async function fillInputs(page: Page, template: TemplateDecl, inputs: Inputs, lang: Lang): Promise<void> {
  for (const field of template.fields) {
    if (field.key in inputs.fields) await put(page, field.key, field, inputs.fields[field.key] ?? null, lang);
  }
  for (const table of template.tables) {
    const rows = inputs.tables[table.key] ?? [];
    const fieldset = page.locator(`fieldset[data-path="${table.key}[]"]`);
    const first = table.columns[0].key;
    const count = () => fieldset.locator(`[data-path$="].${first}"]`).count();
    while ((await count()) > rows.length) await fieldset.locator(".remove-row").last().click();
    while ((await count()) < rows.length) await fieldset.locator("fluent-button.add-row").click();
    for (const [i, row] of rows.entries()) {
      for (const column of table.columns) {
        if (column.key in row) await put(page, `${table.key}[${i}].${column.key}`, column, row[column.key], lang);
      }
    }
  }
}
