/**
 * What a compatibility copy did, said in the user's language: how many formulas were rewritten
 * into Excel's own functions, which cells keep values, which formulas are left as they were.
 * One wording for both ways to get a copy (the preview's file, the Excel pane's new sheets).
 */
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import type { CompatReport } from "./copy";

/** The report as one line of text. */
export function compatibleReportText(report: CompatReport, lang: Lang): string {
  const parts = [say(lang, "compatTranslated", { count: report.translated })];
  if (report.values.length > 0)
    parts.push(
      say(lang, "compatValues", {
        count: report.values.length,
        cells: report.values.map((v) => `${v.sheet}!${v.cell}`).join(", "),
      }),
    );
  if (report.kept.length > 0)
    parts.push(
      say(lang, "compatKept", {
        count: report.kept.length,
        cells: report.kept.map((v) => `${v.sheet}!${v.cell}`).join(", "),
      }),
    );
  return parts.join(" ");
}
