/**
 * `Excel.Worksheet`, `Excel.WorksheetCollection`, worksheet protection and frozen panes.
 */
import { MAX_COLUMNS, MAX_ROWS, WHOLE_SHEET, Rect, parseReference } from "../address";
import { officeError } from "../errors";
import { normalizeColor } from "../model/format";
import type { SheetModel } from "../model/sheet";
import type { SheetVisibility } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ChartCollectionProxy } from "./charts";
import { ClientCollection, ClientObject, ClientResult, type Navigable, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { EventHandlers, changedEventArgs, selectionEventArgs } from "./events";
import { NamedItemCollectionProxy } from "./names";
import { RangeAreasProxy, RangeProxy, rectOfArgument } from "./range";

/** A worksheet's `getRange(address)`: an A1 address on this sheet, or a name that refers to one. */
function rectOnSheet(wb: WorkbookModel, sheet: SheetModel, address?: string): Rect {
  if (address === undefined || address === "") return WHOLE_SHEET;
  const ref = parseReference(address);
  if (ref) {
    if (ref.sheet !== undefined && wb.findSheet(ref.sheet) !== sheet) {
      throw officeError("InvalidArgument", `The address "${address}" does not refer to the sheet "${sheet.name}".`);
    }
    return ref.rect;
  }
  const named = wb.lookupName(address, sheet);
  const range = named && wb.nameRange(named);
  if (range && range.sheet === sheet) return range.rect;
  throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: address "${address}".`);
}

function findCells(sheet: SheetModel, text: string, criteria: Excel.WorksheetSearchCriteria): Rect[] {
  const needle = criteria.matchCase ? text : text.toLowerCase();
  const rects: Rect[] = [];
  for (const { row, col, cell } of sheet.cellsIn(WHOLE_SHEET)) {
    const raw = cell.formula ?? cell.value;
    if (raw === undefined || raw === null) continue;
    const content = criteria.matchCase ? String(raw) : String(raw).toLowerCase();
    if (criteria.completeMatch ? content === needle : content.includes(needle)) rects.push({ row, col, rows: 1, cols: 1 });
  }
  return rects;
}

const WORKSHEET_SPEC: Spec<SheetModel> = {
  id: { get: (s) => s.id },
  name: { get: (s) => s.name, set: (s, v, wb) => wb.renameSheet(s, String(v)) },
  position: { get: (s, wb) => wb.sheets.indexOf(s), set: (s, v, wb) => wb.moveSheet(s, Number(v)) },
  visibility: { get: (s) => s.visibility, set: (s, v, wb) => wb.setVisibility(s, v as SheetVisibility) },
  tabColor: {
    get: (s) => s.tabColor,
    set: (s, v, wb) => {
      s.tabColor = v === "" || v === null ? "" : normalizeColor(v);
      wb.markStructure();
    },
  },
  showGridlines: {
    get: (s) => s.showGridlines,
    set: (s, v, wb) => {
      s.showGridlines = Boolean(v);
      wb.markChanged("formats", s);
    },
  },
  standardWidth: {
    get: (s) => s.standardWidth,
    set: (s, v, wb) => {
      s.standardWidth = Number(v);
      wb.markChanged("formats", s);
    },
  },
  standardHeight: { get: (s) => s.standardHeight },
};

export class WorksheetProxy extends ClientObject<SheetModel> implements Pick<Excel.Worksheet, "id" | "name" | "position" | "tabColor" | "showGridlines" | "standardWidth" | "standardHeight"> {
  protected readonly typeName = "Worksheet";
  protected readonly spec = WORKSHEET_SPEC;
  private parts?: { names: NamedItemCollectionProxy; protection: WorksheetProtectionProxy; charts: ChartCollectionProxy; freezePanes: WorksheetFreezePanesProxy };
  private changed?: EventHandlers;
  private selectionChanged?: EventHandlers;

  constructor(context: RequestContext, resolver: () => SheetModel | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  protected override isAlive(s: SheetModel): boolean {
    return !s.deleted;
  }

  private get nav() {
    const resolver = () => this.resolve();
    return (this.parts ??= {
      names: new NamedItemCollectionProxy(this.context, resolver),
      protection: new WorksheetProtectionProxy(this.context, resolver),
      charts: new ChartCollectionProxy(this.context, resolver),
      freezePanes: new WorksheetFreezePanesProxy(this.context, resolver),
    });
  }

  protected override navigation(): Record<string, Navigable> {
    return this.nav;
  }

  get id(): string {
    return this.read("id") as string;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.write("name", v);
  }
  get position(): number {
    return this.read("position") as number;
  }
  set position(v: number) {
    this.write("position", v);
  }
  get visibility(): Excel.SheetVisibility | string {
    return this.read("visibility") as string;
  }
  set visibility(v: Excel.SheetVisibility | string) {
    this.write("visibility", v);
  }
  get tabColor(): string {
    return this.read("tabColor") as string;
  }
  set tabColor(v: string) {
    this.write("tabColor", v);
  }
  get showGridlines(): boolean {
    return this.read("showGridlines") as boolean;
  }
  set showGridlines(v: boolean) {
    this.write("showGridlines", v);
  }
  get standardWidth(): number {
    return this.read("standardWidth") as number;
  }
  set standardWidth(v: number) {
    this.write("standardWidth", v);
  }
  get standardHeight(): number {
    return this.read("standardHeight") as number;
  }

  get names(): NamedItemCollectionProxy {
    return this.nav.names;
  }
  get protection(): WorksheetProtectionProxy {
    return this.nav.protection;
  }
  get charts(): ChartCollectionProxy {
    return this.nav.charts;
  }
  get freezePanes(): WorksheetFreezePanesProxy {
    return this.nav.freezePanes;
  }
  get onChanged(): EventHandlers {
    return (this.changed ??= new EventHandlers(this.context, (handler) =>
      this.hook(this.context.model.userEditHooks, (edit) => edit.sheet === this.resolve() && handler(changedEventArgs(edit))),
    ));
  }
  get onSelectionChanged(): EventHandlers {
    return (this.selectionChanged ??= new EventHandlers(this.context, (handler) =>
      this.hook(this.context.model.userSelectionHooks, (sheet) => sheet === this.resolve() && handler(selectionEventArgs(sheet))),
    ));
  }

  private hook<A>(hooks: Set<(a: A) => void>, fn: (a: A) => unknown): () => void {
    const listener = (a: A) => void fn(a);
    hooks.add(listener);
    return () => hooks.delete(listener);
  }

  private range(fn: (s: SheetModel, wb: WorkbookModel) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.resolve();
      if (s === null) return null;
      const rect = fn(s, this.context.model);
      return rect ? { sheet: s, rect } : null;
    });
  }

  getRange(address?: string): RangeProxy {
    return this.range((s, wb) => rectOnSheet(wb, s, address));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range(() => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (indexes outside the sheet).");
      }
      return { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Office.js returns A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range((s) => s.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range((s) => s.usedRect(valuesOnly) ?? null);
  }

  activate(): void {
    this.call("activate", (s, wb) => wb.activate(s));
  }

  delete(): void {
    this.call("delete", (s, wb) => wb.deleteSheet(s));
  }

  /**
   * Recalculates this sheet (recorded in `WorkbookModel.calculations`). Without markAllDirty
   * Excel computes only the sheet's dirty cells, and the engine keeps those current anyway, so
   * a QM.* cell stale after new figures stays stale — as in Excel.
   */
  calculate(markAllDirty: boolean): void {
    this.call("calculate", (s, wb) => wb.recalculateSheet(s, markAllDirty === true));
  }

  /**
   * Cells whose content contains `text`, as Excel's Find with "Look in: Formulas" sees it: a
   * formula cell by its formula text, another by its constant. Each cell is one area.
   */
  findAllOrNullObject(text: string, criteria: Excel.WorksheetSearchCriteria = {}): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const s = this.resolve();
      if (s === null) return null;
      const rects = findCells(s, text, criteria);
      return rects.length === 0 ? null : { sheet: s, rects };
    });
  }

  findAll(text: string, criteria: Excel.WorksheetSearchCriteria = {}): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const s = this.resolve();
      if (s === null) return null;
      const rects = findCells(s, text, criteria);
      if (rects.length === 0) throw officeError("ItemNotFound", `The requested resource doesn't exist: "${text}" on ${s.name}.`);
      return { sheet: s, rects };
    });
  }
}

export class WorksheetCollectionProxy extends ClientCollection<WorkbookModel, SheetModel, WorksheetProxy> {
  protected readonly typeName = "WorksheetCollection";
  private changed?: EventHandlers;

  constructor(context: RequestContext) {
    super(context, () => context.model, false);
  }

  protected itemsOf(wb: WorkbookModel): SheetModel[] {
    return [...wb.sheets];
  }

  protected proxyFor(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, () => sheet, false);
  }

  private sheet(fn: (wb: WorkbookModel) => SheetModel | null): WorksheetProxy {
    return new WorksheetProxy(this.context, () => fn(this.context.model));
  }

  add(name?: string): WorksheetProxy {
    return this.sheet((wb) => wb.addSheet(name));
  }

  getItem(key: string): WorksheetProxy {
    return this.sheet((wb) => {
      const s = wb.findSheet(key) ?? wb.sheetById(key);
      if (!s) throw officeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${key}".`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this.sheet((wb) => wb.findSheet(key) ?? wb.sheetById(key) ?? null);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this.sheet((wb) => wb.activeSheet);
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return this.sheet((wb) => (visibleOnly ? wb.visibleSheets() : wb.sheets)[0]);
  }

  getLast(visibleOnly = false): WorksheetProxy {
    return this.sheet((wb) => {
      const list = visibleOnly ? wb.visibleSheets() : wb.sheets;
      return list[list.length - 1];
    });
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this.callWithResult("getCount", (wb) => (visibleOnly ? wb.visibleSheets() : wb.sheets).length);
  }

  /** Fires for edits a person makes in the preview's grid (`setCellFromUser`). */
  get onChanged(): EventHandlers {
    return (this.changed ??= new EventHandlers(this.context, (handler) => {
      const listener = (edit: Parameters<typeof changedEventArgs>[0]) => void handler(changedEventArgs(edit));
      this.context.model.userEditHooks.add(listener);
      return () => this.context.model.userEditHooks.delete(listener);
    }));
  }
}

const PROTECTION_DEFAULTS = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
};

export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  protected readonly typeName = "WorksheetProtection";
  protected readonly spec: Spec<SheetModel> = {
    protected: { get: (s) => s.protection.protected },
    options: { get: (s) => ({ ...PROTECTION_DEFAULTS, selectionMode: "Normal", ...s.protection.options }) },
  };

  constructor(context: RequestContext, resolver: () => SheetModel | null) {
    super(context, resolver, false);
  }

  get protected(): boolean {
    return this.read("protected") as boolean;
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read("options") as Excel.WorksheetProtectionOptions;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const opts = { ...(options ?? {}) } as Record<string, boolean>;
    this.call("protect", (s, wb) => {
      if (s.protection.protected) throw officeError("InvalidOperation", `The sheet "${s.name}" is already protected.`);
      s.protection = { protected: true, options: opts, password };
      wb.markChanged("objects", s);
    });
  }

  unprotect(password?: string): void {
    this.call("unprotect", (s, wb) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw officeError("InvalidArgument", "The password is incorrect.");
      }
      s.protection = { protected: false, options: {} };
      wb.markChanged("objects", s);
    });
  }
}

export class WorksheetFreezePanesProxy extends ClientObject<SheetModel> {
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly spec: Spec<SheetModel> = {};

  constructor(context: RequestContext, resolver: () => SheetModel | null) {
    super(context, resolver, false);
  }

  private freeze(name: string, fn: (s: SheetModel, wb: WorkbookModel) => { rows: number; columns: number }): void {
    this.call(name, (s, wb) => {
      s.freeze = fn(s, wb);
      wb.markChanged("objects", s);
    });
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", () => ({ rows: 0, columns: count }));
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    this.freeze("freezeAt", (s, wb) => {
      const r = rectOfArgument({ sheet: s, rect: WHOLE_SHEET }, frozenRange, wb).rect;
      return { rows: r.row + r.rows, columns: r.col + r.cols };
    });
  }

  unfreeze(): void {
    this.freeze("unfreeze", () => ({ rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.resolve();
      if (!s || (s.freeze.rows === 0 && s.freeze.columns === 0)) return null;
      const rows = s.freeze.rows || MAX_ROWS;
      const cols = s.freeze.columns || MAX_COLUMNS;
      return { sheet: s, rect: { row: 0, col: 0, rows, cols } };
    });
  }
}
