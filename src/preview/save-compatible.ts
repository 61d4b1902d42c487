/**
 * The preview's "save compatible .xlsx" button (#save-xlsx-compatible, beside #save-xlsx): the
 * workbook saved as its compatibility copy (src/compat/copy.ts), whose formulas compute in any
 * Excel since 2007 and in LibreOffice without the add-in. What it did is said beside the button
 * (#save-xlsx-compatible-report): how many formulas were translated, which cells keep values.
 * The preview's own workbook is not changed.
 */
import { compatibleReportText } from "../compat/report-text";
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import { h } from "../ui/dom";
import type { PreviewBook } from "./book";
import { downloadXlsx } from "./download";
import { xlsxFiles } from "./xlsx-files";

/** Puts the button and its report line into the sheet toolbar, after #save-xlsx when it is there. */
export function mountSaveCompatible(toolbar: HTMLElement, book: PreviewBook, lang: () => Lang): void {
  const button = h("button", { type: "button", class: "tool", id: "save-xlsx-compatible" });
  const report = h("output", { class: "save-report", id: "save-xlsx-compatible-report", "aria-live": "polite" });
  const label = () => {
    button.textContent = say(lang(), "saveCompatible");
    button.title = say(lang(), "saveCompatibleHint");
  };
  label();
  button.addEventListener("click", () => {
    void (async () => {
      button.disabled = true;
      report.dataset.intent = "info";
      report.textContent = say(lang(), "writing");
      try {
        // The translator and the snapshot load when first used, as Save's do (the preview's first
        // page load stays light); the file is packed in Save's worker.
        const [{ compatibleBook }, { bookSnapshot }] = await Promise.all([
          import(/* webpackChunkName: "preview-compat" */ "../compat/copy"),
          import(/* webpackChunkName: "preview-file" */ "./book-snapshot"),
        ]);
        // A template being written goes in whole: the snapshot waits for the writes under way.
        const snapshot = await book.exclusive(async () => bookSnapshot(book));
        const { book: copy, report: done } = compatibleBook(snapshot, lang());
        downloadXlsx(await xlsxFiles().write(copy), say(lang(), "compatFileName"));
        report.dataset.intent = "success";
        report.textContent = compatibleReportText(done, lang());
      } catch (error) {
        report.dataset.intent = "error";
        report.textContent = say(lang(), "failed", { message: error instanceof Error ? error.message : String(error) });
      } finally {
        button.disabled = false;
      }
    })();
  });
  const after = toolbar.querySelector("#save-xlsx");
  if (after) after.after(button, report);
  else toolbar.append(button, report);
}
