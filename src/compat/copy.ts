/**
 * The compatibility copy of a workbook: the same sheets, values, looks and names, with every
 * formula's HT calls rewritten into native Excel (translate.ts), so that the copy computes in any
 * Excel since 2007 and in LibreOffice without the add-in. A formula that calls a function with
 * no native form keeps its value (listed, and noted on a cover sheet in the user's language); a
 * formula that cannot be read or names an unknown HT function is left as it was and listed. The
 * workbook given is never changed: the copy is a new snapshot. Pure.
 */
import { address, uniqueSheetName, type Area } from "../sheet/cell-plan";
import type { XlsxBook, XlsxCell, XlsxSheet } from "../xlsx/snapshot";
import { parseFormula, type Shape } from "./formula";
import { translateFormula, type KeptReason } from "./translate";

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
  },
  en: {
    unreadable: "the formula could not be read",
    unknownHt: "an HT function not in the catalog",
    tooLong: "the translation would exceed Excel's 8,192 characters",
    tooDeep: "the translation would nest functions more than 64 deep",
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

/** The compatibility copy of `book` and what was done to its formulas. */
export function compatibleBook(book: XlsxBook, language: Language): { book: XlsxBook; report: CompatReport } {
  const shapes = nameShapes(book);
  const options = { nameShape: (name: string) => shapes.get(name.toUpperCase()), language };
  const values: CellNote[] = [];
  const kept: (CellNote & { reason: KeptReason })[] = [];
  const foreign: CellNote[] = [];
  let translated = 0;
  let calls = 0;
  const sheets: XlsxSheet[] = book.sheets.map((sheet) => {
    const cells = sheet.cells.map((cell): XlsxCell => {
      if (cell.formula === undefined) return cell;
      const t = translateFormula(`=${cell.formula}`, options);
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
  const report: CompatReport = { translated, calls, values, kept, foreign };
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

/** The cover sheet: what the copy computes and which cells it keeps as values, in the user's language. */
function coverSheet(report: CompatReport, language: Language, name: string): XlsxSheet {
  const text = TEXT[language];
  const lines: (readonly [string, string?])[] = [[text.title], [text.lead(report.translated)]];
  const list = (heading: string, notes: readonly CellNote[]) => {
    lines.push([""], [heading]);
    for (const n of notes) lines.push([`'${n.sheet.replace(/'/g, "''")}'!${n.cell}`, n.detail]);
  };
  if (report.values.length > 0) list(text.values(report.values.length), report.values);
  if (report.kept.length > 0) list(text.kept(report.kept.length), report.kept);
  if (report.foreign.length > 0) list(text.foreign(report.foreign.length), report.foreign);
  if (report.values.length + report.kept.length + report.foreign.length === 0) lines.push([""], [text.none]);
  const cells: XlsxCell[] = [];
  lines.forEach(([a, b], row) => {
    if (a !== "")
      cells.push({ row, col: 0, value: a, ...(row === 0 ? { style: { font: { bold: true, size: 14 } } } : {}) });
    if (b !== undefined) cells.push({ row, col: 1, value: b });
  });
  return {
    name,
    state: "visible",
    cells,
    merges: [],
    widths: [28, 90],
    heights: [],
    lists: [],
    names: [],
  };
}
