/**
 * # The simulated Excel host
 *
 * A typed, in-memory fake of the part of the Excel JavaScript API (Office.js) that QM-Planer
 * uses, computing formulas with HyperFormula (GPL-3: import it only from `src/preview` and
 * tests, never from the add-in's production code).
 *
 * ## In a test
 * ```ts
 * const host = createSimulatedHost({
 *   functions: [myQmFunction],                       // QM.* functions (QmFunction[]), injected
 *   workbook: { sheets: { "QM Nord": { A1: "Einwohner", B1: 12345, B2: "=B1*2" } },
 *               names: [{ name: "Einwohner", ref: "='QM Nord'!$B$1", sheet: "QM Nord" }] },
 * });
 * const restore = host.install(globalThis);          // sets global Excel, Office, OfficeExtension
 * await codeUnderTest();                             // uses Excel.run(...) as in the add-in
 * expect(host.syncCount()).toBeLessThanOrEqual(3);   // round trips
 * host.workbook.findSheet("QM Nord")                 // inspect the model directly
 * restore();
 * ```
 *
 * ## What behaves like Excel (so tests catch real bugs)
 * - Objects returned by methods resolve at the next `context.sync()`, in queue order; a
 *   missing item fails the sync with `code` "ItemNotFound"; `*OrNullObject` gives
 *   `isNullObject` after the sync (changing a null object fails with "ItemNotFound").
 * - Property writes and method calls are queued; `sync()` runs them in order; the first error
 *   (an `OfficeExtension.Error`-like object with `code`, `debugInfo.errorLocation`) aborts the
 *   rest of the batch, earlier actions stay applied.
 * - Reading a property neither loaded nor written throws "PropertyNotLoaded"; a
 *   `ClientResult.value` before the sync throws "ValueNotLoaded".
 * - `syncCount()` counts round trips: each sync (or the implicit one at the end of
 *   `Excel.run`) that had something queued.
 * - `values` writes are read as Excel reads them: "=…" is a formula, numeric strings become
 *   numbers (unless the cell is formatted "@"), `null` leaves a cell unchanged; array size
 *   must match the range ("InvalidArgument"); an invalid formula (e.g. ";" separators) is
 *   "InvalidArgument" and nothing of that statement is written.
 * - Formula results: Excel error values ("#DIV/0!", "#NAME?", …) in `values`, "Error" in
 *   `valueTypes`; a sheet-scoped name wins over a workbook name on its own sheet.
 * - A cell without fill reads `fill.color` "#FFFFFF" with `pattern` "None": restoring a
 *   cell exactly needs the pattern too (see `getCellProperties` / `setCellProperties`).
 * - A protected sheet refuses content changes to locked cells and format changes
 *   ("AccessDenied") unless its protection options allow them.
 *
 * ## Object model (subset)
 * `workbook`: worksheets, names, settings, application, getSelectedRange(), getActiveCell(),
 * onSelectionChanged. `worksheets`: add, getItem, getItemOrNullObject, getActiveWorksheet,
 * getFirst/getLast, getCount, items, onChanged. `worksheet`: name, id, position, visibility,
 * tabColor, showGridlines, standardWidth, activate, delete, getRange (A1, "A:C", "2:4", or a
 * name), getRangeByIndexes, getCell, getUsedRange(valuesOnly) / OrNullObject, names,
 * protection (protect/unprotect), charts (add, getItem, items; title, legend, setPosition),
 * freezePanes, onChanged, onSelectionChanged. `range`: address, rowIndex, columnIndex,
 * rowCount, columnCount, values, formulas, text, valueTypes, numberFormat, getCell,
 * getOffsetRange, getResizedRange, getRow/getColumn, getEntireRow/Column, getLastCell,
 * getIntersection(OrNullObject), getBoundingRect, getUsedRange, select, clear, merge,
 * unmerge, getMergedAreasOrNullObject, getCellProperties, setCellProperties, format (fill,
 * font, protection.locked, borders, columnWidth, rowHeight, alignment, wrapText,
 * autofitColumns), dataValidation (rule, clear, valid), conditionalFormats (add CellValue /
 * Custom with rule and format, getCount, items, clearAll). `names` (workbook or sheet):
 * add(name, Range | "=formula", comment), getItem, getItemOrNullObject, items; a NamedItem
 * has name, type, value, formula, visible, scope, getRange(). `Office`: onReady,
 * context.displayLanguage (settable), context.document.settings (get/set/remove/saveAsync —
 * saved into the workbook), HostType, actions.associate.
 *
 * ## For the preview's grid (`host.workbook`, a WorkbookModel)
 * - `onChange(listener)`: one `ModelChange` per sync / user action / load, naming the sheets
 *   whose cells, formats or objects changed, and whether structure, names, selection or
 *   settings changed. Formulas recalculate anywhere: redraw the visible sheet on any change.
 * - `sheets`, `activeSheet`, `findSheet(name)`; a sheet's `selection`, `freeze`,
 *   `columnWidth(c)`, `rowHeight(r)`, `merges`, `charts`, `conditionalFormats`, `validations`,
 *   `usedRect()`; `cellView(sheet, row, col)` → text (number format applied), value, formula,
 *   format, merged area.
 * - `setCellFromUser(sheet, "B2", "12.345,67")`, `selectFromUser(sheet, "B2:C3")`,
 *   `activateSheetFromUser(sheet)`: return `{ ok }` or `{ ok: false, code, message }` where
 *   Excel would refuse; they fire the add-in's onChanged / onSelectionChanged handlers.
 * - `snapshot()` (JSON) and `createSimulatedHost({ workbook: snapshot })` / `fromSnapshot()`.
 */
import { OFFICE_EXTENSION_ERROR_CODES, SimulatedOfficeError } from "./errors";
import { createExcelNamespace, type SimulatedExcel } from "./api/excel";
import type { HostRuntime } from "./api/context";
import { WorkbookModel } from "./model/workbook";
import type { NumberLocale } from "./numberFormat";
import { createOfficeNamespace, type SimulatedOffice } from "./office";
import { describeWorkbook, isSnapshot, loadSnapshot, toSnapshot, type WorkbookDescription, type WorkbookSnapshot } from "./snapshot";
import type { QmFunction } from "../../functions/result";

export interface SimulatedHostOptions {
  /** The QM.* functions to register (usually the add-in's registry). */
  functions?: readonly QmFunction[];
  /** The workbook to open: a snapshot or a compact description. Default: one empty sheet. */
  workbook?: WorkbookSnapshot | WorkbookDescription;
  /** Office's display language (`Office.context.displayLanguage`), default "de-DE". */
  displayLanguage?: string;
  /** Locale of `range.text` and of typed numbers, default "de" (or the snapshot's). */
  locale?: NumberLocale;
}

/** `OfficeExtension` as far as code inspects errors: `e instanceof OfficeExtension.Error`, `ErrorCodes`. */
export const SimulatedOfficeExtension = {
  Error: SimulatedOfficeError,
  ErrorCodes: OFFICE_EXTENSION_ERROR_CODES,
};

export interface SimulatedHost {
  Excel: SimulatedExcel;
  Office: SimulatedOffice;
  OfficeExtension: typeof SimulatedOfficeExtension;
  /** The model: sheets, cells, names, settings, change events, user entry points. */
  workbook: WorkbookModel;
  /** Round trips so far (syncs that had queued work). */
  syncCount(): number;
  resetSyncCount(): void;
  /** Sets `Excel`, `Office` and `OfficeExtension` on the given global object; returns the undo. */
  install(globalObj?: object): () => void;
  /** The whole workbook as JSON. */
  snapshot(): WorkbookSnapshot;
}

export function createSimulatedHost(options: SimulatedHostOptions = {}): SimulatedHost {
  const model = new WorkbookModel({ functions: options.functions, locale: options.locale });
  if (options.workbook) {
    const snapshot = isSnapshot(options.workbook) ? options.workbook : describeWorkbook(options.workbook);
    loadSnapshot(model, options.locale ? { ...snapshot, locale: options.locale } : snapshot);
  } else {
    model.addSheet();
  }
  const runtime: HostRuntime = { model, syncs: 0 };
  const host: SimulatedHost = {
    Excel: createExcelNamespace(runtime),
    Office: createOfficeNamespace(model, options.displayLanguage ?? "de-DE"),
    OfficeExtension: SimulatedOfficeExtension,
    workbook: model,
    syncCount: () => runtime.syncs,
    resetSyncCount: () => {
      runtime.syncs = 0;
    },
    install(globalObj: object = globalThis) {
      const target = globalObj as Record<string, unknown>;
      const keys = ["Excel", "Office", "OfficeExtension"] as const;
      const previous = keys.map((k) => [k, k in target, target[k]] as const);
      target.Excel = host.Excel;
      target.Office = host.Office;
      target.OfficeExtension = host.OfficeExtension;
      return () => {
        for (const [k, had, value] of previous) {
          if (had) target[k] = value;
          else delete target[k];
        }
      };
    },
    snapshot: () => toSnapshot(model),
  };
  return host;
}

/** A host opened on a snapshot (JSON text or object). */
export function fromSnapshot(snapshot: WorkbookSnapshot | string, options: Omit<SimulatedHostOptions, "workbook"> = {}): SimulatedHost {
  return createSimulatedHost({ ...options, workbook: typeof snapshot === "string" ? (JSON.parse(snapshot) as WorkbookSnapshot) : snapshot });
}

export { WorkbookModel } from "./model/workbook";
export type { ModelChange, ModelListener } from "./model/workbook";
export type { SheetModel } from "./model/sheet";
export type { CellView, UserActionResult } from "./model/user";
export type { CellFormat, ComputedValue, ErrorValue, Scalar } from "./model/types";
export { SimulatedOfficeError } from "./errors";
export type { OfficeErrorCode } from "./errors";
export type { RequestContext } from "./api/context";
export type { WorkbookDescription, WorkbookSnapshot, SheetSnapshot, CellSnapshot, CellDescription } from "./snapshot";
export { describeWorkbook } from "./snapshot";
export { columnLetters, parseReference, rectAddress, type Rect } from "./address";
