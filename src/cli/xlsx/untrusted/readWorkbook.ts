/**
 * The one reader of .xlsx files from strangers (`pruefen`; any command that reads a submitted
 * workbook should use it). It produces the core's `WorkbookSnapshot` like the pane's Office.js
 * reader, from as little of the file as the check needs:
 *
 * 1. only a regular file within the size bound is opened (`file.ts`);
 * 2. the ZIP directory is read from the end of the file; entries are inflated one by one,
 *    each within the per-part bound and all within the per-workbook bound, CRC-checked (`zip.ts`);
 * 3. the package relationships lead to xl/workbook.xml; its sheets are resolved through their
 *    `r:id`s, names decoded by the one XML parser (`xml.ts`);
 * 4. the core says which cells the check reads (`cellDemand`): all cells of sheets read by
 *    their labels, the named cells of template sheets; only sheets with such cells are
 *    inflated, and only those cells decoded (`worksheet.ts`); shared strings and styles only
 *    when a kept cell needs them;
 * 5. a listed sheet whose part is missing stays in the snapshot with a `problem`, which the
 *    check reports as a Verstoß — a sheet is never left out in silence.
 *
 * Everything a plan can hold is read here; there is no fallback to exceljs (which reads
 * every sheet whole and unbounded).
 */
import type { WorkbookSnapshot } from "../../../core/workbook";
import { openRegularFile } from "./file";
import { nodeInflater } from "./nodeInflate";
import { limitsOf, ReaderOptions, readWorkbookBytes, readWorkbookSource } from "./readPackage";

export { WorkbookReadError } from "./errors";
export type { ReaderOptions } from "./readPackage";

/** Reads workbook bytes into a snapshot; throws WorkbookReadError for what is no readable .xlsx or breaks a bound. */
export function readWorkbookBuffer(data: Buffer, options: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  return readWorkbookBytes(data, nodeInflater, options);
}

/** Reads an .xlsx file; a missing, irregular or unreadable file is a WorkbookReadError too. */
export async function readWorkbookFile(path: string, options: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  const limits = limitsOf(options);
  const source = openRegularFile(path, limits.fileBytes);
  try {
    return await readWorkbookSource(source, nodeInflater, options);
  } finally {
    source.close();
  }
}
