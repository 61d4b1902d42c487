/* eslint-disable no-undef */
/**
 * Serves a built dist/ on a free loopback port, as the dev server would: for the browser tests
 * (test/browser/server.ts) and for `npm run bench`, so both measure the same pages the same way.
 * Files only, never a directory listing; `pages` adds fixed pages (the bench's blank baseline).
 */
const { createReadStream, existsSync, statSync } = require("fs");
const { createServer } = require("http");
const { extname, join, normalize } = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serveDist(root = join(__dirname, "..", "dist"), pages = {}) {
  if (!existsSync(join(root, "preview.html"))) throw new Error(`${root} has no preview.html: run npm run build first`);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (Object.hasOwn(pages, pathname)) {
      response.writeHead(200, { "content-type": TYPES[".html"] }).end(pages[pathname]);
      return;
    }
    const file = join(root, normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

module.exports = { serveDist };
