/**
 * A table's rows in order, kept in the page in chunks of about ten. The browser skips laying out and
 * painting a chunk that is off screen (content-visibility), so a change costs one chunk's work
 * however long the table is, while every row stays in the page for find-in-page, forms and tests.
 */
import { h } from "../ui/dom";

const CHUNK = 10;

export class RowList {
  readonly rows: HTMLElement[] = [];

  constructor(readonly body: HTMLElement) {}

  get length(): number {
    return this.rows.length;
  }

  indexOf(row: HTMLElement): number {
    return this.rows.indexOf(row);
  }

  /** Adds rows at the end: into the last chunk while it has room, then into new chunks. */
  append(rows: readonly HTMLElement[]): void {
    let last = this.body.lastElementChild as HTMLElement | null;
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      if (!last || last.childElementCount >= CHUNK) {
        last = h("div", { class: "chunk", role: "none" });
        fragment.append(last);
      }
      last.append(row);
      this.rows.push(row);
    }
    this.body.append(fragment);
  }

  remove(index: number): void {
    const [row] = this.rows.splice(index, 1);
    const chunk = row.parentElement!;
    row.remove();
    if (chunk.childElementCount === 0) chunk.remove();
  }

  /**
   * Exchanges row `i` with its neighbour `j` (i ± 1). Within a chunk only the neighbour moves, so
   * row `i` never leaves the page and keeps focus: taking a focused control out and focusing it
   * again costs the browser a pass over every control of its form. Across two chunks row `i`
   * moves, so that each chunk keeps about ten rows however far a row is moved; returns whether it did.
   */
  swapWithNeighbour(i: number, j: number): boolean {
    const a = this.rows[i];
    const b = this.rows[j];
    const chunk = a.parentElement!;
    const sameChunk = chunk === b.parentElement;
    if (sameChunk) {
      if (j > i) a.before(b);
      else a.after(b);
    } else if (j > i) {
      b.after(a);
    } else {
      b.before(a);
    }
    if (chunk.childElementCount === 0) chunk.remove();
    this.rows[i] = b;
    this.rows[j] = a;
    return !sameChunk;
  }
}
