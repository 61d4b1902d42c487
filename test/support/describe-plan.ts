import { address, cellInput, flagRules, type CellPlan } from "../../src/sheet/cell-plan";

/** A plan as readable text: one line per cell, then formats, names and lists. */
export function describePlan(plan: CellPlan): string {
  const lines = [`sheet ${plan.sheetName} ${plan.rows}×${plan.cols} ${plan.orientation}`];
  const cells = [...plan.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of cells)
    lines.push(
      `${address({ row: cell.row, col: cell.col, rows: 1, cols: 1 })}\t${JSON.stringify(cellInput(cell.content))}`,
    );
  for (const f of plan.formats) lines.push(`format ${address(f.area)} ${f.format}`);
  for (const s of plan.styles) lines.push(`style ${address(s.area)} ${s.style}`);
  for (const m of plan.merges) lines.push(`merge ${address(m)}`);
  for (const n of plan.names) lines.push(`name ${n.name} ${address(n.area, undefined, true)}`);
  for (const l of plan.lists) lines.push(`list ${address(l.area)} from ${address(l.source, undefined, true)}`);
  for (const h of plan.heights) lines.push(`height ${h.row + 1} ${h.points}`);
  for (const b of plan.borders) lines.push(`ruled ${address(b)}`);
  for (const f of plan.flags ?? []) {
    const { below, met } = flagRules(f, { row: 0, col: 0 });
    lines.push(`flag ${address(f.area)} red when ${below}, green when ${met}`);
  }
  for (const c of plan.charts ?? [])
    lines.push(
      `chart ${c.key} "${c.title}" over ${address(c.area)}, categories ${address(c.categories)}: ` +
        c.series.map((s) => `${s.kind} "${s.name}" ${address(s.values)}`).join(", "),
    );
  if (plan.printTitles)
    lines.push(`print titles ${plan.printTitles.row + 1}:${plan.printTitles.row + plan.printTitles.rows}`);
  lines.push(`print area ${address(plan.printArea)}`);
  lines.push(`page breaks before ${plan.pageBreaks.map((r) => r + 1).join(", ") || "none"}`);
  lines.push(`footer ${plan.footer}`);
  return lines.join("\n") + "\n";
}
