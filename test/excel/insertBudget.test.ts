import { QM_FUNCTIONS } from "../../src/functions/registry";
import { functionsFor } from "../../src/functions/translations";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";
import { BUDGET_BLOCK_ROWS, insertBudgetAtSelection } from "../../src/excel/insertBudget";
import { readOpenWorkbookPlan } from "../../src/excel/compare";
import { checkInExcel } from "../../src/excel/readPlan";
import { writeReport } from "../../src/excel/report";
import { createTemplate } from "../../src/excel/writeTemplate";

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

describe("the inserted block is the add-in's own, never a Quartier", () => {
  /** A planning workbook (Tabelle1 + template of "Nord") with the Budget block inserted on Tabelle1 at A1. */
  async function templateWithBlock(): Promise<void> {
    host = createSimulatedHost({ functions: QM_FUNCTIONS });
    restore = host.install(globalThis);
    await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 12000 }], firstYear: 2026, lastYear: 2027 });
    host.workbook.activateSheetFromUser("Tabelle1");
    host.workbook.selectFromUser("Tabelle1", "A1");
    host.resetSyncCount();
    expect(await insertBudgetAtSelection(INPUT)).toEqual({ kind: "inserted", address: "Tabelle1!A1:B10" });
    // Still two syncs: the sheet's names are read with the target, the mark is added with the block.
    expect(host.syncCount()).toBe(2);
  }

  it("marks the block with a sheet-scoped name; a second block gets the next name", async () => {
    await templateWithBlock();
    const sheet = host.workbook.findSheet("Tabelle1")!;
    expect(host.workbook.findName("QMPlaner_Budgetblock_1", sheet)?.item.formula).toBe("=Tabelle1!$A$1:$B$10");
    host.workbook.selectFromUser("Tabelle1", "D1");
    await insertBudgetAtSelection(INPUT);
    expect(host.workbook.findName("QMPlaner_Budgetblock_2", sheet)?.item.formula).toBe("=Tabelle1!$D$1:$E$10");
  });

  it("Prüfen, Vergleich and the Prüfbericht list no Tabelle1 Quartier", async () => {
    await templateWithBlock();
    const { result } = await checkInExcel("workbook");
    expect(result.neighbourhoods.map((n) => n.sheet)).toEqual(["QM Nord"]);
    const plan = await readOpenWorkbookPlan();
    expect(plan.neighbourhoods.map((n) => n.sheet)).toEqual(["QM Nord"]);
    const { sheet } = await writeReport(result, new Date(2026, 0, 5));
    const report = host.workbook.findSheet(sheet)!;
    const rect = report.usedRect(true)!;
    const shown: string[] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) shown.push(String(host.workbook.cellView(report, r, c).value ?? ""));
    expect(shown.some((t) => t.includes("QM Nord"))).toBe(true);
    expect(shown.some((t) => t.includes("Tabelle1"))).toBe(false);
  });

  it("without the mark the same block is read as a plan (so the test above can fail)", async () => {
    await templateWithBlock();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tabelle1").names.getItem("QMPlaner_Budgetblock_1").delete();
      await context.sync();
    });
    const { result } = await checkInExcel("workbook");
    expect(result.neighbourhoods.map((n) => n.sheet)).toContain("Tabelle1");
  });

  it("a sheet with a plan of the user's beside the block is still read", async () => {
    host = createSimulatedHost({
      functions: QM_FUNCTIONS,
      workbook: { sheets: { Plan: { A1: "Quartier", B1: "Ost", A2: "Einwohner", B2: 9000, A3: "VbE", B3: 2, A4: "Personalkosten", B4: 90000 } } },
    });
    restore = host.install(globalThis);
    host.workbook.selectFromUser("Plan", "F1");
    await insertBudgetAtSelection(INPUT);
    const plan = await readOpenWorkbookPlan();
    expect(plan.neighbourhoods.map((n) => [n.sheet, n.name, n.residents.ok && n.residents.value])).toEqual([["Plan", "Ost", 9000]]);
  });
});
