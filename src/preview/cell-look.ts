/** A template cell's look (styles.ts) on a preview element, the same in the grid and on the printed page. */
import { FLAG_LOOK, type Flag } from "../sheet/cell-plan";
import type { Style } from "../templates/model";
import { LOOKS, verticalOf, type Look } from "../sheet/styles";
import { h } from "../ui/dom";
import type { XlsxStyle } from "../xlsx/snapshot";

/** A look, with the text decorations and alignment the document templates add to it. */
type DocumentLook = Look & { readonly underline?: boolean; readonly right?: boolean };

/**
 * `file`: the opened file's own style of the cell, where it has one beyond the template looks:
 * its vertical alignment is the cell's, as the saved file keeps it (none is Excel's foot of the row).
 */
export function applyLook(element: HTMLElement, style: Style | undefined, ruled = false, file?: XlsxStyle): void {
  if (ruled) element.classList.add("ruled");
  if (!style) return;
  const look: DocumentLook = LOOKS[style];
  element.classList.add(`look-${style}`);
  if (look.bold) element.style.fontWeight = "600";
  if (look.italic) element.style.fontStyle = "italic";
  if (look.size) element.style.fontSize = `${look.size + 2}px`;
  if (look.color) element.style.color = look.color;
  if (look.fill) element.style.background = look.fill;
  if (look.wrap) element.classList.add("wrap");
  const vertical = file ? file.alignment?.vertical : verticalOf(style);
  if (vertical === "top" || vertical === "middle") element.classList.add(`v-${vertical}`);
  if (look.underline) element.style.textDecoration = "underline";
  if (look.center) element.style.textAlign = "center";
  if (look.right) element.style.textAlign = "right";
  if (look.topBorder) element.style.borderTop = "2px solid #333";
}

/**
 * A flagged cell's colour (cell-plan.ts Flag), as Excel draws the conditional format: by the
 * number its row holds in the flag's basis column. `data-flag` says which ("below", "met").
 */
export function applyFlag(
  element: HTMLElement,
  flags: readonly Flag[],
  row: number,
  col: number,
  valueAt: (row: number, col: number) => unknown,
): void {
  const flag = flags.find(
    (f) => row >= f.area.row && row < f.area.row + f.area.rows && col >= f.area.col && col < f.area.col + f.area.cols,
  );
  if (!flag) return;
  const basis = valueAt(row, flag.basisCol);
  if (typeof basis !== "number") return;
  const kind = basis < 1 ? "below" : "met";
  element.dataset.flag = kind;
  element.style.color = FLAG_LOOK[kind].font;
  element.style.background = FLAG_LOOK[kind].fill;
}

/**
 * Text that runs on over the empty cells to its right, as Excel shows and prints a label longer
 * than its column: the text sits in a span as wide as those cells, above their gridlines.
 */
export function spillText(element: HTMLElement, width: number): void {
  if (element.classList.contains("wrap") || element.style.textAlign !== "") return;
  const span = h("span", { class: "spill" });
  span.style.maxWidth = `${width - 8}px`;
  span.append(...element.childNodes);
  element.append(span);
  element.classList.add("spills");
}
