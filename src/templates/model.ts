/**
 * What a template is: a declaration of the form (fields, tables, their validation) and of the
 * sheet (blocks of cells, formulas written with placeholders). Declarations are data; the one
 * renderer (render.ts) and the one validator (validate.ts) interpret them.
 */

export type Lang = "vi" | "en";
/** Text in both languages: a template cannot be declared without its translation. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}

interface FieldBase {
  readonly key: string;
  readonly label: Text;
  readonly help?: Text;
  readonly required?: boolean;
}

export interface TextField extends FieldBase {
  readonly type: "text";
  readonly maxLength?: number;
  readonly default?: string;
}

export interface NumberField extends FieldBase {
  readonly type: "number";
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Entered and shown as a percentage, stored as a fraction. */
  readonly percent?: boolean;
  readonly default?: number;
}

export interface DateField extends FieldBase {
  readonly type: "date";
}

export interface ChoiceField extends FieldBase {
  readonly type: "choice";
  readonly options: readonly { readonly value: string; readonly label: Text }[];
  readonly default: string;
}

/** A value that must be one of those entered in a column of another table (a product, a grade). */
export interface RefField extends FieldBase {
  readonly type: "ref";
  readonly table: string;
  readonly column: string;
}

export type Field = TextField | NumberField | DateField | ChoiceField | RefField;

export interface TableDecl {
  readonly key: string;
  readonly label: Text;
  readonly columns: readonly Field[];
  readonly minRows: number;
  readonly maxRows: number;
  /** The column whose values must be unique (product names, grade labels). */
  readonly uniqueBy?: string;
  /** The columns that say which row is which when a template is updated (actuals follow their
   *  row by this key, not by position); `uniqueBy` when absent. */
  readonly rowKey?: readonly string[];
  /** Rows a fresh form starts with; text in both languages is taken in the form's language. */
  readonly defaultRows?: readonly Readonly<Record<string, Value | Text>>[];
}

export type Value = string | number | null;
export type Row = Readonly<Record<string, Value>>;

/** Everything a user filled in a template. */
export interface Inputs {
  readonly fields: Readonly<Record<string, Value>>;
  readonly tables: Readonly<Record<string, readonly Row[]>>;
}

/** A problem with one field (`field`), or one cell of a table (`table`, `row`, `column`). */
export interface Issue {
  readonly path: string;
  readonly message: Text;
}

// ——— the sheet ———

export type Style =
  "title" | "subtitle" | "section" | "header" | "label" | "input" | "param" | "computed" | "total" | "clause" | "note";

export type Format = "integer" | "amount" | "decimal" | "percent" | "wholePercent" | "date" | "text" | "coefficient";

/**
 * A formula as written in a declaration. Placeholders: {col} is this row's cell of column `col`
 * of the current table; {col:all} its data range; {col:total} its total; {table.col} the cell
 * of another table on the same row of data; {table.col:all} and {table.col:total} likewise;
 * {field} a field's cell (or its name). Every placeholder becomes an A1 reference.
 */
export type FormulaTemplate = string;

export interface Column {
  readonly key: string;
  readonly header: Text;
  /** The input column filled from the form; absent for computed columns. */
  readonly input?: string;
  readonly formula?: FormulaTemplate;
  /** Running number of the row (STT). */
  readonly counter?: true;
  readonly format?: Format;
  /** What the totals row holds for this column. */
  readonly total?: FormulaTemplate | Text;
  /** Left blank for the accountant to fill (actuals). */
  readonly entry?: true;
  /** A validation list: the values of another table's column. */
  readonly listFrom?: { readonly table: string; readonly column: string };
}

export interface FieldRow {
  readonly label: Text;
  readonly field?: string;
  readonly formula?: FormulaTemplate;
  readonly format?: Format;
  /** Defined name of the value cell, so formulas read "ProfitRate", not "$C$7". */
  readonly name?: string;
}

export type Block =
  | { readonly kind: "title"; readonly text: Text }
  | { readonly kind: "subtitle"; readonly text: Text }
  | { readonly kind: "fields"; readonly title?: Text; readonly rows: readonly FieldRow[] }
  | {
      readonly kind: "table";
      readonly key: string;
      readonly title: Text;
      /** The input table whose rows become the table's rows; or fixed rows. */
      readonly source: string;
      readonly columns: readonly Column[];
      /** A sheet name for the data rows of two adjacent columns (a grade table for the HT functions). */
      readonly rangeName?: { readonly name: string; readonly from: string; readonly to: string };
    }
  | { readonly kind: "clauses"; readonly title: Text; readonly items: readonly Text[] }
  | { readonly kind: "note"; readonly text: Text };

export interface TemplateDecl {
  readonly id: "plan" | "contract";
  readonly name: Text;
  readonly description: Text;
  /** Sheet name, with {field} placeholders. */
  readonly sheetName: Text;
  readonly fields: readonly Field[];
  readonly tables: readonly TableDecl[];
  /** Rules that tie several fields together; each returns the issues it finds. */
  readonly rules?: readonly ((inputs: Inputs) => readonly Issue[])[];
  readonly blocks: readonly Block[];
  /** Column widths in characters, left to right. */
  readonly widths: readonly number[];
  readonly orientation: "portrait" | "landscape";
}
