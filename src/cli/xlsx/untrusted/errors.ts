/**
 * Why a file is no workbook the check can read. The message is one German sentence the user
 * can act on; it names the bound or the defect ("… ist entpackt größer als 50 MB").
 */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** A damaged package: "Die Datei ist beschädigt (…)." with what is damaged. */
export function damaged(reason: string): WorkbookReadError {
  return new WorkbookReadError(`Die Datei ist beschädigt (${reason}).`);
}

export const NOT_A_WORKBOOK = "Die Datei ist eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx).";
