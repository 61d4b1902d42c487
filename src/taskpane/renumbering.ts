/**
 * Row numbers brought up to date after a row leaves a long table. Every row below it changes
 * number, and its controls' paths and labels with it: at 5,000 rows that is tens of thousands of
 * attribute writes, far more than a frame. The rows just below the change (all that can be in
 * sight) are renumbered at once; the rest a slice after each frame, so the pane shows the change
 * in the next frame and every later frame keeps most of its time. Whatever reads paths settles first.
 */
export class Renumbering {
  /** The first row whose numbers may be out of date; Infinity when all are right. */
  private from = Infinity;
  private scheduled = false;

  /**
   * @param count how many rows the table has now
   * @param renumber gives row `index` its number
   * @param slice rows renumbered at once and in each later turn: well over a table box of rows,
   *   a few milliseconds' work
   * @param later runs the next turn: after the next frame is drawn, in the pane
   */
  constructor(
    private readonly count: () => number,
    private readonly renumber: (index: number) => void,
    private readonly slice = 200,
    private readonly later: (turn: () => void) => void = afterNextFrame,
  ) {}

  /** Rows from `index` on have moved up: the first slice is renumbered now, the rest soon. */
  staleFrom(index: number): void {
    this.from = Math.min(this.from, index);
    this.run(this.slice);
  }

  /** Renumbers every row still out of date, now. */
  settle(): void {
    this.run(Infinity);
  }

  get pending(): boolean {
    return this.from !== Infinity;
  }

  private run(budget: number): void {
    const count = this.count();
    const end = Math.min(count, this.from + budget);
    for (let i = this.from; i < end; i++) this.renumber(i);
    this.from = end >= count ? Infinity : end;
    if (this.from === Infinity || this.scheduled) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.run(this.slice);
    });
  }
}

/** A task after the next frame's rendering: the frame is not delayed by the work. */
function afterNextFrame(turn: () => void): void {
  requestAnimationFrame(() => setTimeout(turn, 0));
}
