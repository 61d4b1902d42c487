/**
 * Where Excel keeps the stored inputs of filled templates: a very hidden worksheet, one row per
 * template (workbook/state-rows.ts). Co-authoring syncs it as ordinary workbook content, on
 * Windows, Mac and the web alike; people do not see it (Excel's UI cannot unhide a very hidden
 * sheet). Workbooks written before keep each template in a custom XML part: those are read as
 * they are, and moved into rows on the first write; a part is deleted only after its row is
 * written and synced, so nothing is lost if the move is interrupted.
 *
 * Every function reads or writes in a fixed number of context.sync() calls, whatever the
 * number of templates.
 */
import { PAYLOAD_NAMESPACE, readPayload, type Stored } from "../workbook/payload";
import type { Text } from "../i18n/lang";
import {
  isTextColumn,
  checkEntry,
  listRows,
  type Check,
  type Listed,
  STATE_SHEET,
  findEntry,
  headRow,
  legacyEntryId,
  newWriteToken,
  padded,
  readBlocks,
  readHead,
  readStateSheet,
  titleRow,
  encodeRow,
  type StateCell,
  type StateSheet,
} from "../workbook/state-rows";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A template in a custom XML part of the old format. */
interface LegacyPart {
  readonly partId: string;
  readonly read: Stored | { problem: Text };
}

/** What the workbook holds, read in one go. */
export interface ExcelState {
  readonly exists: boolean;
  readonly sheet: StateSheet;
  readonly legacy: readonly LegacyPart[];
}

/** Excel on the web refuses a request over 5 MB: a longer row is written in slices, one sync each. */
const REQUEST_CHARS = 4_000_000;
/** How often a visible pane looks at the state sheet's change counter when no event came. */
const POLL_MS = 3_000;

const TEXT = "@";

/** Queues a write of `cells` at `row`, text columns formatted as text first. */
function queueCells(sheet: Excel.Worksheet, row: number, col: number, cells: readonly StateCell[]): void {
  const range = sheet.getRangeByIndexes(row, col, 1, cells.length);
  range.numberFormat = [cells.map((_, c) => (isTextColumn(col + c) ? TEXT : "General"))];
  range.values = [cells.slice()];
}

export function stateStore() {
  /** The writer tokens this pane wrote: a change carrying one of them is its own. */
  const ownTokens = new Set<string>();
  let seenToken: string | undefined;
  /** The state sheet's id once read: change events on other sheets need no look. */
  let stateSheetId: string | undefined;

  /** Reads the state sheet and the old-format parts: two syncs (one when there are neither). */
  async function read(context: Excel.RequestContext): Promise<ExcelState> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    sheet.load("id");
    const parts = context.workbook.customXmlParts.getByNamespace(PAYLOAD_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    // First the sheet's extent and each row's chunk count (column G: small numbers), ...
    const used = sheet.isNullObject ? undefined : sheet.getUsedRangeOrNullObject(true);
    used?.load("rowIndex,rowCount,columnIndex,columnCount");
    const counts = sheet.isNullObject ? undefined : sheet.getRange("G:G").getUsedRangeOrNullObject(true);
    counts?.load("values,rowIndex");
    const xmls = parts.items.map((part) => ({ partId: part.id, xml: part.getXml() }));
    if (used || xmls.length > 0) await context.sync();
    const values: unknown[][] = [];
    if (used && counts && !used.isNullObject) {
      // ... then the rows, in as few reads as keep each response under Excel on the web's 5 MB.
      const chunkCounts: unknown[] = counts.isNullObject ? [] : new Array(counts.rowIndex).fill("");
      if (!counts.isNullObject) for (const [n] of counts.values) chunkCounts.push(n);
      const rows = used.rowIndex + used.rowCount;
      const width = used.columnIndex + used.columnCount;
      for (const block of readBlocks(chunkCounts, rows, REQUEST_CHARS)) {
        const range = sheet.getRangeByIndexes(block.row, 0, block.rows, width);
        range.load("values");
        // One response per block is the point: Excel on the web refuses a larger one.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        values.push(...range.values);
      }
    }
    const state = readStateSheet(values);
    seenToken = state.token;
    stateSheetId = sheet.isNullObject ? undefined : sheet.id;
    return {
      exists: !sheet.isNullObject,
      sheet: state,
      legacy: xmls.map(({ partId, xml }) => ({ partId, read: readPayload(xml.value) })),
    };
  }

  /** The entry id a pane's id stands for: an old part's id stands for the row it moves into. */
  function entryId(state: ExcelState, partId: string): string {
    return state.legacy.some((p) => p.partId === partId) ? legacyEntryId(partId) : partId;
  }

  /** Every template, top to bottom; old-format parts not moved yet after them. */
  function list(state: ExcelState): Listed[] {
    const listed = listRows(state.sheet);
    for (const part of state.legacy) {
      if (findEntry(state.sheet, legacyEntryId(part.partId))) continue;
      listed.push(
        "problem" in part.read
          ? { partId: part.partId, problem: part.read.problem }
          : { partId: part.partId, stored: part.read },
      );
    }
    return listed;
  }

  /** Whether the template is still as the pane loaded it (`loaded`, its version included). */
  function check(state: ExcelState, partId: string, loaded: Stored): Check {
    const part = state.legacy.find((p) => p.partId === partId);
    const id = entryId(state, partId);
    // An old part not moved over yet is current as long as it is readable.
    if (part && !findEntry(state.sheet, id)) {
      return !("problem" in part.read) && loaded.version === 0 ? { ok: true } : { ok: false, reason: "entryMissing" };
    }
    return checkEntry(state.sheet, id, loaded);
  }

  /** Queues the creation of the state sheet, very hidden, with its head and column titles. */
  function queueSheet(context: Excel.RequestContext, state: ExcelState): Excel.Worksheet {
    if (state.exists) return context.workbook.worksheets.getItem(STATE_SHEET);
    const sheet = context.workbook.worksheets.add(STATE_SHEET);
    sheet.visibility = Excel.SheetVisibility.veryHidden;
    queueCells(sheet, 1, 0, titleRow());
    return sheet;
  }

  /** Writes (or rewrites) an entry's row, moving old-format parts over with it; returns its version. */
  async function save(
    context: Excel.RequestContext,
    partId: string,
    stored: Omit<Stored, "version">,
    by: string,
    known?: ExcelState,
  ): Promise<{ partId: string; version: number }> {
    const state = known ?? (await read(context));
    const id = entryId(state, partId);
    const sheet = queueSheet(context, state);
    let next = state.sheet.nextRow;
    const at = Date.now();
    const rows: { row: number; cells: StateCell[] }[] = [];
    const moved: string[] = [];
    for (const part of state.legacy) {
      if ("problem" in part.read) continue;
      moved.push(part.partId);
      const movedId = legacyEntryId(part.partId);
      if (movedId === id || findEntry(state.sheet, movedId)) continue;
      rows.push({ row: next++, cells: encodeRow({ id: movedId, stored: { ...part.read, version: 1 }, by: "", at }) });
    }
    const found = findEntry(state.sheet, id);
    const version = (found?.entry.stored.version ?? 0) + 1;
    rows.push({ row: found?.row ?? next++, cells: encodeRow({ id, stored: { ...stored, version }, by, at }) });
    for (const { row, cells } of rows) {
      const all = padded(cells, state.sheet.width);
      // Slices of at most REQUEST_CHARS, one sync each but the last.
      let start = 0;
      let size = 0;
      for (let c = 0; c < all.length; c++) {
        const length = String(all[c]).length;
        if (size + length > REQUEST_CHARS && c > start) {
          queueCells(sheet, row, start, all.slice(start, c));
          // One request per slice is the point: Excel on the web refuses a larger one.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          start = c;
          size = 0;
        }
        size += length;
      }
      queueCells(sheet, row, start, all.slice(start));
    }
    const token = newWriteToken();
    ownTokens.add(token);
    queueCells(sheet, 0, 0, headRow(state.sheet.counter + 1, token));
    await context.sync();
    // The rows are in the workbook: the old parts can go.
    if (moved.length > 0) {
      for (const partId of moved) context.workbook.customXmlParts.getItem(partId).delete();
      await context.sync();
    }
    seenToken = token;
    return { partId: id, version };
  }

  /** Clears every readable row of an entry (rows stay where they are). One sync. */
  async function remove(context: Excel.RequestContext, partId: string, known?: ExcelState): Promise<void> {
    const state = known ?? (await read(context));
    const id = entryId(state, partId);
    const sheet = queueSheet(context, state);
    for (const row of state.sheet.copies.get(id) ?? []) {
      sheet.getRangeByIndexes(row, 0, 1, state.sheet.width).clear(Excel.ClearApplyTo.contents);
    }
    if (id !== partId) context.workbook.customXmlParts.getItem(partId).delete();
    const token = newWriteToken();
    ownTokens.add(token);
    queueCells(sheet, 0, 0, headRow(state.sheet.counter + 1, token));
    await context.sync();
    seenToken = token;
  }

  /**
   * Calls `listener` when another pane or a co-author changes the state sheet. Excel raises
   * worksheet change events for remote changes too (their `source` is "Remote"), but nothing
   * documents them for a very hidden sheet, so a visible pane also reads the head's counter and
   * token every few seconds: one sync, four cells.
   */
  function watch(run: ExcelRun, listener: () => void, failed: (error: unknown) => void): () => void {
    let stopped = false;
    let checking = false;
    const look = async () => {
      if (stopped || checking || (typeof document !== "undefined" && document.visibilityState === "hidden")) return;
      checking = true;
      try {
        const token = await run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
          sheet.load("id");
          await context.sync();
          if (sheet.isNullObject) return "";
          const head = sheet.getRange("A1:D1");
          head.load("values");
          await context.sync();
          const [first] = head.values;
          return readHead(first).token;
        });
        const changed = seenToken !== undefined && token !== seenToken && !ownTokens.has(token);
        seenToken = token;
        if (changed) listener();
      } finally {
        checking = false;
      }
    };
    const tick = () => {
      look().catch(failed);
    };
    const timer = setInterval(tick, POLL_MS);
    let handlers: OfficeExtension.EventHandlerResult<
      Excel.WorksheetChangedEventArgs | Excel.WorksheetAddedEventArgs
    >[] = [];
    // WorksheetCollection.onChanged is ExcelApi 1.9; where it is missing the counter check alone serves.
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        handlers = [
          sheets.onChanged.add(async (event) => {
            if (stateSheetId === undefined || event.worksheetId === stateSheetId) tick();
          }),
          sheets.onAdded.add(async () => tick()),
        ];
        await context.sync();
      }).catch(failed);
    }
    return () => {
      stopped = true;
      clearInterval(timer);
      // Handlers are removed in the context they were added in (one Excel.run added them all).
      if (handlers.length === 0) return;
      Excel.run(handlers[0].context, async (context) => {
        for (const handler of handlers) handler.remove();
        await context.sync();
      }).catch(failed);
    };
  }

  return { read, list, check, save, remove, watch, entryId };
}

export type StateStore = ReturnType<typeof stateStore>;
