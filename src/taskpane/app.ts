/**
 * The task pane: choose a template, fill it, write it; reopen a filled one, update it, or freeze a
 * copy as values. The workbook is a parameter (Excel, the preview, or none outside a host).
 */
import { TEMPLATES, templateById } from "../templates/catalog";
import type { Inputs, Issue, TemplateDecl } from "../templates/model";
import type { Lang, Text } from "../i18n/lang";
import { renderSteps } from "../templates/render";
import { defaultInputs, validateInputs } from "../templates/validate";
import type { Stored } from "../workbook/payload";
import { say, type StringKey } from "../i18n/strings";
import { diffInputs } from "../workbook/input-diff";
import { compatibleReportText } from "../compat/report-text";
import type { CompatOutcome, Filled, UpdateOutcome, WorkbookPort, Where } from "../workbook/port";
import type { UpdateAnswers, UpdateQuestion } from "../workbook/update-plan";
import { formatNumber, languageConvention, type NumberConvention } from "../i18n/numbers";
import { h } from "../ui/dom";
import { drive, nextTask, sliceClock } from "../ui/slices";
import { buildForm, type TemplateForm } from "./form";
import { PLAN_REPORT, REPORT_CONTEXT, reportInputs } from "../templates/plan-report";

/** How many lines of a question the pane lists before "… and N more". */
const LISTED = 12;
/** How many problems the summary of a refused write lists, each a link to its control. */
const ISSUES_LISTED = 100;

export interface AppOptions {
  /** The workbook to write into; null where there is none (a browser outside Office). */
  readonly workbook: WorkbookPort | null;
  readonly lang: Lang;
  /** The separators the host uses for this user (Excel's); else the pane language's, following the picker. */
  readonly numbers?: NumberConvention;
}

export type Intent = "success" | "warning" | "error" | "info";

/** A button a message offers: its label, and what it does once the message is gone. */
export interface MessageAction {
  readonly label: Text;
  readonly run: () => void;
  readonly primary?: boolean;
}

export interface App {
  /** Settles when the current view has finished loading. */
  readonly ready: () => Promise<void>;
  /** Shows a message from the page around the pane (the preview's files) in the pane's message bar. */
  readonly tell: (intent: Intent, message: Text, ...actions: MessageAction[]) => void;
  /** The pane's language now (the picker may have changed it). */
  readonly lang: () => Lang;
  /** Whether the open form holds changes not written to the workbook. */
  readonly unwritten: () => boolean;
  /**
   * The workbook was replaced by another (the preview opened a file): the pane starts on the new
   * workbook's list, as a pane opened beside that file would. Settles once the list is shown.
   */
  readonly restart: () => Promise<void>;
}

export function mountApp(root: HTMLElement, options: AppOptions): App {
  let lang = options.lang;
  const workbook = options.workbook;
  let pending: Promise<void> = Promise.resolve();
  let paneKeptOpen = false;
  type Editing = Extract<Filled, { stored: Stored }>;
  /** The form on screen, what it held when opened or last written, and how to show it again. */
  let open: { form: TemplateForm; baseline: string; relabel: (inputs: Inputs) => void } | undefined;
  const changed = () => open !== undefined && JSON.stringify(open.form.read()) !== open.baseline;
  /**
   * What the pane shows, for changes made elsewhere: the list (refreshed in place), or a form and
   * the stored entry it edits (told of a newer version, never replaced by it).
   */
  let view: { kind: "home"; refresh: () => Promise<void> } | { kind: "form"; onChanged: () => Promise<void> } = {
    kind: "form",
    onChanged: async () => undefined,
  };

  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const main = h("main", { class: "view" });
  const languagePicker = h(
    "select",
    { id: "language", "aria-label": "Ngôn ngữ / Language" },
    h("option", { value: "vi" }, "Tiếng Việt"),
    h("option", { value: "en" }, "English"),
  );
  languagePicker.value = lang;
  const title = h("h1", {}, say(lang, "appName"));
  const tagline = h("p", { class: "tagline" }, say(lang, "tagline"));
  // The help page (docs/help.md, served as help.html beside the pane), in the pane's language.
  const help = h(
    "a",
    { class: "help-link", href: `help.html#${lang}`, target: "_blank", rel: "noopener" },
    say(lang, "help"),
  );
  root.replaceChildren(
    h("header", { class: "top" }, h("div", {}, title, tagline), h("div", { class: "top-tools" }, help, languagePicker)),
    status,
    main,
  );

  const show = (intent: Intent, message: string, ...actions: HTMLElement[]) => {
    status.replaceChildren(
      h("fluent-message-bar", { intent, class: `message ${intent}` }, h("span", {}, message), ...actions),
    );
    // After a long form the verdict would be out of sight. In the next frame, so that the scroll
    // shares the layout the browser does anyway instead of forcing one of the whole page now.
    requestAnimationFrame(() => status.scrollIntoView?.({ block: "nearest" }));
  };
  const clearStatus = () => status.replaceChildren();
  const busy = (key: StringKey) => {
    main.setAttribute("aria-busy", "true");
    status.replaceChildren(
      h(
        "div",
        { class: "busy" },
        // The spinner is named by the text beside it (which also counts the progress).
        h("fluent-spinner", { size: "tiny", "aria-labelledby": "busy-text" }),
        h("span", { id: "busy-text" }, say(lang, key)),
      ),
    );
  };
  const idle = () => main.removeAttribute("aria-busy");
  const progress = (done: number, total: number) => {
    if (total <= 1) return;
    const text = status.querySelector(".busy span");
    if (text) text.textContent = say(lang, "writingProgress", { done, total });
  };
  /** Leaves the form for `then`, asking first when it holds changes not written. */
  const leave = async (then: () => Promise<void>): Promise<void> => {
    if (!changed()) {
      open = undefined;
      return await then();
    }
    show(
      "warning",
      say(lang, "unsaved"),
      button(say(lang, "discard"), () => {
        // The question is answered: it must not stay on the view the user goes to.
        clearStatus();
        open = undefined;
        step(then);
      }),
      button(say(lang, "keepEditing"), clearStatus, "primary"),
    );
  };
  const button = (text: string, onClick: () => void, appearance?: string) => {
    const b = h("fluent-button", { appearance, type: "button" }, text);
    b.addEventListener("click", onClick);
    return b;
  };
  const failed = (error: unknown) =>
    show("error", say(lang, "failed", { message: error instanceof Error ? error.message : String(error) }));
  const pick = (text: Text) => text[lang];

  /** Runs one step of the UI; the page's tests wait on `ready()`. */
  function step(work: () => Promise<void>): void {
    pending = pending.then(work).catch((error: unknown) => {
      idle();
      failed(error);
    });
  }

  async function keepPaneOpen(): Promise<void> {
    if (paneKeptOpen || !workbook) return;
    paneKeptOpen = true;
    try {
      return await workbook.keepPaneOpen();
    } catch (error) {
      show("warning", say(lang, "autoOpenFailed", { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function home(): Promise<void> {
    open = undefined;
    title.textContent = say(lang, "appName");
    tagline.textContent = say(lang, "tagline");
    help.textContent = say(lang, "help");
    help.href = `help.html#${lang}`;
    const cards = TEMPLATES.map((template) =>
      h(
        "section",
        { class: "card" },
        h("h3", {}, pick(template.name)),
        h("p", {}, pick(template.description)),
        button(say(lang, "newFromTemplate"), () => step(() => openForm(template)), "primary"),
      ),
    );
    const list = h("ul", { class: "filled" });
    main.replaceChildren(
      h("h2", {}, say(lang, "chooseTemplate")),
      h("div", { class: "cards" }, ...cards),
      h("h2", {}, say(lang, "filledHere")),
      list,
    );
    if (!workbook) {
      list.replaceWith(h("p", { class: "muted" }, say(lang, "notInExcel")));
      return;
    }
    busy("loading");
    let filled: Filled[];
    try {
      filled = await workbook.listFilled();
    } finally {
      idle();
    }
    clearStatus();
    list.replaceChildren(...filledItems(filled));
    // For colleagues on Excel 2007-2019 or LibreOffice: the workbook's HT formulas in native Excel.
    if (workbook.compatibleCopy)
      main.append(
        h(
          "section",
          { class: "share" },
          h("p", { class: "muted" }, say(lang, "compatCopyHint")),
          button(say(lang, "compatCopy"), () => step(compatCopy), "primary"),
        ),
      );
    // A co-author's change: the list is read again in place, leaving the message bar alone.
    view = {
      kind: "home",
      refresh: async () => void list.replaceChildren(...filledItems(await workbook.listFilled())),
    };
  }

  function filledItems(filled: readonly Filled[]): HTMLElement[] {
    if (filled.length === 0) return [h("li", { class: "muted" }, say(lang, "noneFilled"))];
    return filled.map((entry) => {
      if ("problem" in entry) {
        return h("li", { class: "problem" }, h("strong", {}, say(lang, "unreadable")), " — ", pick(entry.problem));
      }
      const template = templateById(entry.stored.template)!;
      return h(
        "li",
        {},
        h("span", { class: "entry" }, `${pick(template.name)} — ${entry.sheetName}`),
        button(say(lang, "edit"), () => step(() => openForm(template, entry))),
        ...(followedByPeriod(entry)
          ? [
              h(
                "span",
                { title: say(lang, "reportHint") },
                button(say(lang, "report"), () => step(() => openReport(entry))),
              ),
            ]
          : []),
        h(
          "span",
          { title: say(lang, "freezeHint") },
          button(say(lang, "freeze"), () => step(() => freeze(entry.stored))),
        ),
        button(say(lang, "remove"), () => askRemove(entry, `${pick(template.name)} — ${entry.sheetName}`)),
      );
    });
  }

  /** A plan followed by quarter or month: it has a fulfilment report to write. */
  const followedByPeriod = (entry: Editing) =>
    entry.stored.template === "plan" && ["quarter", "month"].includes(String(entry.stored.inputs.fields.periods));

  /** Opens a new fulfilment report's form for a filled plan: its heading and signers from the plan. */
  async function openReport(plan: Editing): Promise<void> {
    const own = { ...plan.stored.inputs.fields, docNo: null, docDate: null, reportPeriod: 1 };
    const inputs = reportInputs(plan.stored.inputs, placeOf(plan), own);
    await openForm(PLAN_REPORT, undefined, undefined, plan.partId, inputs);
  }

  const placeOf = (plan: Editing) => ({
    sheet: plan.sheetName,
    sheetId: plan.stored.placement.sheetId,
    row: plan.stored.placement.row,
    col: plan.stored.placement.col,
  });

  /**
   * A report's inputs as they are written: the form's fields, the plan it follows as the workbook
   * holds it now (an updated plan's products), and where that plan is; undefined when it is gone.
   */
  async function withContext(
    template: TemplateDecl,
    typed: Inputs,
    before: Inputs | undefined,
    planId?: string,
  ): Promise<Inputs | undefined> {
    if (!template.context) return typed;
    const sheetId = before?.fields[REPORT_CONTEXT.sheetId];
    const plan = (await workbook!.listFilled()).find(
      (f): f is Editing =>
        "stored" in f &&
        f.stored.template === "plan" &&
        (f.partId === planId || (planId === undefined && f.stored.placement.sheetId === sheetId)),
    );
    return plan && reportInputs(plan.stored.inputs, placeOf(plan), typed.fields);
  }

  /** The workbook's current version of an entry, if it still holds one. */
  async function latest(partId: string): Promise<Editing | undefined> {
    const filled = await workbook!.listFilled();
    return filled.find((f): f is Editing => f.partId === partId && "stored" in f);
  }

  /** Who wrote a version, for the pane's words. */
  const whoWrote = (by: string, at: number | null) => {
    const who = by || say(lang, "someoneElse");
    if (at === null) return who;
    const time = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { timeStyle: "short" }).format(at);
    return say(lang, "byAt", { who, time });
  };

  /** The differences between two versions of a template's inputs, as a list. */
  function changeList(template: TemplateDecl, before: Stored, after: Stored): HTMLElement {
    const changes = diffInputs(template, before.inputs, after.inputs, lang);
    const empty = say(lang, "emptyValue");
    const list = h("ul", { class: "changes" });
    if (changes.length === 0) list.append(h("li", {}, say(lang, "noVisibleChange")));
    for (const change of changes) {
      list.append(
        h(
          "li",
          { "data-change": change.path },
          h("strong", {}, change.label),
          `: ${change.before || empty} → ${change.after || empty}`,
        ),
      );
    }
    return list;
  }

  function askRemove(entry: Editing, name: string): void {
    const removeWith = (sheet: boolean) => () =>
      step(async () => {
        busy("writing");
        try {
          await workbook!.remove(entry.partId, entry.stored, sheet);
        } finally {
          idle();
        }
        await home();
        show("success", say(lang, "removed", { name }));
      });
    show(
      "warning",
      say(lang, "askRemove", { name }),
      button(say(lang, "removeInputs"), removeWith(false)),
      button(say(lang, "removeSheet", { sheet: entry.sheetName }), removeWith(true)),
      button(say(lang, "cancel"), clearStatus, "primary"),
    );
  }

  async function compatCopy(): Promise<void> {
    busy("writing");
    let outcome: CompatOutcome;
    try {
      outcome = await workbook!.compatibleCopy!(lang, progress);
    } finally {
      idle();
    }
    if (!outcome.made) {
      show("info", say(lang, "compatNothing"));
      return;
    }
    const { report, cover } = outcome;
    show(
      report.kept.length > 0 ? "warning" : "success",
      `${say(lang, "compatCopied", { count: outcome.sheets.length, sheets: outcome.sheets.join(", "), cover })} ${compatibleReportText(report, lang)}`,
    );
  }

  async function freeze(stored: Stored): Promise<void> {
    busy("writing");
    try {
      const name = await workbook!.freeze(stored.placement.sheetId, lang);
      idle();
      await home();
      show("success", say(lang, "frozen", { sheet: name }));
    } finally {
      idle();
    }
  }

  async function openForm(
    template: TemplateDecl,
    opened?: Editing,
    kept?: { inputs: Inputs; baseline: string },
    /** A new report: the entry id of the plan it follows, and its first inputs. */
    reportOf?: string,
    fresh?: Inputs,
  ): Promise<void> {
    /**
     * The stored entry this form edits, as last loaded or written by this pane: after each
     * update, what the workbook holds now (a second update starts from the version the first wrote).
     */
    let editing = opened;
    if (!kept) clearStatus();
    const numbers = options.numbers ?? languageConvention(lang);
    const form = buildForm(
      template,
      kept?.inputs ?? (editing ? editing.stored.inputs : (fresh ?? defaultInputs(template, lang))),
      lang,
      {
        numbers,
        readSelection: workbook ? () => workbook.readSelection() : undefined,
      },
    );
    open = {
      form,
      baseline: kept?.baseline ?? JSON.stringify(form.read()),
      relabel: (inputs) =>
        step(() => openForm(template, editing, { inputs, baseline: open!.baseline }, reportOf, fresh)),
    };
    const placement = h(
      "fieldset",
      { class: "placement" },
      h("legend", {}, say(lang, "placement")),
      ...(["newSheet", "selection"] as const).map((kind) =>
        h(
          "label",
          {},
          h("input", { type: "radio", name: "where", value: kind, checked: kind === "newSheet" }),
          say(lang, kind === "newSheet" ? "newSheet" : "atSelection"),
        ),
      ),
    );
    // One write button: once the form's entry is in the workbook it updates it in place; a new
    // copy is its own, explicit action beside it.
    const submit = button(say(lang, editing ? "update" : "write"), () => step(() => write()), "primary");
    submit.id = "write";
    const writeCopy = button(say(lang, "writeCopy"), () => step(() => write({ kind: "newSheet" }, {}, true)));
    writeCopy.id = "write-copy";
    writeCopy.title = say(lang, "writeCopyHint");
    /** The buttons and the choice of place follow whether the form's entry is written yet. */
    const showWritten = () => {
      submit.textContent = say(lang, editing ? "update" : "write");
      writeCopy.hidden = !editing;
      placement.hidden = !!editing;
    };
    showWritten();
    main.replaceChildren(
      h(
        "div",
        { class: "form-head" },
        button(say(lang, "back"), () => step(() => leave(home))),
        h("h2", {}, pick(template.name)),
      ),
      form.element,
      // A report always goes on a sheet of its own, beside the plan.
      ...(template.context ? [] : [placement]),
      h("div", { class: "actions" }, submit, writeCopy),
    );
    form.element.addEventListener("submit", (event) => {
      event.preventDefault();
      step(() => write());
    });
    (form.element.querySelector("input, select") as HTMLElement | null)?.focus();

    /** Opens the workbook's latest version of this entry in place of the form (the user asked). */
    const reload = async () => {
      const newest = editing && (await latest(editing.partId));
      if (newest) await openForm(template, newest);
      else show("warning", say(lang, "deletedNotice"));
    };
    const offerReload = (intent: Intent, message: string, newer: Stored) =>
      show(
        intent,
        message,
        changeList(template, editing!.stored, newer),
        button(say(lang, "reload"), () => step(reload), "primary"),
        button(say(lang, "keepMine"), clearStatus),
      );
    let told = -1;
    view = {
      kind: "form",
      // Someone else changed the stored templates: say so if it is this one; keep the form.
      onChanged: async () => {
        if (!editing) return;
        const newest = await latest(editing.partId);
        if (!newest) {
          show("warning", say(lang, "deletedNotice"));
          return;
        }
        if (newest.stored.version === editing.stored.version || newest.stored.version === told) return;
        told = newest.stored.version;
        offerReload("info", say(lang, "changedNotice", { who: say(lang, "someoneElse") }), newest.stored);
      },
    };

    /** `copy`: a new entry on a new sheet, even when the form's entry is written already. */
    async function write(where?: Where, answers: UpdateAnswers = {}, copy = false): Promise<void> {
      // Read, checked and marked busy in the click's own task: a yield before `busy` would leave the
      // last verdict standing meanwhile, for the user and for checks that wait on the message bar.
      const typed = form.read();
      if (!workbook && template.context) {
        show("warning", say(lang, "notInExcel"));
        return;
      }
      // A report's hidden context (the plan's inputs) comes with what the form holds.
      const merged = await withContext(template, typed, editing?.stored.inputs ?? fresh, reportOf);
      if (!merged) {
        show("error", say(lang, "reportPlanMissing"));
        return;
      }
      const inputs = merged;
      const issues = validateInputs(template, inputs);
      if (form.showIssues(issues) > 0) {
        showIssueList(issues);
        return;
      }
      // A percentage typed below 1 may have been meant as a fraction: asked before anything is written.
      const [doubt] = form.percentDoubts();
      if (doubt) {
        const small = formatNumber(doubt.value, numbers, { percent: true });
        const big = formatNumber(doubt.value * 100, numbers, { percent: true });
        const answer = (keep: boolean) => () => {
          form.settlePercent(doubt.path, keep);
          clearStatus();
          step(() => write(where, answers, copy));
        };
        show(
          "warning",
          say(lang, "percentDoubt", { label: doubt.label, small, big }),
          button(`${small} %`, answer(true)),
          button(`${big} %`, answer(false)),
          button(say(lang, "cancel"), () => {
            clearStatus();
            form.focusPath(doubt.path);
          }),
        );
        form.focusPath(doubt.path);
        return;
      }
      if (!workbook) {
        show("warning", say(lang, "notInExcel"));
        return;
      }
      const stored = { template: template.id, lang, inputs };
      const chosen: Where = template.context
        ? { kind: "newSheet" }
        : (where ?? {
            kind: (placement.querySelector<HTMLInputElement>("input:checked")?.value ?? "newSheet") as Where["kind"],
          });
      busy("writing");
      let outcome: UpdateOutcome;
      try {
        // Rendering the plan (a tenth of a second for 5,000 products) goes in slices of its own
        // after the spinner shows, and writing it starts in a task of its own.
        await nextTask();
        const plan = await drive(renderSteps(template, inputs, lang), sliceClock());
        await nextTask();
        outcome =
          editing && !copy
            ? await workbook.update(editing.partId, editing.stored, plan, stored, { answers, progress })
            : await workbook.insert(plan, stored, chosen, progress);
      } finally {
        idle();
      }
      if (outcome.ok) {
        if (open?.form === form) open.baseline = JSON.stringify(typed);
        const updated = editing !== undefined && !copy;
        // From now on the form is the entry just written (a copy: the copy), and the button updates
        // it; the entry's id as the workbook keeps it (an old-format part gets a state row's id).
        // Read back in a task of its own: the write's last one drew the sheet.
        await nextTask();
        editing = (await latest(outcome.entry.partId)) ?? editing;
        showWritten();
        const values = { sheet: outcome.sheetName, address: outcome.address, backup: outcome.backup ?? "" };
        show("success", say(lang, outcome.backup ? "updatedBackup" : updated ? "updated" : "written", values));
        await keepPaneOpen();
        return;
      }
      if (outcome.reason === "ask") {
        ask(outcome.question, answers);
        return;
      }
      if (outcome.reason === "notEmpty" && (!editing || copy)) {
        show(
          "warning",
          `${say(lang, "notEmpty", { address: outcome.address })} ${say(lang, "askNewSheet")}`,
          button(say(lang, "newSheet"), () => step(() => write({ kind: "newSheet" })), "primary"),
          button(say(lang, "cancel"), clearStatus),
        );
        return;
      }
      if (outcome.reason === "changedElsewhere") {
        told = outcome.newer.version;
        offerReload("warning", say(lang, "changedElsewhere", { who: whoWrote(outcome.by, outcome.at) }), outcome.newer);
        return;
      }
      show(
        "error",
        outcome.reason === "notEmpty" ? say(lang, "notEmpty", { address: outcome.address }) : say(lang, outcome.reason),
      );
    }

    /** Every problem, by its field's label and row: choosing one goes to its control. */
    function showIssueList(issues: readonly Issue[]): void {
      const shown = issues.slice(0, ISSUES_LISTED);
      const items = shown.map((issue) => {
        const link = h(
          "button",
          { type: "button", class: "issue-link", "data-issue": issue.path },
          h("strong", {}, form.labelOf(issue.path)),
          `: ${form.messageOf(issue)}`,
        );
        link.addEventListener("click", () => form.focusPath(issue.path));
        return h("li", {}, link);
      });
      if (issues.length > shown.length)
        items.push(h("li", {}, say(lang, "andMore", { count: issues.length - shown.length })));
      show("error", say(lang, "fixErrors", { count: issues.length }), h("ul", { class: "issue-list" }, ...items));
    }

    /** Shows what an update would lose and asks, one question at a time; nothing is written yet. */
    function ask(question: UpdateQuestion, answers: UpdateAnswers): void {
      const listed = (lines: string[]) => {
        const items = lines.slice(0, LISTED).map((line) => h("li", {}, line));
        if (lines.length > LISTED) items.push(h("li", {}, say(lang, "andMore", { count: lines.length - LISTED })));
        return h("ul", { class: "question-list" }, ...items);
      };
      const then = (more: UpdateAnswers) => () => step(() => write(undefined, { ...answers, ...more }));
      if (question.orphans.length > 0 && !answers.orphans) {
        show(
          "warning",
          say(lang, "askOrphans", { count: question.orphans.length }),
          listed(question.orphans.map((o) => say(lang, "orphanLine", { label: o.label, values: o.values.join("; ") }))),
          button(say(lang, "keepOrphans"), then({ orphans: "keep" }), "primary"),
          button(say(lang, "dropOrphans"), then({ orphans: "drop" })),
          button(say(lang, "cancel"), clearStatus),
        );
        return;
      }
      show(
        "warning",
        say(lang, "askEdits", { count: question.edits.length }),
        listed(
          question.edits.map((e) =>
            say(lang, "editLine", { address: e.address, wrote: e.wrote ?? say(lang, "unknownWrote"), now: e.now }),
          ),
        ),
        button(say(lang, "keepEdits"), then({ edits: "keep" }), "primary"),
        button(say(lang, "overwriteEdits"), then({ edits: "overwrite" })),
        button(say(lang, "cancel"), clearStatus),
      );
    }
  }

  languagePicker.addEventListener("change", () => {
    lang = languagePicker.value === "en" ? "en" : "vi";
    document.documentElement.lang = lang;
    title.textContent = say(lang, "appName");
    tagline.textContent = say(lang, "tagline");
    // An open form keeps what was typed: it is built again from its current inputs, in the new language.
    if (open) open.relabel(open.form.read());
    else step(home);
  });
  document.documentElement.lang = lang;
  step(home);
  workbook?.watch(
    () => step(() => (view.kind === "home" ? view.refresh() : view.onChanged())),
    (error: unknown) =>
      show("warning", say(lang, "watchFailed", { message: error instanceof Error ? error.message : String(error) })),
  );

  const tell = (intent: Intent, message: Text, ...actions: MessageAction[]) =>
    show(
      intent,
      message[lang],
      ...actions.map((a) =>
        button(
          a.label[lang],
          () => {
            clearStatus();
            a.run();
          },
          a.primary ? "primary" : undefined,
        ),
      ),
    );

  const restart = () => {
    // Set now, not in the step: the replaced workbook's change reaches the watcher first, and a
    // form of the old workbook would take it for its entry being deleted.
    open = undefined;
    view = { kind: "home", refresh: async () => undefined };
    step(home);
    return pending;
  };

  return { ready: () => pending, tell, lang: () => lang, unwritten: changed, restart };
}
