/**
 * ExcelJS (about 0.9 MB) is loaded only when the preview first saves or opens a file: it is a
 * chunk of its own, and neither the task pane Excel loads nor the preview's first load carries it;
 * the preview's file worker loads it there.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";

const DIST = join(__dirname, "..", "..", "dist");
const read = (name: string) => readFileSync(join(DIST, name), "utf8");
// Text that is in ExcelJS's browser bundle and in no other code of ours.
const EXCELJS_MARKS = ["_mergeCellsInternal", "sharedStrings.xml", "docProps/app.xml"];

describe("where ExcelJS is bundled", () => {
  test("the task pane's bundles and the preview's first script hold none of it", () => {
    for (const name of ["taskpane.js", "functions.js", "preview.js"]) {
      const code = read(name);
      for (const mark of EXCELJS_MARKS)
        expect({ name, mark, found: code.includes(mark) }).toEqual({ name, mark, found: false });
    }
    expect(read("taskpane.html")).not.toContain("preview-xlsx");
  });

  test("the preview loads it as a chunk of its own (dist/preview-xlsx.js), on first use", () => {
    expect(existsSync(join(DIST, "preview-xlsx.js"))).toBe(true);
    const chunk = read("preview-xlsx.js");
    for (const mark of EXCELJS_MARKS) expect(chunk).toContain(mark);
    expect(statSync(join(DIST, "preview-xlsx.js")).size).toBeGreaterThan(500_000);
    expect(read("preview.html")).not.toContain("preview-xlsx");
  });

  test("the file worker (dist/preview-xlsx-worker.js) loads that same chunk with importScripts, as a worker must", () => {
    const worker = read("preview-xlsx-worker.js");
    for (const mark of EXCELJS_MARKS) expect({ mark, found: worker.includes(mark) }).toEqual({ mark, found: false });
    expect(worker).toContain("importScripts");
    expect(worker).toContain('"preview-xlsx"');
  });
});
