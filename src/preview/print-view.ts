/**
 * The print view: a sheet's print area laid out on A4 pages as Excel would print it (see
 * print-layout.ts): the template's manual page breaks, a page that runs full broken before the
 * row that does not fit, the print titles on the pages after the one they first appear on, and
 * the footer with the page number. A Print button opens the browser's print dialog. The
 * browser's own Print (Ctrl+P) prints the same pages: print CSS hides everything else.
 */
import { DetailedCellError } from "hyperformula";
import type { Area } from "../sheet/cell-plan";
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import { h } from "../ui/dom";
import type { PreviewBook } from "./book";
import { cellKey } from "../sheet/excel-grid";
import { applyFlag, applyLook, spillText } from "./cell-look";
import { chartSvg, sheetReader } from "./chart-svg";
import { displayValue } from "./display";
import { DEFAULT_HEIGHT_POINTS, DEFAULT_WIDTH_CHARS, heightPixels, widthPixels } from "./grid-geometry";
import { mergeMaps } from "./selection";
import { FOOTER_MARGIN, MARGINS, fitScale, footerText, paper, type PrintSetup } from "./print-layout";

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
      breaks: [],
      footer: "",
    };
  }

  /** Each render's number: a later render stops the pages an earlier one is still drawing. */
  let generation = 0;

  function render(): void {
    const run = ++generation;
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
    // The table's outer border lies half outside its columns: it too must fit the page.
    const scale = fitScale(contentWidth + 2, box);
    const inside = (m: Area) =>
      m.row >= area.row && m.row < area.row + area.rows && m.col >= area.col && m.col < area.col + area.cols;
    // A chart prints in the rows left for it: drawn in one cell spanning them (kept on one page).
    const charts = look.charts
      .filter((c) => inside(c.area))
      .map((c) => ({ chart: c, at: { ...c.area, row: c.area.row - area.row, col: c.area.col - area.col } }));
    const merges = [...look.merges.filter(inside), ...charts.map((c) => c.chart.area)].map((m) => ({
      ...m,
      row: m.row - area.row,
      col: m.col - area.col,
    }));
    // Rows of a merge taller than one row are drawn again for each page (the merge is cut there).
    const tallMerges = merges.some((m) => m.rows > 1);
    const titles = setup.titleRows && {
      row: setup.titleRows.row - area.row,
      rows: setup.titleRows.rows,
    };
    const manual = new Set(setup.breaks.map((row) => row - area.row));
    pageStyle.textContent = `@page { size: A4 ${setup.orientation}; margin: 0; }`;

    const { anchors, covered } = mergeMaps(merges);

    const readArea = sheetReader(hf, sheet);
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
          const drawn = charts.find((c) => c.at.row === source.row && c.at.col === source.col);
          if (drawn) {
            const width = widths.slice(drawn.at.col, drawn.at.col + drawn.at.cols).reduce((a, b) => a + b, 0);
            const height = heights.slice(drawn.at.row, drawn.at.row + drawn.at.rows).reduce((a, b) => a + b, 0);
            td.classList.add("chart-cell");
            td.replaceChildren(chartSvg(drawn.chart, readArea, lang(), width, height));
          }
        }
        const sourceKey = cellKey(at.row, at.col);
        applyLook(td, look.styles.get(sourceKey), look.ruled.has(sourceKey), look.file?.styles.get(sourceKey));
        if (look.flags.length > 0)
          applyFlag(td, look.flags, at.row, at.col, (row, col) => hf.getCellValue({ sheet, row, col }));
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
    const columns = () => h("colgroup", {}, ...widths.map((w) => h("col", { style: `width:${w}px` })));

    // Rows grow to their text (wrapped headers, clauses) as Excel fits them when printing: each
    // band of rows is laid out once, measured, and its rows then move onto their pages.
    const measuringBody = h("tbody");
    const measuring = h("table", { class: "print-sheet measuring" }, columns(), measuringBody);
    measuring.style.width = `${contentWidth}px`;
    const printNow = h("button", { type: "button", class: "tool", id: "print-now" }, say(lang(), "print"));
    printNow.addEventListener("click", () => window.print());
    const doc = h("div", { class: "print-doc" });
    container.replaceChildren(
      h("div", { class: "print-bar" }, h("span", {}, hf.getSheetName(sheet) ?? ""), printNow),
      doc,
      h("div", { class: "page measuring-box" }, measuring),
    );
    container.hidden = false;

    const measured: number[] = [];
    const built = new Map<number, HTMLTableRowElement>();
    const footers: HTMLElement[] = [];
    const pageElements: HTMLElement[] = [];
    let titleHeight = 0;
    const room = (pageStart: number) =>
      titles && pageStart > titles.row ? box.innerHeight - titleHeight : box.innerHeight;

    const drawPage = (first: number, last: number) => {
      const body = h("tbody");
      if (titles && first > titles.row) {
        for (let r = titles.row; r < titles.row + titles.rows; r++) {
          const tr = rowElement(r, titles.row, titles.row + titles.rows - 1);
          tr.classList.add("title-repeat");
          body.append(tr);
        }
      }
      for (let r = first; r <= last; r++) {
        const tr = built.get(r);
        built.delete(r);
        body.append(tr && !tallMerges ? tr : rowElement(r, first, last));
      }
      const table = h("table", { class: "print-sheet" }, columns(), body);
      table.style.width = `${contentWidth}px`;
      table.style.transform = `scale(${scale})`;
      const sheetBox = h("div", { class: "page-body" }, table);
      sheetBox.style.inset = `${MARGINS.y}px ${MARGINS.x}px`;
      const footer = h("div", { class: "page-footer" });
      footer.style.bottom = `${FOOTER_MARGIN}px`;
      // Excel scales the footer with the document (its "Scale with document", on by default).
      footer.style.fontSize = `${13 * scale}px`;
      footers.push(footer);
      const pageElement = h("div", { class: "page", role: "img", "data-rows": `${first},${last}` }, sheetBox, footer);
      pageElement.style.width = `${box.width}px`;
      pageElement.style.height = `${box.height}px`;
      pageElements.push(pageElement);
      doc.append(h("figure", { class: "sheet-page" }, pageElement));
    };
    const number = (pages: number | undefined) => {
      footers.forEach((footer, k) => {
        const text = setup.footer ? footerText(setup.footer, k + 1, pages ?? 0) : "";
        footer.textContent = pages === undefined ? text.replace(/0$/, "…") : text;
        pageElements[k].setAttribute(
          "aria-label",
          say(lang(), "pageOf", { page: k + 1, pages: pages === undefined ? "…" : pages }),
        );
      });
    };

    // The first band is drawn at once, the rest a band per task, so a long sheet shows its first
    // page straight away and the page stays responsive while the others are laid out.
    const BAND = 250;
    let first = 0;
    let used = 0;
    let next = 0;
    const band = () => {
      if (run !== generation) return;
      const end = Math.min(area.rows, next + BAND);
      const rows: HTMLTableRowElement[] = [];
      for (let r = next; r < end; r++) rows.push(rowElement(r, 0, area.rows - 1));
      measuringBody.replaceChildren(...rows);
      rows.forEach((tr, k) => {
        measured[next + k] = Math.max(heights[next + k], tr.getBoundingClientRect().height) * scale;
        built.set(next + k, tr);
      });
      if (titles && titles.row >= next && titles.row < end) {
        titleHeight = measured.slice(titles.row, titles.row + titles.rows).reduce((a, b) => a + b, 0);
      }
      for (let r = next; r < end; r++) {
        if (r > first && (manual.has(r) || used + measured[r] > room(first))) {
          drawPage(first, r - 1);
          first = r;
          used = 0;
        }
        used += measured[r];
      }
      next = end;
      if (next < area.rows) {
        number(undefined);
        setTimeout(band, 0);
        return;
      }
      drawPage(first, area.rows - 1);
      measuringBody.replaceChildren();
      number(footers.length);
      doc.setAttribute("data-pages", String(footers.length));
    };
    band();
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
