/* eslint-disable no-undef */
/**
 * LibreOffice Calc as our second, independent spreadsheet engine: it opens the .xlsx files the
 * preview saves, recalculates them and prints them to PDF. Each run gets a profile of its own
 * (a fresh `-env:UserInstallation`), so runs never share state and never see a user's settings.
 *
 * LibreOffice keeps the cached values of an .xlsx file unless told otherwise: with
 * `recalc: true` the profile sets `OOXMLRecalcMode` to 0 ("always recalculate on load"), which
 * is what a check of our formulas (not of our cached values) needs.
 */
const { execFileSync } = require("child_process");
const { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = require("fs");
const os = require("os");
const path = require("path");

const SOFFICE = process.env.SOFFICE_PATH || "/usr/bin/soffice";

const PDFTOTEXT = "/usr/bin/pdftotext"; // poppler-utils: reads the printed pages back, page by page

// Carlito has Calibri's metrics (the templates' font): without it LibreOffice sets Calibri in
// DejaVu Sans, a sixth wider, and wraps and breaks pages where Excel would not.
const CARLITO = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
const PACKAGES = "libreoffice-calc poppler-utils fonts-crosextra-carlito";

function ensureLibreOffice() {
  if (existsSync(SOFFICE) && existsSync(PDFTOTEXT) && existsSync(CARLITO)) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(
      `LibreOffice is not at ${SOFFICE}. Install it (sudo apt-get install -y --no-install-recommends ${PACKAGES}) or set SOFFICE_PATH.`,
    );
  }
  execFileSync(
    "bash",
    [
      "-c",
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGES}`,
    ],
    { stdio: "inherit" },
  );
  if (!existsSync(SOFFICE)) throw new Error(`apt-get did not install LibreOffice at ${SOFFICE}`);
}

function profile(dir, recalc, locale) {
  const user = path.join(dir, "user");
  mkdirSync(user, { recursive: true });
  const items = [
    // 0 = always recalculate on load, 1 = never, 2 = ask (which headless treats as never).
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>`,
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>`,
  ];
  // The locale LibreOffice formats numbers and dates in, as a user of that language sees them
  // ("vi-VN": 1.500.000,5); unset, the machine's (en-US here).
  if (locale)
    items.push(
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>`,
    );
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${items.join("\n")}\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

/**
 * Converts `input` with `soffice --headless --convert-to <to>` (for example "pdf", "xlsx",
 * "csv"), in a profile of its own, and returns the path of the converted file in `outDir`
 * (a new temporary folder when omitted), formatting numbers in `locale` when given ("vi-VN"). Throws with LibreOffice's output when no file comes out.
 */
function convert(input, to, { recalc = false, outDir, timeoutMs = 180000, locale } = {}) {
  ensureLibreOffice();
  const work = mkdtempSync(path.join(os.tmpdir(), "ht-lo-"));
  const out = outDir || mkdtempSync(path.join(os.tmpdir(), "ht-lo-out-"));
  const ext = to.split(":")[0];
  const expected = path.join(out, `${path.basename(input).replace(/\.[^.]+$/, "")}.${ext}`);
  let log = "";
  try {
    log = execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${profile(path.join(work, "profile"), recalc, locale)}`,
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        out,
        input,
      ],
      { encoding: "utf8", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: work } },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(expected)) {
    throw new Error(`LibreOffice did not convert ${input} to ${to}: ${log} (found: ${readdirSync(out).join(", ")})`);
  }
  return expected;
}

module.exports = { SOFFICE, PDFTOTEXT, ensureLibreOffice, convert };
