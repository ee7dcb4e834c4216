/**
 * A planning workbook as data. The template builder fills it; the writers (exceljs in the CLI,
 * Office.js in the task pane) only render it, so both produce the same layout.
 *
 * Addresses are A1 strings within their sheet ("B3", "H21:J21"); rows and columns are also
 * given 1-based for writers that work with indices. Formulas are in Excel's invariant
 * (en-US) syntax without the leading "=" — comma separators, English function names — which
 * is what both exceljs and Office.js `Range.formulas` expect.
 */
import type { StyleKey } from "./styles";

export type CellConstant = string | number;

export interface CellModel {
  row: number;
  col: number;
  address: string;
  /** A constant; absent for formula cells and for empty (but formatted) input cells. */
  value?: CellConstant;
  /** A formula without the leading "=". */
  formula?: string;
  /**
   * What the formula computes when the workbook is written, worked out by the core from the
   * same rule. A writer that stores cached results (the .xlsx of the CLI) writes it, so a
   * program that reads without calculating (a viewer, the check of a file never opened in
   * Excel) sees the figures; Excel and LibreOffice compute the formula anew.
   */
  result?: number;
  numberFormat?: string;
  style?: StyleKey;
  /** False for input cells. Locked cells are protected when the sheet is protected. */
  locked: boolean;
}

/** An in-cell dropdown over a fixed list. */
export interface ListValidationModel {
  range: string;
  values: readonly string[];
  /** The alert for a value not in the list; absent: the writer's German one. */
  error?: { title: string; message: string };
}

/**
 * An input message (Excel's data-validation prompt, "any value" allowed) shown when a cell of
 * the ranges is selected: the Richtwert cells explain their rule with it. Ranges with the same
 * text are grouped, so each writer sends or writes it once. Title and message are cut to what
 * Excel stores (`PROMPT_LIMITS`).
 */
export interface PromptModel {
  ranges: string[];
  title: string;
  message: string;
}

/** Excel refuses longer input messages (title 32, message 255 characters). */
export const PROMPT_LIMITS = { title: 32, message: 255 } as const;

/**
 * A conditional format given as a formula that is TRUE where the format applies, written for
 * the range's top-left cell with relative references (as Excel's "use a formula" rule).
 */
export interface ConditionalFormatModel {
  range: string;
  formula: string;
  style: StyleKey;
}

/** A clustered column chart; only the Office.js writer renders charts (exceljs cannot). */
export interface ChartModel {
  title: string;
  /** The series' name in the legend; default: the title. */
  seriesName?: string;
  /** Two adjacent columns: the category labels, then the values (one series). */
  source: string;
  /** Where the chart is placed: the range its area covers. */
  position: string;
}

export type SheetRole = "parameters" | "neighbourhood" | "comparison";

export interface SheetModel {
  name: string;
  role: SheetRole;
  cells: CellModel[];
  /** Column widths in characters, by 1-based column index. */
  columnWidths: ReadonlyArray<{ col: number; width: number }>;
  validations: ListValidationModel[];
  prompts: PromptModel[];
  conditionalFormats: ConditionalFormatModel[];
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; cols: number };
  /** Protect the sheet without a password: formulas locked, inputs editable. */
  protect: boolean;
  chart?: ChartModel;
  /** A range with Excel's filter and sort buttons in its first row ("A4:W40"). */
  autoFilter?: string;
  /** How the sheet prints; absent: the program's defaults. */
  print?: PrintModel;
}

/** Page set-up of a sheet for printing (the budget office prints the comparison). */
export interface PrintModel {
  landscape: boolean;
  /** All columns on one page width, as many pages down as needed. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page ("4:4"). */
  repeatRows?: { first: number; last: number };
  /** Footer in Excel's header/footer codes (&P page, &N pages, &L/&C/&R sections); `&` in text as `&&`. */
  footer?: string;
}

export interface DefinedNameModel {
  name: string;
  /** The sheet the name points to. */
  sheet: string;
  /** Absolute address within that sheet ("$B$3", "$H$21:$J$21"). */
  address: string;
  /** "workbook": visible everywhere; "sheet": scoped to `sheet` (Excel's `localSheetId`). */
  scope: "workbook" | "sheet";
  comment?: string;
}

/** A sheet that got another name than the one asked for (clash with an existing sheet, too long …). */
export interface SheetRenaming {
  requested: string;
  actual: string;
  /**
   * Why, in order: "cleaned" (characters Excel forbids replaced, an apostrophe at an end
   * removed), "shortened" (over 31 characters, cut at a word boundary), "taken" (the name, in
   * any case, was in use, so " (2)" … was added). Messages say each, never "existed" for all.
   */
  reasons: RenameReason[];
}

export type RenameReason = "cleaned" | "shortened" | "taken" | "reserved";

export interface WorkbookModel {
  sheets: SheetModel[];
  names: DefinedNameModel[];
  renamed: SheetRenaming[];
}
