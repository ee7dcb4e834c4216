/**
 * Formats of ranges: reading a property over a range (null when the cells differ, as
 * Office.js does), applying a format to cells, whole columns or whole rows, borders, sizes,
 * merged areas, and the checks sheet protection imposes.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, area, intersect, isFullColumns, isFullRows, isInside } from "../address";
import { officeError } from "../errors";
import { NO_BORDER, patchFormat, resolveFormat, type BorderKey, type ResolvedFormat } from "./format";
import type { SheetModel } from "./sheet";
import type { BorderFormat, CellFormat } from "./types";
import type { WorkbookModel } from "./workbook";

/** Up to this many cells a uniform read visits every cell; beyond, it reasons over the layers. */
const EXACT_READ_AREA = 100_000;
const MAX_CELL_FORMAT_AREA = 5_000_000;

/** The value of `pick` shared by every cell of the range, or null when the cells differ. */
export function uniform<T>(sheet: SheetModel, rect: Rect, pick: (f: ResolvedFormat) => T): T | null {
  let first: T | undefined;
  let firstKey: string | undefined;
  const consider = (v: T): boolean => {
    const key = typeof v === "object" ? JSON.stringify(v) : String(v);
    if (firstKey === undefined) {
      first = v;
      firstKey = key;
      return true;
    }
    return key === firstKey;
  };
  if (area(rect) <= EXACT_READ_AREA) {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (!consider(pick(sheet.formatAt(r, c)))) return null;
    }
    return first as T;
  }
  // A large range: its cells can only show the default, a column's, a row's or a cell's own format.
  const layers: ResolvedFormat[] = [resolveFormat()];
  for (const [c, f] of sheet.columnFormats) if (c >= rect.col && c < rect.col + rect.cols) layers.push(resolveFormat(f));
  for (const [r, f] of sheet.rowFormats) if (r >= rect.row && r < rect.row + rect.rows) layers.push(resolveFormat(f));
  for (const { row, col } of sheet.cellsIn(rect)) layers.push(sheet.formatAt(row, col));
  for (const f of layers) if (!consider(pick(f))) return null;
  return first as T;
}

// ---- protection ------------------------------------------------------------------------

const PROTECTED = "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";

/** Values and formulas may change only in unlocked cells of a protected sheet. */
export function assertContentEditable(sheet: SheetModel, rect: Rect): void {
  if (!sheet.protection.protected) return;
  if (uniform(sheet, rect, (f) => f.locked) !== false) throw officeError("AccessDenied", PROTECTED);
}

export type FormatPermission = "allowFormatCells" | "allowFormatColumns" | "allowFormatRows";

export function assertFormatEditable(sheet: SheetModel, permission: FormatPermission = "allowFormatCells"): void {
  if (sheet.protection.protected && !sheet.protection.options[permission]) throw officeError("AccessDenied", PROTECTED);
}

/** Merging, data validation and conditional formats are refused on a protected sheet. */
export function assertUnprotected(sheet: SheetModel): void {
  if (sheet.protection.protected) throw officeError("AccessDenied", PROTECTED);
}

// ---- applying formats -------------------------------------------------------------------

function patchCell(sheet: SheetModel, row: number, col: number, patch: CellFormat): void {
  const cell = sheet.ensure(row, col);
  cell.format = patchFormat(cell.format, patch);
  if (!cell.format) delete cell.format;
  sheet.prune(row, col);
}

function patchLayer(map: Map<number, CellFormat>, index: number, patch: CellFormat): void {
  const f = patchFormat(map.get(index), patch);
  if (f) map.set(index, f);
  else map.delete(index);
}

/**
 * Applies a format to a range. Whole columns and whole rows are stored once per column/row;
 * cells inside that carry formats of their own (or sit on a formatted row) take the patch too,
 * so the new format shows everywhere in the range, as in Excel.
 */
export function applyFormat(wb: WorkbookModel, sheet: SheetModel, rect: Rect, patch: CellFormat, permission: FormatPermission = "allowFormatCells"): void {
  assertFormatEditable(sheet, permission);
  if (isFullColumns(rect)) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) patchLayer(sheet.columnFormats, c, patch);
    for (const r of [...sheet.rowFormats.keys()]) {
      if (isFullRows(rect)) patchLayer(sheet.rowFormats, r, patch);
      else for (let c = rect.col; c < rect.col + rect.cols; c++) patchCell(sheet, r, c, patch);
    }
    for (const { row, col, cell } of sheet.cellsIn(rect)) if (cell.format) patchCell(sheet, row, col, patch);
  } else if (isFullRows(rect)) {
    for (let r = rect.row; r < rect.row + rect.rows; r++) patchLayer(sheet.rowFormats, r, patch);
    for (const { row, col, cell } of sheet.cellsIn(rect)) if (cell.format) patchCell(sheet, row, col, patch);
  } else {
    if (area(rect) > MAX_CELL_FORMAT_AREA) throw officeError("InvalidArgument", "The range is too large for this operation (RangeExceedsLimit).");
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) patchCell(sheet, r, c, patch);
  }
  wb.markChanged("formats", sheet);
}

/** Removes all formats of a range (`clear("Formats")`), including merges inside it. */
export function clearFormats(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  assertFormatEditable(sheet);
  for (const { row, col, cell } of sheet.cellsIn(rect)) {
    if (!cell.format) continue;
    delete cell.format;
    sheet.prune(row, col);
  }
  if (isFullColumns(rect)) for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnFormats.delete(c);
  if (isFullRows(rect)) for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowFormats.delete(r);
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  wb.markChanged("formats", sheet);
}

// ---- borders ---------------------------------------------------------------------------

export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** For each border index, the cell sides it stands for, as [side, sub-rectangle of the range]. */
function borderSides(rect: Rect, index: BorderIndex): [BorderKey, Rect | undefined][] {
  const { row, col, rows, cols } = rect;
  const r = (r0: number, c0: number, nr: number, nc: number) => (nr > 0 && nc > 0 ? { row: r0, col: c0, rows: nr, cols: nc } : undefined);
  switch (index) {
    case "EdgeTop":
      return [["borderTop", r(row, col, 1, cols)]];
    case "EdgeBottom":
      return [["borderBottom", r(row + rows - 1, col, 1, cols)]];
    case "EdgeLeft":
      return [["borderLeft", r(row, col, rows, 1)]];
    case "EdgeRight":
      return [["borderRight", r(row, col + cols - 1, rows, 1)]];
    case "InsideHorizontal":
      return [
        ["borderTop", r(row + 1, col, rows - 1, cols)],
        ["borderBottom", r(row, col, rows - 1, cols)],
      ];
    case "InsideVertical":
      return [
        ["borderLeft", r(row, col + 1, rows, cols - 1)],
        ["borderRight", r(row, col, rows, cols - 1)],
      ];
  }
}

export function isBorderIndex(s: string): s is BorderIndex {
  return ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"].includes(s);
}

export function applyBorder(wb: WorkbookModel, sheet: SheetModel, rect: Rect, index: BorderIndex, patch: Partial<BorderFormat>): void {
  assertFormatEditable(sheet);
  for (const [side, part] of borderSides(rect, index)) {
    if (!part) continue;
    if (area(part) > MAX_CELL_FORMAT_AREA) throw officeError("InvalidArgument", "The range is too large for this operation (RangeExceedsLimit).");
    for (let r = part.row; r < part.row + part.rows; r++) {
      for (let c = part.col; c < part.col + part.cols; c++) {
        const next = { ...NO_BORDER, ...sheet.formatAt(r, c)[side], ...patch };
        patchCell(sheet, r, c, { [side]: next.style === "None" ? undefined : next });
      }
    }
  }
  wb.markChanged("formats", sheet);
}

export function readBorder(sheet: SheetModel, rect: Rect, index: BorderIndex): BorderFormat | null {
  const [side, part] = borderSides(rect, index)[0];
  if (!part) return NO_BORDER;
  return uniform(sheet, part, (f) => f[side] ?? NO_BORDER);
}

// ---- sizes -----------------------------------------------------------------------------

function uniformOf(values: Iterable<number>): number | null {
  let first: number | undefined;
  for (const v of values) {
    if (first === undefined) first = v;
    else if (v !== first) return null;
  }
  return first ?? null;
}

function* indices(start: number, count: number, stored: Map<number, number>, standard: number, limit: number): Iterable<number> {
  if (count <= 1000) {
    for (let i = start; i < start + count; i++) yield stored.get(i) ?? standard;
    return;
  }
  // Many columns/rows: only the ones with their own size can differ from the standard one.
  let own = 0;
  for (const [i, v] of stored) {
    if (i >= start && i < start + count) {
      own++;
      yield v;
    }
  }
  if (own < Math.min(count, limit)) yield standard;
}

export function readColumnWidth(sheet: SheetModel, rect: Rect): number | null {
  return uniformOf(indices(rect.col, rect.cols, sheet.columnWidths, sheet.standardWidth, MAX_COLUMNS));
}

export function readRowHeight(sheet: SheetModel, rect: Rect): number | null {
  return uniformOf(indices(rect.row, rect.rows, sheet.rowHeights, sheet.standardHeight, MAX_ROWS));
}

function checkSize(v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw officeError("InvalidArgument", `The size ${String(v)} is not valid.`);
  return v;
}

export function setColumnWidth(wb: WorkbookModel, sheet: SheetModel, rect: Rect, width: unknown): void {
  assertFormatEditable(sheet, "allowFormatColumns");
  const w = checkSize(width);
  if (isFullRows(rect)) {
    sheet.standardWidth = w;
    sheet.columnWidths.clear();
  } else for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, w);
  wb.markChanged("formats", sheet);
}

export function setRowHeight(wb: WorkbookModel, sheet: SheetModel, rect: Rect, height: unknown): void {
  assertFormatEditable(sheet, "allowFormatRows");
  const h = checkSize(height);
  if (isFullColumns(rect)) {
    sheet.standardHeight = h;
    sheet.rowHeights.clear();
  } else for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.set(r, h);
  wb.markChanged("formats", sheet);
}

/** Points per character and padding of an autofitted column (Calibri 11, roughly). */
const POINTS_PER_CHAR = 5.5;
const AUTOFIT_PADDING = 6;

/** `format.autofitColumns()`: each column as wide as its longest shown text in the range. */
export function autofitColumns(wb: WorkbookModel, sheet: SheetModel, rect: Rect, textOf: (row: number, col: number) => string): void {
  assertFormatEditable(sheet, "allowFormatColumns");
  const longest = new Map<number, number>();
  for (const { row, col } of sheet.cellsIn(rect)) {
    if (sheet.formatAt(row, col).wrapText) continue;
    const len = textOf(row, col).length;
    longest.set(col, Math.max(longest.get(col) ?? 0, len));
  }
  const cols = rect.cols > 1000 ? [...longest.keys()] : Array.from({ length: rect.cols }, (_, i) => rect.col + i);
  for (const c of cols) {
    const len = longest.get(c) ?? 0;
    if (len === 0) sheet.columnWidths.delete(c);
    else sheet.columnWidths.set(c, Math.max(sheet.standardWidth, Math.ceil(len * POINTS_PER_CHAR + AUTOFIT_PADDING)));
  }
  wb.markChanged("formats", sheet);
}

// ---- merged areas ----------------------------------------------------------------------

/** `range.merge(across)`: keeps the top-left value of each area and empties the other cells. */
export function merge(wb: WorkbookModel, sheet: SheetModel, rect: Rect, across: boolean, clear: (row: number, col: number) => void): void {
  assertUnprotected(sheet);
  const areas = across ? Array.from({ length: rect.rows }, (_, i) => ({ row: rect.row + i, col: rect.col, rows: 1, cols: rect.cols })) : [rect];
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  for (const a of areas) {
    if (a.rows * a.cols < 2) continue;
    for (const { row, col, cell } of sheet.cellsIn(a)) {
      if ((row !== a.row || col !== a.col) && (cell.value !== undefined || cell.formula !== undefined)) clear(row, col);
    }
    sheet.merges.push(a);
  }
  wb.markChanged("formats", sheet);
}

export function unmerge(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  assertUnprotected(sheet);
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  wb.markChanged("formats", sheet);
}

export function mergedAreasIn(sheet: SheetModel, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => intersect(m, rect) !== undefined || isInside(rect, m.row, m.col));
}
