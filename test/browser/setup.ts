import { ensureChromium } from "./chromium";

export default async function setup(): Promise<void> {
  ensureChromium();
}
