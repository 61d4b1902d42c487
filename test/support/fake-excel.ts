/**
 * An in-memory Excel for the adapter's tests. Every property the adapter reads is served by an
 * office-addin-mock OfficeMockObject, so reading it before load() and context.sync() yields
 * office-addin-mock's error value instead of data, as in Excel. Writes land in the in-memory
 * workbook at once, so a write made before a check shows up. context.sync() is counted.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, string | number>;
  formats: Map<string, string>;
  names: Map<string, string>;
  merges: string[];
  lists: string[];
  looks: string[];
  printArea?: string;
  /** Excel.SheetVisibility: "Visible" unless set. */
  visibility?: string;
}

const key = (row: number, col: number) => `${row},${col}`;
const colName = (col: number) => {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly parts = new Map<string, string>();
  selection = { sheet: 0, row: 0, col: 0 };
  syncs = 0;
  private nextId = 1;
  private readonly mocks = new Set<OfficeMockObject>();

  constructor(...names: string[]) {
    for (const name of names) this.addSheet(name);
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = { id: `{S${this.nextId++}}`, name, cells: new Map(), formats: new Map(), names: new Map(), merges: [], lists: [], looks: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    return this.sheets.find((s) => s.name === name)!;
  }

  /** What a cell holds, as Excel would show its formula or value ("" when empty). */
  cell(sheet: string, address: string): string | number {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return this.sheet(sheet).cells.get(key(Number(m[2]) - 1, col)) ?? "";
  }

  /** Loadable properties, served through office-addin-mock. */
  private loadable(data: Record<string, unknown>): OfficeMockObject {
    const mock = new OfficeMockObject(data as never);
    this.mocks.add(mock);
    return mock;
  }

  private range(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): unknown {
    const addr = `${sheet.name}!${colName(col)}${row + 1}${rows * cols > 1 ? `:${colName(col + cols - 1)}${row + rows}` : ""}`;
    // Excel reads what a range holds when the batch is sent, after the writes queued before it.
    const snapshot = () => {
      const formulas = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.cells.get(key(row + r, col + c)) ?? ""));
      return this.loadable({ formulas, values: formulas, address: addr, rowIndex: row, columnIndex: col });
    };
    let state = snapshot();
    const write = (matrix: unknown[][], into: Map<string, unknown>) =>
      matrix.forEach((line, r) => line.forEach((v, c) => (v === "" || v === null ? into.delete(key(row + r, col + c)) : into.set(key(row + r, col + c), v))));
    const format = () => {
      const look = (what: string) => (value: unknown) => sheet.looks.push(`${addr} ${what}=${String(value)}`);
      const setter = (what: string) => ({ set: look(what), get: () => undefined, enumerable: true });
      const font = Object.defineProperties({}, { bold: setter("bold"), italic: setter("italic"), size: setter("size"), color: setter("color") });
      const fill = Object.defineProperties({}, { color: setter("fill") });
      return Object.defineProperties(
        { font, fill, borders: { getItem: (edge: string) => Object.defineProperties({}, { style: setter(`border${edge}`) }) } },
        {
          wrapText: setter("wrap"), verticalAlignment: setter("valign"), horizontalAlignment: setter("align"),
          columnWidth: setter("width"), rowHeight: setter("height"),
        },
      );
    };
    const self = this;
    const range = {
      load: (props: string) => {
        state = snapshot();
        state.load(props);
      },
      get formulas() { return state.formulas; },
      set formulas(matrix: unknown[][]) { write(matrix, sheet.cells as Map<string, unknown>); },
      get values() { return state.values; },
      set values(matrix: unknown[][]) { write(matrix, sheet.cells as Map<string, unknown>); },
      set numberFormat(matrix: string[][]) { write(matrix.map((l) => l.map((f) => (f === "General" ? "" : f))), sheet.formats as Map<string, unknown>); },
      get address() { return state.address; },
      get rowIndex() { return state.rowIndex; },
      get columnIndex() { return state.columnIndex; },
      get worksheet() { return self.worksheet(sheet); },
      get format() { return format(); },
      dataValidation: Object.defineProperties({ clear: () => (sheet.lists = sheet.lists.filter((l) => !l.startsWith(addr))) }, {
        rule: { set: (rule: { list: { source: string } }) => sheet.lists.push(`${addr} ${rule.list.source}`), enumerable: true },
      }),
      merge: () => sheet.merges.push(addr),
      unmerge: () => (sheet.merges = []),
      clear: () => {
        for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) {
          sheet.cells.delete(key(r, c));
          sheet.formats.delete(key(r, c));
        }
      },
      getCell: (r: number, c: number) => this.range(sheet, row + r, col + c, 1, 1),
      getResizedRange: (dr: number, dc: number) => this.range(sheet, row, col, rows + dr, cols + dc),
      _area: { sheet, addr },
    };
    return range;
  }

  private worksheet(sheet: FakeSheet): unknown {
    const snapshot = () => this.loadable({ id: sheet.id, name: sheet.name, isNullObject: false });
    let state = snapshot();
    return this.withStateSheetSupport(sheet, {
      // Excel sets isNullObject on every sync of a loaded object; it is never loaded by name.
      load: (props: string) => {
        state = snapshot();
        state.load(`${props},isNullObject`);
      },
      get id() { return state.id; },
      get name() { return state.name; },
      set name(value: string) { sheet.name = value; },
      get isNullObject() { return state.isNullObject; },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.range(sheet, r, c, rows, cols),
      getUsedRange: () => {
        const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
        const rows = Math.max(...cells.map(([r]) => r)) + 1;
        const cols = Math.max(...cells.map(([, c]) => c)) + 1;
        return this.range(sheet, 0, 0, rows, cols);
      },
      names: this.namedItems(sheet),
      pageLayout: {
        setPrintArea: (range: { _area: { addr: string } }) => (sheet.printArea = range._area.addr),
        set orientation(_: unknown) { /* recorded by print area */ },
        set zoom(_: unknown) { /* idem */ },
      },
      activate: () => undefined,
      copy: () => {
        const copy = this.addSheet(`${sheet.name} (2)`);
        sheet.cells.forEach((v, k) => copy.cells.set(k, v));
        sheet.formats.forEach((v, k) => copy.formats.set(k, v));
        return this.worksheet(copy);
      },
    });
  }

  // ---- What the state sheet needs (issue 13): visibility, getUsedRangeOrNullObject, getRange(A1). ----

  /** Adds to a fake worksheet what the state store uses, as Excel documents it. */
  private withStateSheetSupport(sheet: FakeSheet, worksheet: object): unknown {
    return Object.defineProperties(worksheet, {
      visibility: {
        set: (value: string) => (sheet.visibility = value),
        get: () => sheet.visibility ?? "Visible",
        enumerable: true,
      },
      // The smallest range holding every value (valuesOnly); a null object on an empty sheet.
      getUsedRangeOrNullObject: { value: () => this.usedRangeOrNull(sheet, () => true) },
      getRange: {
        value: (a1: string) => {
          const column = /^([A-Z]+):\1$/.exec(a1);
          if (column) {
            const col = this.colIndex(column[1]);
            return { getUsedRangeOrNullObject: () => this.usedRangeOrNull(sheet, (c) => c === col) };
          }
          const [from, to = from] = a1.split(":").map((ref) => {
            const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
            return { row: Number(m[2]) - 1, col: this.colIndex(m[1]) };
          });
          return this.range(sheet, from.row, from.col, to.row - from.row + 1, to.col - from.col + 1);
        },
      },
    });
  }

  private colIndex(letters: string): number {
    return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  }

  /** The used range of the sheet's columns that `inColumn` accepts, with rowCount and columnCount. */
  private usedRangeOrNull(sheet: FakeSheet, inColumn: (col: number) => boolean): unknown {
    const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number)).filter(([, c]) => inColumn(c));
    if (cells.length === 0) {
      const state = this.loadable({ isNullObject: true });
      return { load: (p: string) => state.load(`${p},isNullObject`), get isNullObject() { return state.isNullObject; } };
    }
    const top = Math.min(...cells.map(([r]) => r));
    const left = Math.min(...cells.map(([, c]) => c));
    const rowCount = Math.max(...cells.map(([r]) => r)) - top + 1;
    const columnCount = Math.max(...cells.map(([, c]) => c)) - left + 1;
    const range = this.range(sheet, top, left, rowCount, columnCount) as { load: (props: string) => void };
    const load = range.load;
    // rowCount and columnCount are fixed at creation here; the other properties load as usual.
    return Object.defineProperties(range, {
      load: { value: (props: string) => load(props.split(",").filter((p) => p !== "rowCount" && p !== "columnCount").join(",")) },
      rowCount: { get: () => rowCount },
      columnCount: { get: () => columnCount },
      isNullObject: { get: () => false },
    });
  }

  /** A sheet's row as Excel would return its values ("" for an empty cell), `width` cells wide. */
  rowValues(sheet: string, row: number, width: number): (string | number)[] {
    const cells = this.sheet(sheet).cells;
    return Array.from({ length: width }, (_, c) => cells.get(key(row, c)) ?? "");
  }

  private namedItems(sheet: FakeSheet): unknown {
    let loaded = false;
    return {
      load: () => (loaded = true),
      get items() {
        if (!loaded) throw new Error("names not loaded");
        return [...sheet.names.keys()].map((name) => ({ name, delete: () => sheet.names.delete(name) }));
      },
      add: (name: string, range: { _area: { addr: string } }) => {
        if (sheet.names.has(name)) throw new Error(`name ${name} exists`);
        sheet.names.set(name, range._area.addr);
      },
    };
  }

  /** The Excel.RequestContext the adapter's batch receives. */
  context(): Excel.RequestContext {
    let sheetsLoaded = false;
    let partsLoaded = false;
    const worksheets = {
      load: () => (sheetsLoaded = true),
      get items() {
        if (!sheetsLoaded) throw new Error("worksheets not loaded");
        return self.sheets.map((s) => ({ id: s.id, name: s.name }));
      },
      add: (name: string) => {
        if (self.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
        return self.worksheet(self.addSheet(name));
      },
      getItem: (id: string) => self.worksheet(self.sheets.find((s) => s.id === id || s.name === id)!),
      getActiveWorksheet: () => self.worksheet(self.sheets[self.selection.sheet]),
      getItemOrNullObject: (id: string) => {
        // Excel finds a sheet by id or by name.
        const sheet = self.sheets.find((s) => s.id === id || s.name === id);
        if (sheet) return self.worksheet(sheet);
        const state = self.loadable({ isNullObject: true, name: "", id: "" });
        return { load: (p: string) => state.load(`${p},isNullObject`), get isNullObject() { return state.isNullObject; } };
      },
    };
    const self = this;
    const workbook = {
      worksheets,
      getSelectedRange: () => this.range(this.sheets[this.selection.sheet], this.selection.row, this.selection.col, 1, 1),
      customXmlParts: {
        add: (xml: string) => this.parts.set(`part-${this.parts.size + 1}-${Date.now()}`, xml),
        getItem: (id: string) => ({ delete: () => this.parts.delete(id) }),
        getByNamespace: () => ({
          load: () => (partsLoaded = true),
          get items() {
            if (!partsLoaded) throw new Error("parts not loaded");
            return [...self.parts.entries()].map(([id, xml]) => {
              const state = self.loadable({ value: xml });
              // A ClientResult: readable after the next sync, without load().
              return { id, getXml: () => (state.load("value"), { get value() { return state.value; } }) };
            });
          },
        }),
      },
    };
    return {
      workbook,
      sync: async () => {
        this.syncs += 1;
        for (const mock of this.mocks) await mock.sync();
      },
    } as unknown as Excel.RequestContext;
  }

  /** Excel.run over this workbook. */
  readonly run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context());
}

/** The parts of the Excel namespace the adapter reads at run time (enums). */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = {
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    ClearApplyTo: { all: "All", contents: "Contents" },
    WorksheetPositionType: { end: "End" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
}
