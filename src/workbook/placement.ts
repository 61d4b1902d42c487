/** What both workbook adapters decide the same way about where a template goes and how it is sent. */
import { address, uniqueSheetName, type Area, type CellPlan } from "../sheet/cell-plan";
import type { Lang, Text } from "../i18n/lang";
import type { Placement } from "./payload";
import type { WriteOutcome } from "./port";
import { fingerprint, type Origin, type Written } from "./update-plan";

/** Why a filled template is listed but cannot be opened: its sheet is gone (both adapters say so). */
export const SHEET_GONE: Text = {
  vi: "Trang tính của mẫu này đã bị xoá.",
  en: "The sheet of this template was deleted.",
};

/**
 * Where a plan was just written, under its defined name, with the fingerprint of what it wrote
 * (given when the caller computed it in steps).
 */
export function placed(
  sheetId: string,
  plan: CellPlan,
  origin: Origin,
  name: string,
  written: Written = fingerprint(plan, origin),
): Placement {
  return { sheetId, ...origin, rows: plan.rows, cols: plan.cols, name, written };
}

/** The outcome of a template written at `origin` (the adapter adds the stored entry's id and version). */
export function written(
  sheetName: string,
  plan: CellPlan,
  origin: { row: number; col: number },
  backup?: string,
): Omit<Extract<WriteOutcome, { ok: true }>, "entry"> {
  return {
    ok: true,
    sheetName,
    address: address({ row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin),
    ...(backup ? { backup } : {}),
  };
}

/**
 * The cells a write of `rows` × `cols` needs beyond an area of `oldRows` × `oldCols` (rows
 * below, columns to the right), relative to the area's top-left cell: they must be empty, or
 * the write would overwrite them.
 */
export function growthAreas(oldRows: number, oldCols: number, rows: number, cols: number): Area[] {
  const areas: Area[] = [];
  if (rows > oldRows) areas.push({ row: oldRows, col: 0, rows: rows - oldRows, cols: Math.max(cols, oldCols) });
  if (cols > oldCols) areas.push({ row: 0, col: oldCols, rows: Math.min(oldRows, rows), cols: cols - oldCols });
  return areas;
}

/**
 * A workbook-scoped defined name for a new template's area. Names move with the cells when rows
 * or columns are inserted, so Update finds the template where it is now, not where it was. Made
 * from the entry's id in the state sheet (workbook/state-rows.ts), so each name is the entry's.
 */
export function templateName(entryId: string): string {
  return `HT_${entryId}`;
}

const FROZEN_SUFFIX: Readonly<Record<Lang, string>> = { vi: " (giá trị)", en: " (values)" };
const BACKUP_SUFFIX: Readonly<Record<Lang, string>> = { vi: " (trước cập nhật)", en: " (before update)" };
const COMPAT_SUFFIX: Readonly<Record<Lang, string>> = { vi: " (tương thích)", en: " (compatible)" };

/** The name of a sheet's compatibility copy (its HT formulas in Excel's own functions). */
export function compatSheetName(source: string, lang: Lang, taken: readonly string[]): string {
  return uniqueSheetName(source + COMPAT_SUFFIX[lang], taken);
}

/** The name of a sheet's copy frozen as values. */
export function frozenSheetName(source: string, lang: Lang, taken: readonly string[]): string {
  return uniqueSheetName(source + FROZEN_SUFFIX[lang], taken);
}

/** The name of the copy kept of a sheet before an update that the user let lose something. */
export function backupSheetName(source: string, lang: Lang, taken: readonly string[]): string {
  return uniqueSheetName(source + BACKUP_SUFFIX[lang], taken);
}

/**
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). Writes are
 * sent in bands of rows whose queued JSON stays under this budget, which leaves room for the
 * request's own envelope and for the looks sent with the last band.
 */
export const CHUNK_BUDGET = 3 * 1024 * 1024;

/** Cells read per sync: formulas and values of 20,000 cells stay well under the same 5 MB. */
export const READ_CELLS = 20_000;

/** Bands of rows [start, end) of the matrices, each under `budget` characters of JSON. */
export function rowBands(matrices: readonly (readonly unknown[][])[], budget = CHUNK_BUDGET): [number, number][] {
  const rows = matrices[0]?.length ?? 0;
  const bands: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < rows; r++) {
    let line = 0;
    for (const m of matrices) line += JSON.stringify(m[r]).length + 1;
    if (r > start && size + line > budget) {
      bands.push([start, r]);
      start = r;
      size = 0;
    }
    size += line;
  }
  if (rows > 0) bands.push([start, rows]);
  return bands;
}
