/** Types of chromium.js (a plain Node script that the bench loads too). */
import type { Browser } from "playwright-core";
export const CHROMIUM: string;
export function launch(): Promise<Browser>;
