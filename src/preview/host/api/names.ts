/**
 * Defined names: `workbook.names` (workbook scope) and `worksheet.names` (that sheet's scope).
 * A formula on a sheet sees that sheet's own name first, then the workbook's — the engine
 * resolves them the same way.
 */
import { qualifiedAddress } from "../address";
import { officeError } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { NameModel } from "../model/types";
import type { Scoped, WorkbookModel } from "../model/workbook";
import { ClientCollection, ClientObject, ClientResult, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { RangeProxy } from "./range";
import { WorksheetProxy } from "./worksheet";

export interface NameScope {
  sheet?: SheetModel;
}

function referenceFormula(reference: unknown): string {
  if (reference instanceof RangeProxy) {
    const t = reference.resolveTarget();
    return "=" + qualifiedAddress(t.sheet.name, t.rect, true);
  }
  if (typeof reference === "string" && reference.trim() !== "") return reference.startsWith("=") ? reference : "=" + reference;
  throw officeError("InvalidArgument", "A name needs a Range or a formula to refer to.");
}

export class NamedItemCollectionProxy extends ClientCollection<NameScope, Scoped<NameModel>, NamedItemProxy> {
  protected readonly typeName = "NamedItemCollection";

  /** @param sheetResolver the sheet of a sheet-scoped collection; omit for the workbook's names. */
  constructor(context: RequestContext, sheetResolver?: () => SheetModel | null) {
    super(
      context,
      () => {
        if (!sheetResolver) return {};
        const sheet = sheetResolver();
        return sheet ? { sheet } : null;
      },
      false,
    );
  }

  protected itemsOf(scope: NameScope): Scoped<NameModel>[] {
    const store = scope.sheet ? scope.sheet.names : this.context.model.names;
    return [...store.values()].sort((a, b) => a.name.localeCompare(b.name)).map((item) => ({ item, sheet: scope.sheet }));
  }

  protected proxyFor(item: Scoped<NameModel>): NamedItemProxy {
    return new NamedItemProxy(this.context, () => item, false);
  }

  private named(fn: (scope: NameScope, wb: WorkbookModel) => Scoped<NameModel> | null): NamedItemProxy {
    return new NamedItemProxy(this.context, () => fn(this.resolveTarget(), this.context.model));
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    return this.named((scope, wb) => ({ item: wb.addName(name, referenceFormula(reference), comment ?? "", scope.sheet), sheet: scope.sheet }));
  }

  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this.add(name, formula, comment);
  }

  getItem(name: string): NamedItemProxy {
    return this.named((scope, wb) => {
      const found = wb.findName(name, scope.sheet);
      if (!found) throw officeError("ItemNotFound", `The requested resource doesn't exist: name "${name}".`);
      return found;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return this.named((scope, wb) => wb.findName(name, scope.sheet) ?? null);
  }

  getCount(): ClientResult<number> {
    return this.callWithResult("getCount", (scope, wb) => (scope.sheet ? scope.sheet.names : wb.names).size);
  }
}

const NAMED_ITEM_SPEC: Spec<Scoped<NameModel>> = {
  name: { get: (n) => n.item.name },
  type: { get: (n, wb) => wb.nameInfo(n).type },
  value: { get: (n, wb) => wb.nameInfo(n).value },
  formula: { get: (n) => n.item.formula, set: (n, v, wb) => wb.setNameFormula(n, String(v)) },
  comment: {
    get: (n) => n.item.comment,
    set: (n, v, wb) => {
      n.item.comment = String(v);
      wb.markNames();
    },
  },
  visible: {
    get: (n) => n.item.visible,
    set: (n, v, wb) => {
      n.item.visible = Boolean(v);
      wb.markNames();
    },
  },
  scope: { get: (n) => (n.sheet ? "Worksheet" : "Workbook") },
};

export class NamedItemProxy extends ClientObject<Scoped<NameModel>> implements Pick<Excel.NamedItem, "name" | "formula" | "comment" | "visible"> {
  protected readonly typeName = "NamedItem";
  protected readonly spec = NAMED_ITEM_SPEC;
  private sheetProxy?: WorksheetProxy;
  private sheetOrNullProxy?: WorksheetProxy;

  constructor(context: RequestContext, resolver: () => Scoped<NameModel> | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  protected override isAlive(n: Scoped<NameModel>): boolean {
    return !n.sheet?.deleted;
  }

  get name(): string {
    return this.read("name") as string;
  }
  get type(): Excel.NamedItemType | string {
    return this.read("type") as string;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type of Excel.NamedItem.value
  get value(): any {
    return this.read("value");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type of Excel.NamedItem.formula
  get formula(): any {
    return this.read("formula");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(v: any) {
    this.write("formula", v);
  }
  get comment(): string {
    return this.read("comment") as string;
  }
  set comment(v: string) {
    this.write("comment", v);
  }
  get visible(): boolean {
    return this.read("visible") as boolean;
  }
  set visible(v: boolean) {
    this.write("visible", v);
  }
  get scope(): Excel.NamedItemScope | string {
    return this.read("scope") as string;
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const range = this.context.model.nameRange(this.resolveTarget());
      if (!range) throw officeError("InvalidArgument", `The name "${this.resolveTarget().item.name}" does not refer to a range.`);
      return range;
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const n = this.resolve();
      return (n && this.context.model.nameRange(n)) ?? null;
    });
  }

  get worksheet(): WorksheetProxy {
    return (this.sheetProxy ??= new WorksheetProxy(
      this.context,
      () => {
        const n = this.resolveTarget();
        if (!n.sheet) throw officeError("ItemNotFound", `The name "${n.item.name}" belongs to the workbook, not to a worksheet.`);
        return n.sheet;
      },
      false,
    ));
  }

  get worksheetOrNullObject(): WorksheetProxy {
    return (this.sheetOrNullProxy ??= new WorksheetProxy(this.context, () => this.resolve()?.sheet ?? null, false));
  }

  delete(): void {
    this.call("delete", (n, wb) => wb.deleteName(n));
  }
}
