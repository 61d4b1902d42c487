/**
 * The inputs of a filled template, stored in the workbook (a custom XML part) so that whoever
 * opens the shared workbook can reopen the form filled, change it and update the sheet. Reading
 * one back trusts nothing: a damaged or foreign payload is refused with a message.
 */
import { templateById } from "./catalog";
import type { Inputs, Lang, TemplateId, Text, Value } from "./model";
import { validateInputs } from "./validate";

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
}

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

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1_048_576;
}

/** The stored inputs in a custom XML part's text, or why they cannot be used. */
export function readPayload(xml: string): Stored | { problem: Text } {
  const match = /<(?:[\w-]+:)?payload\b[^>]*>([\s\S]*)<\/(?:[\w-]+:)?payload>/.exec(xml);
  if (!match || !xml.includes(PAYLOAD_NAMESPACE)) return damaged("no payload");
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
  const p = d.placement as Record<string, unknown> | undefined;
  if (!p || typeof p.sheetId !== "string" || ![p.row, p.col, p.rows, p.cols].every(isCount))
    return damaged("placement");
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
    placement: {
      sheetId: p.sheetId,
      row: p.row as number,
      col: p.col as number,
      rows: p.rows as number,
      cols: p.cols as number,
    },
  };
}
