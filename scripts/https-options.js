/**
 * HTTPS options for the dev server, from office-addin-dev-certs. On Windows and macOS the Office
 * development CA is installed in the user's own store, as Microsoft's templates do. On Linux
 * that step needs sudo, so the certificates are only generated into ~/.office-addin-dev-certs
 * and served; a browser there is told to trust them, or to ignore the warning for localhost.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const devCerts = require("office-addin-dev-certs");

const DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = {
  ca: path.join(DIR, "ca.crt"),
  cert: path.join(DIR, "localhost.crt"),
  key: path.join(DIR, "localhost.key"),
};
const DAYS = 30;

function fresh() {
  return Object.values(FILES).every((file) => {
    try {
      return Date.now() - fs.statSync(file).mtimeMs < (DAYS - 2) * 24 * 3600 * 1000;
    } catch {
      return false;
    }
  });
}

async function httpsOptions() {
  if (process.platform !== "linux") return devCerts.getHttpsServerOptions();
  if (!fresh()) {
    fs.mkdirSync(DIR, { recursive: true });
    await devCerts.generateCertificates(FILES.ca, FILES.cert, FILES.key, DAYS);
  }
  return { ca: fs.readFileSync(FILES.ca), cert: fs.readFileSync(FILES.cert), key: fs.readFileSync(FILES.key) };
}

module.exports = { httpsOptions };
