/**
 * The task pane's inflater: the browser's own `DecompressionStream("deflate-raw")` (no
 * JavaScript inflate library in the bundle). The output is read chunk by chunk and the stream
 * cancelled as soon as it passes the cap, so a bomb costs at most the cap plus one chunk.
 */
import { crc32Js, Inflater } from "./inflate";

export async function inflateRawInBrowser(data: Uint8Array, maxBytes: number): Promise<Buffer> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // Errors of the input side show up on the reading side too; these promises must not go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError("zu groß");
    }
    chunks.push(value);
  }
  const out = Buffer.alloc(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const browserInflater: Inflater = { inflateRaw: inflateRawInBrowser, crc32: crc32Js };
