/**
 * The workbook the preview opens on: a planning template for three Quartiere, written by the
 * add-in's own template writer through the simulated host — so the preview shows exactly what
 * "Vorlage erstellen" produces in Excel.
 */
import type { NeighbourhoodInput } from "../core/template";
import { createTemplate } from "../excel/writeTemplate";

export const SAMPLE_NEIGHBOURHOODS: readonly NeighbourhoodInput[] = [
  { name: "Nordstadt", residents: 12400, fte: 2.5, roomCosts: 18000 },
  { name: "Altstadt", residents: 4300, fte: 2, roomCosts: 9600 },
  { name: "Hafenviertel", residents: 7800, fte: 2, roomCosts: 14400 },
];

type Run = NonNullable<Parameters<typeof createTemplate>[1]>["run"];

/**
 * Writes the sample plan into the (empty) workbook of the installed host and shows its first
 * Quartier, through `run` (the host's own `Excel.run`: the pane's calls wait for this workbook).
 */
export async function openSampleWorkbook(run: Run = (batch) => Excel.run(batch)): Promise<void> {
  const { sheets } = await createTemplate({ neighbourhoods: SAMPLE_NEIGHBOURHOODS }, { run });
  await run!(async (context) => {
    context.workbook.worksheets.getItem(sheets[1]).activate();
    await context.sync();
  });
}
