/**
 * Where rows and columns lie on screen, for the virtualized grid and the print view: sizes from
 * the template (Excel's column widths in characters, row heights in points), offsets as prefix
 * sums, and the index under a pixel offset by binary search, so a 5,000-row sheet costs nothing
 * to scroll.
 */

export { DEFAULT_HEIGHT_POINTS, DEFAULT_WIDTH_CHARS } from "../sheet/excel-grid";
export { heightPixels, widthPixels } from "../sheet/page-setup";

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
