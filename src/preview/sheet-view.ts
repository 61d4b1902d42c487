/**
 * The preview's workbook on screen, worked like Excel: sheet tabs, a name box and formula bar, and
 * a grid that scrolls both ways under frozen row and column headers. The grid is virtualized: only
 * the rows and columns in view (and a margin) exist in the page, each as `td[data-cell="B12"]`, so
 * a 5,000-row sheet scrolls as lightly as a 30-row one. Keyboard and mouse follow Excel: arrows,
 * Tab, Enter and their Shift variants, Ctrl+arrows, Ctrl+Home/End, F2, Esc, Delete, typing to
 * replace; Shift+click, Shift+arrows or a drag select a range; Ctrl+C copies it as tab-separated
 * text. Cell text is set with textContent only.
 */
import { DetailedCellError, ErrorType, type RawCellContent } from "hyperformula";
import { columnName, type Area } from "../sheet/cell-plan";
import { readEntry, shownContent, type Entry } from "./grid-entry";
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import { h } from "../ui/dom";
import { WRITING_TEMPLATE, type PreviewBook } from "./book";
import { SHEET_COLS, SHEET_ROWS, cellKey, keyCol, keyRow, type CellKey } from "../sheet/excel-grid";
import { applyFlag, applyLook, spillText } from "./cell-look";
import { chartSvg, sheetReader } from "./chart-svg";
import { displayValue } from "./display";
import { Axis, DEFAULT_HEIGHT_POINTS, DEFAULT_WIDTH_CHARS, heightPixels, widthPixels } from "./grid-geometry";
import { mountPrintView } from "./print-view";
import { jump, lastUsed, mergeAt, mergeMaps, parseAddress, rangeOf, step, toTsv, type Cell } from "./selection";

/** Rows and columns shown past the last used cell, as Excel's empty grid goes on. */
const EXTRA_ROWS = 50;
const EXTRA_COLS = 6;
const MIN_ROWS = 100;
const MIN_COLS = 26;
/** Rows and columns rendered beyond the visible ones, so a small scroll needs no new cells. */
const MARGIN_ROWS = 12;
const MARGIN_COLS = 4;
const HEAD_WIDTH = 46;
const HEAD_HEIGHT = 22;

/** The engine's parse error, said in the pane's language (its own message is English). */
const PARSE_ERROR = {
  vi: "Không đọc được công thức. Trong sổ này, số viết 1,5 và các đối số cách nhau bằng dấu ; như =ROUND(A1*1,5;0).",
  en: "Cannot read the formula. In this workbook numbers are written 1.5 and arguments separated by , as in =ROUND(A1*1.5,0).",
};

interface Layout {
  rows: Axis;
  cols: Axis;
  /** Merged areas by their top-left cell, and every other cell they cover. */
  anchors: Map<CellKey, Area>;
  covered: Set<CellKey>;
  merges: readonly Area[];
}

type Editing = { mode: "enter" | "edit"; cell: Cell } | null;

export function mountSheetView(root: HTMLElement, book: PreviewBook, lang: () => Lang): void {
  const hf = book.hf;
  const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": "Sheets" });
  const printButton = h("button", { type: "button", class: "tool", id: "print-view", "aria-pressed": "false" });
  const toolbar = h("div", { class: "sheet-tools" }, tabs, printButton);
  const nameBox = h("input", {
    class: "name-box",
    id: "name-box",
    "aria-label": "Name box",
    spellcheck: "false",
    autocomplete: "off",
  });
  const formula = h("input", {
    class: "formula",
    id: "formula-bar",
    "aria-label": "Formula",
    spellcheck: "false",
    autocomplete: "off",
  });
  const value = h("output", { class: "cell-value", id: "cell-value" });
  const message = h("output", { class: "cell-message", id: "cell-message", role: "status" });
  const grid = h("div", { class: "grid-scroll", tabindex: "0", "aria-label": "Grid" });
  const printPages = h("div", { class: "print-pages", hidden: true });
  root.replaceChildren(
    toolbar,
    h("div", { class: "formula-line" }, nameBox, h("span", { class: "fx" }, "fx"), formula),
    h("div", { class: "value-line" }, value, message),
    grid,
    printPages,
  );

  const table = h("table", { class: "sheet", role: "grid" });
  const headRow = h("tr", { role: "row" });
  const body = h("tbody", { role: "rowgroup" });
  table.append(h("thead", { role: "rowgroup" }, headRow), body);
  const editor = h("input", { class: "cell-editor", "aria-label": "Cell", spellcheck: "false", autocomplete: "off" });
  editor.hidden = true;
  // The sheet's charts float over its cells, as Excel's do; they scroll with the grid.
  const chartLayer = h("div", { class: "chart-layer" });
  grid.append(table, chartLayer, editor);

  let layout: Layout;
  let anchor: Cell = { row: 0, col: 0 };
  let editing: Editing = null;
  /** The column where a run of Tabs began, for the Enter that ends it. */
  let tabOrigin: number | null = null;
  /** The farthest cell visited: the grid extends past it, as Excel's goes on. */
  let reach: Cell = { row: 0, col: 0 };
  /** The formula typed into a cell and what the engine stored for it, to show the formula back as typed. */
  const typed = new Map<string, { typed: string; stored: unknown }>();
  /** The window of rows and columns in the page now. */
  let rendered = { r0: 0, r1: -1, c0: 0, c1: -1 };
  const cellsInPage = new Map<CellKey, HTMLTableCellElement>();

  const sheet = () => book.selection.sheet;
  const active = (): Cell => ({ row: book.selection.row, col: book.selection.col });
  // The keys go over the whole of Excel's grid, as the name box does; the drawn grid grows to follow.
  const limits = (): Cell => ({ row: SHEET_ROWS, col: SHEET_COLS });
  const addressOf = (c: Cell) => `${columnName(c.col)}${c.row + 1}`;
  const selectedRange = () => rangeOf(anchor, active(), layout.merges);

  function measure(): void {
    const look = book.look(sheet());
    const size = hf.getSheetDimensions(sheet());
    const rows = Math.min(SHEET_ROWS, Math.max(MIN_ROWS, size.height + EXTRA_ROWS, reach.row + EXTRA_ROWS));
    const cols = Math.min(
      SHEET_COLS,
      Math.max(MIN_COLS, size.width + EXTRA_COLS, look.widths.length, reach.col + EXTRA_COLS),
    );
    const { anchors, covered } = mergeMaps(look.merges);
    layout = {
      rows: new Axis(rows, (r) => heightPixels(look.heights.get(r) ?? DEFAULT_HEIGHT_POINTS)),
      cols: new Axis(cols, (c) => widthPixels(look.widths[c] ?? DEFAULT_WIDTH_CHARS)),
      anchors,
      covered,
      merges: look.merges,
    };
    table.style.width = `${HEAD_WIDTH + layout.cols.total}px`;
    body.style.height = `${layout.rows.total}px`;
    table.setAttribute("aria-label", hf.getSheetName(sheet()) ?? "");
    table.setAttribute("aria-rowcount", String(rows));
    table.setAttribute("aria-colcount", String(cols));
  }

  function cellText(c: Cell): string {
    const v = hf.getCellValue({ sheet: sheet(), row: c.row, col: c.col });
    return displayValue(v, book.look(sheet()).formats.get(cellKey(c.row, c.col)), lang());
  }

  const isBlank = (r: number, c: number) => {
    const key = cellKey(r, c);
    if (layout.covered.has(key) || layout.anchors.has(key)) return false;
    const v = hf.getCellValue({ sheet: sheet(), row: r, col: c });
    return v === null || v === "";
  };

  function makeCell(r: number, c: number, area: Area, top: number): HTMLTableCellElement {
    const look = book.look(sheet());
    const key = cellKey(r, c);
    const v = hf.getCellValue({ sheet: sheet(), row: r, col: c });
    const td = h(
      "td",
      { "data-cell": `${columnName(c)}${r + 1}`, role: "gridcell" },
      displayValue(v, look.formats.get(key), lang()),
    );
    td.setAttribute("aria-colindex", String(c + 1));
    td.style.left = `${HEAD_WIDTH + layout.cols.start(c)}px`;
    td.style.top = `${top}px`;
    td.style.width = `${layout.cols.size(area.col, area.cols)}px`;
    const height = layout.rows.size(area.row, area.rows);
    td.style.height = `${height}px`;
    if (area.rows > 1 || area.cols > 1) {
      td.setAttribute("aria-rowspan", String(area.rows));
      td.setAttribute("aria-colspan", String(area.cols));
    }
    applyLook(td, look.styles.get(key), look.ruled.has(key), look.file?.styles.get(key));
    if (look.flags.length > 0)
      applyFlag(td, look.flags, r, c, (row, col) => hf.getCellValue({ sheet: sheet(), row, col }));
    // One line of text sits in the middle of its row, or at its top where the look says so (as Excel draws it).
    if (!td.classList.contains("wrap")) {
      const line = td.classList.contains("v-top") ? Math.min(height, heightPixels(DEFAULT_HEIGHT_POINTS)) : height;
      td.style.lineHeight = `${line - 2}px`;
    }
    if (typeof v === "string" && area.rows === 1 && area.cols === 1) {
      let spill = 0;
      for (let k = c + 1; k < Math.min(layout.cols.count, c + 40) && isBlank(r, k); k++) spill += layout.cols.size(k);
      if (spill > 0) spillText(td, layout.cols.size(c) + spill);
    }
    if (typeof v === "number") td.classList.add("number");
    if (v instanceof DetailedCellError) {
      td.classList.add("error");
      td.title = v.message;
    }
    cellsInPage.set(key, td);
    return td;
  }

  /** Builds the rows and columns around the visible window, if it moved out of what is in the page. */
  function renderWindow(force = false): void {
    const top = grid.scrollTop;
    const left = grid.scrollLeft;
    const firstRow = layout.rows.indexAt(top);
    const lastRow = layout.rows.indexAt(top + Math.max(grid.clientHeight - HEAD_HEIGHT, 0));
    const firstCol = layout.cols.indexAt(left);
    const lastCol = layout.cols.indexAt(left + Math.max(grid.clientWidth - HEAD_WIDTH, 0));
    const inside =
      firstRow >= rendered.r0 && lastRow <= rendered.r1 && firstCol >= rendered.c0 && lastCol <= rendered.c1;
    if (inside && !force) return;
    const r0 = Math.max(0, firstRow - MARGIN_ROWS);
    const r1 = Math.min(layout.rows.count - 1, lastRow + MARGIN_ROWS);
    const c0 = Math.max(0, firstCol - MARGIN_COLS);
    const c1 = Math.min(layout.cols.count - 1, lastCol + MARGIN_COLS);
    rendered = { r0, r1, c0, c1 };
    cellsInPage.clear();

    headRow.replaceChildren(h("th", { class: "corner", role: "columnheader" }, ""));
    for (let c = c0; c <= c1; c++) {
      const th = h("th", { scope: "col", role: "columnheader", "data-col": columnName(c) }, columnName(c));
      th.style.left = `${HEAD_WIDTH + layout.cols.start(c)}px`;
      th.style.width = `${layout.cols.size(c)}px`;
      headRow.append(th);
    }

    const spacer = h("tr", { class: "spacer", "aria-hidden": "true" });
    spacer.style.height = `${layout.rows.start(r0)}px`;
    const rows: HTMLTableRowElement[] = [spacer];
    // Merged areas that begin above or left of the window still show, from their own top-left cell.
    const early = layout.merges.filter(
      (m) => (m.row < r0 || m.col < c0) && m.row + m.rows > r0 && m.row <= r1 && m.col + m.cols > c0 && m.col <= c1,
    );
    for (let r = r0; r <= r1; r++) {
      const tr = h("tr", { role: "row", "data-row": String(r + 1) });
      tr.setAttribute("aria-rowindex", String(r + 1));
      tr.style.height = `${layout.rows.size(r)}px`;
      tr.append(h("th", { scope: "row", role: "rowheader" }, String(r + 1)));
      if (r === r0)
        for (const m of early) tr.append(makeCell(m.row, m.col, m, layout.rows.start(m.row) - layout.rows.start(r0)));
      for (let c = c0; c <= c1; c++) {
        const key = cellKey(r, c);
        if (layout.covered.has(key)) continue;
        const area = layout.anchors.get(key) ?? { row: r, col: c, rows: 1, cols: 1 };
        tr.append(makeCell(r, c, area, 0));
      }
      rows.push(tr);
    }
    body.replaceChildren(...rows);
    paintSelection();
  }

  function paintSelection(): void {
    const range = selectedRange();
    const { row, col } = active();
    for (const [key, td] of cellsInPage) {
      const [r, c] = [keyRow(key), keyCol(key)];
      td.classList.toggle("selected", r === row && c === col);
      const inRange = r >= range.row && r < range.row + range.rows && c >= range.col && c < range.col + range.cols;
      td.classList.toggle("in-range", inRange && (range.rows > 1 || range.cols > 1));
      td.setAttribute("aria-selected", String(inRange));
    }
    for (const th of headRow.querySelectorAll<HTMLElement>("th[data-col]")) {
      const c = parseAddress(`${th.dataset.col}1`)!.col;
      th.classList.toggle("highlight", c >= range.col && c < range.col + range.cols);
    }
    for (const tr of body.querySelectorAll<HTMLElement>("tr[data-row]")) {
      const r = Number(tr.dataset.row) - 1;
      tr.firstElementChild!.classList.toggle("highlight", r >= range.row && r < range.row + range.rows);
    }
  }

  function renderBar(): void {
    const c = active();
    // As in Excel, the name box names the active cell, also while a range is selected.
    nameBox.value = addressOf(c);
    const addr = { sheet: sheet(), row: c.row, col: c.col };
    const serialized = hf.getCellSerialized(addr);
    const asTyped = typed.get(`${sheet()}:${cellKey(c.row, c.col)}`);
    formula.value =
      asTyped && asTyped.stored === serialized
        ? asTyped.typed
        : shownContent(serialized, book.look(sheet()).formats.get(cellKey(c.row, c.col)), book.numbers);
    const v = hf.getCellValue(addr);
    value.textContent = cellText(c);
    message.classList.remove("refused");
    message.textContent = !(v instanceof DetailedCellError)
      ? ""
      : v.type === ErrorType.ERROR && /pars/i.test(v.message)
        ? PARSE_ERROR[lang()]
        : v.message;
  }

  /** Says why what was typed was not written; the cell keeps what it held. */
  function refuse(entry: Extract<Entry, { ok: false }>): void {
    message.classList.add("refused");
    message.textContent = entry.message[lang()];
  }

  function renderTabs(): void {
    tabs.replaceChildren(
      ...book.visibleSheetNames().map((name) => {
        const id = hf.getSheetId(name)!;
        const tab = h(
          "button",
          { role: "tab", type: "button", class: "tab", "aria-selected": String(id === sheet()) },
          name,
        );
        tab.addEventListener("click", () => {
          finishEdit(false);
          book.selection = { sheet: id, row: 0, col: 0 };
          anchor = { row: 0, col: 0 };
          grid.scrollTo(0, 0);
          render();
        });
        return tab;
      }),
    );
    printButton.textContent = say(lang(), print.open ? "sheetView" : "printView");
  }

  /** Draws each chart of the sheet from its cells now, over the area the template left for it. */
  function renderCharts(): void {
    const look = book.look(sheet());
    chartLayer.replaceChildren(
      ...look.charts.map((chart) => {
        const { row, col, rows, cols } = chart.area;
        const svg = chartSvg(
          chart,
          sheetReader(hf, sheet()),
          lang(),
          layout.cols.size(col, cols),
          layout.rows.size(row, rows),
        );
        svg.style.left = `${HEAD_WIDTH + layout.cols.start(col)}px`;
        svg.style.top = `${HEAD_HEIGHT + layout.rows.start(row)}px`;
        return svg;
      }),
    );
  }

  function render(): void {
    measure();
    renderTabs();
    renderWindow(true);
    renderCharts();
    renderBar();
    if (print.open) print.render();
  }

  /** Scrolls the least needed to bring a cell (all of a merged area that fits) into view, and renders it. */
  function scrollToCell(c: Cell): void {
    const area = mergeAt(c, layout.merges);
    const x = layout.cols.start(area.col);
    const w = layout.cols.size(area.col, area.cols);
    const y = layout.rows.start(area.row);
    const hgt = layout.rows.size(area.row, area.rows);
    const viewW = grid.clientWidth - HEAD_WIDTH;
    const viewH = grid.clientHeight - HEAD_HEIGHT;
    if (x < grid.scrollLeft) grid.scrollLeft = x;
    else if (x + w > grid.scrollLeft + viewW) grid.scrollLeft = Math.min(x, x + w - viewW);
    if (y < grid.scrollTop) grid.scrollTop = y;
    else if (y + hgt > grid.scrollTop + viewH) grid.scrollTop = Math.min(y, y + hgt - viewH);
    renderWindow();
  }

  /** Makes `c` the active cell; with `extend`, the anchor stays and the range grows to it. */
  function select(c: Cell, extend = false): void {
    tabOrigin = null;
    if (c.row >= layout.rows.count || c.col >= layout.cols.count) {
      reach = { row: Math.max(reach.row, c.row), col: Math.max(reach.col, c.col) };
      measure();
    }
    const target = extend
      ? c
      : (() => {
          const m = mergeAt(c, layout.merges);
          return { row: m.row, col: m.col };
        })();
    book.selection = { sheet: sheet(), row: target.row, col: target.col };
    if (!extend) anchor = target;
    scrollToCell(target);
    paintSelection();
    renderBar();
  }

  // ——— editing ———

  /**
   * Writes what was typed, read in the workbook's convention (grid-entry.ts); returns false, and
   * says why, when it cannot be read: the cell is left as it was.
   */
  function write(c: Cell, text: string): boolean {
    if (book.writing > 0) {
      refuse({ ok: false, message: WRITING_TEMPLATE });
      return false;
    }
    const entry = readEntry(text, book.numbers);
    if (!entry.ok) {
      refuse(entry);
      return false;
    }
    const addr = { sheet: sheet(), row: c.row, col: c.col };
    hf.setCellContents(addr, entry.content);
    // A typed date or percentage gets its format, as Excel gives one to a cell that has none.
    const formats = book.look(sheet()).formats;
    if (entry.format && !formats.has(cellKey(c.row, c.col))) formats.set(cellKey(c.row, c.col), entry.format);
    const key = `${sheet()}:${cellKey(c.row, c.col)}`;
    // A formula shows back as typed (its spacing, its names' case); a value as the workbook reads it.
    if (!text.startsWith("=")) typed.delete(key);
    else typed.set(key, { typed: text, stored: hf.getCellSerialized(addr) });
    return true;
  }

  function startEdit(mode: "enter" | "edit", initial: string): void {
    const c = active();
    const area = mergeAt(c, layout.merges);
    editing = { mode, cell: c };
    editor.hidden = false;
    editor.value = initial;
    editor.style.left = `${HEAD_WIDTH + layout.cols.start(area.col)}px`;
    editor.style.top = `${HEAD_HEIGHT + layout.rows.start(area.row)}px`;
    editor.style.minWidth = `${layout.cols.size(area.col, area.cols)}px`;
    editor.style.height = `${layout.rows.size(area.row, area.rows)}px`;
    formula.value = initial;
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(initial.length, initial.length);
  }

  /**
   * Ends in-cell editing: commits what was typed, or (Esc) leaves the cell as it was. Text that
   * cannot be read keeps the editor open with it (`stay`), as Excel keeps a bad formula in the
   * cell for fixing; returns whether editing ended.
   */
  function finishEdit(commit: boolean, stay = false): boolean {
    if (!editing) return true;
    const { cell } = editing;
    const refused = commit && !write(cell, editor.value);
    if (refused && stay) {
      editor.focus({ preventScroll: true });
      return false;
    }
    editing = null;
    editor.hidden = true;
    if (commit && !refused) render();
    else if (!refused) renderBar();
    grid.focus({ preventScroll: true });
    return true;
  }

  function clearRange(): void {
    if (book.writing > 0) return refuse({ ok: false, message: WRITING_TEMPLATE });
    const range = selectedRange();
    const empty = Array.from({ length: range.rows }, () => new Array<RawCellContent>(range.cols).fill(null));
    hf.setCellContents({ sheet: sheet(), row: range.row, col: range.col }, empty);
    for (let r = range.row; r < range.row + range.rows; r++)
      for (let c = range.col; c < range.col + range.cols; c++) typed.delete(`${sheet()}:${cellKey(r, c)}`);
    render();
  }

  /** Enter and Tab move inside a selected range, as Excel does; otherwise they move one cell. */
  function advance(dRow: number, dCol: number): void {
    const range = selectedRange();
    if (range.rows === 1 && range.cols === 1) {
      // After Tabs along a row, Enter goes down to the column where the Tabs began, as in Excel.
      const origin = dCol !== 0 ? (tabOrigin ?? active().col) : tabOrigin;
      const next = step(active(), dRow, dCol, limits(), layout.merges);
      select(dRow !== 0 && origin !== null ? { row: next.row, col: origin } : next);
      if (dCol !== 0) tabOrigin = origin;
      return;
    }
    const c = active();
    let row = c.row;
    let col = c.col;
    const last = { row: range.row + range.rows - 1, col: range.col + range.cols - 1 };
    if (dCol !== 0) {
      col += dCol;
      if (col > last.col) [col, row] = [range.col, row + 1 > last.row ? range.row : row + 1];
      if (col < range.col) [col, row] = [last.col, row - 1 < range.row ? last.row : row - 1];
    } else {
      row += dRow;
      if (row > last.row) [row, col] = [range.row, col + 1 > last.col ? range.col : col + 1];
      if (row < range.row) [row, col] = [last.row, col - 1 < range.col ? last.col : col - 1];
    }
    book.selection = { sheet: sheet(), row, col };
    scrollToCell({ row, col });
    paintSelection();
    renderBar();
  }

  const ARROWS: Record<string, [number, number]> = {
    ArrowDown: [1, 0],
    ArrowUp: [-1, 0],
    ArrowRight: [0, 1],
    ArrowLeft: [0, -1],
  };

  function lastUsedCell(): Cell {
    const at = (c: Cell) => hf.getCellSerialized({ sheet: sheet(), row: c.row, col: c.col });
    return lastUsed(hf.getSheetDimensions(sheet()), (c) => {
      const content = at(c);
      return content !== null && content !== undefined && content !== "";
    });
  }

  /**
   * Ctrl+arrow over the whole grid without reading a million empty cells: the search stops one
   * line past the used area, and a jump that ran out there goes on to the sheet's edge.
   */
  function farJump(from: Cell, dRow: number, dCol: number): Cell {
    const size = hf.getSheetDimensions(sheet());
    const near = {
      row: Math.min(SHEET_ROWS, Math.max(size.height, from.row + 1) + 1),
      col: Math.min(SHEET_COLS, Math.max(size.width, from.col + 1) + 1),
    };
    const to = jump(from, dRow, dCol, near, filled);
    if (filled(to)) return to;
    if (dRow > 0 && to.row === near.row - 1) return { ...to, row: SHEET_ROWS - 1 };
    if (dCol > 0 && to.col === near.col - 1) return { ...to, col: SHEET_COLS - 1 };
    return to;
  }

  const filled = (c: Cell) => {
    const v = hf.getCellValue({ sheet: sheet(), row: c.row, col: c.col });
    return v !== null && v !== undefined && v !== "";
  };

  grid.addEventListener("keydown", (event) => {
    if (event.target !== grid) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      // Shift extends the range from the anchor: the moving end is the active cell.
      const from = active();
      const next = ctrl
        ? farJump(from, arrow[0], arrow[1])
        : step(from, arrow[0], arrow[1], limits(), event.shiftKey ? [] : layout.merges);
      select(next, event.shiftKey);
      return;
    }
    switch (event.key) {
      case "Tab":
        event.preventDefault();
        advance(0, event.shiftKey ? -1 : 1);
        return;
      case "Enter":
        event.preventDefault();
        advance(event.shiftKey ? -1 : 1, 0);
        return;
      case "F2":
        event.preventDefault();
        startEdit("edit", formula.value);
        return;
      case "Delete":
        event.preventDefault();
        clearRange();
        return;
      case "Backspace":
        // Excel clears the active cell and starts typing into it.
        event.preventDefault();
        anchor = active();
        startEdit("enter", "");
        return;
      case "Home":
        event.preventDefault();
        select(ctrl ? { row: 0, col: 0 } : { row: active().row, col: 0 }, event.shiftKey);
        return;
      case "End":
        if (ctrl) {
          event.preventDefault();
          select(lastUsedCell(), event.shiftKey);
        }
        return;
      case "PageDown":
      case "PageUp": {
        event.preventDefault();
        const rowsInView = Math.max(
          1,
          Math.floor((grid.clientHeight - HEAD_HEIGHT) / heightPixels(DEFAULT_HEIGHT_POINTS)),
        );
        const row = Math.max(
          0,
          Math.min(SHEET_ROWS - 1, active().row + (event.key === "PageDown" ? rowsInView : -rowsInView)),
        );
        select({ row, col: active().col }, event.shiftKey);
        return;
      }
    }
    if (ctrl && event.key.toLowerCase() === "a") {
      event.preventDefault();
      anchor = { row: 0, col: 0 };
      const end = lastUsedCell();
      book.selection = { sheet: sheet(), row: end.row, col: end.col };
      paintSelection();
      renderBar();
      return;
    }
    // A printable key replaces the cell's content, as typing into a selected cell does in Excel.
    if (event.key.length === 1 && !ctrl && !event.altKey) {
      event.preventDefault();
      anchor = active();
      paintSelection();
      startEdit("enter", event.key);
    }
  });

  editor.addEventListener("input", () => {
    formula.value = editor.value;
  });
  editor.addEventListener("keydown", (event) => {
    if (!editing) return;
    const arrow = ARROWS[event.key];
    if (event.key === "Enter" || event.key === "Tab" || (arrow && editing.mode === "enter")) {
      event.preventDefault();
      if (!finishEdit(true, true)) return;
      if (event.key === "Enter") advance(event.shiftKey ? -1 : 1, 0);
      else if (event.key === "Tab") advance(0, event.shiftKey ? -1 : 1);
      else select(step(active(), arrow![0], arrow![1], limits(), layout.merges));
    } else if (event.key === "Escape") {
      event.preventDefault();
      finishEdit(false);
    } else if (event.key === "F2") {
      event.preventDefault();
      editing.mode = editing.mode === "enter" ? "edit" : "enter";
    }
  });
  editor.addEventListener("blur", () => {
    if (editing) finishEdit(true);
  });

  // The formula bar edits the selected cell; Enter writes it and keeps it selected, Esc reverts.
  formula.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      // Refused, the text stays in the bar for fixing and the cell as it was.
      if (!write(active(), formula.value)) return;
      render();
      grid.focus({ preventScroll: true });
    } else if (event.key === "Escape") {
      event.preventDefault();
      renderBar();
      grid.focus({ preventScroll: true });
    }
  });

  // The name box takes a cell address, as in Excel: Enter goes there.
  nameBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      renderBar();
      grid.focus({ preventScroll: true });
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    const target = parseAddress(nameBox.value);
    if (target && target.row < SHEET_ROWS && target.col < SHEET_COLS) {
      select(target);
      grid.focus({ preventScroll: true });
    } else renderBar();
  });

  // ——— mouse ———

  const cellOf = (target: EventTarget | null): Cell | undefined => {
    const td = (target as Element | null)?.closest?.<HTMLElement>("td[data-cell]");
    return td ? parseAddress(td.dataset.cell!) : undefined;
  };
  let dragging = false;
  // One listener for the whole grid, whatever the number of cells.
  grid.addEventListener("mousedown", (event) => {
    const c = cellOf(event.target);
    if (!c || event.button !== 0) return;
    // Text that cannot be read keeps its cell's editor, as Excel keeps a bad formula.
    if (editing && !finishEdit(true, true)) {
      event.preventDefault();
      return;
    }
    select(c, event.shiftKey);
    dragging = true;
  });
  grid.addEventListener("mouseover", (event) => {
    if (!dragging || (event.buttons & 1) === 0) {
      dragging = false;
      return;
    }
    const c = cellOf(event.target);
    if (c) select(c, true);
  });
  window.addEventListener("mouseup", () => (dragging = false));
  grid.addEventListener("dblclick", (event) => {
    if (cellOf(event.target)) startEdit("edit", formula.value);
  });

  // ——— clipboard ———

  grid.addEventListener("copy", (event) => {
    if (event.target !== grid || !event.clipboardData) return;
    const range = selectedRange();
    const rows: string[][] = [];
    for (let r = range.row; r < range.row + range.rows; r++) {
      const line: string[] = [];
      for (let c = range.col; c < range.col + range.cols; c++)
        line.push(layout.covered.has(cellKey(r, c)) ? "" : cellText({ row: r, col: c }));
      rows.push(line);
    }
    event.clipboardData.setData("text/plain", toTsv(rows));
    event.preventDefault();
  });

  let frame = 0;
  grid.addEventListener("scroll", () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderWindow();
    });
  });
  new ResizeObserver(() => renderWindow()).observe(grid);

  // ——— print view ———

  const print = mountPrintView(printPages, book, lang);
  printButton.addEventListener("click", () => {
    if (print.open) print.close();
    else print.show();
    grid.hidden = print.open;
    printButton.setAttribute("aria-pressed", String(print.open));
    printButton.textContent = say(lang(), print.open ? "sheetView" : "printView");
    if (!print.open) renderWindow(true);
  });

  book.onChange(() => {
    anchor = active();
    render();
    scrollToCell(active());
  });
  render();
}
