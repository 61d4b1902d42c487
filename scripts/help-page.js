/**
 * The help page the manifest (SupportUrl, LearnMoreUrl) and the task pane link to: docs/help.md,
 * the one text, turned into dist/help.html at build time. Only the Markdown the help page uses is
 * understood: headings (with {#id} anchors), paragraphs, "- " lists, **bold**, `code` and links.
 * Text is escaped before any markup is added, so the page carries no HTML from the source.
 */
const fs = require("fs");

const escape = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label, href) =>
      /^(https:\/\/|#|[\w./-]+$)/.test(href) && !/^javascript:/i.test(href) ? `<a href="${href}">${label}</a>` : whole,
    );
}

/** The body HTML of a Markdown text. */
function markdownToHtml(markdown) {
  const out = [];
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
    if (list) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
    list = null;
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,3})\s+(.*?)(?:\s+\{#([\w-]+)\})?\s*$/.exec(line);
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      const id = heading[3] ? ` id="${heading[3]}"` : "";
      out.push(`<h${level}${id}>${inline(heading[2])}</h${level}>`);
    } else if (item) {
      if (paragraph.length) flush();
      (list ??= []).push(item[1]);
    } else if (line.trim() === "") flush();
    else if (list && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join("\n");
}

function helpPage(markdown) {
  const title = /^#\s+(.*)$/m.exec(markdown)?.[1] ?? "Help";
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(title)}</title>
<link rel="icon" type="image/png" href="assets/icon-32.png" />
<style>
body { font-family: "Segoe UI", -apple-system, BlinkMacSystemFont, "Noto Sans", Roboto, "DejaVu Sans", Arial, sans-serif;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
h1, h2, h3 { color: #1e6b47; line-height: 1.25; }
code { background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; }
a { color: #1e6b47; }
</style>
</head>
<body>
${markdownToHtml(markdown)}
</body>
</html>
`;
}

/** Webpack plugin: emits help.html from the Markdown file `input`. */
class HelpPagePlugin {
  constructor({ input, output = "help.html" }) {
    this.input = input;
    this.output = output;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.hooks.processAssets.tap(
        { name: "HelpPagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset(this.output, new RawSource(helpPage(fs.readFileSync(this.input, "utf8"))));
        },
      );
    });
  }
}

module.exports = { HelpPagePlugin, markdownToHtml, helpPage };
