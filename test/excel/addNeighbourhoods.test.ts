import { validateTemplateInput } from "../../src/core/template";
import { addNeighbourhoods, createTemplate, TemplateWriteError } from "../../src/excel/writeTemplate";
import { checkInExcel } from "../../src/excel/readPlan";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";
import { INPUT_NAMES, PLAN_YEARS_NAME } from "../../src/core/names";

let host: SimulatedHost;
let restore: () => void;
afterEach(() => restore());

async function planned(): Promise<void> {
  host = createSimulatedHost();
  restore = host.install(globalThis);
  await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 12000 }, { name: "Süd", residents: 3000 }], firstYear: 2026, lastYear: 2028 });
}

/** Years the user typed in the pane (2030) do not matter: the new sheets take the workbook's. */
const ost = () => validateTemplateInput({ neighbourhoods: [{ name: "Ost", residents: 5000, fte: 2.5 }], firstYear: 2030, lastYear: 2030 });

function column(sheetName: string, col: number): unknown[] {
  const sheet = host.workbook.findSheet(sheetName)!;
  const rect = sheet.usedRect(true)!;
  return Array.from({ length: rect.rows }, (_, i) => host.workbook.cellView(sheet, rect.row + i, col).value);
}

const workbookNames = (): string[] => {
  const names: string[] = [];
  for (const n of ["Tarifsteigerung", "Anteil_Gemeinde", "Basisjahr", "Standard_Version"]) if (host.workbook.findName(n)) names.push(n);
  return names;
};

describe("Quartier hinzufügen", () => {
  it("adds the Quartier sheet for the workbook's plan years, reuses the Parameter names and extends the unchanged Vergleich in place, in four syncs", async () => {
    await planned();
    const before = workbookNames();
    host.resetSyncCount();
    const result = await addNeighbourhoods(ost());
    expect(host.syncCount()).toBeLessThanOrEqual(4);
    expect(result).toEqual({ sheets: ["QM Ost"], renamed: [], comparison: { sheet: "Vergleich", replaced: true }, years: [2026, 2027, 2028] });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Tabelle1", "Parameter", "QM Nord", "QM Süd", "Vergleich", "QM Ost"]);
    expect(workbookNames()).toEqual(before);
    const sheet = host.workbook.findSheet("QM Ost")!;
    expect(host.workbook.findName(INPUT_NAMES.residents, sheet)?.item.formula).toBe("='QM Ost'!$B$6");
    expect(host.workbook.findName(PLAN_YEARS_NAME, sheet)).toBeDefined();
    // The Vergleich lists all three per year; its sum rows count Ost too.
    const names = column("Vergleich", 1);
    expect(names.filter((v) => v === "Ost")).toHaveLength(3);
    expect(names.filter((v) => v === "Nord")).toHaveLength(3);
    expect(host.workbook.findSheet("Vergleich")!.charts).toHaveLength(1);
    // The new sheet is a Quartier as Prüfen reads it, with the workbook's figures.
    const { result: check } = await checkInExcel("workbook");
    expect(check.neighbourhoods.map((n) => n.sheet)).toEqual(["QM Nord", "QM Süd", "QM Ost"]);
  });

  it("a Vergleich the user changed stays as it is; the extended one is added beside it", async () => {
    await planned();
    // The sheet is protected: the user lifts the protection (no password) and writes a note.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Vergleich");
      ws.protection.unprotect();
      ws.getRange("A30").values = [["Notiz der Kämmerei"]];
      await context.sync();
    });
    const result = await addNeighbourhoods(ost());
    expect(result.comparison).toEqual({ sheet: "Vergleich (2)", replaced: false });
    expect(column("Vergleich", 0)).toContain("Notiz der Kämmerei");
    expect(column("Vergleich", 1).filter((v) => v === "Ost")).toHaveLength(0);
    expect(column("Vergleich (2)", 1).filter((v) => v === "Ost")).toHaveLength(3);
  });

  it("a name taken by the user's sheet is not overwritten: the new sheet gets a free one", async () => {
    await planned();
    await addNeighbourhoods(ost());
    const again = await addNeighbourhoods(ost());
    expect(again.sheets).toEqual(["QM Ost (2)"]);
    expect(again.renamed.map((r) => r.reasons)).toEqual([["taken"]]);
  });

  it("without a plan from the template it says so and changes nothing", async () => {
    host = createSimulatedHost();
    restore = host.install(globalThis);
    await expect(addNeighbourhoods(ost())).rejects.toBeInstanceOf(TemplateWriteError);
    await expect(addNeighbourhoods(ost())).rejects.toThrow(/noch keine Planung/);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Tabelle1"]);
  });
});
