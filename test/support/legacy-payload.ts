/**
 * The custom XML part Hạch Toán wrote before the state sheet (namespace urn:hach-toan:template:1),
 * exactly as that version wrote it, for tests that open workbooks written by earlier versions.
 */
import { PAYLOAD_NAMESPACE, type Stored } from "../../src/workbook/payload";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function payloadXml(stored: Omit<Stored, "version">): string {
  const { template, lang, inputs, placement } = stored;
  const json = JSON.stringify({ version: 1, template, lang, inputs, placement });
  return `<payload xmlns="${PAYLOAD_NAMESPACE}">${escapeXml(json)}</payload>`;
}
