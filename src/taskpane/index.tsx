import { createRoot } from "react-dom/client";
import { languageOf } from "../core/format";
import { setFunctionLanguage } from "../functions/activeParameters";
import { App } from "./App";
import { excelActions } from "./excelActions";

/**
 * Entry of the task pane. Renders once Office is ready: German, or English where Office runs
 * in English. Switching the language in the pane also switches the functions' messages.
 */
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <App actions={excelActions} initialLanguage={languageOf(Office.context.displayLanguage)} onLanguageChange={setFunctionLanguage} />,
  );
});
