/** The two languages of the pane, the templates and the function help. */
export type Lang = "vi" | "en";

/** Text in both languages: nothing can be declared without its translation. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}
