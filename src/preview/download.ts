/** The media type of an .xlsx file. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands a workbook's bytes to the browser as a download named `name`. */
export function downloadXlsx(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the download; the address is freed once it had time to read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
