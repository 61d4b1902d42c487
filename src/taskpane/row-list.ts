/**
 * A table's rows in order, kept in the page in two levels, so that a change costs about the same
 * however long the table is, while every row stays in the page for find-in-page, forms and tests.
 *  - Chunks of CHUNK rows: the browser skips laying out and painting a chunk that is off screen
 *    (content-visibility). Twenty, not ten: the browser checks every chunk's distance to the
 *    screen in each frame that changes the layout, 1.4 ms a frame for 500 chunks.
 *  - Forms ("parts") of chunks. Each time a text box gets focus, Chromium's autofill reads the form
 *    that holds it. A form of up to 200 fields it reads whole, and after any change to the page
 *    that costs work growing with the page: focusing a new row's first box took 11 ms at 5,000
 *    rows, nearly all of adding a row. A form of more than 200 fields it gives up on after listing
 *    its fields, so that list must stay short too: one form for the whole table took 9 ms, forms of
 *    a few hundred rows about 1 ms. (Separate forms, not nested ones: a form in a form is read as
 *    one with it.) So every part holds more than 200 fields, unless it is the table's only one, and
 *    not many more than PART_FIELDS: a new part starts with the last rows of the full one, so a new
 *    row never lands in a small form, and a part left small by removals joins its neighbour.
 */
import { h } from "../ui/dom";

const CHUNK = 20;
/** Chromium's autofill reads a form of up to this many fields whole (kMaxExtractableFields). */
const AUTOFILL_FIELDS = 200;
/** A full part. Its fields are listed on each focus in a millisecond or so, and the fewer parts,
 *  the less Chromium's re-reading of every form after a change: at 5,000 rows a task of 130 ms
 *  after each added row with parts of 1,200 fields, 95 ms with 2,400, 82 ms with 4,800. */
const PART_FIELDS = 2400;

/** The rows in a part, from its chunks (a few dozen of them). */
function rowsIn(part: Element): number {
  let count = 0;
  for (const chunk of part.children) count += chunk.childElementCount;
  return count;
}

/** A part is a form only for autofill's sake: never submitted (Enter in a part's only box would). */
function newPart(): HTMLElement {
  const part = h("form", { class: "part", role: "none", novalidate: true });
  part.addEventListener("submit", (event) => {
    event.preventDefault();
    event.stopPropagation();
  });
  return part;
}
const newChunk = () => h("div", { class: "chunk", role: "none" });

/** Moving an element takes focus away from what is in it: gives it back. */
function keepFocus(move: () => void): void {
  const focused = document.activeElement;
  move();
  if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused)
    focused.focus({ preventScroll: true });
}

export class RowList {
  readonly rows: HTMLElement[] = [];
  /** Rows in a part: at least (over 200 fields), and at most before a new part is started. */
  private readonly least: number;
  private readonly most: number;

  /** `fields`: the form fields in each row (its text boxes and lists). */
  constructor(
    readonly body: HTMLElement,
    fields: number,
  ) {
    const perRow = Math.max(1, fields);
    this.least = Math.ceil((AUTOFILL_FIELDS + 1) / perRow);
    // A split moves under least + CHUNK rows: what stays behind is never small either.
    this.most = Math.max(2 * this.least + CHUNK, Math.floor(PART_FIELDS / perRow));
  }

  get length(): number {
    return this.rows.length;
  }

  indexOf(row: HTMLElement): number {
    return this.rows.indexOf(row);
  }

  /** Adds rows at the end: into the last chunk while it has room, then in new chunks and parts. */
  append(rows: readonly HTMLElement[]): void {
    keepFocus(() => {
      let i = 0;
      const lastChunk = this.body.lastElementChild?.lastElementChild;
      while (lastChunk && lastChunk.childElementCount < CHUNK && i < rows.length) lastChunk.append(rows[i++]);
      // New chunks are filled before they go in, and go in together: the page takes one insertion
      // for the last part's new chunks (`pending`) and one for the new parts (`fresh`).
      let part = this.body.lastElementChild as HTMLElement | null;
      let count = part ? rowsIn(part) : 0;
      const pending = document.createDocumentFragment();
      const fresh = document.createDocumentFragment();
      for (; i < rows.length; i += CHUNK) {
        if (!part || count >= this.most) {
          const next = newPart();
          if (part) {
            if (part.isConnected) part.append(pending);
            count = this.moveTail(part, next);
          }
          fresh.append(next);
          part = next;
        }
        const chunk = newChunk();
        chunk.append(...rows.slice(i, i + CHUNK));
        (part.isConnected ? pending : part).append(chunk);
        count += chunk.childElementCount;
      }
      if (part?.isConnected) part.append(pending);
      this.body.append(fresh);
    });
    for (const row of rows) this.rows.push(row);
  }

  remove(index: number): void {
    const [row] = this.rows.splice(index, 1);
    const chunk = row.parentElement!;
    row.remove();
    this.tidy(chunk);
  }

  /**
   * Exchanges row `i` with its neighbour `j` (i ± 1). Within a chunk only the neighbour moves, so
   * row `i` never leaves the page and keeps focus: taking a focused control out and focusing it
   * again costs the browser a pass over every control of its form. Across two chunks row `i`
   * moves, so that each chunk keeps about twenty rows however far a row is moved; returns whether it did.
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
    this.tidy(chunk);
    this.rows[i] = b;
    this.rows[j] = a;
    return !sameChunk;
  }

  /** Moves the part's last chunks, `least` rows or more, to the start of `to`; returns how many rows. */
  private moveTail(from: HTMLElement, to: HTMLElement): number {
    let moved = 0;
    while (moved < this.least && from.lastElementChild) {
      const chunk = from.lastElementChild;
      moved += chunk.childElementCount;
      to.prepend(chunk);
    }
    return moved;
  }

  /** After a row left `chunk`: takes it out if empty, and joins its part to a neighbour if small. */
  private tidy(chunk: Element): void {
    const part = chunk.parentElement!;
    if (chunk.childElementCount === 0) chunk.remove();
    if (part.childElementCount === 0) {
      part.remove();
      return;
    }
    if (rowsIn(part) >= this.least) return;
    const before = part.previousElementSibling;
    const after = part.nextElementSibling;
    if (!before && !after) return;
    keepFocus(() => {
      if (before) before.append(...part.children);
      else after!.prepend(...part.children);
      part.remove();
    });
  }
}
