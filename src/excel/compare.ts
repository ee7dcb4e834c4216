/**
 * "Vergleich" in the task pane: the plans of every Quartier sheet of the open workbook, read
 * with the compliance check's reader (two syncs whatever the number of sheets). The pane
 * computes € je Einwohner and the deviations from them.
 */
import type { WorkbookPlan } from "../core/plan";
import { readWorkbookPlan } from "../core/read/workbookPlan";
import { readWorkbookSnapshot } from "./readPlan";

export async function readOpenWorkbookPlan(): Promise<WorkbookPlan> {
  const { snapshot } = await Excel.run((context) => readWorkbookSnapshot(context));
  return readWorkbookPlan(snapshot);
}
