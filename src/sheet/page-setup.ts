/**
 * The printed page, declared once for every adapter (Excel, the preview's print view, the .xlsx
 * writer): A4 with Excel's "Normal" margins, fitted to one page wide, and the page rule that
 * decides where pages break. The renderer puts its outcome into the cell plan as plain data
 * (`CellPlan.pageBreaks`, `printTitles`, `footer`); this file holds the geometry and the rule.
 *
 * The page rule (README, "Printed pages"):
 * - a table that fits on one page is never split and never parted from its title: a page
 *   break goes before its title instead; a heading (a section or an article title) stays on the
 *   page of what follows it; the signatures stay with the last lines above them;
 * - a table longer than a page keeps its title, header and first rows together, and its last
 *   rows with its total;
 * - Excel's rows-to-repeat (print titles) are one range per sheet, repeated on every page after
 *   the one they first appear on; so they are set only for the last long table of the sheet, and
 *   only when what follows it fits on its last page (kept there with its last rows): every page
 *   after its first then holds its rows. Other long tables print their header once, where they
 *   start (a header above rows not its own is worse than none). A template may declare a long
 *   list an appendix ("Phụ lục 01: Danh mục hàng hoá"): once it is longer than a page it moves
 *   after the signatures onto a page of its own, the article refers to it, and it is that table.
 * Every page start is written as a manual break (Excel's `Worksheet.horizontalPageBreaks`,
 * ExcelApi 1.9), the pages planned with PAGE_SPARE of their height to spare: a spreadsheet
 * program's row heights and fit scale differ a little from this model (LibreOffice's by up to a
 * page in twenty), and a program that breaks a full page by itself would part a small table the
 * model kept whole. With every break given and room to spare, it breaks where the rule said.
 */

const DPI = 96;
const A4 = { width: (210 / 25.4) * DPI, height: (297 / 25.4) * DPI };
/** Excel's "Normal" margins: 0.7 in left and right, 0.75 in top and bottom (the footer sits in the bottom one). */
export const MARGINS = { x: 0.7 * DPI, y: 0.75 * DPI };
/** The footer's distance from the paper's bottom edge, Excel's 0.3 in. */
export const FOOTER_MARGIN = 0.3 * DPI;

export type Orientation = "portrait" | "landscape";

export interface Paper {
  readonly width: number;
  readonly height: number;
  /** The printable box inside the margins, in CSS pixels at 96 dpi. */
  readonly innerWidth: number;
  readonly innerHeight: number;
}

export function paper(orientation: Orientation): Paper {
  const [width, height] = orientation === "landscape" ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width, height, innerWidth: width - 2 * MARGINS.x, innerHeight: height - 2 * MARGINS.y };
}

/** The scale that fits `contentWidth` into the paper's width; never enlarges (Excel's fit-to only shrinks). */
export function fitScale(contentWidth: number, paperBox: Paper): number {
  return contentWidth <= paperBox.innerWidth ? 1 : paperBox.innerWidth / contentWidth;
}

/** A column width in characters as Excel draws it in pixels (7 px per digit of Calibri 11, plus 5 px padding). */
export function widthPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** A row height in points as pixels at 96 dpi. */
export function heightPixels(points: number): number {
  return Math.round((points * 4) / 3);
}

/** The footer of every page, in Excel's header and footer codes (&P the page, &N the pages). */
export const FOOTER = { vi: "Trang &P/&N", en: "Page &P of &N" } as const;

/** A footer's codes filled in for one page, as Excel prints them. */
export function footerText(footer: string, page: number, pages: number): string {
  return footer.replace(/&P/g, String(page)).replace(/&N/g, String(pages));
}

/** Pixels of `em` ems: 6 % over the averages, for the widest of the fonts the page may fall back to. */
const emPixels = (em: number, bold: boolean, px: number) => em * px * (bold ? 1.1 : 1) * 1.06;

/** The widest letters' width (m, w). */
const WIDEST_EM = 0.92;

/**
 * How wide `text` prints, in pixels, in the print view's 13 px sans-serif (DejaVu Sans or Noto
 * Sans on Linux, Segoe UI on Windows; Excel's Calibri 11 is narrower): an upper bound per kind of
 * letter, so that a cell sized by it holds the text in each of those fonts.
 */
export function textWidth(text: string, bold = false, px = 13): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += letterEm(ch);
  return emPixels(em, bold, px);
}

/** Each letter's width in em, kept once found: a 5,000-product plan measures its names letter by letter. */
const LETTER_EM = new Map<string, number>();

function letterEm(ch: string): number {
  let em = LETTER_EM.get(ch);
  if (em !== undefined) return em;
  const base = ch.normalize("NFD")[0];
  if (base === " ") em = 0.32;
  else if ("iljtfrI.,:;'|!()[]".includes(base)) em = 0.36;
  else if ("mwMW".includes(base)) em = WIDEST_EM;
  else if (base >= "A" && base <= "Z") em = 0.74;
  else if (base >= "0" && base <= "9") em = 0.64;
  else em = 0.62;
  LETTER_EM.set(ch, em);
  return em;
}

/** The lines `text` takes in a cell `width` pixels wide (4 px padding each side), words kept whole where they fit. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, width - 8);
  // No letter is wider than WIDEST_EM, and a text's length counts at least its letters: most cells
  // are known to fit without measuring them word by word.
  if (emPixels(text.length * WIDEST_EM, bold, 13) <= room) return 1;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = textWidth(word, bold);
    const gap = used === 0 ? 0 : textWidth(" ", bold);
    if (used + gap + w <= room) used += gap + w;
    else if (used === 0) {
      lines += Math.ceil(w / room) - 1;
      used = w % room;
    } else {
      lines += Math.ceil(w / room);
      used = w - (Math.ceil(w / room) - 1) * room;
    }
  }
  return lines;
}

/** The share of each page's height the rule leaves unused, for programs that fit a little less. */
export const PAGE_SPARE = 0.05;

/** Excel's most manual page breaks on a sheet; pages after the last run on as Excel breaks them. */
export const MAX_MANUAL_BREAKS = 1026;

/** The height a page starting at row `pageStart` has for rows (less the repeated title rows, once they have appeared). */
export type Capacity = (pageStart: number) => number;

/** A page's room: the printable height, less the print titles on pages that start after them. */
export function capacityOf(
  innerHeight: number,
  titles?: { readonly row: number; readonly rows: number; readonly height: number },
): Capacity {
  return (pageStart) => (titles && pageStart > titles.row ? innerHeight - titles.height : innerHeight);
}

/** How two neighbouring rows hold together: free, or kept on one page (strong: a small table; weak: signatures). */
export const enum Keep {
  Free = 0,
  Weak = 1,
  Strong = 2,
}

/**
 * Where pages start, greedily: each page takes rows while they fit; when one does not, the page
 * breaks at the latest row boundary that no keep crosses (strong and weak keeps, then strong
 * ones alone, then at the row itself). `keep[r]` binds row r to row r + 1; `forced` rows start a
 * page. Returns the first row of every page (0 first).
 */
export function paginate(
  heights: readonly number[],
  capacity: Capacity,
  keep: readonly Keep[],
  forced: ReadonlySet<number> = new Set(),
): number[] {
  const starts = [0];
  let pageStart = 0;
  let used = 0;
  for (let r = 0; r < heights.length; r++) {
    if (r > pageStart && forced.has(r)) {
      starts.push(r);
      pageStart = r;
      used = 0;
    } else if (r > pageStart && used + heights[r] > capacity(pageStart)) {
      const latest = (level: Keep) => {
        let b = r;
        while (b > pageStart && keep[b - 1] >= level) b--;
        return b;
      };
      let b = latest(Keep.Weak);
      if (b === pageStart) b = latest(Keep.Strong);
      if (b === pageStart) b = r;
      starts.push(b);
      pageStart = b;
      used = 0;
      for (let k = b; k < r; k++) used += heights[k];
    }
    used += heights[r];
  }
  return starts;
}

/**
 * The rows of each page as Excel prints them: pages break at every manual break, and a page
 * that runs full breaks before the row that does not fit. Returns [first, last] of each page.
 */
export function excelPages(
  heights: readonly number[],
  capacity: Capacity,
  breaks: readonly number[],
): [number, number][] {
  const manual = new Set(breaks);
  const pages: [number, number][] = [];
  let first = 0;
  let used = 0;
  for (let r = 0; r < heights.length; r++) {
    if (r > first && (manual.has(r) || used + heights[r] > capacity(first))) {
      pages.push([first, r - 1]);
      first = r;
      used = 0;
    }
    used += heights[r];
  }
  if (heights.length > 0) pages.push([first, heights.length - 1]);
  return pages;
}
