/** The CLI's inflater: node's zlib, bounded by `maxOutputLength` (it stops at the cap, whatever the zip declares). */
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { crc32Js, Inflater } from "./inflate";

export const nodeInflater: Inflater = {
  inflateRaw: (data, maxBytes) => {
    try {
      return inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch (err) {
      // Node says ERR_BUFFER_TOO_LARGE (a RangeError) when the cap is reached: the adapter contract's RangeError.
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw new RangeError("zu groß", { cause: err });
      throw err;
    }
  },
  // zlib.crc32 came with Node 20.15; older Node 20 computes it in JavaScript.
  crc32: typeof zlibCrc32 === "function" ? (data) => zlibCrc32(data) : crc32Js,
};
