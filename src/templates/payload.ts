/**
 * The inputs of a filled template, stored in the workbook (a custom XML part) so that whoever
 * opens the shared workbook can reopen the form filled, change it and update the sheet. Reading
 * one back trusts nothing: a damaged or foreign payload is refused with a message.
 */
import { templateById } from "./catalog";
import type { Inputs, Lang, TableSource, TemplateId, Text, Value } from "./model";
import { validateInputs } from "./validate";
import type { Written } from "../workbook/update-plan";

export const PAYLOAD_NAMESPACE = "urn:hach-toan:template:1";
const VERSION = 1;

export interface Placement {
  readonly sheetId: string;
  /** Top-left cell of the template on its sheet, 0-based. */
  readonly row: number;
  readonly col: number;
  /** Size of the area the template took when last written. */
  readonly rows: number;
  readonly cols: number;
  /** A workbook-scoped defined name over the template's area: it moves when rows are inserted. */
  readonly name?: string;
  /** What the template wrote there last (see workbook/update-plan.ts). */
  readonly written?: Written;
}

/** Excel's grid. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

export interface Stored {
  readonly template: TemplateId;
  readonly lang: Lang;
  readonly inputs: Inputs;
  readonly placement: Placement;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function payloadXml(stored: Stored): string {
  const json = JSON.stringify({ version: VERSION, ...stored });
  return `<payload xmlns="${PAYLOAD_NAMESPACE}">${escapeXml(json)}</payload>`;
}

const damaged = (why: string): { problem: Text } => ({
  problem: {
    vi: `Dữ liệu mẫu lưu trong sổ bị hỏng hoặc không phải của Hạch Toán (${why}); không thay đổi gì.`,
    en: `The template data stored in this workbook is damaged or not Hạch Toán's (${why}); nothing was changed.`,
  },
});

function isValue(v: unknown): v is Value {
  return v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
}

function isRecordOfValues(v: unknown): v is Record<string, Value> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every(isValue);
}

function isCount(v: unknown, limit = SHEET_ROWS): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= limit;
}

/** An input table's key, or the years between two fields (a year-by-year table). */
function isTableSource(v: unknown): v is TableSource {
  if (typeof v === "string") return true;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const years = (v as Record<string, unknown>).years as Record<string, unknown> | undefined;
  return typeof years === "object" && years !== null && typeof years.from === "string" && typeof years.to === "string";
}

const DEFINED_NAME = /^HT_T[A-Za-z0-9_]{1,60}$/;

/** The placement, if it is one that fits Excel's grid; undefined otherwise. */
function readPlacement(p: Record<string, unknown> | undefined): Placement | undefined {
  if (!p || typeof p.sheetId !== "string") return undefined;
  const { row, col, rows, cols, name, written } = p;
  if (!isCount(row, SHEET_ROWS - 1) || !isCount(col, SHEET_COLS - 1) || !isCount(rows) || !isCount(cols, SHEET_COLS)) {
    return undefined;
  }
  if (row + rows > SHEET_ROWS || col + cols > SHEET_COLS) return undefined;
  if (name !== undefined && (typeof name !== "string" || !DEFINED_NAME.test(name))) return undefined;
  const w = written as Record<string, unknown> | undefined;
  if (w !== undefined) {
    if (typeof w !== "object" || w === null || typeof w.rows !== "string" || !/^[0-9a-z.]*$/.test(w.rows))
      return undefined;
    if (!Array.isArray(w.entries)) return undefined;
    for (const e of w.entries as Record<string, unknown>[]) {
      if (typeof e !== "object" || e === null || typeof e.block !== "string" || !isTableSource(e.source))
        return undefined;
      if (
        !isCount(e.firstRow) ||
        !isCount(e.rows) ||
        !Array.isArray(e.cols) ||
        !e.cols.every((c) => isCount(c, SHEET_COLS))
      ) {
        return undefined;
      }
    }
  }
  return {
    sheetId: p.sheetId,
    row,
    col,
    rows,
    cols,
    ...(name === undefined ? {} : { name: name as string }),
    ...(w === undefined ? {} : { written: w as unknown as Written }),
  };
}

/** The stored inputs in a custom XML part's text, or why they cannot be used. */
export function readPayload(xml: string): Stored | { problem: Text } {
  // Located with indexOf, not a backtracking regex: linear in the size of the part.
  const open = /<(?:[\w-]+:)?payload\b[^>]*>/.exec(xml.slice(0, 4096));
  const close = xml.lastIndexOf("</");
  if (
    !open ||
    close < 0 ||
    !/^<\/(?:[\w-]+:)?payload>\s*$/.test(xml.slice(close)) ||
    !open[0].includes(PAYLOAD_NAMESPACE)
  ) {
    return damaged("no payload");
  }
  const match = [open[0], xml.slice(open.index + open[0].length, close)];
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(match[1]));
  } catch {
    return damaged("not JSON");
  }
  if (typeof data !== "object" || data === null) return damaged("not an object");
  const d = data as Record<string, unknown>;
  if (d.version !== VERSION) return damaged(`version ${String(d.version)}`);
  const template = typeof d.template === "string" ? templateById(d.template) : undefined;
  if (!template) return damaged("unknown template");
  if (d.lang !== "vi" && d.lang !== "en") return damaged("unknown language");
  const placement = readPlacement(d.placement as Record<string, unknown> | undefined);
  if (!placement) return damaged("placement");
  const inputs = d.inputs as Record<string, unknown> | undefined;
  if (!inputs || !isRecordOfValues(inputs.fields) || typeof inputs.tables !== "object" || inputs.tables === null) {
    return damaged("inputs");
  }
  const tables = inputs.tables as Record<string, unknown>;
  if (!Object.values(tables).every((rows) => Array.isArray(rows) && rows.every(isRecordOfValues)))
    return damaged("tables");
  const typed: Inputs = { fields: inputs.fields, tables: tables as Inputs["tables"] };
  if (validateInputs(template, typed).length > 0) return damaged("inputs do not pass validation");
  return {
    template: template.id,
    lang: d.lang,
    inputs: typed,
    placement,
  };
}
