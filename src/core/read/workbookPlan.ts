/**
 * From a workbook snapshot to the plans of its Quartiere. A workbook made by the template is
 * read only through its names; any other workbook sheet by sheet through its labels.
 */
import { SHEETS } from "../names";
import type { NeighbourhoodPlan, WorkbookPlan } from "../plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { readForeignSheet } from "./foreign";
import { NameIndex } from "./names";
import { isTemplateSheet, readParameters, readTemplateSheet } from "./template";

/** The template's own non-Quartier sheets, and earlier check reports: never plans. */
function isSupportSheet(sheet: SheetSnapshot): boolean {
  const name = sheet.name.toLowerCase();
  return name === SHEETS.parameters.toLowerCase() || name === SHEETS.comparison.toLowerCase() || name.startsWith(SHEETS.report.toLowerCase());
}

export interface ReadOptions {
  /** Read only this sheet (the pane's "active sheet" check); default: the whole workbook. */
  sheet?: string;
}

export function readWorkbookPlan(snapshot: WorkbookSnapshot, options: ReadOptions = {}): WorkbookPlan {
  const index = new NameIndex(snapshot);
  const candidates = snapshot.sheets.filter(
    (s) => !isSupportSheet(s) && (options.sheet === undefined || s.name.toLowerCase() === options.sheet.toLowerCase()),
  );
  const templateSheets = snapshot.sheets.filter((s) => isTemplateSheet(index, s));
  const neighbourhoods: NeighbourhoodPlan[] =
    templateSheets.length > 0
      ? candidates.filter((s) => isTemplateSheet(index, s)).map((s) => readTemplateSheet(index, s))
      : candidates.map(readForeignSheet).filter((p): p is NeighbourhoodPlan => p !== undefined);
  return { parameters: readParameters(index), neighbourhoods };
}
