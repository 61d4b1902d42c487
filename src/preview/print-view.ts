/**
 * The print view: a sheet's print area laid out on A4 pages as Excel would print it (see
 * print-layout.ts), page by page, with a Print button for the browser's print dialog. The
 * browser's own Print (Ctrl+P) prints the same pages: print CSS hides everything else.
 */
import { DetailedCellError } from "hyperformula";
import type { Area } from "../sheet/cell-plan";
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import { h } from "../ui/dom";
import type { PreviewBook } from "./book";
import { cellKey } from "../sheet/excel-grid";
import { applyLook, spillText } from "./cell-look";
import { displayValue } from "./display";
import { DEFAULT_HEIGHT_POINTS, DEFAULT_WIDTH_CHARS, heightPixels, widthPixels } from "./grid-geometry";
import { mergeMaps } from "./selection";
import { MARGINS, fitScale, pageBreaks, paper, type PrintSetup } from "./print-layout";

export interface PrintView {
  readonly open: boolean;
  show(): void;
  close(): void;
  /** Lays the current sheet out again (after a change). */
  render(): void;
}

export function mountPrintView(container: HTMLElement, book: PreviewBook, lang: () => Lang): PrintView {
  const hf = book.hf;
  let open = false;
  const pageStyle = h("style", { id: "page-size" });
  document.head.append(pageStyle);

  function setupOf(sheet: number): PrintSetup {
    const look = book.look(sheet);
    if (look.print) return look.print;
    const size = hf.getSheetDimensions(sheet);
    return {
      area: { row: 0, col: 0, rows: Math.max(1, size.height), cols: Math.max(1, size.width) },
      orientation: "portrait",
    };
  }

  function render(): void {
    const sheet = book.selection.sheet;
    const look = book.look(sheet);
    const setup = setupOf(sheet);
    const { area } = setup;
    const box = paper(setup.orientation);
    const widths = Array.from({ length: area.cols }, (_, c) =>
      widthPixels(look.widths[area.col + c] ?? DEFAULT_WIDTH_CHARS),
    );
    const heights = Array.from({ length: area.rows }, (_, r) =>
      heightPixels(look.heights.get(area.row + r) ?? DEFAULT_HEIGHT_POINTS),
    );
    const contentWidth = widths.reduce((a, b) => a + b, 0);
    const scale = fitScale(contentWidth, box);
    const inside = (m: Area) =>
      m.row >= area.row && m.row < area.row + area.rows && m.col >= area.col && m.col < area.col + area.cols;
    const merges = look.merges.filter(inside).map((m) => ({ ...m, row: m.row - area.row, col: m.col - area.col }));
    const titles = setup.titleRows;
    pageStyle.textContent = `@page { size: A4 ${setup.orientation}; margin: 0; }`;

    const { anchors, covered } = mergeMaps(merges);

    const isBlank = (r: number, c: number) => {
      const key = cellKey(r, c);
      if (covered.has(key) || anchors.has(key)) return false;
      const v = hf.getCellValue({ sheet, row: area.row + r, col: area.col + c });
      return v === null || v === "";
    };
    const rowElement = (r: number, first: number, last: number) => {
      const tr = h("tr");
      tr.style.height = `${heights[r]}px`;
      for (let c = 0; c < area.cols; c++) {
        const key = cellKey(r, c);
        let m = anchors.get(key);
        let source = { row: r, col: c };
        if (covered.has(key)) {
          // A merged area begun on an earlier page shows again from its first row on this one.
          const from = r === first ? merges.find((x) => x.row < first && x.col === c && x.row + x.rows > r) : undefined;
          if (!from) continue;
          m = { ...from, row: r, rows: from.row + from.rows - r };
          source = { row: from.row, col: from.col };
        }
        const at = { sheet, row: area.row + source.row, col: area.col + source.col };
        const v = hf.getCellValue(at);
        const td = h(
          "td",
          { "data-print-cell": `${at.col},${at.row}` },
          displayValue(v, look.formats.get(cellKey(at.row, at.col)), lang()),
        );
        if (m) {
          td.colSpan = m.cols;
          td.rowSpan = Math.min(m.rows, last - r + 1);
        }
        applyLook(td, look.styles.get(cellKey(at.row, at.col)), look.ruled.has(cellKey(at.row, at.col)));
        if (!m && typeof v === "string") {
          let spill = 0;
          for (let k = c + 1; k < area.cols && isBlank(r, k); k++) spill += widths[k];
          if (spill > 0) spillText(td, widths[c] + spill);
        }
        if (typeof v === "number") td.classList.add("number");
        if (v instanceof DetailedCellError) td.classList.add("error");
        tr.append(td);
      }
      return tr;
    };

    // Rows grow to their text (wrapped headers, clauses) as Excel fits them when printing: measure
    // the rows as laid out, then break pages on the measured heights.
    const measuring = h(
      "table",
      { class: "print-sheet measuring" },
      h("colgroup", {}, ...widths.map((w) => h("col", { style: `width:${w}px` }))),
      h("tbody", {}, ...heights.map((_, r) => rowElement(r, 0, area.rows - 1))),
    );
    measuring.style.width = `${contentWidth}px`;
    container.replaceChildren(h("div", { class: "page" }, measuring));
    container.hidden = false;
    const measured = [...measuring.rows].map((tr, r) => Math.max(heights[r], tr.getBoundingClientRect().height));
    const titleHeight = titles
      ? measured.slice(titles.row - area.row, titles.row - area.row + titles.rows).reduce((a, b) => a + b, 0) * scale
      : 0;
    const pages = pageBreaks(
      measured.map((x) => x * scale),
      box.innerHeight,
      merges,
      titleHeight,
    );

    const sheets = pages.map(([first, last], index) => {
      const body = h("tbody");
      if (titles && index > 0) {
        const t0 = titles.row - area.row;
        for (let r = t0; r < t0 + titles.rows; r++) body.append(rowElement(r, t0, t0 + titles.rows - 1));
      }
      for (let r = first; r <= last; r++) body.append(rowElement(r, first, last));
      const table = h(
        "table",
        { class: "print-sheet" },
        h("colgroup", {}, ...widths.map((w) => h("col", { style: `width:${w}px` }))),
        body,
      );
      table.style.width = `${contentWidth}px`;
      table.style.transform = `scale(${scale})`;
      const sheetBox = h("div", { class: "page-body" }, table);
      sheetBox.style.inset = `${MARGINS.y}px ${MARGINS.x}px`;
      const pageElement = h(
        "div",
        { class: "page", role: "img", "aria-label": say(lang(), "pageOf", { page: index + 1, pages: pages.length }) },
        sheetBox,
      );
      pageElement.style.width = `${box.width}px`;
      pageElement.style.height = `${box.height}px`;
      return h(
        "figure",
        { class: "sheet-page" },
        h("figcaption", { class: "page-label" }, say(lang(), "pageOf", { page: index + 1, pages: pages.length })),
        pageElement,
      );
    });
    const printNow = h("button", { type: "button", class: "tool", id: "print-now" }, say(lang(), "print"));
    printNow.addEventListener("click", () => window.print());
    container.replaceChildren(
      h("div", { class: "print-bar" }, h("span", {}, hf.getSheetName(sheet) ?? ""), printNow),
      h("div", { class: "print-doc", "data-pages": String(pages.length) }, ...sheets),
    );
  }

  const view: PrintView = {
    get open() {
      return open;
    },
    show() {
      open = true;
      container.hidden = false;
      render();
    },
    close() {
      open = false;
      container.hidden = true;
      container.replaceChildren();
    },
    render,
  };

  // The browser's Print prints the pages even when the print view is not open.
  let openedForPrint = false;
  window.addEventListener("beforeprint", () => {
    if (open) return;
    openedForPrint = true;
    render();
    container.hidden = false;
  });
  window.addEventListener("afterprint", () => {
    if (!openedForPrint) return;
    openedForPrint = false;
    view.close();
  });
  return view;
}
