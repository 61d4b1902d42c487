// `npm start`. With desktop Excel (Windows, macOS) it sideloads the add-in and starts the dev
// server, as Microsoft's templates do. Without it (Linux, or HT_PREVIEW=1) it serves the add-in
// over https with locally generated Office dev certificates and prints the preview's address and
// how to sideload into Excel on the web. Ctrl-C or `npm stop` stops it. HT_PORT=3100 npm start
// serves on another port when 3000 is taken (README, "Running it").
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { dirname, join } from "node:path";
import { pidFile, port, root, runningServer } from "./dev-state.mjs";

// The dev server listens on localhost only; HT_DEV_HOST=0.0.0.0 (or a host name) opens it to the LAN.
const lanHost = process.env.HT_DEV_HOST;
const host = lanHost || "localhost";
const desktop = ["win32", "darwin"].includes(process.platform) && process.env.HT_PREVIEW !== "1";
const bin = (name) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args, onExit = () => undefined) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, HT_PORT: String(port) },
  });
  child.on("exit", (code, signal) => {
    onExit();
    process.exit(signal ? 0 : (code ?? 0));
  });
  return child;
}

/** Whether something already listens on the port (where the dev server would listen). */
function portTaken() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) => (["EADDRINUSE", "EACCES"].includes(error.code) ? resolve(true) : reject(error)));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port, host);
  });
}

function waitForServer(url, deadline) {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const request = https.get(url, { rejectUnauthorized: false }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else retry();
      });
      request.on("error", retry);
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`no answer from ${url}`)) : setTimeout(attempt, 500));
    attempt();
  });
}

async function serve() {
  const running = runningServer();
  if (running) {
    console.error(`The dev server is already running (process ${running}). Stop it with \`npm stop\`.`);
    process.exitCode = 1;
    return;
  }
  // A record left by a server that ended without cleaning up (killed, machine restarted).
  rmSync(pidFile, { force: true });
  if (await portTaken()) {
    console.error(`
  Port ${port} is busy: another program is listening on ${host}:${port}, so the dev server cannot start.

  Choose another port:   HT_PORT=3100 npm start
  (or free port ${port}; on Linux \`ss -ltnp 'sport = :${port}'\` names the program using it).
  The preview then runs at https://localhost:3100/preview.html. Excel's sideloaded manifest
  points at port 3000, so for Excel free port 3000 instead.
`);
    process.exitCode = 1;
    return;
  }
  const server = run(bin("webpack"), ["serve", "--mode", "development"], () => rmSync(pidFile, { force: true }));
  mkdirSync(dirname(pidFile), { recursive: true });
  writeFileSync(pidFile, String(server.pid));
  const stop = () => {
    rmSync(pidFile, { force: true });
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const base = `https://localhost:${port}`;
  waitForServer(`${base}/preview.html`, Date.now() + 180_000).then(
    () =>
      console.log(`
  Hạch Toán is running.

  Preview (no Excel needed):  ${base}/preview.html
  Task pane alone:            ${base}/taskpane.html

  Excel on the web: open a workbook, Home › Add-ins › More add-ins › Upload My Add-in, and
  choose manifest.xml from this folder. The browser must trust the certificate in
  ~/.office-addin-dev-certs/ca.crt (or open ${base}/preview.html once and accept it).

  Stop with Ctrl-C or \`npm stop\`.
${lanHost ? `\n  HT_DEV_HOST=${lanHost}: other machines on the network can reach this server.\n` : ""}`),
    (error) => {
      console.error(`The dev server did not start: ${error.message}`);
      stop();
      process.exitCode = 1;
    },
  );
}

if (desktop) run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop"]);
else await serve();
