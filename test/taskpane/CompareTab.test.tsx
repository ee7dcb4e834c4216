/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { Consolidator } from "../../src/core/consolidation/consolidate";
import { Dec } from "../../src/core/decimal";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import type { CompareActions } from "../../src/taskpane/actions";
import { i18nFor, I18nProvider } from "../../src/taskpane/i18nContext";
import { CompareTab } from "../../src/taskpane/tabs/CompareTab";
import { sheet, workbook } from "../fixtures/pruefen/snapshots";

/** A plan made elsewhere, two plan years; amounts chosen so that a third of them leaves cents to distribute. */
function planSheet(name: string, residents: number, staff: [number, number]) {
  return sheet(`Plan ${name}`, {
    A1: "Quartier",
    B1: name,
    A2: "Einwohner",
    B2: residents,
    A3: "VbE",
    B3: 2,
    B5: 2026,
    C5: 2027,
    A6: "Personalkosten",
    B6: staff[0],
    C6: staff[1],
    A7: "Sachkosten",
    B7: 7000,
    C7: 7000,
    A8: "Projektkosten",
    B8: Math.max(2 * residents, 5000),
    C8: Math.max(2 * residents, 5000),
    A9: "Verfügungsfonds",
    B9: Math.max(residents / 2, 2000),
    C9: Math.max(residents / 2, 2000),
    A10: "Raumkosten",
    B10: 1000.01,
    C10: 1000.01,
  });
}

const PLAN = readWorkbookPlan(workbook([planSheet("Nord", 12000, [90000.01, 92000.02]), planSheet("Klein", 1000, [40000.02, 41000]), planSheet("Mitte", 6000, [90000, 90000.01])]));

let container: HTMLDivElement;
let root: Root;

async function render(actions: Partial<CompareActions> = {}, lang: "de" | "en" = "de"): Promise<void> {
  const all: CompareActions = { readWorkbookPlan: () => Promise.resolve(PLAN), ...actions };
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider value={i18nFor(lang)}>
        <CompareTab actions={all} />
      </I18nProvider>,
    ),
  );
}

const button = (text: string): HTMLButtonElement => [...container.querySelectorAll("button")].find((b) => b.textContent?.startsWith(text))!;
const names = (): string[] => [...container.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-neighbourhood")!);
/** "12.345,67 €" → Dec. */
const euros = (text: string): Dec => new Dec(text.replace(/[^\d,-]/g, "").replace(",", "."));
const column = (key: string): Dec[] => [...container.querySelectorAll(`tbody td[data-col="${key}"]`)].map((td) => euros(td.textContent!));
const sumCell = (key: string): string => container.querySelector(`tfoot td[data-col="${key}"]`)!.textContent!;

async function chooseYear(value: string): Promise<void> {
  const select = container.querySelector("select")!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, value);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("the Vergleich tab", () => {
  it("shows one plan year first, with the three shares and the check's verdict per Quartier", async () => {
    await render();
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    expect(names()).toEqual(["Nord", "Klein", "Mitte"]);
    expect([...container.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["2026", "2027", "Alle Planjahre"]);
    const headers = [...container.querySelectorAll("thead th")].map((th) => th.textContent);
    expect(headers).toEqual(["Quartier", "Gesamt", "€ je Einwohner", "VbE je 1.000 Einwohner", "Abweichung vom Richtwert", "Anteil Bund", "Anteil Land", "Anteil Gemeinde", "Standard"]);
    // Nord 2026: 90.000,01 + 7.000 + 24.000 + 6.000 + 1.000,01 = 128.000,02 €; (− 0 Drittmittel) ÷ 3 leaves 2 cents: Gemeinde, then Land.
    expect(container.querySelector('tbody tr[data-neighbourhood="Nord"] td[data-col="total"]')!.textContent).toBe("128.000,02 €");
    expect(container.querySelector('tbody tr[data-neighbourhood="Nord"] td[data-col="shareMunicipal"]')!.textContent).toBe("42.666,68 €");
    expect(container.querySelector('tbody tr[data-neighbourhood="Nord"] td[data-col="shareFederal"]')!.textContent).toBe("42.666,67 €");
    const verdicts = [...container.querySelectorAll('tbody td[data-col="compliant"]')].map((td) => td.textContent);
    // Klein plans 40.000,02 € for 2 VbE: below the standard's staff costs, as "Prüfen" says.
    expect(verdicts[1]).toMatch(/^nicht erfüllt/);
    expect(sumCell("compliant")).toMatch(/von 3 erfüllt$/);
  });

  it.each(["2026", "2027", "all"])("%s: every share's sum in the pane is the sum of its rows, to the cent (issue 11, item 10)", async (year) => {
    await render();
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    await chooseYear(year);
    for (const key of ["total", "shareFederal", "shareState", "shareMunicipal"]) {
      const rows = column(key).reduce((a, b) => a.plus(b), new Dec(0));
      expect([key, euros(sumCell(key)).toFixed(2)]).toEqual([key, rows.toFixed(2)]);
    }
  });

  it("labels the mean as weighted and computes it as Σ Gesamt ÷ Σ Einwohner", async () => {
    await render();
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    const totals = column("total").reduce((a, b) => a.plus(b), new Dec(0));
    const weighted = totals.div(12000 + 1000 + 6000).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    expect(sumCell("perResident")).toBe(`${weighted.toFixed(2).replace(".", ",")} € (gewichtet)`);
    const perResident = column("perResident");
    const unweighted = perResident.reduce((a, b) => a.plus(b), new Dec(0)).div(3).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    expect(unweighted.eq(weighted)).toBe(false);
    expect(container.textContent).toContain("gewichtetes Mittel = Σ Gesamt ÷ Σ Einwohner");
    expect(container.querySelector("svg[role=img]")!.textContent).toContain("gewichtetes Mittel");
  });

  it("an amount that cannot be read: the pane says the sums are incomplete, and the row's and sum's deviation stay empty", async () => {
    const unreadable = planSheet("Süd", 8000, [90000, 90000]);
    (unreadable.cells as Map<string, unknown>).set("B7", "viel");
    const plan = readWorkbookPlan(workbook([planSheet("Nord", 12000, [90000.01, 92000.02]), unreadable]));
    await render({ readWorkbookPlan: () => Promise.resolve(plan) });
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    const warning = container.querySelector("[data-compare-incomplete]");
    expect(warning?.textContent).toBe(
      "Die Summen sind unvollständig: In 1 Zeile(n) ließ sich eine Angabe nicht lesen (siehe „Prüfen“). Die Summen lassen diese Zeilen ganz aus; Abweichung und Mittelwerte bleiben leer.",
    );
    expect(container.querySelector('tbody tr[data-neighbourhood="Süd"] td[data-col="deviation"]')!.textContent).toBe("fehlt");
    expect(sumCell("deviation")).toBe("fehlt");
    // 2027 is complete: no warning there.
    await chooseYear("2027");
    expect(container.querySelector("[data-compare-incomplete]")).toBeNull();
  });

  it("over all years a row is the Quartier's sum and € je Einwohner is per year", async () => {
    await render();
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    await chooseYear("all");
    expect(container.querySelector('tbody tr[data-neighbourhood="Nord"] td[data-col="total"]')!.textContent).toBe("258.000,05 €");
    expect([...container.querySelectorAll("thead th")][2].textContent).toBe("€ je Einwohner und Jahr");
  });

  it("sorts by any column with accessible headers: aria-sort and a second click turns the order", async () => {
    await render();
    await act(async () => button("Quartiere dieser Mappe vergleichen").click());
    const header = () => [...container.querySelectorAll("thead th")].find((th) => th.textContent!.startsWith("€ je Einwohner"))!;
    expect(header().getAttribute("aria-sort")).toBe("none");
    await act(async () => header().querySelector("button")!.click());
    expect(header().getAttribute("aria-sort")).toBe("descending");
    const down = column("perResident");
    expect(down.map(String)).toEqual([...down].sort((a, b) => b.comparedTo(a)).map(String));
    await act(async () => header().querySelector("button")!.click());
    expect(header().getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["Nord", "Mitte", "Klein"]);
    const byName = [...container.querySelectorAll("thead th")][0];
    await act(async () => byName.querySelector("button")!.click());
    expect(byName.getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["Klein", "Mitte", "Nord"]);
  });

  it("Einreichungen vergleichen: the picked files are consolidated and written; unread files are listed", async () => {
    const got: string[] = [];
    let written = false;
    const consolidateFiles: CompareActions["consolidateFiles"] = async (files) => {
      got.push(...files.map((f) => f.name));
      const c = new Consolidator();
      c.addPlan("nord.xlsx", readWorkbookPlan(workbook([planSheet("Nord", 12000, [90000, 90000])])));
      c.addError("notizen.xlsx", "Keine Quartiersplanung gefunden.");
      return c.finish();
    };
    await render({ consolidateFiles, writeComparison: async () => ((written = true), { sheets: ["Übersicht", "Daten", "Befunde", "Fehler"], renamed: [] }) });
    const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    const files = [new File(["x"], "nord.xlsx"), new File(["y"], "notizen.xlsx")];
    Object.defineProperty(input, "files", { value: files });
    await act(async () => button("Einreichungen vergleichen").click());
    expect(got).toEqual(["nord.xlsx", "notizen.xlsx"]);
    expect(written).toBe(true);
    expect(names()).toEqual(["Nord"]);
    expect(container.querySelector("[data-compare-errors]")!.textContent).toContain("notizen.xlsx: Keine Quartiersplanung gefunden.");
    expect(container.textContent).toContain("Vergleich in die Blätter „Übersicht“, „Daten“, „Befunde“, „Fehler“ geschrieben.");
  });

  it("reads English in English", async () => {
    await render({}, "en");
    await act(async () => button("Compare this workbook").click());
    expect(sumCell("perResident")).toMatch(/ \(weighted\)$/);
    expect(container.textContent).toContain("weighted mean = Σ total ÷ Σ residents");
  });
});
