import { activeParameters, setActiveParameters } from "../../src/functions/activeParameters";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { defaultParameters } from "../../src/core/standard";
import { loadWorkbookParameters, saveWorkbookParameters, SETTINGS_KEY } from "../../src/excel/parameters";
import { createSimulatedHost, fromSnapshot, SimulatedHost, WorkbookDescription } from "../../src/preview/host";

let host: SimulatedHost;
let restore: () => void;

function open(workbook: WorkbookDescription): void {
  host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook });
  restore = host.install(globalThis);
}

afterEach(() => {
  restore();
  setActiveParameters(defaultParameters());
});

/** A workbook with the template's Parameter sheet: two of the figures as named cells. */
const WITH_PARAMETER_SHEET: WorkbookDescription = {
  sheets: { Parameter: { A3: "Sachkosten je VbE", B3: 3600, A4: "Mindest-VbE", B4: 2 }, "QM Nord": {} },
  names: [
    { name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" },
    { name: "Mindest_VbE", ref: "=Parameter!$B$4" },
  ],
};

describe("the workbook's parameters on the simulated host", () => {
  it("are the standard's when the workbook stores none", async () => {
    open({ sheets: { Tabelle1: {} } });
    host.resetSyncCount();
    const loaded = await loadWorkbookParameters();
    expect(loaded).toEqual({ parameters: defaultParameters(), source: "standard", sheet: undefined });
    expect(host.syncCount()).toBeLessThanOrEqual(2);
  });

  it("are read from the Parameter sheet's named cells in two syncs (a third recalculates when they changed), and the functions use them", async () => {
    open(WITH_PARAMETER_SHEET);
    host.resetSyncCount();
    const loaded = await loadWorkbookParameters();
    // Two to read, a third for the full calculation: the figures differ from the standard's.
    expect(host.syncCount()).toBe(3);
    expect(loaded.source).toBe("sheet");
    expect(loaded.sheet).toBe("Parameter");
    expect(loaded.sheetId).toBe(host.workbook.findSheet("Parameter")!.id);
    expect(loaded.parameters).toEqual({ ...defaultParameters(), materialCostPerFte: "3600" });
    expect(activeParameters().materialCostPerFte.toString()).toBe("3600");

    host.workbook.setCellFromUser("QM Nord", "A1", "=QM.SACHKOSTEN(2)");
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7200);

    // Read again unchanged: nothing to recalculate.
    host.resetSyncCount();
    await loadWorkbookParameters();
    expect(host.syncCount()).toBe(2);
  });

  it("recalculate QM.* cells computed before the workbook's figures were loaded", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } });
    const sheet = host.workbook.findSheet("QM Nord")!;
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7000);
    await loadWorkbookParameters();
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7200);
  });

  it("are saved into the named cells and the document settings, and found again when the file is reopened", async () => {
    open(WITH_PARAMETER_SHEET);
    const changed = { ...defaultParameters(), materialCostPerFte: "3700", projectCostMinimum: "5500" };
    host.resetSyncCount();
    const saved = await saveWorkbookParameters(changed);
    expect(host.syncCount()).toBe(2);
    expect(saved).toEqual({ parameters: changed, source: "sheet", sheet: "Parameter", sheetId: host.workbook.findSheet("Parameter")!.id });
    expect(host.workbook.cellView(host.workbook.findSheet("Parameter")!, 2, 1).value).toBe(3700);
    expect(host.workbook.settings.get(SETTINGS_KEY)).toEqual(changed);

    // Someone else opens the saved file.
    restore();
    setActiveParameters(defaultParameters());
    host = fromSnapshot(JSON.stringify(host.snapshot()), { functions: QM_FUNCTIONS });
    restore = host.install(globalThis);
    const reopened = await loadWorkbookParameters();
    // The sheet's cell wins for its figure; the settings carry the figure the sheet has no cell for.
    expect(reopened.parameters).toEqual(changed);
    expect(activeParameters().projectCostMinimum.toString()).toBe("5500");
  });

  it("recalculate the QM.* cells when saved, although no cell they read has changed", async () => {
    open({ sheets: { Tabelle1: { A1: "=QM.SACHKOSTEN(2)" } } });
    const sheet = host.workbook.findSheet("Tabelle1")!;
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7000);
    await saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "3700" });
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7400);
  });

  it("travel in the settings when the workbook has no Parameter sheet", async () => {
    open({ sheets: { Tabelle1: {} } });
    const changed = { ...defaultParameters(), dispositionFundPerResident: "0.6" };
    const saved = await saveWorkbookParameters(changed);
    expect(saved.source).toBe("settings");
    const loaded = await loadWorkbookParameters();
    expect(loaded).toEqual({ parameters: changed, source: "settings", sheet: undefined });
  });

  it("refuses a figure that is not a number before anything is written", async () => {
    open(WITH_PARAMETER_SHEET);
    await expect(saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "viel" })).rejects.toThrow();
    expect(host.workbook.cellView(host.workbook.findSheet("Parameter")!, 2, 1).value).toBe(3600);
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
  });
});
