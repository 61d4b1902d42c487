import { ensureLibreOffice } from "../../scripts/libreoffice";

/** The `calc` project's tests open files in LibreOffice Calc; install it first, as Chromium is. */
export default async function setup(): Promise<void> {
  ensureLibreOffice();
}
