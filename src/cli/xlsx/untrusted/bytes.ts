/**
 * The bytes of a workbook as the reader sees them: read by position, only where the ZIP
 * directory says the needed parts are. A file on disk (`file.ts`, Node) and bytes already in
 * memory (a browser's picked file, a test) are both a `ByteSource`. No Node module here: the
 * task pane bundles this reader.
 */
import { WorkbookReadError } from "./errors";

export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; a file that is shorter now is damaged. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

export function bufferSource(data: Buffer): ByteSource {
  return {
    size: data.length,
    read: (offset, length) => {
      if (offset < 0 || offset + length > data.length) throw new WorkbookReadError("Die Datei ist beschädigt (sie endet vorzeitig).");
      return data.subarray(offset, offset + length);
    },
    close: () => undefined,
  };
}
