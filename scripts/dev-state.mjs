// Where `npm start` records the dev server it started, and whether a recorded one still runs.
// Shared by start.mjs and stop.mjs. HT_PID_FILE moves the record (the tests use their own).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const pidFile = process.env.HT_PID_FILE || join(root, ".cache", "dev-server.pid");

/** The port `npm start` serves on: HT_PORT, else package.json's config.dev_server_port, else 3000. */
export const port = Number(process.env.HT_PORT || process.env.npm_package_config_dev_server_port || 3000);

/**
 * The recorded dev server's process id when that process still runs and is ours, else undefined.
 * A process id is reused once its process ends: on Linux, where /proc says what runs, a live
 * process that is not webpack's server is someone else's and is never taken for ours.
 */
export function runningServer() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code === "ESRCH") return undefined;
    if (error.code !== "EPERM") throw error;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync("/proc/self/cmdline")) {
    if (!existsSync(cmdline) || !readFileSync(cmdline, "utf8").includes("webpack")) return undefined;
  }
  return pid;
}
