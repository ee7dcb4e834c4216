import type { WorkbookParameterStore } from "./workbookParameters";

/**
 * Once the workbook carries QM-Planer parameters (a Parameter sheet, or figures saved in its
 * settings — after opening, after "Vorlage erstellen", after a save), the runtime is set to start
 * with the document (`loadWithDocument`), so that the next time it is opened the functions use
 * the workbook's figures at once. A workbook without them is left alone: no trust prompt for a
 * workbook that merely had the pane open. Asked once per session; a refusal is retried at the
 * next load and reported through `onError`.
 */
export function startWithDocumentOnceParameters(
  store: Pick<WorkbookParameterStore, "state" | "subscribe">,
  loadWithDocument: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  let asked = false;
  const follow = () => {
    const loaded = store.state().loaded;
    if (asked || loaded === undefined || loaded.source === "standard") return;
    asked = true;
    loadWithDocument().catch((error: unknown) => {
      asked = false;
      onError(error);
    });
  };
  const unsubscribe = store.subscribe(follow);
  follow();
  return unsubscribe;
}
