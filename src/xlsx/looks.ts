/**
 * The templates' looks (sheet/styles.ts) and number formats as a file's cell styles, and back:
 * a style read from a file becomes the template look it is exactly, so the preview draws an
 * opened document as it drew it before saving; any other style is kept as it is for the next save.
 */
import { NUMBER_FORMATS } from "../sheet/cell-plan";
import { LOOKS, verticalOf, type Look } from "../sheet/styles";
import type { Format, Style } from "../templates/model";
import { DEFAULT_FONT, type XlsxStyle } from "./snapshot";

const LOOK_STYLES = new Map<string, XlsxStyle>();

/** The style a cell gets from its template look, number format and table rule: one object per combination. */
export function lookStyle(style: Style | undefined, format: Format | undefined, ruled: boolean): XlsxStyle {
  const key = `${style ?? ""}|${format ?? ""}|${ruled ? 1 : 0}`;
  let made = LOOK_STYLES.get(key);
  if (!made) LOOK_STYLES.set(key, (made = makeLookStyle(style, format, ruled)));
  return made;
}

function makeLookStyle(style: Style | undefined, format: Format | undefined, ruled: boolean): XlsxStyle {
  const look: Look = style ? LOOKS[style] : {};
  const font = {
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
    ...(look.underline ? { underline: true } : {}),
    ...(look.size && look.size !== DEFAULT_FONT.size ? { size: look.size } : {}),
    ...(look.color ? { color: look.color } : {}),
  };
  const alignment = {
    ...(look.center ? { horizontal: "center" as const } : look.right ? { horizontal: "right" as const } : {}),
    ...(look.wrap ? { wrapText: true } : {}),
    ...(style ? { vertical: verticalOf(style) } : {}),
  };
  // A total's line is drawn heavier than a table's rule (as the preview draws it), over the
  // rule when both apply: so the file tells a total from a bold cell of a ruled table.
  const border = {
    ...(ruled ? { top: "thin" as const, left: "thin" as const, bottom: "thin" as const, right: "thin" as const } : {}),
    ...(look.topBorder ? { top: "medium" as const } : {}),
  };
  return {
    ...(format ? { numFmt: NUMBER_FORMATS[format] } : {}),
    ...(Object.keys(font).length > 0 ? { font } : {}),
    ...(look.fill ? { fill: look.fill } : {}),
    ...(Object.keys(border).length > 0 ? { border } : {}),
    ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
  };
}

/** What of a style a template look decides, as one comparable string. */
function lookKey(style: XlsxStyle): string {
  const f = style.font ?? {};
  const a = style.alignment ?? {};
  return JSON.stringify([
    f.bold === true,
    f.italic === true,
    f.underline === true,
    // 11 points is the workbook's default size: a file may say it or not.
    f.size === 11 ? null : (f.size ?? null),
    f.color?.toUpperCase() ?? null,
    style.fill?.toUpperCase() ?? null,
    a.horizontal ?? null,
    a.wrapText === true,
    // Not the vertical alignment: no two looks differ by it alone, and a file saved before every
    // template cell was set at the top still reads as the looks it was written with.
  ]);
}

const STYLE_BY_KEY = new Map<string, Style[]>();
for (const style of Object.keys(LOOKS) as Style[]) {
  const key = lookKey(lookStyle(style, undefined, false));
  STYLE_BY_KEY.set(key, [...(STYLE_BY_KEY.get(key) ?? []), style]);
}
const FORMAT_BY_CODE = new Map<string, Format>(
  (Object.entries(NUMBER_FORMATS) as [Format, string][]).map(([format, code]) => [code, format]),
);

/** A file's cell style as the preview keeps it: template look, number format, rule, and what is left. */
export interface ReadLook {
  readonly style?: Style;
  readonly format?: Format;
  readonly ruled: boolean;
  /** The file's own style, when the template looks do not say all of it (kept for the next save). */
  readonly foreign?: XlsxStyle;
}

export function readLook(style: XlsxStyle | undefined): ReadLook {
  if (!style) return { ruled: false };
  const b = style.border ?? {};
  const ruled =
    (b.top === "thin" || b.top === "medium") && b.left === "thin" && b.bottom === "thin" && b.right === "thin";
  const format = style.numFmt === undefined ? undefined : FORMAT_BY_CODE.get(style.numFmt);
  const candidates = STYLE_BY_KEY.get(lookKey(style)) ?? [];
  // Several looks share a key (a bold section and a bold total): the total's line tells them apart.
  const totalLine = b.top === "medium";
  // Nothing a look draws, unless it is set at the top as a template's plain cell ("computed") is.
  const empty = lookKey(style) === lookKey({}) && style.alignment?.vertical !== "top";
  const match = empty
    ? undefined
    : (candidates.find((s) => (LOOKS[s].topBorder === true) === totalLine && LOOKS[s].size === style.font?.size) ??
      candidates.find((s) => (LOOKS[s].topBorder === true) === totalLine) ??
      candidates[0]);
  const rebuilt = lookStyle(match, format, ruled);
  const same = JSON.stringify(normal(rebuilt)) === JSON.stringify(normal(style));
  return {
    ...(match ? { style: match } : {}),
    ...(format ? { format } : {}),
    ruled,
    ...(same ? {} : { foreign: style }),
  };
}

/**
 * Whether a file's style is `own` but for its vertical alignment: a template cell of a file saved
 * before every template cell was set at the top of its row (or one a program moved).
 */
export function sameButVertical(file: XlsxStyle, own: XlsxStyle): boolean {
  const level = (s: XlsxStyle): XlsxStyle => ({ ...s, alignment: { ...s.alignment, vertical: undefined } });
  return JSON.stringify(normal(level(file))) === JSON.stringify(normal(level(own)));
}

/** A style with its colours in one case and empty parts left out, for comparing. */
function normal(style: XlsxStyle): unknown {
  const font = style.font
    ? Object.fromEntries(
        Object.entries(style.font)
          .filter(([, v]) => v !== undefined && v !== false)
          .map(([k, v]) => [k, typeof v === "string" ? v.toUpperCase() : v]),
      )
    : {};
  const border = Object.fromEntries(Object.entries(style.border ?? {}).filter(([, v]) => v !== undefined));
  const alignment = Object.fromEntries(
    Object.entries(style.alignment ?? {}).filter(([, v]) => v !== undefined && v !== false),
  );
  return {
    numFmt: style.numFmt ?? null,
    font: Object.keys(font)
      .sort()
      .map((k) => [k, font[k]]),
    fill: style.fill?.toUpperCase() ?? null,
    border: Object.keys(border)
      .sort()
      .map((k) => [k, border[k]]),
    alignment: Object.keys(alignment)
      .sort()
      .map((k) => [k, alignment[k]]),
  };
}
