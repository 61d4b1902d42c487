/** How each kind of cell looks, for every adapter: Excel's range formats and the preview's CSS. */
import type { Style } from "./model";

export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly center?: boolean;
  readonly topBorder?: boolean;
}

export const LOOKS: Readonly<Record<Style, Look>> = {
  title: { bold: true, size: 14, color: "#1E6B47", center: true },
  subtitle: { italic: true, size: 11, center: true },
  section: { bold: true, color: "#1E6B47", fill: "#E6F0EA" },
  header: { bold: true, color: "#FFFFFF", fill: "#1E6B47", wrap: true, center: true },
  label: {},
  input: { fill: "#FFF4C2" },
  param: { color: "#1F3F8F" },
  computed: {},
  total: { bold: true, topBorder: true },
  clause: { wrap: true },
  note: { italic: true, color: "#595959" },
};
