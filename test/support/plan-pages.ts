/**
 * The pages of a rendered template as a program printing it would make them: rows at the plan's
 * heights, the fit-to-width scale, the print titles, the manual breaks, and a page that runs
 * full broken before the row that does not fit. `fill` is the share of the page the program
 * really fits (1: as the model; 0.95: a program whose rows come out 5 % taller).
 */
import type { CellPlan } from "../../src/sheet/cell-plan";
import { DEFAULT_HEIGHT_POINTS } from "../../src/sheet/excel-grid";
import { capacityOf, excelPages, fitScale, heightPixels, paper, widthPixels } from "../../src/sheet/page-setup";

export function planPages(plan: CellPlan, fill = 1): [number, number][] {
  const px = new Array<number>(plan.rows).fill(heightPixels(DEFAULT_HEIGHT_POINTS));
  for (const h of plan.heights) px[h.row] = heightPixels(h.points);
  const box = paper(plan.orientation);
  const scale = fitScale(
    plan.widths.map(widthPixels).reduce((a, b) => a + b, 0),
    box,
  );
  const titles = plan.printTitles;
  const capacity = capacityOf((box.innerHeight / scale) * fill, titles && { ...titles, height: px[titles.row] });
  return excelPages(px, capacity, plan.pageBreaks);
}
