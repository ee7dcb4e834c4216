import { createRoot } from "react-dom/client";
import { languageOf } from "../core/format";
import { updateRuntimeState } from "../functions/state";
import { App } from "./App";
import { excelActions } from "./excelActions";
import { startWorkbookParameters } from "./workbookParameters";
import { startWithDocumentOnceParameters } from "./startWithDocument";
import { loadRuntimeWithDocument } from "../excel/startupBehavior";

/**
 * Entry of the task pane, and the startup of the shared runtime: once Office is ready, the
 * workbook's figures are loaded for the QM.* functions (and followed when the Parameter sheet
 * is edited) — whether or not the pane is ever shown — and, once the workbook carries
 * parameters, the runtime is set to start with the document. Then the pane renders: German, or English
 * where Office runs in English. Switching the language in the pane also switches the
 * functions' messages.
 */
Office.onReady(() => {
  const parameterStore = startWorkbookParameters(excelActions);
  // Not an error the user can act on (e.g. an Office without the setting): the pane still works,
  // the functions then wait for the pane after the next opening, as before.
  startWithDocumentOnceParameters(parameterStore, loadRuntimeWithDocument, (error) =>
    console.warn("QM-Planer: Start mit der Arbeitsmappe konnte nicht eingestellt werden:", error),
  );
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
