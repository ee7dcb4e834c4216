import { createRoot } from "react-dom/client";
import { languageOf } from "../core/format";
import { updateRuntimeState } from "../functions/state";
import { App } from "./App";
import { excelActions } from "./excelActions";
import { startWorkbookParameters } from "./workbookParameters";

/**
 * Entry of the task pane, and the startup of the shared runtime: once Office is ready, the
 * workbook's figures are loaded for the QM.* functions (and followed when the Parameter sheet
 * is edited) — whether or not the pane is ever shown. Then the pane renders: German, or English
 * where Office runs in English. Switching the language in the pane also switches the
 * functions' messages.
 */
Office.onReady(() => {
  const parameterStore = startWorkbookParameters(excelActions);
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <App
      actions={excelActions}
      parameterStore={parameterStore}
      initialLanguage={languageOf(Office.context.displayLanguage)}
      onLanguageChange={(language) => updateRuntimeState({ language })}
    />,
  );
});
