/**
 * `Excel.Workbook`, `Excel.Application` and `workbook.settings`.
 */
import { officeError } from "../errors";
import type { WorkbookModel } from "../model/workbook";
import { ClientCollection, ClientObject, ClientResult, type Navigable, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { EventHandlers } from "./events";
import { NamedItemCollectionProxy } from "./names";
import { RangeProxy } from "./range";
import { WorksheetCollectionProxy } from "./worksheet";

export class WorkbookProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = "Workbook";
  protected readonly spec: Spec<WorkbookModel> = { name: { get: () => "Mappe1.xlsx" } };
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;
  readonly settings: SettingCollectionProxy;
  private selectionChanged?: EventHandlers;

  constructor(context: RequestContext) {
    super(context, () => context.model, false);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.application = new ApplicationProxy(context);
    this.settings = new SettingCollectionProxy(context);
  }

  protected override navigation(): Record<string, Navigable> {
    return { worksheets: this.worksheets, names: this.names, application: this.application, settings: this.settings };
  }

  get name(): string {
    return this.read("name") as string;
  }

  /** The selection of the active sheet. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.context.model.activeSheet, rect: this.context.model.activeSheet.selection }));
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.context.model.activeSheet;
      return { sheet, rect: { row: sheet.selection.row, col: sheet.selection.col, rows: 1, cols: 1 } };
    });
  }

  /** Fires when a person selects cells in the preview's grid. */
  get onSelectionChanged(): EventHandlers {
    return (this.selectionChanged ??= new EventHandlers(this.context, (handler) => {
      const listener = () => void handler({ type: "WorkbookSelectionChanged" });
      this.context.model.userSelectionHooks.add(listener);
      return () => this.context.model.userSelectionHooks.delete(listener);
    }));
  }
}

export class ApplicationProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = "Application";
  protected readonly spec: Spec<WorkbookModel> = {
    calculationMode: {
      get: (wb) => wb.calculationMode,
      set: (wb, v) => {
        wb.calculationMode = String(v);
      },
    },
  };

  constructor(context: RequestContext) {
    super(context, () => context.model, false);
  }

  get calculationMode(): Excel.CalculationMode | string {
    return this.read("calculationMode") as string;
  }
  set calculationMode(v: Excel.CalculationMode | string) {
    this.write("calculationMode", v);
  }

  /**
   * The engine recalculates what depends on changed cells whenever it is read; a full
   * calculation also recomputes formulas whose inputs lie outside the cells (QM.* functions
   * after the workbook's parameters changed).
   */
  calculate(calculationType?: Excel.CalculationType | string): void {
    this.call("calculate", (wb) => {
      if (calculationType === "Full" || calculationType === "FullRebuild") wb.recalculateAll();
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", () => undefined);
  }
}

interface SettingTarget {
  key: string;
}

export class SettingCollectionProxy extends ClientCollection<WorkbookModel, SettingTarget, SettingProxy> {
  protected readonly typeName = "SettingCollection";

  constructor(context: RequestContext) {
    super(context, () => context.model, false);
  }

  protected itemsOf(wb: WorkbookModel): SettingTarget[] {
    return [...wb.settings.keys()].map((key) => ({ key }));
  }

  protected proxyFor(item: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, () => item, false);
  }

  add(key: string, value: unknown): SettingProxy {
    return new SettingProxy(this.context, () => {
      this.context.model.setSetting(key, value);
      return { key };
    });
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => {
      if (!this.context.model.settings.has(key)) throw officeError("ItemNotFound", `The requested resource doesn't exist: setting "${key}".`);
      return { key };
    });
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => (this.context.model.settings.has(key) ? { key } : null));
  }

  getCount(): ClientResult<number> {
    return this.callWithResult("getCount", (wb) => wb.settings.size);
  }
}

export class SettingProxy extends ClientObject<SettingTarget> {
  protected readonly typeName = "Setting";
  protected readonly spec: Spec<SettingTarget> = {
    key: { get: (s) => s.key },
    value: { get: (s, wb) => wb.settings.get(s.key), set: (s, v, wb) => wb.setSetting(s.key, v) },
  };

  constructor(context: RequestContext, resolver: () => SettingTarget | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  get key(): string {
    return this.read("key") as string;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type of Excel.Setting.value
  get value(): any {
    return this.read("value");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set value(v: any) {
    this.write("value", v);
  }

  delete(): void {
    this.call("delete", (s, wb) => wb.removeSetting(s.key));
  }
}
