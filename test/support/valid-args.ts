import type { CatalogEntry } from "../../src/core/catalog";
import type { Arg } from "../../src/core/cell";

/** Valid arguments for a function (labels from `table`), with `value` at position k. */
export function validArgsWith(entry: CatalogEntry, k: number, value: Arg, table: Arg, grade: string): Arg[] {
  return entry.params.map((p, j) => {
    if (j === k) return value;
    if (p.kind === "label") return grade;
    if (p.kind === "table") return table;
    if (p.kind === "option" || p.kind === "text") return p.default;
    return p.domain === "rate" ? 0.05 : 2;
  });
}

/** The grade table the property tests call the grade functions with. */
export const GRADE_TABLE = [
  ["A", 1],
  ["B", 0.8],
  ["C", 0.3],
];

/** The fixed value of parameter k when it is not data (a table, an option, a text), else undefined. */
export function settingFor(entry: CatalogEntry, k: number): Arg | undefined {
  const param = entry.params[k];
  if (param.kind === "table") return GRADE_TABLE;
  if (param.kind === "option")
    return ({ language: "en", style: "south" } as Record<string, string>)[param.name] ?? "higher";
  if (param.kind === "text") return "đồng chẵn";
  return undefined;
}
