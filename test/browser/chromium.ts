/**
 * Debian's Chromium, driven by playwright-core (test tools cannot download a browser here). As
 * root, a missing Chromium is installed with apt-get; otherwise the tests say how to get it.
 */
import { execSync } from "child_process";
import { existsSync } from "fs";
import { CHROMIUM, launch } from "../../scripts/chromium";

export { CHROMIUM, launch };

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get did not install Chromium at ${CHROMIUM}`);
}
