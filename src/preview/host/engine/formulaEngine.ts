/**
 * The formula engine of the simulated host: a HyperFormula instance kept in step with the
 * workbook model (cells, sheets, defined names). GPL-3 licence key, so this file must only be
 * reached from the preview and from tests, never from the add-in's production bundle.
 *
 * Writes suspend evaluation; the first read after them resumes it, so a sync that writes
 * thousands of cells recalculates once, not once per cell.
 */
import { AlwaysSparse, DetailedCellError, ErrorType, HyperFormula } from "hyperformula";
import type { CellValue, RawCellContent } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { officeError } from "../errors";
import type { QmFunction } from "../../../functions/result";
import type { ComputedValue, Scalar } from "../model/types";
import { registerQmFunctions, type QmEngineContext } from "./qmPlugin";
import { registerExcelRound } from "./roundPlugin";

export class FormulaEngine {
  private instance?: HyperFormula;
  /** Sheets added before the engine was built: replayed in order, so their ids (0, 1, …) hold. */
  private readonly queuedSheets: string[] = [];
  private readonly build: () => HyperFormula;

  constructor(functions: readonly QmFunction[]) {
    this.build = () => this.buildEngine(functions);
  }

  /**
   * HyperFormula is set up at its first use, not when the host is created: in the browser
   * preview the host is created before the pane's first render, which need not wait for it.
   */
  private get hf(): HyperFormula {
    if (!this.instance) {
      this.instance = this.build();
      for (const name of this.queuedSheets.splice(0)) this.instance.addSheet(name);
    }
    return this.instance;
  }

  private buildEngine(functions: readonly QmFunction[]): HyperFormula {
    registerQmFunctions(functions);
    registerExcelRound();
    const context: QmEngineContext = { functions: new Map(functions.map((f) => [f.name.toUpperCase(), f])) };
    const hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      chooseAddressMappingPolicy: new AlwaysSparse(),
      // Excel: a reference to an empty cell counts as 0 in arithmetic.
      evaluateNullToZero: true,
      undoLimit: 0,
      useStats: false,
      context,
    });
    // Excel reads TRUE and FALSE as literals; HyperFormula knows only the functions TRUE() and
    // FALSE() and would look the bare words up as names.
    hf.addNamedExpression("TRUE", "=TRUE()");
    hf.addNamedExpression("FALSE", "=FALSE()");
    return hf;
  }

  addSheet(name: string): number {
    // A fresh HyperFormula numbers its sheets 0, 1, … in the order they are added.
    if (!this.instance) return this.queuedSheets.push(name) - 1;
    const added = this.hf.addSheet(name);
    return this.hf.getSheetId(added) as number;
  }

  renameSheet(id: number, name: string): void {
    this.hf.renameSheet(id, name);
  }

  removeSheet(id: number): void {
    this.hf.removeSheet(id);
  }

  /**
   * Recomputes every formula, also those whose inputs the engine cannot see: the QM.* functions
   * read the workbook's parameters, which live outside the cells.
   */
  recalculateAll(): void {
    this.resume();
    this.hf.rebuildAndRecalculate();
  }

  /**
   * Marks these cells of a sheet dirty, so that their formulas and what depends on them are
   * computed anew at the next read — Excel's `Worksheet.calculate(true)` (markAllDirty).
   *
   * HyperFormula's public API has no "mark dirty": entering each formula again would do, but
   * parses it and rebuilds its vertex (~0,2 ms a formula, most of a Parameter save on 100
   * Quartiere). Its dependency graph (`@internal`, typed) marks a vertex in constant time, and
   * the evaluation that follows is the same partial run a cell edit triggers.
   */
  markDirty(sheet: number, cells: ReadonlyArray<{ row: number; col: number }>): void {
    if (cells.length === 0) return;
    this.suspend();
    const { dependencyGraph, graph } = this.hf;
    for (const { row, col } of cells) {
      const vertex = dependencyGraph.getCell({ sheet, row, col });
      if (vertex !== undefined) graph.markNodeAsDirty(vertex);
    }
  }

  isValidFormula(formula: string): boolean {
    return this.hf.validateFormula(formula);
  }

  /** Puts a constant (strings stay text, never parsed), a formula, or nothing into a cell. */
  setCell(sheet: number, row: number, col: number, content: { value?: Scalar; formula?: string }): void {
    this.suspend();
    let raw: RawCellContent = null;
    if (content.formula !== undefined) raw = content.formula;
    else if (typeof content.value === "string") raw = "'" + content.value;
    else if (content.value !== undefined) raw = content.value;
    this.hf.setCellContents({ sheet, row, col }, raw);
  }

  value(sheet: number, row: number, col: number): ComputedValue {
    this.resume();
    return toComputed(this.hf.getCellValue({ sheet, row, col }));
  }

  /** The engine's spelling of a cell's formula (after a sheet rename it names the new sheet). */
  formulaOf(sheet: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row, col });
  }

  /** Adds a defined name; `scope` is the engine id of its sheet, undefined for the workbook. */
  addName(name: string, formula: string, scope?: number): void {
    this.suspend();
    if (!this.hf.isItPossibleToAddNamedExpression(name, formula, scope)) {
      throw officeError("InvalidArgument", `The name "${name}" or its formula "${formula}" is not valid.`);
    }
    this.hf.addNamedExpression(name, formula, scope);
  }

  changeName(name: string, formula: string, scope?: number): void {
    this.suspend();
    this.hf.changeNamedExpression(name, formula, scope);
  }

  removeName(name: string, scope?: number): void {
    this.suspend();
    this.hf.removeNamedExpression(name, scope);
  }

  nameFormula(name: string, scope?: number): string | undefined {
    return this.hf.getNamedExpressionFormula(name, scope);
  }

  /** Evaluates a formula as if it stood on the given sheet (for names that are not ranges). */
  evaluate(formula: string, sheet: number): ComputedValue | ComputedValue[][] {
    this.resume();
    const v = this.hf.calculateFormula(formula, sheet);
    return Array.isArray(v) ? v.map((row) => row.map(toComputed)) : toComputed(v);
  }

  private suspend(): void {
    if (!this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
  }

  private resume(): void {
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
  }
}

function toComputed(v: CellValue): ComputedValue {
  if (v instanceof DetailedCellError) {
    switch (v.type) {
      // Excel shows 0 for a circular reference (and warns); it has no #CYCLE! value.
      case ErrorType.CYCLE:
        return 0;
      case ErrorType.ERROR:
        return { error: "#NAME?", message: v.message };
      default:
        return { error: v.value, message: v.message };
    }
  }
  if (v === null || v === undefined) return null;
  return v;
}
