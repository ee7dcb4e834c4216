/**
 * Cell contents of ranges: what Office.js reads (`values`, `formulas`, `text`, `valueTypes`,
 * `numberFormat`) and writes. Reads build the 2-D arrays from the sparse store, so a
 * 100 000-row used range with a handful of cells costs the array, not a scan of every cell.
 */
import { Rect, area } from "../address";
import { officeError } from "../errors";
import { formatForDisplay } from "../numberFormat";
import { apiInput, type CellInput } from "./input";
import { patchFormat } from "./format";
import { assertContentEditable } from "./rangeFormat";
import type { SheetModel } from "./sheet";
import { isErrorValue, type Cell, type ComputedValue } from "./types";
import type { WorkbookModel } from "./workbook";

/** Largest rectangle a single value may be spread over (Excel limits payloads, too). */
const MAX_WRITE_AREA = 5_000_000;

export function computedAt(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): ComputedValue {
  const cell = sheet.get(row, col);
  if (!cell) return null;
  if (cell.formula !== undefined) return wb.engine.value(sheet.engineId, row, col);
  return cell.value ?? null;
}

/** A computed value as Office.js `values` shows it: errors as their text, empty as "". */
export function officeValue(v: ComputedValue): number | string | boolean {
  if (v === null) return "";
  if (isErrorValue(v)) return v.error;
  return v;
}

export function valueType(v: ComputedValue): string {
  if (v === null) return "Empty";
  if (isErrorValue(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function grid<T>(sheet: SheetModel, rect: Rect, empty: T, place: (row: number, col: number, cell: Cell) => T): T[][] {
  const rows: T[][] = [];
  for (let r = 0; r < rect.rows; r++) rows.push(new Array<T>(rect.cols).fill(empty));
  for (const { row, col, cell } of sheet.cellsIn(rect)) rows[row - rect.row][col - rect.col] = place(row, col, cell);
  return rows;
}

function checkReadable(rect: Rect): void {
  if (area(rect) > MAX_WRITE_AREA) throw officeError("InvalidArgument", "The range is too large to be read at once (RangeExceedsLimit).");
}

export function readValues(wb: WorkbookModel, sheet: SheetModel, rect: Rect): (number | string | boolean)[][] {
  checkReadable(rect);
  return grid<number | string | boolean>(sheet, rect, "", (row, col) => officeValue(computedAt(wb, sheet, row, col)));
}

export function readFormulas(sheet: SheetModel, rect: Rect): (number | string | boolean)[][] {
  checkReadable(rect);
  return grid<number | string | boolean>(sheet, rect, "", (_r, _c, cell) => cell.formula ?? cell.value ?? "");
}

export function readValueTypes(wb: WorkbookModel, sheet: SheetModel, rect: Rect): string[][] {
  checkReadable(rect);
  return grid(sheet, rect, "Empty", (row, col) => valueType(computedAt(wb, sheet, row, col)));
}

export function readText(wb: WorkbookModel, sheet: SheetModel, rect: Rect): string[][] {
  checkReadable(rect);
  return grid(sheet, rect, "", (row, col) => formatForDisplay(computedAt(wb, sheet, row, col), sheet.formatAt(row, col).numberFormat, wb.locale));
}

export function textAt(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): string {
  return formatForDisplay(computedAt(wb, sheet, row, col), sheet.formatAt(row, col).numberFormat, wb.locale);
}

export function readNumberFormats(sheet: SheetModel, rect: Rect): string[][] {
  checkReadable(rect);
  if (sheet.columnFormats.size === 0 && sheet.rowFormats.size === 0) {
    return grid(sheet, rect, "General", (row, col) => sheet.formatAt(row, col).numberFormat);
  }
  const rows: string[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(sheet.formatAt(rect.row + r, rect.col + c).numberFormat);
    rows.push(line);
  }
  return rows;
}

/** Puts new content into one cell and into the engine. */
export function setContent(wb: WorkbookModel, sheet: SheetModel, row: number, col: number, input: CellInput): void {
  const existing = sheet.get(row, col);
  if (input.value === undefined && input.formula === undefined) {
    if (!existing || (existing.value === undefined && existing.formula === undefined)) return;
    delete existing.value;
    delete existing.formula;
    sheet.prune(row, col);
  } else {
    const cell = sheet.ensure(row, col);
    if (input.formula !== undefined) {
      cell.formula = input.formula;
      delete cell.value;
    } else {
      cell.value = input.value;
      delete cell.formula;
    }
    if (input.impliedFormat && sheet.formatAt(row, col).numberFormat === "General") {
      cell.format = patchFormat(cell.format, { numberFormat: input.impliedFormat });
      wb.markChanged("formats", sheet);
    }
  }
  wb.engine.setCell(sheet.engineId, row, col, input);
  wb.markChanged("cells", sheet);
}

/**
 * Writes `range.values` / `range.formulas`: a 2-D array of the range's size, or one value for
 * every cell. Everything is checked before anything is written, so a bad formula leaves the
 * range as it was (Excel rejects the whole statement).
 */
export function writeCells(wb: WorkbookModel, sheet: SheetModel, rect: Rect, data: unknown): void {
  const planned: { row: number; col: number; input: CellInput }[] = [];
  const plan = (row: number, col: number, v: unknown) => {
    const input = apiInput(v, sheet.formatAt(row, col).numberFormat);
    if (!input) return;
    if (input.formula !== undefined && !wb.engine.isValidFormula(input.formula)) {
      throw officeError("InvalidArgument", `The formula "${input.formula}" is not valid (formulas use the English form with commas).`);
    }
    planned.push({ row, col, input });
  };
  if (Array.isArray(data)) {
    if (data.length !== rect.rows || data.some((line) => !Array.isArray(line) || line.length !== rect.cols)) {
      throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    data.forEach((line: unknown[], r) => line.forEach((v, c) => plan(rect.row + r, rect.col + c, v)));
  } else if (data === "" || data === null) {
    // Clearing a large range only touches the cells that exist.
    if (data === "") for (const { row, col } of sheet.cellsIn(rect)) planned.push({ row, col, input: {} });
  } else {
    if (area(rect) > MAX_WRITE_AREA) throw officeError("InvalidArgument", "The range is too large for this operation (RangeExceedsLimit).");
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) plan(rect.row + r, rect.col + c, data);
  }
  if (planned.length === 0) return;
  assertContentEditable(sheet, rect);
  for (const p of planned) setContent(wb, sheet, p.row, p.col, p.input);
}

/** `range.clear(applyTo)` for the contents part. */
export function clearContents(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  const cells = sheet.cellsIn(rect).filter((p) => p.cell.value !== undefined || p.cell.formula !== undefined);
  if (cells.length === 0) return;
  assertContentEditable(sheet, rect);
  for (const { row, col } of cells) setContent(wb, sheet, row, col, {});
}
