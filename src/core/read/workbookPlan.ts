/**
 * From a workbook snapshot to the plans of its Quartiere. A sheet that carries the template's
 * names is read through them; every other sheet through its labels — also in a workbook made
 * by the template, whose names a tool may have dropped or collapsed into one workbook-wide
 * name for the last sheet. A Quartier sheet ("QM …") that neither way can read is listed, so
 * the check reports it instead of silently leaving it out.
 */
import { isOwnBlockName, SHEETS } from "../names";
import type { NeighbourhoodPlan, WorkbookPlan } from "../plan";
import { parseCellAddress, parseSheetReference, RangePosition, SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { readForeignSheet } from "./foreign";
import { resolveFollowingPlans } from "./followsRichtwert";
import { NameIndex } from "./names";
import { isNeighbourhoodSheetName, isTemplateSheet, readParameters, readTariff, readTemplateSheet } from "./template";

/** The template's own non-Quartier sheets, and earlier check reports: never plans. */
export function isSupportSheet(sheet: SheetSnapshot): boolean {
  const name = sheet.name.toLowerCase();
  return name === SHEETS.parameters.toLowerCase() || name === SHEETS.comparison.toLowerCase() || name.startsWith(SHEETS.report.toLowerCase());
}

/** The ranges the add-in inserted itself (the Budget tab's blocks), per sheet in lower case. */
function ownBlocks(snapshot: WorkbookSnapshot): Map<string, RangePosition[]> {
  const out = new Map<string, RangePosition[]>();
  for (const n of snapshot.names) {
    if (!isOwnBlockName(n.name)) continue;
    const ref = parseSheetReference(n.reference);
    if (!ref) continue;
    const key = ref.sheet.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), ref.range]);
  }
  return out;
}

/** The sheet without the cells of the add-in's own blocks: what is left is the user's. */
function withoutOwnBlocks(sheet: SheetSnapshot, blocks: readonly RangePosition[] | undefined): SheetSnapshot {
  if (!blocks) return sheet;
  const inBlock = (address: string): boolean => {
    const p = parseCellAddress(address);
    return !!p && blocks.some((b) => p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right);
  };
  const cells = new Map([...sheet.cells].filter(([address]) => !inBlock(address)));
  // A merged area's value sits in its top-left cell: gone with that cell, the area says nothing more.
  const merges = sheet.merges.filter((m) => !inBlock(m.split(":")[0]));
  return { ...sheet, cells, merges };
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
  // A listed sheet whose content is missing is reported whatever its name; it holds nothing to read.
  const missingSheets = snapshot.sheets
    .filter((s) => s.problem && (options.sheet === undefined || s.name.toLowerCase() === options.sheet.toLowerCase()))
    .map((s) => ({ sheet: s.name, part: s.problem?.part }));
  const blocks = ownBlocks(snapshot);
  for (const sheet of candidates) {
    if (sheet.problem) continue;
    const plan = isTemplateSheet(index, sheet) ? readTemplateSheet(index, sheet) : readForeignSheet(withoutOwnBlocks(sheet, blocks.get(sheet.name.toLowerCase())));
    if (plan) neighbourhoods.push(plan);
    else if (isNeighbourhoodSheetName(sheet.name)) unreadSheets.push(sheet.name);
  }
  const plan: WorkbookPlan = { parameters: readParameters(index), ...readTariff(index), neighbourhoods, unreadSheets, ...(missingSheets.length > 0 ? { missingSheets } : {}) };
  // An untouched Planansatz (`=C24`) in a file nobody calculated: it is its Richtwert.
  return resolveFollowingPlans(index, plan);
}
