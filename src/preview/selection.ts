/**
 * The grid's selection, as Excel keeps it: an active cell and an anchor; the range between them
 * grows to cover every merged area it touches. Moving and copying are pure functions of it.
 */
import type { Area } from "../sheet/cell-plan";
import { cellKey, type CellKey } from "../sheet/excel-grid";

export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** The rectangle between two cells, grown until no merged area sticks out of it. */
export function rangeOf(anchor: Cell, active: Cell, merges: readonly Area[]): Area {
  let top = Math.min(anchor.row, active.row);
  let left = Math.min(anchor.col, active.col);
  let bottom = Math.max(anchor.row, active.row);
  let right = Math.max(anchor.col, active.col);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of merges) {
      const mBottom = m.row + m.rows - 1;
      const mRight = m.col + m.cols - 1;
      const touches = m.row <= bottom && mBottom >= top && m.col <= right && mRight >= left;
      if (!touches) continue;
      if (m.row < top || mBottom > bottom || m.col < left || mRight > right) {
        top = Math.min(top, m.row);
        left = Math.min(left, m.col);
        bottom = Math.max(bottom, mBottom);
        right = Math.max(right, mRight);
        grew = true;
      }
    }
  }
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** The merged area whose any cell is `cell`, or the cell alone. */
export function mergeAt(cell: Cell, merges: readonly Area[]): Area {
  return (
    merges.find(
      (m) => cell.row >= m.row && cell.row < m.row + m.rows && cell.col >= m.col && cell.col < m.col + m.cols,
    ) ?? {
      ...cell,
      rows: 1,
      cols: 1,
    }
  );
}

/**
 * One step from `from` in a direction, as the arrow keys move: out of a merged area past its
 * far edge, onto a merged area's top-left cell, never off the sheet.
 */
export function step(from: Cell, dRow: number, dCol: number, limits: Cell, merges: readonly Area[]): Cell {
  const here = mergeAt(from, merges);
  let row = from.row;
  let col = from.col;
  if (dRow > 0) row = here.row + here.rows;
  if (dRow < 0) row = here.row - 1;
  if (dCol > 0) col = here.col + here.cols;
  if (dCol < 0) col = here.col - 1;
  row = Math.max(0, Math.min(row, limits.row - 1));
  col = Math.max(0, Math.min(col, limits.col - 1));
  const there = mergeAt({ row, col }, merges);
  if (there.rows === 1 && there.cols === 1) return { row, col };
  // Stepping onto a merge lands on its top-left cell, unless that is where we came from.
  return there.row === here.row && there.col === here.col ? from : { row: there.row, col: there.col };
}

/**
 * Ctrl+arrow: from a filled cell whose neighbour is filled, to the last filled cell of the run;
 * otherwise to the next filled cell, or the sheet's edge.
 */
export function jump(from: Cell, dRow: number, dCol: number, limits: Cell, filled: (cell: Cell) => boolean): Cell {
  const inside = (c: Cell) => c.row >= 0 && c.col >= 0 && c.row < limits.row && c.col < limits.col;
  const next = (c: Cell): Cell => ({ row: c.row + dRow, col: c.col + dCol });
  let at = from;
  if (!inside(next(at))) return at;
  if (filled(at) && filled(next(at))) {
    while (inside(next(at)) && filled(next(at))) at = next(at);
    return at;
  }
  at = next(at);
  while (inside(next(at)) && !filled(at)) at = next(at);
  return at;
}

/**
 * Ctrl+End: the last row that holds something, in the last column that holds something (their
 * crossing may be empty, as in Excel). The engine's own dimensions also count the cells a defined
 * name covers (a template's area is named), so they are only where the search starts.
 */
export function lastUsed(
  size: { readonly height: number; readonly width: number },
  used: (cell: Cell) => boolean,
): Cell {
  const rowUsed = (row: number) => {
    for (let col = 0; col < size.width; col++) if (used({ row, col })) return true;
    return false;
  };
  let row = size.height - 1;
  while (row > 0 && !rowUsed(row)) row--;
  const colUsed = (col: number) => {
    for (let r = 0; r <= row; r++) if (used({ row: r, col })) return true;
    return false;
  };
  let col = size.width - 1;
  while (col > 0 && !colUsed(col)) col--;
  return { row: Math.max(0, row), col: Math.max(0, col) };
}

/** Cells as tab-separated text, as Excel puts them on the clipboard: fields with a tab, a line break or a quote are quoted. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const field = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(field).join("\t")).join("\r\n") + "\r\n";
}

/** "B12" → { row: 11, col: 1 }; undefined for anything else. */
export function parseAddress(text: string): Cell | undefined {
  const match = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(text);
  if (!match) return undefined;
  const col = [...match[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  return row >= 0 ? { row, col } : undefined;
}

/** Merged areas by their top-left cell (its cellKey), and every other cell they cover. */
export function mergeMaps(merges: readonly Area[]): { anchors: Map<CellKey, Area>; covered: Set<CellKey> } {
  const anchors = new Map<CellKey, Area>();
  const covered = new Set<CellKey>();
  for (const m of merges) {
    anchors.set(cellKey(m.row, m.col), m);
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(cellKey(r, c));
  }
  return { anchors, covered };
}
