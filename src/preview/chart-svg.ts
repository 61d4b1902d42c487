/**
 * A plan's chart (cell-plan.ts PlanChart) drawn as SVG from the cells it reads: clustered columns
 * for the column series on the left axis, the line (a percentage) on a right axis, the category
 * labels under the columns, a title and a legend; the numbers in the user's convention. The same
 * drawing goes over the preview's grid and, as a picture, into a saved file. Text goes in as
 * text nodes, never as markup.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import type { Lang } from "../i18n/lang";
import type { Area, PlanChart } from "../sheet/cell-plan";
import { displayValue } from "./display";

const SVG = "http://www.w3.org/2000/svg";
const COLUMN_COLORS = ["#9DB8D9", "#1F4E79"];
const LINE_COLOR = "#C55A11";
const FONT = "Calibri, Carlito, 'Segoe UI', sans-serif";

/** The cells of one column of rows, as the chart reads them: numbers, or null for anything else. */
export type ReadArea = (area: Area) => unknown[];

/** A chart's reader of the engine's values on `sheet`; an error value counts as no value. */
export function sheetReader(hf: HyperFormula, sheet: number): ReadArea {
  return (area) =>
    Array.from({ length: area.rows }, (_, k) => {
      const v = hf.getCellValue({ sheet, row: area.row + k, col: area.col });
      return v instanceof DetailedCellError ? null : v;
    });
}

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A round top for an axis: 1, 2 or 5 times a power of ten, at or above `max`. */
function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const numbers = (values: unknown[]) => values.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));

export function chartSvg(chart: PlanChart, read: ReadArea, lang: Lang, width: number, height: number): SVGSVGElement {
  const svg = el("svg", {
    xmlns: SVG,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": chart.title,
    "data-chart": chart.key,
    "font-family": FONT,
    "font-size": 11,
  });
  svg.append(el("rect", { x: 0, y: 0, width, height, fill: "#fff", stroke: "#bfbfbf" }));
  svg.append(
    el("text", { x: width / 2, y: 18, "text-anchor": "middle", "font-size": 13, "font-weight": 600 }, chart.title),
  );

  const labels = read(chart.categories).map((v) => displayValue(v, undefined, lang));
  const columns = chart.series.filter((s) => s.kind === "column").map((s) => ({ ...s, data: numbers(read(s.values)) }));
  const lines = chart.series.filter((s) => s.kind === "line").map((s) => ({ ...s, data: numbers(read(s.values)) }));
  const plot = { left: 64, right: width - 52, top: 30, bottom: height - 46 };
  const plotWidth = Math.max(1, plot.right - plot.left);
  const plotHeight = Math.max(1, plot.bottom - plot.top);
  const left = niceTop(Math.max(0, ...columns.flatMap((s) => s.data.map((v) => v ?? 0))));
  const right = niceTop(Math.max(1, ...lines.flatMap((s) => s.data.map((v) => v ?? 0))));
  const y = (v: number, top: number) => plot.bottom - (Math.max(0, v) / top) * plotHeight;

  // Gridlines and both axes' values, four steps each.
  for (let k = 0; k <= 4; k++) {
    const at = plot.bottom - (plotHeight * k) / 4;
    svg.append(el("line", { x1: plot.left, x2: plot.right, y1: at, y2: at, stroke: k === 0 ? "#7f7f7f" : "#e0e0e0" }));
    svg.append(
      el("text", { x: plot.left - 6, y: at + 4, "text-anchor": "end" }, displayValue((left * k) / 4, "amount", lang)),
    );
    if (lines.length > 0)
      svg.append(
        el(
          "text",
          { x: plot.right + 6, y: at + 4, "text-anchor": "start", fill: LINE_COLOR },
          displayValue((right * k) / 4, "wholePercent", lang),
        ),
      );
  }

  const slot = plotWidth / Math.max(1, labels.length);
  const barWidth = (slot * 0.7) / Math.max(1, columns.length);
  labels.forEach((label, i) => {
    const x0 = plot.left + slot * i + slot * 0.15;
    columns.forEach((s, k) => {
      const v = s.data[i];
      if (v === null) return;
      const top = y(v, left);
      svg.append(
        el("rect", {
          x: x0 + barWidth * k,
          y: top,
          width: Math.max(1, barWidth - 2),
          height: Math.max(0, plot.bottom - top),
          fill: COLUMN_COLORS[k % COLUMN_COLORS.length],
          "data-series": s.name,
        }),
      );
    });
    svg.append(el("text", { x: plot.left + slot * (i + 0.5), y: plot.bottom + 14, "text-anchor": "middle" }, label));
  });

  // The line over the periods that have a value; a period without one breaks it, as Excel draws a gap.
  for (const s of lines) {
    let path = "";
    s.data.forEach((v, i) => {
      if (v === null) return;
      const x = plot.left + slot * (i + 0.5);
      path += `${path === "" || s.data[i - 1] === null ? "M" : "L"}${x.toFixed(1)},${y(v, right).toFixed(1)}`;
      svg.append(el("circle", { cx: x, cy: y(v, right), r: 3, fill: LINE_COLOR, "data-series": s.name }));
    });
    if (path !== "") svg.append(el("path", { d: path, fill: "none", stroke: LINE_COLOR, "stroke-width": 2 }));
  }

  // The legend under the labels.
  const entries = [
    ...columns.map((s, k) => ({ name: s.name, color: COLUMN_COLORS[k % COLUMN_COLORS.length], line: false })),
    ...lines.map((s) => ({ name: s.name, color: LINE_COLOR, line: true })),
  ];
  const legendY = height - 12;
  let x = plot.left;
  for (const entry of entries) {
    svg.append(
      entry.line
        ? el("line", { x1: x, x2: x + 14, y1: legendY - 4, y2: legendY - 4, stroke: entry.color, "stroke-width": 2 })
        : el("rect", { x, y: legendY - 9, width: 12, height: 9, fill: entry.color }),
    );
    svg.append(el("text", { x: x + 18, y: legendY }, entry.name));
    x += 30 + entry.name.length * 6.5;
  }
  return svg;
}
