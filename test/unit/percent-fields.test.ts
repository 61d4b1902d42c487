import { TEMPLATES } from "../../src/templates/catalog";
import type { Field, Format } from "../../src/templates/model";

const PERCENT_FORMATS: readonly (Format | undefined)[] = ["percent", "wholePercent"];
const verdict = (key: string, format: Format | undefined) =>
  PERCENT_FORMATS.includes(format) ? "percent format" : `${key} written as ${format ?? "General"}`;
const isPercent = (f: Field) => f.type === "number" && f.percent === true;

describe("one meaning of percent in every template", () => {
  test.each(TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: every percent field and column is stored as a fraction and written with a percent format",
    (_id, template) => {
      const checked: string[] = [];
      for (const field of template.fields.filter(isPercent)) {
        if (field.type === "number") expect(field.max === undefined || field.max <= 1).toBe(true);
        const rows = template.blocks
          .flatMap((b) => (b.kind === "fields" ? b.rows : []))
          .filter((r) => r.field === field.key);
        for (const row of rows) expect(verdict(field.key, row.format)).toBe("percent format");
        checked.push(field.key);
      }
      for (const table of template.tables) {
        for (const column of table.columns.filter(isPercent)) {
          const columns = template.blocks
            .flatMap((b) => (b.kind === "table" && b.source === table.key ? b.columns : []))
            .filter((c) => c.input === column.key);
          expect(columns.length).toBeGreaterThan(0);
          for (const c of columns) expect(verdict(column.key, c.format)).toBe("percent format");
          checked.push(`${table.key}.${column.key}`);
        }
      }
      if (template.id === "contract") expect(checked.length).toBeGreaterThan(3);
    },
  );
});
