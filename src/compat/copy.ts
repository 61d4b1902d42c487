/**
 * The compatibility copy of a workbook: the same sheets, values, looks and names, with every
 * formula's HT calls rewritten into native Excel (translate.ts), so that the copy computes in any
 * Excel since 2007 and in LibreOffice without the add-in. A formula that calls a function with
 * no native form keeps its value (listed, and noted on a cover sheet in the user's language); a
 * formula that cannot be read or names an unknown HT function is left as it was and listed. The
 * workbook given is never changed: the copy is a new snapshot. Pure.
 */
import { address, uniqueSheetName, type Area } from "../sheet/cell-plan";
import { FOOTER, widthPixels, wrappedLines } from "../sheet/page-setup";
import { NORMAL_MARGINS, type XlsxBook, type XlsxCell, type XlsxSheet, type XlsxStyle } from "../xlsx/snapshot";
import { parseFormula, type Shape } from "./formula";
import { placer, relativeForm } from "./relative";
import { translateFormula, type KeptReason, type Translation } from "./translate";

export type Language = "vi" | "en";

export interface CellNote {
  readonly sheet: string;
  /** "B7" */
  readonly cell: string;
  readonly detail: string;
}

export interface CompatReport {
  /** Formula cells whose HT calls were rewritten into native Excel. */
  readonly translated: number;
  /** HT calls rewritten, over all those cells. */
  readonly calls: number;
  /** Formula cells kept as the values the add-in computed (no native form). */
  readonly values: readonly CellNote[];
  /** Formulas left as they were: unreadable, an unknown HT function, too long or too deep. */
  readonly kept: readonly (CellNote & { readonly reason: KeptReason })[];
  /** Formulas that call functions of other add-ins (left as they are: they need those add-ins). */
  readonly foreign: readonly CellNote[];
}

const TEXT = {
  vi: {
    sheet: "Bản tương thích",
    title: "Bản sao tính được không cần Hạch Toán",
    lead: (n: number) =>
      `${n} công thức có hàm HT đã được viết lại bằng hàm sẵn có của Excel (từ Excel 2007, cả LibreOffice): số liệu tự tính lại khi sửa ô nhập.`,
    values: (n: number) =>
      `${n} ô giữ giá trị do Hạch Toán đã tính (không có công thức Excel tương đương), không tự tính lại:`,
    kept: (n: number) => `${n} công thức để nguyên như bản gốc (cần Hạch Toán hoặc không đọc được):`,
    foreign: (n: number) => `${n} công thức dùng hàm của add-in khác, để nguyên:`,
    none: "Mọi công thức đều tính được không cần add-in.",
  },
  en: {
    sheet: "Compatibility",
    title: "A copy that computes without Hạch Toán",
    lead: (n: number) =>
      `${n} formulas with HT functions were rewritten in Excel's own functions (Excel 2007 and later, and LibreOffice): the numbers recalculate when an input cell changes.`,
    values: (n: number) =>
      `${n} cells keep the values Hạch Toán computed (no Excel formula does the same) and do not recalculate:`,
    kept: (n: number) => `${n} formulas are left as in the original (they need Hạch Toán, or could not be read):`,
    foreign: (n: number) => `${n} formulas use another add-in's functions and are left as they are:`,
    none: "Every formula computes without the add-in.",
  },
} as const;

const REASONS: Record<Language, Record<KeptReason, string>> = {
  vi: {
    unreadable: "không đọc được công thức",
    unknownHt: "hàm HT không có trong danh mục",
    tooLong: "công thức dịch ra dài quá giới hạn 8.192 ký tự của Excel",
    tooDeep: "công thức dịch ra lồng quá 64 cấp hàm",
    circular: "công thức nằm trong vòng tham chiếu (tham chiếu vòng)",
  },
  en: {
    unreadable: "the formula could not be read",
    unknownHt: "an HT function not in the catalog",
    tooLong: "the translation would exceed Excel's 8,192 characters",
    tooDeep: "the translation would nest functions more than 64 deep",
    circular: "the formula is on a circular reference",
  },
};

/** The shape of each defined name over a range, for the translator's broadcasting. */
function nameShapes(book: XlsxBook): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  const add = (name: string, formula: string) => {
    try {
      const node = parseFormula(formula);
      if (node.kind === "ref" && node.shape) shapes.set(name.toUpperCase(), node.shape);
    } catch {
      // A name whose formula the translator cannot read counts as one cell.
    }
  };
  for (const n of book.names) add(n.name, n.formula);
  for (const sheet of book.sheets) for (const n of sheet.names) add(n.name, n.formula);
  return shapes;
}

const where = (cell: XlsxCell) => address({ row: cell.row, col: cell.col, rows: 1, cols: 1 });

/** Every sheet of `book` with its formulas translated (cell for cell, in the same order), and the report. */
function translateBook(book: XlsxBook, language: Language): { sheets: XlsxSheet[]; report: CompatReport } {
  const shapes = nameShapes(book);
  const options = { nameShape: (name: string) => shapes.get(name.toUpperCase()), language };
  const values: CellNote[] = [];
  const kept: (CellNote & { reason: KeptReason })[] = [];
  const foreign: CellNote[] = [];
  let translated = 0;
  let calls = 0;
  // One translation per formula filled down: keyed by its relative form (relative.ts).
  type Native = Extract<Translation, { kind: "native" }>;
  const done = new Map<string, { native: Native; at: (row: number, col: number) => string | undefined }>();
  const translate = (cell: XlsxCell & { formula: string }): Translation => {
    // No dot, no HT call (nor another add-in's): the translator says so without reading it.
    if (!cell.formula.includes(".")) return translateFormula(`=${cell.formula}`, options);
    const key = relativeForm(cell.formula, cell.row, cell.col);
    const cached = done.get(key);
    const formula = cached?.at(cell.row, cell.col);
    if (cached && formula !== undefined) return { ...cached.native, formula };
    const t = translateFormula(`=${cell.formula}`, options);
    // Only a native form is shared: the others say things of this formula (its reason, its text).
    if (t.kind === "native" && !cached)
      done.set(key, { native: t, at: placer(relativeForm(t.formula, cell.row, cell.col)) });
    return t;
  };
  const sheets: XlsxSheet[] = book.sheets.map((sheet) => {
    // A sheet's own names can differ from another's: the shared translations are the sheet's.
    done.clear();
    const cells = sheet.cells.map((cell): XlsxCell => {
      if (cell.formula === undefined) return cell;
      const own = translate(cell as XlsxCell & { formula: string });
      // A circular reference is the workbook's to resolve: its HT calls are left as they are.
      const t: Translation =
        cell.circular && (own.kind === "native" || own.kind === "value")
          ? { kind: "kept", reason: "circular", detail: "" }
          : own;
      const note = (detail: string): CellNote => ({ sheet: sheet.name, cell: where(cell), detail });
      switch (t.kind) {
        case "plain":
          if (t.foreign.length > 0) foreign.push(note(t.foreign.join(", ")));
          return cell;
        case "kept":
          kept.push({ ...note(`${REASONS[language][t.reason]}${t.detail ? ` (${t.detail})` : ""}`), reason: t.reason });
          return cell;
        case "value": {
          values.push(note(t.why.join("; ")));
          return { row: cell.row, col: cell.col, value: cell.value, ...(cell.style ? { style: cell.style } : {}) };
        }
        case "native": {
          translated++;
          calls += t.calls;
          if (t.foreign.length > 0) foreign.push(note(t.foreign.join(", ")));
          const area: Area | undefined =
            cell.array ?? (t.array ? { row: cell.row, col: cell.col, rows: 1, cols: 1 } : undefined);
          return { ...cell, formula: t.formula.slice(1), ...(area ? { array: area } : {}) };
        }
      }
    });
    return { ...sheet, cells };
  });
  return { sheets, report: { translated, calls, values, kept, foreign } };
}

/** The compatibility copy of `book` and what was done to its formulas. */
export function compatibleBook(book: XlsxBook, language: Language): { book: XlsxBook; report: CompatReport } {
  const { sheets, report } = translateBook(book, language);
  const cover = coverSheet(
    report,
    language,
    uniqueSheetName(
      TEXT[language].sheet,
      sheets.map((s) => s.name),
    ),
  );
  // The cover comes first and is the sheet shown on opening; the others keep their order.
  return { book: { ...book, sheets: [cover, ...sheets], activeSheet: 0 }, report };
}

/** What a copy made inside the workbook changes on the copy of one sheet. */
export interface SheetChanges {
  /** The sheet copied, and its copy's name. */
  readonly source: string;
  readonly name: string;
  /** Cells whose formula is the translated one (without "="). */
  readonly formulas: readonly { readonly row: number; readonly col: number; readonly formula: string }[];
  /** Cells that keep the value the add-in computed in place of their formula. */
  readonly values: readonly { readonly row: number; readonly col: number }[];
}

/**
 * The compatibility copy as new sheets of the same workbook (the Excel pane's "Copy for colleagues
 * without the add-in"): which sheets are copied (those with an HT formula), what changes on each
 * copy, and the cover sheet, whose notes name the copies. `copyName` names a sheet's copy. The
 * sheets not copied keep their own names in the notes (another add-in's functions on them);
 * hidden sheets are not copied.
 */
export function compatibleSheets(
  book: XlsxBook,
  language: Language,
  copyName: (source: string, taken: readonly string[]) => string,
): { sheets: SheetChanges[]; cover: XlsxSheet; report: CompatReport } {
  const translated = translateBook(book, language);
  const taken = book.sheets.map((s) => s.name);
  const noted = new Set([...translated.report.values, ...translated.report.kept].map((n) => n.sheet));
  const sheets: SheetChanges[] = [];
  const names = new Map<string, string>();
  book.sheets.forEach((sheet, k) => {
    // A hidden sheet (the templates' state, a sheet its owner hid) is not the recipient's to read.
    if (sheet.state !== "visible") return;
    const copied = translated.sheets[k].cells;
    const formulas: { row: number; col: number; formula: string }[] = [];
    const values: { row: number; col: number }[] = [];
    sheet.cells.forEach((cell, i) => {
      const now = copied[i];
      if (now.formula === undefined && cell.formula !== undefined) values.push({ row: cell.row, col: cell.col });
      else if (now.formula !== undefined && now.formula !== cell.formula)
        formulas.push({ row: cell.row, col: cell.col, formula: now.formula });
    });
    if (formulas.length === 0 && values.length === 0 && !noted.has(sheet.name)) return;
    const name = copyName(sheet.name, taken);
    taken.push(name);
    names.set(sheet.name, name);
    sheets.push({ source: sheet.name, name, formulas, values });
  });
  const rename = <T extends CellNote>(notes: readonly T[]): T[] =>
    notes.map((n) => ({ ...n, sheet: names.get(n.sheet) ?? n.sheet }));
  const report: CompatReport = {
    ...translated.report,
    values: rename(translated.report.values),
    kept: rename(translated.report.kept),
    foreign: rename(translated.report.foreign),
  };
  const cover = coverSheet(report, language, uniqueSheetName(TEXT[language].sheet, taken));
  return { sheets, cover, report };
}

/** The cover's two columns (characters): the cell, and what is said of it; together they fit A4 portrait. */
const COVER_WIDTHS = [20, 72] as const;
/** Points per line of 11-point text, as Excel spaces it. */
const LINE_POINTS = 15;

/**
 * The cover sheet: what the copy computes and which cells it keeps as values, in the user's
 * language, printable as it is (A4 portrait, one page wide, the pages numbered). A sentence spans
 * both columns; its row is given the height its wrapped lines need, since Excel does not fit a
 * merged cell's height to its text.
 */
function coverSheet(report: CompatReport, language: Language, name: string): XlsxSheet {
  const text = TEXT[language];
  const [cellPx, detailPx] = COVER_WIDTHS.map(widthPixels);
  const cells: XlsxCell[] = [];
  const merges: Area[] = [];
  const heights: { row: number; points: number }[] = [];
  let row = 0;
  const lines = (count: number, points = LINE_POINTS) => {
    if (count > 1 || points !== LINE_POINTS) heights.push({ row, points: count * points + 3 });
  };
  const sentence = (value: string, font?: XlsxStyle["font"]) => {
    cells.push({
      row,
      col: 0,
      value,
      style: { ...(font ? { font } : {}), alignment: { wrapText: true, vertical: "top" } },
    });
    merges.push({ row, col: 0, rows: 1, cols: 2 });
    const big = font?.size !== undefined;
    lines(wrappedLines(value, cellPx + detailPx, font?.bold), big ? 20 : LINE_POINTS);
    row++;
  };
  const list = (heading: string, notes: readonly CellNote[]) => {
    row++;
    sentence(heading, { bold: true });
    for (const n of notes) {
      const top = { alignment: { vertical: "top", wrapText: true } } as const;
      cells.push({ row, col: 0, value: `'${n.sheet.replace(/'/g, "''")}'!${n.cell}`, style: top });
      cells.push({ row, col: 1, value: n.detail, style: top });
      lines(Math.max(wrappedLines(n.detail, detailPx), wrappedLines(n.sheet, cellPx)));
      row++;
    }
  };
  sentence(text.title, { bold: true, size: 14 });
  sentence(text.lead(report.translated));
  if (report.values.length > 0) list(text.values(report.values.length), report.values);
  if (report.kept.length > 0) list(text.kept(report.kept.length), report.kept);
  if (report.foreign.length > 0) list(text.foreign(report.foreign.length), report.foreign);
  if (report.values.length + report.kept.length + report.foreign.length === 0) {
    row++;
    sentence(text.none);
  }
  return {
    name,
    state: "visible",
    cells,
    merges,
    widths: [...COVER_WIDTHS],
    heights,
    lists: [],
    names: [],
    pageSetup: {
      orientation: "portrait",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: NORMAL_MARGINS,
      footer: `&C${FOOTER[language]}`,
    },
  };
}
