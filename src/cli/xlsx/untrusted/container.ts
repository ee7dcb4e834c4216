/**
 * What the file is, before it is read as a ZIP: empty, an Office compound file (a workbook
 * encrypted with a password, or an old .xls), or something that is no ZIP at all. And, when
 * its ZIP directory cannot be read, whether it was meant to be an Office document (damaged)
 * or is some other ZIP. The answers are the sentences the exceljs reader gave before.
 */
import type { ByteSource } from "./bytes";
import { WorkbookReadError, NOT_A_WORKBOOK } from "./errors";

/** Office's compound-file signature: encrypted .xlsx and old .xls files start with it. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from("PK\u0003\u0004", "latin1");
/** The stream a password-protected OOXML file keeps its encrypted workbook in (names are UTF-16LE). */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");
/** Names every Office document's ZIP carries in its (uncompressed) entry headers. */
const OFFICE_PARTS = ["[Content_Types].xml", "xl/"].map((name) => Buffer.from(name, "latin1"));

const CHUNK = 1024 * 1024;

/** Whether the file holds one of `needles`, read in chunks (the file may be large). */
function contains(source: ByteSource, needles: readonly Buffer[]): boolean {
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  for (let at = 0; at < source.size; at += CHUNK) {
    const length = Math.min(CHUNK + overlap, source.size - at);
    const chunk = source.read(at, length);
    if (needles.some((n) => chunk.includes(n))) return true;
  }
  return false;
}

/** Refuses what is not a ZIP container, with the reason the user can act on. */
export function checkContainer(source: ByteSource): void {
  if (source.size === 0) throw new WorkbookReadError("Die Datei ist leer.");
  const head = source.read(0, Math.min(8, source.size));
  if (head.equals(OLE_SIGNATURE)) {
    throw new WorkbookReadError(
      contains(source, [ENCRYPTED_STREAM])
        ? "Die Datei ist mit einem Kennwort geschützt; bitte ohne Kennwort als .xlsx speichern."
        : "Die Datei ist im alten Excel-Format (.xls); bitte als .xlsx speichern.",
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new WorkbookReadError("Die Datei ist keine Excel-Arbeitsmappe (.xlsx).");
}

/** A ZIP whose directory cannot be read: damaged if it has an Office document's names, else some other ZIP. */
export function unreadableZip(source: ByteSource): WorkbookReadError {
  return new WorkbookReadError(contains(source, OFFICE_PARTS) ? "Die Datei ist beschädigt (kein lesbares ZIP-Archiv)." : NOT_A_WORKBOOK);
}
