import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  test("is an Excel add-in with one shared runtime for the functions and the task pane", () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  test("states the least Excel it needs: ExcelApi 1.9, CustomFunctionsRuntime 1.2 and SharedRuntime 1.1, in that schema's place", () => {
    const requirements = /<Requirements>\s*<Sets DefaultMinVersion="1.1">([\s\S]*?)<\/Sets>\s*<\/Requirements>/.exec(
      manifest,
    );
    expect(requirements).not.toBeNull();
    const sets = [...requirements![1].matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(sets).toEqual(["ExcelApi 1.9", "CustomFunctionsRuntime 1.2", "SharedRuntime 1.1"]);
    // The schema's order: Hosts, Requirements, DefaultSettings, Permissions; and one Requirements.
    const at = (tag: string) => manifest.indexOf(tag);
    expect(at("<Hosts>")).toBeLessThan(at("<Requirements>"));
    expect(at("<Requirements>")).toBeLessThan(at("<DefaultSettings>"));
    expect(manifest.match(/<Requirements>/g)).toHaveLength(1);
  });

  test("declares the HT namespace and a Vietnamese metadata file for vi-VN", () => {
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="HT"/>');
    expect(manifest).toContain('<bt:Override Locale="vi-VN" Value="https://localhost:3000/functions.vi.json"/>');
  });

  test("its ribbon button opens the pane under the id that lets a workbook reopen it", () => {
    expect(manifest).toContain("<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>");
  });

  test("every URL it names is served by the build, and no placeholder name is left", () => {
    expect(manifest).not.toMatch(/contoso/i);
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const path of urls) expect(existsSync(join(ROOT, "dist", path))).toBe(true);
  });

  test("the icons are real PNGs of the sizes named", () => {
    for (const size of [16, 32, 64, 80])
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
  });
});
