/**
 * The preview's workbook on screen: sheet tabs, a formula bar showing the selected cell's
 * formula, value and error message, and the grid. Cell text is set with textContent only.
 */
import { DetailedCellError } from "hyperformula";
import { columnName } from "../templates/cell-plan";
import type { Lang } from "../templates/model";
import { LOOKS } from "../templates/styles";
import { h } from "../taskpane/dom";
import { cellKey, type PreviewBook } from "./book";
import { displayNumber } from "./display";

const MIN_ROWS = 30;
const MIN_COLS = 12;
const PIXELS_PER_CHARACTER = 8;

export function mountSheetView(root: HTMLElement, book: PreviewBook, lang: () => Lang): void {
  const hf = book.hf;
  const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": "Sheets" });
  const nameBox = h("output", { class: "name-box", id: "name-box" });
  const formula = h("input", {
    class: "formula",
    id: "formula-bar",
    "aria-label": "Formula",
    spellcheck: "false",
    autocomplete: "off",
  });
  const value = h("output", { class: "cell-value", id: "cell-value" });
  const message = h("output", { class: "cell-message", id: "cell-message" });
  const grid = h("div", { class: "grid-scroll" });
  root.replaceChildren(
    tabs,
    h("div", { class: "formula-line" }, nameBox, h("span", { class: "fx" }, "fx"), formula),
    h("div", { class: "value-line" }, value, message),
    grid,
  );

  const selected = () => book.selection;
  const text = (v: unknown, format: Parameters<typeof displayNumber>[1]): string => {
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "number") return displayNumber(v, format, lang());
    return String(v);
  };

  function renderBar(): void {
    const { sheet, row, col } = selected();
    const addr = { sheet, row, col };
    nameBox.textContent = `${columnName(col)}${row + 1}`;
    const serialized = hf.getCellSerialized(addr);
    formula.value = serialized === null || serialized === undefined ? "" : String(serialized);
    const v = hf.getCellValue(addr);
    value.textContent = text(v, book.look(sheet).formats.get(cellKey(row, col)));
    message.textContent = v instanceof DetailedCellError ? v.message : "";
  }

  function renderTabs(): void {
    tabs.replaceChildren(
      ...book.visibleSheetNames().map((name) => {
        const id = hf.getSheetId(name)!;
        const tab = h(
          "button",
          { role: "tab", type: "button", class: "tab", "aria-selected": String(id === selected().sheet) },
          name,
        );
        tab.addEventListener("click", () => {
          book.selection = { sheet: id, row: 0, col: 0 };
          render();
        });
        return tab;
      }),
    );
  }

  function renderGrid(): void {
    const { sheet } = selected();
    const look = book.look(sheet);
    const size = hf.getSheetDimensions(sheet);
    const rows = Math.max(MIN_ROWS, size.height + 2);
    const cols = Math.max(MIN_COLS, size.width + 1);
    const values = hf.getSheetValues(sheet);
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of look.merges) {
      spans.set(cellKey(m.row, m.col), { rows: m.rows, cols: m.cols });
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(cellKey(r, c));
    }
    const table = h("table", { class: "sheet", role: "grid", "aria-label": hf.getSheetName(sheet) });
    const colgroup = h("colgroup", {}, h("col", { class: "row-head" }));
    for (let c = 0; c < cols; c++) {
      colgroup.append(h("col", { style: `width:${(look.widths[c] ?? 10) * PIXELS_PER_CHARACTER}px` }));
    }
    table.append(
      colgroup,
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, ""),
          ...Array.from({ length: cols }, (_, c) => h("th", { scope: "col" }, columnName(c))),
        ),
      ),
    );
    const body = h("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = h("tr", {}, h("th", { scope: "row" }, String(r + 1)));
      for (let c = 0; c < cols; c++) {
        const key = cellKey(r, c);
        if (covered.has(key)) continue;
        const v = values[r]?.[c];
        const td = h("td", { "data-cell": `${columnName(c)}${r + 1}` }, text(v, look.formats.get(key)));
        const span = spans.get(key);
        if (span) {
          td.colSpan = span.cols;
          td.rowSpan = span.rows;
        }
        const style = look.styles.get(key);
        if (style) {
          const l = LOOKS[style];
          td.classList.add(`look-${style}`);
          if (l.bold) td.style.fontWeight = "600";
          if (l.italic) td.style.fontStyle = "italic";
          if (l.size) td.style.fontSize = `${l.size + 2}px`;
          if (l.color) td.style.color = l.color;
          if (l.fill) td.style.background = l.fill;
          if (l.wrap) td.style.whiteSpace = "normal";
          if (l.center) td.style.textAlign = "center";
          if (l.topBorder) td.style.borderTop = "2px solid #333";
        }
        if (typeof v === "number") td.classList.add("number");
        if (v instanceof DetailedCellError) {
          td.classList.add("error");
          td.title = v.message;
        }
        if (r === selected().row && c === selected().col) td.classList.add("selected");
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    grid.replaceChildren(table);
  }

  function render(): void {
    renderTabs();
    renderGrid();
    renderBar();
  }

  // One listener for the whole grid: a thousand-row template has tens of thousands of cells.
  grid.addEventListener("click", (event) => {
    const td = (event.target as Element).closest<HTMLElement>("td[data-cell]");
    if (!td) return;
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(td.dataset.cell!)!;
    const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    book.selection = { sheet: selected().sheet, row: Number(digits) - 1, col };
    for (const old of grid.querySelectorAll("td.selected")) old.classList.remove("selected");
    td.classList.add("selected");
    renderBar();
  });

  formula.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const { sheet, row, col } = selected();
    const entered = formula.value;
    hf.setCellContents({ sheet, row, col }, entered === "" ? null : entered);
    render();
  });
  book.onChange(render);
  render();
}
