/** Registers the Fluent UI web components the task pane uses and applies Office's light theme. */
import {
  Button,
  ButtonDefinition,
  MessageBar,
  MessageBarDefinition,
  Spinner,
  SpinnerDefinition,
  setTheme,
} from "@fluentui/web-components";
import { webLightTheme } from "@fluentui/tokens";

export function registerFluent(): void {
  setTheme(webLightTheme);
  if (!customElements.get(ButtonDefinition.name)) Button.define(ButtonDefinition);
  if (!customElements.get(MessageBarDefinition.name)) MessageBar.define(MessageBarDefinition);
  if (!customElements.get(SpinnerDefinition.name)) Spinner.define(SpinnerDefinition);
}
