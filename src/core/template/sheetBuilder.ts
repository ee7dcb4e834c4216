/** Collects the cells and parts of one sheet model while a builder lays it out. */
import { cellAddress } from "./addresses";
import { PROMPT_LIMITS } from "./model";
import type { CellConstant, CellModel, ChartModel, ConditionalFormatModel, ListValidationModel, PromptModel, SheetModel, SheetRole } from "./model";
import { NUMBER_FORMATS, StyleKey } from "./styles";

export interface CellSpec {
  value?: CellConstant;
  formula?: string;
  /** The value the core computed for `formula` (see `CellModel.result`). */
  result?: number;
  numberFormat?: string;
  style?: StyleKey;
  /** Input cells are unlocked; everything else stays locked. */
  input?: boolean;
}

export class SheetBuilder {
  private readonly cells = new Map<string, CellModel>();
  private readonly widths = new Map<number, number>();
  private readonly validations: ListValidationModel[] = [];
  /** By title and message, so ranges with the same text share one entry. */
  private readonly prompts = new Map<string, PromptModel>();
  private readonly conditionalFormats: ConditionalFormatModel[] = [];
  private freeze: SheetModel["freeze"];
  private chart: ChartModel | undefined;

  constructor(
    readonly name: string,
    private readonly role: SheetRole,
  ) {}

  set(row: number, col: number, spec: CellSpec): string {
    const address = cellAddress(row, col);
    // Excel stores a formula typed into a text-formatted cell as text.
    if (spec.formula !== undefined && spec.numberFormat === NUMBER_FORMATS.text)
      throw new Error(`${this.name}!${address}: eine Formel darf kein Textformat haben.`);
    const cell: CellModel = { row, col, address, locked: !spec.input };
    if (spec.value !== undefined) cell.value = spec.value;
    if (spec.formula !== undefined) cell.formula = spec.formula;
    if (spec.formula !== undefined && spec.result !== undefined) cell.result = spec.result;
    if (spec.numberFormat !== undefined) cell.numberFormat = spec.numberFormat;
    const style = spec.style ?? (spec.input ? "input" : undefined);
    if (style !== undefined) cell.style = style;
    this.cells.set(address, cell);
    return address;
  }

  width(col: number, width: number): void {
    this.widths.set(col, width);
  }

  list(range: string, values: readonly string[]): void {
    this.validations.push({ range, values });
  }

  /** An input message on `range`; title and message are cut to Excel's limits. */
  prompt(range: string, title: string, message: string): void {
    const t = clip(title, PROMPT_LIMITS.title);
    const m = clip(message, PROMPT_LIMITS.message);
    const key = `${t}\u0000${m}`;
    const entry = this.prompts.get(key);
    if (entry) entry.ranges.push(range);
    else this.prompts.set(key, { ranges: [range], title: t, message: m });
  }

  highlight(range: string, formula: string, style: StyleKey): void {
    this.conditionalFormats.push({ range, formula, style });
  }

  freezePanes(rows: number, cols: number): void {
    this.freeze = { rows, cols };
  }

  addChart(chart: ChartModel): void {
    this.chart = chart;
  }

  build(): SheetModel {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const sheet: SheetModel = {
      name: this.name,
      role: this.role,
      cells,
      columnWidths: [...this.widths].sort(([a], [b]) => a - b).map(([col, width]) => ({ col, width })),
      validations: this.validations,
      prompts: [...this.prompts.values()],
      conditionalFormats: this.conditionalFormats,
      protect: true,
    };
    if (this.freeze) sheet.freeze = this.freeze;
    if (this.chart) sheet.chart = this.chart;
    return sheet;
  }
}

/**
 * `text` within `limit` UTF-16 units (what Excel counts): cut at the last space that leaves
 * room for "…", never inside a surrogate pair, so a long rule still reads as words.
 */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const space = text.lastIndexOf(" ", end);
  if (space > limit / 2) end = space;
  else if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return text.slice(0, end).trimEnd() + "…";
}
