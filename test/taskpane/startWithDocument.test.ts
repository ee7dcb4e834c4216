import { QM_FUNCTIONS } from "../../src/functions/registry";
import { updateRuntimeState } from "../../src/functions/state";
import { defaultParameters } from "../../src/core/standard";
import { loadRuntimeWithDocument } from "../../src/excel/startupBehavior";
import { excelActions } from "../../src/taskpane/excelActions";
import { startWithDocumentOnceParameters } from "../../src/taskpane/startWithDocument";
import { startWorkbookParameters, type WorkbookParameterStore } from "../../src/taskpane/workbookParameters";
import { createSimulatedHost, type SimulatedHost, type WorkbookDescription } from "../../src/preview/host";

/**
 * The shared runtime is set to start with the document once the workbook carries QM-Planer
 * parameters — and only then, and only once.
 */

let host: SimulatedHost;
let restore: () => void = () => undefined;

const WITH_PARAMETERS: WorkbookDescription = {
  sheets: { Parameter: { B3: 4000 }, "QM Nord": { A1: "=QM.SACHKOSTEN(2)" } },
  names: [{ name: "Sachkosten_je_VbE", ref: "=Parameter!$B$3" }],
};

function start(workbook: WorkbookDescription, loadWithDocument: () => Promise<unknown> = loadRuntimeWithDocument) {
  host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook });
  restore = host.install(globalThis);
  const store = startWorkbookParameters({ ...excelActions, watchUserEdits: () => Promise.resolve() });
  const errors: unknown[] = [];
  startWithDocumentOnceParameters(store, loadWithDocument, (e) => errors.push(e));
  return { store, errors };
}

async function settle(store: WorkbookParameterStore): Promise<void> {
  await store.reload();
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

afterEach(() => {
  restore();
  updateRuntimeState({ parameters: defaultParameters() });
});

describe("start the runtime with the document", () => {
  test("a workbook with a Parameter sheet: set to load, once, also after further loads", async () => {
    const { store, errors } = start(WITH_PARAMETERS);
    await settle(store);
    expect(await host.Office.addin.getStartupBehavior()).toBe("Load");
    await settle(store);
    expect(host.Office.addin.calls.setStartupBehavior).toBe(1);
    expect(errors).toEqual([]);
    // Office keeps it in the document: the file saved and reopened still loads the runtime.
    const reopened = createSimulatedHost({ workbook: host.snapshot() });
    expect(await reopened.Office.addin.getStartupBehavior()).toBe("Load");
  });

  test("a workbook without parameters is left alone (no trust prompt) until figures are saved into it", async () => {
    const { store } = start({ sheets: { Tabelle1: { A1: 1 } } });
    await settle(store);
    expect(await host.Office.addin.getStartupBehavior()).toBe("None");
    expect(host.Office.addin.calls.setStartupBehavior).toBe(0);

    await store.save({ parameters: { ...defaultParameters(), materialCostPerFte: "3700" } });
    await settle(store);
    expect(await host.Office.addin.getStartupBehavior()).toBe("Load");
  });

  test("a document that loads already is not set again (nor marked as changed)", async () => {
    host = createSimulatedHost({ functions: QM_FUNCTIONS, workbook: WITH_PARAMETERS });
    restore = host.install(globalThis);
    await host.Office.addin.setStartupBehavior("Load");
    expect(await loadRuntimeWithDocument()).toBe(false);
    expect(host.Office.addin.calls.setStartupBehavior).toBe(1);
  });

  test("a refusal is reported and asked again at the next load", async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error("nicht unterstützt")).mockResolvedValue(true);
    const { store, errors } = start(WITH_PARAMETERS, load);
    await settle(store);
    expect(errors).toEqual([new Error("nicht unterstützt")]);
    await settle(store);
    expect(load).toHaveBeenCalledTimes(2);
    await settle(store);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
