/**
 * A template's form, generated from its declaration: one control per field, an editable grid per
 * table. The form reads back as Inputs and shows the validator's issues on the controls they name.
 *
 * Tables stay as fast at 5,000 rows as at 5: every change touches only its own row (no re-render,
 * no renumbering on add; after a removal the rows below are renumbered a slice at a time), choices
 * for a product or grade are one shared <datalist> per source column refreshed when a choice is
 * wanted, and events are handled once for the whole form.
 */
import type { Field, Inputs, Issue, Row, TableDecl, TemplateDecl, Value } from "../templates/model";
import type { Lang, Text } from "../i18n/lang";
import { allowedIn, cellPath, checkValue, fieldPath, tablePath } from "../templates/validate";
import { datePattern, inputText, parseInput, readDate, showDate } from "../templates/values";
import { formatNumber, languageConvention, notANumber, parseNumber, type NumberConvention } from "../i18n/numbers";
import { say } from "../i18n/strings";
import { h, uid } from "../ui/dom";
import { RowList } from "./row-list";
import { Renumbering } from "./renumbering";
import { isManyCells, parseTsv } from "./tsv";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FormOptions {
  /** How the user writes numbers; the pane language's convention when absent. */
  readonly numbers?: NumberConvention;
  /** The values of the workbook's selected range, for "take rows from the selected range". */
  readonly readSelection?: () => Promise<unknown[][]>;
}

export interface TemplateForm {
  readonly element: HTMLElement;
  read(): Inputs;
  /** Marks the controls the issues name; returns how many there are and focuses the first. */
  showIssues(issues: readonly Issue[]): number;
  /** Fills a table from cells (pasted text or a range's values) from a row and column on. */
  fillTable(table: string, cells: readonly (readonly unknown[])[], at?: { row: number; column: number }): FillReport;
  /** What a person calls the control at a path: its field's label, and for a table's cell its row ("Giá, dòng 3"). */
  labelOf(path: string): string;
  /** An issue's message as its control shows it (a number that does not read: with the expected form). */
  messageOf(issue: Issue): string;
  /** Brings the control at a path into view and focuses it (a table: its first control, or its add button). */
  focusPath(path: string): void;
  /**
   * The percent fields and cells holding a value typed below 1 (0,05 means 0,05 % here, yet a
   * person may have meant 5 %) that nobody has confirmed: the pane asks before writing.
   */
  percentDoubts(): { readonly path: string; readonly label: string; readonly value: number }[];
  /** The answer to a doubt: the value stays as typed (`keep`), or was meant as a fraction (0,05 → 5 %). */
  settlePercent(path: string, keep: boolean): void;
}

export interface FillReport {
  readonly rows: number;
  /** Filled cells that fail validation, now marked. */
  readonly issues: number;
  /** Lines left out because the table is full. */
  readonly cut: number;
  /** Most cells left out beyond the table's last column on one line. */
  readonly cutColumns: number;
}

const percentLabel = (field: Field, lang: Lang) =>
  field.type === "number" && field.percent && !field.label[lang].includes("%")
    ? `${field.label[lang]} (%)`
    : field.label[lang];

function labelText(field: Field, lang: Lang): string {
  return percentLabel(field, lang) + (field.required ? ` (${say(lang, "required")})` : "");
}

/** A column's least width in em: enough for what it holds, so rows align without measuring. */
function trackWidth(field: Field, index: number): number {
  if (index === 0) return 9;
  if (field.type === "date") return 9.5;
  if (field.type === "number") return 7;
  return 8;
}

const refKey = (field: Field) => (field.type === "ref" ? `${field.table}.${field.column}` : "");

export function buildForm(template: TemplateDecl, inputs: Inputs, lang: Lang, options: FormOptions = {}): TemplateForm {
  const numbers = options.numbers ?? languageConvention(lang);
  // The fields in a form of their own, each table's rows in forms of a few hundred rows (see
  // RowList), side by side in one element, not nested: Chromium's autofill reads a form nested in
  // another as one with it, and reads the focused box's whole form on every focus. One form for the
  // fields and a 5,000-row table made focusing a new row's box cost 9 to 18 ms; now about 1 ms.
  const form = h("div", { class: "template" });
  const fieldsForm = h("form", { class: "template-form", novalidate: true });
  const fieldControls = new Map<string, Control>();
  const tableRows = new Map<string, RowList>();
  const tablesByKey = new Map(template.tables.map((t) => [t.key, t]));
  /** The field or column declaration of every control, for the form-wide event handlers. */
  const declOf = new WeakMap<Element, Field>();
  /** One list per source column ("products.name"), and whether it is out of date. */
  const datalists = new Map<string, { list: HTMLDataListElement; stale: boolean }>();

  function datalistFor(key: string): HTMLDataListElement {
    let entry = datalists.get(key);
    if (!entry) {
      entry = { list: h("datalist", { id: uid("choices") }), stale: true };
      datalists.set(key, entry);
      form.append(entry.list);
    }
    return entry.list;
  }

  /** Shows a value in its control as the user would type it (a choice's default when there is none). */
  function setValue(element: Control, field: Field, value: Value): void {
    if (field.type === "choice") element.value = typeof value === "string" ? value : field.default;
    else element.value = inputText(field, value, numbers, lang);
  }

  function control(field: Field, value: Value, label: string): Control {
    const common = {
      "data-type": field.type,
      "aria-label": label,
      "aria-required": field.required ? "true" : undefined,
    };
    let element: Control;
    if (field.type === "choice") {
      element = h("select", common, ...field.options.map((o) => h("option", { value: o.value }, o.label[lang])));
    } else if (field.type === "ref") {
      // A text box with the shared list: thousands of rows do not copy thousands of options each.
      element = h("input", {
        ...common,
        type: "text",
        list: datalistFor(refKey(field)).id,
        autocomplete: "off",
        "data-ref": refKey(field),
      });
    } else if (field.type === "text" && field.multiline) {
      // A clause: several lines to read and edit it whole.
      element = h("textarea", {
        ...common,
        rows: "4",
        maxlength: field.maxLength ? String(field.maxLength) : undefined,
      });
    } else {
      element = h("input", {
        ...common,
        // Text, not type=number nor type=date: those follow the browser's locale, turning
        // "1.500.000" into 1.5 and showing dates mm/dd/yyyy in a Vietnamese pane. A date is typed
        // in the pane's language (dd/mm/yyyy in vi) or picked with the button beside it.
        type: "text",
        inputmode: field.type === "number" ? "decimal" : field.type === "date" ? "numeric" : undefined,
        placeholder: field.type === "date" ? datePattern(lang) : undefined,
        autocomplete: field.type === "number" || field.type === "date" ? "off" : undefined,
        maxlength: field.type === "text" && field.maxLength ? String(field.maxLength) : undefined,
      });
    }
    setValue(element, field, value);
    declOf.set(element, field);
    return element;
  }

  // ——— dates: typed, or picked in one calendar shared by every date control ———

  /** The button beside a date control that opens the browser's calendar for it. */
  function pickButton(): HTMLElement {
    return h("button", { type: "button", class: "pick-date", "aria-label": say(lang, "pickDate") }, "📅");
  }
  /** One native date input for the calendar (never a form value itself), and the control it fills. */
  const picker = h("input", { type: "date", class: "date-picker", tabindex: "-1", "aria-hidden": "true" });
  let picking: HTMLInputElement | undefined;
  picker.addEventListener("change", () => {
    if (!picking || !picker.value) return;
    picking.value = showDate(picker.value, lang);
    unmark(picking);
    picking.dispatchEvent(new Event("input", { bubbles: true }));
    picking.focus();
  });
  form.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>("button.pick-date");
    const target = button?.parentElement?.querySelector<HTMLInputElement>('input[data-type="date"]');
    if (!button || !target) return;
    picking = target;
    picker.value = readDate(target.value, lang) ?? "";
    // Beside its button, so the calendar opens there.
    button.after(picker);
    try {
      picker.showPicker();
    } catch {
      // No calendar without a user gesture (or in an older browser): the date is typed instead.
      target.focus();
    }
  });

  const fieldset = h("fieldset", { class: "fields" });
  for (const field of template.fields) {
    const id = uid("field");
    const input = control(field, inputs.fields[field.key] ?? null, labelText(field, lang));
    input.id = id;
    input.dataset.path = fieldPath(field.key);
    input.removeAttribute("aria-label");
    fieldControls.set(field.key, input);
    const percent = field.type === "number" && field.percent;
    const hint = percent
      ? h(
          "div",
          { class: "hint", id: uid("hint") },
          say(lang, "percentHint", { fraction: formatNumber(0.05, numbers) }),
        )
      : null;
    if (hint) input.setAttribute("aria-describedby", hint.id);
    fieldset.append(
      h(
        "div",
        { class: "field" },
        h("label", { for: id }, labelText(field, lang)),
        percent
          ? h("div", { class: "with-unit" }, input, h("span", { class: "unit", "aria-hidden": "true" }, "%"))
          : field.type === "date"
            ? h("div", { class: "with-unit" }, input, pickButton())
            : input,
        hint,
      ),
    );
  }
  fieldsForm.append(fieldset);
  form.append(fieldsForm);

  // ——— tables ———

  /** The table and row list a row belongs to. */
  const listOf = (tr: HTMLElement) => {
    const table = tablesByKey.get(tr.closest<HTMLElement>(".rows")!.dataset.table!)!;
    return { table, list: tableRows.get(table.key)! };
  };
  /** Each row's controls in column order, so renumbering and reading never search the page. */
  const rowControls = new WeakMap<HTMLElement, Control[]>();
  const cellControl = (tr: HTMLElement, column: number): Control | null => rowControls.get(tr)?.[column] ?? null;
  const rowWord = say(lang, "rowNumber").toLowerCase();
  const columnLabels = new Map(
    template.tables.map((t) => [t.key, t.columns.map((c) => `${percentLabel(c, lang)}, ${rowWord} `)]),
  );

  function setPaths(table: TableDecl, tr: HTMLElement, index: number): void {
    const controls = rowControls.get(tr)!;
    const labels = columnLabels.get(table.key)!;
    const number = String(index + 1);
    table.columns.forEach((column, j) => {
      const c = controls[j];
      c.setAttribute("data-path", cellPath(table.key, index, column.key));
      c.setAttribute("aria-label", labels[j] + number);
    });
  }

  /** A table's row with every control empty (a choice at its default), not yet numbered. */
  function blankRow(table: TableDecl): HTMLElement {
    const tr = h("div", { class: "row", role: "row" });
    for (const column of table.columns) {
      const cell = control(column, null, column.label[lang]);
      cell.dataset.column = column.key;
      // Off: a browser's saved addresses are no use in a product table, and Chromium saves the
      // state of every control not marked so for the page's history, about a second after each
      // change: with 30,000 controls a task of 70 ms and more, against 5 ms with them marked.
      cell.setAttribute("autocomplete", "off");
      tr.append(h("div", { class: "cell", role: "cell" }, cell, column.type === "date" ? pickButton() : null));
    }
    tr.append(
      h(
        "div",
        { class: "cell row-actions", role: "cell" },
        h("button", { type: "button", class: "remove-row", "aria-label": say(lang, "removeRow") }, "×"),
      ),
    );
    return tr;
  }

  /** Each table's blank row, made once: a new row is a copy of it, a few native calls where making
   *  it control by control took dozens (half a millisecond of adding a row). */
  const blankRows = new Map<string, HTMLElement>();

  function newRow(table: TableDecl, row: Row, index: number): HTMLElement {
    let blank = blankRows.get(table.key);
    if (!blank) {
      blank = blankRow(table);
      blankRows.set(table.key, blank);
    }
    // A copy keeps each control's value and each option's selectedness (HTML's cloning steps).
    const tr = blank.cloneNode(true) as HTMLElement;
    const controls: Control[] = [];
    table.columns.forEach((column, j) => {
      const c = tr.children[j].firstElementChild as Control;
      declOf.set(c, column);
      const value = row[column.key] ?? null;
      if (value !== null) setValue(c, column, value);
      controls.push(c);
    });
    rowControls.set(tr, controls);
    setPaths(table, tr, index);
    return tr;
  }

  /** Per table, the rows below a removed one, renumbered in slices (see Renumbering). */
  const renumbering = new Map<string, Renumbering>();
  /** Before anything reads or marks paths: every row's numbers are right. */
  const settlePaths = () => {
    for (const r of renumbering.values()) if (r.pending) r.settle();
  };

  const tableStatus = new Map<string, HTMLElement>();

  for (const table of template.tables) {
    const body = h("div", { class: "rows", role: "rowgroup", "data-table": table.key });
    const list = new RowList(body, table.columns.length);
    tableRows.set(table.key, list);
    renumbering.set(
      table.key,
      new Renumbering(
        () => list.length,
        (i) => setPaths(table, list.rows[i], i),
      ),
    );
    list.append((inputs.tables[table.key] ?? []).map((row, i) => newRow(table, row, i)));
    const add = h("fluent-button", { type: "button", size: "small", class: "add-row" }, say(lang, "addRow"));
    add.addEventListener("click", () => {
      const tr = newRow(table, {}, list.length);
      list.append([tr]);
      // About a millisecond at 5,000 rows, because the row lands in a form of a few hundred rows
      // (see RowList): in one form with every row, Chromium's autofill made it 9 to 18 ms.
      cellControl(tr, 0)?.focus();
    });
    const header = h(
      "div",
      { class: "row head", role: "row" },
      ...table.columns.map((c) => h("div", { class: "cell", role: "columnheader" }, labelText(c, lang))),
      h("div", { class: "cell row-actions", role: "columnheader", "aria-label": say(lang, "removeRow") }),
    );
    // Rows are grids of fixed tracks, not a <table>: a table lays out every row again when one
    // changes; independent rows let the browser lay out (and skip, off screen) one row at a time.
    const tracks = table.columns.map((c, j) => `minmax(${trackWidth(c, j)}em, 1fr)`).join(" ") + " 2em";
    const minWidth = table.columns.reduce((sum, c, j) => sum + trackWidth(c, j), 2);
    const grid = h(
      "div",
      { class: "grid", role: "table", "aria-label": table.label[lang], tabindex: "-1" },
      h("div", { class: "sheet", style: `--tracks: ${tracks}; min-width: ${minWidth}em` }, header, body),
    );
    let scrolledLeft = 0;
    grid.addEventListener(
      "scroll",
      () => {
        if (grid.scrollLeft === scrolledLeft) return;
        scrolledLeft = grid.scrollLeft;
        grid.style.setProperty("--sx", `${scrolledLeft}px`);
      },
      { passive: true },
    );
    const percentColumns = table.columns.filter((c) => c.type === "number" && c.percent);
    const status = h("div", { class: "table-status", role: "status", "aria-live": "polite" });
    tableStatus.set(table.key, status);
    const fromSelection = options.readSelection
      ? h("fluent-button", { type: "button", size: "small", class: "from-selection" }, say(lang, "fromSelection"))
      : null;
    fromSelection?.addEventListener("click", () => void takeSelection(table, status));
    form.append(
      h(
        "fieldset",
        { class: "table", "data-path": tablePath(table.key) },
        h("legend", {}, table.label[lang]),
        percentColumns.length > 0
          ? h(
              "p",
              { class: "hint" },
              say(lang, "percentColumns", {
                columns: percentColumns.map((c) => c.label[lang]).join(", "),
                fraction: formatNumber(0.05, numbers),
              }),
            )
          : null,
        grid,
        h("div", { class: "table-actions" }, add, fromSelection),
        status,
      ),
    );
  }
  if (template.tables.length > 0) {
    form.append(h("p", { class: "hint" }, say(lang, "pasteHint"), " ", say(lang, "moveHint")));
  }

  async function takeSelection(table: TableDecl, status: HTMLElement): Promise<void> {
    try {
      const values = await options.readSelection!();
      const cells = values.filter((line) => line.some((v) => v !== null && v !== ""));
      if (cells.length === 0) {
        status.textContent = say(lang, "selectionEmpty");
        return;
      }
      const list = tableRows.get(table.key)!;
      // After the last row that holds anything: rows already typed are kept.
      let row = list.length;
      while (row > 0 && [...table.columns.keys()].every((j) => cellControl(list.rows[row - 1], j)!.value.trim() === ""))
        row--;
      report(table.key, fillTable(table.key, cells, { row, column: 0 }));
    } catch (error) {
      status.textContent = say(lang, "readFailed", { message: error instanceof Error ? error.message : String(error) });
    }
  }

  function report(tableKey: string, outcome: FillReport): void {
    const parts = [say(lang, "pasted", { rows: formatNumber(outcome.rows, numbers) })];
    if (outcome.issues > 0) parts.push(say(lang, "pastedIssues", { count: outcome.issues }));
    if (outcome.cut > 0)
      parts.push(say(lang, "pastedCut", { max: tablesByKey.get(tableKey)!.maxRows, left: outcome.cut }));
    if (outcome.cutColumns > 0) parts.push(say(lang, "pastedCutColumns", { columns: outcome.cutColumns }));
    tableStatus.get(tableKey)!.textContent = parts.join(" ");
  }

  // ——— choices ———

  function refreshChoices(key: string): void {
    const entry = datalists.get(key);
    if (!entry || !entry.stale) return;
    const [tableKey, columnKey] = key.split(".");
    const table = tablesByKey.get(tableKey);
    const j = table?.columns.findIndex((c) => c.key === columnKey) ?? -1;
    const list = tableRows.get(tableKey);
    const values = new Set<string>();
    if (list && j >= 0) {
      for (const tr of list.rows) {
        const v = cellControl(tr, j)!.value.trim();
        if (v !== "") values.add(v);
      }
    }
    entry.list.replaceChildren(...[...values].map((v) => h("option", { value: v })));
    entry.stale = false;
  }

  /** The source-column key a control's edits change ("products.name"), if any list reads it. */
  const sourceOf = (target: Element): string | undefined => {
    const tableKey = target.closest(".rows")?.getAttribute("data-table");
    const column = (target as HTMLElement).dataset?.column;
    return tableKey && column ? `${tableKey}.${column}` : undefined;
  };
  const markStale = (key: string | undefined) => {
    const entry = key ? datalists.get(key) : undefined;
    if (entry) entry.stale = true;
  };

  // ——— the form's events, once for every control ———

  form.addEventListener("input", (event) => {
    if (event.target instanceof Element) markStale(sourceOf(event.target));
  });
  form.addEventListener("focusin", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.ref) refreshChoices(target.dataset.ref);
  });
  // On leaving a number, show it as it will be written, or say at once what is wrong with it.
  form.addEventListener("focusout", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const field = declOf.get(target);
    if (field?.type === "date") {
      // Shown as it will be read, in the pane's order; what does not read stays for the validator.
      const iso = readDate(target.value, lang);
      if (iso) {
        target.value = showDate(iso, lang);
        unmark(target);
      }
      return;
    }
    if (field?.type !== "number") return;
    const text = target.value.trim();
    const parsed = parseNumber(text, numbers, { percent: field.percent });
    if (parsed.ok) target.value = inputText(field, parsed.value, numbers);
    const value = text === "" ? null : parsed.ok ? parsed.value : text;
    // A number's checks need nothing else in the form (only choices do).
    const message = checkValue(field, value, () => new Set());
    if (!message || (text === "" && !target.hasAttribute("aria-invalid"))) unmark(target);
    else mark(target, messageFor(target, { path: target.dataset.path ?? "", message }));
  });
  form.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.("button.remove-row");
    if (!button) return;
    const tr = button.closest<HTMLElement>(".row")!;
    const { table, list } = listOf(tr);
    const index = list.indexOf(tr);
    const next = list.rows[index + 1] ?? list.rows[index - 1];
    list.remove(index);
    renumbering.get(table.key)!.staleFrom(index);
    for (const column of table.columns) markStale(`${table.key}.${column.key}`);
    // Focus stays where it was, on the remove button of the row that took this one's place, so
    // the keyboard can go on removing. A button, not a text box: focusing a text box costs
    // Chromium a pass over every control of its form (8–17 ms at 5,000 rows here), a button nothing.
    (next
      ? next.querySelector<HTMLElement>(".remove-row")
      : form.querySelector<HTMLElement>(`fieldset[data-path="${tablePath(table.key)}"] .add-row`)
    )?.focus();
  });
  // Alt+↑ / Alt+↓ moves the row: two rows change, whatever the table's length.
  form.addEventListener("keydown", (event) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const target = event.target as HTMLElement;
    const tr = target.closest<HTMLElement>(".rows .row");
    if (!tr) return;
    const { table, list } = listOf(tr);
    const index = list.indexOf(tr);
    const other = event.key === "ArrowUp" ? index - 1 : index + 1;
    if (other < 0 || other >= list.length) return;
    event.preventDefault();
    // The moved row usually stays in the page (its neighbour moves), so it keeps focus untouched.
    if (list.swapWithNeighbour(index, other)) target.focus();
    setPaths(table, list.rows[index], index);
    setPaths(table, list.rows[other], other);
  });
  form.addEventListener("paste", (event) => {
    const target = event.target as HTMLElement;
    const tr = target.closest?.<HTMLElement>(".rows .row") ?? null;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (!tr || !isManyCells(text)) return;
    event.preventDefault();
    const { table, list } = listOf(tr);
    const column = [...tr.children].findIndex((td) => td.contains(target));
    report(table.key, fillTable(table.key, parseTsv(text), { row: list.indexOf(tr), column }));
  });

  // ——— marks ———

  const anchorOf = (target: HTMLElement) =>
    target.parentElement?.classList.contains("with-unit") ? target.parentElement : target;

  function mark(target: HTMLElement, message: Text): void {
    settlePaths();
    unmark(target);
    const id = uid("issue");
    target.setAttribute("aria-invalid", "true");
    target.dataset.describedBefore = target.getAttribute("aria-describedby") ?? "";
    target.setAttribute("aria-describedby", `${id} ${target.dataset.describedBefore}`.trim());
    const issue = h("div", { class: "issue", id, role: "alert" }, message[lang]);
    issue.dataset.for = target.dataset.path ?? "";
    anchorOf(target).after(issue);
  }

  function unmark(target: HTMLElement): void {
    if (!target.hasAttribute("aria-invalid")) return;
    const next = anchorOf(target).nextElementSibling;
    if (next?.classList.contains("issue")) next.remove();
    target.removeAttribute("aria-invalid");
    const before = target.dataset.describedBefore;
    if (before) target.setAttribute("aria-describedby", before);
    else target.removeAttribute("aria-describedby");
    delete target.dataset.describedBefore;
  }

  /** The message for a control's issue: for a number that does not parse, one with an example. */
  function messageFor(target: HTMLElement, issue: Issue): Text {
    const field = declOf.get(target);
    if (field?.type === "number" && target instanceof HTMLInputElement && target.value.trim() !== "") {
      if (!parseNumber(target.value, numbers, { percent: field.percent }).ok)
        return notANumber(numbers, { percent: field.percent });
    }
    return issue.message;
  }

  // ——— reading and filling ———

  function readTable(table: TableDecl): Row[] {
    return tableRows.get(table.key)!.rows.map((tr) => {
      const row: Record<string, Value> = {};
      table.columns.forEach((column, j) => {
        row[column.key] = parseInput(column, cellControl(tr, j)!.value, numbers, lang);
      });
      return row;
    });
  }

  function read(): Inputs {
    const fields: Record<string, Value> = {};
    for (const field of template.fields) {
      fields[field.key] = parseInput(field, fieldControls.get(field.key)!.value, numbers, lang);
    }
    const tables: Record<string, Row[]> = {};
    for (const table of template.tables) tables[table.key] = readTable(table);
    return { fields, tables };
  }

  /** A cell's text as the control takes it: numbers from a range in the user's convention. */
  function cellText(column: Field, value: unknown): string {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") {
      if (column.type === "number") return inputText(column, value, numbers);
      // A date cell of the workbook holds Excel's serial (1900 system, from 1900-03-01 on).
      if (column.type === "date" && Number.isInteger(value) && value >= 61)
        return showDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10), lang);
      return String(value);
    }
    const text = String(value).trim();
    if (column.type !== "number") return text;
    const parsed = parseNumber(text, numbers, { percent: column.percent });
    return parsed.ok ? inputText(column, parsed.value, numbers) : text;
  }

  function fillTable(
    tableKey: string,
    cells: readonly (readonly unknown[])[],
    at: { row: number; column: number } = { row: 0, column: 0 },
  ): FillReport {
    settlePaths();
    const table = tablesByKey.get(tableKey)!;
    const list = tableRows.get(tableKey)!;
    const lines = Math.min(cells.length, Math.max(0, table.maxRows - at.row));
    const added: HTMLElement[] = [];
    for (let i = list.length; i < at.row + lines; i++) added.push(newRow(table, {}, i));
    list.append(added);
    const touched: { control: Control; column: Field; j: number }[] = [];
    let cutColumns = 0;
    for (let i = 0; i < lines; i++) {
      const tr = list.rows[at.row + i];
      const line = cells[i];
      cutColumns = Math.max(cutColumns, at.column + line.length - table.columns.length);
      for (let k = 0; k < line.length && at.column + k < table.columns.length; k++) {
        const j = at.column + k;
        const column = table.columns[j];
        const c = cellControl(tr, j)!;
        c.value = cellText(column, line[k]);
        unmark(c);
        touched.push({ control: c, column, j });
      }
    }
    for (const column of table.columns) markStale(`${table.key}.${column.key}`);
    // Mark what the validator would refuse, on the filled cells only; nothing is written until fixed.
    const current = read();
    const others = allowedIn(current);
    let issues = 0;
    for (const { control: c, column } of touched) {
      const value = parseInput(column, c.value, numbers, lang);
      const message = checkValue(column, value, others);
      if (!message) continue;
      mark(c, messageFor(c, { path: c.dataset.path ?? "", message }));
      issues++;
    }
    return { rows: lines, issues, cut: cells.length - lines, cutColumns: Math.max(0, cutColumns) };
  }

  /** The control (or table fieldset) at a path, numbers settled first. */
  function controlAt(path: string): HTMLElement | null {
    settlePaths();
    return form.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  }

  function labelOf(path: string): string {
    const cellMatch = /^(.+)\[(\d+)\]\.(.+)$/.exec(path);
    if (cellMatch) {
      const table = tablesByKey.get(cellMatch[1]);
      const column = table?.columns.find((c) => c.key === cellMatch[3]);
      if (table && column) return `${percentLabel(column, lang)}, ${rowWord} ${Number(cellMatch[2]) + 1}`;
    }
    const tableMatch = /^(.+)\[\]$/.exec(path);
    if (tableMatch) {
      const table = tablesByKey.get(tableMatch[1]);
      if (table) return table.label[lang];
    }
    const field = template.fields.find((f) => fieldPath(f.key) === path);
    return field ? percentLabel(field, lang) : path;
  }

  function messageOf(issue: Issue): string {
    const target = controlAt(issue.path);
    return (target && !(target instanceof HTMLFieldSetElement) ? messageFor(target, issue) : issue.message)[lang];
  }

  function focusPath(path: string): void {
    const target = controlAt(path);
    if (!target) return;
    const focusable =
      target instanceof HTMLFieldSetElement
        ? (target.querySelector<HTMLElement>(".rows input, .rows select") ??
          target.querySelector<HTMLElement>(".add-row"))
        : target;
    focusable?.scrollIntoView({ block: "center" });
    focusable?.focus({ preventScroll: true });
  }

  /** The doubts answered, by path, with the text they were answered for (a changed value asks again). */
  const settled = new Map<string, string>();

  function percentDoubts(): { path: string; label: string; value: number }[] {
    settlePaths();
    const doubts: { path: string; label: string; value: number }[] = [];
    const check = (c: Control, field: Field) => {
      if (field.type !== "number" || !field.percent) return;
      const text = c.value.trim();
      const parsed = parseNumber(text, numbers, { percent: true });
      const path = c.dataset.path ?? "";
      if (!parsed.ok || parsed.value <= 0 || parsed.value >= 0.01 || settled.get(path) === text) return;
      doubts.push({ path, label: labelOf(path), value: parsed.value });
    };
    for (const field of template.fields) check(fieldControls.get(field.key)!, field);
    for (const table of template.tables) {
      const js = table.columns.flatMap((c, j) => (c.type === "number" && c.percent ? [j] : []));
      if (js.length === 0) continue;
      for (const tr of tableRows.get(table.key)!.rows) for (const j of js) check(cellControl(tr, j)!, table.columns[j]);
    }
    return doubts;
  }

  function settlePercent(path: string, keep: boolean): void {
    const c = controlAt(path);
    const field = c && declOf.get(c);
    if (!(c instanceof HTMLInputElement) || field?.type !== "number") return;
    if (!keep) {
      const parsed = parseNumber(c.value, numbers, { percent: true });
      if (parsed.ok) c.value = inputText(field, Number((parsed.value * 100).toPrecision(15)), numbers);
    }
    settled.set(path, c.value.trim());
  }

  function showIssues(issues: readonly Issue[]): number {
    settlePaths();
    for (const marked of [...form.querySelectorAll<HTMLElement>("[aria-invalid]")]) unmark(marked);
    for (const old of form.querySelectorAll(".issue")) old.remove();
    let first: HTMLElement | undefined;
    for (const issue of issues) {
      const target = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(issue.path)}"]`);
      if (!target) continue;
      if (target instanceof HTMLFieldSetElement) {
        target.append(h("div", { class: "issue", id: uid("issue"), role: "alert" }, issue.message[lang]));
      } else {
        mark(target, messageFor(target, issue));
      }
      first ??=
        target instanceof HTMLFieldSetElement ? (target.querySelector<HTMLElement>("fluent-button") ?? target) : target;
    }
    first?.focus();
    return issues.length;
  }

  return { element: form, read, showIssues, fillTable, labelOf, messageOf, focusPath, percentDoubts, settlePercent };
}
