/**
 * The CLI's planning workbook, recalculated by LibreOffice (exceljs stores no results, so every
 * figure below was computed by LibreOffice from the formulas), compared to the core to the cent.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { BUDGET_LINES } from "../../src/core/budget";
import { centsString, Dec } from "../../src/core/decimal";
import { INPUT_NAMES, parameterName, PLANNING_NAMES } from "../../src/core/names";
import { main } from "../../src/cli/main";
import { planFromCsv } from "../../src/cli/commands/vorlage";
import { buildWorkbookModel, comparisonTable, COMPARISON_COLUMNS, richtwerteOf, TemplatePlan, WorkbookModel } from "../../src/core/template";
import { comparisonCol, comparisonRows } from "../../src/core/template/comparisonSheet";
import { BUDGET_ROWS, NeighbourhoodLayout } from "../../src/core/template/neighbourhoodLayout";
import { cellAddress } from "../../src/core/template/addresses";
import { Computed, readComputed, recalculate, scratchFolder, removeScratchFolders } from "./soffice";

afterAll(removeScratchFolders);

jest.setTimeout(180_000);

const FIXTURE = path.join(__dirname, "..", "fixtures", "quartiere-grenzen.csv");
const YEARS = { von: 2026, bis: 2028 };

/** Writes the workbook through the real command line (in-process). */
async function cliWrite(folder: string): Promise<string> {
  const out = path.join(folder, "plan.xlsx");
  const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    const code = await main(["node", "qm-planer", "vorlage", FIXTURE, "-o", out, "--von", "2026", "--bis", "2028"]);
    expect(code).toBe(0);
  } finally {
    write.mockRestore();
  }
  return out;
}

function cents(v: Computed): string {
  if (typeof v !== "number") return `kein Betrag: ${String(v)}`;
  return centsString(new Dec(v));
}

/**
 * Every Richtwert of every Quartier sheet against the core, and every Abweichung: 0, since an
 * untouched Planansatz follows its Richtwert (`=<Richtwert cell>`), also after a figure changed.
 */
function expectRichtwerte(values: Map<string, Map<string, Computed>>, model: WorkbookModel, plan: TemplatePlan): number {
  const layout = new NeighbourhoodLayout(plan.years.length);
  const richtwerte = richtwerteOf(plan);
  let compared = 0;
  plan.neighbourhoods.forEach((_, i) => {
    const sheetName = model.sheets[i + 1].name;
    const sheet = values.get(sheetName)!;
    plan.years.forEach((_, j) => {
      for (const line of BUDGET_LINES) {
        const row = BUDGET_ROWS[line.key];
        const where = `${sheetName}!${cellAddress(row, layout.richtwertCol(j))} ${line.de} ${plan.years[j]}`;
        expect([where, cents(sheet.get(cellAddress(row, layout.richtwertCol(j))))]).toEqual([where, centsString(richtwerte[i][j][line.key])]);
        expect([where, cents(sheet.get(cellAddress(row, layout.deviationCol(j))))]).toEqual([where, "0.00"]);
        compared += 2;
      }
    });
  });
  return compared;
}

/** Every figure of the Vergleich sheet against the core's comparison table. */
function expectComparison(values: Map<string, Map<string, Computed>>, model: WorkbookModel, plan: TemplatePlan): number {
  const sheet = values.get(model.sheets[model.sheets.length - 1].name)!;
  const expected = comparisonTable(plan);
  const rows = comparisonRows(plan.neighbourhoods.length, plan.years);
  let compared = 0;
  rows.forEach((r, k) => {
    for (const c of COMPARISON_COLUMNS) {
      const address = cellAddress(r.sheetRow, comparisonCol(c.key));
      const want = expected[k].values[c.key];
      const got = sheet.get(address);
      const where = `Vergleich!${address} ${c.header}`;
      if (want === undefined) expect([where, got]).toEqual([where, undefined]);
      else if (typeof want === "string") expect([where, got]).toEqual([where, want]);
      else if (c.key === "year" || c.key === "residents") expect([where, got]).toEqual([where, Number(want)]);
      else expect([where, cents(got)]).toEqual([where, centsString(new Dec(want))]);
      compared++;
    }
  });
  return compared;
}

describe("LibreOffice recalculates the CLI's workbook to the core's figures", () => {
  let folder: string;
  let plan: TemplatePlan;
  let model: WorkbookModel;
  let written: string;

  beforeAll(async () => {
    folder = scratchFolder("lo-template");
    written = await cliWrite(folder);
    plan = await planFromCsv(FIXTURE, YEARS);
    model = buildWorkbookModel(plan);
  });

  test("12 Quartiere at the rule boundaries × 3 years: every Richtwert and every Vergleich figure to the cent", async () => {
    expect(plan.neighbourhoods.map((n) => n.residents)).toEqual([0, 2499, 2500, 2501, 3999, 4000, 4001, 4999, 5000, 5001, 9999, 123457]);
    const [recalculated] = await recalculate([written]);
    const values = await readComputed(recalculated);
    expect(expectRichtwerte(values, model, plan)).toBe(12 * 3 * 7 * 2);
    expect(expectComparison(values, model, plan)).toBe((12 * 3 + 3 + 1) * COMPARISON_COLUMNS.length);

    // The same sheet-scoped name resolves per sheet: "Einwohner" drives each sheet's own Projektkosten.
    const layout = new NeighbourhoodLayout(3);
    const projectCost = (sheet: string) => values.get(sheet)!.get(cellAddress(BUDGET_ROWS.projectCost, layout.richtwertCol(0)));
    expect(projectCost("QM Bahnhof")).toBe(5002);
    expect(projectCost("QM Hafen")).toBe(19998);
    expect(model.sheets.map((s) => s.name)).toContain("QM Großsiedlung am Stadtrand");

    // LibreOffice kept the names with their sheet scope when it saved the file.
    const workbookXml = await (await JSZip.loadAsync(readFileSync(recalculated))).file("xl/workbook.xml")!.async("string");
    const scoped = [...workbookXml.matchAll(new RegExp(`<definedName[^>]*name="${INPUT_NAMES.residents}"[^>]*>`, "g"))];
    expect(scoped).toHaveLength(12);
    expect(scoped.every((m) => /localSheetId="\d+"/.test(m[0]))).toBe(true);
  });

  test("a changed Parameter figure (Sachkosten je VbE, Tarifsteigerung) flows into every Richtwert", async () => {
    // Edit the file's XML directly: exceljs would lose the sheet-scoped names on a read-modify-write.
    const zip = await JSZip.loadAsync(readFileSync(written));
    const sheetPath = "xl/worksheets/sheet1.xml";
    let xml = await zip.file(sheetPath)!.async("string");
    const setValue = (name: string, value: string): void => {
      const address = model.names.find((n) => n.name === name)!.address.replace(/\$/g, "");
      const cell = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>`);
      expect(xml).toMatch(cell);
      xml = xml.replace(cell, `$1<v>${value}</v>`);
    };
    setValue(parameterName("materialCostPerFte"), "3712.37");
    setValue(PLANNING_NAMES.tariffIncrease, "0.025");
    zip.file(sheetPath, xml);
    const changed = path.join(folder, "geaendert.xlsx");
    writeFileSync(changed, await zip.generateAsync({ type: "nodebuffer" }));

    const [recalculated] = await recalculate([changed]);
    const values = await readComputed(recalculated);
    const changedPlan: TemplatePlan = {
      ...plan,
      parameters: { ...plan.parameters, materialCostPerFte: "3712.37" },
      tariffIncrease: new Dec("0.025"),
    };
    // Richtwerte follow the new figures, and the untouched Planansätze follow them.
    expect(expectRichtwerte(values, model, changedPlan)).toBe(12 * 3 * 7 * 2);
    const nordOst = values.get("QM Nord-Ost")!;
    const layout = new NeighbourhoodLayout(3);
    // 2,75 VbE × 3.712,37 € = 10.209,0175 → 10.209,02 €
    expect(nordOst.get(cellAddress(BUDGET_ROWS.materialCost, layout.richtwertCol(0)))).toBe(10209.02);
  });
});
