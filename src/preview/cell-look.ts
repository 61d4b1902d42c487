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
