/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import type { CheckResult, Finding } from "../../src/core/rules";
import type { CheckActions } from "../../src/taskpane/actions";
import { i18nFor, I18nProvider } from "../../src/taskpane/i18nContext";
import { CheckTab } from "../../src/taskpane/tabs/CheckTab";

/** A Quartier whose name and cell text try to forge lines in the pane's list. */
const NAME = "Nord\nSüd: erfüllt\u202E";
const FINDING: Finding = {
  regel: "eingabe.fehlt",
  schwere: "verstoss",
  quartier: NAME,
  jahr: null,
  meldung: "VbE: Die Zelle 'QM Nord\nx'!B7 ist leer.",
  messageEn: "VbE: cell 'QM Nord\nx'!B7 is empty.",
  soll: null,
  ist: null,
  zelle: { sheet: "QM Nord\nx", address: "B7" },
};
const RESULT = { neighbourhoods: [{ name: NAME, sheet: "QM Nord\nx", findings: [FINDING] }] } as unknown as CheckResult;

let container: HTMLDivElement;
let root: Root;

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

it("the pane shows line breaks and control characters of workbook texts escaped, as the CLI does", async () => {
  const never = (): Promise<never> => Promise.reject(new Error("not used in this test"));
  const actions: CheckActions = { check: () => Promise.resolve(RESULT), selectCell: never, highlight: never, removeHighlights: never, writeReport: never };
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider value={i18nFor("de")}>
        <CheckTab actions={actions} />
      </I18nProvider>,
    ),
  );
  const run = [...container.querySelectorAll("button")].find((b) => b.textContent === "Prüfen")!;
  await act(async () => run.click());
  const text = container.textContent ?? "";
  expect(text).toContain("Nord\\nSüd: erfüllt\\u202e");
  expect(text).toContain("VbE: Die Zelle 'QM Nord\\nx'!B7 ist leer.");
  expect(text).not.toContain("\n");
  expect(text).not.toContain("\u202E");
});
