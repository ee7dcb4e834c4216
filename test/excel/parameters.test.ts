import { runtimeState, updateRuntimeState } from "../../src/functions/state";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { FieldError } from "../../src/core/fields";
import { BUILT_IN_IDENTITY, SETTINGS_KEYS } from "../../src/core/parameterSources";
import { defaultParameters, Parameters } from "../../src/core/standard";
import {
  figureValue,
  loadWorkbookParameters,
  ParameterSaveError,
  readWorkbookParameters,
  recalculateFunctions,
  saveWorkbookParameters,
  SETTINGS_KEY,
} from "../../src/excel/parameters";
import { excelActions } from "../../src/taskpane/excelActions";
import { startWorkbookParameters, WorkbookParameterStore } from "../../src/taskpane/workbookParameters";
import { createSimulatedHost, fromSnapshot, SimulatedHost, WorkbookDescription } from "../../src/preview/host";

let host: SimulatedHost;
let restore: () => void;

function open(workbook: WorkbookDescription): void {
  host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook });
  restore = host.install(globalThis);
}

afterEach(() => {
  restore();
  updateRuntimeState({ parameters: defaultParameters(), standard: BUILT_IN_IDENTITY });
});

/** The figure the QM.* functions compute with now. */
const active = (key: keyof Parameters) => runtimeState().parameters[key];

/** The runtime's store on the open workbook, once its first load is done (edits are not watched here). */
async function startStore(): Promise<WorkbookParameterStore> {
  const store = startWorkbookParameters({ ...excelActions, watchUserEdits: () => Promise.resolve() });
  await store.reload();
  return store;
}

/** A save through the store, which hands the figures to the functions. */
async function save(parameters: Parameters): Promise<unknown> {
  const store = await startStore();
  host.resetSyncCount();
  return store.save({ parameters });
}

/** A workbook with the template's Parameter sheet: two of the figures as named cells. */
const WITH_PARAMETER_SHEET: WorkbookDescription = {
  sheets: { Parameter: { A3: "Sachkosten je VbE", B3: 3600, A4: "Mindest-VbE", B4: 2 }, "QM Nord": {} },
  names: [
    { name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" },
    { name: "Mindest_VbE", ref: "=Parameter!$B$4" },
  ],
};

const EMPTY_READ = { parameters: defaultParameters(), planning: {}, standard: BUILT_IN_IDENTITY, source: "standard", sheet: undefined, formulas: [] };

describe("the workbook's parameters on the simulated host", () => {
  it("are the standard's when the workbook stores none, read in one sync", async () => {
    open({ sheets: { Tabelle1: {} } });
    host.resetSyncCount();
    const loaded = await loadWorkbookParameters();
    expect(loaded).toEqual(EMPTY_READ);
    expect(host.syncCount()).toBe(1);
  });

  it("are read from the Parameter sheet's named cells in one sync, and reading changes nothing the functions compute with", async () => {
    open(WITH_PARAMETER_SHEET);
    host.resetSyncCount();
    const loaded = await loadWorkbookParameters();
    expect(host.syncCount()).toBe(1);
    expect(loaded.source).toBe("sheet");
    expect(loaded.sheet).toBe("Parameter");
    expect(loaded.sheetId).toBe(host.workbook.findSheet("Parameter")!.id);
    expect(loaded.parameters).toEqual({ ...defaultParameters(), materialCostPerFte: "3600" });
    // The adapter only reads: handing the figures over is the store's decision.
    expect(active("materialCostPerFte")).toBe("3500");
  });

  it("read the planning assumptions and say which cells are formulas", async () => {
    open({
      sheets: { Parameter: { B3: 3600, B10: 2026, B11: 0.03, B12: "=0.1+0.15", B13: 0.5, B14: 0.25 } },
      names: [
        { name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" },
        { name: "Basisjahr", ref: "=Parameter!$B$10" },
        { name: "Tarifsteigerung", ref: "=Parameter!$B$11" },
        { name: "Anteil_Bund", ref: "=Parameter!$B$12" },
        { name: "Anteil_Land", ref: "=Parameter!$B$13" },
        { name: "Anteil_Gemeinde", ref: "=Parameter!$B$14" },
      ],
    });
    const read = await readWorkbookParameters();
    expect(read.cells.map((c) => c.key)).toEqual(["materialCostPerFte", "baseYear", "tariffIncrease", "shareFederal", "shareState", "shareMunicipal"]);
    const loaded = await loadWorkbookParameters();
    expect(loaded.planning).toEqual({
      baseYear: "2026",
      tariffIncrease: "0.03",
      shareFederal: "0.25",
      shareState: "0.5",
      shareMunicipal: "0.25",
    });
    expect(loaded.formulas).toEqual(["shareFederal"]);
  });

  it("reach the functions through the store: four syncs at startup when they changed (read; find the QM sheets, recalculate them), one when not", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } });
    const sheet = host.workbook.findSheet("QM Nord")!;
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7000);
    host.resetSyncCount();
    const store = await startStore();
    expect(host.syncCount()).toBe(4);
    expect(active("materialCostPerFte")).toBe("3600");
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7200);

    host.resetSyncCount();
    await store.reload();
    expect(host.syncCount()).toBe(1);
  });

  it("recalculate the sheets holding QM.* formulas in three syncs", async () => {
    open({ sheets: { Tabelle1: { A1: "=QM.SACHKOSTEN(2)" } } });
    updateRuntimeState({ parameters: { ...defaultParameters(), materialCostPerFte: "3700" } });
    host.resetSyncCount();
    await recalculateFunctions();
    expect(host.syncCount()).toBe(3);
    expect(host.workbook.calculations).toEqual([{ kind: "sheet", sheet: "Tabelle1" }]);
    expect(host.workbook.cellView(host.workbook.findSheet("Tabelle1")!, 0, 0).value).toBe(7400);
  });

  it("are saved into the named cells and the document settings in two syncs, and found again when the file is reopened", async () => {
    open(WITH_PARAMETER_SHEET);
    const changed = { ...defaultParameters(), materialCostPerFte: "3700", projectCostMinimum: "5500" };
    host.resetSyncCount();
    const saved = await saveWorkbookParameters({ parameters: changed });
    expect(host.syncCount()).toBe(2);
    expect(saved).toEqual({
      parameters: changed,
      planning: {},
      standard: BUILT_IN_IDENTITY,
      source: "sheet",
      sheet: "Parameter",
      sheetId: host.workbook.findSheet("Parameter")!.id,
      formulas: [],
    });
    expect(host.workbook.cellView(host.workbook.findSheet("Parameter")!, 2, 1).value).toBe(3700);
    expect(host.workbook.settings.get(SETTINGS_KEY)).toEqual(changed);

    // Someone else opens the saved file.
    restore();
    host = fromSnapshot(JSON.stringify(host.snapshot()), { functions: QM_FUNCTIONS });
    restore = host.install(globalThis);
    const reopened = await loadWorkbookParameters();
    // The sheet's cell wins for its figure; the settings carry the figure the sheet has no cell for.
    expect(reopened.parameters).toEqual(changed);
  });

  it("save a profile's identity and planning assumptions, in the cells where the sheet has them and in the settings", async () => {
    open({
      sheets: { Parameter: { B3: 3500, B12: 0.5, B13: 0.25, B14: 0.25 } },
      names: [
        { name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" },
        { name: "Anteil_Bund", ref: "=Parameter!$B$12" },
        { name: "Anteil_Land", ref: "=Parameter!$B$13" },
        { name: "Anteil_Gemeinde", ref: "=Parameter!$B$14" },
      ],
    });
    const standard = { name: "Profil Musterstadt", version: "2027.1", validFrom: "2027-01-01" };
    const planning = { shareFederal: "0.2", shareState: "0.6", shareMunicipal: "0.2", tariffIncrease: "0.025" };
    host.resetSyncCount();
    const saved = await saveWorkbookParameters({ parameters: defaultParameters(), planning, standard });
    expect(host.syncCount()).toBe(2);
    const sheet = host.workbook.findSheet("Parameter")!;
    expect([12, 13, 14].map((row) => host.workbook.cellView(sheet, row - 1, 1).value)).toEqual([0.2, 0.6, 0.2]);
    expect(host.workbook.settings.get(SETTINGS_KEYS.planning)).toEqual(planning);
    expect(host.workbook.settings.get(SETTINGS_KEYS.standard)).toEqual(standard);
    expect(saved.planning).toEqual(planning);
    const loaded = await loadWorkbookParameters();
    expect(loaded.standard).toEqual(standard);
    // The Tarifsteigerung has no cell here: the settings carry it.
    expect(loaded.planning).toEqual(planning);
  });

  it("recalculate the QM.* cells when saved through the store, although no cell they read has changed", async () => {
    open({ sheets: { Tabelle1: { A1: "=QM.SACHKOSTEN(2)" } } });
    const sheet = host.workbook.findSheet("Tabelle1")!;
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7000);
    await save({ ...defaultParameters(), materialCostPerFte: "3700" });
    // Two to find the sheets holding QM.* formulas, then the read and the writes with their calculation.
    expect(host.syncCount()).toBe(4);
    expect(active("materialCostPerFte")).toBe("3700");
    expect(host.workbook.cellView(sheet, 0, 0).value).toBe(7400);
  });

  it("travel in the settings when the workbook has no Parameter sheet", async () => {
    open({ sheets: { Tabelle1: {} } });
    const changed = { ...defaultParameters(), dispositionFundPerResident: "0.6" };
    const saved = await saveWorkbookParameters({ parameters: changed });
    expect(saved.source).toBe("settings");
    const loaded = await loadWorkbookParameters();
    expect(loaded).toEqual({ ...EMPTY_READ, parameters: changed, source: "settings" });
  });

  it("refuses a figure that is not a number before anything is written, keyed by the figure", async () => {
    open(WITH_PARAMETER_SHEET);
    const error = await saveWorkbookParameters({ parameters: { ...defaultParameters(), materialCostPerFte: "viel" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).key).toBe("materialCostPerFte");
    expect(host.workbook.cellView(host.workbook.findSheet("Parameter")!, 2, 1).value).toBe(3600);
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
  });

  it("refuses funding shares that do not add up to 100 %, keyed, before anything is written", async () => {
    open(WITH_PARAMETER_SHEET);
    const error = await saveWorkbookParameters({
      parameters: defaultParameters(),
      planning: { shareFederal: "0.5", shareState: "0.5", shareMunicipal: "0.1" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).key).toBe("shares");
    expect((error as FieldError).message).toBe("Die Förderanteile ergeben zusammen 110 %, nicht 100 %.");
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
  });

  it("ignore a figure in the settings with more digits than Excel holds, and take the standard's", async () => {
    open({ sheets: { Tabelle1: {} } });
    const fortyDigits = "5000.004999999999999999999999999999999999";
    host.workbook.setSetting(SETTINGS_KEY, { ...defaultParameters(), projectCostMinimum: fortyDigits, projectCostPerResident: "2.5e0" });
    const loaded = await loadWorkbookParameters();
    expect(loaded.parameters).toEqual({ ...defaultParameters(), projectCostPerResident: "2.5" });
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
    const store = await startStore();
    await protectParameterSheet();
    const error = await store.save({ parameters: { ...defaultParameters(), materialCostPerFte: "9999" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toMatch(/^Die Kennzahlen konnten nicht ins Blatt geschrieben werden \(Excel meldet: .+\)\. Es wurde nichts geändert\.$/);
    expect((error as ParameterSaveError).messageEn).toMatch(/^The figures could not be written to the sheet .*Nothing was changed\.$/);
    expect(active("materialCostPerFte")).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7200);
    // The settings were saved before the cells were refused, and are taken back.
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
  });

  it("say so when the sheet refuses the figures and the settings cannot be taken back either", async () => {
    open(WITH_PARAMETER_SHEET);
    const store = await startStore();
    await protectParameterSheet();
    const settings = host.Office.context.document.settings;
    const saveAsync = settings.saveAsync.bind(settings);
    let calls = 0;
    jest.spyOn(settings, "saveAsync").mockImplementation((callback) => {
      if (++calls === 1) return saveAsync(callback);
      (callback as (r: unknown) => void)({ status: "failed", value: undefined, error: { code: 5001, message: "Keine Verbindung." } });
    });
    const error = await store.save({ parameters: { ...defaultParameters(), materialCostPerFte: "9999" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toContain("ließen sich nicht zurücksetzen (Keine Verbindung.): sie enthalten schon die neuen Werte");
    expect(active("materialCostPerFte")).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
  });

  it("write only figures that changed, so a protected sheet keeps its cells and the settings take the rest", async () => {
    open(WITH_PARAMETER_SHEET);
    await protectParameterSheet();
    const changed = { ...defaultParameters(), materialCostPerFte: "3600", minFte: "2", projectCostMinimum: "5500" };
    const saved = await save(changed);
    // Two to find the sheets holding QM.* formulas (none here), the read; no cell to write.
    expect(host.syncCount()).toBe(3);
    expect((saved as { parameters: Parameters }).parameters).toEqual(changed);
    expect(host.workbook.settings.get(SETTINGS_KEY)).toEqual(changed);
    expect(active("projectCostMinimum")).toBe("5500");
  });

  it("leave the functions and the cells as they were when the settings cannot be saved", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } });
    const store = await startStore();
    const stored = { ...defaultParameters(), materialCostPerFte: "3600" };
    host.workbook.setSetting(SETTINGS_KEY, stored);
    const settings = host.Office.context.document.settings;
    jest.spyOn(settings, "saveAsync").mockImplementation((callback) =>
      (callback as (r: unknown) => void)({ status: "failed", value: undefined, error: { code: 5001, message: "Die Datei ist schreibgeschützt." } }),
    );
    const error = await store.save({ parameters: { ...defaultParameters(), materialCostPerFte: "9999" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).message).toBe(
      "Die Kennzahlen konnten nicht in den Einstellungen der Arbeitsmappe gespeichert werden (Office meldet: Die Datei ist schreibgeschützt.). Es wurde nichts geändert.",
    );
    expect(active("materialCostPerFte")).toBe("3600");
    expect(host.workbook.cellView(parameterSheet(), 2, 1).value).toBe(3600);
    expect(host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value).toBe(7200);
    // The add-in's copy of the settings is the file's again, so a later load reads no unsaved figure.
    expect(settings.get(SETTINGS_KEY)).toEqual(stored);
  });

  it("refuse to replace a formula, naming the figure and its cell and keyed by the figure, before anything is written", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, Parameter: { B3: "=3500*1.02", B4: 2 } } });
    const store = await startStore();
    expect(active("materialCostPerFte")).toBe("3570");
    expect(store.state().loaded?.formulas).toEqual(["materialCostPerFte"]);
    const error = await store.save({ parameters: { ...defaultParameters(), materialCostPerFte: "3700", minFte: "3" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParameterSaveError);
    expect((error as ParameterSaveError).keys).toEqual(["materialCostPerFte"]);
    expect((error as ParameterSaveError).message).toContain("„Sachkosten je VbE“ (Parameter!B3)");
    expect((error as ParameterSaveError).message).toContain("Es wurde nichts gespeichert.");
    expect((error as ParameterSaveError).messageEn).toContain('"Material cost per FTE" (Parameter!B3)');
    expect(host.workbook.cellView(parameterSheet(), 2, 1).formula).toBe("=3500*1.02");
    expect(host.workbook.cellView(parameterSheet(), 3, 1).value).toBe(2);
    expect(host.workbook.settings.has(SETTINGS_KEY)).toBe(false);
    expect(active("materialCostPerFte")).toBe("3570");
    expect(active("minFte")).toBe("2");
  });

  it("keep a formula whose figure is unchanged and save the others, in two syncs after finding the QM sheets", async () => {
    open({ ...WITH_PARAMETER_SHEET, sheets: { ...WITH_PARAMETER_SHEET.sheets, Parameter: { B3: "=3500*1.1", B4: 2 } } });
    const changed = { ...defaultParameters(), materialCostPerFte: "3850", minFte: "3" };
    const saved = await save(changed);
    expect(host.syncCount()).toBe(4);
    expect((saved as { parameters: Parameters }).parameters).toEqual(changed);
    expect(host.workbook.cellView(parameterSheet(), 2, 1).formula).toBe("=3500*1.1");
    expect(host.workbook.cellView(parameterSheet(), 3, 1).value).toBe(3);
    expect(active("minFte")).toBe("3");
  });

  it("refuse a figure with more digits than Excel holds, before anything is written", async () => {
    open(WITH_PARAMETER_SHEET);
    await expect(saveWorkbookParameters({ parameters: { ...defaultParameters(), projectCostPerResident: "2.0000000000000001" } })).rejects.toThrow(
      "„2.0000000000000001“ ist für „Projektkosten je Einwohner“ keine gültige Zahl (ab 0, höchstens 15 Stellen).",
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
