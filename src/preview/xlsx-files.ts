/**
 * The preview's .xlsx files, packed and unpacked off the page's thread. ExcelJS takes about a
 * second for a 5,000-row plan either way (bench, BENCH_ONLY=files); in the worker of
 * preview/xlsx-worker.ts that second no longer holds the page still: it keeps drawing and
 * taking clicks. The calls are those of xlsx/write.ts and xlsx/read.ts, and
 * where no worker can start (a browser without workers, a worker script that fails to load) they
 * run on the page as before, loaded when first used.
 */
import type { ReadOutcome } from "../xlsx/read";
import type { XlsxBook } from "../xlsx/snapshot";

export type FileRequest =
  | { readonly id: number; readonly kind: "write"; readonly book: XlsxBook }
  | { readonly id: number; readonly kind: "read"; readonly bytes: Uint8Array; readonly fileName: string };

export type FileResponse =
  | { readonly id: number; readonly ok: true; readonly kind: "write"; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: true; readonly kind: "read"; readonly read: ReadOutcome }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface XlsxFiles {
  /** The .xlsx file of `book` (xlsx/write.ts writeWorkbook). */
  write(book: XlsxBook): Promise<Uint8Array>;
  /** The workbook in `bytes`, or why it cannot be opened (xlsx/read.ts readWorkbook); `bytes` stay the caller's. */
  read(bytes: Uint8Array, fileName: string): Promise<ReadOutcome>;
}

/** What of a Worker is used: the browser's, or a test's stand-in that behaves as it is documented to. */
export interface WorkerLike {
  postMessage(message: FileRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FileResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
  /** A reply that could not be read (its structured clone failed). */
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** The worker's script, beside the page's own in dist/ (webpack.config.js builds it). */
export const WORKER_SCRIPT = "preview-xlsx-worker.js";

/** The same calls on the page's thread. */
export const onThePage: XlsxFiles = {
  write: async (book) => {
    const { writeWorkbook } = await import(/* webpackChunkName: "preview-file" */ "../xlsx/write");
    return await writeWorkbook(book);
  },
  read: async (bytes, fileName) => {
    const { readWorkbook } = await import(/* webpackChunkName: "preview-file" */ "../xlsx/read");
    return await readWorkbook(bytes, fileName);
  },
};

/**
 * The calls sent to a worker started on first use. If the worker fails (its script does not
 * load, or it dies), what was waiting for it, and every later call, runs on the page instead:
 * a file is saved or opened either way.
 */
export function inWorker(start: () => WorkerLike, fallback: XlsxFiles = onThePage): XlsxFiles {
  let worker: WorkerLike | undefined;
  let failed = false;
  let next = 0;
  const waiting = new Map<number, { request: FileRequest; settle: (r: FileResponse | Error) => void }>();

  const runHere = async (request: FileRequest): Promise<FileResponse> =>
    request.kind === "write"
      ? { id: request.id, ok: true, kind: "write", bytes: await fallback.write(request.book) }
      : { id: request.id, ok: true, kind: "read", read: await fallback.read(request.bytes, request.fileName) };

  const started = (): WorkerLike | undefined => {
    if (failed) return undefined;
    if (worker) return worker;
    try {
      worker = start();
    } catch {
      // No worker here (refused by the browser): the page does the work.
      failed = true;
      return undefined;
    }
    worker.onmessage = (event) => {
      const entry = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      entry?.settle(event.data);
    };
    // The script did not load, the worker died, or a reply could not be read: what waited for it
    // runs on the page (with the caller's own bytes and book, never handed over).
    worker.onerror = worker.onmessageerror = (event: Event) => {
      event.preventDefault();
      failed = true;
      worker?.terminate();
      worker = undefined;
      const stranded = [...waiting.values()];
      waiting.clear();
      for (const { request, settle } of stranded)
        runHere(request).then(settle, (error: unknown) =>
          settle(error instanceof Error ? error : new Error(String(error))),
        );
    };
    return worker;
  };

  /** `posted`: what goes to the worker, when it is not `request` itself (a copy to hand over). */
  const send = async (request: FileRequest, posted = request, transfer: Transferable[] = []): Promise<FileResponse> => {
    const target = started();
    if (!target) return await runHere(request);
    const answer = await new Promise<FileResponse | Error>((settle) => {
      waiting.set(request.id, { request, settle });
      try {
        target.postMessage(posted, transfer);
      } catch (error) {
        // Not sendable (a value the structured clone refuses): a fault of ours, said as it is.
        waiting.delete(request.id);
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
    if (answer instanceof Error) throw answer;
    if (!answer.ok) throw new Error(answer.message);
    return answer;
  };

  return {
    write: async (book) => {
      const answer = await send({ id: next++, kind: "write", book });
      if (answer.ok && answer.kind === "write") return answer.bytes;
      throw new Error("the file worker answered a write with something else");
    },
    read: async (bytes, fileName) => {
      // A copy is handed over to the worker (moved, not cloned again); the caller's bytes stay its own.
      const request: FileRequest = { id: next++, kind: "read", bytes, fileName };
      const copy = new Uint8Array(bytes);
      const answer = await send(request, { ...request, bytes: copy }, [copy.buffer]);
      if (answer.ok && answer.kind === "read") return answer.read;
      throw new Error("the file worker answered a read with something else");
    },
  };
}

let shared: XlsxFiles | undefined;

/** The page's files: in a worker where the browser has them, on the page otherwise. */
export function xlsxFiles(): XlsxFiles {
  shared ??=
    typeof Worker === "undefined"
      ? onThePage
      : inWorker(() => new Worker(new URL(WORKER_SCRIPT, document.baseURI)) as unknown as WorkerLike);
  return shared;
}
