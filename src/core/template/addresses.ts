/** A1 addresses and sheet references, as Excel writes them in formulas and defined names. */

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

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

/** "AB12" → { row: 12, col: 28 }. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`Keine Zelladresse: ${address}`);
  const col = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
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
