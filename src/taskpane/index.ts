/**
 * The task pane's entry: the one place that waits for Office. In Excel the pane writes through
 * the Excel adapter and reads numbers with Excel's separators; anywhere else (a browser tab) it
 * says where to open it, and numbers follow the pane's language.
 */
import { languageOf } from "../i18n/strings";
import type { NumberConvention } from "../i18n/numbers";
import { excelWorkbook } from "../excel/workbook";
import { excelConvention } from "../excel/separators";
import { mountApp } from "./app";
import { registerElements } from "./elements";

/** Excel's separators, or undefined (the language's) when the host cannot say. */
async function hostConvention(): Promise<NumberConvention | undefined> {
  try {
    return await excelConvention(
      (batch) => Excel.run(batch),
      (set, version) => Office.context.requirements.isSetSupported(set, version),
    );
  } catch (error) {
    // The pane still works with its language's separators, and says why in the console for support.
    console.warn("Excel's number separators could not be read; using the language's.", error);
    return undefined;
  }
}

Office.onReady(async (info) => {
  registerElements();
  const inExcel = info.host === Office.HostType.Excel;
  mountApp(document.getElementById("app")!, {
    workbook: inExcel ? excelWorkbook() : null,
    lang: languageOf(inExcel ? Office.context.displayLanguage : navigator.language),
    numbers: inExcel ? await hostConvention() : undefined,
  });
});
