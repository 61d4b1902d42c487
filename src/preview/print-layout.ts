/**
 * How a sheet's print area falls onto paper, as Excel prints a template: the page setup the
 * template declared (src/sheet/page-setup.ts: A4, Excel's normal margins, the orientation, one
 * page wide, the manual page breaks, the print titles and the footer), kept by the sheet.
 */
import type { Area } from "../sheet/cell-plan";
import type { Orientation } from "../sheet/page-setup";

export { MARGINS, FOOTER_MARGIN, excelPages, fitScale, footerText, paper, capacityOf } from "../sheet/page-setup";
export type { Paper } from "../sheet/page-setup";

/** What a sheet keeps for printing (Excel's page layout), in sheet rows and columns. */
export interface PrintSetup {
  readonly area: Area;
  readonly orientation: Orientation;
  /** Rows repeated at the top of every page after the one they first appear on (Excel's print titles). */
  readonly titleRows?: { readonly row: number; readonly rows: number };
  /** Manual page breaks: the sheet rows that start a new page. */
  readonly breaks: readonly number[];
  /** The footer of every page, in Excel's codes (&P, &N); empty for none. */
  readonly footer: string;
}
