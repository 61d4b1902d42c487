/**
 * The preview's charts as pictures in a saved file (the file library writes no charts): each
 * chart drawn as the grid draws it (chart-svg.ts), at twice its size for print, turned into a
 * PNG by the browser's canvas and placed over the chart's cells.
 */
import type { Lang } from "../i18n/lang";
import { DEFAULT_HEIGHT_POINTS, DEFAULT_WIDTH_CHARS } from "../sheet/excel-grid";
import { heightPixels, widthPixels } from "../sheet/page-setup";
import type { XlsxBook } from "../xlsx/snapshot";
import type { PreviewBook } from "./book";
import { chartSvg, sheetReader } from "./chart-svg";

const SCALE = 2;

async function png(svg: SVGSVGElement, width: number, height: number): Promise<Uint8Array> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("the browser gave no canvas to draw the chart on");
  context.scale(SCALE, SCALE);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("the chart could not be turned into a picture"))),
      "image/png",
    ),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

/** `snapshot` with a picture of each of the book's charts on its sheet. */
export async function withChartPictures(book: PreviewBook, snapshot: XlsxBook, lang: Lang): Promise<XlsxBook> {
  const hf = book.hf;
  const sheets = await Promise.all(
    snapshot.sheets.map(async (sheet) => {
      const id = hf.getSheetId(sheet.name);
      const charts = id === undefined ? [] : book.look(id).charts;
      if (charts.length === 0) return sheet;
      const look = book.look(id!);
      const read = sheetReader(hf, id!);
      const pictures = await Promise.all(
        charts.map(async (chart) => {
          const { row, col, rows, cols } = chart.area;
          const width = Array.from({ length: cols }, (_, k) =>
            widthPixels(look.widths[col + k] ?? DEFAULT_WIDTH_CHARS),
          ).reduce((a, b) => a + b, 0);
          const height = Array.from({ length: rows }, (_, k) =>
            heightPixels(look.heights.get(row + k) ?? DEFAULT_HEIGHT_POINTS),
          ).reduce((a, b) => a + b, 0);
          return { area: chart.area, png: await png(chartSvg(chart, read, lang, width, height), width, height) };
        }),
      );
      return { ...sheet, pictures };
    }),
  );
  return { ...snapshot, sheets };
}
