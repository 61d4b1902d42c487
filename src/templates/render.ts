/**
 * The one renderer: a template declaration and a user's inputs become a CellPlan. Pure: the
 * same inputs give the same plan, byte for byte, on every machine.
 */
import type { Area, CellContent, CellPlan, EntryArea, Flag, PlanCell, PlanChart } from "../sheet/cell-plan";
import { address, columnName, safeSheetName } from "../sheet/cell-plan";
import { GAP, MOTTO, NATION, dateLine, splitColumns } from "./document";
import type { Block, Clause, Column, Field, Format, Inputs, Style, TemplateDecl, Value } from "./model";
import type { Lang, Text } from "../i18n/lang";
import { excelSerial, formatValue, isIsoDate } from "./values";
import { isShown, periodRows } from "./periods";
import {
  FOOTER,
  Keep,
  capacityOf,
  fitScale,
  heightPixels,
  MAX_MANUAL_BREAKS,
  PAGE_SPARE,
  paginate,
  paper,
  widthPixels,
  wrappedLines,
} from "../sheet/page-setup";
import { DEFAULT_HEIGHT_POINTS } from "../sheet/excel-grid";
import { finish, type Steps } from "../core/steps";

interface TablePlace {
  readonly firstRow: number;
  readonly rows: number;
  readonly headerRow: number;
  readonly totalRow?: number;
  readonly columns: ReadonlyMap<string, number>;
  /** One line of a statement: {key.column} is its cell wherever it is used. */
  readonly single?: true;
  /** A period table: how many of its rows belong to one row of the table it follows. */
  readonly per?: number;
}

interface Layout {
  readonly starts: readonly number[];
  readonly fieldCells: ReadonlyMap<string, { row: number; col: number; name?: string }>;
  readonly tables: ReadonlyMap<string, TablePlace>;
  /** Named ranges by placeholder key. */
  readonly ranges: ReadonlyMap<string, string>;
  readonly height: number;
  /** The layout of the template this one reports on ({plan!table.col}), on its own sheet. */
  readonly external?: External;
}

interface External {
  readonly key: string;
  readonly layout: Layout;
  /** The sheet's name as a formula writes it before a reference: 'KH 1965'! */
  readonly prefix: string;
  readonly origin: { readonly row: number; readonly col: number };
}

/** The other template a report reads, laid out from the same inputs (they carry its inputs). */
function externalOf(t: TemplateDecl, inputs: Inputs): External | undefined {
  const context = t.context;
  if (!context) return undefined;
  const sheet = String(inputs.fields[context.sheet] ?? "");
  const at = (key: string) => {
    const n = inputs.fields[key];
    return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : 0;
  };
  return {
    key: context.key,
    layout: lay(context.template, inputs),
    prefix: `'${sheet.replace(/'/g, "''")}'!`,
    origin: { row: at(context.row), col: at(context.col) },
  };
}

type TableBlock = Extract<Block, { kind: "table" }>;
type StatementBlock = Extract<Block, { kind: "statement" }>;

const VALUE_COL = 2;
const LABEL_SPAN = 2;
/** A statement's first two columns: the line's number and its label. */
const CODE_COL = 0;
const LABEL_COL = 1;
const STATEMENT_FIRST = 2;
/** A plan's years are a handful; a hundred rows of years is a typing error, not a plan. */
export const MAX_YEARS = 50;

/** The years from one field to another, inclusive; none until both are years in order. */
export function yearsOf(inputs: Inputs, from: string, to: string): number[] {
  const a = inputs.fields[from];
  const b = inputs.fields[to];
  if (typeof a !== "number" || typeof b !== "number" || b < a || b - a >= MAX_YEARS) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function sourceRows(inputs: Inputs, block: TableBlock): readonly Readonly<Record<string, Value>>[] {
  if (typeof block.source === "string") return inputs.tables[block.source] ?? [];
  if ("periods" in block.source) return periodRows(inputs, block.source.periods);
  return yearsOf(inputs, block.source.years.from, block.source.years.to).map((year) => ({ year }));
}

/** Data rows of a table: the rows entered, and at least one so that ranges stay valid. */
function dataRowCount(inputs: Inputs, block: TableBlock): number {
  return Math.max(1, sourceRows(inputs, block).length);
}

function eachRows(inputs: Inputs, table: string) {
  return inputs.tables[table] ?? [];
}

/** A block for another way of following the plan (another period kind) is not written. */
const hidden = (block: Block, inputs: Inputs) => "when" in block && !isShown(block.when, inputs);

function lay(t: TemplateDecl, inputs: Inputs): Layout {
  const starts: number[] = [];
  const fieldCells = new Map<string, { row: number; col: number; name?: string }>();
  const tables = new Map<string, TablePlace>();
  const ranges = new Map<string, string>();
  let row = 0;
  for (const block of t.blocks) {
    starts.push(row);
    // A block for another way of following the plan takes no rows.
    if (hidden(block, inputs)) continue;
    switch (block.kind) {
      case "heading":
        row += 5;
        break;
      case "title":
      case "subtitle":
      case "note":
      case "unitLine":
        row += 1;
        break;
      case "charts":
        row += block.rows + 1;
        break;
      case "fields": {
        if (block.title) row += 1;
        for (const fieldRow of block.rows) {
          const key = fieldRow.field ?? fieldRow.key ?? fieldRow.name;
          if (key) fieldCells.set(key, { row, col: VALUE_COL, name: fieldRow.name });
          row += 1;
        }
        row += 1;
        break;
      }
      case "table": {
        const headerRow = row + 1;
        const rows = dataRowCount(inputs, block);
        const hasTotal = block.columns.some((c) => c.total !== undefined);
        tables.set(block.key, {
          headerRow,
          firstRow: headerRow + 1,
          rows,
          totalRow: hasTotal ? headerRow + 1 + rows : undefined,
          columns: new Map(block.columns.map((c, k) => [c.key, k])),
          ...(typeof block.source === "object" && "periods" in block.source ? { per: block.source.periods.count } : {}),
        });
        if (block.rangeName) ranges.set(block.rangeName.key, block.rangeName.name);
        row = headerRow + 1 + rows + (hasTotal ? 1 : 0) + 1;
        break;
      }
      case "statement": {
        const headerRow = row + (block.title ? 1 : 0);
        const columns = new Map(block.columns.map((c, k) => [c.key, STATEMENT_FIRST + k]));
        let line = headerRow + 1;
        for (const decl of block.lines) {
          if (decl.each) {
            const rows = Math.max(1, eachRows(inputs, decl.each.table).length);
            tables.set(decl.each.table, { headerRow, firstRow: line, rows, columns });
            line += rows;
          } else {
            if (decl.key) tables.set(decl.key, { headerRow, firstRow: line, rows: 1, columns, single: true });
            line += 1;
          }
        }
        tables.set(block.key, { headerRow, firstRow: headerRow + 1, rows: line - headerRow - 1, columns });
        row = line + 1;
        break;
      }
      case "clauses":
        row += (block.title ? 1 : 0) + clausesShown(block.items, inputs).length + 1;
        break;
      case "signatures": {
        const positions = block.signers.some((s) => s.position) ? 1 : 0;
        // Date line, titles, positions, notes, four rows to sign in, names, a blank.
        row += (block.dateLine ? 1 : 0) + 1 + positions + 1 + 4 + 1 + 1;
        break;
      }
    }
  }
  return { starts, fieldCells, tables, ranges, height: row, external: externalOf(t, inputs) };
}

function clausesShown(items: readonly Clause[], inputs: Inputs): Text[] {
  return items.flatMap((item) => {
    if ("vi" in item) return [item];
    const { field, is, filled } = item.when;
    const value = inputs.fields[field] ?? null;
    const has = value !== null && value !== "";
    if (filled !== undefined) return has === filled ? [item.text] : [];
    return typeof value === "string" && (is ?? []).includes(value) ? [item.text] : [];
  });
}

const PLACEHOLDER =
  /\{(?:([A-Za-z_][A-Za-z0-9_]*)!)?([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?::(all|rest|total|prev|value|parent|periods))?\}/g;

/** A formula's string literal: quotes doubled. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * A resolved placeholder: fixed text, or a relative reference to column `col`, `delta` rows from
 * the current row; with `per`, to row `delta` + (the current row's index in its table ÷ `per`):
 * the row of another table that a period row belongs to.
 */
type Resolved =
  | string
  | {
      readonly col: number;
      readonly delta: number;
      readonly per?: { readonly first: number; readonly count: number };
      /** A reference into the sheet of the template reported on. */
      readonly prefix?: string;
      /** The `span` rows from `delta` + (the current row's index × `count`): one row's periods. */
      readonly periods?: { readonly first: number; readonly count: number };
    };

/**
 * {plan!table.col}: the cell of the reported template's table on the same row of data; with
 * :all its data range, :rest its data rows from that column to the table's last (a grade table's
 * label and coefficient, whatever counter stands before them), :total its total;
 * {plan!table:all} the table's whole data area;
 * {plan!periodTable.col:periods} the rows of a period table that belong to the current row.
 */
function externalPlaceholder(
  whole: string,
  first: string,
  second: string | undefined,
  part: string | undefined,
  layout: Layout,
  current?: { table: string; row: number },
): Resolved {
  const ext = layout.external!;
  const table = ext.layout.tables.get(first);
  const col = second === undefined ? 0 : table?.columns.get(second);
  if (!table || col === undefined) throw new Error(`template formula: unknown placeholder ${whole}`);
  const at = (area: { row: number; col: number; rows: number; cols: number }) =>
    ext.prefix + address(area, ext.origin, true);
  if (second === undefined && part === "all")
    return at({ row: table.firstRow, col: 0, rows: table.rows, cols: table.columns.size });
  if (part === "all") return at({ row: table.firstRow, col, rows: table.rows, cols: 1 });
  if (part === "rest" && second !== undefined)
    return at({ row: table.firstRow, col, rows: table.rows, cols: table.columns.size - col });
  if (part === "total" && table.totalRow !== undefined) return at({ row: table.totalRow, col, rows: 1, cols: 1 });
  const own = current && layout.tables.get(current.table);
  if (part === "periods" && own && table.per)
    return {
      col: col + ext.origin.col,
      delta: table.firstRow + ext.origin.row,
      periods: { first: own.firstRow, count: table.per },
      prefix: ext.prefix,
    };
  if (!part && own && second !== undefined)
    return { col: col + ext.origin.col, delta: table.firstRow + ext.origin.row - own.firstRow, prefix: ext.prefix };
  throw new Error(`template formula: unknown placeholder ${whole}`);
}

function placeholder(
  whole: string,
  first: string,
  second: string | undefined,
  part: string | undefined,
  layout: Layout,
  inputs: Inputs,
  formula: string,
  current?: { table: string; row: number },
): Resolved {
  const tableKey = second ? first : current?.table;
  const column = second ?? first;
  const table = tableKey ? layout.tables.get(tableKey) : undefined;
  const col = table?.columns.get(column);
  if (table && col !== undefined && (second || current)) {
    if (table.single && !part) return address({ row: table.firstRow, col, rows: 1, cols: 1 }, undefined, true);
    if (part === "all") return address({ row: table.firstRow, col, rows: table.rows, cols: 1 }, undefined, true);
    if (part === "total" && table.totalRow !== undefined)
      return address({ row: table.totalRow, col, rows: 1, cols: 1 }, undefined, true);
    if (part === "prev" && current && !second) return { col, delta: -1 };
    const own = current ? layout.tables.get(current.table) : undefined;
    if (part === "parent" && second && own?.per)
      return { col, delta: table.firstRow, per: { first: own.firstRow, count: own.per } };
    if (!part && current && !second) return { col, delta: 0 };
    if (!part && current && second) {
      const own = layout.tables.get(current.table)!;
      return { col, delta: table.firstRow - own.firstRow };
    }
  }
  if (!second && part === "value") {
    const value = inputs.fields[first];
    if (value !== undefined) return typeof value === "number" ? String(value) : literal(value ?? "");
  }
  const range = layout.ranges.get(first);
  if (range && !second && !part) return range;
  const field = layout.fieldCells.get(first);
  if (field && !second && !part) return field.name ?? address({ ...field, rows: 1, cols: 1 }, undefined, true);
  throw new Error(`template formula ${formula}: unknown placeholder ${whole}`);
}

/** Resolves a formula template's placeholders to A1 references, names and literals. */
function resolve(formula: string, layout: Layout, inputs: Inputs, current?: { table: string; row: number }): string {
  return resolver(formula, layout, inputs, current?.table)(current?.row ?? 0);
}

/**
 * `resolve` for every row of a table's column: the template is read once, and each row only
 * puts its row numbers between the fixed parts (a 5,000-row plan resolves 65,000 formulas).
 * Without a table, no placeholder depends on the row.
 */
function resolver(formula: string, layout: Layout, inputs: Inputs, table?: string): (row: number) => string {
  // Placeholders resolve the same for every row of the table but for their row numbers.
  const probe = table === undefined ? undefined : { table, row: 0 };
  const fixed: string[] = [];
  const refs: Exclude<Resolved, string>[] = [];
  let last = 0;
  let text = "";
  for (const m of formula.matchAll(PLACEHOLDER)) {
    text += formula.slice(last, m.index);
    last = m.index + m[0].length;
    const resolved =
      m[1] !== undefined && m[1] === layout.external?.key
        ? externalPlaceholder(m[0], m[2], m[3], m[4], layout, probe)
        : placeholder(m[0], m[2], m[3], m[4], layout, inputs, formula, probe);
    if (typeof resolved === "string") text += resolved;
    else {
      fixed.push(text);
      refs.push(resolved);
      text = "";
    }
  }
  fixed.push(text + formula.slice(last));
  // A relative A1 reference: its column's letters and its row number.
  const letters = refs.map((r) => columnName(r.col));
  return (row) => {
    let out = fixed[0];
    for (let k = 0; k < refs.length; k++) {
      const { delta, per, prefix, periods } = refs[k];
      if (periods) {
        const from = delta + (row - periods.first) * periods.count;
        out += `${prefix ?? ""}${letters[k]}${from + 1}:${letters[k]}${from + periods.count}${fixed[k + 1]}`;
        continue;
      }
      const at = per ? delta + Math.floor((row - per.first) / per.count) : row + delta;
      out += (prefix ?? "") + letters[k] + (at + 1) + fixed[k + 1];
    }
    return out;
  };
}

/** Text of a declaration with {field} placeholders filled from the inputs; `gap` stands for a blank. */
function interpolate(text: Text, fields: readonly Field[], inputs: Inputs, lang: Lang, gap = ""): string {
  return text[lang].replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new Error(`template text: unknown field ${whole}`);
    return formatValue(field, inputs.fields[key] ?? null, lang) || gap;
  });
}

/** A value as cell content: dates become Excel date serials, so they sort and compute. */
function content(value: Value, field?: Field): CellContent | undefined {
  if (value === null || value === "") return undefined;
  if (field?.type === "date" && typeof value === "string" && isIsoDate(value)) return { number: excelSerial(value) };
  return typeof value === "number" ? { number: value } : { text: value };
}

/** The printable height of a page in the template's own (unscaled) pixels, once fitted to one page wide. */
function pageRoom(t: TemplateDecl): { capacity: number; columnPixels: number[] } {
  const columnPixels = t.widths.map(widthPixels);
  const box = paper(t.orientation);
  const scale = fitScale(
    columnPixels.reduce((a, b) => a + b, 0),
    box,
  );
  // The rule plans each page with some of it to spare (PAGE_SPARE, page-setup.ts).
  return { capacity: (box.innerHeight / scale) * (1 - PAGE_SPARE), columnPixels };
}

/**
 * The blocks in print order: a table declared an appendix that is longer than a page goes,
 * with the unit line above it, after the signatures under the appendix title, and the article
 * refers to it (src/sheet/page-setup.ts). Returns the index of the appendix title, if any.
 */
function arranged(t: TemplateDecl, inputs: Inputs, capacity: number): { decl: TemplateDecl; appendixAt?: number } {
  const blocks = [...t.blocks];
  const at = blocks.findIndex(
    (b) =>
      b.kind === "table" &&
      b.appendix !== undefined &&
      heightPixels(DEFAULT_HEIGHT_POINTS) * (dataRowCount(inputs, b) + 5) > capacity,
  );
  if (at < 0) return { decl: t };
  const table = blocks[at] as TableBlock;
  const first = at > 0 && blocks[at - 1].kind === "unitLine" ? at - 1 : at;
  const moved = blocks.splice(first, at - first + 1, { kind: "note", text: table.appendix!.reference });
  const appendixAt = blocks.length;
  blocks.push({ kind: "title", text: table.appendix!.title }, ...moved);
  return { decl: { ...t, blocks }, appendixAt };
}

export const renderTemplate = (declared: TemplateDecl, inputs: Inputs, lang: Lang): CellPlan =>
  finish(renderSteps(declared, inputs, lang));

/** The same, in steps (core/steps.ts): a step per table column, the pane's render of a 15,000-row plan in slices. */
export function* renderSteps(declared: TemplateDecl, inputs: Inputs, lang: Lang): Steps<CellPlan> {
  const room = pageRoom(declared);
  const { decl: t, appendixAt } = arranged(declared, inputs, room.capacity);
  const layout = lay(t, inputs);
  const width = t.widths.length;
  const cells: PlanCell[] = [];
  const formats: { area: Area; format: Format }[] = [];
  const styles: { area: Area; style: Style }[] = [];
  const merges: Area[] = [];
  const names: { name: string; area: Area }[] = [];
  const lists: { area: Area; source: Area }[] = [];
  const flags: Flag[] = [];
  const charts: PlanChart[] = [];
  const heights: { row: number; points: number }[] = [];
  const borders: Area[] = [];
  const entries: EntryArea[] = [];
  const px = room.columnPixels;
  const spanPixels = (col: number, cols: number) => px.slice(col, col + cols).reduce((a, b) => a + b, 0);
  // Excel does not fit merged rows to their text, so wrapped lines get a height from their
  // printed width (an upper bound, src/sheet/page-setup.ts), and so do wrapped headers.
  // Excel's 15 points a line of Calibri 11 (more than a line of the print view's 13 px text).
  const linesHeight = (lines: number) => Math.max(1, lines) * DEFAULT_HEIGHT_POINTS;
  const needs = new Map<number, number>();
  /** Cells whose text wraps in its column (a long name in a table). */
  const wrapped: Area[] = [];
  const wrappedLabels: Area[] = [];
  /** Each table's and statement's header and last row, by the row its block starts on. */
  const tableRows = new Map<number, { header: number; last: number }>();
  const headerText = (column: Column) => {
    const by = column.headerBy;
    const value = by ? inputs.fields[by.field] : undefined;
    return say(by && typeof value === "string" && by.values[value] ? by.values[value] : column.header);
  };
  const need = (row: number, lines: number) => {
    if (lines > 1) needs.set(row, Math.max(needs.get(row) ?? 0, linesHeight(lines)));
  };
  const put = (row: number, col: number, c: CellContent | undefined) => {
    if (c) cells.push({ row, col, content: c });
  };
  const span = (row: number, col: number, cols: number, text: string, style: Style) => {
    if (text !== "") put(row, col, { text });
    const area = { row, col, rows: 1, cols };
    if (cols > 1) merges.push(area);
    styles.push({ area, style });
  };
  const line = (row: number, text: string, style: Style) => span(row, 0, width, text, style);
  const inLang = (f: string | Text | undefined) => (f === undefined || typeof f === "string" ? f : f[lang]);
  // A report speaks of the reported template's fields too ({planYear}, {moneyUnit}).
  const known = t.context ? [...t.fields, ...t.context.template.fields] : t.fields;
  const say = (text: Text, gap = "") => interpolate(text, known, inputs, lang, gap);
  const fieldOf = (key: string) => t.fields.find((f) => f.key === key);
  const fieldText = (key: string) => {
    const field = fieldOf(key);
    if (!field) throw new Error(`template text: unknown field ${key}`);
    return formatValue(field, inputs.fields[key] ?? null, lang);
  };
  const dateOf = (key: string) => {
    const value = inputs.fields[key];
    return typeof value === "string" ? value : null;
  };

  for (const [b, block] of t.blocks.entries()) {
    const start = layout.starts[b];
    if (hidden(block, inputs)) continue;
    switch (block.kind) {
      case "heading": {
        const [left, right] = splitColumns(t.widths, 2);
        const superior = block.superior ? fieldText(block.superior) : "";
        span(start, left.col, left.cols, superior, "superior");
        span(start, right.col, right.cols, NATION[lang], "nation");
        span(start + 1, left.col, left.cols, block.unit ? fieldText(block.unit) : "", "unitName");
        span(start + 1, right.col, right.cols, MOTTO[lang], "motto");
        span(start + 3, left.col, left.cols, block.number ? say(block.number, GAP) : "", "docNo");
        span(start + 3, right.col, right.cols, dateLine(fieldText(block.place), dateOf(block.date), lang), "dateLine");
        break;
      }
      case "title":
        line(start, say(block.text), "title");
        break;
      case "subtitle":
        line(start, say(block.text), "subtitle");
        break;
      case "note": {
        const text = say(block.text);
        line(start, text, "note");
        need(start, wrappedLines(text, spanPixels(0, width)));
        break;
      }
      case "charts": {
        // Side by side, each over its share of the sheet's width; the rows are left empty for them.
        splitColumns(t.widths, block.charts.length).forEach(({ col, cols }, k) => {
          const chart = block.charts[k];
          const place = layout.tables.get(chart.table)!;
          const column = (key: string) => ({
            row: place.firstRow,
            col: place.columns.get(key)!,
            rows: place.rows,
            cols: 1,
          });
          charts.push({
            key: chart.key,
            title: say(chart.title),
            area: { row: start, col, rows: block.rows, cols },
            categories: column(chart.categories),
            series: [
              ...chart.columns.map((s) => ({ name: say(s.name), values: column(s.column), kind: "column" as const })),
              { name: say(chart.line.name), values: column(chart.line.column), kind: "line" as const },
            ],
          });
        });
        break;
      }
      case "unitLine":
        line(start, say(block.text), "unitLine");
        break;
      case "fields": {
        let row = start;
        if (block.title) line(row++, say(block.title), "section");
        for (const fieldRow of block.rows) {
          const label = say(fieldRow.label);
          put(row, 0, { text: label });
          need(row, wrappedLines(label, spanPixels(0, LABEL_SPAN)));
          merges.push({ row, col: 0, rows: 1, cols: LABEL_SPAN });
          styles.push({ area: { row, col: 0, rows: 1, cols: LABEL_SPAN }, style: "label" });
          const cell = { row, col: VALUE_COL, rows: 1, cols: fieldRow.wide ? width - VALUE_COL : 1 };
          if (fieldRow.wide) merges.push(cell);
          if (fieldRow.formula) {
            put(row, VALUE_COL, { formula: resolve(inLang(fieldRow.formula)!, layout, inputs) });
            styles.push({ area: cell, style: "computed" });
          } else if (fieldRow.text) {
            put(row, VALUE_COL, content(say(fieldRow.text, GAP)));
            styles.push({ area: cell, style: "param" });
          } else if (fieldRow.field) {
            const field = fieldOf(fieldRow.field);
            const value = inputs.fields[fieldRow.field] ?? null;
            put(
              row,
              VALUE_COL,
              field?.type === "choice" ? content(formatValue(field, value, lang)) : content(value, field),
            );
            styles.push({ area: cell, style: "param" });
          }
          if (fieldRow.format) formats.push({ area: { ...cell, cols: 1 }, format: fieldRow.format });
          if (fieldRow.name) names.push({ name: fieldRow.name, area: { ...cell, cols: 1 } });
          row += 1;
        }
        break;
      }
      case "table": {
        const place = layout.tables.get(block.key)!;
        const rows = sourceRows(inputs, block);
        const inputColumns =
          typeof block.source === "string" ? (t.tables.find((table) => table.key === block.source)?.columns ?? []) : [];
        line(start, say(block.title), "section");
        block.columns.forEach((column, col) => {
          const header = headerText(column);
          put(place.headerRow, col, { text: header });
          need(place.headerRow, wrappedLines(header, px[col], true));
        });
        styles.push({ area: { row: place.headerRow, col: 0, rows: 1, cols: block.columns.length }, style: "header" });
        const emitColumn = (column: Column, col: number) => {
          const area = { row: place.firstRow, col, rows: place.rows, cols: 1 };
          const each = inLang(column.formula);
          let resolveRow: ((row: number) => string) | undefined;
          for (let i = 0; i < place.rows; i++) {
            const row = place.firstRow + i;
            const source = rows[i];
            const formula = i === 0 && column.first !== undefined ? column.first : each;
            if (column.counter && source) put(row, col, { number: i + 1 });
            else if (column.yearFrom && source) put(row, col, { number: Number(inputs.fields[column.yearFrom]) + i });
            else if (column.otherwise && source && (source[column.input ?? ""] ?? null) === null)
              put(row, col, { formula: resolve(column.otherwise, layout, inputs, { table: block.key, row }) });
            else if (column.input && source) {
              const value = source[column.input] ?? null;
              put(
                row,
                col,
                content(
                  value,
                  inputColumns.find((c) => c.key === column.input),
                ),
              );
              // Text longer than its column wraps in it (a neighbour holds a value: no spilling).
              if (typeof value === "string") {
                const lines = wrappedLines(value, px[col]);
                if (lines > 1) {
                  need(row, lines);
                  wrapped.push({ row, col, rows: 1, cols: 1 });
                }
              }
            } else if (formula === each && each) {
              resolveRow ??= resolver(each, layout, inputs, block.key);
              put(row, col, { formula: resolveRow(row) });
            } else if (formula) put(row, col, { formula: resolve(formula, layout, inputs, { table: block.key, row }) });
          }
          if (column.format) formats.push({ area, format: column.format });
          if (column.flag !== undefined) {
            // Its total too, which follows the rows.
            const total = place.totalRow === place.firstRow + place.rows && column.total !== undefined ? 1 : 0;
            flags.push({ area: { ...area, rows: area.rows + total }, basisCol: place.columns.get(column.flag)! });
          }
          styles.push({ area, style: column.entry ? "input" : column.formula ? "computed" : "param" });
          if (column.listFrom) {
            const other = layout.tables.get(column.listFrom.table)!;
            const otherCol = other.columns.get(column.listFrom.column)!;
            lists.push({ area, source: { row: other.firstRow, col: otherCol, rows: other.rows, cols: 1 } });
          }
        };
        for (const [col, column] of block.columns.entries()) {
          emitColumn(column, col);
          yield;
        }
        const entryCols = block.columns.flatMap((column, col) => (column.entry ? [col] : []));
        if (entryCols.length > 0) {
          entries.push({
            block: block.key,
            source: block.source,
            firstRow: place.firstRow,
            rows: place.rows,
            cols: entryCols,
          });
        }
        if (block.rangeName) {
          const from = place.columns.get(block.rangeName.from)!;
          const to = place.columns.get(block.rangeName.to)!;
          names.push({
            name: block.rangeName.name,
            area: { row: place.firstRow, col: from, rows: place.rows, cols: to - from + 1 },
          });
        }
        if (place.totalRow !== undefined) {
          const totalRow = place.totalRow;
          block.columns.forEach((column, col) => {
            if (column.total === undefined) return;
            put(
              totalRow,
              col,
              typeof column.total === "string"
                ? { formula: resolve(column.total, layout, inputs, { table: block.key, row: totalRow }) }
                : { text: say(column.total) },
            );
            if (column.format) formats.push({ area: { row: totalRow, col, rows: 1, cols: 1 }, format: column.format });
          });
          styles.push({ area: { row: totalRow, col: 0, rows: 1, cols: block.columns.length }, style: "total" });
        }
        const last = place.totalRow ?? place.firstRow + place.rows - 1;
        borders.push({ row: place.headerRow, col: 0, rows: last - place.headerRow + 1, cols: block.columns.length });
        tableRows.set(start, { header: place.headerRow, last });
        break;
      }
      case "statement":
        renderStatement(block, start);
        break;
      case "clauses": {
        let row = start;
        if (block.title) line(row++, say(block.title), "section");
        for (const item of clausesShown(block.items, inputs)) {
          const text = say(item);
          line(row, text, "clause");
          heights.push({ row, points: linesHeight(wrappedLines(text, spanPixels(0, width))) });
          row += 1;
        }
        break;
      }
      case "signatures": {
        let row = start;
        if (block.dateLine) {
          const [, right] = splitColumns(t.widths, 2);
          span(
            row++,
            right.col,
            right.cols,
            dateLine(fieldText(block.dateLine.place), dateOf(block.dateLine.date), lang),
            "dateLine",
          );
        }
        const spans = splitColumns(t.widths, block.signers.length);
        const positions = block.signers.some((s) => s.position);
        // A title wider than its signer's columns wraps; Excel does not grow merged rows to fit.
        let titleLines = 1;
        block.signers.forEach((signer, k) => {
          const { col, cols } = spans[k];
          const title = say(signer.title);
          titleLines = Math.max(titleLines, wrappedLines(title, spanPixels(col, cols), true));
          let r = row;
          span(r++, col, cols, title, "signTitle");
          if (positions) span(r++, col, cols, signer.position ? fieldText(signer.position) : "", "signTitle");
          span(r++, col, cols, say(signer.note), "signNote");
          r += 4;
          span(r, col, cols, signer.name ? fieldText(signer.name) : "", "signName");
        });
        if (titleLines > 1) heights.push({ row, points: linesHeight(titleLines) });
        break;
      }
    }
  }

  function wrapLabel(row: number, text: string, bold = false, entered = false): void {
    const lines = wrappedLines(text, px[LABEL_COL], bold);
    if (lines < 2) return;
    need(row, lines);
    (entered ? wrapped : wrappedLabels).push({ row, col: LABEL_COL, rows: 1, cols: 1 });
  }

  function renderStatement(block: StatementBlock, start: number): void {
    const place = layout.tables.get(block.key)!;
    const cols = STATEMENT_FIRST + block.columns.length;
    if (block.title) line(start, say(block.title), "section");
    const header = place.headerRow;
    put(header, CODE_COL, { text: lang === "vi" ? "STT" : "No." });
    put(header, LABEL_COL, { text: lang === "vi" ? "Khoản mục" : "Item" });
    block.columns.forEach((c, k) => {
      const text = say(c.header);
      put(header, STATEMENT_FIRST + k, { text });
      need(header, wrappedLines(text, px[STATEMENT_FIRST + k], true));
    });
    styles.push({ area: { row: header, col: 0, rows: 1, cols }, style: "header" });
    block.columns.forEach((c, k) => {
      if (c.format)
        formats.push({
          area: { row: place.firstRow, col: STATEMENT_FIRST + k, rows: place.rows, cols: 1 },
          format: c.format,
        });
    });
    let row = place.firstRow;
    for (const decl of block.lines) {
      const lineStyle: Style = decl.style === "group" ? "group" : decl.style === "total" ? "total" : "computed";
      if (decl.each) {
        const { table, labelFrom, inputs: map } = decl.each;
        const entered = eachRows(inputs, table);
        const rows = Math.max(1, entered.length);
        const inputColumns = t.tables.find((x) => x.key === table)?.columns ?? [];
        styles.push({ area: { row, col: 0, rows, cols }, style: lineStyle });
        for (let i = 0; i < rows; i++) {
          const source = entered[i];
          if (source) {
            // a … z, then aa, ab … as Excel names its columns: the 27th line is no second "a".
            put(row, CODE_COL, { text: `${decl.code ?? ""}${columnName(i).toLowerCase()}` });
            const label = source[labelFrom] ?? null;
            put(row, LABEL_COL, content(label));
            if (typeof label === "string") wrapLabel(row, label, false, true);
            for (const [column, input] of Object.entries(map)) {
              const col = place.columns.get(column)!;
              put(
                row,
                col,
                content(
                  source[input] ?? null,
                  inputColumns.find((c) => c.key === input),
                ),
              );
              styles.push({ area: { row, col, rows: 1, cols: 1 }, style: "param" });
            }
          }
          for (const [column, spec] of Object.entries(decl.cells ?? {})) {
            if (typeof spec === "string") {
              put(row, place.columns.get(column)!, { formula: resolve(spec, layout, inputs, { table, row }) });
            }
          }
          row += 1;
        }
        continue;
      }
      if (decl.code) put(row, CODE_COL, { text: decl.code });
      if (decl.label) {
        put(row, LABEL_COL, { text: say(decl.label) });
        wrapLabel(row, say(decl.label), decl.style === "group" || decl.style === "total");
      }
      styles.push({ area: { row, col: 0, rows: 1, cols }, style: lineStyle });
      for (const [column, spec] of Object.entries(decl.cells ?? {})) {
        const col = place.columns.get(column)!;
        if (typeof spec === "string") {
          const current = decl.key ? { table: decl.key, row } : undefined;
          put(row, col, { formula: resolve(spec, layout, inputs, current) });
        } else if ("field" in spec) {
          put(row, col, content(inputs.fields[spec.field] ?? null, fieldOf(spec.field)));
          const field = fieldOf(spec.field);
          if (field?.type === "number" && field.percent)
            formats.push({ area: { row, col, rows: 1, cols: 1 }, format: "percent" });
          styles.push({ area: { row, col, rows: 1, cols: 1 }, style: "param" });
        } else put(row, col, { text: say(spec) });
      }
      row += 1;
    }
    borders.push({ row: header, col: 0, rows: row - header, cols });
    tableRows.set(start, { header, last: row - 1 });
  }

  for (const [row, points] of needs) heights.push({ row, points });
  for (const area of wrapped) styles.push({ area, style: "wrapped" });
  for (const area of wrappedLabels) styles.push({ area, style: "wrappedLabel" });
  const filled = new Set(cells.map((c) => c.row));
  const page = pageSetup(t, inputs, layout, heights, tableRows, room.capacity, appendixAt, filled);

  const sheetName = safeSheetName(say(t.sheetName));
  return {
    sheetName,
    rows: layout.height,
    cols: width,
    cells,
    formats,
    styles,
    merges,
    names,
    lists,
    ...(flags.length > 0 ? { flags } : {}),
    ...(charts.length > 0 ? { charts } : {}),
    widths: t.widths,
    heights,
    borders,
    ...(page.printTitles ? { printTitles: page.printTitles } : {}),
    pageBreaks: page.breaks,
    footer: FOOTER[lang],
    printArea: { row: 0, col: 0, rows: layout.height, cols: width },
    orientation: t.orientation,
    entries,
  };
}

/**
 * Where the pages of a rendered template break, by the rule of src/sheet/page-setup.ts: which
 * rows keep together, which start a page, and whether a long table's header repeats.
 */
function pageSetup(
  t: TemplateDecl,
  inputs: Inputs,
  layout: Layout,
  heights: readonly { readonly row: number; readonly points: number }[],
  tableRows: ReadonlyMap<number, { readonly header: number; readonly last: number }>,
  capacity: number,
  appendixAt: number | undefined,
  filled: ReadonlySet<number>,
): { breaks: number[]; printTitles?: { row: number; rows: number } } {
  const n = layout.height;
  const points = new Array<number>(n).fill(DEFAULT_HEIGHT_POINTS);
  for (const { row, points: p } of heights) points[row] = p;
  const rowPx = points.map(heightPixels);
  const keep = new Array<Keep>(n).fill(Keep.Free);
  const bind = (from: number, to: number, level: Keep) => {
    for (let r = Math.max(0, from); r < Math.min(to, n); r++) keep[r] = Math.max(keep[r], level);
  };
  const sum = (from: number, to: number) => rowPx.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const forced = new Set<number>();
  const long: { header: number; last: number }[] = [];
  t.blocks.forEach((block, b) => {
    const start = layout.starts[b];
    const next = b + 1 < t.blocks.length ? layout.starts[b + 1] : n;
    if (hidden(block, inputs)) return; // written nowhere: nothing to keep together
    switch (block.kind) {
      case "heading":
        bind(start, next, Keep.Strong);
        break;
      case "title":
      case "subtitle":
      case "unitLine":
        bind(start, start + 1, Keep.Strong);
        break;
      case "fields":
        // With `withNext`, through its blank row to the next block's first row (a title, which
        // keeps with its table's header in turn).
        bind(start, block.withNext ? next + 1 : next - 2, Keep.Strong);
        break;
      case "clauses":
        if (block.title) bind(start, start + 1, Keep.Strong);
        break;
      case "signatures":
        bind(start, next - 2, Keep.Strong);
        // Never signatures alone on a page: the last line above them goes with them (over the
        // blank row between, when there is one; never further, into the block before).
        bind(filled.has(start - 1) ? start - 1 : start - 2, start, Keep.Weak);
        break;
      case "table":
      case "statement": {
        const { header, last } = tableRows.get(start)!;
        if (sum(start, last) <= capacity) bind(start, last, Keep.Strong);
        else {
          // Its title and header with its first rows; its last rows (and total) together.
          bind(start, header + 3, Keep.Strong);
          bind(last - 2, last, Keep.Strong);
          long.push({ header, last });
        }
        break;
      }
      case "note":
        break;
      case "charts":
        // A chart is never cut by a page.
        bind(start, next - 1, Keep.Strong);
        break;
    }
  });
  if (appendixAt !== undefined) forced.add(layout.starts[appendixAt]);
  // The last long table repeats its header when what follows it fits on its last page.
  const titled = long.at(-1);
  const titleHeight = titled ? rowPx[titled.header] : 0;
  const repeats =
    titled !== undefined && sum(titled.last + 1, n - 1) + 4 * rowPx[titled.last] <= capacity - titleHeight;
  // Its pages are then its own to the end of the sheet: what follows stays on its last page.
  if (repeats) bind(titled.last - 2, n, Keep.Weak);
  const printTitles = repeats ? { row: titled.header, rows: 1 } : undefined;
  const room = capacityOf(capacity, printTitles && { ...printTitles, height: titleHeight });
  const starts = paginate(rowPx, room, keep, forced);
  return { breaks: starts.slice(1, 1 + MAX_MANUAL_BREAKS), ...(printTitles ? { printTitles } : {}) };
}
