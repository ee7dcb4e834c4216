/**
 * The simulated workbook: sheets, defined names, settings, selection, and the formula engine
 * kept in step with them. Every change goes through this class (or the cell and format
 * functions beside it), so that the engine stays in sync and one change event per batch tells
 * the grid what to redraw.
 */
import { MAX_COLUMNS, Rect, parseReference, quoteSheetName, rectAddress } from "../address";
import { FormulaEngine } from "../engine/formulaEngine";
import { officeError } from "../errors";
import type { NumberLocale } from "../numberFormat";
import type { QmFunction } from "../../../functions/result";
import { SheetModel } from "./sheet";
import { activateSheetFromUser, cellView, selectFromUser, setCellFromUser, type CellView, type UserActionResult } from "./user";
import { isErrorValue, type ComputedValue, type NameModel } from "./types";

/** What one batch changed. Sheet lists hold the current names of the sheets concerned. */
export interface ModelChange {
  /** "api": a context.sync(); "user": a person typed or clicked in the grid; "load": a snapshot was loaded. */
  source: "api" | "user" | "load";
  /** Sheets added, deleted, renamed, moved, hidden, recoloured, or the active sheet changed. */
  structure: boolean;
  /** Sheets whose cell contents changed. Formulas may recalculate anywhere: redraw the visible sheet. */
  cells: string[];
  /** Sheets whose formats, sizes, merges, data validation or conditional formats changed. */
  formats: string[];
  /** Sheets whose charts, protection or frozen panes changed. */
  objects: string[];
  names: boolean;
  selection: boolean;
  settings: boolean;
}

export type ChangeKind = "cells" | "formats" | "objects";

export type ModelListener = (change: ModelChange) => void;

/** A user's edit, as the Excel API's onChanged handlers see it. */
export interface UserEdit {
  sheet: SheetModel;
  rect: Rect;
}

export interface Scoped<T> {
  item: T;
  /** The sheet of a sheet-scoped name; undefined for a workbook-scoped one. */
  sheet?: SheetModel;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

export class WorkbookModel {
  readonly engine: FormulaEngine;
  readonly sheets: SheetModel[] = [];
  /** Workbook-scoped defined names, keyed by upper-case name. */
  readonly names = new Map<string, NameModel>();
  /** Add-in settings (Office.context.document.settings, workbook.settings); saved with the file. */
  readonly settings = new Map<string, unknown>();
  activeSheet!: SheetModel;
  /** `application.calculationMode`; the engine always calculates, the value is only kept. */
  calculationMode = "Automatic";
  /** Locale of `range.text` and of what users type ("de": 1.234,50). */
  locale: NumberLocale;
  /** Listeners the Excel API's onChanged / onSelectionChanged handlers hang on. */
  readonly userEditHooks = new Set<(edit: UserEdit) => void>();
  readonly userSelectionHooks = new Set<(sheet: SheetModel) => void>();

  private readonly listeners = new Set<ModelListener>();
  private depth = 0;
  private pending = emptyPending("api");
  private nextId = 1;

  constructor(options: { functions?: readonly QmFunction[]; locale?: NumberLocale } = {}) {
    this.engine = new FormulaEngine(options.functions ?? []);
    this.locale = options.locale ?? "de";
  }

  /** A number unique within this workbook, for the ids of sheets, charts and formats. */
  newId(): number {
    return this.nextId++;
  }

  // ---- change events -------------------------------------------------------------------

  /** Subscribes to change events (one per sync, user edit or load); returns the unsubscribe. */
  onChange(listener: ModelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` as one batch: whatever it changes is reported in a single event at the end. */
  batch<T>(source: ModelChange["source"], fn: () => T): T {
    if (this.depth === 0) this.pending = emptyPending(source);
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      if (this.depth === 0) this.emit();
    }
  }

  /**
   * Every calculation the add-in asked for, in order: `Application.calculate(full)` as "full",
   * `Worksheet.calculate` with the sheet's name. Tests read it to see what was recalculated.
   */
  readonly calculations: Array<{ kind: "full" } | { kind: "sheet"; sheet: string }> = [];

  /** Excel's Application.calculate(full): every formula again, reported as a change of every sheet. */
  recalculateAll(): void {
    this.calculations.push({ kind: "full" });
    this.engine.recalculateAll();
    for (const sheet of this.sheets) this.markChanged("cells", sheet);
  }

  /**
   * Excel's Worksheet.calculate(true): every formula of this sheet again (markAllDirty), also
   * those whose inputs lie outside the cells (QM.* after a change of the figures); cells on
   * other sheets that depend on them follow, as in automatic calculation. Incremental: the
   * engine recomputes only these formulas and their dependents, not the workbook. Without
   * markAllDirty Excel computes only dirty cells, which the engine keeps current: only recorded.
   */
  recalculateSheet(sheet: SheetModel, markAllDirty = true): void {
    this.calculations.push({ kind: "sheet", sheet: sheet.name });
    if (markAllDirty) this.engine.markDirty(sheet.engineId, sheet.formulaPositions());
    this.markChanged("cells", sheet);
  }

  markChanged(kind: ChangeKind, sheet: SheetModel): void {
    this.pending[kind].add(sheet);
  }

  markStructure(): void {
    this.pending.structure = true;
  }

  markNames(): void {
    this.pending.names = true;
  }

  markSelection(): void {
    this.pending.selection = true;
  }

  markSettings(): void {
    this.batch(this.pending.source, () => {
      this.pending.settings = true;
    });
  }

  private emit(): void {
    const p = this.pending;
    const names = (set: Set<SheetModel>) => [...set].filter((s) => !s.deleted).map((s) => s.name);
    const change: ModelChange = {
      source: p.source,
      structure: p.structure,
      cells: names(p.cells),
      formats: names(p.formats),
      objects: names(p.objects),
      names: p.names,
      selection: p.selection,
      settings: p.settings,
    };
    const changed = change.structure || change.names || change.selection || change.settings || p.cells.size + p.formats.size + p.objects.size > 0;
    if (!changed) return;
    for (const l of [...this.listeners]) l(change);
  }

  // ---- sheets --------------------------------------------------------------------------

  findSheet(name: string): SheetModel | undefined {
    const upper = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === upper);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** A name for a new sheet: "Tabelle1", "Tabelle2", … (German Excel) or "Sheet1", … */
  private defaultSheetName(): string {
    const base = this.locale === "de" ? "Tabelle" : "Sheet";
    for (let i = 1; ; i++) if (!this.findSheet(base + i)) return base + i;
  }

  private checkSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw officeError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
    }
    const existing = this.findSheet(name);
    if (existing && existing !== except) throw officeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}.`);
  }

  addSheet(name?: string): SheetModel {
    return this.batch(this.pending.source, () => {
      const sheetName = name ?? this.defaultSheetName();
      this.checkSheetName(sheetName);
      const engineId = this.engine.addSheet(sheetName);
      const id = `{5C1A${String(this.newId()).padStart(4, "0")}-0000-4000-8000-000000000000}`;
      const sheet = new SheetModel(id, sheetName, engineId);
      this.sheets.push(sheet);
      if (!this.activeSheet) this.activeSheet = sheet;
      this.markStructure();
      return sheet;
    });
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.batch(this.pending.source, () => {
      this.checkSheetName(name, sheet);
      const old = sheet.name;
      this.engine.renameSheet(sheet.engineId, name);
      sheet.name = name;
      this.refreshReferencesTo(old);
      this.markStructure();
    });
  }

  /** After a rename, formulas and names that mentioned the old sheet name take the engine's new text. */
  private refreshReferencesTo(oldName: string): void {
    const needle = oldName.toUpperCase();
    for (const s of this.sheets) {
      for (const [key, cell] of s.cells) {
        if (cell.formula && cell.formula.toUpperCase().includes(needle)) {
          const row = Math.floor(key / MAX_COLUMNS);
          const col = key % MAX_COLUMNS;
          cell.formula = this.engine.formulaOf(s.engineId, row, col) ?? cell.formula;
          this.markChanged("cells", s);
        }
      }
      for (const n of s.names.values()) {
        if (n.formula.toUpperCase().includes(needle)) n.formula = this.engine.nameFormula(n.name, s.engineId) ?? n.formula;
      }
    }
    for (const n of this.names.values()) {
      if (n.formula.toUpperCase().includes(needle)) n.formula = this.engine.nameFormula(n.name) ?? n.formula;
    }
    this.markNames();
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetModel): void {
    this.batch(this.pending.source, () => {
      if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      for (const n of sheet.names.values()) this.engine.removeName(n.name, sheet.engineId);
      this.engine.removeSheet(sheet.engineId);
      const index = this.sheets.indexOf(sheet);
      this.sheets.splice(index, 1);
      sheet.deleted = true;
      if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[Math.min(index, this.visibleSheets().length - 1)] ?? this.visibleSheets()[0];
      this.markStructure();
      this.markNames();
    });
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw officeError("InvalidArgument", `The position ${position} is out of range.`);
    }
    this.batch(this.pending.source, () => {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      this.sheets.splice(position, 0, sheet);
      this.markStructure();
    });
  }

  setVisibility(sheet: SheetModel, visibility: SheetModel["visibility"]): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw officeError("InvalidArgument", `Unknown visibility ${visibility}.`);
    this.batch(this.pending.source, () => {
      if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = visibility;
      if (visibility !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
      this.markStructure();
    });
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", `The sheet "${sheet.name}" is hidden and cannot be activated.`);
    this.batch(this.pending.source, () => {
      if (this.activeSheet !== sheet) {
        this.activeSheet = sheet;
        this.markStructure();
        this.markSelection();
      }
    });
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.batch(this.pending.source, () => {
      this.activate(sheet);
      sheet.selection = rect;
      this.markSelection();
    });
  }

  // ---- defined names -------------------------------------------------------------------

  private namesOf(scope?: SheetModel): Map<string, NameModel> {
    return scope ? scope.names : this.names;
  }

  /** Adds a defined name; `formula` with or without "=". `scope` is its sheet, or none for the workbook. */
  addName(name: string, formula: string, comment = "", scope?: SheetModel): NameModel {
    return this.batch(this.pending.source, () => {
      checkDefinedName(name);
      const store = this.namesOf(scope);
      if (store.has(name.toUpperCase())) throw officeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const f = formula.startsWith("=") ? formula : "=" + formula;
      this.engine.addName(name, f, scope?.engineId);
      const model: NameModel = { name, formula: f, comment, visible: true };
      store.set(name.toUpperCase(), model);
      this.markNames();
      this.markChanged("cells", scope ?? this.activeSheet);
      return model;
    });
  }

  setNameFormula(item: Scoped<NameModel>, formula: string): void {
    this.batch(this.pending.source, () => {
      const f = formula.startsWith("=") ? formula : "=" + formula;
      if (!this.engine.isValidFormula(f)) throw officeError("InvalidArgument", `The formula "${formula}" is not valid.`);
      this.engine.changeName(item.item.name, f, item.sheet?.engineId);
      item.item.formula = f;
      this.markNames();
      this.markChanged("cells", item.sheet ?? this.activeSheet);
    });
  }

  deleteName(item: Scoped<NameModel>): void {
    this.batch(this.pending.source, () => {
      this.engine.removeName(item.item.name, item.sheet?.engineId);
      this.namesOf(item.sheet).delete(item.item.name.toUpperCase());
      this.markNames();
      this.markChanged("cells", item.sheet ?? this.activeSheet);
    });
  }

  findName(name: string, scope?: SheetModel): Scoped<NameModel> | undefined {
    const item = this.namesOf(scope).get(name.toUpperCase());
    return item ? { item, sheet: scope } : undefined;
  }

  /** A name as a formula on `contextSheet` sees it: the sheet's own name first, then the workbook's. */
  lookupName(name: string, contextSheet?: SheetModel): Scoped<NameModel> | undefined {
    return (contextSheet && this.findName(name, contextSheet)) || this.findName(name);
  }

  /** The cells a name refers to, or undefined when its formula is not a reference. */
  nameRange(item: Scoped<NameModel>): { sheet: SheetModel; rect: Rect } | undefined {
    const ref = parseReference(item.item.formula);
    if (!ref) return undefined;
    const sheet = ref.sheet !== undefined ? this.findSheet(ref.sheet) : item.sheet;
    return sheet ? { sheet, rect: ref.rect } : undefined;
  }

  /** Office.js NamedItem `type` and `value` of a name. */
  nameInfo(item: Scoped<NameModel>): { type: string; value: unknown } {
    const range = this.nameRange(item);
    if (range) return { type: "Range", value: `${quoteSheetName(range.sheet.name)}!${rectAddress(range.rect, true)}` };
    if (parseReference(item.item.formula)) return { type: "Error", value: "#REF!" };
    const sheet = item.sheet ?? this.sheets[0];
    const v = this.engine.evaluate(item.item.formula, sheet.engineId);
    if (Array.isArray(v)) return { type: "Array", value: item.item.formula.slice(1) };
    return computedInfo(v);
  }

  // ---- what a person does in the preview's grid -----------------------------------------

  /** A person typed `text` into a cell ("=…" formula, "12.345,67", "ja"); refused where Excel would refuse. */
  setCellFromUser(sheetName: string, address: string, text: string): UserActionResult {
    return setCellFromUser(this, sheetName, address, text);
  }

  selectFromUser(sheetName: string, address: string): UserActionResult {
    return selectFromUser(this, sheetName, address);
  }

  activateSheetFromUser(sheetName: string): UserActionResult {
    return activateSheetFromUser(this, sheetName);
  }

  /** What the grid draws for a cell: shown text, value, formula, format, merged area. */
  cellView(sheet: SheetModel, row: number, col: number): CellView {
    return cellView(this, sheet, row, col);
  }

  // ---- settings ------------------------------------------------------------------------

  setSetting(key: string, value: unknown): void {
    this.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
    this.markSettings();
  }

  removeSetting(key: string): void {
    if (this.settings.delete(key)) this.markSettings();
  }
}

function computedInfo(v: ComputedValue): { type: string; value: unknown } {
  if (v === null) return { type: "String", value: "" };
  if (isErrorValue(v)) return { type: "Error", value: v.error };
  if (typeof v === "number") return { type: "Double", value: v };
  if (typeof v === "boolean") return { type: "Boolean", value: v };
  return { type: "String", value: v };
}

/** Excel's rules for a defined name: starts with a letter, "_" or "\"; no cell address; ≤ 255 chars. */
export function checkDefinedName(name: string): void {
  const ok =
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !parseReference(name) &&
    !/^[RC]$/i.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  if (!ok) throw officeError("InvalidArgument", `The name "${String(name)}" is not a valid defined name.`);
}

interface Pending {
  source: ModelChange["source"];
  structure: boolean;
  cells: Set<SheetModel>;
  formats: Set<SheetModel>;
  objects: Set<SheetModel>;
  names: boolean;
  selection: boolean;
  settings: boolean;
}

function emptyPending(source: ModelChange["source"]): Pending {
  return {
    source,
    structure: false,
    cells: new Set(),
    formats: new Set(),
    objects: new Set(),
    names: false,
    selection: false,
    settings: false,
  };
}
