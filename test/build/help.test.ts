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
});
