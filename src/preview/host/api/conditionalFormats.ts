/**
 * `range.conditionalFormats`: CellValue and Custom rules with their fill and font, stored on
 * the sheet (other types are stored with their type only).
 */
import { officeError } from "../errors";
import { normalizeColor } from "../model/format";
import { addConditionalFormat, clearConditionalFormats, conditionalFormatsIn, deleteConditionalFormat, updateConditionalFormat } from "../model/objects";
import type { SheetModel } from "../model/sheet";
import type { ConditionalFormatModel, ConditionalFormatStyle } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ClientCollection, ClientObject, ClientResult, type Navigable, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { RangeProxy, type RangeTarget } from "./range";

export interface ConditionalTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

export class ConditionalFormatCollectionProxy extends ClientCollection<RangeTarget, ConditionalTarget, ConditionalFormatProxy> {
  protected readonly typeName = "ConditionalFormatCollection";

  constructor(context: RequestContext, resolver: () => RangeTarget | null) {
    super(context, resolver, false);
  }

  protected itemsOf(t: RangeTarget): ConditionalTarget[] {
    return conditionalFormatsIn(t.sheet, t.rect).map((cf) => ({ sheet: t.sheet, cf }));
  }

  protected proxyFor(item: ConditionalTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => item, false);
  }

  add(type: Excel.ConditionalFormatType | string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const t = this.resolveTarget();
      return { sheet: t.sheet, cf: addConditionalFormat(this.context.model, t.sheet, t.rect, type) };
    });
  }

  getCount(): ClientResult<number> {
    return this.callWithResult("getCount", (t) => conditionalFormatsIn(t.sheet, t.rect).length);
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const t = this.resolveTarget();
      const cf = conditionalFormatsIn(t.sheet, t.rect).find((c) => c.id === id);
      if (!cf) throw officeError("ItemNotFound", `No conditional format with id ${id}.`);
      return { sheet: t.sheet, cf };
    });
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const t = this.resolveTarget();
      const cf = conditionalFormatsIn(t.sheet, t.rect)[index];
      if (!cf) throw officeError("ItemNotFound", `No conditional format at index ${index}.`);
      return { sheet: t.sheet, cf };
    });
  }

  clearAll(): void {
    this.call("clearAll", (t, wb) => clearConditionalFormats(wb, t.sheet, t.rect));
  }
}

function update(t: ConditionalTarget, wb: WorkbookModel, change: Parameters<typeof updateConditionalFormat>[3]): void {
  updateConditionalFormat(wb, t.sheet, t.cf, change);
}

export class ConditionalFormatProxy extends ClientObject<ConditionalTarget> {
  protected readonly typeName = "ConditionalFormat";
  protected readonly spec: Spec<ConditionalTarget> = {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v, wb) => {
        const list = t.sheet.conditionalFormats;
        list.splice(list.indexOf(t.cf), 1);
        list.splice(Math.max(0, Math.min(Number(v), list.length)), 0, t.cf);
        wb.markChanged("formats", t.sheet);
      },
    },
    stopIfTrue: { get: (t) => t.cf.stopIfTrue, set: (t, v, wb) => update(t, wb, { stopIfTrue: Boolean(v) }) },
  };
  private parts?: Record<string, Navigable>;

  constructor(context: RequestContext, resolver: () => ConditionalTarget | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  protected override isAlive(t: ConditionalTarget): boolean {
    return !t.sheet.deleted && t.sheet.conditionalFormats.includes(t.cf);
  }

  private ofType(type: string, orNull: boolean): () => ConditionalTarget | null {
    return () => {
      const t = this.resolve();
      if (t === null || t.cf.type === type) return t;
      if (orNull) return null;
      throw officeError("InvalidArgument", `This conditional format is of type ${t.cf.type}, not ${type}.`);
    };
  }

  protected override navigation(): Record<string, Navigable> {
    return (this.parts ??= {
      cellValue: new ConditionalCellValueProxy(this.context, this.ofType("CellValue", false)),
      custom: new CustomConditionalFormatProxy(this.context, this.ofType("Custom", false)),
      cellValueOrNullObject: new ConditionalCellValueProxy(this.context, this.ofType("CellValue", true)),
      customOrNullObject: new CustomConditionalFormatProxy(this.context, this.ofType("Custom", true)),
    });
  }

  get id(): string {
    return this.read("id") as string;
  }
  get type(): Excel.ConditionalFormatType | string {
    return this.read("type") as string;
  }
  get priority(): number {
    return this.read("priority") as number;
  }
  set priority(v: number) {
    this.write("priority", v);
  }
  get stopIfTrue(): boolean {
    return this.read("stopIfTrue") as boolean;
  }
  set stopIfTrue(v: boolean) {
    this.write("stopIfTrue", v);
  }
  get cellValue(): ConditionalCellValueProxy {
    return this.navigation().cellValue as ConditionalCellValueProxy;
  }
  get custom(): CustomConditionalFormatProxy {
    return this.navigation().custom as CustomConditionalFormatProxy;
  }
  get cellValueOrNullObject(): ConditionalCellValueProxy {
    return this.navigation().cellValueOrNullObject as ConditionalCellValueProxy;
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this.navigation().customOrNullObject as CustomConditionalFormatProxy;
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolveTarget();
      return { sheet: t.sheet, rect: t.cf.rects[0] };
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return t && t.cf.rects.length ? { sheet: t.sheet, rect: t.cf.rects[0] } : null;
    });
  }

  delete(): void {
    this.call("delete", (t, wb) => deleteConditionalFormat(wb, t.sheet, t.cf));
  }
}

abstract class ConditionalPart extends ClientObject<ConditionalTarget> {
  constructor(context: RequestContext, resolver: () => ConditionalTarget | null) {
    super(context, resolver, false);
  }
}

export class ConditionalCellValueProxy extends ConditionalPart {
  protected readonly typeName = "CellValueConditionalFormat";
  protected readonly spec: Spec<ConditionalTarget> = {
    rule: { get: (t) => ({ ...t.cf.rule }), set: (t, v, wb) => update(t, wb, { rule: v as Record<string, unknown> }) },
  };
  readonly format = new ConditionalRangeFormatProxy(this.context, () => this.resolve());

  protected override navigation(): Record<string, Navigable> {
    return { format: this.format };
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this.read("rule") as Excel.ConditionalCellValueRule;
  }
  set rule(v: Excel.ConditionalCellValueRule) {
    this.write("rule", v);
  }
}

export class CustomConditionalFormatProxy extends ConditionalPart {
  protected readonly typeName = "CustomConditionalFormat";
  protected readonly spec: Spec<ConditionalTarget> = {};
  readonly format = new ConditionalRangeFormatProxy(this.context, () => this.resolve());
  readonly rule = new ConditionalFormatRuleProxy(this.context, () => this.resolve());

  protected override navigation(): Record<string, Navigable> {
    return { format: this.format, rule: this.rule };
  }
}

export class ConditionalFormatRuleProxy extends ConditionalPart {
  protected readonly typeName = "ConditionalFormatRule";
  protected readonly spec: Spec<ConditionalTarget> = {
    formula: { get: (t) => t.cf.rule.formula ?? "", set: (t, v, wb) => update(t, wb, { rule: { formula: String(v) } }) },
    formulaLocal: { get: (t) => t.cf.rule.formula ?? "", set: (t, v, wb) => update(t, wb, { rule: { formula: String(v) } }) },
  };

  get formula(): string {
    return this.read("formula") as string;
  }
  set formula(v: string) {
    this.write("formula", v);
  }
  get formulaLocal(): string {
    return this.read("formulaLocal") as string;
  }
  set formulaLocal(v: string) {
    this.write("formulaLocal", v);
  }
}

function styleProp(key: keyof ConditionalFormatStyle, convert: (v: unknown) => unknown): Spec<ConditionalTarget>[string] {
  return {
    get: (t) => t.cf.format[key] ?? null,
    set: (t, v, wb) => update(t, wb, { format: { [key]: v === null ? undefined : convert(v) } }),
  };
}

export class ConditionalRangeFormatProxy extends ConditionalPart {
  protected readonly typeName = "ConditionalRangeFormat";
  protected readonly spec: Spec<ConditionalTarget> = { numberFormat: styleProp("numberFormat", String) };
  readonly fill = new ConditionalRangeFillProxy(this.context, () => this.resolve());
  readonly font = new ConditionalRangeFontProxy(this.context, () => this.resolve());

  protected override navigation(): Record<string, Navigable> {
    return { fill: this.fill, font: this.font };
  }

  get numberFormat(): string {
    return this.read("numberFormat") as string;
  }
  set numberFormat(v: string) {
    this.write("numberFormat", v);
  }
}

export class ConditionalRangeFillProxy extends ConditionalPart {
  protected readonly typeName = "ConditionalRangeFill";
  protected readonly spec: Spec<ConditionalTarget> = { color: styleProp("fillColor", normalizeColor) };

  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", v);
  }

  clear(): void {
    this.call("clear", (t, wb) => update(t, wb, { format: { fillColor: undefined } }));
  }
}

export class ConditionalRangeFontProxy extends ConditionalPart {
  protected readonly typeName = "ConditionalRangeFont";
  protected readonly spec: Spec<ConditionalTarget> = {
    color: styleProp("fontColor", normalizeColor),
    bold: styleProp("bold", Boolean),
    italic: styleProp("italic", Boolean),
  };

  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", v);
  }
  get bold(): boolean {
    return this.read("bold") as boolean;
  }
  set bold(v: boolean) {
    this.write("bold", v);
  }
  get italic(): boolean {
    return this.read("italic") as boolean;
  }
  set italic(v: boolean) {
    this.write("italic", v);
  }

  clear(): void {
    this.call("clear", (t, wb) => update(t, wb, { format: { fontColor: undefined, bold: undefined, italic: undefined } }));
  }
}
