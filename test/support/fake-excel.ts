/**
 * An in-memory Excel for the adapter's tests. Every property the adapter reads is served by an
 * office-addin-mock OfficeMockObject, so reading it before load() and context.sync() yields
 * office-addin-mock's error value instead of data, as in Excel. Writes land in the in-memory
 * workbook at once, so a write made before a check shows up. context.sync() is counted, and the
 * size of what each sync sends is measured; over 5 MB it fails as Excel on the web does.
 *
 * Cells behave as Excel documents for strings written through Range.values or Range.formulas:
 * a leading = + - or @ makes a formula; TRUE/FALSE become booleans; #N/A and the other error
 * literals become errors; numbers with signs, separators, currency or %, fractions, times and
 * dates become numbers. A leading apostrophe (Excel's quote prefix) or the text number format
 * "@" keeps the string as text; the apostrophe is not part of the stored text. The fake does not
 * calculate: a formula's value reads as the `result` a test gives it, or 0.
 */
import { OfficeMockObject } from "office-addin-mock";

export type Stored = string | number | boolean;

export interface FakeCell {
  /** The formula (starting with =) of a formula cell. */
  readonly formula?: string;
  /** What the cell holds: text, number, boolean, an error literal, or a formula's result. */
  readonly value: Stored;
  readonly kind: "text" | "number" | "boolean" | "error" | "formula";
  /** Written behind Excel's quote prefix. */
  readonly quoted?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  formats: Map<string, string>;
  names: Map<string, string>;
  merges: string[];
  lists: string[];
  /** Conditional formats: "Sheet!K17:K30 =AND(…) font=#… fill=#…". */
  conditionals: string[];
  charts: FakeChart[];
  looks: string[];
  printArea?: string;
  /** The rows Excel repeats at the top of each printed page. */
  printTitles?: string;
  /** Excel.PaperType set by the adapter ("A4"). */
  paperSize?: string;
  /** Manual page breaks: the cells each was added before. */
  pageBreaks: string[];
  /** The centre footer of every page. */
  footer?: string;
  /** Excel.SheetVisibility: "Visible" unless set. */
  visibility?: string;
}

/** Excel on the web refuses a request larger than this (RequestPayloadSizeLimitExceeded). */
export const REQUEST_LIMIT = 5 * 1024 * 1024;

const key = (row: number, col: number) => `${row},${col}`;
const colName = (col: number) => {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};
const colIndex = (name: string) => [...name].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const ERRORS = new Set([
  "#N/A",
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The number Excel makes of a string, or undefined when it keeps the string as text. */
function excelNumber(text: string): number | undefined {
  const s = text.trim();
  let m = /^\(?([+-]?)\s*[$€£¥₫]?\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(e[+-]?\d+)?\s*(%?)\s*[$€£¥₫]?\)?$/i.exec(s);
  if (m && /\d/.test(s)) {
    const n = Number(`${m[3].replace(/,/g, "")}${m[4] ?? ""}${m[5] ?? ""}` || "0");
    const sign = (m[1] === "-") !== (m[2] === "-") || s.startsWith("(") ? -1 : 1;
    return (sign * n) / (m[6] ? 100 : 1);
  }
  if ((m = /^([+-]?)(\d+)\s+(\d+)\/(\d+)$/.exec(s)))
    return (m[1] === "-" ? -1 : 1) * (Number(m[2]) + Number(m[3]) / Number(m[4]));
  if ((m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*([ap]m?)?$/i.exec(s))) {
    const hours =
      (Number(m[1]) % 12) + (m[4]?.toLowerCase().startsWith("p") ? 12 : m[4] ? 0 : Number(m[1]) >= 12 ? 12 : 0);
    return (hours * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
  }
  if ((m = /^(\d{1,4})[/\-.](\d{1,2})(?:[/\-.](\d{1,4}))?$/.exec(s))) {
    // A date (day/month of this year when the year is missing); its serial from 1899-12-30.
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 2026 : Number(m[3])];
    const [y, mo, d] = a > 31 ? [a, b, c] : [c < 100 ? 2000 + c : c, a, b];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
      return Math.round((Date.UTC(y, mo - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
    return undefined;
  }
  if (
    (m = /^(?:(\d{1,2})[\s\-/]+)?([a-z]{3})[a-z]*(?:[\s\-/,]+(\d{1,4}))?$/i.exec(s)) &&
    MONTHS.includes(m[2].toLowerCase()) &&
    (m[1] || m[3])
  ) {
    return Math.round(
      (Date.UTC(2026, MONTHS.indexOf(m[2].toLowerCase()), Number(m[1] ?? 1)) - Date.UTC(1899, 11, 30)) / 86_400_000,
    );
  }
  return undefined;
}

/** What Excel stores for a value written through Range.values or Range.formulas. */
export function excelEntry(written: unknown, numberFormat: string | undefined): FakeCell | undefined {
  if (written === "" || written === null || written === undefined) return undefined;
  if (typeof written === "number") return { value: written, kind: "number" };
  if (typeof written === "boolean") return { value: written, kind: "boolean" };
  const s = String(written);
  if (numberFormat === "@") return { value: s, kind: "text" };
  if (s.startsWith("'")) return { value: s.slice(1), kind: "text", quoted: true };
  if (s.startsWith("=")) return { formula: s, value: 0, kind: "formula" };
  const n = excelNumber(s);
  if (n !== undefined) return { value: n, kind: "number" };
  if (/^[+\-@]/.test(s)) return { formula: `=${s.startsWith("@") ? s.slice(1) : s}`, value: 0, kind: "formula" };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toUpperCase() === "TRUE", kind: "boolean" };
  if (ERRORS.has(s.trim().toUpperCase())) return { value: s.trim().toUpperCase(), kind: "error" };
  return { value: s, kind: "text" };
}

/** A1 references on the same sheet (not after a ! or inside a string) moved down by `count` from row `at` (0-based). */
function shiftReferences(formula: string, at: number, count: number): string {
  return formula.replace(
    /"(?:[^"]|"")*"|(?<![A-Za-z0-9_.$!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (whole, ca, c, ra, r) => (c === undefined || Number(r) - 1 < at ? whole : `${ca}${c}${ra}${Number(r) + count}`),
  );
}

/** An address "Sheet!A1:B2" on `sheet` moved down by `count` rows from row `at` (0-based); others unchanged. */
function shiftAddress(address: string, sheet: string, at: number, count: number): string {
  const bang = address.lastIndexOf("!");
  if (address.slice(0, bang).replace(/^'|'$/g, "") !== sheet) return address;
  return address.slice(0, bang + 1) + shiftReferences(address.slice(bang + 1), at, count);
}

/** A chart as the adapter built it: its type, title, series (their ranges' addresses) and corners. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  legend: string;
  series: { name: string; values: string; x?: string; type?: string; axis?: string }[];
  from?: string;
  to?: string;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly parts = new Map<string, string>();
  /** The sheet last activated. */
  active = "";
  /** Workbook-scoped defined names: name → "Sheet!A1:B2". */
  readonly names = new Map<string, string>();
  selection = { sheet: 0, row: 0, col: 0 };
  syncs = 0;
  /** The size of what each sync sent, in characters of the JSON of the queued values. */
  readonly requests: number[] = [];
  private queued = 0;
  private nextId = 1;
  private nextPart = 1;
  private readonly mocks = new Set<OfficeMockObject>();

  constructor(...names: string[]) {
    for (const name of names) this.addSheet(name);
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{S${this.nextId++}}`,
      name,
      cells: new Map(),
      formats: new Map(),
      names: new Map(),
      merges: [],
      lists: [],
      conditionals: [],
      charts: [],
      looks: [],
      pageBreaks: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    return this.sheets.find((s) => s.name === name)!;
  }

  private at(sheet: string, address: string): { s: FakeSheet; k: string } {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return { s: this.sheet(sheet), k: key(Number(m[2]) - 1, colIndex(m[1])) };
  }

  /** What a cell shows in the formula bar: its formula, or its value ("" when empty). */
  cell(sheet: string, address: string): Stored {
    const { s, k } = this.at(sheet, address);
    const cell = s.cells.get(k);
    return cell ? (cell.formula ?? cell.value) : "";
  }

  /** What a cell holds, with its kind. */
  stored(sheet: string, address: string): FakeCell | undefined {
    const { s, k } = this.at(sheet, address);
    return s.cells.get(k);
  }

  /** A person types `text` into a cell: Excel converts it as it converts a written value. */
  type(sheet: string, address: string, text: string): void {
    const { s, k } = this.at(sheet, address);
    const entry = excelEntry(text, s.formats.get(k));
    if (entry) s.cells.set(k, entry);
    else s.cells.delete(k);
  }

  /** A person inserts `count` whole rows above row `at` (0-based) of a sheet. */
  insertRows(sheetName: string, at: number, count: number): void {
    const sheet = this.sheet(sheetName);
    const move = <T>(map: Map<string, T>, edit: (v: T) => T = (v) => v) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(",").map(Number);
        map.set(key(r >= at ? r + count : r, c), edit(v));
      }
    };
    move(sheet.cells, (cell) => (cell.formula ? { ...cell, formula: shiftReferences(cell.formula, at, count) } : cell));
    move(sheet.formats);
    const shift = (a: string) => shiftAddress(a, sheet.name, at, count);
    for (const names of [this.names, ...this.sheets.map((s) => s.names)])
      for (const [n, a] of names) names.set(n, shift(a));
    sheet.merges = sheet.merges.map(shift);
    sheet.lists = sheet.lists.map((l) => {
      const space = l.lastIndexOf(" ");
      return `${shift(l.slice(0, space))} ${shiftReferences(l.slice(space + 1), at, count)}`;
    });
    if (sheet.printArea) sheet.printArea = shift(sheet.printArea);
  }

  /** Loadable properties, served through office-addin-mock. */
  private loadable(data: Record<string, unknown>): OfficeMockObject {
    const mock = new OfficeMockObject(data as never);
    this.mocks.add(mock);
    return mock;
  }

  private queue(what: unknown): void {
    this.queued += JSON.stringify(what).length;
  }

  private responding = 0;
  /** The size of what each sync brought back. */
  readonly responses: number[] = [];

  respond(what: unknown): void {
    this.responding += JSON.stringify(what).length;
  }

  private rangeOf(address: string): unknown {
    const bang = address.lastIndexOf("!");
    const sheet = this.sheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.slice(bang + 1))!;
    const [r0, c0] = [Number(m[2]) - 1, colIndex(m[1])];
    const [r1, c1] = m[3] ? [Number(m[4]) - 1, colIndex(m[3])] : [r0, c0];
    return this.range(sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }

  private range(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): unknown {
    const addr = `${sheet.name}!${colName(col)}${row + 1}${rows * cols > 1 ? `:${colName(col + cols - 1)}${row + rows}` : ""}`;
    // Excel reads what a range holds when the batch is sent, after the writes queued before it.
    const snapshot = () => {
      const grid = <T>(f: (cell: FakeCell | undefined) => T) =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => f(sheet.cells.get(key(row + r, col + c)))),
        );
      return this.loadable({
        formulas: grid((cell) => (cell ? (cell.formula ?? cell.value) : "")),
        values: grid((cell) => (cell ? cell.value : "")),
        numberFormat: Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => sheet.formats.get(key(row + r, col + c)) ?? "General"),
        ),
        address: addr,
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        worksheet: { id: sheet.id, name: sheet.name },
      });
    };
    // Built when first needed: a range only written to never pays for reading its cells.
    let loaded: OfficeMockObject | undefined;
    const state = new Proxy({}, { get: (_, p: string) => (loaded ??= snapshot())[p] }) as {
      formulas: unknown[][];
      values: unknown[][];
      numberFormat: string[][];
      address: string;
      rowIndex: number;
      columnIndex: number;
      rowCount: number;
      columnCount: number;
    };
    const write = (matrix: unknown[][]) => {
      this.queue(matrix);
      matrix.forEach((line, r) =>
        line.forEach((v, c) => {
          // null leaves the cell as it is; "" clears it (Microsoft: "Blank and null values").
          if (v === null) return;
          const k = key(row + r, col + c);
          const entry = excelEntry(v, sheet.formats.get(k));
          if (entry) sheet.cells.set(k, entry);
          else sheet.cells.delete(k);
        }),
      );
    };
    const format = () => {
      const look = (what: string) => (value: unknown) => {
        this.queue(value);
        sheet.looks.push(`${addr} ${what}=${String(value)}`);
      };
      const setter = (what: string) => ({ set: look(what), get: () => undefined, enumerable: true });
      const font = Object.defineProperties(
        {},
        {
          bold: setter("bold"),
          italic: setter("italic"),
          underline: setter("underline"),
          size: setter("size"),
          color: setter("color"),
        },
      );
      const fill = Object.defineProperties({}, { color: setter("fill") });
      return Object.defineProperties(
        {
          font,
          fill,
          borders: {
            getItem: (edge: string) =>
              Object.defineProperties({}, { style: setter(`border${edge}`), weight: setter(`weight${edge}`) }),
          },
        },
        {
          wrapText: setter("wrap"),
          verticalAlignment: setter("valign"),
          horizontalAlignment: setter("align"),
          columnWidth: setter("width"),
          rowHeight: setter("height"),
        },
      );
    };
    const self = this;
    const inside = (k: string) => {
      const [r, c] = k.split(",").map(Number);
      return r >= row && r < row + rows && c >= col && c < col + cols;
    };
    const range = {
      load: (props: string) => {
        loaded = snapshot();
        loaded.load(props);
        // What Excel sends back counts against the same 5 MB.
        for (const p of props.split(",")) if (p === "formulas" || p === "values") self.respond(loaded[p]);
      },
      get formulas() {
        return state.formulas;
      },
      set formulas(matrix: unknown[][]) {
        write(matrix);
      },
      get values() {
        return state.values;
      },
      set values(matrix: unknown[][]) {
        write(matrix);
      },
      get numberFormat() {
        return state.numberFormat;
      },
      set numberFormat(matrix: string[][]) {
        self.queue(matrix);
        matrix.forEach((l, r) =>
          l.forEach((f, c) => {
            if (f === null) return;
            if (f === "General" || f === "") sheet.formats.delete(key(row + r, col + c));
            else sheet.formats.set(key(row + r, col + c), f);
          }),
        );
      },
      get address() {
        return state.address;
      },
      get rowIndex() {
        return state.rowIndex;
      },
      get columnIndex() {
        return state.columnIndex;
      },
      get rowCount() {
        return state.rowCount;
      },
      get columnCount() {
        return state.columnCount;
      },
      get worksheet() {
        return self.worksheet(sheet);
      },
      get format() {
        return format();
      },
      dataValidation: Object.defineProperties(
        { clear: () => (sheet.lists = sheet.lists.filter((l) => !l.startsWith(addr))) },
        {
          rule: {
            set: (rule: { list: { source: string } }) => sheet.lists.push(`${addr} ${rule.list.source}`),
            enumerable: true,
          },
        },
      ),
      // Range.conditionalFormats (ExcelApi 1.6): each custom rule recorded with its formula and look.
      conditionalFormats: {
        clearAll: () => (sheet.conditionals = sheet.conditionals.filter((c) => !c.startsWith(`${addr} `))),
        add: (type: string) => {
          if (type !== "Custom") throw new Error(`the fake adds custom rules only, not ${type}`);
          const rule = { formula: "", font: "", fill: "" };
          sheet.conditionals.push(rule as unknown as string);
          const at = sheet.conditionals.length - 1;
          const record = () => (sheet.conditionals[at] = `${addr} ${rule.formula} font=${rule.font} fill=${rule.fill}`);
          record();
          return {
            custom: {
              rule: Object.defineProperty({}, "formula", { set: (f: string) => ((rule.formula = f), record()) }),
              format: {
                font: Object.defineProperty({}, "color", { set: (c: string) => ((rule.font = c), record()) }),
                fill: Object.defineProperty({}, "color", { set: (c: string) => ((rule.fill = c), record()) }),
              },
            },
          };
        },
      },
      merge: () => sheet.merges.push(addr),
      unmerge: () => (sheet.merges = sheet.merges.filter((m) => !inside(this.topLeft(m)))),
      clear: (applyTo = "All") => {
        if (applyTo !== "Formats") for (const k of [...sheet.cells.keys()]) if (inside(k)) sheet.cells.delete(k);
        if (applyTo !== "Contents") for (const k of [...sheet.formats.keys()]) if (inside(k)) sheet.formats.delete(k);
      },
      /** Range.copyFrom: with "Values", each cell gets the source's value as a constant, kept as the type it is. */
      copyFrom: (
        source: { _area: { sheet: FakeSheet; row: number; col: number; rows: number; cols: number } },
        type: string,
      ) => {
        if (type !== "Values") throw new Error(`the fake copies values only, not ${type}`);
        const from = source._area;
        const copies: [string, FakeCell][] = [];
        for (let r = 0; r < from.rows; r++)
          for (let c = 0; c < from.cols; c++) {
            const cell = from.sheet.cells.get(key(from.row + r, from.col + c));
            if (cell)
              copies.push([
                key(row + r, col + c),
                cell.kind === "formula" ? valueCell(cell.value) : { value: cell.value, kind: cell.kind },
              ]);
          }
        for (let r = 0; r < from.rows; r++)
          for (let c = 0; c < from.cols; c++) sheet.cells.delete(key(row + r, col + c));
        for (const [k, cell] of copies) sheet.cells.set(k, cell);
      },
      /** Range.insert("Down") on whole rows: the fake inserts entire rows, as a person does. */
      insert: (shift: string) => {
        if (shift !== "Down") throw new Error(`the fake inserts rows only, not ${shift}`);
        self.insertRows(sheet.name, row, rows);
        return self.range(sheet, row, col, rows, cols);
      },
      getCell: (r: number, c: number) => this.range(sheet, row + r, col + c, 1, 1),
      getResizedRange: (dr: number, dc: number) => this.range(sheet, row, col, rows + dr, cols + dc),
      getOffsetRange: (dr: number, dc: number) => this.range(sheet, row + dr, col + dc, rows, cols),
      get isNullObject() {
        return false;
      },
      _area: { sheet, addr, row, col, rows, cols },
    };
    return range;
  }

  private topLeft(address: string): string {
    const m = /!\$?([A-Z]+)\$?(\d+)/.exec(address)!;
    return key(Number(m[2]) - 1, colIndex(m[1]));
  }

  private worksheet(sheet: FakeSheet): unknown {
    const sheets = this.sheets;
    const snapshot = () => this.loadable({ id: sheet.id, name: sheet.name, isNullObject: false });
    let state = snapshot();
    return this.withStateSheetSupport(sheet, {
      // Excel sets isNullObject on every sync of a loaded object; it is never loaded by name.
      load: (props: string) => {
        state = snapshot();
        state.load(`${props},isNullObject`);
      },
      get id() {
        return state.id;
      },
      get name() {
        return state.name;
      },
      set name(value: string) {
        sheet.name = value;
      },
      get isNullObject() {
        return state.isNullObject;
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.range(sheet, r, c, rows, cols),
      getUsedRange: () => {
        const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
        const rows = Math.max(...cells.map(([r]) => r)) + 1;
        const cols = Math.max(...cells.map(([, c]) => c)) + 1;
        return this.range(sheet, 0, 0, rows, cols);
      },
      names: this.namedItems(sheet.names, sheet),
      pageLayout: {
        setPrintArea: (range: { _area: { addr: string } }) => (sheet.printArea = range._area.addr),
        setPrintTitleRows: (range: { _area: { addr: string } }) => (sheet.printTitles = range._area.addr),
        set orientation(_: unknown) {
          /* recorded by print area */
        },
        set zoom(_: unknown) {
          /* idem */
        },
        set paperSize(size: string) {
          sheet.paperSize = size;
        },
        headersFooters: {
          defaultForAllPages: {
            set centerFooter(text: string) {
              sheet.footer = text;
            },
          },
        },
      },
      horizontalPageBreaks: {
        add: (range: { _area: { addr: string } }) => sheet.pageBreaks.push(range._area.addr),
        removePageBreaks: () => sheet.pageBreaks.splice(0),
      },
      activate: () => (this.active = sheet.name),
      // Worksheet.charts: a chart made from a one-column range has that column as its one series.
      charts: {
        add: (type: string, source: { _area: { addr: string } }, by: string) => {
          if (by !== "Columns") throw new Error(`the fake makes series by columns only, not ${by}`);
          const chart: FakeChart = {
            name: "",
            type,
            title: "",
            legend: "",
            series: [{ name: "", values: source._area.addr }],
          };
          sheet.charts.push(chart);
          const series = (s: FakeChart["series"][number]) => ({
            set name(v: string) {
              s.name = v;
            },
            setValues: (r: { _area: { addr: string } }) => (s.values = r._area.addr),
            setXAxisValues: (r: { _area: { addr: string } }) => (s.x = r._area.addr),
            set chartType(v: string) {
              s.type = v;
            },
            set axisGroup(v: string) {
              s.axis = v;
            },
          });
          return {
            set name(v: string) {
              chart.name = v;
            },
            title: Object.defineProperty({}, "text", { set: (v: string) => (chart.title = v) }),
            legend: Object.defineProperty({}, "position", { set: (v: string) => (chart.legend = v) }),
            series: {
              getItemAt: (k: number) => series(chart.series[k]),
              add: (name: string) => {
                const s = { name, values: "" };
                chart.series.push(s);
                return series(s);
              },
            },
            setPosition: (from: { _area: { addr: string } }, to: { _area: { addr: string } }) => {
              chart.from = from._area.addr;
              chart.to = to._area.addr;
            },
          };
        },
        getItemOrNullObject: (name: string) => ({
          delete: () => {
            const at = sheet.charts.findIndex((c) => c.name === name);
            if (at >= 0) sheet.charts.splice(at, 1);
          },
        }),
      },
      delete: () => this.sheets.splice(this.sheets.indexOf(sheet), 1),
      set position(at: number) {
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(at, 0, sheet);
      },
      copy: () => {
        // Worksheet.copy keeps cells as they are (formulas stay formulas), formats, and the
        // sheet's own names, which then refer to the copy.
        const copy = this.addSheet(`${sheet.name} (2)`);
        sheet.cells.forEach((v, k) => copy.cells.set(k, v));
        sheet.formats.forEach((v, k) => copy.formats.set(k, v));
        copy.merges = sheet.merges.map((m) => m.replace(`${sheet.name}!`, `${copy.name}!`));
        sheet.names.forEach((a, n) => copy.names.set(n, a.replace(`${sheet.name}!`, `${copy.name}!`)));
        const copied = this.worksheet(copy) as { name: string };
        // Renaming a sheet renames the sheet its names refer to.
        return Object.defineProperty(copied, "name", {
          get: () => copy.name,
          set: (value: string) => {
            copy.names.forEach((a, n) => copy.names.set(n, a.replace(`${copy.name}!`, `${value}!`)));
            copy.name = value;
          },
        });
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
            const col = colIndex(column[1]);
            return { getUsedRangeOrNullObject: () => this.usedRangeOrNull(sheet, (c) => c === col) };
          }
          const [from, to = from] = a1.split(":").map((ref) => {
            const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
            return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
          });
          return this.range(sheet, from.row, from.col, to.row - from.row + 1, to.col - from.col + 1);
        },
      },
    });
  }

  /** The used range of the sheet's columns that `inColumn` accepts, with rowCount and columnCount. */
  private usedRangeOrNull(sheet: FakeSheet, inColumn: (col: number) => boolean): unknown {
    const cells = [...sheet.cells.keys()].map((k) => k.split(",").map(Number)).filter(([, c]) => inColumn(c));
    if (cells.length === 0) {
      // A null object takes any load; its properties are not to be read.
      const state = this.loadable({
        isNullObject: true,
        address: "",
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 0,
        columnCount: 0,
      });
      return {
        load: (p: string) => state.load(`${p},isNullObject`),
        get isNullObject() {
          return state.isNullObject;
        },
      };
    }
    const top = Math.min(...cells.map(([r]) => r));
    const left = Math.min(...cells.map(([, c]) => c));
    const rowCount = Math.max(...cells.map(([r]) => r)) - top + 1;
    const columnCount = Math.max(...cells.map(([, c]) => c)) - left + 1;
    const range = this.range(sheet, top, left, rowCount, columnCount) as { load: (props: string) => void };
    const load = range.load;
    // rowCount and columnCount are fixed at creation here; the other properties load as usual.
    return Object.defineProperties(range, {
      load: {
        value: (props: string) =>
          load(
            props
              .split(",")
              .filter((p) => p !== "rowCount" && p !== "columnCount")
              .join(","),
          ),
      },
      rowCount: { get: () => rowCount },
      columnCount: { get: () => columnCount },
      isNullObject: { get: () => false },
    });
  }

  /** A sheet's row as Excel would return its values ("" for an empty cell), `width` cells wide. */
  rowValues(sheet: string, row: number, width: number): Stored[] {
    const cells = this.sheet(sheet).cells;
    return Array.from({ length: width }, (_, c) => cells.get(key(row, c))?.value ?? "");
  }

  private namedItems(names: Map<string, string>, sheet?: FakeSheet): unknown {
    let loaded = false;
    const self = this;
    const item = (name: string) => ({
      name,
      // NamedItem.formula: what the name refers to, as "=Sheet!$A$1" (ExcelApi 1.7).
      get formula() {
        const [where, cells] = names.get(name)!.split("!");
        const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(where) ? where : `'${where.replace(/'/g, "''")}'`;
        return `=${quoted}!${cells.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      },
      delete: () => names.delete(name),
      getRange: () => self.rangeOf(names.get(name)!),
      getRangeOrNullObject: () => self.rangeOf(names.get(name)!),
    });
    return {
      load: () => (loaded = true),
      get items() {
        if (!loaded) throw new Error("names not loaded");
        return [...names.keys()].map(item);
      },
      add: (name: string, range: { _area: { addr: string } }) => {
        if (names.has(name)) throw new Error(`name ${name} exists`);
        names.set(name, range._area.addr);
        return item(name);
      },
      getItem: (name: string) => {
        if (!names.has(name)) throw new Error(`name ${name} not found`);
        return item(name);
      },
      getItemOrNullObject: (name: string) => {
        if (names.has(name)) return { ...item(name), isNullObject: false, load: () => undefined };
        const nullRange = () => {
          const state = self.loadable({ isNullObject: true });
          return {
            load: (p: string) => state.load(`${p},isNullObject`),
            get isNullObject() {
              return state.isNullObject;
            },
          };
        };
        return { isNullObject: true, load: () => undefined, delete: () => undefined, getRangeOrNullObject: nullRange };
      },
      _sheet: sheet,
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
        // Each item is the worksheet, its loaded properties readable (id, name, visibility).
        return self.sheets.map((s) =>
          Object.defineProperties(self.worksheet(s), {
            id: { get: () => s.id },
            name: { get: () => s.name, set: (v: string) => (s.name = v) },
          }),
        );
      },
      add: (name: string) => {
        if (self.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`sheet ${name} exists`);
        return self.worksheet(self.addSheet(name));
      },
      getItem: (id: string) => self.worksheet(self.sheets.find((s) => s.id === id || s.name === id)!),
      getActiveWorksheet: () => self.worksheet(self.sheets[self.selection.sheet]),
      getItemOrNullObject: (id: string) => {
        // Excel finds a sheet by id or by name.
        const sheet = self.sheets.find((s) => s.id === id || s.name === id);
        if (sheet) return self.worksheet(sheet);
        const state = self.loadable({ isNullObject: true, name: "", id: "" });
        return {
          load: (p: string) => state.load(`${p},isNullObject`),
          get isNullObject() {
            return state.isNullObject;
          },
        };
      },
    };
    const self = this;
    const workbook = {
      worksheets,
      names: this.namedItems(this.names),
      getSelectedRange: () =>
        this.range(this.sheets[this.selection.sheet], this.selection.row, this.selection.col, 1, 1),
      customXmlParts: {
        add: (xml: string) => {
          this.queue(xml);
          this.parts.set(`part-${this.nextPart++}`, xml);
        },
        getItem: (id: string) => ({ delete: () => this.parts.delete(id) }),
        getItemOrNullObject: (id: string) => ({ delete: () => this.parts.delete(id) }),
        getByNamespace: () => ({
          load: () => (partsLoaded = true),
          get items() {
            if (!partsLoaded) throw new Error("parts not loaded");
            return [...self.parts.entries()].map(([id, xml]) => {
              const state = self.loadable({ value: xml });
              // A ClientResult: readable after the next sync, without load().
              return {
                id,
                getXml: () => (
                  state.load("value"),
                  {
                    get value() {
                      return state.value;
                    },
                  }
                ),
              };
            });
          },
        }),
      },
    };
    return {
      workbook,
      sync: async () => {
        this.syncs += 1;
        this.requests.push(this.queued);
        const size = this.queued;
        const back = this.responding;
        this.responses.push(back);
        this.queued = 0;
        this.responding = 0;
        if (size > REQUEST_LIMIT || back > REQUEST_LIMIT) throw new Error("RequestPayloadSizeLimitExceeded");
        for (const mock of this.mocks) await mock.sync();
        this.mocks.clear();
      },
    } as unknown as Excel.RequestContext;
  }

  /** Excel.run over this workbook. */
  readonly run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context());
}

function valueCell(value: Stored): FakeCell {
  if (typeof value === "number") return { value, kind: "number" };
  if (typeof value === "boolean") return { value, kind: "boolean" };
  return { value, kind: ERRORS.has(value) ? "error" : "text" };
}

/** The parts of the Excel namespace the adapter reads at run time (enums). */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = {
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
    ClearApplyTo: { all: "All", contents: "Contents", formats: "Formats" },
    WorksheetPositionType: { end: "End", after: "After" },
    RangeCopyType: { values: "Values", all: "All", formats: "Formats" },
    InsertShiftDirection: { down: "Down", right: "Right" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered", line: "Line" },
    ChartSeriesBy: { columns: "Columns" },
    ChartLegendPosition: { bottom: "Bottom" },
    ChartAxisGroup: { secondary: "Secondary" },
    PaperType: { a4: "A4" },
  };
}
