/**
 * What a person does in the preview's grid: type into a cell, select cells, switch sheets —
 * and what the grid needs to draw a cell. User actions are refused (not thrown) where Excel
 * would refuse them: a locked cell of a protected sheet, a value outside a dropdown list.
 */
import { Rect, parseReference } from "../address";
import { officeError, isSimulatedOfficeError, type OfficeErrorCode } from "../errors";
import { computedAt, setContent, textAt } from "./cells";
import type { ResolvedFormat } from "./format";
import { userInput } from "./input";
import { assertContentEditable } from "./rangeFormat";
import { listValid, validationCovering } from "./objects";
import type { SheetModel } from "./sheet";
import type { ComputedValue } from "./types";
import type { WorkbookModel } from "./workbook";

export type UserActionResult = { ok: true } | { ok: false; code: OfficeErrorCode; message: string };

function sheetAndRect(wb: WorkbookModel, sheetName: string, address: string): { sheet: SheetModel; rect: Rect } {
  const sheet = wb.findSheet(sheetName);
  if (!sheet) throw officeError("ItemNotFound", `Das Blatt „${sheetName}“ gibt es nicht.`);
  const ref = parseReference(address);
  if (!ref) throw officeError("InvalidArgument", `Die Adresse „${address}“ ist ungültig.`);
  return { sheet, rect: ref.rect };
}

function attempt(fn: () => void): UserActionResult {
  try {
    fn();
    return { ok: true };
  } catch (e) {
    if (isSimulatedOfficeError(e)) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/**
 * A person typed `text` into the cell at `address` (its top-left cell): "=…" is a formula,
 * numbers in German spelling ("12.345,67"), WAHR/FALSCH, dates; "" empties the cell.
 */
export function setCellFromUser(wb: WorkbookModel, sheetName: string, address: string, text: string): UserActionResult {
  let edited: { sheet: SheetModel; rect: Rect } | undefined;
  const result = attempt(() => {
    const { sheet, rect } = sheetAndRect(wb, sheetName, address);
    const cell: Rect = { row: rect.row, col: rect.col, rows: 1, cols: 1 };
    const input = userInput(text, wb.locale, sheet.formatAt(cell.row, cell.col).numberFormat);
    if (input.formula !== undefined && !wb.engine.isValidFormula(input.formula)) {
      throw officeError("InvalidArgument", `Die Formel „${input.formula}“ ist ungültig.`);
    }
    assertContentEditable(sheet, cell);
    const validation = validationCovering(sheet, cell);
    if (input.value !== undefined && validation && !listValid(validation, [[input.value]])) {
      throw officeError("InvalidArgument", `Der Wert „${text}“ ist in dieser Zelle nicht zulässig.`);
    }
    wb.batch("user", () => setContent(wb, sheet, cell.row, cell.col, input));
    edited = { sheet, rect: cell };
  });
  if (edited) for (const hook of [...wb.userEditHooks]) hook(edited);
  return result;
}

/** A person selected cells (the sheet becomes the active one). */
export function selectFromUser(wb: WorkbookModel, sheetName: string, address: string): UserActionResult {
  let selected: SheetModel | undefined;
  const result = attempt(() => {
    const { sheet, rect } = sheetAndRect(wb, sheetName, address);
    wb.batch("user", () => wb.select(sheet, rect));
    selected = sheet;
  });
  if (selected) for (const hook of [...wb.userSelectionHooks]) hook(selected);
  return result;
}

/** A person clicked a sheet tab. */
export function activateSheetFromUser(wb: WorkbookModel, sheetName: string): UserActionResult {
  let activated: SheetModel | undefined;
  const result = attempt(() => {
    const sheet = wb.findSheet(sheetName);
    if (!sheet) throw officeError("ItemNotFound", `Das Blatt „${sheetName}“ gibt es nicht.`);
    wb.batch("user", () => wb.activate(sheet));
    activated = sheet;
  });
  if (activated) for (const hook of [...wb.userSelectionHooks]) hook(activated);
  return result;
}

/** Everything the grid needs to draw one cell. */
export interface CellView {
  /** As Excel shows it (number format applied, workbook locale). */
  text: string;
  value: ComputedValue;
  /** The formula as typed, for the formula bar. */
  formula?: string;
  format: ResolvedFormat;
  /** The merged area this cell belongs to, if any. */
  merge?: Rect;
}

export function cellView(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): CellView {
  return {
    text: textAt(wb, sheet, row, col),
    value: computedAt(wb, sheet, row, col),
    formula: sheet.get(row, col)?.formula,
    format: sheet.formatAt(row, col),
    merge: sheet.mergeAt(row, col),
  };
}
