/**
 * What a template is: a declaration of the form (fields, tables, their validation) and of the
 * sheet (blocks of cells, formulas written with placeholders). Declarations are data; the one
 * renderer (render.ts) and the one validator (validate.ts) interpret them.
 */
import type { Text } from "../i18n/lang";

interface FieldBase {
  readonly key: string;
  readonly label: Text;
  readonly help?: Text;
  readonly required?: boolean;
}

export interface TextField extends FieldBase {
  readonly type: "text";
  readonly maxLength?: number;
  /** A default in both languages is taken in the form's language (clauses people edit). */
  readonly default?: string | Text;
  /** Long text (a clause): the form offers several lines. */
  readonly multiline?: true;
  /** A shape the text must have (a tax code), with the message that says it. */
  readonly pattern?: { readonly regex: string; readonly message: Text };
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
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "label"
  | "input"
  | "param"
  | "computed"
  | "total"
  | "clause"
  | "note"
  // The document's heading block, unit line and signature row.
  | "nation"
  | "motto"
  | "unitName"
  | "superior"
  | "docNo"
  | "dateLine"
  | "unitLine"
  | "signTitle"
  | "signNote"
  | "signName"
  | "group"
  /** An entered text longer than its column, wrapped in it. */
  | "wrapped"
  /** A fixed label longer than its column (a cost line), wrapped in it. */
  | "wrappedLabel";

export type Format =
  "integer" | "amount" | "price" | "decimal" | "percent" | "wholePercent" | "date" | "text" | "coefficient";

/**
 * A formula as written in a declaration. Placeholders: {col} is this row's cell of column `col`
 * of the current table; {col:all} its data range; {col:total} its total; {table.col} the cell
 * of another table on the same row of data; {table.col:all} and {table.col:total} likewise;
 * {table.col:parent} the cell of the row of `table` that a period row belongs to;
 * {field} a field's cell (or its name). Every placeholder becomes an A1 reference.
 */
export type FormulaTemplate = string;

export interface Column {
  readonly key: string;
  readonly header: Text;
  /** A header that depends on a choice field's value (the progressive average's method). */
  readonly headerBy?: { readonly field: string; readonly values: Readonly<Record<string, Text>> };
  /** The input column filled from the form; absent for computed columns. */
  readonly input?: string;
  /** A formula; one per language where it writes words into the sheet. */
  readonly formula?: FormulaTemplate | Text;
  /** What the first data row holds instead of `formula` (a growth over the year before has none). */
  readonly first?: FormulaTemplate;
  /** Running number of the row (STT). */
  readonly counter?: true;
  /** The row's year: the value of this field plus the row's index (a plan's years). */
  readonly yearFrom?: string;
  readonly format?: Format;
  /** With `input`: the formula written where the input is blank (a period's even share of the year). */
  readonly otherwise?: FormulaTemplate;
  /** What the totals row holds for this column. */
  readonly total?: FormulaTemplate | Text;
  /** Left blank for the accountant to fill (actuals). */
  readonly entry?: true;
  /**
   * Coloured by the row's value of column `flag` (the column's own key for itself): below 1
   * (100 %) red, at or above green, nothing while it is no number. A conditional format in
   * Excel and in a file, drawn the same in the preview.
   */
  readonly flag?: string;
  /** A validation list: the values of another table's column. */
  readonly listFrom?: { readonly table: string; readonly column: string };
}

export interface FieldRow {
  readonly label: Text;
  readonly field?: string;
  /** A formula; one per language where it speaks (amounts in words). */
  readonly formula?: FormulaTemplate | Text;
  /** Text with {field} placeholders, as the value (an account "số … tại ngân hàng …"). */
  readonly text?: Text;
  readonly format?: Format;
  /** The placeholder key of a formula row, for other formulas to refer to it as {key}. */
  readonly key?: string;
  /** Defined name of the value cell, so formulas read "ProfitRate", not "$C$7". */
  readonly name?: string;
  /** The value spans the rest of the row (names, addresses, amounts in words). */
  readonly wide?: true;
}

/** A clause, or a clause that is written only when a choice field has one of some values. */
export type Clause =
  | Text
  | {
      readonly text: Text;
      /** Written when the choice field has one of `is`, or when the field is (or is not) `filled`. */
      readonly when: { readonly field: string; readonly is?: readonly string[]; readonly filled?: boolean };
    };

/** One signer of a signature row: the title, the note under it, and the field with the signer's name. */
export interface Signer {
  readonly title: Text;
  /** A second line of the title (a representative's position). */
  readonly position?: string;
  readonly note: Text;
  readonly name?: string;
}

/** A line of a statement (a cost table): fixed, or one per row of an input table. */
export interface StatementLine {
  /** The placeholder key for other lines: {key.column} is this line's cell of that column. */
  readonly key?: string;
  readonly code?: string;
  /** A fixed line's label; lines of an input table take theirs from `each.labelFrom`. */
  readonly label?: Text;
  readonly style?: "group" | "item" | "total";
  /** Cells by column key: a formula, a field's value ({ field }) or text. */
  readonly cells?: Readonly<Record<string, FormulaTemplate | { readonly field: string } | Text>>;
  /** One line per row of this input table: the label from `labelFrom`, cells from the row's inputs. */
  readonly each?: {
    readonly table: string;
    readonly labelFrom: string;
    readonly inputs: Readonly<Record<string, string>>;
  };
}

/**
 * The periods a plan year is followed by (a quarter or a month) for each row of an input table:
 * `count` rows per row of `of`, in its order, each with the row's inputs and its `period` (1…count).
 * `plans`, when the split is typed, is the input table (rows product, period, qty) whose
 * quantity becomes the row's `periodPlan`.
 */
export interface PeriodSource {
  readonly of: string;
  readonly count: number;
  readonly plans?: {
    readonly table: string;
    /** The column of `table` naming the row of `of` (product) whose column `name` it matches. */
    readonly ref: string;
    readonly name: string;
    readonly qty: string;
    readonly when: WhenField;
  };
}

/** A block or value used only when a choice field has one of some values. */
export interface WhenField {
  readonly field: string;
  readonly is: readonly string[];
}

/** Where a table's rows come from: an input table, the years between two fields, or periods per row. */
export type TableSource =
  string | { readonly years: { readonly from: string; readonly to: string } } | { readonly periods: PeriodSource };

export type Block =
  | {
      /** Unit and superior body top left; the national heading top right; "Số: …" and the place and date line. */
      readonly kind: "heading";
      readonly superior?: string;
      readonly unit?: string;
      /** "Số: …"; a contract has its number under the title instead. */
      readonly number?: Text;
      readonly place: string;
      readonly date: string;
    }
  | { readonly kind: "title"; readonly text: Text; readonly when?: WhenField }
  /** "Đơn vị tính: đồng", right-aligned above a table. */
  | { readonly kind: "unitLine"; readonly text: Text }
  | {
      readonly kind: "signatures";
      /** The place and date line right-aligned above the signers (forms; a contract has it on top). */
      readonly dateLine?: { readonly place: string; readonly date: string };
      readonly signers: readonly Signer[];
    }
  | {
      readonly kind: "statement";
      readonly key: string;
      readonly title?: Text;
      readonly columns: readonly { readonly key: string; readonly header: Text; readonly format?: Format }[];
      readonly lines: readonly StatementLine[];
    }
  | { readonly kind: "subtitle"; readonly text: Text }
  | {
      readonly kind: "fields";
      readonly title?: Text;
      readonly rows: readonly FieldRow[];
      readonly when?: WhenField;
      /** Printed on the page of the block that follows (a choice that belongs to it). */
      readonly withNext?: true;
    }
  | {
      readonly kind: "table";
      readonly key: string;
      readonly title: Text;
      /** Written only when a choice field has one of these values (a plan followed by quarter). */
      readonly when?: WhenField;
      /** The input table whose rows become the table's rows; or the years between two fields. */
      readonly source: TableSource;
      readonly columns: readonly Column[];
      /**
       * A list that goes to an appendix once it is longer than a page (see src/sheet/page-setup.ts):
       * it moves, with the unit line above it, after the signatures under `title`, and `reference`
       * takes its place in the article.
       */
      readonly appendix?: { readonly title: Text; readonly reference: Text };
      /** A sheet name for the data rows of two adjacent columns (a grade table for the HT functions);
       *  formulas refer to it as {key}. */
      readonly rangeName?: { readonly key: string; readonly name: string; readonly from: string; readonly to: string };
    }
  | { readonly kind: "clauses"; readonly title?: Text; readonly items: readonly Clause[] }
  | { readonly kind: "note"; readonly text: Text }
  /** Charts side by side over `rows` empty rows, drawn from a table of the template. */
  | {
      readonly kind: "charts";
      readonly when?: WhenField;
      readonly rows: number;
      readonly charts: readonly ChartDecl[];
    };

/**
 * A chart as data: the rows of `table` are its categories (column `categories`), each of
 * `columns` a series of columns, and `line` a line on a second axis (a percentage). Titles and
 * series names in both languages; a title may name fields ({chartProduct}).
 */
export interface ChartDecl {
  readonly key: string;
  readonly title: Text;
  readonly table: string;
  readonly categories: string;
  readonly columns: readonly { readonly column: string; readonly name: Text }[];
  readonly line: { readonly column: string; readonly name: Text };
}

export type TemplateId = "plan" | "contract" | "pricePlan" | "normSheet" | "planReport";

export interface TemplateDecl {
  readonly id: TemplateId;
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
  /**
   * A report on another template's sheet: its inputs carry that template's inputs, and the
   * fields naming its sheet and top-left cell; formulas read its cells as {key!table.col}.
   * Written from a filled entry of that template, never from a blank form.
   */
  readonly context?: {
    readonly key: string;
    readonly template: TemplateDecl;
    readonly sheet: string;
    readonly row: string;
    readonly col: string;
  };
}
