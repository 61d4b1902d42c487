import { readFileSync } from "fs";
import { join } from "path";
import { helpPage, markdownToHtml } from "../../scripts/help-page";

const ROOT = join(__dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("the help page", () => {
  test("the manifest's SupportUrl and LearnMoreUrl name help.html, and the build serves it from docs/help.md", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
    expect(manifest).toContain(
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help.html"/>',
    );
    expect(read("dist/help.html")).toBe(helpPage(read("docs/help.md")));
  });

  test("has a Vietnamese and an English part, each with its anchor for the pane's link", () => {
    const html = read("dist/help.html");
    expect(html).toContain('<h2 id="vi">Tiếng Việt</h2>');
    expect(html).toContain('<h2 id="en">English</h2>');
    expect(html).toContain('<a href="#en">English</a>');
  });

  test("carries no markup from its source: HTML in the text is escaped, odd links stay text", () => {
    const html = markdownToHtml('A <script>alert(1)</script> and [x](javascript:alert(1)) and **"bold"**');
    expect(html).toBe(
      "<p>A &lt;script&gt;alert(1)&lt;/script&gt; and [x](javascript:alert(1)) and <strong>&quot;bold&quot;</strong></p>",
    );
  });

  test("reads headings, paragraphs, lists with continued lines, code and links", () => {
    expect(markdownToHtml("## Title {#t}\n\nOne\ntwo `x`.\n\n- first\n  still first\n- [second](#t)\n")).toBe(
      '<h2 id="t">Title</h2>\n<p>One two <code>x</code>.</p>\n<ul><li>first still first</li><li><a href="#t">second</a></li></ul>',
    );
  });

  test("says in both languages which Excel runs the add-in, by Microsoft's tables, and what volume-licensed 2016 and 2019 can do", () => {
    const help = read("docs/help.md");
    const part = (id: string) => help.split(`{#${id}}`)[1].split("\n### ")[0];
    for (const id of ["vi-excel", "en-excel"]) {
      const text = part(id);
      for (const fact of [
        "SharedRuntime 1.1",
        "ExcelApi 1.9",
        "CustomFunctionsRuntime 1.2",
        "2002",
        "12527.20092",
        "16.35",
        "2108",
        "2311",
        "2016",
        "2019",
        "iPad",
        "preview.html",
        ".xlsx",
      ])
        expect([id, fact, text.includes(fact)]).toEqual([id, fact, true]);
    }
    expect(part("vi-excel")).toContain("Lưu .xlsx tương thích");
    expect(part("en-excel")).toContain("Save compatible .xlsx");
    // The versions the help states are the manifest's.
    const manifest = read("manifest.xml");
    for (const set of [
      'ExcelApi" MinVersion="1.9',
      'CustomFunctionsRuntime" MinVersion="1.2',
      'SharedRuntime" MinVersion="1.1',
    ])
      expect(manifest).toContain(`<Set Name="${set}"/>`);
  });
});
