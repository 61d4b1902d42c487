/**
 * Just enough of the zip format to look inside an .xlsx before ExcelJS opens it: the list of
 * parts from the central directory, and one part's bytes (stored or deflated). Nothing in the
 * archive is run; a damaged directory is an error, not a guess.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly encrypted: boolean;
}

export class ZipError extends Error {}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** Whether the bytes start as a zip archive does (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The archive's entries, from its central directory. Throws ZipError when it cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory");
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (at + 46 * count > end) throw new ZipError("central directory out of bounds");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError("damaged central directory");
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
      encrypted: (flags & 1) === 1,
    };
    if (entry.offset + 30 > bytes.length || entry.offset + entry.compressedSize > bytes.length)
      throw new ZipError(`entry ${entry.name} out of bounds`);
    entries.push(entry);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** One entry's bytes, inflated. */
export async function zipRead(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const at = entry.offset;
  if (u32(bytes, at) !== 0x04034b50) throw new ZipError(`damaged entry ${entry.name}`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One entry's text (UTF-8), or undefined when the archive has no such entry. */
export async function zipText(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
): Promise<string | undefined> {
  const entry = entries.find((e) => e.name === name);
  return entry ? new TextDecoder().decode(await zipRead(bytes, entry)) : undefined;
}
