import { centsString, Dec } from "../../src/core/decimal";
import { INPUT_NAMES, parameterName, PLAN_NAMES } from "../../src/core/names";
import { comparisonTable, NeighbourhoodInput, TemplateInputError } from "../../src/core/template";
import { createTemplate, createTemplateFromPlan, readSelectedRows, TemplateProgress, TemplateWriteError } from "../../src/excel/writeTemplate";
import { createSimulatedHost, SimulatedHost, WorkbookDescription } from "../../src/preview/host";
import * as chartModel from "../../src/preview/host/model/objects";
import { officeError } from "../../src/preview/host/errors";

const neighbourhoods = (n: number): NeighbourhoodInput[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Quartier ${i + 1}`, residents: 1000 + i * 997, fte: 2 + (i % 3) * 0.5 }));

let host: SimulatedHost;
let restore: () => void;

function open(workbook?: WorkbookDescription): void {
  host = createSimulatedHost(workbook ? { workbook } : {});
  restore = host.install(globalThis);
}

afterEach(() => restore());

/** The computed value of a cell ("B6") of a sheet of the simulated workbook. */
function valueAt(sheetName: string, address: string): unknown {
  const sheet = host.workbook.findSheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
  return host.workbook.cellView(sheet, Number(m[2]) - 1, col - 1).value;
}

function sheetNames(): string[] {
  return host.workbook.sheets.map((s) => s.name);
}

describe("createTemplate on the simulated Excel host", () => {
  test.each([1, 10, 100])("%i Quartiere: at most 3 round trips, all sheets and names created", async (n) => {
    open();
    const result = await createTemplate({ neighbourhoods: neighbourhoods(n), firstYear: 2026, lastYear: 2028 });
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(result.sheets).toHaveLength(n + 2);
    expect(sheetNames()).toEqual(["Tabelle1", "Parameter", ...neighbourhoods(n).map((q) => `QM ${q.name}`), "Vergleich"]);
    expect(result.renamed).toEqual([]);
    expect(host.workbook.findName(parameterName("materialCostPerFte"))).toBeDefined();
    const last = host.workbook.findSheet(`QM Quartier ${n}`)!;
    expect(host.workbook.findName(INPUT_NAMES.residents, last)?.item.formula).toBe(`='QM Quartier ${n}'!$B$6`);
    expect(host.workbook.findName(PLAN_NAMES.staffCost, last)?.item.formula).toBe(`='QM Quartier ${n}'!$E$23:$G$23`);
    const charts = host.workbook.findSheet("Vergleich")!.charts;
    expect(charts.map((c) => [c.chartType, c.title])).toEqual([["ColumnClustered", "Gesamtbudget je Quartier 2026 (Planansatz)"]]);
  });

  test("the formulas compute the core's figures in the host, with each sheet's own Einwohner", async () => {
    open();
    const input = { neighbourhoods: neighbourhoods(4), firstYear: 2026, lastYear: 2027 };
    const { plan } = await createTemplate(input);
    const rows = comparisonTable(plan);
    // Vergleich, first row: Quartier 1 in 2026; "Gesamt" stands in column C.
    rows.forEach((row, i) => {
      if (row.kind !== "neighbourhood") return;
      expect([i, centsString(new Dec(valueAt("Vergleich", `C${5 + i}`) as number))]).toEqual([i, centsString(row.values.total as Dec)]);
    });
    // Projektkosten Richtwert per sheet: max(2 × Einwohner, 5 000).
    expect(valueAt("QM Quartier 1", "B25")).toBe(5000);
    expect(valueAt("QM Quartier 4", "B25")).toBe(2 * (1000 + 3 * 997));
    // Number formats, written by runs: euros on the Richtwerte, whole numbers on Einwohner.
    const sheet = host.workbook.findSheet("QM Quartier 4")!;
    expect(host.workbook.cellView(sheet, 24, 1).text).toBe("7.982,00 €");
    expect(host.workbook.cellView(sheet, 5, 1).text).toBe("3.991");
  });

  test("protected formulas, editable inputs: a new Einwohner count flows into the Richtwerte", async () => {
    open();
    await createTemplate({ neighbourhoods: neighbourhoods(2), firstYear: 2026 });
    expect(host.workbook.setCellFromUser("QM Quartier 1", "B6", "4.321")).toEqual({ ok: true });
    expect(valueAt("QM Quartier 1", "B25")).toBe(8642);
    expect(valueAt("QM Quartier 2", "B25")).toBe(5000);
    expect(host.workbook.setCellFromUser("QM Quartier 1", "B25", "1")).toMatchObject({ ok: false, code: "AccessDenied" });
    expect(host.workbook.setCellFromUser("QM Quartier 1", "E25", "1")).toEqual({ ok: true });
    // Protection keeps formulas safe but lets cells be formatted, so "Markieren" works on the sheet.
    await Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("QM Quartier 1").protection.load("protected,options");
      await context.sync();
      expect(protection.protected).toBe(true);
      expect(protection.options.allowFormatCells).toBe(true);
    });
  });

  test("never touches a user's sheet: clashing names get a free name and are reported", async () => {
    open({ sheets: { Parameter: { A1: "meine Parameter" }, "QM Nord": { A1: "meine Notizen", B2: 42 } } });
    const result = await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 3000 }, { name: "Süd", residents: 6000 }], firstYear: 2026 });
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(result.renamed).toEqual([
      { requested: "Parameter", actual: "Parameter (2)", reasons: ["taken"] },
      { requested: "QM Nord", actual: "QM Nord (2)", reasons: ["taken"] },
    ]);
    expect(sheetNames()).toEqual(["Parameter", "QM Nord", "Parameter (2)", "QM Nord (2)", "QM Süd", "Vergleich"]);
    expect(valueAt("Parameter", "A1")).toBe("meine Parameter");
    expect(valueAt("QM Nord", "A1")).toBe("meine Notizen");
    expect(valueAt("QM Nord", "B2")).toBe(42);
    // The Vergleich reads the new sheet: 3 000 Einwohner → Projektkosten 6 000.
    expect(valueAt("Vergleich", "D5")).toBe(3000);
    expect(valueAt("Vergleich", "H5")).toBe(6000);
  });

  test("a workbook that already has the Parameter names is left alone, with a German reason", async () => {
    open({ sheets: { Alt: { A1: 3500 } }, names: [{ name: "Sachkosten_je_VbE", ref: "=Alt!$A$1" }] });
    const english =
      'The workbook already contains the name "Sachkosten_je_VbE" (probably from an earlier template). Please create the template in a new workbook; nothing was changed.';
    const refused = createTemplate({ neighbourhoods: neighbourhoods(2), firstYear: 2026 });
    await expect(refused).rejects.toThrow(
      new TemplateWriteError(
        "Die Mappe enthält schon den Namen „Sachkosten_je_VbE“ (wohl aus einer früheren Vorlage). Bitte die Vorlage in einer neuen Mappe anlegen; es wurde nichts geändert.",
        english,
      ),
    );
    // The same reason in English, for the pane when Office runs in English.
    await expect(refused).rejects.toMatchObject({ messageEn: english });
    expect(sheetNames()).toEqual(["Alt"]);
    expect(host.syncCount()).toBe(1);
  });

  test("bad input is refused before Excel is touched", async () => {
    open();
    await expect(createTemplate({ neighbourhoods: [{ name: "Nord", residents: -1 }] })).rejects.toBeInstanceOf(TemplateInputError);
    expect(host.syncCount()).toBe(0);
    expect(sheetNames()).toEqual(["Tabelle1"]);
  });

  test("a failure while writing removes every sheet and name created and reports it", async () => {
    open({ sheets: { "Meine Daten": { A1: "bleibt" } } });
    const chart = jest.spyOn(chartModel, "addChart").mockImplementation(() => {
      throw officeError("GeneralException", "Das Diagramm ließ sich nicht anlegen.");
    });
    try {
      const failure = createTemplate({ neighbourhoods: neighbourhoods(5), firstYear: 2026 });
      await expect(failure).rejects.toThrow(
        new TemplateWriteError(
          "Die Vorlage konnte nicht angelegt werden (Das Diagramm ließ sich nicht anlegen.). Alles bereits Angelegte wurde wieder entfernt.",
          "The template could not be created (Das Diagramm ließ sich nicht anlegen.). Everything created so far was removed again.",
        ),
      );
      await expect(failure).rejects.toMatchObject({
        messageEn: "The template could not be created (Das Diagramm ließ sich nicht anlegen.). Everything created so far was removed again.",
      });
      expect(chart).toHaveBeenCalled();
    } finally {
      chart.mockRestore();
    }
    expect(sheetNames()).toEqual(["Meine Daten"]);
    expect(valueAt("Meine Daten", "A1")).toBe("bleibt");
    expect([...host.workbook.names.keys()]).toEqual([]);
    expect(host.syncCount()).toBe(4);
  });

  test("a large plan goes to Excel in batches by size; the workbook is the same", async () => {
    open();
    await createTemplate({ neighbourhoods: neighbourhoods(4), firstYear: 2026 });
    const oneBatch = host.snapshot();
    expect(host.syncCount()).toBe(2);

    // A tiny batch size sends every sheet on its own: read, 6 sheets, done.
    open();
    await createTemplate({ neighbourhoods: neighbourhoods(4), firstYear: 2026 }, { maxBatchBytes: 1 });
    expect(host.syncCount()).toBe(7);
    expect(host.snapshot()).toEqual(oneBatch);
  });

  test("a failure in a later batch still removes everything created in the earlier ones", async () => {
    open({ sheets: { "Meine Daten": { A1: "bleibt" } } });
    const chart = jest.spyOn(chartModel, "addChart").mockImplementation(() => {
      throw officeError("GeneralException", "Das Diagramm ließ sich nicht anlegen.");
    });
    try {
      await expect(createTemplate({ neighbourhoods: neighbourhoods(3), firstYear: 2026 }, { maxBatchBytes: 1 })).rejects.toThrow(TemplateWriteError);
    } finally {
      chart.mockRestore();
    }
    expect(sheetNames()).toEqual(["Meine Daten"]);
    expect([...host.workbook.names.keys()]).toEqual([]);
  });

  test("progress is reported step by step up to the end", async () => {
    open();
    const steps: TemplateProgress[] = [];
    const { plan } = await createTemplate({ neighbourhoods: neighbourhoods(3), firstYear: 2026 }, { onProgress: (p) => steps.push(p) });
    expect(steps.map((s) => s.done)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.every((s) => s.total === steps.length)).toBe(true);
    expect(steps[0].message).toBe("Mappe gelesen");
    expect(steps[steps.length - 1].message).toBe("Fertig");
    // The same plan can be written again (the pane passes a plan from pasted text).
    open();
    const again = await createTemplateFromPlan(plan);
    expect(again.sheets[1]).toBe("QM Quartier 1");
  });
});

describe("readSelectedRows", () => {
  test("reads only the used part of a selection of whole columns, in one sync", async () => {
    open({ sheets: { Liste: { A1: "Quartier", B1: "Einwohner", A2: "Nord", B2: 12345, A3: "Süd", B3: 3200 } } });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Liste").getRange("A:C").select();
      await context.sync();
    });
    host.resetSyncCount();
    const { address, rows } = await readSelectedRows();
    expect(host.syncCount()).toBe(1);
    expect(address).toMatch(/^Liste!\$?A:\$?C$/);
    expect(rows).toEqual([
      ["Quartier", "Einwohner"],
      ["Nord", 12345],
      ["Süd", 3200],
    ]);
  });

  test("an empty selection gives no rows", async () => {
    open({ sheets: { Liste: {} } });
    expect((await readSelectedRows()).rows).toEqual([]);
  });
});
