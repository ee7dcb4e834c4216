/**
 * From a workbook snapshot to the plans of its Quartiere. A sheet that carries the template's
 * names is read through them; every other sheet through its labels — also in a workbook made
 * by the template, whose names a tool may have dropped or collapsed into one workbook-wide
 * name for the last sheet. A Quartier sheet ("QM …") that neither way can read is listed, so
 * the check reports it instead of silently leaving it out.
 */
import { SHEETS } from "../names";
import type { NeighbourhoodPlan, WorkbookPlan } from "../plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { readForeignSheet } from "./foreign";
import { NameIndex } from "./names";
import { isNeighbourhoodSheetName, isTemplateSheet, readParameters, readTariff, readTemplateSheet } from "./template";

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
  const neighbourhoods: NeighbourhoodPlan[] = [];
  const unreadSheets: string[] = [];
  for (const sheet of candidates) {
    const plan = isTemplateSheet(index, sheet) ? readTemplateSheet(index, sheet) : readForeignSheet(sheet);
    if (plan) neighbourhoods.push(plan);
    else if (isNeighbourhoodSheetName(sheet.name)) unreadSheets.push(sheet.name);
  }
  return { parameters: readParameters(index), ...readTariff(index), neighbourhoods, unreadSheets };
}
