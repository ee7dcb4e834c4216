/**
 * The submitted files' reading, loaded only when the user compares submissions (its own chunk:
 * the reader and the Buffer it works on stay out of the pane's first load). The reader is the
 * CLI's (`src/cli/xlsx/untrusted`, no Node in it) with the browser's inflater.
 */
import { browserInflater } from "../../cli/xlsx/untrusted/browserInflate";
import { WorkbookReadError } from "../../cli/xlsx/untrusted/errors";
import { bytesText, DEFAULT_LIMITS } from "../../cli/xlsx/untrusted/limits";
import { readWorkbookBytes } from "../../cli/xlsx/untrusted/readPackage";
import { Consolidation, Consolidator } from "../../core/consolidation/consolidate";
import type { SubmittedFile } from "../actions";
import type { Progress } from "../components/useTask";

/** Reads, checks and consolidates the files in the order picked; a file that cannot be read is listed with its reason, the others still count. */
export async function consolidateSubmittedFiles(files: readonly SubmittedFile[], onProgress: (p: Progress) => void = () => undefined): Promise<Consolidation> {
  const c = new Consolidator();
  let done = 0;
  for (const file of files) {
    try {
      // The size first: a file beyond the bound is never loaded into memory.
      if (file.size > DEFAULT_LIMITS.fileBytes) throw new WorkbookReadError(`Die Datei ist größer als ${bytesText(DEFAULT_LIMITS.fileBytes)} und wird nicht gelesen.`);
      const bytes = Buffer.from(await file.arrayBuffer());
      c.addSnapshot(file.name, await readWorkbookBytes(bytes, browserInflater));
    } catch (e) {
      c.addError(file.name, e instanceof WorkbookReadError ? e.message : `Unerwarteter Fehler: ${e instanceof Error ? e.message : String(e)}`);
    }
    onProgress({ done: ++done, total: files.length });
  }
  return c.finish();
}
