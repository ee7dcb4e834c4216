/**
 * "Prüfen" in Excel: reads the workbook (or what a check of the active sheet needs) into the
 * core's snapshot and checks it. Two `context.sync()` calls whatever the number of sheets: one
 * for the list of sheets and the workbook-wide names, one for every sheet's used range (values
 * and value types), merged areas and sheet-scoped names at once.
 *
 * Value types tell an error value (`#DIV/0!`) from a text that merely reads like one; formulas
 * need not be read, Excel has computed every value.
 */
import type { CellRef } from "../core/plan";
import { checkWorkbook, CheckOptions, CheckResult } from "../core/rules";
import { addressOf, CellValue, DefinedNameSnapshot, parseRangeAddress, parseSheetReference, SheetSnapshot, WorkbookSnapshot } from "../core/workbook";

export interface ExcelSnapshot {
  snapshot: WorkbookSnapshot;
  /** The sheet the user is on (for "Aktives Blatt prüfen"). */
  activeSheet: string;
}

function cellValue(value: unknown, type: Excel.RangeValueType | string): CellValue | undefined {
  switch (type) {
    case "Empty":
      return undefined;
    case "Error":
      return { kind: "error", code: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return Boolean(value);
    default:
      return value === "" || value === null || value === undefined ? undefined : String(value);
  }
}

/** "'QM Nord'!A1:B2,'QM Nord'!C3" → ["A1:B2", "C3"]. */
function areasOf(address: string): string[] {
  const out: string[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')+'|[^,!']+)!([A-Z]+\d+(?::[A-Z]+\d+)?)/g)) out.push(m[1]);
  return out;
}

function sheetSnapshot(name: string, used: Excel.Range, merged: Excel.RangeAreas): SheetSnapshot {
  const cells = new Map<string, CellValue>();
  const origin = used.isNullObject ? undefined : parseSheetReference(used.address);
  if (origin) {
    const { values, valueTypes } = used;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      const types = valueTypes[r];
      for (let c = 0; c < row.length; c++) {
        if (types[c] === "Empty") continue;
        const v = cellValue(row[c], types[c]);
        if (v !== undefined) cells.set(addressOf(origin.range.top + r, origin.range.left + c), v);
      }
    }
  }
  const merges = merged.isNullObject ? [] : areasOf(merged.address).filter((a) => parseRangeAddress(a) !== undefined);
  return { name, cells, merges };
}

function nameSnapshot(item: Excel.NamedItem, scope?: string): DefinedNameSnapshot {
  return { name: item.name, scope, reference: String(item.formula ?? "").replace(/^=/, "") };
}

/**
 * The sheets a check of the active sheet needs: that sheet and the sheets the workbook-wide
 * names point at (the Parameter sheet). Reading only these keeps the answer small in a
 * workbook with large unrelated sheets (Excel on the web limits a response to 5 MB).
 */
function sheetsForActiveCheck(active: string, names: Excel.NamedItemCollection): Set<string> {
  const wanted = new Set([active]);
  for (const n of names.items) {
    const sheet = parseSheetReference(String(n.formula ?? ""))?.sheet;
    if (sheet !== undefined) wanted.add(sheet);
  }
  return wanted;
}

/**
 * Reads the sheets (all of them, or with `activeOnly` those a check of the active sheet
 * needs), their merged areas and all names: two syncs.
 */
export async function readWorkbookSnapshot(context: Excel.RequestContext, activeOnly: boolean | { sheet: string } = false): Promise<ExcelSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();

  // `{ sheet }`: that sheet (a re-check of the sheet checked before, wherever the user is now).
  const only = typeof activeOnly === "object" ? activeOnly.sheet : activeOnly ? active.name : undefined;
  const wanted = only !== undefined ? sheetsForActiveCheck(only, names) : undefined;
  const reads = worksheets.items.filter((sheet) => !wanted || wanted.has(sheet.name)).map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,valueTypes");
    const merged = sheet.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    sheet.names.load("items/name,items/formula");
    return { sheet, used, merged };
  });
  await context.sync();

  const sheets = reads.map(({ sheet, used, merged }) => sheetSnapshot(sheet.name, used, merged));
  const allNames = [
    ...names.items.map((n) => nameSnapshot(n)),
    ...reads.flatMap(({ sheet }) => sheet.names.items.map((n) => nameSnapshot(n, sheet.name))),
  ];
  return { snapshot: { sheets, names: allNames }, activeSheet: active.name };
}

/** The active sheet, the whole workbook, or one named sheet (with the sheets its names point at). */
export type CheckScope = "activeSheet" | "workbook" | { sheet: string };

export interface ExcelCheck {
  result: CheckResult;
  activeSheet: string;
}

/** The pane's "Prüfen": the active sheet or the whole workbook against the standard. */
export async function checkInExcel(scope: CheckScope, options: Omit<CheckOptions, "sheet"> = {}): Promise<ExcelCheck> {
  const { snapshot, activeSheet } = await Excel.run((context) => readWorkbookSnapshot(context, scope === "workbook" ? false : scope === "activeSheet" ? true : scope));
  const sheet = scope === "workbook" ? undefined : scope === "activeSheet" ? activeSheet : scope.sheet;
  const result = checkWorkbook(snapshot, { ...options, sheet });
  return { result, activeSheet };
}

/** Selects a finding's cell, so the user sees what it is about. One sync. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/**
 * Calls `onSelect` with the active cell whenever the user selects cells, so the pane can say
 * why a marked cell is marked (ExcelApi 1.2's selection event: no note, comment or validation
 * of the user's cell is touched). One sync to register; one per selection to read the cell.
 */
export async function watchSelection(onSelect: (cell: CellRef) => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.onSelectionChanged.add(async () => {
      const cell = await Excel.run(async (ctx) => {
        const active = ctx.workbook.getActiveCell().load("address");
        await ctx.sync();
        return parseSheetReference(active.address);
      });
      if (cell) onSelect({ sheet: cell.sheet, address: addressOf(cell.range.top, cell.range.left) });
    });
    await context.sync();
  });
}
