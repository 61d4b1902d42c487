/**
 * The preview: the real task pane beside an in-browser workbook, for trying Hạch Toán (and
 * testing it) without Excel. The task pane is the same; only its workbook adapter differs.
 * `?panes=2` opens a second pane on the same workbook, as a second person co-authoring it
 * would: its own adapter, the same book (and the same hidden state sheet).
 */
import { languageOf } from "../i18n/strings";
import type { Lang } from "../i18n/lang";
import { languageConvention } from "../i18n/numbers";
import { mountApp, type App } from "../taskpane/app";
import { registerElements } from "../taskpane/elements";
import { h } from "../ui/dom";
import { PreviewBook } from "./book";
import { mountSheetView } from "./sheet-view";
import { previewWorkbook } from "./workbook";
import { encodeRow, readStateSheet } from "../workbook/state-rows";
import { renderTemplate } from "../templates/render";
import { templateById } from "../templates/catalog";
import { useMessageLanguage } from "./ht-plugin";
import { mountFileControls } from "./file-controls";
import { mountSaveCompatible } from "./save-compatible";
import { xlsxFiles } from "./xlsx-files";

const params = new URLSearchParams(location.search);
const requested = params.get("lang");
const lang: Lang = requested === "vi" || requested === "en" ? requested : languageOf(navigator.language);
const twoPanes = params.get("panes") === "2";
registerElements();
useMessageLanguage(lang);
const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1", languageConvention(lang));
const workbookRoot = document.getElementById("workbook")!;
mountSheetView(workbookRoot, book, () => lang);
const user = (n: number) => (lang === "vi" ? `Người dùng ${n}` : `User ${n}`);
const apps: [App, ...App[]] = [
  mountApp(document.getElementById("app")!, { workbook: previewWorkbook(book, twoPanes ? { by: user(1) } : {}), lang }),
];
if (twoPanes) {
  const root = h("div", { id: "app2", class: "pane" });
  document.body.classList.add("two-panes");
  document.body.append(h("aside", { class: "pane-frame second", "aria-label": `Hạch Toán — ${user(2)}` }, root));
  apps.push(mountApp(root, { workbook: previewWorkbook(book, { by: user(2) }), lang }));
}
const files = mountFileControls(workbookRoot.querySelector<HTMLElement>(".sheet-tools")!, workbookRoot, book, apps);
// Beside Save: the copy that computes without the add-in (its code is loaded on first use).
mountSaveCompatible(workbookRoot.querySelector<HTMLElement>(".sheet-tools")!, book, () => lang);
// One hook for the browser tests, `npm run bench` and anyone looking in from the console: the
// book itself, a person inserting rows above the selected cell's row (Home › Insert), and the
// state-row reader and the workbook port as the pane uses them.
(window as unknown as { htPreview: unknown }).htPreview = {
  book,
  insertRows: (count: number) => book.insertRows(book.selection.sheet, book.selection.row, count),
  files,
  bench: {
    encodeRow,
    readStateSheet,
    renderTemplate,
    templateById,
    PreviewBook,
    previewWorkbook,
    // The file code as Save and Open run it (loaded on first use, as they load it).
    xlsx: async () => ({
      ...(await import(/* webpackChunkName: "preview-file" */ "../xlsx/write")),
      ...(await import(/* webpackChunkName: "preview-file" */ "../xlsx/read")),
      ...(await import(/* webpackChunkName: "preview-file" */ "./book-snapshot")),
      ...(await import(/* webpackChunkName: "preview-file" */ "./open-book")),
      // Save's and Open's own way to the file library: its worker.
      files: xlsxFiles(),
    }),
    compat: () => import(/* webpackChunkName: "preview-compat" */ "../compat/copy"),
  },
};
Promise.all(apps.map((app) => app.ready())).then(
  () => performance.mark("ht:pane-ready"),
  (error: unknown) => {
    throw error;
  },
);
