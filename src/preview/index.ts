/**
 * The preview: the real task pane beside an in-browser workbook, for trying Hạch Toán (and
 * testing it) without Excel. The task pane is the same; only its workbook adapter differs.
 */
import { languageOf } from "../i18n/strings";
import type { Lang } from "../templates/model";
import { mountApp } from "../taskpane/app";
import { registerElements } from "../taskpane/elements";
import { PreviewBook } from "./book";
import { mountSheetView } from "./sheet-view";
import { previewWorkbook } from "./workbook";
import { payloadXml, readPayload } from "../templates/payload";
import { renderTemplate } from "../templates/render";
import { templateById } from "../templates/catalog";
import { useMessageLanguage } from "./ht-plugin";

const requested = new URLSearchParams(location.search).get("lang");
const lang: Lang = requested === "vi" || requested === "en" ? requested : languageOf(navigator.language);
registerElements();
useMessageLanguage(lang);
const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
mountSheetView(document.getElementById("workbook")!, book, () => lang);
const workbook = previewWorkbook(book);
// For the browser tests, a person inserting rows above the selected cell's row (Home › Insert);
// for `npm run bench`, the payload reader and the workbook port as the pane uses them.
(window as unknown as { htPreview: unknown }).htPreview = {
  insertRows: (count: number) => book.insertRows(book.selection.sheet, book.selection.row, count),
  bench: { readPayload, payloadXml, renderTemplate, templateById, PreviewBook, previewWorkbook },
};
const app = mountApp(document.getElementById("app")!, { workbook, lang });
app.ready().then(
  () => performance.mark("ht:pane-ready"),
  (error: unknown) => {
    throw error;
  },
);
