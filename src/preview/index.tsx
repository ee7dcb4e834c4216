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

// The pane starts (Office.onReady) only once the workbook it opens on is there.
const ready = params.get("mappe") === "leer" ? Promise.resolve() : openSampleWorkbook();
const hostOnReady = host.Office.onReady.bind(host.Office);
// A failed sample must not keep the pane from starting: it then runs on an empty workbook.
host.Office.onReady = (callback) => ready.catch(() => undefined).then(() => hostOnReady(callback));

// The bar's link to the workbook open now is marked as the current page.
for (const link of document.querySelectorAll<HTMLAnchorElement>(".preview-bar a")) {
  if (link.search === window.location.search) link.setAttribute("aria-current", "page");
}

// For the end-to-end tests and for curious developers in the console.
(window as unknown as { qmPreview: unknown }).qmPreview = { host };

const root = document.getElementById("workbook");
if (root) {
  ready.then(
    () => createRoot(root).render(<WorkbookView model={host.workbook} />),
    (e: unknown) => {
      root.textContent = `Die Beispielmappe konnte nicht angelegt werden: ${e instanceof Error ? e.message : String(e)}`;
    },
  );
}
