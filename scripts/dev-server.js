/**
 * The dev server's settings (webpack-dev-server), kept apart from the build so a test can start
 * the same server. What it exposes, and why:
 * - It listens on localhost only. `HT_DEV_HOST=0.0.0.0 npm start` (or a host name or address)
 *   opens it to the LAN, e.g. to sideload from another machine; it never does so by itself.
 * - Requests whose Host header is not localhost, an IP address or HT_DEV_HOST are refused
 *   ("Invalid Host header"), so a web page cannot reach it through DNS rebinding.
 * - It serves files, never directory listings.
 * - CORS: the task pane, its functions (shared runtime) and the preview all load from this
 *   origin, so they need none. Excel on the web fetches the functions' metadata
 *   (functions.json, functions.vi.json) from its own origin, https://<host>.officeapps.live.com;
 *   only those files, and only for those origins, carry Access-Control-Allow-Origin.
 */

const OFFICE_ORIGIN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.officeapps\.live\.com$/;
const METADATA = /^\/functions(\.[a-z]{2}(-[a-z]{2})?)?\.json$/i;

/** The Access-Control-Allow-Origin value for a request, or undefined for none. */
function allowedOrigin(origin, pathname) {
  return typeof origin === "string" && OFFICE_ORIGIN.test(origin) && METADATA.test(pathname) ? origin : undefined;
}

function corsForOffice(request, response, next) {
  const pathname = new URL(request.url, "https://localhost").pathname;
  const origin = allowedOrigin(request.headers.origin, pathname);
  if (METADATA.test(pathname)) response.setHeader("Vary", "Origin");
  if (origin) response.setHeader("Access-Control-Allow-Origin", origin);
  next();
}

function devServerOptions({ root, https, port, host = process.env.HT_DEV_HOST || "localhost" }) {
  return {
    host,
    port,
    allowedHosts: "auto",
    static: { directory: root, serveIndex: false },
    server: { type: "https", options: https },
    client: { overlay: false },
    setupMiddlewares: (middlewares) => [{ name: "cors-for-office", middleware: corsForOffice }, ...middlewares],
  };
}

module.exports = { devServerOptions, allowedOrigin };
