/**
 * How a sheet's print area falls onto paper, as Excel prints a template: A4 with Excel's normal
 * margins, the orientation the template asks for, fitted to one page wide (as the Excel adapter
 * sets `horizontalFitToPages: 1`), rows broken into pages without cutting a merged area, and the
 * print-title rows repeated at the top of every page after the first.
 */
import type { Area } from "../sheet/cell-plan";

/** What a sheet keeps for printing (Excel's page layout). */
export interface PrintSetup {
  readonly area: Area;
  readonly orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every page (Excel's print titles), within the area. */
  readonly titleRows?: { readonly row: number; readonly rows: number };
}

const DPI = 96;
const A4 = { width: (210 / 25.4) * DPI, height: (297 / 25.4) * DPI };
/** Excel's "Normal" margins: 0.7 in left and right, 0.75 in top and bottom. */
export const MARGINS = { x: 0.7 * DPI, y: 0.75 * DPI };

export interface Paper {
  readonly width: number;
  readonly height: number;
  /** The printable box inside the margins. */
  readonly innerWidth: number;
  readonly innerHeight: number;
}

export function paper(orientation: PrintSetup["orientation"]): Paper {
  const [width, height] = orientation === "landscape" ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width, height, innerWidth: width - 2 * MARGINS.x, innerHeight: height - 2 * MARGINS.y };
}

/** The scale that fits `contentWidth` into the paper's width; never enlarges (Excel's fit-to only shrinks). */
export function fitScale(contentWidth: number, paperBox: Paper): number {
  return contentWidth <= paperBox.innerWidth ? 1 : paperBox.innerWidth / contentWidth;
}

/**
 * The rows of each page, as [first, last] row offsets within the area. `heights` are the area's
 * row heights already scaled; `merges` are relative to the area; `titleHeight` is the scaled
 * height of the repeated title rows, taken from every page after the first.
 */
export function pageBreaks(
  heights: readonly number[],
  pageHeight: number,
  merges: readonly Area[] = [],
  titleHeight = 0,
): [number, number][] {
  const pages: [number, number][] = [];
  let first = 0;
  while (first < heights.length) {
    const room = pages.length === 0 ? pageHeight : pageHeight - titleHeight;
    let used = 0;
    let last = first;
    while (last < heights.length && (last === first || used + heights[last] <= room)) used += heights[last++];
    // Do not cut a merged area: break before the merge that the page boundary would cross.
    let end = last;
    if (end < heights.length) {
      for (const m of merges) {
        if (m.row > first && m.row < end && m.row + m.rows > end) end = Math.min(end, m.row);
      }
    }
    pages.push([first, end - 1]);
    first = end;
  }
  return pages;
}
