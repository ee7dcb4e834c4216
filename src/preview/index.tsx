/**
 * The browser preview (`npm start` → /preview.html): the simulated Excel host is installed as
 * the globals `Office` and `Excel` before the real task pane bundle (loaded after this one on
 * the same page) runs, and the workbook is drawn beside the pane.
 *
 * Query parameters: `?mappe=leer` opens an empty workbook instead of the sample;
 * `?sprache=en` makes Office's display language English; `?breite=320` gives the task pane
 * that width in pixels (Office's panes start at 320 px), so tests and people can try any width.
 */
import { createRoot } from "react-dom/client";
import { QM_FUNCTIONS } from "../functions/registry";
import { functionsFor } from "../functions/translations";
import { createSimulatedHost } from "./host";
import { WorkbookView } from "./grid/WorkbookView";
import { openSampleWorkbook } from "./sample";
import { PANE_INTERACTIVE_MARK } from "../taskpane/marks";

const params = new URLSearchParams(window.location.search);
const paneWidth = Number(params.get("breite"));
if (Number.isInteger(paneWidth) && paneWidth >= 200 && paneWidth <= 1600) {
  const pane = document.getElementById("pane");
  // The whole pane is that wide, border and scroll bar included, as Office measures its panes.
  pane?.style.setProperty("box-sizing", "border-box");
  pane?.style.setProperty("flex-basis", `${paneWidth}px`);
}
const displayLanguage = params.get("sprache") === "en" ? "en-US" : "de-DE";
// Like Excel, the simulated workbook knows the functions by the names of its UI language.
const host = createSimulatedHost({ functions: functionsFor(QM_FUNCTIONS, displayLanguage), displayLanguage });
host.install(window);

// The sample workbook is written with the host's own Excel.run; the pane starts at once, and
// every Excel.run of the pane waits until that workbook is there — as in a workbook still
// opening: the pane can be used (the Budget tab needs no workbook), its reads see the whole
// sample. A failed sample must not block the pane: it then runs on an empty workbook.
const hostRun = host.Excel.run.bind(host.Excel) as typeof host.Excel.run;
// Written once the pane has drawn its first screen: in Excel the document is opened by Excel,
// not by the add-in's thread; here both share the page's one thread.
const ready = params.get("mappe") === "leer" ? Promise.resolve() : paneDrawn().then(() => openSampleWorkbook((batch) => hostRun(batch)));
const opened = ready.catch(() => undefined);
host.Excel.run = ((...args: Parameters<typeof hostRun>) => opened.then(() => (hostRun as (...a: unknown[]) => unknown)(...args))) as typeof hostRun;

// The bar's link to the workbook open now is marked as the current page.
for (const link of document.querySelectorAll<HTMLAnchorElement>(".preview-bar a")) {
  if (link.search === window.location.search) link.setAttribute("aria-current", "page");
}

// For the end-to-end tests and for curious developers in the console.
(window as unknown as { qmPreview: unknown }).qmPreview = { host };

/**
 * Resolves once the pane has drawn its first screen (or after `limit` ms), so the sample
 * workbook and its grid do not compete with the pane's first render for the one thread.
 */
function paneDrawn(limit = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(PANE_INTERACTIVE_MARK).length > 0) return resolve();
    const timer = setTimeout(done, limit);
    const observer = typeof PerformanceObserver === "function" ? new PerformanceObserver((list) => list.getEntriesByName(PANE_INTERACTIVE_MARK).length > 0 && done()) : undefined;
    observer?.observe({ type: "mark", buffered: true });
    function done(): void {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
  });
}

const root = document.getElementById("workbook");
if (root) {
  ready.then(
    () => createRoot(root).render(<WorkbookView model={host.workbook} />),
    (e: unknown) => {
      root.textContent = `Die Beispielmappe konnte nicht angelegt werden: ${e instanceof Error ? e.message : String(e)}`;
    },
  );
}
