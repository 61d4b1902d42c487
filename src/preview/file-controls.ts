/**
 * The preview's file controls: Save (`#save-xlsx`) downloads the workbook as an .xlsx; Open (a
 * button for the file input `#open-xlsx`, or a file dropped on the workbook) replaces the
 * workbook with a file's, after asking when the workbook has changes not saved. Messages go to
 * the pane's message bar, in its language. The file code (ExcelJS) loads on first use, in a
 * worker of its own (xlsx-files.ts): the page keeps drawing while a file is packed or unpacked.
 * The bar changes once per action, to its outcome (tests outside the repository wait for that).
 */
import type { Text } from "../i18n/lang";
import type { App } from "../taskpane/app";
import { h } from "../ui/dom";
import type { PreviewBook } from "./book";
import { XLSX_TYPE, downloadXlsx } from "./download";
import { xlsxFiles } from "./xlsx-files";

const T = {
  save: { vi: "Lưu .xlsx", en: "Save .xlsx" },
  saveTitle: { vi: "Tải sổ tính xuống thành tệp Excel (.xlsx)", en: "Download the workbook as an Excel file (.xlsx)" },
  open: { vi: "Mở .xlsx…", en: "Open .xlsx…" },
  openTitle: {
    vi: "Mở một tệp Excel (.xlsx) thay cho sổ tính này; cũng có thể kéo tệp thả vào sổ tính",
    en: "Open an Excel file (.xlsx) in place of this workbook; you can also drop a file on the workbook",
  },
  saved: (name: string): Text => ({ vi: `Đã lưu ${name}.`, en: `Saved ${name}.` }),
  opened: (name: string): Text => ({ vi: `Đã mở ${name}.`, en: `Opened ${name}.` }),
  dropped: (list: Text[]): Text => ({
    vi: ` Khi lưu lại, tệp sẽ không còn: ${list.map((t) => t.vi).join(", ")}.`,
    en: ` Saved again, the file will not keep: ${list.map((t) => t.en).join(", ")}.`,
  }),
  unsaved: (name: string): Text => ({
    vi: `Sổ tính có thay đổi chưa lưu. Mở ${name} và bỏ các thay đổi đó?`,
    en: `The workbook has changes that are not saved. Open ${name} and discard them?`,
  }),
  discard: { vi: "Mở và bỏ thay đổi", en: "Open and discard" },
  cancel: { vi: "Huỷ", en: "Cancel" },
  oneFile: { vi: "Hãy thả một tệp .xlsx.", en: "Drop one .xlsx file." },
  saveFailed: (message: string): Text => ({
    vi: `Không lưu được tệp: ${message}`,
    en: `The file could not be saved: ${message}`,
  }),
  openFailed: (message: string): Text => ({
    vi: `Không mở được tệp: ${message}. Sổ tính đang mở không thay đổi.`,
    en: `The file could not be opened: ${message}. The open workbook was not changed.`,
  }),
} as const;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface FileControls {
  /** Saves the workbook; settles once the download is handed to the browser. */
  readonly save: () => Promise<void>;
  /** Opens a file (asks first when there are unsaved changes); settles when done or refused. */
  readonly open: (file: File) => Promise<void>;
}

export function mountFileControls(
  toolbar: HTMLElement,
  dropTarget: HTMLElement,
  book: PreviewBook,
  apps: readonly [App, ...App[]],
): FileControls {
  // The first pane tells; every pane (the preview can show two co-authors) starts over on a new file.
  const app = apps[0];
  let dirty = false;
  let opening = false;
  let fileName = "HachToan.xlsx";
  book.onChange(() => {
    if (!opening) dirty = true;
  });

  const saveButton = h("button", { type: "button", class: "tool", id: "save-xlsx" });
  const openButton = h("button", { type: "button", class: "tool", id: "open-xlsx-button" });
  const input = h("input", { type: "file", id: "open-xlsx", accept: `.xlsx,${XLSX_TYPE}`, class: "file-input" });
  input.tabIndex = -1;
  input.setAttribute("aria-hidden", "true");
  const label = () => {
    const lang = app.lang();
    saveButton.textContent = T.save[lang];
    saveButton.title = T.saveTitle[lang];
    openButton.textContent = T.open[lang];
    openButton.title = T.openTitle[lang];
  };
  label();
  // The pane's language picker relabels the pane; the buttons follow on their next use or hover.
  for (const b of [saveButton, openButton]) b.addEventListener("pointerenter", label);
  toolbar.append(openButton, input, saveButton);

  async function save(): Promise<void> {
    label();
    try {
      const [{ bookSnapshot }, { withChartPictures }] = await Promise.all([
        import(/* webpackChunkName: "preview-file" */ "./book-snapshot"),
        import(/* webpackChunkName: "preview-file" */ "./chart-picture"),
      ]);
      // A chart goes into the file as its picture: the file library writes no charts.
      // A template being written goes in whole: the snapshot waits for the writes under way.
      const snapshot = await withChartPictures(book, await book.exclusive(async () => bookSnapshot(book)), app.lang());
      downloadXlsx(await xlsxFiles().write(snapshot), fileName);
      dirty = false;
      app.tell("success", T.saved(fileName));
    } catch (error) {
      app.tell("error", T.saveFailed(messageOf(error)));
      throw error;
    }
  }

  async function open(file: File): Promise<void> {
    label();
    try {
      const [{ MAX_FILE_BYTES, PROBLEMS, DROPPED }, { openSnapshot }] = await Promise.all([
        import(/* webpackChunkName: "preview-file" */ "../xlsx/problems"),
        import(/* webpackChunkName: "preview-file" */ "./open-book"),
      ]);
      // Refused before it is read into memory.
      if (file.size > MAX_FILE_BYTES) return app.tell("error", PROBLEMS.tooLarge);
      const read = await xlsxFiles().read(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) return app.tell("error", read.problem);
      const apply = async (): Promise<void> => {
        // After the writes under way (a template's slices would go on into the new workbook).
        const outcome = await book.exclusive(async () => {
          opening = true;
          try {
            return openSnapshot(book, read.book, read.dropped);
          } finally {
            opening = false;
          }
        });
        if (!outcome.ok) return app.tell("error", T.openFailed(messageOf(outcome.error)));
        dirty = false;
        fileName = /\.xlsx$/i.test(file.name) ? file.name : `${file.name}.xlsx`;
        const opened = T.opened(file.name);
        const dropped = outcome.dropped.length > 0 ? T.dropped(outcome.dropped.map((d) => DROPPED[d])) : undefined;
        await Promise.all(apps.map((a) => a.restart()));
        app.tell(
          dropped ? "warning" : "success",
          dropped ? { vi: opened.vi + dropped.vi, en: opened.en + dropped.en } : opened,
        );
      };
      // The pane's form counts too: it belongs to the workbook being replaced.
      if (!dirty && !apps.some((a) => a.unwritten())) return await apply();
      app.tell(
        "warning",
        T.unsaved(file.name),
        { label: T.discard, run: () => void run(apply()) },
        { label: T.cancel, run: () => undefined, primary: true },
      );
    } catch (error) {
      app.tell("error", T.openFailed(messageOf(error)));
      throw error;
    }
  }

  const run = (work: Promise<void>) =>
    work.catch((error: unknown) => {
      // Told in the pane already; left for the console and the page's error hooks too.
      queueMicrotask(() => {
        throw error;
      });
    });
  saveButton.addEventListener("click", () => void run(save()));
  openButton.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) void run(open(file));
  });
  dropTarget.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  dropTarget.addEventListener("drop", (event) => {
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    event.preventDefault();
    if (files.length > 1) return app.tell("error", T.oneFile);
    void run(open(files[0]));
  });
  return { save, open };
}
