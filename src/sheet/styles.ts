/** How each kind of cell looks, for every adapter: Excel's range formats and the preview's CSS. */
import type { Style } from "../templates/model";

export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly center?: boolean;
  readonly right?: boolean;
  readonly topBorder?: boolean;
  /** Set in the middle of its row rather than at the top (see `verticalOf`). */
  readonly middle?: boolean;
}

// A printed document is black on white: colour stays for what the screen alone needs (inputs).
export const LOOKS: Readonly<Record<Style, Look>> = {
  title: { bold: true, size: 14, center: true },
  subtitle: { italic: true, center: true },
  section: { bold: true },
  header: { bold: true, fill: "#E6F0EA", wrap: true, center: true, middle: true },
  label: { wrap: true },
  input: { fill: "#FFF4C2" },
  param: { color: "#1F3F8F" },
  computed: {},
  total: { bold: true, topBorder: true },
  clause: { wrap: true },
  note: { italic: true, color: "#595959", wrap: true },
  nation: { bold: true, center: true },
  motto: { bold: true, underline: true, center: true },
  superior: { center: true },
  unitName: { bold: true, center: true },
  docNo: { center: true },
  dateLine: { italic: true, right: true },
  unitLine: { italic: true, right: true },
  signTitle: { bold: true, center: true, wrap: true },
  signNote: { italic: true, center: true },
  signName: { bold: true, center: true },
  group: { bold: true },
  wrapped: { color: "#1F3F8F", wrap: true },
  wrappedLabel: { wrap: true },
};

export type Vertical = "top" | "middle";

/**
 * Where a template cell's text sits in its row. A row is as tall as its tallest cell (a label
 * wrapped on two lines, a header of three, or a height planned with a wider font than the one
 * printed), and a cell left at the foot, Excel's default, then reads beside the line under its
 * label, or under a blank band in a header. So every cell with a template look sits at the top
 * of its row, and a table's header in the middle; every adapter applies this.
 */
export function verticalOf(style: Style): Vertical {
  return LOOKS[style].middle === true ? "middle" : "top";
}
