/**
 * Reads an .xlsx file into a workbook snapshot (snapshot.ts). The file is looked at before
 * ExcelJS opens it (its size, its container, its parts), so that a file of another kind, a
 * damaged or password-protected one, or one with links to other workbooks is refused with a
 * reason. Nothing in the file is run or fetched: formulas are text, links are refused.
 * What the snapshot cannot carry (charts, pictures, comments …) is listed, never dropped silently.
 */
import { SHEET_COLS, SHEET_ROWS } from "../sheet/excel-grid";
import { flagBasis, type Flag } from "../sheet/cell-plan";
import type { Text } from "../i18n/lang";
import { loadExcelJs, type ExcelJS } from "./exceljs";
import { previewFormula } from "./formula-names";
import { MAX_FILE_BYTES, PROBLEMS, beyondLimits, type Dropped } from "./problems";
import {
  DEFAULT_FONT,
  type Area,
  type XlsxBook,
  type XlsxCell,
  type XlsxName,
  type XlsxPageSetup,
  type XlsxSheet,
  type XlsxStyle,
  type XlsxValue,
} from "./snapshot";
import { ZipError, looksLikeZip, zipEntries, zipText, type ZipEntry } from "./zip";

export type ReadOutcome =
  | { readonly ok: true; readonly book: XlsxBook; readonly dropped: readonly Dropped[] }
  | { readonly ok: false; readonly problem: Text };

const CELL_TEXT_LIMIT = 32_767;
const FORMULA_LIMIT = 8_192;

/** The Compound File container of .xls files and of password-protected .xlsx files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** What kind of file this is, from its first bytes and its parts; undefined for an .xlsx. */
async function sniff(bytes: Uint8Array, fileName: string): Promise<{ problem: Text } | { entries: ZipEntry[] }> {
  if (bytes.length > MAX_FILE_BYTES) return { problem: PROBLEMS.tooLarge };
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // Excel encrypts an .xlsx into a compound file with these two streams (MS-OFFCRYPTO).
    const encrypted = contains(bytes, utf16("EncryptedPackage")) || contains(bytes, utf16("EncryptionInfo"));
    return { problem: encrypted ? PROBLEMS.encrypted : PROBLEMS.oldFormat };
  }
  if (!looksLikeZip(bytes)) return { problem: /\.xls$/i.test(fileName) ? PROBLEMS.oldFormat : PROBLEMS.notXlsx };
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipError) return { problem: PROBLEMS.damaged };
    throw error;
  }
  const names = new Set(entries.map((e) => e.name));
  if (entries.some((e) => e.encrypted)) return { problem: PROBLEMS.encrypted };
  if (names.has("xl/vbaProject.bin")) return { problem: PROBLEMS.macro };
  if (names.has("xl/workbook.bin")) return { problem: PROBLEMS.oldFormat };
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return { problem: PROBLEMS.notXlsx };
  let types: string | undefined;
  try {
    types = await zipText(bytes, entries, "[Content_Types].xml");
  } catch {
    return { problem: PROBLEMS.damaged };
  }
  if (types && /macroEnabled/i.test(types)) return { problem: PROBLEMS.macro };
  if (entries.some((e) => e.name.startsWith("xl/externalLinks/"))) return { problem: PROBLEMS.external };
  return { entries };
}

/** What the file's parts say it has that the snapshot does not carry. */
function droppedParts(entries: readonly ZipEntry[]): Dropped[] {
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  const dropped: Dropped[] = [];
  if (has("xl/charts/")) dropped.push("charts");
  // Pictures are said per sheet (where they are, XlsxSheet.pictures): the preview knows its own
  // charts' pictures and lists only the others. Other drawings (shapes) are dropped here.
  if (has("xl/pivotTables/") || has("xl/pivotCache/")) dropped.push("pivots");
  if (has("xl/tables/")) dropped.push("tables");
  if (has("xl/comments") || has("xl/threadedComments/")) dropped.push("comments");
  if (has("customXml/")) dropped.push("customXml");
  if (has("xl/slicers/") || has("xl/timelines/")) dropped.push("slicers");
  if (has("xl/chartsheets/")) dropped.push("chartSheets");
  return dropped;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    if (code[0] === "#")
      return String.fromCodePoint(
        code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
      );
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[code.toLowerCase()]!;
  });
}

const attribute = (attributes: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return m ? decodeXml(m[1]) : undefined;
};

/** The sheets' names in file order and every defined name, from xl/workbook.xml as written. */
function workbookParts(xml: string) {
  const tags = [...xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)];
  const sheets = tags.map((m) => attribute(m[1], "name") ?? "");
  const relIds = tags.map((m) => attribute(m[1], "r:id") ?? "");
  const names = [...xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((m) => {
    const local = attribute(m[1], "localSheetId");
    return {
      name: attribute(m[1], "name") ?? "",
      local: local === undefined ? undefined : Number(local),
      text: decodeXml(m[2]),
    };
  });
  return { sheets, relIds, names };
}

/**
 * Each sheet's manual page breaks, by sheet name: ExcelJS writes `<rowBreaks>` but does not read
 * it, so the sheet parts are read here (through the workbook's relationships).
 */
async function rowBreaks(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  parts: ReturnType<typeof workbookParts>,
): Promise<Map<string, number[]>> {
  const rels = (await zipText(bytes, entries, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, number[]>();
  for (let i = 0; i < parts.sheets.length; i++) {
    const path = targets.get(parts.relIds[i]);
    const xml = path ? await zipText(bytes, entries, path) : undefined;
    const block = xml && /<(?:\w+:)?rowBreaks\b[\s\S]*?<\/(?:\w+:)?rowBreaks>/.exec(xml);
    if (!block) continue;
    const starts = [...block[0].matchAll(/<(?:\w+:)?brk\b([^>]*)\/?>/g)]
      .map((b) => Number(attribute(b[1], "id")))
      .filter((id) => Number.isInteger(id) && id > 0);
    if (starts.length > 0)
      out.set(
        parts.sheets[i],
        [...new Set(starts)].sort((a, b) => a - b),
      );
  }
  return out;
}

/** The code parts of a formula: string literals left out (a quoted sheet name is kept). */
const codeOf = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');
/** A reference into another workbook: [1]Sheet!A1, '[Book.xlsx]Sheet'!A1, or 'C:\path\[Book.xlsx]Sheet'!A1. */
const EXTERNAL = /\[[^\]]*\][^!(),]*!|\[\d+\]!?/;

const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** An area from "A1:B2" / "$A$1:$B$2" / "A1" (after any sheet part). */
function parseArea(ref: string): Area | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.replace(/^.*!/, ""));
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = colIndex(m[1]);
  const row2 = m[4] ? Number(m[4]) - 1 : row;
  const col2 = m[3] ? colIndex(m[3]) : col;
  return {
    row: Math.min(row, row2),
    col: Math.min(col, col2),
    rows: Math.abs(row2 - row) + 1,
    cols: Math.abs(col2 - col) + 1,
  };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = (date: Date) => (date.getTime() - EXCEL_EPOCH) / 86_400_000;

function color(c: Partial<ExcelJS.Color> | undefined, dropped: Set<Dropped>): string | undefined {
  if (!c) return undefined;
  if (typeof c.argb === "string" && /^[0-9A-Fa-f]{8}$/.test(c.argb)) return `#${c.argb.slice(2).toUpperCase()}`;
  if ((c as { theme?: number }).theme !== undefined) dropped.add("themeColours");
  return undefined;
}

/** Our style from ExcelJS's; the workbook's default font name and size (Calibri 11) are left out, as we write them. */
function styleOf(s: Partial<ExcelJS.Style> | undefined, dropped: Set<Dropped>): XlsxStyle | undefined {
  if (!s) return undefined;
  const out: { -readonly [K in keyof XlsxStyle]: XlsxStyle[K] } = {};
  if (s.numFmt && s.numFmt !== "General") out.numFmt = s.numFmt;
  if (s.font) {
    const f = s.font;
    // Black, and theme colour 1 (the theme's text colour), are the default text colour.
    const fontColor =
      f.color?.argb === "FF000000" || (f.color as { theme?: number } | undefined)?.theme === 1
        ? undefined
        : color(f.color, dropped);
    const font = {
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.underline && f.underline !== "none" ? { underline: true } : {}),
      ...(f.size && f.size !== DEFAULT_FONT.size ? { size: f.size } : {}),
      ...(fontColor ? { color: fontColor } : {}),
      ...(f.name && f.name !== DEFAULT_FONT.name ? { name: f.name } : {}),
    };
    if (Object.keys(font).length > 0) out.font = font;
  }
  if (s.fill && s.fill.type === "pattern" && s.fill.pattern === "solid") {
    const fill = color(s.fill.fgColor, dropped);
    if (fill) out.fill = fill;
  }
  if (s.border) {
    const border: Record<string, string> = {};
    for (const side of ["top", "left", "bottom", "right"] as const) {
      const line = s.border[side]?.style;
      if (line) border[side] = line;
    }
    if (Object.keys(border).length > 0) out.border = border as XlsxStyle["border"];
  }
  if (s.alignment) {
    const a = s.alignment;
    const alignment = {
      ...(a.horizontal && (a.horizontal as string) !== "general" ? { horizontal: a.horizontal } : {}),
      ...(a.vertical && a.vertical !== "bottom" ? { vertical: a.vertical } : {}),
      ...(a.wrapText ? { wrapText: true } : {}),
      ...(a.indent ? { indent: a.indent } : {}),
    };
    if (Object.keys(alignment).length > 0) out.alignment = alignment as XlsxStyle["alignment"];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function valueOf(v: unknown, dropped: Set<Dropped>): XlsxValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serial(v);
  if (typeof v === "object") {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; hyperlink?: string };
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) {
      dropped.add("richText");
      return o.richText.map((r) => r.text).join("");
    }
    if (o.hyperlink !== undefined) {
      dropped.add("hyperlinks");
      return valueOf(o.text, dropped);
    }
  }
  return null;
}

type Limit = { sheet: string; what: { vi: string; en: string } };
class LimitError extends Error {
  constructor(readonly limit: Limit) {
    super(limit.what.en);
  }
}

function readSheet(
  ws: ExcelJS.Worksheet,
  dropped: Set<Dropped>,
  external: { found: boolean },
): Omit<XlsxSheet, "names" | "pageSetup"> & { page: XlsxPageSetup } {
  const name = ws.name;
  const over = (vi: string, en: string) => new LimitError({ sheet: name, what: { vi, en } });
  if (name.length > 31 || /[[\]:*?/\\]/.test(name))
    throw over("tên trang quá 31 ký tự hoặc có ký tự cấm", "a name over 31 characters or with a forbidden character");
  const cells: XlsxCell[] = [];
  const arrays: Area[] = [];
  const covered = new Set<string>();
  // Where each picture is: the cells from its top-left corner to its bottom-right one.
  const pictures = ws.getImages().map(({ range }) => {
    const r = range as unknown as {
      tl: { nativeRow: number; nativeCol: number };
      br?: { nativeRow: number; nativeCol: number };
    };
    const br = r.br ?? { nativeRow: r.tl.nativeRow + 1, nativeCol: r.tl.nativeCol + 1 };
    return {
      area: {
        row: r.tl.nativeRow,
        col: r.tl.nativeCol,
        rows: Math.max(1, br.nativeRow - r.tl.nativeRow),
        cols: Math.max(1, br.nativeCol - r.tl.nativeCol),
      },
    };
  });
  // ExcelJS gives the cells of one style the same object: each is converted once (a plan's
  // 200,000 cells have a few dozen), and the same one is shared, so the preview reads its look once.
  const converted = new Map<Partial<ExcelJS.Style>, XlsxStyle | undefined>();
  const styleOfCell = (s: Partial<ExcelJS.Style> | undefined) => {
    if (!s) return undefined;
    if (!converted.has(s)) converted.set(s, styleOf(s, dropped));
    return converted.get(s);
  };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > SHEET_ROWS) throw over(`quá ${SHEET_ROWS} dòng`, `more than ${SHEET_ROWS} rows`);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (colNumber > SHEET_COLS) throw over(`quá ${SHEET_COLS} cột`, `more than ${SHEET_COLS} columns`);
      const style = styleOfCell(cell.style);
      const at = { row: rowNumber - 1, col: colNumber - 1 };
      // A merged area's other cells: their value is the first cell's, their style their own.
      if (cell.type === 1) {
        if (style) cells.push({ ...at, value: null, style });
        return;
      }
      const raw = cell.value as unknown;
      if (raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
        const f = raw as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const text = cell.formula;
        if (text.length > FORMULA_LIMIT)
          throw over(`công thức quá ${FORMULA_LIMIT} ký tự`, `a formula over ${FORMULA_LIMIT} characters`);
        if (EXTERNAL.test(codeOf(text))) external.found = true;
        const array = f.shareType === "array" && f.ref ? parseArea(f.ref) : undefined;
        if (array) arrays.push(array);
        cells.push({
          ...at,
          formula: previewFormula(text),
          ...(array ? { array } : {}),
          value: valueOf(f.result, dropped),
          ...(style ? { style } : {}),
        });
        return;
      }
      const value = valueOf(raw, dropped);
      if (typeof value === "string" && value.length > CELL_TEXT_LIMIT)
        throw over(`ô quá ${CELL_TEXT_LIMIT} ký tự`, `a cell over ${CELL_TEXT_LIMIT} characters`);
      if (value === null && !style) return;
      cells.push({ ...at, value, ...(style ? { style } : {}) });
    });
  });
  // An array formula's other cells hold its cached results only: the formula fills them again.
  for (const a of arrays) {
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.col; c < a.col + a.cols; c++) if (r !== a.row || c !== a.col) covered.add(`${r},${c}`);
  }
  const kept =
    covered.size === 0
      ? cells
      : cells.filter((c) => c.formula !== undefined || !covered.has(`${c.row},${c.col}`) || c.style);
  const merges: Area[] = Object.values(
    (
      ws as unknown as {
        _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
      }
    )._merges ?? {},
  ).map(({ model: m }) => ({
    row: m.top - 1,
    col: m.left - 1,
    rows: m.bottom - m.top + 1,
    cols: m.right - m.left + 1,
  }));
  const widths: (number | undefined)[] = [];
  (ws.columns ?? []).forEach((column, i) => {
    if (column?.width !== undefined) widths[i] = Math.round(column.width * 1e6) / 1e6;
  });
  const heights: { row: number; points: number }[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && row.height !== null) heights.push({ row: rowNumber - 1, points: row.height });
  });
  const view = ws.views?.[0] as (Partial<ExcelJS.WorksheetViewFrozen> & { state?: string }) | undefined;
  const frozen = view?.state === "frozen" ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : undefined;
  // ExcelJS spreads each rule over its cells, one object per rule: gather them again.
  const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  const byRule = new Map<ExcelJS.DataValidation, Area[]>();
  for (const [ref, rule] of Object.entries(validations)) {
    if (rule.type !== "list" || !rule.formulae?.[0]) {
      dropped.add("validation");
      continue;
    }
    const area = parseArea(ref);
    if (!area) continue;
    byRule.set(rule, [...(byRule.get(rule) ?? []), area]);
  }
  const lists: { area: Area; source: string }[] = [];
  for (const [rule, areas] of byRule) {
    const source = previewFormula(String(rule.formulae[0]).replace(/^=/, ""));
    if (EXTERNAL.test(codeOf(source))) external.found = true;
    for (const area of joinAreas(areas)) lists.push({ area, source });
  }
  // Our flags come back as flags; any other conditional format is one a save would drop.
  const flags: Flag[] = [];
  const formattings =
    (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: unknown[] }[] }[] })
      .conditionalFormattings ?? [];
  for (const { ref, rules } of formattings) {
    const area = parseArea(ref);
    const [below, met] = rules.map((r) => (r.type === "expression" ? String(r.formulae?.[0] ?? "") : ""));
    const basisCol = area && rules.length === 2 ? flagBasis(below, met, area) : undefined;
    if (area && basisCol !== undefined) flags.push({ area, basisCol });
    else dropped.add("conditional");
  }
  if (ws.autoFilter) dropped.add("autoFilter");
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) dropped.add("protection");
  const p = ws.pageSetup ?? {};
  const hf = ws.headerFooter ?? {};
  const page: { -readonly [K in keyof XlsxPageSetup]: XlsxPageSetup[K] } = {};
  if (p.orientation === "landscape" || p.orientation === "portrait") page.orientation = p.orientation;
  if (p.paperSize !== undefined) page.paperSize = Number(p.paperSize);
  if (p.fitToPage) {
    page.fitToWidth = p.fitToWidth ?? 1;
    page.fitToHeight = p.fitToHeight ?? 1;
  } else if (p.scale !== undefined && p.scale !== 100) page.scale = p.scale;
  if (p.margins) page.margins = { ...p.margins };
  if (hf.oddHeader) page.header = hf.oddHeader;
  if (hf.oddFooter) page.footer = hf.oddFooter;
  return {
    name,
    state: ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible",
    cells: kept,
    merges,
    widths,
    heights,
    ...(frozen && (frozen.rows > 0 || frozen.cols > 0) ? { frozen } : {}),
    lists,
    ...(flags.length > 0 ? { flags } : {}),
    ...(pictures.length > 0 ? { pictures } : {}),
    page,
  };
}

/** Single cells and column runs of one rule joined back into rectangles, top to bottom. */
function joinAreas(areas: Area[]): Area[] {
  const sorted = areas.slice().sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Area[] = [];
  for (const a of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === a.col && last.cols === a.cols && last.row + last.rows === a.row)
      runs[runs.length - 1] = { ...last, rows: last.rows + a.rows };
    else runs.push(a);
  }
  const joined: Area[] = [];
  for (const r of runs.sort((a, b) => a.row - b.row || a.col - b.col)) {
    const last = joined.find((j) => j.row === r.row && j.rows === r.rows && j.col + j.cols === r.col);
    if (last) joined[joined.indexOf(last)] = { ...last, cols: last.cols + r.cols };
    else joined.push(r);
  }
  return joined;
}

/**
 * The workbook in `bytes` (an .xlsx named `fileName`), or why it cannot be opened. Loads
 * ExcelJS on first use.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  if (/\.xlsm$/i.test(fileName)) return { ok: false, problem: PROBLEMS.macro };
  const sniffed = await sniff(bytes, fileName);
  if ("problem" in sniffed) return { ok: false, problem: sniffed.problem };
  const { entries } = sniffed;
  let workbookXml: string;
  try {
    workbookXml = (await zipText(bytes, entries, "xl/workbook.xml")) ?? "";
  } catch {
    return { ok: false, problem: PROBLEMS.damaged };
  }
  const parts = workbookParts(workbookXml);
  let breaks: Map<string, number[]>;
  try {
    breaks = await rowBreaks(bytes, entries, parts);
  } catch {
    return { ok: false, problem: PROBLEMS.damaged };
  }
  const ExcelJs = await loadExcelJs();
  const wb = new ExcelJs.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    // ExcelJS throws plain errors for any malformed part: all mean the file cannot be read.
    return { ok: false, problem: PROBLEMS.damaged };
  }
  const dropped = new Set<Dropped>(droppedParts(entries));
  // A drawing holds pictures and shapes; shapes (any anchor that is not a picture) a save would drop.
  for (const part of entries.filter((e) => /^xl\/drawings\/drawing\d+\.xml$/.test(e.name))) {
    const xml = (await zipText(bytes, entries, part.name)) ?? "";
    const anchors = (xml.match(/<xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? []).length;
    const pictures = (xml.match(/<xdr:pic>/g) ?? []).length;
    if (anchors !== pictures) dropped.add("pictures");
  }
  const external = { found: false };
  let sheets: ReturnType<typeof readSheet>[];
  try {
    sheets = wb.worksheets.map((ws) => readSheet(ws, dropped, external));
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, problem: beyondLimits(error.limit.sheet, error.limit.what) };
    throw error;
  }
  const workbookNames: XlsxName[] = [];
  const sheetNames = new Map<string, XlsxName[]>();
  const printAreas = new Map<string, Area>();
  const printTitles = new Map<string, { row: number; rows: number }>();
  for (const n of parts.names) {
    const text = n.text.trim();
    if (EXTERNAL.test(codeOf(text))) {
      external.found = true;
      continue;
    }
    const scope = n.local === undefined ? undefined : parts.sheets[n.local];
    if (n.name === "_xlnm.Print_Area" && scope !== undefined) {
      const areas = text.split(",");
      if (areas.length > 1) dropped.add("printParts");
      const area = parseArea(areas[0]);
      if (area) printAreas.set(scope, area);
      continue;
    }
    if (n.name === "_xlnm.Print_Titles" && scope !== undefined) {
      for (const part of text.split(",")) {
        const rows = /!\$?(\d+):\$?(\d+)$/.exec(part);
        if (rows) printTitles.set(scope, { row: Number(rows[1]) - 1, rows: Number(rows[2]) - Number(rows[1]) + 1 });
        else dropped.add("printParts");
      }
      continue;
    }
    if (n.name.startsWith("_xlnm.")) {
      if (n.name !== "_xlnm._FilterDatabase") dropped.add("names");
      continue;
    }
    const name: XlsxName = { name: n.name, formula: previewFormula(text) };
    if (scope === undefined) workbookNames.push(name);
    else sheetNames.set(scope, [...(sheetNames.get(scope) ?? []), name]);
  }
  if (external.found) return { ok: false, problem: PROBLEMS.external };
  const book: XlsxBook = {
    sheets: sheets.map(({ page, ...sheet }): XlsxSheet => {
      const printArea = printAreas.get(sheet.name);
      const titleRows = printTitles.get(sheet.name);
      const sheetBreaks = breaks.get(sheet.name);
      const pageSetup: XlsxPageSetup = {
        ...page,
        ...(sheetBreaks ? { breaks: sheetBreaks } : {}),
        ...(printArea ? { printArea } : {}),
        ...(titleRows ? { titleRows } : {}),
      };
      return {
        ...sheet,
        names: sheetNames.get(sheet.name) ?? [],
        ...(Object.keys(pageSetup).length > 0 ? { pageSetup } : {}),
      };
    }),
    names: workbookNames,
    ...(typeof wb.views?.[0]?.activeTab === "number" ? { activeSheet: wb.views[0].activeTab } : {}),
  };
  return { ok: true, book, dropped: [...dropped] };
}
