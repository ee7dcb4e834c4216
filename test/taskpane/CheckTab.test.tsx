/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { Dec } from "../../src/core/decimal";
import type { CheckResult, Finding } from "../../src/core/rules";
import type { CheckActions } from "../../src/taskpane/actions";
import { i18nFor, I18nProvider } from "../../src/taskpane/i18nContext";
import { CheckTab, RECHECK_DELAY_MS } from "../../src/taskpane/tabs/CheckTab";


const FINDING: Finding = {
  regel: "personal.mindest_vbe",
  schwere: "verstoss",
  quartier: "Altstadt",
  jahr: null,
  meldung: "Geplant sind 1,5 VbE, der Standard verlangt mindestens 2 VbE.",
  messageEn: "1.5 FTE are planned; the standard requires at least 2 FTE.",
  soll: { kind: "vbe", amount: new Dec(2) },
  ist: { kind: "vbe", amount: new Dec("1.5") },
  zelle: { sheet: "QM Altstadt", address: "B7" },
};
const RESULT: CheckResult = { neighbourhoods: [{ name: "Altstadt", sheet: "QM Altstadt", findings: [FINDING] }] } as unknown as CheckResult;

let container: HTMLDivElement;
let root: Root;
const selected: unknown[] = [];

async function renderChecked(lang: "de" | "en", overrides: Partial<CheckActions> = {}): Promise<HTMLElement> {
  const never = () => Promise.reject(new Error("not used in this test"));
  const actions: CheckActions = {
    check: () => Promise.resolve(RESULT),
    selectCell: (cell) => (selected.push(cell), Promise.resolve()),
    highlight: never,
    removeHighlights: never,
    writeReport: never,
    ...overrides,
  };
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider value={i18nFor(lang)}>
        <CheckTab actions={actions} />
      </I18nProvider>,
    ),
  );
  const run = [...container.querySelectorAll("button")].find((b) => b.textContent === (lang === "en" ? "Check" : "Prüfen"))!;
  await act(async () => run.click());
  return container.querySelector<HTMLElement>('[data-rule="personal.mindest_vbe"]')!;
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  selected.length = 0;
});

describe("a finding in the Prüfen tab", () => {
  it("reads German in German: the message, Soll, Ist and cell", async () => {
    const finding = await renderChecked("de");
    expect(finding.textContent).toContain("Geplant sind 1,5 VbE, der Standard verlangt mindestens 2 VbE.");
    expect(finding.textContent).toContain("Soll: 2 VbE");
    expect(finding.textContent).toContain("Ist: 1,5 VbE");
    expect(finding.textContent).toContain("Zelle: 'QM Altstadt'!B7");
    expect(finding.textContent).not.toContain("planned");
  });

  it("reads English in English; the rule id and the cell stay as they are", async () => {
    const finding = await renderChecked("en");
    expect(finding.textContent).toContain("1.5 FTE are planned; the standard requires at least 2 FTE.");
    expect(finding.textContent).not.toContain("Geplant");
    expect(finding.textContent).toContain("personal.mindest_vbe");
    expect(finding.textContent).toContain("Expected: 2 FTE");
    expect(finding.textContent).toContain("Actual: 1.5 FTE");
    expect(finding.textContent).toContain("Cell: 'QM Altstadt'!B7");
  });

  it("is read out by screen readers with its message, and a click selects its cell", async () => {
    const finding = await renderChecked("de");
    // No aria-label replacing the content: the message itself is what a screen reader reads.
    expect(finding.getAttribute("aria-label")).toBeNull();
    expect(finding.getAttribute("title")).toBe("Zelle 'QM Altstadt'!B7 auswählen");
    await act(async () => finding.click());
    expect(selected).toEqual([{ sheet: "QM Altstadt", address: "B7" }]);
    expect(finding.getAttribute("aria-pressed")).toBe("true");
  });
});

describe("removing highlights", () => {
  it("says which sheets are gone and that their highlights stay recorded", async () => {
    await renderChecked("de", {
      removeHighlights: () => Promise.resolve({ restored: 2, changedByUser: 0, protectedSheets: [], missingSheets: ["QM Süd"] }),
    });
    const remove = [...container.querySelectorAll("button")].find((b) => b.textContent === "Markierungen entfernen")!;
    await act(async () => remove.click());
    expect(container.textContent).toContain("Die Blätter „QM Süd“ gibt es nicht mehr; ihre Markierungen bleiben gespeichert");
  });
});

describe("findings stay true", () => {
  it("an edit marks the list outdated, refuses marks until the re-check, which reads the checked sheet again", async () => {
    jest.useFakeTimers();
    try {
      let onEdit: (id: string) => void = () => undefined;
      const checks: unknown[][] = [];
      const fixed: CheckResult = { neighbourhoods: [{ name: "Altstadt", sheet: "QM Altstadt", findings: [] }] } as unknown as CheckResult;
      let answer: CheckResult & { checkedSheet?: string } = { ...RESULT, checkedSheet: "QM Altstadt" };
      await renderChecked("de", {
        check: (...args) => (checks.push(args), Promise.resolve(answer)),
        watchUserEdits: (handler) => ((onEdit = handler), Promise.resolve()),
      });
      const highlight = () => [...container.querySelectorAll("button")].find((b) => b.textContent === "Markieren")!;
      expect(highlight().disabled).toBe(false);

      answer = fixed;
      await act(async () => onEdit("sheet-id"));
      expect(container.querySelector("[data-stale]")?.textContent).toContain("Die Mappe wurde geändert");
      expect(highlight().disabled).toBe(true);

      await act(async () => jest.advanceTimersByTime(RECHECK_DELAY_MS));
      await act(async () => undefined);
      expect(checks).toEqual([["sheet"], ["sheet", "QM Altstadt"]]);
      expect(container.querySelector("[data-stale]")).toBeNull();
      expect(container.querySelector('[data-rule="personal.mindest_vbe"]')).toBeNull();
      expect(container.querySelector("[data-announcement]")?.textContent).toBe("Prüfung abgeschlossen – Quartiere: 1, Verstöße: 0, Hinweise: 0.");
    } finally {
      jest.useRealTimers();
    }
  });
});
