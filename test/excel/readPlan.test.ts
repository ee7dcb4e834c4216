import { checkInExcel, readWorkbookSnapshot, selectCell } from "../../src/excel/readPlan";
import { findingJson } from "../../src/core/rules";
import { createSimulatedHost, SimulatedHost, WorkbookDescription } from "../../src/preview/host";
import { templateCells, templateNames } from "../fixtures/pruefen/snapshots";

/** A template-like workbook of `count` Quartier sheets (plus a Parameter sheet) on the simulated host. */
function planWorkbook(count: number, edit: (sheets: WorkbookDescription["sheets"]) => void = () => undefined): WorkbookDescription {
  const sheets: WorkbookDescription["sheets"] = { Parameter: { A8: "Sachkosten je VbE", B8: 3500 } };
  const names: NonNullable<WorkbookDescription["names"]> = [{ name: "Sachkosten_je_VbE", ref: "=Parameter!$B$8" }];
  for (let i = 1; i <= count; i++) {
    const sheet = `QM Q${i}`;
    sheets[sheet] = templateCells(`Q${i}`) as WorkbookDescription["sheets"][string];
    for (const n of templateNames(sheet)) names.push({ name: n.name, ref: `=${n.reference}`, sheet });
  }
  edit(sheets);
  return { sheets, names, activeSheet: "QM Q1" };
}

let host: SimulatedHost;
let restore: () => void;

function open(description: WorkbookDescription): void {
  host = createSimulatedHost({ workbook: description });
  restore = host.install(globalThis);
}

afterEach(() => restore());

describe("reading the open workbook", () => {
  it.each([1, 10, 40])("costs 2 syncs for %i Quartier sheets", async (count) => {
    open(planWorkbook(count));
    const { snapshot, activeSheet } = await Excel.run((context) => readWorkbookSnapshot(context as unknown as Excel.RequestContext));
    expect(host.syncCount()).toBe(2);
    expect(activeSheet).toBe("QM Q1");
    expect(snapshot.sheets.map((s) => s.name)).toHaveLength(count + 1);
    expect(snapshot.names.filter((n) => n.name === "Einwohner").map((n) => [n.scope, n.reference])).toEqual(
      Array.from({ length: count }, (_, i) => [`QM Q${i + 1}`, `'QM Q${i + 1}'!$B$6`]),
    );
  });

  it("checks every sheet with its own names: findings with cell and year, the rest erfüllt", async () => {
    open(
      planWorkbook(3, (sheets) => {
        sheets["QM Q2"].F25 = 4999.99;
        sheets["QM Q3"].B7 = "=1/0";
        sheets["QM Q3"].B13 = "nein";
      }),
    );
    const { result } = await checkInExcel("workbook");
    expect(host.syncCount()).toBe(2);
    expect(result.neighbourhoods.map((n) => [n.name, n.findings.map((f) => [f.regel, f.jahr, findingJson(f).zelle])])).toEqual([
      ["Q1", []],
      ["Q2", [["projektkosten.mindest", 2027, "'QM Q2'!F25"]]],
      [
        "Q3",
        [
          ["eingabe.fehlerwert", null, "'QM Q3'!B7"],
          ["raeume.buero", null, "'QM Q3'!B13"],
        ],
      ],
    ]);
  });

  it("selects a finding's cell on its sheet", async () => {
    open(planWorkbook(3));
    await selectCell("QM Q2", "F25");
    expect(host.workbook.activeSheet.name).toBe("QM Q2");
    expect(host.snapshot().sheets.find((s) => s.name === "QM Q2")?.selection).toBe("F25");
  });

  it("checks only the active sheet when asked", async () => {
    open(planWorkbook(3, (sheets) => (sheets["QM Q1"].B7 = 1)));
    const { result, activeSheet } = await checkInExcel("activeSheet");
    expect(activeSheet).toBe("QM Q1");
    expect(result.neighbourhoods.map((n) => [n.name, n.findings.map((f) => f.regel)])).toEqual([
      ["Q1", ["personal.mindest_vbe"]],
    ]);
  });

  it("checks a named sheet again wherever the user is now (the pane's re-check after an edit)", async () => {
    open(planWorkbook(3, (sheets) => (sheets["QM Q2"].B7 = 1)));
    await selectCell("QM Q3", "A1");
    const { result, activeSheet } = await checkInExcel({ sheet: "QM Q2" });
    expect(activeSheet).toBe("QM Q3");
    expect(result.neighbourhoods.map((n) => [n.name, n.findings.map((f) => f.regel)])).toEqual([["Q2", ["personal.mindest_vbe"]]]);
  });

  it("reads for the active sheet only that sheet and the sheets the workbook's names point at, in two syncs", async () => {
    open(planWorkbook(3));
    host.resetSyncCount();
    const { snapshot } = await Excel.run((context) => readWorkbookSnapshot(context as unknown as Excel.RequestContext, true));
    expect(host.syncCount()).toBe(2);
    const read = snapshot.sheets.map((s) => s.name);
    expect(read.sort()).toEqual(["Parameter", "QM Q1"]);
    expect(read).not.toContain("QM Q2");
    expect(read).not.toContain("QM Q3");
  });

  it("reads a foreign sheet with merged labels, error values and <script> text as plain values", async () => {
    open({
      sheets: {
        Haushalt: {
          A1: "Quartier",
          B1: "<script>alert(1)</script>",
          A3: "Einwohnerzahl",
          F3: 1800,
          A4: "VbE",
          B4: 2,
          A5: "Projektkosten",
          B5: "=B4/0",
          A100000: "Ende",
        },
      },
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Haushalt").getRange("A3:E3").merge();
      await context.sync();
    });
    const { snapshot } = await Excel.run((context) => readWorkbookSnapshot(context as unknown as Excel.RequestContext));
    const sheet = snapshot.sheets[0];
    expect(sheet.merges).toEqual(["A3:E3"]);
    expect(sheet.cells.get("B5")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(sheet.cells.get("A100000")).toBe("Ende");
    const { result } = await checkInExcel("workbook");
    const q = result.neighbourhoods[0];
    expect(q.name).toBe("<script>alert(1)</script>");
    expect(q.findings.map((f) => [f.regel, f.zelle?.address])).toContainEqual(["eingabe.fehlerwert", "B5"]);
    expect(q.findings.some((f) => f.meldung.startsWith("Einwohner"))).toBe(false);
  });
});
