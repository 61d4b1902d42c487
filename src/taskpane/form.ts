/**
 * A template's form, generated from its declaration: one control per field, an editable grid per
 * table. The form reads back as Inputs and shows the validator's issues on the controls they name.
 */
import type { Field, Inputs, Issue, Lang, Row, TemplateDecl, Value } from "../templates/model";
import { cellPath, fieldPath, tablePath } from "../templates/validate";
import { inputText, parseInput } from "../templates/values";
import { say } from "../i18n/strings";
import { h, uid } from "./dom";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface TemplateForm {
  readonly element: HTMLFormElement;
  read(): Inputs;
  /** Marks the controls the issues name; returns how many there are and focuses the first. */
  showIssues(issues: readonly Issue[]): number;
}

function control(field: Field, value: Value, lang: Lang, label: string): Control {
  const common = { "data-type": field.type, "aria-label": label, "aria-required": field.required ? "true" : undefined };
  if (field.type === "choice") {
    const select = h("select", common, ...field.options.map((o) => h("option", { value: o.value }, o.label[lang])));
    select.value = typeof value === "string" ? value : field.default;
    return select;
  }
  if (field.type === "ref") {
    const select = h("select", { ...common, "data-ref": `${field.table}.${field.column}` });
    if (value !== null) select.append(h("option", { value: String(value) }, String(value)));
    select.value = value === null ? "" : String(value);
    return select;
  }
  if (field.type === "text" && field.multiline) {
    // A clause: several lines to read and edit it whole.
    const area = h("textarea", {
      ...common,
      rows: "4",
      maxlength: field.maxLength ? String(field.maxLength) : undefined,
    });
    area.value = inputText(field, value);
    return area;
  }
  const input = h("input", {
    ...common,
    type: field.type === "number" ? "number" : field.type === "date" ? "date" : "text",
    step: field.type === "number" ? "any" : undefined,
    inputmode: field.type === "number" ? "decimal" : undefined,
    maxlength: field.type === "text" && field.maxLength ? String(field.maxLength) : undefined,
  });
  input.value = inputText(field, value);
  return input;
}

function labelText(field: Field, lang: Lang): string {
  return field.label[lang] + (field.required ? ` (${say(lang, "required")})` : "");
}

export function buildForm(template: TemplateDecl, inputs: Inputs, lang: Lang): TemplateForm {
  const form = h("form", { class: "template-form", novalidate: true });
  const fieldControls = new Map<string, Control>();
  const tableBodies = new Map<string, HTMLTableSectionElement>();

  const fieldset = h("fieldset", { class: "fields" });
  for (const field of template.fields) {
    const id = uid("field");
    const input = control(field, inputs.fields[field.key] ?? null, lang, labelText(field, lang));
    input.id = id;
    input.dataset.path = fieldPath(field.key);
    input.removeAttribute("aria-label");
    fieldControls.set(field.key, input);
    fieldset.append(h("div", { class: "field" }, h("label", { for: id }, labelText(field, lang)), input));
  }
  form.append(fieldset);

  for (const table of template.tables) {
    const body = h("tbody");
    tableBodies.set(table.key, body);
    const addRow = (row: Row) => {
      const tr = h("tr");
      for (const column of table.columns) {
        const cell = control(column, row[column.key] ?? null, lang, column.label[lang]);
        cell.dataset.column = column.key;
        tr.append(h("td", {}, cell));
      }
      const remove = h("button", { type: "button", class: "remove-row", "aria-label": say(lang, "removeRow") }, "×");
      remove.addEventListener("click", () => {
        tr.remove();
        renumber();
      });
      tr.append(h("td", {}, remove));
      body.append(tr);
    };
    const renumber = () => {
      [...body.rows].forEach((tr, i) => {
        for (const c of tr.querySelectorAll<Control>("[data-column]")) {
          const column = table.columns.find((col) => col.key === c.dataset.column)!;
          c.dataset.path = cellPath(table.key, i, column.key);
          c.setAttribute("aria-label", `${column.label[lang]}, ${say(lang, "rowNumber").toLowerCase()} ${i + 1}`);
        }
      });
    };
    (inputs.tables[table.key] ?? []).forEach(addRow);
    renumber();
    const add = h("fluent-button", { type: "button", size: "small", class: "add-row" }, say(lang, "addRow"));
    add.addEventListener("click", () => {
      addRow({});
      renumber();
      body.rows[body.rows.length - 1]?.querySelector<Control>("[data-column]")?.focus();
    });
    const header = h(
      "tr",
      {},
      ...table.columns.map((c) => h("th", { scope: "col" }, labelText(c, lang))),
      h("th", {}, ""),
    );
    form.append(
      h(
        "fieldset",
        { class: "table", "data-path": tablePath(table.key) },
        h("legend", {}, table.label[lang]),
        h("div", { class: "grid" }, h("table", {}, h("thead", {}, header), body)),
        add,
      ),
    );
  }

  // A product or grade chosen in another table can only be one entered above: refresh the lists.
  const refreshRefs = () => {
    for (const select of form.querySelectorAll<HTMLSelectElement>("select[data-ref]")) {
      const [table, column] = select.dataset.ref!.split(".");
      const values = [...(tableBodies.get(table)?.querySelectorAll<Control>(`[data-column="${column}"]`) ?? [])]
        .map((c) => c.value.trim())
        .filter((v) => v !== "");
      const current = select.value;
      select.replaceChildren(
        h("option", { value: "" }, "—"),
        ...[...new Set(values)].map((v) => h("option", { value: v }, v)),
      );
      select.value = values.includes(current) ? current : "";
    }
  };
  refreshRefs();
  const isRef = (target: EventTarget | null) => target instanceof HTMLSelectElement && target.dataset.ref !== undefined;
  for (const type of ["input", "change"]) form.addEventListener(type, (event) => isRef(event.target) || refreshRefs());
  form.addEventListener("focusin", (event) => isRef(event.target) && refreshRefs());

  function read(): Inputs {
    const fields: Record<string, Value> = {};
    for (const field of template.fields) fields[field.key] = parseInput(field, fieldControls.get(field.key)!.value);
    const tables: Record<string, Row[]> = {};
    for (const table of template.tables) {
      tables[table.key] = [...tableBodies.get(table.key)!.rows].map((tr) => {
        const row: Record<string, Value> = {};
        for (const column of table.columns) {
          row[column.key] = parseInput(column, tr.querySelector<Control>(`[data-column="${column.key}"]`)!.value);
        }
        return row;
      });
    }
    return { fields, tables };
  }

  function showIssues(issues: readonly Issue[]): number {
    for (const old of form.querySelectorAll(".issue")) old.remove();
    for (const marked of form.querySelectorAll("[aria-invalid]")) {
      marked.removeAttribute("aria-invalid");
      marked.removeAttribute("aria-describedby");
    }
    let first: HTMLElement | undefined;
    for (const issue of issues) {
      const target = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(issue.path)}"]`);
      if (!target) continue;
      const id = uid("issue");
      const message = h("div", { class: "issue", id, role: "alert" }, issue.message[lang]);
      if (target instanceof HTMLFieldSetElement) {
        target.append(message);
      } else {
        target.setAttribute("aria-invalid", "true");
        target.setAttribute("aria-describedby", id);
        target.after(message);
      }
      first ??=
        target instanceof HTMLFieldSetElement ? (target.querySelector<HTMLElement>("fluent-button") ?? target) : target;
    }
    first?.focus();
    return issues.length;
  }

  return { element: form, read, showIssues };
}
