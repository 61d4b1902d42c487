/**
 * The preview: the real task pane beside an in-browser workbook, for trying Hạch Toán (and
 * testing it) without Excel. The task pane is the same; only its workbook adapter differs.
 * `?panes=2` opens a second pane on the same workbook, as a second person co-authoring it
 * would: its own adapter, the same book (and the same hidden state sheet).
 */
import { languageOf } from "../i18n/strings";
import type { Lang } from "../templates/model";
import { mountApp } from "../taskpane/app";
import { registerFluent } from "../taskpane/fluent";
import { h } from "../taskpane/dom";
import { PreviewBook } from "./book";
import { mountSheetView } from "./sheet-view";
import { previewWorkbook } from "./workbook";

const params = new URLSearchParams(location.search);
const requested = params.get("lang");
const lang: Lang = requested === "vi" || requested === "en" ? requested : languageOf(navigator.language);
const twoPanes = params.get("panes") === "2";
registerFluent();
const book = new PreviewBook(lang === "vi" ? "Trang1" : "Sheet1");
mountSheetView(document.getElementById("workbook")!, book, () => lang);
const user = (n: number) => (lang === "vi" ? `Người dùng ${n}` : `User ${n}`);
const apps = [
  mountApp(document.getElementById("app")!, { workbook: previewWorkbook(book, twoPanes ? { by: user(1) } : {}), lang }),
];
if (twoPanes) {
  const root = h("div", { id: "app2", class: "pane" });
  document.body.classList.add("two-panes");
  document.body.append(h("aside", { class: "pane-frame second", "aria-label": `Hạch Toán — ${user(2)}` }, root));
  apps.push(mountApp(root, { workbook: previewWorkbook(book, { by: user(2) }), lang }));
}
// For the bench and for anyone looking into the preview from the browser's console.
(window as unknown as { hachToanPreview: unknown }).hachToanPreview = { book };
Promise.all(apps.map((app) => app.ready())).then(
  () => performance.mark("ht:pane-ready"),
  (error: unknown) => {
    throw error;
  },
);
