/**
 * The Office.js writer puts the Richtwert cells' input messages into the workbook: read back
 * through the API of the simulated host, cell by cell, against the rulebook's text.
 */
import { Dec } from "../../src/core/decimal";
import { lineNote } from "../../src/core/rulebook/explain";
import { BUDGET_LINES } from "../../src/core/budget";
import { defaultParameters } from "../../src/core/standard";
import { cellAddress } from "../../src/core/template/addresses";
import { BUDGET_ROWS, NeighbourhoodLayout } from "../../src/core/template/neighbourhoodLayout";
import { createTemplate } from "../../src/excel/writeTemplate";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";

let host: SimulatedHost;
let restore: () => void;

beforeEach(() => {
  host = createSimulatedHost({});
  restore = host.install(globalThis);
});
afterEach(() => restore());

/** The input message of each cell, read through Office.js in one sync. */
async function promptsOf(cells: ReadonlyArray<{ sheet: string; address: string }>): Promise<Excel.DataValidationPrompt[]> {
  return Excel.run(async (context) => {
    const loaded = cells.map(({ sheet, address }) => context.workbook.worksheets.getItem(sheet).getRange(address).dataValidation.load("prompt,type"));
    await context.sync();
    return loaded.map((dv) => dv.prompt);
  });
}

describe("Richtwert cells written through Office.js explain their rule", () => {
  const years = [2026, 2027, 2028];
  const layout = new NeighbourhoodLayout(years.length);
  const parameters = { ...defaultParameters(), projectCostPerResident: "2.5", dispositionFundMinimum: "2100" };

  test("every line × plan year × Quartier: the rulebook's note with the template's figures and tariff increase", async () => {
    const input = {
      neighbourhoods: [
        { name: "Nord", residents: 3000 },
        { name: "Süd", residents: 12000, fte: 3, salaryPerFte: 50000 },
      ],
      firstYear: 2026,
      lastYear: 2028,
      tariffIncrease: "0.025",
      parameters,
    };
    await createTemplate(input);
    const syncsToWrite = host.syncCount();
    const cells = ["QM Nord", "QM Süd"].flatMap((sheet) =>
      BUDGET_LINES.flatMap((line) => years.map((_, j) => ({ sheet, line: line.key, address: cellAddress(BUDGET_ROWS[line.key], layout.richtwertCol(j)) }))),
    );
    const prompts = await promptsOf(cells);
    expect(prompts).toHaveLength(2 * 7 * 3);
    cells.forEach((c, i) => {
      const rule = BUDGET_LINES.find((l) => l.key === c.line)!;
      const message = lineNote(c.line, parameters, "de", { tariffIncrease: new Dec("0.025") });
      expect([c.sheet, c.address, prompts[i]]).toEqual([c.sheet, c.address, { showPrompt: true, title: `Richtwert ${rule.de}`, message }]);
      expect(message.length).toBeLessThanOrEqual(255);
    });
    expect(prompts[0].message).toBe(
      "Personalkosten: VbE × Gehalt je VbE laut Eingabe (Richtwert 45.000,00 €) nach TVöD S11, ab dem Basisjahr mit 2,5 % Tarifsteigerung je Jahr. Rahmenstandard: „Bezahlung nach TVÖD/S11 (ca. 45.000 Euro/pro Jahr)“",
    );
    const projectCost = cells.findIndex((c) => c.line === "projectCost");
    expect(prompts[projectCost].message).toContain("2,50 € je Einwohner, mindestens 5.000,00 €");

    // The prompts travel in the same request as the rest: as many syncs as a template without them needed.
    restore();
    host = createSimulatedHost({});
    restore = host.install(globalThis);
    await createTemplate({ ...input, neighbourhoods: [...input.neighbourhoods, { name: "West", residents: 100 }] });
    expect(host.syncCount()).toBe(syncsToWrite);
  });

  test("no input message on the Planansatz and Abweichung cells (those are the user's)", async () => {
    await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 3000 }], firstYear: 2026, lastYear: 2028 });
    const [plan, deviation] = await promptsOf([
      { sheet: "QM Nord", address: cellAddress(BUDGET_ROWS.projectCost, layout.planCol(0)) },
      { sheet: "QM Nord", address: cellAddress(BUDGET_ROWS.projectCost, layout.deviationCol(2)) },
    ]);
    expect(plan.showPrompt).toBe(false);
    expect(deviation.showPrompt).toBe(false);
  });

  test("without a tariff increase the note says none", async () => {
    await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 3000 }], firstYear: 2026, lastYear: 2026 });
    const [staff] = await promptsOf([{ sheet: "QM Nord", address: cellAddress(BUDGET_ROWS.staffCost, layout.richtwertCol(0)) }]);
    expect(staff.message).toBe("Personalkosten: VbE × Gehalt je VbE laut Eingabe (Richtwert 45.000,00 €) nach TVöD S11. Rahmenstandard: „Bezahlung nach TVÖD/S11 (ca. 45.000 Euro/pro Jahr)“");
  });
});
