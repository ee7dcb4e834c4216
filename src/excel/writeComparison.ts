/**
 * "Einreichungen vergleichen": the comparison workbook of the consolidation (the model the
 * CLI's `vergleich` writes) into the open workbook as new sheets — Übersicht with its chart,
 * Daten, Befunde, Fehler — under free names, through the template's renderer. Constant syncs.
 */
import { buildComparisonWorkbook } from "../core/consolidation/workbook";
import type { Consolidation } from "../core/consolidation/consolidate";
import { withFreeSheetNames } from "../core/template/freeSheetNames";
import { writeModelAsNewSheets } from "./writeTemplate";

export function writeComparisonSheets(c: Consolidation, options: { today?: Date; maxBatchBytes?: number } = {}) {
  return writeModelAsNewSheets((existing) => withFreeSheetNames(buildComparisonWorkbook(c, { today: options.today }), existing), options);
}
