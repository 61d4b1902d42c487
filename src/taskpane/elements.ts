/**
 * The three controls the pane draws — `fluent-button`, `fluent-message-bar`, `fluent-spinner` —
 * as small custom elements of our own, styled in taskpane.css. Fluent UI's web components 3
 * require Node 22 or 24 to install, and our Node is 20; the tag names stay Fluent's, so the
 * page, its tests and the outside acceptance checks select the same elements. No shadow DOM:
 * the label is the element's own text and its children (message-bar actions) are ordinary nodes.
 */
import { webLightTheme } from "@fluentui/tokens";

/** A button as the platform's: focusable, Enter (on press) and Space (on release) click it; `disabled` stops clicks. */
class FluentButton extends HTMLElement {
  static readonly observedAttributes = ["disabled"];

  constructor() {
    super();
    // Capture on the element itself runs before the listeners the pane adds, so a disabled
    // button's click (mouse, keyboard or .click()) reaches none of them.
    this.addEventListener(
      "click",
      (event) => {
        if (!this.disabled) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true },
    );
    this.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.click();
      } else if (event.key === " ") {
        // The page must not scroll; the click comes on release, as a native button's does.
        event.preventDefault();
      }
    });
    this.addEventListener("keyup", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        this.click();
      }
    });
  }

  get disabled(): boolean {
    return this.hasAttribute("disabled");
  }
  set disabled(value: boolean) {
    this.toggleAttribute("disabled", value);
  }

  connectedCallback(): void {
    if (!this.hasAttribute("role")) this.setAttribute("role", "button");
    this.sync();
  }

  attributeChangedCallback(): void {
    this.sync();
  }

  private sync(): void {
    this.setAttribute("aria-disabled", String(this.disabled));
    // A disabled button leaves the tab order, as a native disabled button does.
    this.tabIndex = this.disabled ? -1 : 0;
  }
}

/** A message: announced politely (info, success) or at once (warning, error), coloured by `intent`. */
class FluentMessageBar extends HTMLElement {
  static readonly observedAttributes = ["intent"];

  connectedCallback(): void {
    this.sync();
  }

  attributeChangedCallback(): void {
    this.sync();
  }

  private sync(): void {
    const intent = this.getAttribute("intent");
    this.setAttribute("role", intent === "error" || intent === "warning" ? "alert" : "status");
  }
}

/** A busy indicator; the caller names it with aria-label or aria-labelledby (what is being waited for). */
class FluentSpinner extends HTMLElement {
  connectedCallback(): void {
    this.setAttribute("role", "progressbar");
  }
}

const elements: Record<string, CustomElementConstructor> = {
  "fluent-button": FluentButton,
  "fluent-message-bar": FluentMessageBar,
  "fluent-spinner": FluentSpinner,
};

/** Defines the elements (once per page) and sets Office's light theme as CSS custom properties on the root. */
export function registerElements(): void {
  for (const [token, value] of Object.entries(webLightTheme)) {
    document.documentElement.style.setProperty(`--${token}`, String(value));
  }
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
