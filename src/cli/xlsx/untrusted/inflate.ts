/**
 * How the reader inflates a ZIP entry and checks its CRC-32: pluggable, so that the one reader
 * runs in the CLI (node's zlib, `nodeInflate.ts`) and in the task pane (the browser's
 * `DecompressionStream`, `browserInflate.ts`). Whatever the adapter, the output is bounded:
 * more than `maxBytes` is refused with a RangeError before it is all produced, so a zip bomb
 * never fills memory and a lying directory is caught.
 */

export interface Inflater {
  /** The raw-deflate `data` inflated; a RangeError as soon as it would exceed `maxBytes`; any other error when it is no deflate stream. */
  inflateRaw(data: Buffer, maxBytes: number): Buffer | Promise<Buffer>;
  crc32(data: Buffer): number;
}

let table: Int32Array | undefined;

/** CRC-32 (IEEE) in JavaScript, for hosts without a native one. */
export function crc32Js(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
