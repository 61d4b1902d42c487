/**
 * The dev server `npm start` runs, started from webpack.config.js's own devServer settings (with a
 * throwaway self-signed certificate and a free port), asked what a stranger would ask.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { createServer, type AddressInfo } from "net";
import { tmpdir } from "os";
import { request } from "https";
import { networkInterfaces } from "os";
import { join } from "path";
import { allowedOrigin } from "../../scripts/dev-server";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(host: string, port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.end();
  });
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

// Started in its own Node process: webpack-dev-server loads ES modules, which Jest's sandbox cannot.
const START = `
const { mkdtempSync, writeFileSync } = require("fs");
const { join } = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
(async () => {
  const config = await require("./webpack.config.js")({}, { mode: "development" });
  const scratch = mkdtempSync(join(require("os").tmpdir(), "ht-dev-server-"));
  writeFileSync(join(scratch, "entry.js"), "export const ok = 1;\\n");
  // The real devServer settings over a one-line bundle: the files served come from dist/.
  const compiler = webpack({ mode: "development", entry: join(scratch, "entry.js"), output: { path: scratch } });
  const server = new WebpackDevServer({ ...config.devServer, port: "auto" }, compiler);
  await server.start();
  const { address, port } = server.server.address();
  console.log("LISTENING " + JSON.stringify({ address, port }));
})();
`;

let child: ChildProcess;
let port: number;
let boundTo: string;

beforeAll(async () => {
  const env = { ...process.env };
  delete env.HT_DEV_HOST;
  child = spawn(process.execPath, ["-e", START], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const listening = await new Promise<{ address: string; port: number }>((resolve, reject) => {
    let out = "";
    // The server's own log (stderr) is kept for the failure message only.
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\{.*\})/.exec(out);
      if (m) resolve(JSON.parse(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`the dev server exited (${code}): ${out}`)));
  });
  ({ port, address: boundTo } = listening);
});

afterAll(() => {
  child?.kill("SIGTERM");
});

describe("the dev server", () => {
  test("listens on the loopback interface only, unless HT_DEV_HOST asks for the LAN", () => {
    expect(["127.0.0.1", "::1"]).toContain(boundTo);
  });

  (lanAddress ? test : test.skip)("refuses a connection from the machine's LAN address", async () => {
    await expect(get(lanAddress!, port, "/preview.html")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  test("answers localhost, and refuses a request whose Host header names another site", async () => {
    expect((await get("localhost", port, "/preview.html")).status).toBe(200);
    const rebound = await get("localhost", port, "/preview.html", { host: "hach-toan.attacker.example" });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain("Invalid Host header");
  });

  test("lists no directory: / and /assets/ are not found", async () => {
    for (const path of ["/", "/assets/", "/office-js/"]) {
      const answer = await get("localhost", port, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain("icon-32.png");
      expect(answer.body).not.toContain("preview.html");
    }
  });

  test("sends no Access-Control-Allow-Origin to a stranger, and none on the pages", async () => {
    const stranger = await get("localhost", port, "/functions.json", { origin: "https://evil.example" });
    expect(stranger.status).toBe(200);
    expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
    const page = await get("localhost", port, "/taskpane.html", { origin: "https://excel.officeapps.live.com" });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("lets Excel on the web read the functions' metadata, for its own origin only", async () => {
    const origin = "https://excel.officeapps.live.com";
    for (const path of ["/functions.json", "/functions.vi.json"]) {
      const answer = await get("localhost", port, path, { origin });
      expect(answer.headers["access-control-allow-origin"]).toBe(origin);
      expect(answer.headers.vary).toContain("Origin");
    }
  });
});

describe("allowedOrigin", () => {
  test("takes Office's hosts and nothing that merely contains their name", () => {
    expect(allowedOrigin("https://inc-excel.officeapps.live.com", "/functions.json")).toBe(
      "https://inc-excel.officeapps.live.com",
    );
    expect(allowedOrigin("http://excel.officeapps.live.com", "/functions.json")).toBeUndefined();
    expect(allowedOrigin("https://excel.officeapps.live.com.evil.example", "/functions.json")).toBeUndefined();
    expect(allowedOrigin("https://evilofficeapps.live.com", "/functions.json")).toBeUndefined();
    expect(allowedOrigin("https://excel.officeapps.live.com", "/functions.js")).toBeUndefined();
    expect(allowedOrigin(undefined, "/functions.json")).toBeUndefined();
  });
});

describe("the production build", () => {
  test("ships no source maps unless HT_SOURCE_MAPS=1 asks for them", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js");
    const previous = process.env.HT_SOURCE_MAPS;
    delete process.env.HT_SOURCE_MAPS;
    expect((await makeConfig({}, { mode: "production" })).devtool).toBe(false);
    process.env.HT_SOURCE_MAPS = "1";
    expect((await makeConfig({}, { mode: "production" })).devtool).toBe("source-map");
    if (previous === undefined) delete process.env.HT_SOURCE_MAPS;
    else process.env.HT_SOURCE_MAPS = previous;
    const files = readdirSync(join(ROOT, "dist"), { recursive: true }) as string[];
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  });
});

describe("npm start and npm stop", () => {
  const scratch = mkdtempSync(join(tmpdir(), "ht-start-"));
  const pidFile = join(scratch, "dev-server.pid");
  const script = (name: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, "scripts", name)], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, HT_PREVIEW: "1", HT_PID_FILE: pidFile, ...env },
    });

  test("with its port taken, npm start says which port is busy and how to choose another, exits non-zero, and leaves no PID file", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "localhost", resolve));
    const taken = (busy.address() as AddressInfo).port;
    try {
      const result = script("start.mjs", { HT_PORT: String(taken) });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${taken} is busy`);
      expect(result.stderr).toContain("HT_PORT=3100 npm start");
      expect(result.stderr).not.toContain("EADDRINUSE");
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      busy.close();
    }
  });

  test("npm stop removes a stale PID file, and never signals a process that is not the dev server", async () => {
    // A process id that no longer runs.
    const ended = spawnSync(process.execPath, ["-e", "0"]);
    writeFileSync(pidFile, String(ended.pid));
    let result = script("stop.mjs");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("stale");
    expect(existsSync(pidFile)).toBe(false);
    // A live process under a recorded id that is someone else's (a reused id): left running.
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(pidFile, String(other.pid));
      result = script("stop.mjs");
      expect(result.stdout).toContain("stale");
      expect(existsSync(pidFile)).toBe(false);
      expect(other.exitCode).toBeNull();
      expect(() => process.kill(other.pid!, 0)).not.toThrow();
    } finally {
      other.kill();
    }
  });
});
