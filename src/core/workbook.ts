/**
 * A workbook as the compliance check's readers see it: cell values (as last computed), merged
 * areas and defined names. Both readers — exceljs in the CLI, Office.js in the task pane —
 * produce this snapshot; everything after it (finding the plan, the rules) is pure core and
 * does not care where the workbook came from.
 */

/** An Excel error value such as `#DIV/0!` or `#REF!`. */
export interface ErrorValue {
  kind: "error";
  code: string;
}

/** A formula whose result the file does not carry (exceljs writes none; nothing has computed it). */
export interface UncomputedFormula {
  kind: "formula";
  formula: string;
}

/** What a non-empty cell holds. Empty cells are absent from the snapshot. */
export type CellValue = number | string | boolean | ErrorValue | UncomputedFormula;

export interface SheetSnapshot {
  name: string;
  /** Non-empty cells by A1 address without `$` ("B3"). */
  cells: ReadonlyMap<string, CellValue>;
  /** Merged areas as A1 ranges ("C1:D2"); the value sits in the top-left cell. */
  merges: readonly string[];
  /**
   * Set when the workbook lists the sheet but its content could not be read (a file reader
   * found its part missing). The check reports such a sheet instead of leaving it out.
   */
  problem?: SheetProblem;
}

/** Why a listed sheet has no readable content. */
export interface SheetProblem {
  kind: "missing";
  /** The part of the file the sheet's content should be in ("xl/worksheets/sheet3.xml"), when known. */
  part?: string;
}

export interface DefinedNameSnapshot {
  name: string;
  /** The sheet the name is scoped to, or undefined for a workbook-wide name. */
  scope?: string;
  /** What the name refers to, as Excel shows it without "=" ("'QM Nord'!$B$3"). */
  reference: string;
}

export interface WorkbookSnapshot {
  sheets: readonly SheetSnapshot[];
  names: readonly DefinedNameSnapshot[];
}

export function isErrorValue(v: CellValue | undefined): v is ErrorValue {
  return typeof v === "object" && v.kind === "error";
}

export function isUncomputedFormula(v: CellValue | undefined): v is UncomputedFormula {
  return typeof v === "object" && v.kind === "formula";
}

/** Excel's error codes: a text cell in Office.js looks the same, so readers tell them apart by type. */
export const ERROR_CODES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
];

// --- A1 addresses ---------------------------------------------------------------------------

export interface CellPosition {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addressOf(row: number, col: number): string {
  return columnLetters(col) + row;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" or "$B$3" → position; undefined for anything else. */
export function parseCellAddress(address: string): CellPosition | undefined {
  const m = CELL.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

export interface RangePosition {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3", "$B$3:$D$3" → the rectangle; undefined for anything else (whole rows, several areas …). */
export function parseRangeAddress(address: string): RangePosition | undefined {
  const [a, b, extra] = address.split(":");
  if (extra !== undefined) return undefined;
  const start = parseCellAddress(a);
  const end = b === undefined ? start : parseCellAddress(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** A sheet name as it must appear in a reference: quoted when it is not a plain word. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "'QM Nord'!B3": the sheet-qualified address shown in findings and used to select a cell. */
export function qualifiedAddress(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

export interface SheetReference {
  sheet: string;
  range: RangePosition;
}

/**
 * Splits a defined name's reference ("'QM Nord'!$C$20:$E$20", "=Parameter!$B$2") into sheet
 * and rectangle. Undefined for what is not one rectangle on one sheet: `#REF!`, formulas,
 * constants, several areas.
 */
export function parseSheetReference(reference: string): SheetReference | undefined {
  const text = reference.trim().replace(/^=/, "");
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    if (!m) return undefined;
    sheet = m[1].replace(/''/g, "'");
    rest = m[2];
  } else {
    const bang = text.indexOf("!");
    if (bang <= 0) return undefined;
    sheet = text.slice(0, bang);
    rest = text.slice(bang + 1);
    if (/[\s'!(),;"]/.test(sheet)) return undefined;
  }
  const range = parseRangeAddress(rest);
  return range ? { sheet, range } : undefined;
}
