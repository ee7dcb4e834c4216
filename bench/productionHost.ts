/**
 * Stands in for the CDN's office.js when the bench times the production pane (dist's
 * taskpane.html) in Chromium: the simulated Excel host with an empty workbook, and a
 * CustomFunctions stub for the functions' registration. Bench only; never in the add-in.
 */
import { createSimulatedHost } from "../src/preview/host";

const host = createSimulatedHost({ displayLanguage: "de-DE" });
host.install(window);
const scope = window as unknown as { CustomFunctions?: unknown };
scope.CustomFunctions ??= { associate: () => undefined };
