/**
 * The document settings (Office.context.document.settings) live in memory until saved; only
 * `saveAsync` writes them into the workbook, and it reports through a callback.
 */

/** Saves the document settings into the workbook; rejects with Office's message when saving fails. */
export function saveDocumentSettings(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "saveAsync")),
    ),
  );
}
