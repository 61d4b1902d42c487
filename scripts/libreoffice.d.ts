export const SOFFICE: string;
export const PDFTOTEXT: string;
export function ensureLibreOffice(): void;
export function convert(
  input: string,
  to: string,
  options?: { recalc?: boolean; outDir?: string; timeoutMs?: number; locale?: string },
): string;
