/**
 * The inputs of a filled template as the workbook keeps them, so that whoever opens the shared
 * workbook can reopen the form filled, change it and update the sheet. Reading one back trusts
 * nothing: a damaged or foreign record is refused with a message, and nothing is changed.
 *
 * Since state format 1 of the state sheet (workbook/state-rows.ts) the record is one row of a very
 * hidden worksheet. Workbooks written before keep it in a custom XML part (namespace
 * PAYLOAD_NAMESPACE); `readPayload` reads those, and the adapters move them to the state sheet on
 * the first write.
 */
import { templateById } from "../templates/catalog";
import type { Inputs, TableSource, TemplateId, Value } from "../templates/model";
import type { Lang, Text } from "../i18n/lang";
import { validateInputs } from "../templates/validate";
import type { Written } from "./update-plan";
import { SHEET_COLS, SHEET_ROWS } from "../sheet/excel-grid";

export const PAYLOAD_NAMESPACE = "urn:hach-toan:template:1";
/** The `version` field of an XML part's JSON: the format, not a count of writes. */
const PART_FORMAT = 1;

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

export interface Stored {
  readonly template: TemplateId;
  readonly lang: Lang;
  readonly inputs: Inputs;
  readonly placement: Placement;
  /**
   * How many times this template's state was written: every write increases it, so a pane can
   * tell whether a co-author changed the template since it loaded it. 0 for a template still in
   * the old format (a custom XML part), never written as a state row.
   */
  readonly version: number;
}

/** What a pane hands the workbook to write: the workbook decides placement and version. */
export type StoredInputs = Omit<Stored, "placement" | "version">;

export const damaged = (why: string): { problem: Text } => ({
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

/** An input table's key, the years between two fields (a year-by-year table), or periods per row. */
function isTableSource(v: unknown): v is TableSource {
  if (typeof v === "string") return true;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const periods = (v as Record<string, unknown>).periods as Record<string, unknown> | undefined;
  if (periods !== undefined)
    return (
      typeof periods === "object" &&
      periods !== null &&
      typeof periods.of === "string" &&
      (periods.count === 4 || periods.count === 12)
    );
  const years = (v as Record<string, unknown>).years as Record<string, unknown> | undefined;
  return typeof years === "object" && years !== null && typeof years.from === "string" && typeof years.to === "string";
}

/** "HT_" and an entry id: T… for a new entry, X… for one moved from a custom XML part. */
const DEFINED_NAME = /^HT_[TX][A-Za-z0-9_]{1,64}$/;

/** The placement, if it is one that fits Excel's grid; undefined otherwise. */
function readPlacement(v: unknown): Placement | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const p = v as Record<string, unknown>;
  if (typeof p.sheetId !== "string") return undefined;
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

/** The JSON the workbook keeps for a template: everything but the version, which is kept beside it. */
export function storedJson(stored: Omit<Stored, "version">): string {
  const { template, lang, inputs, placement } = stored;
  return JSON.stringify({ template, lang, inputs, placement });
}

/** A stored template from parsed JSON, or why it cannot be used. */
export function readStored(data: unknown, version: number): Stored | { problem: Text } {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return damaged("not an object");
  const d = data as Record<string, unknown>;
  const template = typeof d.template === "string" ? templateById(d.template) : undefined;
  if (!template) return damaged("unknown template");
  if (d.lang !== "vi" && d.lang !== "en") return damaged("unknown language");
  const placement = readPlacement(d.placement);
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
  return { template: template.id, lang: d.lang, inputs: typed, placement, version };
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) =>
    name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : name === "apos" ? "'" : "&",
  );

/** The stored inputs in a custom XML part of the old format, or why they cannot be used. */
export function readPayload(xml: string): Stored | { problem: Text } {
  // Located with indexOf, not a backtracking regex: linear in the size of the part.
  const open = /<(?:[\w-]+:)?payload\b[^>]*>/.exec(xml.slice(0, 4096));
  const close = xml.lastIndexOf("</");
  if (
    !open ||
    close < 0 ||
    close < open.index ||
    !/^<\/(?:[\w-]+:)?payload>\s*$/.test(xml.slice(close)) ||
    !open[0].includes(PAYLOAD_NAMESPACE)
  ) {
    return damaged("no payload");
  }
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(xml.slice(open.index + open[0].length, close)));
  } catch {
    return damaged("not JSON");
  }
  if (typeof data !== "object" || data === null) return damaged("not an object");
  const format = (data as Record<string, unknown>).version;
  if (format !== PART_FORMAT) return damaged(`version ${String(format)}`);
  return readStored(data, 0);
}
