/**
 * Opening a file from a stranger: only a regular file is read. A FIFO would block the batch
 * for ever, `/dev/zero` never ends, a directory is no workbook. The path is resolved first
 * (symlinks followed, loops refused), then opened without blocking and checked on the open
 * descriptor — so the file checked is the file read, even if the path is swapped meanwhile.
 * Bytes are read by position, only where the ZIP directory says the needed parts are.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { WorkbookReadError } from "./errors";
import { bytesText } from "./limits";

import { bufferSource, type ByteSource } from "./bytes";

export { bufferSource } from "./bytes";
export type { ByteSource } from "./bytes";

/** Files up to this size are read whole at once. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;


function openFailure(err: unknown): WorkbookReadError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return new WorkbookReadError("Die Datei gibt es nicht.");
    case "EISDIR":
      return new WorkbookReadError("Das ist ein Ordner, keine Datei.");
    case "EACCES":
    case "EPERM":
      return new WorkbookReadError("Die Datei darf nicht gelesen werden (keine Leserechte).");
    case "ELOOP":
      return new WorkbookReadError("Der Pfad ist eine Kette symbolischer Links ohne Ende.");
    case "ENAMETOOLONG":
      return new WorkbookReadError("Der Pfad ist zu lang.");
    default:
      return new WorkbookReadError(`Die Datei kann nicht gelesen werden (${code ?? "unbekannter Fehler"}).`);
  }
}

/** What a non-regular file is, in words. */
function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return "Das ist ein Ordner, keine Datei.";
  if (stat.isFIFO()) return "Das ist eine benannte Pipe (FIFO), keine Datei; sie wird nicht gelesen.";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "Das ist ein Gerät, keine Datei; es wird nicht gelesen.";
  if (stat.isSocket()) return "Das ist ein Socket, keine Datei; er wird nicht gelesen.";
  return "Das ist keine gewöhnliche Datei; sie wird nicht gelesen.";
}

/** Opens `path` if it is a regular file within `maxBytes`; else a WorkbookReadError saying what it is. */
export function openRegularFile(path: string, maxBytes: number): ByteSource {
  let real: string;
  let fd: number;
  try {
    real = realpathSync(path);
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below then refuses it.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw openFailure(err);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new WorkbookReadError(kindOf(stat));
    if (stat.size > maxBytes) throw new WorkbookReadError(`Die Datei ist größer als ${bytesText(maxBytes)} und wird nicht gelesen.`);
    const size = stat.size;
    // A file of a usual size is read in one call: a workbook's parts are many small reads
    // (directory, each local header, name and data), one system call each otherwise.
    if (size <= WHOLE_FILE_BYTES) {
      const whole = Buffer.allocUnsafe(size);
      let done = 0;
      while (done < size) {
        const n = readSync(fd, whole, done, size - done, done);
        if (n === 0) throw new WorkbookReadError("Die Datei ist beschädigt (sie endet vorzeitig).");
        done += n;
      }
      return { ...bufferSource(whole), close: () => closeSync(fd) };
    }
    return {
      size,
      read(offset, length) {
        if (offset < 0 || offset + length > size) throw new WorkbookReadError("Die Datei ist beschädigt (sie endet vorzeitig).");
        const out = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
          const n = readSync(fd, out, done, length - done, offset + done);
          // The file shrank since fstat: what is missing now is missing.
          if (n === 0) throw new WorkbookReadError("Die Datei ist beschädigt (sie endet vorzeitig).");
          done += n;
        }
        return out;
      },
      close: () => closeSync(fd),
    };
  } catch (err) {
    closeSync(fd);
    if (err instanceof WorkbookReadError) throw err;
    throw openFailure(err);
  }
}
