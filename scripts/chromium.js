/* eslint-disable no-undef */
/**
 * Debian's Chromium as the browser tests and the bench start it (test tools cannot download a
 * browser here). The background-networking flags keep it from calling hosts this machine cannot
 * reach; headless and no sandbox because the tests run as root without a display.
 */
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

module.exports = { CHROMIUM, launch };
