import { QM_FUNCTIONS } from "../../src/functions/registry";
import { functionsFor } from "../../src/functions/translations";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";
import { BUDGET_BLOCK_ROWS, insertBudgetAtSelection } from "../../src/excel/insertBudget";

let host: SimulatedHost;
let restore: () => void;

function open(cells: Record<string, string | number> = {}): string {
  host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook: { sheets: { Budget: cells } } });
  restore = host.install(globalThis);
  return "Budget";
}

afterEach(() => restore());

/** The computed value and the formula of a cell, as the grid would show them. */
function cell(address: string): { value: unknown; formula?: string } {
  const sheet = host.workbook.findSheet("Budget")!;
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const view = host.workbook.cellView(sheet, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
  return { value: view.value, formula: view.formula };
}

const INPUT = { residents: 12400, fte: 2.5, salaryPerFte: 45000, roomCosts: 18000, lang: "de" as const };

describe("insertBudgetAtSelection on the simulated host", () => {
  it("writes labels, inputs and live =QM.* formulas at the selection in two syncs", async () => {
    open();
    host.workbook.selectFromUser("Budget", "C3");
    host.resetSyncCount();

    const result = await insertBudgetAtSelection(INPUT);

    expect(result).toEqual({ kind: "inserted", address: "Budget!C3:D12" });
    expect(host.syncCount()).toBe(2);
    expect(BUDGET_BLOCK_ROWS).toBe(10);
    expect(cell("C3").value).toBe("Einwohner");
    expect(cell("D3").value).toBe(12400);
    expect(cell("D7")).toEqual({ value: 112500, formula: "=QM.PERSONALKOSTEN(D4,D5)" });
    expect(cell("D8")).toEqual({ value: 8750, formula: "=QM.SACHKOSTEN(D4)" });
    expect(cell("D9")).toEqual({ value: 24800, formula: "=QM.PROJEKTKOSTEN(D3)" });
    expect(cell("D10")).toEqual({ value: 6200, formula: "=QM.VERFUEGUNGSFONDS(D3)" });
    expect(cell("D11")).toEqual({ value: 39750, formula: "=QM.PROJEKTMITTEL(D3,D4)" });
    // 112 500 + 8 750 + 24 800 + 6 200 + 18 000
    expect(cell("D12")).toEqual({ value: 170250, formula: "=QM.GESAMTBUDGET(D3,D4,D6,D5)" });
    expect(cell("C12").value).toBe("Gesamtbudget");
  });

  it("keeps computing when the user changes an input cell (the formulas are live)", async () => {
    open();
    await insertBudgetAtSelection(INPUT);
    host.workbook.setCellFromUser("Budget", "B1", "2.000");
    // 2 000 residents: 4 000 € project costs rise to the minimum 5 000 €, 1 000 € fund to 2 000 €.
    expect(cell("B7").value).toBe(5000);
    expect(cell("B8").value).toBe(2000);
  });

  it("overwrites nothing: a non-empty target is refused after one sync and left as it was", async () => {
    open({ B8: "Notiz" });
    host.resetSyncCount();

    const result = await insertBudgetAtSelection(INPUT);

    expect(result).toEqual({ kind: "notEmpty", address: "Budget!A1:B10" });
    expect(host.syncCount()).toBe(1);
    expect(cell("A1").value).toBeNull();
    expect(cell("B8").value).toBe("Notiz");
  });

  it.each(["en-US", "en-GB", "en-ZA"])("writes the English function names where Excel runs in %s, and they compute", async (displayLanguage) => {
    host = createSimulatedHost({ functions: functionsFor(QM_FUNCTIONS, displayLanguage), displayLanguage, workbook: { sheets: { Budget: {} } } });
    restore = host.install(globalThis);
    await insertBudgetAtSelection({ ...INPUT, lang: "en" });
    expect(cell("B5")).toEqual({ value: 112500, formula: "=QM.STAFFCOST(B2,B3)" });
    expect(cell("B6").formula).toBe("=QM.MATERIALCOST(B2)");
    expect(cell("B7").formula).toBe("=QM.PROJECTCOST(B1)");
    expect(cell("B8").formula).toBe("=QM.DISPOSITIONFUND(B1)");
    expect(cell("B9")).toEqual({ value: 39750, formula: "=QM.PROJECTFUNDS(B1,B2)" });
    expect(cell("B10")).toEqual({ value: 170250, formula: "=QM.TOTALBUDGET(B1,B2,B4,B3)" });
  });

  it("keeps the German names where Excel runs in a language without English metadata, even with an English pane", async () => {
    host = createSimulatedHost({ functions: QM_FUNCTIONS, displayLanguage: "en-ZW", workbook: { sheets: { Budget: {} } } });
    restore = host.install(globalThis);
    await insertBudgetAtSelection({ ...INPUT, lang: "en" });
    expect(cell("A9").value).toBe("Project funds");
    expect(cell("B9")).toEqual({ value: 39750, formula: "=QM.PROJEKTMITTEL(B1,B2)" });
  });

  it("labels the lines in English when the pane runs in English", async () => {
    open();
    await insertBudgetAtSelection({ ...INPUT, lang: "en" });
    expect(cell("A1").value).toBe("Residents");
    expect(cell("A10").value).toBe("Total budget");
  });
});
