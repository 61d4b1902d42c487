/**
 * The one renderer: a template declaration and a user's inputs become a CellPlan. Pure: the
 * same inputs give the same plan, byte for byte, on every machine.
 */
import type { Area, CellContent, CellPlan, EntryArea, PlanCell } from "./cell-plan";
import { address, safeSheetName } from "./cell-plan";
import type { Block, Column, Field, Format, Inputs, Lang, Style, TemplateDecl, Text, Value } from "./model";
import { excelSerial, formatValue, isIsoDate } from "./values";

interface TablePlace {
  readonly firstRow: number;
  readonly rows: number;
  readonly headerRow: number;
  readonly totalRow?: number;
  readonly columns: ReadonlyMap<string, number>;
}

interface Layout {
  readonly starts: readonly number[];
  readonly fieldCells: ReadonlyMap<string, { row: number; col: number; name?: string }>;
  readonly tables: ReadonlyMap<string, TablePlace>;
  readonly height: number;
}

const VALUE_COL = 2;
const LABEL_SPAN = 2;

function sourceRows(inputs: Inputs, block: Extract<Block, { kind: "table" }>) {
  return inputs.tables[block.source] ?? [];
}

/** Data rows of a table block: the rows entered, and at least one so that ranges stay valid. */
function dataRowCount(inputs: Inputs, block: Extract<Block, { kind: "table" }>): number {
  return Math.max(1, sourceRows(inputs, block).length);
}

function lay(t: TemplateDecl, inputs: Inputs): Layout {
  const starts: number[] = [];
  const fieldCells = new Map<string, { row: number; col: number; name?: string }>();
  const tables = new Map<string, TablePlace>();
  let row = 0;
  for (const block of t.blocks) {
    starts.push(row);
    switch (block.kind) {
      case "title":
      case "subtitle":
      case "note":
        row += 1;
        break;
      case "fields": {
        if (block.title) row += 1;
        for (const fieldRow of block.rows) {
          const key = fieldRow.field ?? fieldRow.name;
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
        });
        row = headerRow + 1 + rows + (hasTotal ? 1 : 0) + 1;
        break;
      }
      case "clauses":
        row += 1 + block.items.length + 1;
        break;
    }
  }
  return { starts, fieldCells, tables, height: row };
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?::(all|total))?\}/g;

/** Resolves a formula template's placeholders to A1 references. */
function resolve(formula: string, layout: Layout, current?: { table: string; row: number }): string {
  return formula.replace(PLACEHOLDER, (whole, first: string, second: string | undefined, part: string | undefined) => {
    const tableKey = second ? first : current?.table;
    const column = second ?? first;
    const table = tableKey ? layout.tables.get(tableKey) : undefined;
    const col = table?.columns.get(column);
    if (table && col !== undefined && (second || current)) {
      if (part === "all") return address({ row: table.firstRow, col, rows: table.rows, cols: 1 }, undefined, true);
      if (part === "total" && table.totalRow !== undefined)
        return address({ row: table.totalRow, col, rows: 1, cols: 1 }, undefined, true);
      if (!part && current && !second) return address({ row: current.row, col, rows: 1, cols: 1 });
      if (!part && current && second) {
        const own = layout.tables.get(current.table)!;
        return address({ row: table.firstRow + (current.row - own.firstRow), col, rows: 1, cols: 1 });
      }
    }
    const field = layout.fieldCells.get(first);
    if (field && !second && !part) return field.name ?? address({ ...field, rows: 1, cols: 1 }, undefined, true);
    throw new Error(`template formula ${formula}: unknown placeholder ${whole}`);
  });
}

/** Text of a declaration with {field} placeholders filled from the inputs. */
export function interpolate(text: Text, fields: readonly Field[], inputs: Inputs, lang: Lang): string {
  return text[lang].replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new Error(`template text: unknown field ${whole}`);
    return formatValue(field, inputs.fields[key] ?? null, lang);
  });
}

/** A value as cell content: dates become Excel date serials, so they sort and compute. */
function content(value: Value, field?: Field): CellContent | undefined {
  if (value === null || value === "") return undefined;
  if (field?.type === "date" && typeof value === "string" && isIsoDate(value)) return { number: excelSerial(value) };
  return typeof value === "number" ? { number: value } : { text: value };
}

export function renderTemplate(t: TemplateDecl, inputs: Inputs, lang: Lang): CellPlan {
  const layout = lay(t, inputs);
  const width = t.widths.length;
  const cells: PlanCell[] = [];
  const formats: { area: Area; format: Format }[] = [];
  const styles: { area: Area; style: Style }[] = [];
  const merges: Area[] = [];
  const names: { name: string; area: Area }[] = [];
  const lists: { area: Area; source: Area }[] = [];
  const heights: { row: number; points: number }[] = [];
  const entries: EntryArea[] = [];
  // Excel does not fit merged rows to their text, so wrapped lines get a height from their length.
  const charsPerLine = t.widths.reduce((s, w) => s + w, 0) * 1.1;
  const put = (row: number, col: number, c: CellContent | undefined) => {
    if (c) cells.push({ row, col, content: c });
  };
  const line = (row: number, text: string, style: Style) => {
    put(row, 0, { text });
    const area = { row, col: 0, rows: 1, cols: width };
    merges.push(area);
    styles.push({ area, style });
  };
  const say = (text: Text) => interpolate(text, t.fields, inputs, lang);
  const fieldOf = (key: string) => t.fields.find((f) => f.key === key);

  t.blocks.forEach((block, b) => {
    const start = layout.starts[b];
    switch (block.kind) {
      case "title":
        line(start, say(block.text), "title");
        break;
      case "subtitle":
        line(start, say(block.text), "subtitle");
        break;
      case "note":
        line(start, say(block.text), "note");
        break;
      case "fields": {
        let row = start;
        if (block.title) line(row++, say(block.title), "section");
        for (const fieldRow of block.rows) {
          put(row, 0, { text: say(fieldRow.label) });
          merges.push({ row, col: 0, rows: 1, cols: LABEL_SPAN });
          styles.push({ area: { row, col: 0, rows: 1, cols: LABEL_SPAN }, style: "label" });
          const cell = { row, col: VALUE_COL, rows: 1, cols: 1 };
          if (fieldRow.formula) {
            put(row, VALUE_COL, { formula: resolve(fieldRow.formula, layout) });
            styles.push({ area: cell, style: "computed" });
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
          if (fieldRow.format) formats.push({ area: cell, format: fieldRow.format });
          if (fieldRow.name) names.push({ name: fieldRow.name, area: cell });
          row += 1;
        }
        break;
      }
      case "table": {
        const place = layout.tables.get(block.key)!;
        const rows = sourceRows(inputs, block);
        const inputColumns = t.tables.find((table) => table.key === block.source)?.columns ?? [];
        line(start, say(block.title), "section");
        block.columns.forEach((column, col) => put(place.headerRow, col, { text: say(column.header) }));
        styles.push({ area: { row: place.headerRow, col: 0, rows: 1, cols: block.columns.length }, style: "header" });
        const emitColumn = (column: Column, col: number) => {
          const area = { row: place.firstRow, col, rows: place.rows, cols: 1 };
          for (let i = 0; i < place.rows; i++) {
            const row = place.firstRow + i;
            const source = rows[i];
            if (column.counter && source) put(row, col, { number: i + 1 });
            else if (column.input && source) {
              put(
                row,
                col,
                content(
                  source[column.input] ?? null,
                  inputColumns.find((c) => c.key === column.input),
                ),
              );
            } else if (column.formula)
              put(row, col, { formula: resolve(column.formula, layout, { table: block.key, row }) });
          }
          if (column.format) formats.push({ area, format: column.format });
          styles.push({ area, style: column.entry ? "input" : column.formula ? "computed" : "param" });
          if (column.listFrom) {
            const other = layout.tables.get(column.listFrom.table)!;
            const otherCol = other.columns.get(column.listFrom.column)!;
            lists.push({ area, source: { row: other.firstRow, col: otherCol, rows: other.rows, cols: 1 } });
          }
        };
        block.columns.forEach((column, col) => emitColumn(column, col));
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
                ? { formula: resolve(column.total, layout, { table: block.key, row: totalRow }) }
                : { text: say(column.total) },
            );
            if (column.format) formats.push({ area: { row: totalRow, col, rows: 1, cols: 1 }, format: column.format });
          });
          styles.push({ area: { row: totalRow, col: 0, rows: 1, cols: block.columns.length }, style: "total" });
        }
        break;
      }
      case "clauses": {
        line(start, say(block.title), "section");
        block.items.forEach((item, k) => {
          const text = say(item);
          line(start + 1 + k, text, "clause");
          heights.push({ row: start + 1 + k, points: 15 * Math.max(1, Math.ceil(text.length / charsPerLine)) });
        });
        break;
      }
    }
  });

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
    widths: t.widths,
    heights,
    printArea: { row: 0, col: 0, rows: layout.height, cols: width },
    orientation: t.orientation,
    entries,
  };
}
