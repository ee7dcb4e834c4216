import { findQmSheets, queueSheetCalculation } from "../../src/excel/recalculate";
import { recalculateFunctions, saveWorkbookParameters } from "../../src/excel/parameters";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { updateRuntimeState } from "../../src/functions/state";
import { defaultParameters } from "../../src/core/standard";
import { createSimulatedHost, SimulatedHost, type WorkbookDescription } from "../../src/preview/host";

/**
 * After a change of the figures only the sheets holding QM.* formulas are recalculated (the
 * simulated host records every calculation), never Excel's full calculation of all open
 * workbooks; their cells show the new figures, and so do cells elsewhere that refer to them.
 */

let host: SimulatedHost;
let restore: () => void = () => undefined;

function open(workbook: WorkbookDescription): void {
  host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook });
  restore = host.install(globalThis);
}

afterEach(() => {
  restore();
  updateRuntimeState({ parameters: defaultParameters() });
});

const WORKBOOK: WorkbookDescription = {
  sheets: {
    Parameter: { A1: "Sachkosten je VbE", B1: 3500 },
    "QM Nord": { A1: "=QM.SACHKOSTEN(2)", A2: "=A1*2" },
    // English names (English Excel), lower case as a user may type them: found all the same.
    "QM Süd": { B5: 12, B6: "=qm.sachkosten(B5)" },
    Übersicht: { A1: "='QM Nord'!A1+1", A2: "Summe" },
    Notizen: { A1: "nichts zu rechnen", A2: "=1+1" },
  },
};

async function findInBatch(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = await findQmSheets(context);
    sheets.forEach((s) => s.load("name"));
    await context.sync();
    return sheets.map((s) => s.name);
  });
}

describe("recalculation after the figures changed", () => {
  test("finds the sheets holding QM.* formulas in two syncs, whatever the number of sheets", async () => {
    open(WORKBOOK);
    host.resetSyncCount();
    const names = await Excel.run(async (context) => {
      const sheets = await findQmSheets(context);
      return sheets;
    });
    expect(host.syncCount()).toBe(2);
    expect(names).toHaveLength(2);
    expect(await findInBatch()).toEqual(["QM Nord", "QM Süd"]);
  });

  test("recalculates exactly those sheets, not the application; their cells and their dependants show the new figures", async () => {
    open(WORKBOOK);
    const nord = host.workbook.findSheet("QM Nord")!;
    const overview = host.workbook.findSheet("Übersicht")!;
    expect(host.workbook.cellView(nord, 0, 0).value).toBe(7000);
    updateRuntimeState({ parameters: { ...defaultParameters(), materialCostPerFte: "3700" } });
    // Excel does not know that the figures changed: without a calculation the cells stay stale.
    expect(host.workbook.cellView(nord, 0, 0).value).toBe(7000);

    host.resetSyncCount();
    await recalculateFunctions();
    expect(host.syncCount()).toBe(3);
    expect(host.workbook.calculations).toEqual([
      { kind: "sheet", sheet: "QM Nord" },
      { kind: "sheet", sheet: "QM Süd" },
    ]);
    expect(host.workbook.cellView(nord, 0, 0).value).toBe(7400);
    expect(host.workbook.cellView(nord, 1, 0).value).toBe(14800);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Süd")!, 5, 1).value).toBe(44400);
    expect(host.workbook.cellView(overview, 0, 0).value).toBe(7401);
  });

  test("a hidden sheet is always recalculated (Excel's search may skip it); a workbook without QM.* formulas calculates nothing", async () => {
    open({ sheets: { Tabelle1: { A1: 1 }, Versteckt: { A1: "=QM.SACHKOSTEN(1)" } } });
    host.workbook.setVisibility(host.workbook.findSheet("Versteckt")!, "Hidden");
    expect(await findInBatch()).toEqual(["Versteckt"]);

    restore();
    open({ sheets: { Tabelle1: { A1: "=SUMME(1)", A2: "QM-Planer" } } });
    await recalculateFunctions();
    expect(host.workbook.calculations).toEqual([]);
  });

  test("a save with recalculation calculates the QM sheets in the writes' batch, and nothing when the writes fail", async () => {
    open({
      sheets: { Parameter: { B3: 3500 }, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } },
      names: [{ name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" }],
    });
    await saveWorkbookParameters(
      { parameters: { ...defaultParameters(), materialCostPerFte: "3800" } },
      { recalculate: true, onWrite: () => updateRuntimeState({ parameters: { ...defaultParameters(), materialCostPerFte: "3800" } }) },
    );
    expect(host.workbook.calculations).toEqual([{ kind: "sheet", sheet: "QM Nord" }]);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7600);
  });

  test("queueSheetCalculation queues nothing for no sheets (no empty round trip)", async () => {
    open(WORKBOOK);
    host.resetSyncCount();
    await Excel.run(async (context) => {
      queueSheetCalculation([]);
      await context.sync();
    });
    expect(host.syncCount()).toBe(0);
    expect(host.workbook.calculations).toEqual([]);
  });
});
