/** Excel's grid, and one number for each of its cells. */

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** One number per cell, for maps and sets of cells: a 5,000-row plan keeps looks for 200,000 cells. */
export type CellKey = number;
export const cellKey = (row: number, col: number): CellKey => row * SHEET_COLS + col;
export const keyRow = (key: CellKey) => Math.floor(key / SHEET_COLS);
export const keyCol = (key: CellKey) => key % SHEET_COLS;

/** Excel's default column width, in characters of the default font. */
export const DEFAULT_WIDTH_CHARS = 8.43;
/** Excel's default row height, in points. */
export const DEFAULT_HEIGHT_POINTS = 15;
/** Column widths are set through Office.js in points; Excel's character is about 7 of them. */
export const POINTS_PER_CHARACTER = 7;
