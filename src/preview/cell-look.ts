/** A template cell's look (styles.ts) on a preview element, the same in the grid and on the printed page. */
import type { Style } from "../templates/model";
import { LOOKS } from "../templates/styles";

export function applyLook(element: HTMLElement, style: Style | undefined): void {
  if (!style) return;
  const look = LOOKS[style];
  element.classList.add(`look-${style}`);
  if (look.bold) element.style.fontWeight = "600";
  if (look.italic) element.style.fontStyle = "italic";
  if (look.size) element.style.fontSize = `${look.size + 2}px`;
  if (look.color) element.style.color = look.color;
  if (look.fill) element.style.background = look.fill;
  if (look.wrap) element.classList.add("wrap");
  if (look.center) element.style.textAlign = "center";
  if (look.topBorder) element.style.borderTop = "2px solid #333";
}

/**
 * Text that runs on over the empty cells to its right, as Excel shows and prints a label longer
 * than its column: the text sits in a span as wide as those cells, above their gridlines.
 */
export function spillText(element: HTMLElement, width: number): void {
  if (element.classList.contains("wrap") || element.style.textAlign === "center") return;
  const span = document.createElement("span");
  span.className = "spill";
  span.style.maxWidth = `${width - 8}px`;
  span.append(...element.childNodes);
  element.append(span);
  element.classList.add("spills");
}
