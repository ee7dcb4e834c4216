/** A1 addresses and sheet references, as Excel writes them in formulas and defined names. */
import { columnLetters, parseCellAddress as parsePosition } from "../workbook";

/** 1 → "A", 27 → "AA" (the A1 helpers of the workbook snapshot, under the template's name). */
export const columnLetter = columnLetters;

export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + row;
}

export function absoluteAddress(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** "B3:D3", or "B3" when the range is one cell. */
export function rangeAddress(row: number, col: number, lastRow: number, lastCol: number): string {
  const first = cellAddress(row, col);
  return row === lastRow && col === lastCol ? first : `${first}:${cellAddress(lastRow, lastCol)}`;
}

export function absoluteRange(row: number, col: number, lastRow: number, lastCol: number): string {
  const first = absoluteAddress(row, col);
  return row === lastRow && col === lastCol ? first : `${first}:${absoluteAddress(lastRow, lastCol)}`;
}

/** A sheet name as it appears before "!": always quoted (safe for spaces, umlauts, digits). */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'QM Nord'!$B$3". */
export function sheetReference(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/** "AB12" → { row: 12, col: 28 }; throws for anything else (the template writes only such addresses). */
export function parseCellAddress(address: string): { row: number; col: number } {
  const position = parsePosition(address);
  if (!position) throw new Error(`Keine Zelladresse: ${address}`);
  return position;
}

/** Every cell address of a range ("B12:B14" → B12, B13, B14), row by row. */
export function cellsOfRange(range: string): string[] {
  const [first, last = first] = range.split(":");
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  const out: string[] = [];
  for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) out.push(cellAddress(row, col));
  return out;
}
