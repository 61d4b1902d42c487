/**
 * Where the preview keeps the stored inputs of filled templates: a hidden sheet of the book,
 * one row per template, encoded exactly as in Excel (workbook/state-rows.ts). Two panes over one
 * book see each other's writes as two co-authors would.
 */
import type { RawCellContent } from "hyperformula";
import type { Stored } from "../workbook/payload";
import {
  STATE_SHEET,
  checkEntry,
  encodeRow,
  findEntry,
  headRow,
  listRows,
  newWriteToken,
  padded,
  readHead,
  readStateSheet,
  titleRow,
  type Check,
  type Listed,
  type StateCell,
  type StateSheet,
} from "../workbook/state-rows";
import type { PreviewBook } from "./book";

export function previewStateStore(book: PreviewBook) {
  const hf = book.hf;
  const ownTokens = new Set<string>();
  let seenToken: string | undefined;
  let seenGeneration = book.generation;

  const sheetId = (): number | undefined => hf.getSheetId(STATE_SHEET);

  function read(): StateSheet {
    const id = sheetId();
    const state = readStateSheet(id === undefined ? [] : hf.getSheetValues(id));
    seenToken = state.token;
    return state;
  }

  function sheet(): number {
    const existing = sheetId();
    if (existing !== undefined) return existing;
    const added = book.addSheet(STATE_SHEET);
    book.hidden.add(added);
    put(added, 1, titleRow());
    return added;
  }

  function put(id: number, row: number, cells: readonly StateCell[]): void {
    hf.setCellContents({ sheet: id, row, col: 0 }, [cells.map((c): RawCellContent => (c === "" ? null : c))]);
  }

  function bump(id: number, state: StateSheet): void {
    const token = newWriteToken();
    ownTokens.add(token);
    put(id, 0, headRow(state.counter + 1, token));
    seenToken = token;
  }

  const list = (): Listed[] => listRows(read());
  const check = (partId: string, loaded: Stored): Check => checkEntry(read(), partId, loaded);

  /** Writes (or rewrites) an entry's row; its new version. */
  function save(partId: string, stored: Omit<Stored, "version">, by: string): { partId: string; version: number } {
    const state = read();
    const id = sheet();
    const found = findEntry(state, partId);
    const version = (found?.entry.stored.version ?? 0) + 1;
    hf.batch(() => {
      put(
        id,
        found?.row ?? state.nextRow,
        padded(encodeRow({ id: partId, stored: { ...stored, version }, by, at: Date.now() }), state.width),
      );
      bump(id, state);
    });
    return { partId, version };
  }

  /** Clears every readable row of an entry; rows stay where they are. */
  function remove(partId: string): void {
    const state = read();
    const id = sheet();
    hf.batch(() => {
      for (const row of state.copies.get(partId) ?? []) put(id, row, padded([], state.width));
      bump(id, state);
    });
  }

  /** Calls `listener` when someone else's write changes the state sheet's head. */
  function watch(listener: () => void): () => void {
    return book.onChange(() => {
      const id = sheetId();
      // Four cells, not the sheet: this runs after every change to the book.
      const head =
        id === undefined ? undefined : [0, 1, 2, 3].map((col) => hf.getCellValue({ sheet: id, row: 0, col }));
      const { token } = readHead(head);
      // Another workbook opened into the book (a file) changes everything, whatever its state says.
      const changed = (token !== (seenToken ?? "") && !ownTokens.has(token)) || book.generation !== seenGeneration;
      seenToken = token;
      seenGeneration = book.generation;
      if (changed) listener();
    });
  }

  return { read, list, check, save, remove, watch };
}
