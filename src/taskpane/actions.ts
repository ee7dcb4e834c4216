/**
 * What the task pane can ask of Excel. The components receive these as props and never touch
 * Office.js; `excelActions.ts` binds them to the adapters in `src/excel`, tests and the
 * preview bind the same adapters to the simulated host.
 */
import type { MarkResult, UnmarkResult } from "../excel/highlight";
import type { BudgetCellsInput, InsertBudgetResult } from "../excel/insertBudget";
import type { SelectedRows } from "../excel/writeTemplate";
import type { ParameterChange, SaveOptions, WorkbookParameters } from "../excel/parameters";
import type { CellRef, WorkbookPlan } from "../core/plan";
import type { CheckResult, Finding } from "../core/rules";
import type { SheetRenaming, TemplatePlan } from "../core/template";
import type { Progress } from "./components/useTask";
import type { Language } from "../core/format";
import type { Consolidation } from "../core/consolidation/consolidate";

export interface BudgetActions {
  insertBudget(input: BudgetCellsInput): Promise<InsertBudgetResult>;
}

export interface ParameterActions {
  /** Reads the workbook's parameters; changes nothing (the store hands them to the QM.* functions). */
  loadParameters(): Promise<WorkbookParameters>;
  /** Writes them; `options.onWrite` is where the store hands them to the functions. */
  saveParameters(change: ParameterChange, options?: SaveOptions): Promise<WorkbookParameters>;
  /** A full calculation, so QM.* cells show what the functions compute with now. */
  recalculate(): Promise<void>;
  /** Calls `onEdit` with the sheet's id whenever a person edits cells (so figures typed into the Parameter sheet are seen). */
  watchUserEdits(onEdit: (worksheetId: string) => void): Promise<void>;
}

export interface CompareActions {
  /** The plans of every Quartier sheet of the open workbook. */
  readWorkbookPlan(): Promise<WorkbookPlan>;
  /**
   * Reads and checks submitted .xlsx files with the CLI's bounded reader and consolidates them
   * (optional: a host without file reading leaves the section out).
   */
  consolidateFiles?(files: readonly SubmittedFile[], onProgress: (p: Progress) => void): Promise<Consolidation>;
  /** Writes the comparison workbook's sheets and chart into the open workbook as new sheets, overwriting nothing. */
  writeComparison?(c: Consolidation): Promise<ComparisonWriteResult>;
}

/** A file the user picked: its name and its bytes (a browser `File` is one). */
export interface SubmittedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ComparisonWriteResult {
  sheets: string[];
  renamed: SheetRenaming[];
}

export type CheckScope = "sheet" | "workbook";

export interface CheckActions {
  /**
   * Reads the active sheet (or, given `sheet`, that one) or every sheet and checks it against
   * the standard; `checkedSheet` names the sheet a sheet check read, for checking it anew.
   */
  check(scope: CheckScope, sheet?: string): Promise<CheckResult & { checkedSheet?: string }>;
  selectCell(cell: CellRef): Promise<void>;
  /** Highlights the findings' cells (not on sheets protected against formatting). */
  highlight(findings: readonly Finding[]): Promise<MarkResult>;
  /** Removes exactly the highlights added, restoring the cells' own formats. */
  removeHighlights(): Promise<UnmarkResult>;
  /** Writes the Prüfbericht sheet (in the pane's language); returns its name. */
  writeReport(result: CheckResult, lang?: Language): Promise<string>;
  /** Calls `onEdit` when a person edits cells, so the findings can be checked anew (optional: not every host has events). */
  watchUserEdits?(onEdit: (worksheetId: string) => void): Promise<void>;
  /** Calls `onSelect` with the cell the user selects, so the pane can say why it is marked. */
  watchSelection?(onSelect: (cell: CellRef) => void): Promise<void>;
}

export interface TemplateResult {
  /** Names of the sheets created. */
  sheets: string[];
  /** Sheets that got another name than asked for, because the name was taken. */
  renamed: SheetRenaming[];
  /** Set by "Quartiere hinzufügen": the Vergleich sheet over all Quartiere, and the plan years taken from the workbook. */
  added?: { comparison: string; replaced: boolean; years: number[] };
}

export interface TemplateActions {
  /** The selected range's address and its values, row by row. */
  readSelection(): Promise<SelectedRows>;
  /** Writes the template; `lang` "en" labels its sheets in English. */
  createTemplate(plan: TemplatePlan, onProgress: (p: Progress) => void, lang?: Language): Promise<TemplateResult>;
  /** New Quartier sheets in a workbook with a plan, the Vergleich extended (optional: hosts without it show no button). */
  addNeighbourhoods?(plan: TemplatePlan, onProgress: (p: Progress) => void): Promise<TemplateResult>;
}

export type TaskpaneActions = BudgetActions & ParameterActions & CompareActions & CheckActions & TemplateActions;
