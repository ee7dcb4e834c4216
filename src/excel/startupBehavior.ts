/**
 * Whether the shared runtime starts with this document. By default it starts only when the pane
 * is opened, and until then the QM.* functions compute with the standard's built-in figures and
 * edits of the Parameter sheet recalculate nothing. `Office.StartupBehavior.load` (SharedRuntime
 * 1.1) makes Office start the runtime whenever this document opens, from the next opening on;
 * Office stores that in the document and may ask the user to trust the add-in first.
 */

/**
 * Sets the document to start the runtime with it; true when it changed something. Reads the
 * current value first, so a document that loads already is not changed (nor marked as modified)
 * again on every start. Two calls to Office, no Excel round trip.
 */
export async function loadRuntimeWithDocument(): Promise<boolean> {
  if ((await Office.addin.getStartupBehavior()) === Office.StartupBehavior.load) return false;
  await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  return true;
}
