/**
 * ExcelJS, loaded when a file is first saved or opened: in the preview's bundle it is a chunk of
 * its own (dist/preview-xlsx.js), never part of what Excel loads for the task pane.
 */
import type * as ExcelJS from "exceljs";

export type { ExcelJS };

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import(/* webpackChunkName: "preview-xlsx" */ "exceljs").then(
    // The browser build is a UMD bundle: webpack hands it over as the default export.
    (module) => ((module as unknown as { default?: typeof ExcelJS }).default ?? module) as typeof ExcelJS,
  );
  return loading;
}
