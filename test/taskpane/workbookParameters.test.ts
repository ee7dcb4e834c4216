import { runtimeState, updateRuntimeState } from "../../src/functions/state";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { defaultParameters } from "../../src/core/standard";
import { excelActions } from "../../src/taskpane/excelActions";
import { startWorkbookParameters, WorkbookParameterStore } from "../../src/taskpane/workbookParameters";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";

let host: SimulatedHost;
let restore: () => void;

/** A workbook with the template's named figure cell and a QM.* cell on a Quartier sheet. */
function open(): void {
  host = createSimulatedHost({
    functions: QM_FUNCTIONS,
    workbook: {
      sheets: { Parameter: { A3: "Sachkosten je VbE", B3: 4000, A4: "Basisjahr", B4: 2026 }, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } },
      names: [{ name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" }],
    },
  });
  restore = host.install(globalThis);
}

afterEach(() => {
  restore();
  updateRuntimeState({ parameters: defaultParameters() });
});

/** The next change of the store's state. */
function nextUpdate(store: WorkbookParameterStore): Promise<void> {
  return new Promise((resolve) => {
    const off = store.subscribe(() => {
      off();
      resolve();
    });
  });
}

/** Lets the host's event handlers (queued as microtasks) and what they start run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const qmCell = () => host.workbook.cellView(host.workbook.findSheet("QM Nord")!, 0, 0).value;

describe("the workbook's figures in the shared runtime", () => {
  it("reach the QM.* cells at startup, before anyone opens the Parameter tab", async () => {
    open();
    // Computed with the standard's 3.500 € until the runtime has read the workbook.
    expect(qmCell()).toBe(7000);
    host.resetSyncCount();
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);
    expect(store.state().loaded).toMatchObject({ source: "sheet", sheet: "Parameter", parameters: { materialCostPerFte: "4000" } });
    expect(runtimeState().parameters.materialCostPerFte).toBe("4000");
    expect(qmCell()).toBe(8000);
    // One sync to read the named cells, three to recalculate the sheets holding QM.* formulas
    // (list, search, calculate; registering the edit handler queues nothing the host counts).
    await settle();
    expect(host.syncCount()).toBe(4);
  });

  it("follow a figure typed straight into the Parameter sheet, with a constant number of syncs", async () => {
    open();
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);

    host.resetSyncCount();
    const reloaded = nextUpdate(store);
    expect(host.workbook.setCellFromUser("Parameter", "B3", "4.200")).toEqual({ ok: true });
    await reloaded;
    expect(store.state().loaded?.parameters.materialCostPerFte).toBe("4200");
    expect(qmCell()).toBe(8400);
    // One to read, three to recalculate.
    expect(host.syncCount()).toBe(4);

    // Another cell of the sheet that changes no figure: read again, but nothing to recalculate.
    host.resetSyncCount();
    const again = nextUpdate(store);
    host.workbook.setCellFromUser("Parameter", "B4", "2027");
    await again;
    expect(host.syncCount()).toBe(1);
    expect(qmCell()).toBe(8400);
  });

  it("cost nothing when a person edits any other sheet", async () => {
    open();
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);
    host.resetSyncCount();
    let updates = 0;
    store.subscribe(() => updates++);
    host.workbook.setCellFromUser("QM Nord", "B1", "12.345");
    await settle();
    expect(updates).toBe(0);
    expect(host.syncCount()).toBe(0);
  });

  it("are read once for several edits that arrive while a load waits", async () => {
    open();
    let loads = 0;
    const counting = { ...excelActions, loadParameters: () => (loads++, excelActions.loadParameters()) };
    const watched = startWorkbookParameters(counting);
    await nextUpdate(watched);
    expect(loads).toBe(1);
    await Promise.all([watched.reload(), watched.reload(), watched.reload()]);
    // Three requests before the load could start: one load.
    expect(loads).toBe(2);
    expect(watched.state().loaded?.parameters.materialCostPerFte).toBe("4000");
  });

  it("show a failed load as the store's error and keep the figures read before", async () => {
    open();
    let fail = false;
    const flaky = {
      ...excelActions,
      loadParameters: () => (fail ? Promise.reject(new Error("Die Arbeitsmappe ist gesperrt.")) : excelActions.loadParameters()),
    };
    const store = startWorkbookParameters(flaky);
    await nextUpdate(store);
    fail = true;
    await store.reload();
    expect((store.state().error as Error).message).toBe("Die Arbeitsmappe ist gesperrt.");
    expect(store.state().loaded?.parameters.materialCostPerFte).toBe("4000");
    store.dismissError();
    expect(store.state().error).toBeUndefined();
  });

  it("are read again on an edit of any sheet after the first load failed", async () => {
    open();
    let fail = true;
    const flaky = {
      ...excelActions,
      loadParameters: () => (fail ? Promise.reject(new Error("Die Arbeitsmappe ist gesperrt.")) : excelActions.loadParameters()),
    };
    const store = startWorkbookParameters(flaky);
    await nextUpdate(store);
    expect(store.state().loaded).toBeUndefined();
    expect(qmCell()).toBe(7000);

    fail = false;
    const reloaded = nextUpdate(store);
    host.workbook.setCellFromUser("QM Nord", "B1", "12.345");
    await reloaded;
    expect(store.state()).toEqual({ loaded: expect.objectContaining({ source: "sheet", parameters: expect.objectContaining({ materialCostPerFte: "4000" }) }) });
    expect(qmCell()).toBe(8000);
  });

  it("are found in a Parameter sheet added after the start, once a person edits it", async () => {
    host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook: { sheets: { "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } } } });
    restore = host.install(globalThis);
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);
    expect(store.state().loaded?.source).toBe("standard");

    // A Parameter sheet copied in from another workbook, with its named cell.
    host.workbook.addSheet("Parameter");
    host.workbook.addName("Sachkosten_je_VbE", "=Parameter!$B$3");
    host.resetSyncCount();
    const reloaded = nextUpdate(store);
    host.workbook.setCellFromUser("Parameter", "B3", "4.100");
    await reloaded;
    expect(store.state().loaded).toMatchObject({ source: "sheet", sheet: "Parameter", parameters: { materialCostPerFte: "4100" } });
    expect(qmCell()).toBe(8200);
    expect(host.syncCount()).toBe(4);

    // From now on only that sheet's edits cost a load.
    host.resetSyncCount();
    host.workbook.setCellFromUser("QM Nord", "B1", "12.345");
    await settle();
    expect(host.syncCount()).toBe(0);
  });

  it("hand figures set from elsewhere to the functions, and recalculate only when they changed", async () => {
    open();
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);
    const loaded = store.state().loaded!;
    host.resetSyncCount();
    store.set({ ...loaded, parameters: { ...loaded.parameters, materialCostPerFte: "4500" } });
    await settle();
    expect(runtimeState().parameters.materialCostPerFte).toBe("4500");
    expect(qmCell()).toBe(9000);
    expect(host.syncCount()).toBe(3);
    host.resetSyncCount();
    store.set({ ...loaded, parameters: { ...loaded.parameters, materialCostPerFte: "4500" } });
    await settle();
    expect(host.syncCount()).toBe(0);
  });

  it("refuse an invalid save keyed by its field, before any round trip", async () => {
    open();
    const store = startWorkbookParameters(excelActions);
    await nextUpdate(store);
    host.resetSyncCount();
    expect(() => store.save({ parameters: { ...defaultParameters(), minFte: "zwei" } })).toThrow(expect.objectContaining({ key: "minFte" }));
    expect(() => store.save({ parameters: defaultParameters(), planning: { baseYear: "1850" } })).toThrow(expect.objectContaining({ key: "baseYear" }));
    expect(() => store.save({ parameters: defaultParameters(), planning: { tariffIncrease: "0.3" } })).toThrow(
      expect.objectContaining({ key: "tariffIncrease", message: "Tarifsteigerung: 30 % liegt über 25 % je Jahr." }),
    );
    expect(host.syncCount()).toBe(0);
    expect(runtimeState().parameters.materialCostPerFte).toBe("4000");
  });
});
