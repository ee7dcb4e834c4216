import { Consolidator } from "../../src/core/consolidation/consolidate";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { writeComparisonSheets } from "../../src/excel/writeComparison";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";
import { sheet, workbook } from "../fixtures/pruefen/snapshots";

let host: SimulatedHost;
let restore: () => void;
afterEach(() => restore());

function planOf(name: string, residents: number, staff: number) {
  return readWorkbookPlan(
    workbook([
      sheet(name, { A1: "Quartier", B1: name, A2: "Einwohner", B2: residents, A3: "VbE", B3: 2, A4: "Personalkosten", B4: staff, A5: "Sachkosten", B5: 7000, A6: "Projektkosten", B6: 24000, A7: "Verfügungsfonds", B7: 6000, A8: "Raumkosten", B8: 1000.01, A9: "Planjahr", B9: 2026 }),
    ]),
  );
}

function consolidation() {
  const c = new Consolidator();
  c.addPlan("nord.xlsx", planOf("Nord", 12000, 90000.01));
  c.addPlan("sued.xlsx", planOf("Süd", 3000, 80000));
  c.addError("notizen.xlsx", "Keine Quartiersplanung gefunden.");
  return c.finish();
}

function valueOfName(name: string): unknown {
  const found = host.workbook.findName(name)!;
  const m = /^=?'?(.*?)'?!\$([A-Z]+)\$(\d+)$/.exec(found.item.formula)!;
  const col = [...m[2]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return host.workbook.cellView(host.workbook.findSheet(m[1])!, Number(m[3]) - 1, col - 1).value;
}

describe("the comparison written into the open workbook", () => {
  it("new sheets under free names, formulas that follow the renamed Daten, the chart, the grand totals as the core's, in two syncs", async () => {
    host = createSimulatedHost({ workbook: { sheets: { Daten: { A1: "meine Daten" } } } });
    restore = host.install(globalThis);
    const c = consolidation();
    host.resetSyncCount();
    const result = await writeComparisonSheets(c, { today: new Date(2026, 10, 2) });
    expect(host.syncCount()).toBe(2);
    expect(result.sheets).toEqual(["Übersicht", "Daten (2)", "Befunde", "Fehler"]);
    expect(result.renamed.map((r) => [r.requested, r.actual])).toEqual([["Daten", "Daten (2)"]]);
    // The user's sheet is as it was.
    expect(host.workbook.cellView(host.workbook.findSheet("Daten")!, 0, 0).value).toBe("meine Daten");
    // Σ Gesamt of the rows, computed by the host's formulas over "Daten (2)": the core's sum to the cent.
    expect((valueOfName("Vergleich_Gesamt") as number).toFixed(2)).toBe(c.sums.total.toFixed(2));
    expect((valueOfName("Vergleich_Anteil_Gemeinde") as number).toFixed(2)).toBe(c.sums.shares.municipal.toFixed(2));
    const charts = host.workbook.findSheet("Übersicht")!.charts;
    expect(charts.map((ch) => ch.chartType)).toEqual(["ColumnClustered"]);
    const fehler = host.workbook.findSheet("Fehler")!;
    expect(host.workbook.cellView(fehler, 1, 0).value).toBe("notizen.xlsx");
  });

  it("a second comparison adds new sheets again and keeps the first one's names; its own totals are named on its sheet", async () => {
    host = createSimulatedHost();
    restore = host.install(globalThis);
    await writeComparisonSheets(consolidation());
    const second = await writeComparisonSheets(consolidation());
    expect(second.sheets).toEqual(["Übersicht (2)", "Daten (2)", "Befunde (2)", "Fehler (2)"]);
    expect(host.workbook.findName("Vergleich_Gesamt")!.item.formula).toMatch(/^='?Übersicht'?!/);
    expect(host.workbook.findName("Vergleich_Gesamt", host.workbook.findSheet("Übersicht (2)")!)!.item.formula).toMatch(/^='Übersicht \(2\)'!/);
  });
});
