// `npm stop`: stops what `npm start` started (the dev server, or Excel's sideloaded session), and
// removes a record left by a server that is no longer running.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pidFile, root, runningServer } from "./dev-state.mjs";

if (existsSync(pidFile)) {
  const pid = runningServer();
  if (pid) {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (process ${pid}).`);
  } else console.log(`The dev server had already stopped; removed its stale record (${pidFile}).`);
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
