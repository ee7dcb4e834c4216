/**
 * Ribbon commands. They run in the shared runtime (taskpane.html), so the add-in's state is at
 * hand; the manifest's button "QM-Planer öffnen" calls `showTaskpane`.
 */

/** Shows the task pane of the shared runtime (SharedRuntime 1.1). */
async function showTaskpane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    // Release the button in every case; a refusal by Office still rejects and stays visible.
    event.completed();
  }
}

// Office initialises a page only after it asked for onReady; the action is known from load on.
Office.onReady();
Office.actions.associate("showTaskpane", showTaskpane);
