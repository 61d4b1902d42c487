/**
 * The preview's "save compatible .xlsx" button (#save-xlsx-compatible, beside #save-xlsx): the
 * workbook saved as its compatibility copy (src/compat/copy.ts), whose formulas compute in any
 * Excel since 2007 and in LibreOffice without the add-in. What it did is said beside the button
 * (#save-xlsx-compatible-report): how many formulas were translated, which cells keep values.
 * The preview's own workbook is not changed.
 */
import type { CompatReport } from "../compat/copy";
import type { Lang } from "../i18n/lang";
import { say } from "../i18n/strings";
import { h } from "../ui/dom";
import type { PreviewBook } from "./book";

/** What the report line says, in the user's language. */
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

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
        // The translator, the snapshot and the writer (with ExcelJS) load when first used, as
        // Save's do: the preview's first page load stays light.
        const [{ compatibleBook }, { bookSnapshot }, { writeWorkbook }] = await Promise.all([
          import(/* webpackChunkName: "preview-compat" */ "../compat/copy"),
          import(/* webpackChunkName: "preview-file" */ "./book-snapshot"),
          import(/* webpackChunkName: "preview-file" */ "../xlsx/write"),
        ]);
        const { book: copy, report: done } = compatibleBook(bookSnapshot(book), lang());
        download(await writeWorkbook(copy), say(lang(), "compatFileName"));
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
