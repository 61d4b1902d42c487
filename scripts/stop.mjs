// `npm stop`: stops what `npm start` started (the dev server, or Excel's sideloaded session).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = join(root, ".cache", "dev-server.pid");

if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (process ${pid}).`);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
    console.log("The dev server had already stopped.");
  }
  rmSync(pidFile, { force: true });
} else if (["win32", "darwin"].includes(process.platform)) {
  const bin = join(
    root,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging",
  );
  const result = spawnSync(bin, ["stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exitCode = result.status ?? 0;
} else {
  console.log("Nothing to stop: the dev server is not running.");
}
