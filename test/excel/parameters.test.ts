import { activeParameters, setActiveParameters } from "../../src/functions/activeParameters";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { defaultParameters } from "../../src/core/standard";
import { figureValue, loadWorkbookParameters, ParameterSaveError, saveWorkbookParameters, SETTINGS_KEY } from "../../src/excel/parameters";
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

  it("ignore a figure in the settings with more digits than Excel holds, and take the standard's", async () => {
    open({ sheets: { Tabelle1: {} } });
    const fortyDigits = "5000.004999999999999999999999999999999999";
    host.workbook.setSetting(SETTINGS_KEY, { ...defaultParameters(), projectCostMinimum: fortyDigits, projectCostPerResident: "2.5e0" });
    const loaded = await loadWorkbookParameters();
    expect(loaded.parameters).toEqual({ ...defaultParameters(), projectCostPerResident: "2.5" });
    expect(activeParameters().projectCostMinimum.toString()).toBe(defaultParameters().projectCostMinimum);
  });
});

describe("saving the figures when the workbook refuses or holds formulas", () => {
  const parameterSheet = () => host.workbook.findSheet("Parameter")!;

  async function protectParameterSheet(): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Parameter").protection.protect();
      await context.sync();
    });
  }

  it("leave the functions, the cells and the settings as they were when the sheet is protected", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } });
    await loadWorkbookParameters();
    await protectParameterSheet();
    const error = await saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "9999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toMatch(/^Die Kennzahlen konnten nicht ins Blatt geschrieben werden \(Excel meldet: .+\)\. Es wurde nichts geändert\.$/);
    expect((error as ParameterSaveError).messageEn).toMatch(/^The figures could not be written to the sheet .*Nothing was changed\.$/);
    expect(activeParameters().materialCostPerFte.toString()).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7200);
    // The settings were saved before the cells were refused, and are taken back.
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
  });

  it("say so when the sheet refuses the figures and the settings cannot be taken back either", async () => {
    open(WITH_PARAMETER_SHEET);
    await loadWorkbookParameters();
    await protectParameterSheet();
    const settings = host.Office.context.document.settings;
    const save = settings.saveAsync.bind(settings);
    let calls = 0;
    jest.spyOn(settings, "saveAsync").mockImplementation((callback) => {
      if (++calls === 1) return save(callback);
      (callback as (r: unknown) => void)({ status: "failed", value: undefined, error: { code: 5001, message: "Keine Verbindung." } });
    });
    const error = await saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "9999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toContain("ließen sich nicht zurücksetzen (Keine Verbindung.): sie enthalten schon die neuen Werte");
    expect(activeParameters().materialCostPerFte.toString()).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
  });

  it("write only figures that changed, so a protected sheet keeps its cells and the settings take the rest", async () => {
    open(WITH_PARAMETER_SHEET);
    await protectParameterSheet();
    const changed = { ...defaultParameters(), materialCostPerFte: "3600", minFte: "2", projectCostMinimum: "5500" };
    host.resetSyncCount();
    const saved = await saveWorkbookParameters(changed);
    expect(host.syncCount()).toBe(2);
    expect(saved.parameters).toEqual(changed);
    expect(host.workbook.settings.get(SETTINGS_KEY)).toEqual(changed);
    expect(activeParameters().projectCostMinimum.toString()).toBe("5500");
  });

  it("leave the functions and the cells as they were when the settings cannot be saved", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } });
    await loadWorkbookParameters();
    const stored = { ...defaultParameters(), materialCostPerFte: "3600" };
    host.workbook.setSetting(SETTINGS_KEY, stored);
    const settings = host.Office.context.document.settings;
    jest.spyOn(settings, "saveAsync").mockImplementation((callback) =>
      (callback as (r: unknown) => void)({ status: "failed", value: undefined, error: { code: 5001, message: "Die Datei ist schreibgeschützt." } }),
    );
    const error = await saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "9999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toBe(
      "Die Kennzahlen konnten nicht in den Einstellungen der Arbeitsmappe gespeichert werden (Office meldet: Die Datei ist schreibgeschützt.). Es wurde nichts geändert.",
    );
    expect(activeParameters().materialCostPerFte.toString()).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7200);
    // The add-in's copy of the settings is the file's again, so a later load reads no unsaved figure.
    expect(settings.get(SETTINGS_KEY)).toEqual(stored);
  });

  it("refuse to replace a formula, naming the figure and its cell, before anything is written", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, Parameter: { B3: "=3500*1.02", B4: 2 } } });
    await loadWorkbookParameters();
    expect(activeParameters().materialCostPerFte.toString()).toBe("3570");
    const error = await saveWorkbookParameters({ ...defaultParameters(), materialCostPerFte: "3700", minFte: "3" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toContain("„Sachkosten je VbE“ (Parameter!B3)");
    expect((error as ParameterSaveError).message).toContain("Es wurde nichts gespeichert.");
    expect((error as ParameterSaveError).messageEn).toContain('"Material cost per FTE" (Parameter!B3)');
    expect(host.workbook.cellView(parameterSheet(), 2, 1).formula).toBe("=3500*1.02");
    expect(host.workbook.cellView(parameterSheet(), 3, 1).value).toBe(2);
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
    expect(activeParameters().materialCostPerFte.toString()).toBe("3570");
    expect(activeParameters().minFte.toString()).toBe("2");
  });

  it("keep a formula whose figure is unchanged and save the others, in two syncs", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, Parameter: { B3: "=3500*1.1", B4: 2 } } });
    const changed = { ...defaultParameters(), materialCostPerFte: "3850", minFte: "3" };
    host.resetSyncCount();
    const saved = await saveWorkbookParameters(changed);
    expect(host.syncCount()).toBe(2);
    expect(saved.parameters).toEqual(changed);
    expect(host.workbook.cellView(parameterSheet(), 2, 1).formula).toBe("=3500*1.1");
    expect(host.workbook.cellView(parameterSheet(), 3, 1).value).toBe(3);
    expect(activeParameters().minFte.toString()).toBe("3");
  });

  it("refuse a figure with more digits than Excel holds, before anything is written", async () => {
    open(WITH_PARAMETER_SHEET);
    await expect(saveWorkbookParameters({ ...defaultParameters(), projectCostPerResident: "2.0000000000000001" })).rejects.toThrow(
      "„2.0000000000000001“ ist für „Projektkosten je Einwohner“ keine gültige Zahl (ab 0, höchstens 15 Stellen). Es wurde nichts gespeichert.",
    );
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
  });
});

describe("figureValue", () => {
  it("reads a cell's number to Excel's 15 digits, exactly", () => {
    expect(figureValue(3600)).toBe("3600");
    expect(figureValue(3500 * 1.1)).toBe("3850");
    expect(figureValue(0.1 + 0.2)).toBe("0.3");
    expect(figureValue(1e-7)).toBe("0.0000001");
    expect(figureValue(-0)).toBe("0");
    expect(figureValue(-1)).toBeUndefined();
    expect(figureValue(Number.NaN)).toBeUndefined();
    expect(figureValue(Infinity)).toBeUndefined();
  });

  it("reads a stored text only when it needs no rounding: at most 15 significant digits", () => {
    expect(figureValue("123456789012345")).toBe("123456789012345");
    expect(figureValue("0.000123456789012345")).toBe("0.000123456789012345");
    expect(figureValue("1234567890123456")).toBeUndefined();
    expect(figureValue("5000.004999999999999999999999999999999999")).toBeUndefined();
    expect(figureValue(" 0.50 ")).toBe("0.5");
    expect(figureValue("-2")).toBeUndefined();
    expect(figureValue("2,5")).toBeUndefined();
  });

  it("reads exponent spellings that are exact, and none whose exponent could underflow or overflow", () => {
    expect(figureValue("1e-7")).toBe("0.0000001");
    expect(figureValue("4.5E+4")).toBe("45000");
    expect(figureValue(String(1e21))).toBe("1000000000000000000000");
    expect(figureValue("1e-99999999999999999999")).toBeUndefined();
    expect(figureValue("1e99999999999999999999")).toBeUndefined();
    expect(figureValue("1.5e")).toBeUndefined();
  });
});
