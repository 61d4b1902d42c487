/**
 * Where rows and columns lie on screen, for the virtualized grid and the print view: sizes from
 * the template (Excel's column widths in characters, row heights in points), offsets as prefix
 * sums, and the index under a pixel offset by binary search, so a 5,000-row sheet costs nothing
 * to scroll.
 */

/** Excel's default column width, in characters of the default font. */
export const DEFAULT_WIDTH_CHARS = 8.43;
/** Excel's default row height, in points. */
export const DEFAULT_HEIGHT_POINTS = 15;

/** A column width in characters as Excel draws it in pixels (7 px per digit of Calibri 11, plus 5 px padding). */
export function widthPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** A row height in points as pixels at 96 dpi. */
export function heightPixels(points: number): number {
  return Math.round((points * 4) / 3);
}

/** One axis of the grid: `count` bands of known sizes. */
export class Axis {
  private readonly offsets: Float64Array;

  constructor(
    readonly count: number,
    size: (index: number) => number,
  ) {
    this.offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.offsets[i + 1] = this.offsets[i] + size(i);
  }

  get total(): number {
    return this.offsets[this.count];
  }

  start(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.count))];
  }

  size(index: number, span = 1): number {
    return this.start(index + span) - this.start(index);
  }

  /** The band that contains `offset` (the last one for offsets past the end). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
