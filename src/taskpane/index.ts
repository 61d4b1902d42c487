/**
 * The task pane's entry: the one place that waits for Office. In Excel the pane writes through
 * the Excel adapter; anywhere else (a browser tab) it says where to open it.
 */
import { languageOf } from "../i18n/strings";
import { excelWorkbook } from "../excel/workbook";
import { mountApp } from "./app";
import { registerFluent } from "./fluent";

Office.onReady((info) => {
  registerFluent();
  const inExcel = info.host === Office.HostType.Excel;
  mountApp(document.getElementById("app")!, {
    workbook: inExcel ? excelWorkbook() : null,
    lang: languageOf(inExcel ? Office.context.displayLanguage : navigator.language),
  });
});
