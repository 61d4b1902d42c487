/**
 * What an Update keeps and what it must ask, decided without Excel. Given what the template wrote
 * last time (a fingerprint stored with its inputs), what the sheet holds now in the template's
 * area, and the new rendered plan, it says: which entry cells (actuals people typed) go where in
 * the new version, by row key; which rows lost their key but hold entries; which cells the
 * template wrote were changed by a person since. Then, with the user's answers, it gives the one
 * matrix of cells both adapters write (null = leave the cell as it is, as Excel's Range.formulas
 * takes it; "" = clear).
 *
 * Why a fingerprint and not a re-render: the renderer changes between add-in versions, so
 * re-rendering old inputs says what *this* version would have written, not what was written.
 * The fingerprint (one 32-bit hash per row of the area, over the cells that are not entry cells,
 * plus where the entry cells were) is compact, about 7 characters a row, and exact. A re-render
 * is used only to *show* what the template wrote; when it does not hash to the fingerprint, the
 * pane says "unknown" instead of guessing, and the cell is still asked about.
 */
import {
  address,
  cellInput,
  placedInput,
  relocateFormula,
  type CellContent,
  type CellPlan,
  type EntryArea,
} from "../sheet/cell-plan";
import type { Inputs, Row, TableSource, TemplateDecl } from "../templates/model";
import type { Lang } from "../i18n/lang";
import { renderTemplate, yearsOf } from "../templates/render";
import { cellKey } from "../sheet/excel-grid";
import { periodName } from "../templates/periods";
import { STEP_ROWS, finish, type Steps } from "../core/steps";
import type { Stored } from "./payload";

export type Origin = { readonly row: number; readonly col: number };

/** What a template wrote, stored with its placement. */
export interface Written {
  /** One hash per row of the area (base 36), over its cells that are not entry cells, joined by ".". */
  readonly rows: string;
  /** Where the entry cells were. */
  readonly entries: readonly EntryArea[];
}

/** What one cell of a sheet holds, as an adapter reads it: its formula (or value) and its value. */
export type ReadCell = { readonly formula: unknown; readonly value: unknown };

export interface Orphan {
  /** The row's key as the form showed it (product name, material and product, grade). */
  readonly label: string;
  /** 0-based row in the old area. */
  readonly row: number;
  /** The entry values it holds, as shown. */
  readonly values: readonly string[];
}

export interface Edit {
  /** A1 address on the sheet as it is now. */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** What the template wrote; null when this version of the add-in cannot tell. */
  readonly wrote: string | null;
  readonly now: string;
}

export interface UpdateQuestion {
  readonly orphans: readonly Orphan[];
  readonly edits: readonly Edit[];
}

export interface UpdateAnswers {
  readonly orphans?: "keep" | "drop";
  readonly edits?: "keep" | "overwrite";
}

export type CellWrite = string | number | boolean | null;

export interface UpdateCells {
  /** From the area's top-left cell; covers the old area, the new one and any kept rows. */
  readonly matrix: CellWrite[][];
  /** Whether the user accepted losing something (edits overwritten, entries dropped): keep a backup. */
  readonly lossy: boolean;
  /** The new plan's fingerprint where it now is, to store with its placement. */
  readonly written: Written;
}

export interface UpdatePlan {
  readonly question: UpdateQuestion;
  /** Whether the user must answer before anything is written. */
  readonly asks: boolean;
  /** The cells to write, given the answers; undefined while a needed answer is missing. */
  cells(answers: UpdateAnswers): UpdateCells | undefined;
  /** The same, in steps (core/steps.ts). */
  cellsSteps(answers: UpdateAnswers): Steps<UpdateCells | undefined>;
}

/** A number as 15 significant digits show it, as Excel keeps it (a whole number below 10^15 as it is). */
const digits = (n: number) =>
  Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(Number(n.toPrecision(15)));
const number = (n: number) => `n${digits(n)}`;

/** A cell's content as the template writes it, comparable with what is read back. */
function canonicalWritten(content: CellContent | undefined, origin: Origin): string {
  if (!content) return "";
  // Excel (and the preview's engine) give formulas back as they were written.
  if ("formula" in content) return `f${relocateFormula(content.formula, origin)}`;
  if ("number" in content) return number(content.number);
  return `t${content.text}`;
}

/**
 * A cell as read back, in the frame of `written` (where the template was when it was written).
 * Excel's Range.formulas gives a text cell's text (without its quote prefix), so a string that
 * starts with = is a formula only when its value differs from it.
 */
function canonicalRead(cell: ReadCell, shift: Origin): string {
  const { formula, value } = cell;
  if (formula === "" || formula === null || formula === undefined) return "";
  if (typeof formula === "number") return number(formula);
  if (typeof formula === "boolean") return `b${formula ? "TRUE" : "FALSE"}`;
  const text = String(formula);
  if (text.startsWith("=") && value !== text) return `f${relocateFormula(text, shift)}`;
  return `t${text}`;
}

const shown = (canonical: string) => canonical.slice(1);

// A row's hash is FNV-1a (32 bits: enough to tell a changed row from an unchanged one) over its
// cells' canonical texts joined by \u0001, fed piece by piece so that no joined text is built:
// the same hash, so fingerprints stored by earlier versions still compare.
const FNV_OFFSET = 0x811c9dc5;
// Looked up once: under Jest a global such as Math is reached through a proxy, and a lookup per
// character made the unit tests' hashing fifty times slower.
const imul = Math.imul;
const FNV_PRIME = 0x01000193;
const SEPARATOR = 1;

function feed(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

const hashText = (h: number) => (h >>> 0).toString(36);

function entryMask(entries: readonly EntryArea[]): Set<number> {
  const mask = new Set<number>();
  for (const area of entries) {
    for (let r = 0; r < area.rows; r++) for (const c of area.cols) mask.add(cellKey(area.firstRow + r, c));
  }
  return mask;
}

/** The plan's cells, one grid of what `each` makes of their contents ("" elsewhere), in steps. */
function* gridSteps<T>(plan: CellPlan, each: (content: CellContent) => T): Steps<(T | "")[][]> {
  const grid = Array.from({ length: plan.rows }, () => new Array<T | "">(plan.cols).fill(""));
  // A step's worth of cells: rows of a plan are about as wide as its column count.
  const step = STEP_ROWS * Math.max(1, plan.cols);
  for (const [k, cell] of plan.cells.entries()) {
    grid[cell.row][cell.col] = each(cell.content);
    if (k % step === step - 1) yield;
  }
  return grid;
}

/** The canonical cells of a plan placed at `origin`, row by row (entry cells left out as ""). */
const planGridSteps = (plan: CellPlan, origin: Origin): Steps<string[][]> =>
  gridSteps(plan, (content) => canonicalWritten(content, origin));

function rowHash(row: readonly string[], r: number, mask: ReadonlySet<number>): string {
  let h = FNV_OFFSET;
  for (let c = 0; c < row.length; c++) {
    if (c > 0) h = imul(h ^ SEPARATOR, FNV_PRIME);
    if (!mask.has(cellKey(r, c))) h = feed(h, row[c] ?? "");
  }
  return hashText(h);
}

/** The fingerprint of a plan written at `origin`: stored with the placement. */
export function* fingerprintSteps(plan: CellPlan, origin: Origin): Steps<Written> {
  return yield* hashSteps(plan, yield* planGridSteps(plan, origin));
}

/** The fingerprint of `plan` from its canonical grid (planGridSteps) where it is written. */
function* hashSteps(plan: CellPlan, grid: readonly (readonly string[])[]): Steps<Written> {
  const mask = entryMask(plan.entries);
  const rows: string[] = [];
  for (const [r, row] of grid.entries()) {
    rows.push(rowHash(row, r, mask));
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
  }
  return { rows: rows.join("."), entries: plan.entries };
}

export const fingerprint = (plan: CellPlan, origin: Origin): Written => finish(fingerprintSteps(plan, origin));

/** What the template wrote into a cell of `plan` at `origin`: the input an adapter writes. */
export const planMatrixSteps = (plan: CellPlan, origin: Origin): Steps<(string | number)[][]> =>
  gridSteps(plan, (content) => placedInput(content, origin));

export const planMatrix = (plan: CellPlan, origin: Origin): (string | number)[][] =>
  finish(planMatrixSteps(plan, origin));

/** An input table's declaration; a report's rows are the reported template's (its products). */
const tableDecl = (template: TemplateDecl, key: string) =>
  template.tables.find((t) => t.key === key) ?? template.context?.template.tables.find((t) => t.key === key);

/** The key of each row of an input table: the declared key columns, trimmed, without case. */
function rowKeys(template: TemplateDecl, source: TableSource, inputs: Inputs): string[] {
  // A period's row is its row's (product, period): another product added or removed moves it.
  if (typeof source !== "string" && "periods" in source) {
    const { of, count } = source.periods;
    return rowKeys(template, of, inputs).flatMap((key) =>
      Array.from({ length: count }, (_, p) => `${key}\u0003${count}:${p + 1}`),
    );
  }
  // A year's row is that year's, wherever the base year moves it.
  if (typeof source !== "string") return yearsOf(inputs, source.years.from, source.years.to).map(String);
  const table = tableDecl(template, source);
  const columns = table?.rowKey ?? (table?.uniqueBy ? [table.uniqueBy] : []);
  const rows: readonly Row[] = inputs.tables[source] ?? [];
  // Without a key, rows are matched by position: the n-th row stays the n-th.
  return rows.map((row, i) =>
    columns.length === 0
      ? `#${i}`
      : columns
          .map((c) =>
            String(row[c] ?? "")
              .trim()
              .toLowerCase(),
          )
          .join("\u0001"),
  );
}

function rowLabel(template: TemplateDecl, source: TableSource, inputs: Inputs, i: number, lang: Lang): string {
  if (typeof source !== "string" && "periods" in source) {
    const { of, count } = source.periods;
    const parent = rowLabel(template, of, inputs, Math.floor(i / count), lang);
    return `${parent} / ${periodName(count === 4 ? "quarter" : "month", (i % count) + 1)[lang]}`;
  }
  if (typeof source !== "string") return String(yearsOf(inputs, source.years.from, source.years.to)[i] ?? `#${i + 1}`);
  const table = tableDecl(template, source);
  const columns = table?.rowKey ?? (table?.uniqueBy ? [table.uniqueBy] : []);
  const row = inputs.tables[source]?.[i] ?? {};
  return columns.length === 0 ? `#${i + 1}` : columns.map((c) => String(row[c] ?? "")).join(" / ");
}

/** Keys with their occurrence number, so that repeated keys pair up in order. */
function occurrences(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return `${k}\u0002${n}`;
  });
}

/** A cell read back, as the input that puts the same content `shift` rows lower. */
function reenter(cell: ReadCell, shift: number): CellWrite {
  const { formula, value } = cell;
  if (formula === null || formula === undefined || formula === "") return "";
  if (typeof formula !== "string") return formula as number | boolean;
  if (formula.startsWith("=") && value !== formula) return relocateFormula(formula, { row: shift, col: 0 });
  return cellInput({ text: formula });
}

const REMOVED: Readonly<Record<Lang, string>> = { vi: "Đã bỏ khỏi mẫu: ", en: "Removed from the template: " };

export interface UpdateArgs {
  readonly template: TemplateDecl;
  readonly previous: {
    readonly inputs: Inputs;
    readonly lang: Lang;
    /** Where the template was written (the fingerprint's frame) and how large it was. */
    readonly origin: Origin;
    readonly rows: number;
    readonly cols: number;
    readonly written?: Written;
  };
  /** The template's area as it is now (same size as before), where it is now. */
  readonly current: { readonly origin: Origin; readonly cells: readonly (readonly ReadCell[])[] };
  readonly next: { readonly inputs: Inputs; readonly lang: Lang; readonly plan: CellPlan };
}

/** What an update needs of the entry as it was stored: its inputs, and where and what it wrote. */
export function previousOf(stored: Pick<Stored, "inputs" | "lang" | "placement">): UpdateArgs["previous"] {
  const { placement } = stored;
  return {
    inputs: stored.inputs,
    lang: stored.lang,
    origin: placement,
    rows: placement.rows,
    cols: placement.cols,
    written: placement.written,
  };
}

/** Decides an Update: what is carried, what is asked, and then what is written. */
export const planUpdate = (args: UpdateArgs): UpdatePlan => finish(planUpdateSteps(args));

/** The same, in steps (core/steps.ts): the preview decides a 15,000-row plan's in slices. */
export function* planUpdateSteps(args: UpdateArgs): Steps<UpdatePlan> {
  const { template, previous, current, next } = args;
  // The old inputs rendered by this version: only needed to show what changed cells held, or
  // when an older payload has no fingerprint.
  let rerendered: { plan: CellPlan; grid: string[][] } | undefined;
  const rerender = () => {
    if (!rerendered) {
      const plan = renderTemplate(template, previous.inputs, previous.lang);
      rerendered = { plan, grid: finish(planGridSteps(plan, previous.origin)) };
    }
    return rerendered;
  };
  const oldEntries = previous.written?.entries ?? rerender().plan.entries;
  const mask = entryMask(oldEntries);
  const shift = { row: previous.origin.row - current.origin.row, col: previous.origin.col - current.origin.col };
  const read: string[][] = [];
  for (const [r, line] of current.cells.entries()) {
    read.push(line.map((cell) => canonicalRead(cell, shift)));
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
  }
  const stored = previous.written?.rows.split(".");

  // Cells the template wrote that a person changed.
  const edits: Edit[] = [];
  for (let r = 0; r < previous.rows; r++) {
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
    const now = read[r] ?? [];
    if (stored && rowHash(now, r, mask) === stored[r]) continue;
    const want = rerender().grid[r] ?? [];
    const faithful = stored ? rowHash(want, r, mask) === stored[r] : true;
    for (let c = 0; c < previous.cols; c++) {
      if (mask.has(cellKey(r, c))) continue;
      const was = want[c] ?? "";
      if ((now[c] ?? "") === was) continue;
      edits.push({
        address: address({ row: r, col: c, rows: 1, cols: 1 }, current.origin),
        row: r,
        col: c,
        wrote: faithful ? shown(was) : null,
        now: shown(now[c] ?? ""),
      });
    }
  }

  // Entry cells, carried by row key; rows whose key is gone but that hold entries.
  const carried: { row: number; col: number; from: ReadCell; shift: number }[] = [];
  // Actuals of a period table the new version does not write (months became quarters): asked,
  // and whatever the answer the sheet as it was is kept as a copy, because a month's actual has
  // no quarter to go to and a quarter's none to split into.
  let periodsSwitched = false;
  const orphans: (Orphan & { cells: { col: number; from: ReadCell }[] })[] = [];
  for (const old of oldEntries) {
    const fresh = next.plan.entries.find((e) => e.block === old.block);
    const oldKeys = occurrences(rowKeys(template, old.source, previous.inputs));
    const newKeys = occurrences(rowKeys(template, old.source, next.inputs));
    const target = new Map(newKeys.map((k, i) => [k, i]));
    for (let i = 0; i < old.rows; i++) {
      if (i % STEP_ROWS === STEP_ROWS - 1) yield;
      const r = old.firstRow + i;
      const filled = old.cols.flatMap((c, k) => {
        const cell = current.cells[r]?.[c];
        return cell && read[r][c] !== "" ? [{ col: c, k, from: cell }] : [];
      });
      if (filled.length === 0) continue;
      const j =
        i < oldKeys.length ? target.get(oldKeys[i]) : oldKeys.length === 0 && newKeys.length === 0 ? 0 : undefined;
      if (fresh && j !== undefined && j < fresh.rows) {
        const to = fresh.firstRow + j;
        for (const { k, from } of filled) {
          const col = fresh.cols[k];
          if (col !== undefined) carried.push({ row: to, col, from, shift: to - r });
        }
        continue;
      }
      if (!fresh && typeof old.source !== "string" && "periods" in old.source) periodsSwitched = true;
      orphans.push({
        label: i < oldKeys.length ? rowLabel(template, old.source, previous.inputs, i, next.lang) : `#${i + 1}`,
        row: r,
        values: filled.map(({ col }) => shown(read[r][col])),
        cells: filled.map(({ col, from }) => ({ col, from })),
      });
    }
  }

  const question: UpdateQuestion = {
    orphans: orphans.map(({ label, row, values }) => ({ label, row, values })),
    edits,
  };
  const asks = edits.length > 0 || orphans.length > 0;

  function* cellsSteps(answers: UpdateAnswers): Steps<UpdateCells | undefined> {
    if (edits.length > 0 && !answers.edits) return undefined;
    if (orphans.length > 0 && !answers.orphans) return undefined;
    const plan = next.plan;
    const keepOrphans = orphans.length > 0 && answers.orphans === "keep";
    const rows = Math.max(plan.rows, previous.rows) + (keepOrphans ? 1 + orphans.length : 0);
    const cols = Math.max(plan.cols, previous.cols);
    const fresh = yield* planMatrixSteps(plan, current.origin);
    // A cell that already holds what the new version writes is left alone (null): an update
    // that renames the unit sends a few cells, not the whole area again.
    const want = yield* planGridSteps(plan, current.origin);
    const unmoved = shift.row === 0 && shift.col === 0;
    const matrix: CellWrite[][] = [];
    for (let r = 0; r < rows; r++) {
      // What the cell holds in the frame of where the plan is now (read[] is in the old one).
      const here = unmoved ? read[r] : current.cells[r]?.map((cell) => canonicalRead(cell, { row: 0, col: 0 }));
      matrix.push(
        Array.from({ length: cols }, (_, c): CellWrite => {
          const inOld = r < previous.rows && c < previous.cols;
          if (r < plan.rows && c < plan.cols) return inOld && want[r][c] === here?.[c] ? null : fresh[r][c];
          return inOld && (here?.[c] ?? "") !== "" ? "" : null;
        }),
      );
      if (r % STEP_ROWS === STEP_ROWS - 1) yield;
    }
    if (answers.edits === "keep") for (const edit of edits) matrix[edit.row][edit.col] = null;
    for (const { row, col, from, shift: by } of carried)
      matrix[row][col] = by === 0 && fresh[row]?.[col] === "" ? null : reenter(from, by);
    if (keepOrphans) {
      const start = Math.max(plan.rows, previous.rows) + 1;
      orphans.forEach((orphan, k) => {
        const r = start + k;
        matrix[r][0] = cellInput({ text: REMOVED[next.lang] + orphan.label });
        for (const { col, from } of orphan.cells) matrix[r][col] = reenter(from, r - orphan.row);
      });
    }
    const lossy =
      (edits.length > 0 && answers.edits === "overwrite") ||
      (orphans.length > 0 && answers.orphans === "drop") ||
      periodsSwitched;
    // From the grid compared above: the fingerprint needs no second one.
    return { matrix, lossy, written: yield* hashSteps(plan, want) };
  }

  return { question, asks, cells: (answers) => finish(cellsSteps(answers)), cellsSteps };
}
