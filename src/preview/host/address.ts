/**
 * A1 addresses and rectangles of cells, as Excel spells them. Rows and columns are zero-based
 * inside the host; addresses are what Office.js shows ("'QM Nord'!B2:D2", "Parameter!A:A").
 */
import { columnIndex as coreColumnIndex, columnLetters as coreColumnLetters } from "../../core/workbook";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells: top-left corner (zero-based) and size. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const WHOLE_SHEET: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS };

/** Zero-based column → letters (0 → "A"); the core's A1 helpers count from 1. */
export function columnLetters(col: number): string {
  return coreColumnLetters(col + 1);
}

/** Letters → zero-based column ("A" → 0). */
export function columnIndex(letters: string): number {
  return coreColumnIndex(letters) - 1;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function isFullColumns(r: Rect): boolean {
  return r.row === 0 && r.rows === MAX_ROWS;
}

export function isFullRows(r: Rect): boolean {
  return r.col === 0 && r.cols === MAX_COLUMNS;
}

/** "B2", "B2:D5", "A:C" (whole columns), "2:4" (whole rows), like Office.js `address`. */
export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isFullColumns(r) && !isFullRows(r)) {
    return `${d}${columnLetters(r.col)}:${d}${columnLetters(r.col + r.cols - 1)}`;
  }
  if (isFullRows(r)) return `${d}${r.row + 1}:${d}${r.row + r.rows}`;
  const first = cellAddress(r.row, r.col, absolute);
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is a plain identifier that
 * cannot be mistaken for a cell, otherwise in single quotes with inner quotes doubled.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(r, absolute)}`;
}

export interface ParsedReference {
  /** The sheet named in the reference, unquoted; undefined when none was given. */
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCorner(text: string): { row?: number; col?: number } | undefined {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

/** Parses "A1", "$A$1:C5", "A:C", "2:4", "Sheet!A1", "'QM Nord'!B2:D2" (optionally after "="). */
export function parseReference(text: string): ParsedReference | undefined {
  let s = text.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  let sheet: string | undefined;
  const sheetMatch = /^(?:'((?:[^']|'')+)'|([^!'"=:()]+))!(.+)$/.exec(s);
  if (sheetMatch) {
    sheet = sheetMatch[1] !== undefined ? sheetMatch[1].replace(/''/g, "'") : sheetMatch[2];
    s = sheetMatch[3];
  }
  const parts = s.split(":");
  if (parts.length > 2) return undefined;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return undefined;
  // Both corners must be of the same kind: cells, whole columns or whole rows.
  const kind = (c: { row?: number; col?: number }) => (c.row !== undefined ? 1 : 0) + (c.col !== undefined ? 2 : 0);
  if (kind(a) !== kind(b)) return undefined;
  if (parts.length === 1 && kind(a) !== 3) return undefined;
  const r0 = Math.min(a.row ?? 0, b.row ?? 0);
  const r1 = a.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? 0);
  const c0 = Math.min(a.col ?? 0, b.col ?? 0);
  const c1 = a.col === undefined ? MAX_COLUMNS - 1 : Math.max(a.col, b.col ?? 0);
  if (r1 >= MAX_ROWS || c1 >= MAX_COLUMNS || r0 < 0 || c0 < 0) return undefined;
  return { sheet, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
}

export function isInside(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return undefined;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  const i = intersect(outer, inner);
  return i !== undefined && i.rows === inner.rows && i.cols === inner.cols;
}

/** The parts of `a` outside `b`, as up to four rectangles (above, below, left, right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.row > a.row) out.push({ row: a.row, col: a.col, rows: i.row - a.row, cols: a.cols });
  const aEnd = a.row + a.rows;
  const iEnd = i.row + i.rows;
  if (iEnd < aEnd) out.push({ row: iEnd, col: a.col, rows: aEnd - iEnd, cols: a.cols });
  if (i.col > a.col) out.push({ row: i.row, col: a.col, rows: i.rows, cols: i.col - a.col });
  const aColEnd = a.col + a.cols;
  const iColEnd = i.col + i.cols;
  if (iColEnd < aColEnd) out.push({ row: i.row, col: iColEnd, rows: i.rows, cols: aColEnd - iColEnd });
  return out;
}

export function area(r: Rect): number {
  return r.rows * r.cols;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}
