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
