/**
 * `range.format` and what hangs below it: fill, font, protection, borders.
 * A property read over several cells is null when they differ (as in Office.js).
 */
import { officeError } from "../errors";
import { fillColorOf, fillPatternOf, normalizeColor, type ResolvedFormat } from "../model/format";
import {
  applyBorder,
  applyFormat,
  autofitColumns,
  isBorderIndex,
  readBorder,
  readColumnWidth,
  readRowHeight,
  setColumnWidth,
  setRowHeight,
  uniform,
  type BorderIndex,
} from "../model/rangeFormat";
import { textAt } from "../model/cells";
import type { CellFormat } from "../model/types";
import { ClientObject, type Navigable, type PropSpec, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import type { RangeTarget } from "./range";

type Resolver = () => RangeTarget | null;

/** A format property read uniformly over the range and written as a cell-format patch. */
function formatProp(pick: (f: ResolvedFormat) => unknown, toPatch: (v: unknown) => CellFormat): PropSpec<RangeTarget> {
  return {
    get: (t) => uniform(t.sheet, t.rect, pick),
    set: (t, v, wb) => applyFormat(wb, t.sheet, t.rect, toPatch(v)),
  };
}

function requireBoolean(v: unknown): boolean {
  if (typeof v !== "boolean") throw officeError("InvalidArgument", `Expected true or false, got ${String(v)}.`);
  return v;
}

function requireOneOf(allowed: string[]) {
  return (v: unknown): string => {
    if (typeof v !== "string" || !allowed.includes(v)) throw officeError("InvalidArgument", `Expected one of ${allowed.join(", ")}, got ${String(v)}.`);
    return v;
  };
}

const horizontal = requireOneOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const vertical = requireOneOf(["Top", "Center", "Bottom", "Justify", "Distributed"]);

abstract class RangePart extends ClientObject<RangeTarget> {
  constructor(context: RequestContext, resolver: Resolver) {
    super(context, resolver, false);
  }
}

export class RangeFormatProxy extends RangePart {
  protected readonly typeName = "RangeFormat";
  protected readonly spec: Spec<RangeTarget> = {
    columnWidth: { get: (t) => readColumnWidth(t.sheet, t.rect), set: (t, v, wb) => setColumnWidth(wb, t.sheet, t.rect, v) },
    rowHeight: { get: (t) => readRowHeight(t.sheet, t.rect), set: (t, v, wb) => setRowHeight(wb, t.sheet, t.rect, v) },
    horizontalAlignment: formatProp((f) => f.horizontalAlignment, (v) => ({ horizontalAlignment: horizontal(v) })),
    verticalAlignment: formatProp((f) => f.verticalAlignment, (v) => ({ verticalAlignment: vertical(v) })),
    wrapText: formatProp((f) => f.wrapText, (v) => ({ wrapText: requireBoolean(v) })),
    indentLevel: formatProp((f) => f.indentLevel, (v) => ({ indentLevel: Number(v) })),
  };
  private readonly parts: { fill: RangeFillProxy; font: RangeFontProxy; protection: FormatProtectionProxy; borders: RangeBorderCollectionProxy };

  constructor(context: RequestContext, resolver: Resolver) {
    super(context, resolver);
    this.parts = {
      fill: new RangeFillProxy(context, resolver),
      font: new RangeFontProxy(context, resolver),
      protection: new FormatProtectionProxy(context, resolver),
      borders: new RangeBorderCollectionProxy(context, resolver),
    };
  }

  protected override navigation() {
    return this.parts as unknown as Record<string, Navigable>;
  }

  get fill(): RangeFillProxy {
    return this.parts.fill;
  }
  get font(): RangeFontProxy {
    return this.parts.font;
  }
  get protection(): FormatProtectionProxy {
    return this.parts.protection;
  }
  get borders(): RangeBorderCollectionProxy {
    return this.parts.borders;
  }

  get columnWidth(): number {
    return this.read("columnWidth") as number;
  }
  set columnWidth(v: number) {
    this.write("columnWidth", v);
  }
  get rowHeight(): number {
    return this.read("rowHeight") as number;
  }
  set rowHeight(v: number) {
    this.write("rowHeight", v);
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | string {
    return this.read("horizontalAlignment") as string;
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | string) {
    this.write("horizontalAlignment", v);
  }
  get verticalAlignment(): Excel.VerticalAlignment | string {
    return this.read("verticalAlignment") as string;
  }
  set verticalAlignment(v: Excel.VerticalAlignment | string) {
    this.write("verticalAlignment", v);
  }
  get wrapText(): boolean {
    return this.read("wrapText") as boolean;
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v);
  }
  get indentLevel(): number {
    return this.read("indentLevel") as number;
  }
  set indentLevel(v: number) {
    this.write("indentLevel", v);
  }

  autofitColumns(): void {
    this.call("autofitColumns", (t, wb) => autofitColumns(wb, t.sheet, t.rect, (row, col) => textAt(wb, t.sheet, row, col)));
  }

  autofitRows(): void {
    this.call("autofitRows", (t, wb) => {
      for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rows, 100_000); r++) t.sheet.rowHeights.delete(r);
      wb.markChanged("formats", t.sheet);
    });
  }
}

export class RangeFillProxy extends RangePart {
  protected readonly typeName = "RangeFill";
  protected readonly spec: Spec<RangeTarget> = {
    color: formatProp(fillColorOf, (v) => ({ fillColor: normalizeColor(v), fillPattern: "Solid" })),
    pattern: formatProp(fillPatternOf, (v) => (v === "None" ? { fillColor: undefined, fillPattern: undefined } : { fillPattern: String(v) })),
  };

  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", v);
  }
  get pattern(): Excel.FillPattern | string {
    return this.read("pattern") as string;
  }
  set pattern(v: Excel.FillPattern | string) {
    this.write("pattern", v);
  }

  clear(): void {
    this.call("clear", (t, wb) => applyFormat(wb, t.sheet, t.rect, { fillColor: undefined, fillPattern: undefined }));
  }
}

export class RangeFontProxy extends RangePart {
  protected readonly typeName = "RangeFont";
  protected readonly spec: Spec<RangeTarget> = {
    bold: formatProp((f) => f.bold, (v) => ({ bold: requireBoolean(v) })),
    italic: formatProp((f) => f.italic, (v) => ({ italic: requireBoolean(v) })),
    color: formatProp((f) => f.fontColor, (v) => ({ fontColor: normalizeColor(v) })),
    size: formatProp((f) => f.fontSize, (v) => {
      if (typeof v !== "number" || !(v > 0)) throw officeError("InvalidArgument", `Invalid font size ${String(v)}.`);
      return { fontSize: v };
    }),
    name: formatProp((f) => f.fontName, (v) => ({ fontName: String(v) })),
    underline: formatProp((f) => f.underline, (v) => ({ underline: String(v) })),
    strikethrough: formatProp((f) => f.strikethrough, (v) => ({ strikethrough: requireBoolean(v) })),
  };

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
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", v);
  }
  get size(): number {
    return this.read("size") as number;
  }
  set size(v: number) {
    this.write("size", v);
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.write("name", v);
  }
  get underline(): Excel.RangeUnderlineStyle | string {
    return this.read("underline") as string;
  }
  set underline(v: Excel.RangeUnderlineStyle | string) {
    this.write("underline", v);
  }
  get strikethrough(): boolean {
    return this.read("strikethrough") as boolean;
  }
  set strikethrough(v: boolean) {
    this.write("strikethrough", v);
  }
}

export class FormatProtectionProxy extends RangePart {
  protected readonly typeName = "FormatProtection";
  protected readonly spec: Spec<RangeTarget> = {
    locked: formatProp((f) => f.locked, (v) => ({ locked: requireBoolean(v) })),
    formulaHidden: formatProp((f) => f.formulaHidden, (v) => ({ formulaHidden: requireBoolean(v) })),
  };

  get locked(): boolean {
    return this.read("locked") as boolean;
  }
  set locked(v: boolean) {
    this.write("locked", v);
  }
  get formulaHidden(): boolean {
    return this.read("formulaHidden") as boolean;
  }
  set formulaHidden(v: boolean) {
    this.write("formulaHidden", v);
  }
}

export class RangeBorderCollectionProxy extends RangePart {
  protected readonly typeName = "RangeBorderCollection";
  protected readonly spec: Spec<RangeTarget> = {};
  private readonly byIndex = new Map<string, RangeBorderProxy>();

  getItem(index: Excel.BorderIndex | string): RangeBorderProxy {
    let b = this.byIndex.get(index);
    if (!b) {
      b = new RangeBorderProxy(this.context, () => {
        const t = this.resolve();
        if (t === null) return null;
        if (!isBorderIndex(index)) throw officeError("InvalidArgument", `Unsupported border index ${index}.`);
        return { ...t, index };
      });
      this.byIndex.set(index, b);
    }
    return b;
  }
}

interface BorderTarget extends RangeTarget {
  index: BorderIndex;
}

export class RangeBorderProxy extends ClientObject<BorderTarget> {
  protected readonly typeName = "RangeBorder";
  protected readonly spec: Spec<BorderTarget> = {
    sideIndex: { get: (t) => t.index },
    style: { get: (t) => readBorder(t.sheet, t.rect, t.index)?.style ?? null, set: (t, v, wb) => applyBorder(wb, t.sheet, t.rect, t.index, { style: String(v) }) },
    color: { get: (t) => readBorder(t.sheet, t.rect, t.index)?.color ?? null, set: (t, v, wb) => applyBorder(wb, t.sheet, t.rect, t.index, { color: normalizeColor(v) }) },
    weight: { get: (t) => readBorder(t.sheet, t.rect, t.index)?.weight ?? null, set: (t, v, wb) => applyBorder(wb, t.sheet, t.rect, t.index, { weight: String(v) }) },
  };

  constructor(context: RequestContext, resolver: () => BorderTarget | null) {
    super(context, resolver, false);
  }

  get style(): string {
    return this.read("style") as string;
  }
  set style(v: string) {
    this.write("style", v);
  }
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    this.write("color", v);
  }
  get weight(): string {
    return this.read("weight") as string;
  }
  set weight(v: string) {
    this.write("weight", v);
  }
}
