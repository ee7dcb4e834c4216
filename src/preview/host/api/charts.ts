/**
 * `worksheet.charts`: a chart's type, source range, title, legend and position are stored,
 * so that tests can check them and the preview can draw a simple picture of them.
 */
import { WHOLE_SHEET } from "../address";
import { officeError } from "../errors";
import { addChart } from "../model/objects";
import type { SheetModel } from "../model/sheet";
import type { ChartModel } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ClientCollection, ClientObject, ClientResult, type Navigable, type Spec } from "./clientObject";
import type { RequestContext } from "./context";
import { ChartType } from "./enums";
import { RangeProxy, rectOfArgument } from "./range";

export interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

const CHART_TYPES = new Set<string>(Object.values(ChartType));
const SERIES_BY = ["Auto", "Columns", "Rows"];

export class ChartCollectionProxy extends ClientCollection<SheetModel, ChartTarget, ChartProxy> {
  protected readonly typeName = "ChartCollection";

  constructor(context: RequestContext, resolver: () => SheetModel | null) {
    super(context, resolver, false);
  }

  protected itemsOf(sheet: SheetModel): ChartTarget[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected proxyFor(item: ChartTarget): ChartProxy {
    return new ChartProxy(this.context, () => item, false);
  }

  private chart(fn: (sheet: SheetModel, wb: WorkbookModel) => ChartModel | null): ChartProxy {
    return new ChartProxy(this.context, () => {
      const sheet = this.resolveTarget();
      const chart = fn(sheet, this.context.model);
      return chart ? { sheet, chart } : null;
    });
  }

  add(type: Excel.ChartType | string, sourceData: RangeProxy, seriesBy: Excel.ChartSeriesBy | string = "Auto"): ChartProxy {
    return this.chart((sheet, wb) => {
      if (!CHART_TYPES.has(type)) throw officeError("InvalidArgument", `Unknown chart type ${type}.`);
      if (!SERIES_BY.includes(seriesBy)) throw officeError("InvalidArgument", `Unknown seriesBy ${seriesBy}.`);
      return addChart(wb, sheet, type, rectOfArgument({ sheet, rect: WHOLE_SHEET }, sourceData, wb), seriesBy);
    });
  }

  getItem(name: string): ChartProxy {
    return this.chart((sheet) => {
      const c = sheet.charts.find((x) => x.name === name);
      if (!c) throw officeError("ItemNotFound", `The requested resource doesn't exist: chart "${name}".`);
      return c;
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    return this.chart((sheet) => sheet.charts.find((x) => x.name === name) ?? null);
  }

  getItemAt(index: number): ChartProxy {
    return this.chart((sheet) => {
      const c = sheet.charts[index];
      if (!c) throw officeError("ItemNotFound", `No chart at index ${index}.`);
      return c;
    });
  }

  getCount(): ClientResult<number> {
    return this.callWithResult("getCount", (sheet) => sheet.charts.length);
  }
}

function chartProp<K extends keyof ChartModel>(key: K, convert: (v: unknown) => ChartModel[K]): Spec<ChartTarget>[string] {
  return {
    get: (t) => t.chart[key],
    set: (t, v, wb) => {
      t.chart[key] = convert(v);
      wb.markChanged("objects", t.sheet);
    },
  };
}

function chartType(v: unknown): string {
  if (typeof v !== "string" || !CHART_TYPES.has(v)) throw officeError("InvalidArgument", `Unknown chart type ${String(v)}.`);
  return v;
}

export class ChartProxy extends ClientObject<ChartTarget> {
  protected readonly typeName = "Chart";
  protected readonly spec: Spec<ChartTarget> = {
    id: { get: (t) => t.chart.id },
    name: chartProp("name", String),
    chartType: chartProp("chartType", chartType),
    top: chartProp("top", Number),
    left: chartProp("left", Number),
    width: chartProp("width", Number),
    height: chartProp("height", Number),
  };
  private parts?: { title: ChartTitleProxy; legend: ChartLegendProxy };

  constructor(context: RequestContext, resolver: () => ChartTarget | null, instantiate = true) {
    super(context, resolver, instantiate);
  }

  protected override isAlive(t: ChartTarget): boolean {
    return !t.sheet.deleted && t.sheet.charts.includes(t.chart);
  }

  private get nav() {
    return (this.parts ??= {
      title: new ChartTitleProxy(this.context, () => this.resolve()),
      legend: new ChartLegendProxy(this.context, () => this.resolve()),
    });
  }

  protected override navigation(): Record<string, Navigable> {
    return this.nav;
  }

  get title(): ChartTitleProxy {
    return this.nav.title;
  }
  get legend(): ChartLegendProxy {
    return this.nav.legend;
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
  get chartType(): Excel.ChartType | string {
    return this.read("chartType") as string;
  }
  set chartType(v: Excel.ChartType | string) {
    this.write("chartType", v);
  }
  get top(): number {
    return this.read("top") as number;
  }
  set top(v: number) {
    this.write("top", v);
  }
  get left(): number {
    return this.read("left") as number;
  }
  set left(v: number) {
    this.write("left", v);
  }
  get width(): number {
    return this.read("width") as number;
  }
  set width(v: number) {
    this.write("width", v);
  }
  get height(): number {
    return this.read("height") as number;
  }
  set height(v: number) {
    this.write("height", v);
  }

  /** Places the chart over the cells from startCell to endCell (or keeps its size). */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.call("setPosition", (t, wb) => {
      const start = rectOfArgument({ sheet: t.sheet, rect: WHOLE_SHEET }, startCell, wb).rect;
      const end = endCell !== undefined ? rectOfArgument({ sheet: t.sheet, rect: WHOLE_SHEET }, endCell, wb).rect : undefined;
      const offset = (n: number, size: (i: number) => number) => Array.from({ length: n }, (_, i) => size(i)).reduce((a, b) => a + b, 0);
      t.chart.top = offset(start.row, (r) => t.sheet.rowHeight(r));
      t.chart.left = offset(start.col, (c) => t.sheet.columnWidth(c));
      if (end) {
        t.chart.height = offset(end.row + end.rows, (r) => t.sheet.rowHeight(r)) - t.chart.top;
        t.chart.width = offset(end.col + end.cols, (c) => t.sheet.columnWidth(c)) - t.chart.left;
      }
      wb.markChanged("objects", t.sheet);
    });
  }

  setData(sourceData: RangeProxy, seriesBy: Excel.ChartSeriesBy | string = "Auto"): void {
    this.call("setData", (t, wb) => {
      const source = rectOfArgument({ sheet: t.sheet, rect: WHOLE_SHEET }, sourceData, wb);
      t.chart.sourceSheetId = source.sheet.id;
      t.chart.source = source.rect;
      t.chart.seriesBy = seriesBy;
      wb.markChanged("objects", t.sheet);
    });
  }

  delete(): void {
    this.call("delete", (t, wb) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
      wb.markChanged("objects", t.sheet);
    });
  }
}

export class ChartTitleProxy extends ClientObject<ChartTarget> {
  protected readonly typeName = "ChartTitle";
  protected readonly spec: Spec<ChartTarget> = {
    text: {
      get: (t) => t.chart.title,
      set: (t, v, wb) => {
        t.chart.title = String(v);
        t.chart.titleVisible = t.chart.title !== "";
        wb.markChanged("objects", t.sheet);
      },
    },
    visible: chartProp("titleVisible", Boolean),
  };

  constructor(context: RequestContext, resolver: () => ChartTarget | null) {
    super(context, resolver, false);
  }

  get text(): string {
    return this.read("text") as string;
  }
  set text(v: string) {
    this.write("text", v);
  }
  get visible(): boolean {
    return this.read("visible") as boolean;
  }
  set visible(v: boolean) {
    this.write("visible", v);
  }
}

export class ChartLegendProxy extends ClientObject<ChartTarget> {
  protected readonly typeName = "ChartLegend";
  protected readonly spec: Spec<ChartTarget> = {
    visible: chartProp("legendVisible", Boolean),
    position: chartProp("legendPosition", String),
  };

  constructor(context: RequestContext, resolver: () => ChartTarget | null) {
    super(context, resolver, false);
  }

  get visible(): boolean {
    return this.read("visible") as boolean;
  }
  set visible(v: boolean) {
    this.write("visible", v);
  }
  get position(): Excel.ChartLegendPosition | string {
    return this.read("position") as string;
  }
  set position(v: Excel.ChartLegendPosition | string) {
    this.write("position", v);
  }
}
