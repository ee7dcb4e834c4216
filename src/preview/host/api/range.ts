/**
 * `Excel.Range` of the simulated host.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  area,
  intersect,
  isFullColumns,
  isFullRows,
  parseReference,
  qualifiedAddress,
} from "../address";
import { officeError } from "../errors";
import { applyCellProperties, cellProperties } from "../model/cellProperties";
import { clearContents, readFormulas, readNumberFormats, readText, readValueTypes, readValues, setContent, writeCells } from "../model/cells";
import { applyFormat, clearFormats, merge, mergedAreasIn, unmerge } from "../model/rangeFormat";
import { clearConditionalFormats } from "../model/objects";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbook";
import { ClientObject, ClientResult, type Navigable, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { ConditionalFormatCollectionProxy } from "./conditionalFormats";
import { DataValidationProxy } from "./dataValidation";
import { RangeFormatProxy } from "./rangeFormat";
import { WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function writeNumberFormat(t: RangeTarget, value: unknown, wb: WorkbookModel): void {
  if (!Array.isArray(value)) {
    applyFormat(wb, t.sheet, t.rect, { numberFormat: String(value) });
    return;
  }
  if (value.length !== t.rect.rows || value.some((line) => !Array.isArray(line) || line.length !== t.rect.cols)) {
    throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  value.forEach((line: unknown[], r) =>
    line.forEach((f, c) => {
      if (f !== null && f !== undefined) applyFormat(wb, t.sheet, { row: t.rect.row + r, col: t.rect.col + c, rows: 1, cols: 1 }, { numberFormat: String(f) });
    }),
  );
}

const RANGE_SPEC: Spec<RangeTarget> = {
  address: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  cellCount: { get: (t) => area(t.rect) },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.cols },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.col },
  isEntireColumn: { get: (t) => isFullColumns(t.rect) },
  isEntireRow: { get: (t) => isFullRows(t.rect) },
  values: { get: (t, wb) => readValues(wb, t.sheet, t.rect), set: (t, v, wb) => writeCells(wb, t.sheet, t.rect, v) },
  formulas: { get: (t) => readFormulas(t.sheet, t.rect), set: (t, v, wb) => writeCells(wb, t.sheet, t.rect, v) },
  text: { get: (t, wb) => readText(wb, t.sheet, t.rect) },
  valueTypes: { get: (t, wb) => readValueTypes(wb, t.sheet, t.rect) },
  numberFormat: { get: (t) => readNumberFormats(t.sheet, t.rect), set: writeNumberFormat },
  numberFormatLocal: { get: (t) => readNumberFormats(t.sheet, t.rect), set: writeNumberFormat },
};

type RangeProps =
  | "address"
  | "addressLocal"
  | "cellCount"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "isEntireColumn"
  | "isEntireRow"
  | "values"
  | "formulas"
  | "text"
  | "valueTypes"
  | "numberFormat";

function sub(parent: RangeTarget, row: number, col: number, rows: number, cols: number): RangeTarget {
  if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLUMNS) {
    throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (the range would leave the sheet).");
  }
  return { sheet: parent.sheet, rect: { row, col, rows, cols } };
}

/** A range argument given as a Range proxy or an address string on the same sheet. */
export function rectOfArgument(t: RangeTarget, other: unknown, wb: WorkbookModel): RangeTarget {
  if (other instanceof RangeProxy) return other.resolveTarget();
  if (typeof other === "string") {
    const ref = parseReference(other);
    if (!ref) throw officeError("InvalidArgument", `The address "${other}" is not valid.`);
    const sheet = ref.sheet !== undefined ? wb.findSheet(ref.sheet) : t.sheet;
    if (!sheet) throw officeError("ItemNotFound", `The sheet "${ref.sheet}" does not exist.`);
    return { sheet, rect: ref.rect };
  }
  throw officeError("InvalidArgument", "Expected a Range or an address.");
}

export class RangeProxy extends ClientObject<RangeTarget> implements Pick<Excel.Range, RangeProps> {
  protected readonly typeName = "Range";
  protected readonly spec = RANGE_SPEC;
  private formatProxy?: RangeFormatProxy;
  private validationProxy?: DataValidationProxy;
  private conditionalProxy?: ConditionalFormatCollectionProxy;
  private worksheetProxy?: WorksheetProxy;

  constructor(context: RequestContext, resolver: () => RangeTarget | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  protected override isAlive(t: RangeTarget): boolean {
    return !t.sheet.deleted;
  }

  protected override navigation() {
    return { format: this.format, dataValidation: this.dataValidation, conditionalFormats: this.conditionalFormats, worksheet: this.worksheet } as Record<string, Navigable>;
  }

  get address(): string {
    return this.read("address") as string;
  }
  get addressLocal(): string {
    return this.read("addressLocal") as string;
  }
  get cellCount(): number {
    return this.read("cellCount") as number;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn") as boolean;
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow") as boolean;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type of Excel.Range.values
  get values(): any[][] {
    return this.read("values") as unknown[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this.write("values", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.read("formulas") as unknown[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this.write("formulas", v);
  }
  get text(): string[][] {
    return this.read("text") as string[][];
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read("valueTypes") as Excel.RangeValueType[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.read("numberFormat") as unknown[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this.write("numberFormat", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormatLocal(): any[][] {
    return this.read("numberFormatLocal") as unknown[][];
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormatLocal(v: any[][]) {
    this.write("numberFormatLocal", v);
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.context, () => this.resolve()));
  }
  get dataValidation(): DataValidationProxy {
    return (this.validationProxy ??= new DataValidationProxy(this.context, () => this.resolve()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this.conditionalProxy ??= new ConditionalFormatCollectionProxy(this.context, () => this.resolve()));
  }
  get worksheet(): WorksheetProxy {
    return (this.worksheetProxy ??= new WorksheetProxy(this.context, () => this.resolve()?.sheet ?? null, false));
  }

  // ---- ranges derived from this one ----------------------------------------------------

  private derived(fn: (t: RangeTarget, wb: WorkbookModel) => RangeTarget | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return t === null ? null : fn(t, this.context.model);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + row, t.rect.col + column, 1, 1));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + rowOffset, t.rect.col + columnOffset, t.rect.rows, t.rect.cols));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col, t.rect.rows + deltaRows, t.rect.cols + deltaColumns));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col, numRows, numColumns));
  }
  getRow(row: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + row, t.rect.col, 1, t.rect.cols));
  }
  getColumn(column: number): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col + column, t.rect.rows, 1));
  }
  getLastCell(): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + t.rect.rows - 1, t.rect.col + t.rect.cols - 1, 1, 1));
  }
  getLastRow(): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + t.rect.rows - 1, t.rect.col, 1, t.rect.cols));
  }
  getLastColumn(): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col + t.rect.cols - 1, t.rect.rows, 1));
  }
  getEntireColumn(): RangeProxy {
    return this.derived((t) => sub(t, 0, t.rect.col, MAX_ROWS, t.rect.cols));
  }
  getEntireRow(): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, 0, t.rect.rows, MAX_COLUMNS));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row + t.rect.rows, t.rect.col, count, t.rect.cols));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row - count, t.rect.col, count, t.rect.cols));
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col + t.rect.cols, t.rect.rows, count));
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this.derived((t) => sub(t, t.rect.row, t.rect.col - count, t.rect.rows, count));
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived((t, wb) => {
      const o = rectOfArgument(t, anotherRange, wb).rect;
      const row = Math.min(t.rect.row, o.row);
      const col = Math.min(t.rect.col, o.col);
      return sub(t, row, col, Math.max(t.rect.row + t.rect.rows, o.row + o.rows) - row, Math.max(t.rect.col + t.rect.cols, o.col + o.cols) - col);
    });
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived((t, wb) => {
      const i = intersect(t.rect, rectOfArgument(t, anotherRange, wb).rect);
      if (!i) throw officeError("ItemNotFound", "The ranges do not intersect.");
      return { sheet: t.sheet, rect: i };
    });
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived((t, wb) => {
      const o = rectOfArgument(t, anotherRange, wb);
      const i = o.sheet === t.sheet ? intersect(t.rect, o.rect) : undefined;
      return i ? { sheet: t.sheet, rect: i } : null;
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derived((t) => {
      const used = t.sheet.usedRect(valuesOnly);
      const i = used && intersect(used, t.rect);
      if (!i) throw officeError("ItemNotFound", "The range has no used cells.");
      return { sheet: t.sheet, rect: i };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derived((t) => {
      const used = t.sheet.usedRect(valuesOnly);
      const i = used && intersect(used, t.rect);
      return i ? { sheet: t.sheet, rect: i } : null;
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const t = this.resolve();
      if (t === null) return null;
      const areas = mergedAreasIn(t.sheet, t.rect);
      return areas.length ? { sheet: t.sheet, rects: areas } : null;
    });
  }

  // ---- methods -------------------------------------------------------------------------

  select(): void {
    this.call("select", (t, wb) => wb.select(t.sheet, t.rect));
  }

  clear(applyTo: string = "All"): void {
    this.call("clear", (t, wb) => {
      if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents") clearContents(wb, t.sheet, t.rect);
      if (applyTo === "All" || applyTo === "Formats") {
        clearFormats(wb, t.sheet, t.rect);
        if (t.sheet.conditionalFormats.length) clearConditionalFormats(wb, t.sheet, t.rect);
      }
    });
  }

  merge(across = false): void {
    this.call("merge", (t, wb) => merge(wb, t.sheet, t.rect, across, (row, col) => setContent(wb, t.sheet, row, col, {})));
  }

  unmerge(): void {
    this.call("unmerge", (t, wb) => unmerge(wb, t.sheet, t.rect));
  }

  calculate(): void {
    this.call("calculate", () => undefined);
  }

  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): ClientResult<Excel.CellProperties[][]> {
    return this.callWithResult("getCellProperties", (t) => {
      const out: Excel.CellProperties[][] = [];
      for (let r = 0; r < t.rect.rows; r++) {
        const line: Excel.CellProperties[] = [];
        for (let c = 0; c < t.rect.cols; c++) line.push(cellProperties(t.sheet, t.rect.row + r, t.rect.col + c, cellPropertiesLoadOptions) as Excel.CellProperties);
        out.push(line);
      }
      return out;
    });
  }

  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    const copy = JSON.parse(JSON.stringify(cellPropertiesData));
    this.call("setCellProperties", (t, wb) => applyCellProperties(wb, t.sheet, t.rect.row, t.rect.col, t.rect.rows, t.rect.cols, copy));
  }
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

/** `Excel.RangeAreas`, as far as `getMergedAreasOrNullObject` needs it. */
export class RangeAreasProxy extends ClientObject<AreasTarget> {
  protected readonly typeName = "RangeAreas";
  protected readonly spec: Spec<AreasTarget> = {
    address: { get: (t) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(",") },
    areaCount: { get: (t) => t.rects.length },
    cellCount: { get: (t) => t.rects.reduce((n, r) => n + area(r), 0) },
  };

  constructor(context: RequestContext, resolver: () => AreasTarget | null) {
    super(context, resolver, true);
  }

  get address(): string {
    return this.read("address") as string;
  }
  get areaCount(): number {
    return this.read("areaCount") as number;
  }
  get cellCount(): number {
    return this.read("cellCount") as number;
  }
}
