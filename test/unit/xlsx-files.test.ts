/**
 * The file worker's protocol (src/preview/xlsx-files.ts), against a stand-in that behaves as a
 * browser's Worker is documented to: messages are structured clones delivered later, a transfer
 * detaches the sender's buffer, and a script that fails to load fires `error` on the Worker.
 * The stand-in runs the real writer and reader, as preview/xlsx-worker.ts does.
 */
import { PreviewBook } from "../../src/preview/book";
import { bookSnapshot } from "../../src/preview/book-snapshot";
import { previewWorkbook } from "../../src/preview/workbook";
import {
  inWorker,
  onThePage,
  type FileRequest,
  type FileResponse,
  type WorkerLike,
} from "../../src/preview/xlsx-files";
import { PLAN_TARGETS } from "../../src/templates/plan-targets";
import { renderTemplate } from "../../src/templates/render";
import type { XlsxBook } from "../../src/xlsx/snapshot";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { PLAN_COOPERATIVE } from "../fixtures/samples";

jest.setTimeout(30_000);

/**
 * A Worker running preview/xlsx-worker.ts's answers. `broken`: its script fails to load (an
 * `error` event); `unreadable`: its replies cannot be read on the page (a `messageerror` event).
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FileResponse>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: FileRequest[] = [];
  terminated = false;

  constructor(private readonly fault?: "broken" | "unreadable") {}

  postMessage(message: FileRequest, transfer: Transferable[] = []): void {
    const copy = structuredClone(message, { transfer });
    this.received.push(copy);
    setTimeout(() => void this.answer(copy), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  private async answer(request: FileRequest): Promise<void> {
    if (this.fault === "broken") return this.onerror?.(new Event("error"));
    let response: FileResponse;
    try {
      response =
        request.kind === "write"
          ? { id: request.id, ok: true, kind: "write", bytes: await writeWorkbook(request.book) }
          : { id: request.id, ok: true, kind: "read", read: await readWorkbook(request.bytes, request.fileName) };
    } catch (error) {
      response = { id: request.id, ok: false, message: (error as Error).message };
    }
    if (this.fault === "unreadable") return this.onmessageerror?.(new Event("messageerror") as MessageEvent);
    const delivered = structuredClone(response);
    this.onmessage?.({ data: delivered } as MessageEvent<FileResponse>);
  }
}

async function planSnapshot(): Promise<XlsxBook> {
  const book = new PreviewBook("Trang1");
  const outcome = await previewWorkbook(book).insert(
    renderTemplate(PLAN_TARGETS, PLAN_COOPERATIVE, "vi"),
    { template: "plan", lang: "vi", inputs: PLAN_COOPERATIVE },
    { kind: "newSheet" },
  );
  if (!outcome.ok) throw new Error("plan not written");
  return bookSnapshot(book);
}

/** What a read gives, without the file's own times (a file written twice differs only there). */
const readBack = async (bytes: Uint8Array) => JSON.stringify(await readWorkbook(bytes, "plan.xlsx"));

test("a save and an open through the worker give the file and the workbook the page's own calls give", async () => {
  const snapshot = await planSnapshot();
  const worker = new FakeWorker();
  const files = inWorker(() => worker);
  const bytes = await files.write(snapshot);
  expect(await readBack(bytes)).toBe(await readBack(await writeWorkbook(snapshot)));
  const read = await files.read(bytes, "plan.xlsx");
  expect(JSON.stringify(read)).toBe(await readBack(bytes));
  expect(worker.received.map((r) => r.kind)).toEqual(["write", "read"]);
  // A copy of the caller's bytes is handed over: the caller's are still whole.
  expect(bytes.byteLength).toBeGreaterThan(1000);
  expect(await readBack(bytes)).toBe(JSON.stringify(read));
});

test("a bad file's reason comes back from the worker as the reader says it", async () => {
  const files = inWorker(() => new FakeWorker());
  const read = await files.read(new TextEncoder().encode("not a zip at all"), "notes.xlsx");
  expect(read).toEqual(await readWorkbook(new TextEncoder().encode("not a zip at all"), "notes.xlsx"));
  expect(read.ok).toBe(false);
});

test("a worker whose script does not load: what waited for it, and every later call, runs on the page", async () => {
  const snapshot = await planSnapshot();
  const workers: FakeWorker[] = [];
  const onPage = { write: jest.fn(onThePage.write), read: jest.fn(onThePage.read) };
  const files = inWorker(() => {
    const w = new FakeWorker("broken");
    workers.push(w);
    return w;
  }, onPage);
  const bytes = await files.write(snapshot);
  expect((await readWorkbook(bytes, "plan.xlsx")).ok).toBe(true);
  expect(workers).toHaveLength(1);
  expect(workers[0].terminated).toBe(true);
  expect((await files.read(bytes, "plan.xlsx")).ok).toBe(true);
  // No second worker is tried; both calls ran on the page.
  expect(workers).toHaveLength(1);
  expect([onPage.write.mock.calls.length, onPage.read.mock.calls.length]).toEqual([1, 1]);
});

test("a reply the page cannot read: the call runs on the page, with the caller's own bytes", async () => {
  const bytes = await writeWorkbook(await planSnapshot());
  const onPage = { write: jest.fn(onThePage.write), read: jest.fn(onThePage.read) };
  const files = inWorker(() => new FakeWorker("unreadable"), onPage);
  const read = await files.read(bytes, "plan.xlsx");
  expect(read.ok).toBe(true);
  expect(onPage.read).toHaveBeenCalledWith(bytes, "plan.xlsx");
});

test("a failure inside the worker reaches the caller as an error, with the worker's message", async () => {
  const files = inWorker(() => new FakeWorker());
  // Sheets that are not an array: the writer throws in the worker.
  const bad = { sheets: null } as unknown as XlsxBook;
  const thrown = await writeWorkbook(bad).then(
    () => undefined,
    (error: Error) => error.message,
  );
  expect(thrown).toBeDefined();
  await expect(files.write(bad)).rejects.toThrow(thrown!);
});

test("a browser that refuses to start a worker: the calls run on the page", async () => {
  const onPage = { write: jest.fn(async () => new Uint8Array([1, 2, 3])), read: jest.fn(onThePage.read) };
  const files = inWorker(() => {
    throw new Error("SecurityError");
  }, onPage);
  expect(await files.write({ sheets: [] } as unknown as XlsxBook)).toEqual(new Uint8Array([1, 2, 3]));
  expect(onPage.write).toHaveBeenCalledTimes(1);
});
