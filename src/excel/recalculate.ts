/**
 * Recalculation after the QM.* functions' figures changed. Their cells depend on the figures
 * only through the shared runtime's state, not on any cell, so Excel does not know they are
 * stale. `Application.calculate(full)` would recompute every formula of every open workbook,
 * other add-ins' functions included; instead only this workbook's sheets that hold a QM.*
 * formula are recalculated (`Worksheet.calculate(true)`, ExcelApi 1.6), and cells elsewhere
 * that refer to them follow by Excel's ordinary dependency tracking.
 *
 * Which sheets: a search for "QM." in each sheet (`findAllOrNullObject`, ExcelApi 1.9), so
 * formulas typed by the user count as much as those the pane wrote, and nothing needs to be
 * remembered between sessions. Hidden sheets are always recalculated: Excel's search has been
 * seen to skip them (OfficeDev/office-js#6349), and recalculating a sheet without QM formulas
 * costs little. A sheet whose text merely mentions "QM." is recalculated too — harmless.
 *
 * Round trips: two to find the sheets (list them, search them), whatever their number; the
 * calculation joins the caller's next batch.
 */

/** What every QM.* formula contains, whatever the language of its function names. */
const QM_FORMULA_MARK = "QM.";

/**
 * The sheets to recalculate after a change of the figures: those holding a QM.* formula, and
 * every hidden one. Two syncs, whatever the number of sheets.
 */
export async function findQmSheets(context: Excel.RequestContext): Promise<Excel.Worksheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  const candidates = sheets.items.map((sheet) => ({
    sheet,
    hidden: sheet.visibility !== Excel.SheetVisibility.visible,
    found: sheet.findAllOrNullObject(QM_FORMULA_MARK, { completeMatch: false, matchCase: false }),
  }));
  for (const { found } of candidates) found.load("areaCount");
  await context.sync();
  return candidates.filter(({ hidden, found }) => hidden || !found.isNullObject).map(({ sheet }) => sheet);
}

/** Queues the recalculation of these sheets (markAllDirty: their QM.* cells read no changed cell); it runs at the next sync. */
export function queueSheetCalculation(sheets: readonly Excel.Worksheet[]): void {
  for (const sheet of sheets) sheet.calculate(true);
}
