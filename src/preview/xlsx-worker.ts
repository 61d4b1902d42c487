/**
 * The preview's .xlsx files are packed and unpacked here, in a worker of their own
 * (dist/preview-xlsx-worker.js): ExcelJS takes about a second for a 5,000-row plan either way,
 * and the page keeps drawing and taking clicks meanwhile. What comes and goes is plain data
 * (src/xlsx/snapshot.ts): the calls and their answers are those of xlsx/write.ts and read.ts.
 */
import { readWorkbook } from "../xlsx/read";
import { writeWorkbook } from "../xlsx/write";
import type { FileRequest, FileResponse } from "./xlsx-files";

// The worker's global, typed only as far as it is used (the project's types are the page's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FileRequest>) => void) | null;
  postMessage(message: FileResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  void (async () => {
    try {
      if (request.kind === "write") {
        const bytes = await writeWorkbook(request.book);
        scope.postMessage({ id: request.id, ok: true, kind: "write", bytes }, [bytes.buffer]);
      } else {
        const read = await readWorkbook(request.bytes, request.fileName);
        scope.postMessage({ id: request.id, ok: true, kind: "read", read });
      }
    } catch (error) {
      // The page says it in the pane; a worker has no one else to tell.
      scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
