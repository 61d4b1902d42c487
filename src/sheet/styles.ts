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
}

// A printed document is black on white: colour stays for what the screen alone needs (inputs).
export const LOOKS: Readonly<Record<Style, Look>> = {
  title: { bold: true, size: 14, center: true },
  subtitle: { italic: true, center: true },
  section: { bold: true },
  header: { bold: true, fill: "#E6F0EA", wrap: true, center: true },
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
