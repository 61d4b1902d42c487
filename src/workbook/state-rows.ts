/**
 * The state sheet: where a workbook keeps the stored inputs of its filled templates, as ordinary
 * cells that co-authoring syncs like any other content (Microsoft's co-authoring article
 * recommends keeping add-in state in the workbook). Pure encoding and decoding; the adapters
 * read and write the cells (excel/state-store.ts, preview/state-store.ts).
 *
 * Layout (0-based rows):
 *   row 0  the head: marker, state format, change counter, writer token, a note for people
 *   row 1  column titles
 *   row 2+ one row per filled template:
 *          entry id | template | format | version | by | at (epoch ms) | chunks | chunk 1 | chunk 2 …
 * The payload JSON is split into chunks of CHUNK_CHARS, each in its own cell behind MARK, so no
 * cell comes near Excel's 32,767-character limit and none can be read as a formula, number, date
 * or boolean whatever the cell's format ("-1", "=x", "TRUE" are JSON fragments too). A deleted
 * entry leaves a blank row: rows never move, so a co-author writing at the same time keeps
 * writing to the row it found.
 */
import type { Text } from "../i18n/lang";
import { damaged, readStored, storedJson, type Stored } from "./payload";
import type { WriteOutcome } from "./port";

export const STATE_SHEET = "HachToan_State";
export const STATE_FORMAT = 1;
export const HEAD_MARKER = "Hạch Toán state";
export const FIRST_ENTRY_ROW = 2;
/** Under Excel's 32,767 characters per cell, with room for the marker. */
export const CHUNK_CHARS = 30_000;
/** At most 30 MB of JSON per template: far beyond any form, small enough to bound a read. */
export const MAX_CHUNKS = 1_000;
export const FIRST_CHUNK_COL = 7;
/** Before every chunk and every text a person may have typed (who wrote the row). */
export const MARK = "~";
/** The columns kept as text (number format "@"): entry id, template, by, and the chunks. */
export const isTextColumn = (col: number) => col === 0 || col === 1 || col === 4 || col >= FIRST_CHUNK_COL;

const ENTRY_ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const HEAD_NOTE = "Hạch Toán: mẫu đã lập trong sổ này. Đừng sửa tay. / Templates filled in this workbook. Do not edit.";
const TITLES = ["entry", "template", "format", "version", "by", "at", "chunks", "payload"];

export type StateCell = string | number;

export interface StateEntry {
  readonly id: string;
  readonly stored: Stored;
  /** Who wrote it last, where the host says ("" when it does not). */
  readonly by: string;
  /** When, in milliseconds since 1970; null when not recorded. */
  readonly at: number | null;
}

export type DecodedRow =
  | ({ readonly kind: "entry" } & StateEntry)
  | { readonly kind: "blank" }
  | { readonly kind: "unreadable"; readonly id: string | null; readonly problem: Text };

/** A fresh entry id: a letter and 11 base-36 characters, usable inside a defined name (HT_T<id>). */
export function newEntryId(random: () => number = Math.random): string {
  let id = "T";
  for (let i = 0; i < 11; i++)
    id += Math.floor(random() * 36)
      .toString(36)
      .toUpperCase();
  return id;
}

/**
 * The entry id of a template migrated from a custom XML part: the same for every pane that
 * migrates it, so two co-authors migrating at once write the same entry.
 */
export function legacyEntryId(partId: string): string {
  return `X${partId.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 64);
}

/** A random token naming one write, so that two writes with the same counter still differ. */
export function newWriteToken(random: () => number = Math.random): string {
  return `w${Math.floor(random() * 36 ** 8).toString(36)}`;
}

export function headRow(counter: number, token: string): StateCell[] {
  return [HEAD_MARKER, STATE_FORMAT, counter, token, HEAD_NOTE];
}

export function titleRow(): StateCell[] {
  return TITLES;
}

/** The change counter and writer token of a head row ("" for a sheet with no head yet). */
export function readHead(cells: readonly unknown[] | undefined): { counter: number; token: string } {
  const counter = typeof cells?.[2] === "number" && Number.isInteger(cells[2]) ? cells[2] : 0;
  const token = typeof cells?.[3] === "string" ? cells[3] : "";
  return { counter, token };
}

/** The cells of one state row. */
export function encodeRow(entry: StateEntry): StateCell[] {
  const json = storedJson(entry.stored);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(MARK + json.slice(i, i + CHUNK_CHARS));
  if (chunks.length > MAX_CHUNKS) throw new Error(`the stored inputs are over ${MAX_CHUNKS * CHUNK_CHARS} characters`);
  return [
    entry.id,
    entry.stored.template,
    STATE_FORMAT,
    entry.stored.version,
    entry.by === "" ? "" : MARK + entry.by,
    entry.at ?? "",
    chunks.length,
    ...chunks,
  ];
}

const blank = (v: unknown) => v === "" || v === null || v === undefined;

/** A whole number from a cell: Excel keeps it as a number, or as text in a text-formatted cell. */
function count(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** One row of the state sheet as its cell values; linear in its size, bounded by MAX_CHUNKS. */
export function decodeRow(cells: readonly unknown[]): DecodedRow {
  if (cells.every(blank)) return { kind: "blank" };
  const idCell = cells[0];
  const id = typeof idCell === "string" && ENTRY_ID.test(idCell) ? idCell : null;
  const unreadable = (why: string): DecodedRow => ({ kind: "unreadable", id, problem: damaged(why).problem });
  if (id === null) return unreadable("no entry id");
  const format = count(cells[2]);
  if (format !== STATE_FORMAT) {
    return format !== undefined && format > STATE_FORMAT
      ? {
          kind: "unreadable",
          id,
          problem: {
            vi: `Mẫu này được lưu bởi một phiên bản Hạch Toán mới hơn (định dạng ${format}); hãy cập nhật Hạch Toán. Không thay đổi gì.`,
            en: `This template was saved by a newer version of Hạch Toán (format ${format}); update Hạch Toán. Nothing was changed.`,
          },
        }
      : unreadable(`state format ${String(cells[2])}`);
  }
  const version = count(cells[3]);
  if (version === undefined || version < 1) return unreadable("version");
  const byCell = cells[4];
  if (!blank(byCell) && !(typeof byCell === "string" && byCell.startsWith(MARK))) return unreadable("author");
  const at = blank(cells[5]) ? null : typeof cells[5] === "number" && Number.isFinite(cells[5]) ? cells[5] : undefined;
  if (at === undefined) return unreadable("time");
  const chunks = count(cells[6]);
  if (chunks === undefined || chunks < 1 || chunks > MAX_CHUNKS) return unreadable("chunk count");
  const end = FIRST_CHUNK_COL + chunks;
  const parts: string[] = [];
  for (let c = FIRST_CHUNK_COL; c < end; c++) {
    const chunk = cells[c];
    if (blank(chunk)) return unreadable(`payload cut short at chunk ${c - FIRST_CHUNK_COL + 1}`);
    if (typeof chunk !== "string" || !chunk.startsWith(MARK))
      return unreadable(`chunk ${c - FIRST_CHUNK_COL + 1} was edited`);
    parts.push(chunk.slice(MARK.length));
  }
  for (let c = end; c < cells.length; c++) if (!blank(cells[c])) return unreadable("cells after the payload");
  let data: unknown;
  try {
    data = JSON.parse(parts.join(""));
  } catch {
    return unreadable("not JSON");
  }
  const stored = readStored(data, version);
  if ("problem" in stored) return { kind: "unreadable", id, problem: stored.problem };
  if (stored.template !== cells[1]) return unreadable("template column");
  const by = typeof byCell === "string" ? byCell.slice(MARK.length) : "";
  return { kind: "entry", id, stored, by, at };
}

/** A row of the state sheet and where it is (0-based sheet row). */
export type Located = { readonly row: number; readonly decoded: Exclude<DecodedRow, { kind: "blank" }> };

export interface StateSheet {
  readonly counter: number;
  readonly token: string;
  /** Readable entries (for an id written twice, the highest version) and unreadable rows, top to bottom. */
  readonly rows: readonly Located[];
  /** The first row below every non-blank row: where a new entry goes. */
  readonly nextRow: number;
  /** How many columns the sheet's rows take, at least: a rewrite clears up to here. */
  readonly width: number;
  /** Every readable row of each id, superseded copies included: all go when the entry is deleted. */
  readonly copies: ReadonlyMap<string, readonly number[]>;
}

/** The state sheet from its values (row 0 first); empty for a workbook without one. */
export function readStateSheet(values: readonly (readonly unknown[])[]): StateSheet {
  const { counter, token } = readHead(values[0]);
  const rows: Located[] = [];
  const byId = new Map<string, number>();
  const copies = new Map<string, number[]>();
  let nextRow = FIRST_ENTRY_ROW;
  let width = FIRST_CHUNK_COL + 1;
  for (let r = FIRST_ENTRY_ROW; r < values.length; r++) {
    const decoded = decodeRow(values[r]);
    if (decoded.kind === "blank") continue;
    nextRow = r + 1;
    width = Math.max(width, values[r].length);
    if (decoded.kind === "entry") {
      const list = copies.get(decoded.id);
      if (list) list.push(r);
      else copies.set(decoded.id, [r]);
      const seen = byId.get(decoded.id);
      if (seen !== undefined) {
        const earlier = rows[seen].decoded;
        // Two co-authors migrating the same part, or a copied row: the newest write stands.
        if (earlier.kind === "entry" && earlier.stored.version >= decoded.stored.version) continue;
        rows[seen] = { row: r, decoded };
        continue;
      }
      byId.set(decoded.id, rows.length);
    }
    rows.push({ row: r, decoded });
  }
  return { counter, token, rows, nextRow, width, copies };
}

/** The readable entry with this id, and its row. */
export function findEntry(sheet: StateSheet, id: string): { row: number; entry: StateEntry } | undefined {
  for (const { row, decoded } of sheet.rows)
    if (decoded.kind === "entry" && decoded.id === id) return { row, entry: decoded };
  return undefined;
}

/** A row's cells padded with blanks to `width`, so a shorter payload clears what a longer one left. */
export function padded(cells: readonly StateCell[], width: number): StateCell[] {
  const out = cells.slice();
  while (out.length < width) out.push("");
  return out;
}

/** One listed template: its entry id, and what it holds or why it cannot be read. */
export type Listed =
  { readonly partId: string; readonly stored: Stored } | { readonly partId: string; readonly problem: Text };

/** The sheet's templates, top to bottom; an unreadable row without an id is named by its row. */
export function listRows(sheet: StateSheet): Listed[] {
  return sheet.rows.map(({ row, decoded }) =>
    decoded.kind === "entry"
      ? { partId: decoded.id, stored: decoded.stored }
      : { partId: decoded.id ?? `row-${row + 1}`, problem: decoded.problem },
  );
}

export type Check =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "entryMissing" }
  | { readonly ok: false; readonly reason: "changedElsewhere"; readonly newer: StateEntry };

/** Whether entry `id` is still the version a pane loaded (`loaded`, its version included). */
export function checkEntry(sheet: StateSheet, id: string, loaded: Stored): Check {
  const found = findEntry(sheet, id);
  if (!found) return { ok: false, reason: "entryMissing" };
  const { stored } = found.entry;
  if (stored.version === loaded.version) return { ok: true };
  // Another pane moved the same old-format part over, unchanged: nothing to tell.
  if (loaded.version === 0 && stored.version === 1 && storedJson(stored) === storedJson(loaded)) return { ok: true };
  return { ok: false, reason: "changedElsewhere", newer: found.entry };
}

/** What an update refused by `checkEntry` tells the pane: nothing was written. */
export function refusal(check: Exclude<Check, { ok: true }>): WriteOutcome {
  return check.reason === "changedElsewhere"
    ? { ok: false, reason: "changedElsewhere", newer: check.newer.stored, by: check.newer.by, at: check.newer.at }
    : { ok: false, reason: "entryMissing", address: "" };
}

/**
 * Rows of the state sheet grouped so that reading each group stays under `limit` characters
 * (Excel on the web refuses a response over 5 MB). A row's size is told by its chunk count
 * (`counts[r]`, column G); a row without one (the head, a damaged row) counts as one chunk.
 */
export function readBlocks(
  counts: readonly unknown[],
  rows: number,
  limit: number,
): { readonly row: number; readonly rows: number }[] {
  const blocks: { row: number; rows: number }[] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < rows; r++) {
    const chunks = count(counts[r]);
    const weight =
      (chunks !== undefined && chunks >= 1 && chunks <= MAX_CHUNKS ? chunks : 1) * (CHUNK_CHARS + MARK.length) + 200;
    if (size + weight > limit && r > start) {
      blocks.push({ row: start, rows: r - start });
      start = r;
      size = 0;
    }
    size += weight;
  }
  if (rows > start) blocks.push({ row: start, rows: rows - start });
  return blocks;
}
