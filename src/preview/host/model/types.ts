/**
 * The data of the simulated workbook. Plain data (serialisable as JSON), so that a snapshot is
 * nearly a copy of it. Rows and columns are zero-based.
 */
import type { Rect } from "../address";

/** A constant a cell can hold. */
export type Scalar = number | string | boolean;

/** A computed error value ("#DIV/0!") with the engine's or the QM function's message. */
export interface ErrorValue {
  error: string;
  message?: string;
}

/** What a cell shows after calculation: a constant, an error, or null for an empty cell. */
export type ComputedValue = Scalar | ErrorValue | null;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export interface BorderFormat {
  style: string;
  color: string;
  weight: string;
}

/**
 * Formatting of a cell, a whole column or a whole row. Absent keys inherit (cell → row →
 * column → default). `fillColor` absent means no fill: Office.js then reports "#FFFFFF" with
 * pattern "None", exactly as Excel does.
 */
export interface CellFormat {
  numberFormat?: string;
  fillColor?: string;
  fillPattern?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  underline?: string;
  strikethrough?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked?: boolean;
  formulaHidden?: boolean;
  borderTop?: BorderFormat;
  borderBottom?: BorderFormat;
  borderLeft?: BorderFormat;
  borderRight?: BorderFormat;
}

export interface Cell {
  /** The constant, when the cell holds no formula. */
  value?: Scalar;
  /** The formula as typed, with its leading "=". */
  formula?: string;
  format?: CellFormat;
}

export interface NameModel {
  name: string;
  /** The formula with leading "=", e.g. "='QM Nord'!$B$1" or "=0.5". */
  formula: string;
  comment: string;
  visible: boolean;
}

/** A data validation rule exactly as Office.js takes it (`{ list: { inCellDropDown, source } }` …). */
export type ValidationRule = Record<string, unknown>;

export interface ValidationModel {
  rects: Rect[];
  rule: ValidationRule;
  ignoreBlanks: boolean;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

export interface ConditionalFormatStyle {
  fillColor?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
}

export interface ConditionalFormatModel {
  id: string;
  /** "CellValue", "Custom", … as `Excel.ConditionalFormatType`. */
  type: string;
  rects: Rect[];
  stopIfTrue: boolean;
  /** CellValue: `{ formula1, formula2?, operator }`; Custom: `{ formula }`. */
  rule: Record<string, unknown>;
  format: ConditionalFormatStyle;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  /** The source range, as given to `charts.add` (the sheet by its id, which survives renames). */
  sourceSheetId: string;
  source: Rect;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendVisible: boolean;
  legendPosition: string;
  /** Position in points. */
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface ProtectionModel {
  protected: boolean;
  options: Record<string, boolean>;
  password?: string;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";
