/**
 * Objects that sit on ranges of a sheet: data validation, conditional formats, charts.
 * They are stored as rules with their rectangles; the simulated host keeps them faithfully
 * so tests can check them, and the preview can show them. It does not evaluate them.
 */
import { Rect, containsRect, intersect, subtract } from "../address";
import { officeError } from "../errors";
import { assertUnprotected } from "./rangeFormat";
import type { SheetModel } from "./sheet";
import type { ChartModel, ConditionalFormatModel, ValidationModel, ValidationRule } from "./types";
import type { WorkbookModel } from "./workbook";

// ---- data validation -------------------------------------------------------------------

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

function checkRule(rule: unknown): ValidationRule {
  const keys = typeof rule === "object" && rule !== null ? Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] != null) : [];
  if (keys.length !== 1 || !(keys[0] in RULE_TYPES)) {
    throw officeError("InvalidArgument", "A data validation rule needs exactly one of list, wholeNumber, decimal, date, time, textLength, custom.");
  }
  const body = (rule as Record<string, unknown>)[keys[0]];
  if (keys[0] === "list" && typeof (body as { source?: unknown })?.source !== "string") {
    throw officeError("InvalidArgument", "A list validation needs a source (\"ja,nein\" or a reference).");
  }
  return JSON.parse(JSON.stringify({ [keys[0]]: body }));
}

function cutOut<T extends { rects: Rect[] }>(items: T[], rect: Rect): T[] {
  for (const item of items) item.rects = item.rects.flatMap((r) => subtract(r, rect));
  return items.filter((item) => item.rects.length > 0);
}

export function setValidationRule(wb: WorkbookModel, sheet: SheetModel, rect: Rect, rule: unknown): void {
  assertUnprotected(sheet);
  const checked = checkRule(rule);
  const previous = validationCovering(sheet, rect);
  sheet.validations = cutOut(sheet.validations, rect);
  sheet.validations.push({ rects: [rect], rule: checked, ignoreBlanks: previous?.ignoreBlanks ?? true, prompt: previous?.prompt, errorAlert: previous?.errorAlert });
  wb.markChanged("formats", sheet);
}

/** Sets `ignoreBlanks`, `prompt` or `errorAlert` on the validation of the range. */
export function setValidationProperty(wb: WorkbookModel, sheet: SheetModel, rect: Rect, key: "ignoreBlanks" | "prompt" | "errorAlert", value: unknown): void {
  assertUnprotected(sheet);
  let v = validationCovering(sheet, rect);
  if (!v) {
    sheet.validations = cutOut(sheet.validations, rect);
    v = { rects: [rect], rule: {}, ignoreBlanks: true };
    sheet.validations.push(v);
  }
  if (key === "ignoreBlanks") v.ignoreBlanks = Boolean(value);
  else v[key] = JSON.parse(JSON.stringify(value ?? {}));
  wb.markChanged("formats", sheet);
}

export function clearValidation(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  assertUnprotected(sheet);
  sheet.validations = cutOut(sheet.validations, rect);
  wb.markChanged("formats", sheet);
}

/** The one validation that covers the whole range, if one does. */
export function validationCovering(sheet: SheetModel, rect: Rect): ValidationModel | undefined {
  const touching = sheet.validations.filter((v) => v.rects.some((r) => intersect(r, rect)));
  if (touching.length !== 1) return undefined;
  const v = touching[0];
  let rest = [rect];
  for (const r of v.rects) rest = rest.flatMap((x) => subtract(x, r));
  return rest.length === 0 ? v : undefined;
}

/** Office.js `dataValidation.type` of a range: the rule's type, "None", or "Inconsistent". */
export function validationType(sheet: SheetModel, rect: Rect): string {
  const touching = sheet.validations.filter((v) => v.rects.some((r) => intersect(r, rect)));
  if (touching.length === 0) return "None";
  const v = validationCovering(sheet, rect);
  if (!v) return "Inconsistent";
  const key = Object.keys(v.rule)[0];
  return key ? RULE_TYPES[key] : "None";
}

/** Whether every value in the range passes a list rule (other rule types are not evaluated). */
export function listValid(v: ValidationModel | undefined, values: unknown[][]): boolean {
  const list = v?.rule.list as { source?: string } | undefined;
  if (!list || typeof list.source !== "string" || list.source.startsWith("=")) return true;
  const allowed = new Set(list.source.split(",").map((s) => s.trim().toUpperCase()));
  return values.every((row) => row.every((x) => (x === "" && v?.ignoreBlanks) || allowed.has(String(x).toUpperCase())));
}

// ---- conditional formats ---------------------------------------------------------------

const CONDITIONAL_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

export function addConditionalFormat(wb: WorkbookModel, sheet: SheetModel, rect: Rect, type: unknown): ConditionalFormatModel {
  assertUnprotected(sheet);
  if (typeof type !== "string" || !CONDITIONAL_TYPES.includes(type)) {
    throw officeError("InvalidArgument", `Unknown conditional format type ${String(type)}.`);
  }
  const cf: ConditionalFormatModel = { id: `{CF${wb.newId()}}`, type, rects: [rect], stopIfTrue: false, rule: {}, format: {} };
  // A new conditional format takes the highest priority, as in Excel.
  sheet.conditionalFormats.unshift(cf);
  wb.markChanged("formats", sheet);
  return cf;
}

export function conditionalFormatsIn(sheet: SheetModel, rect: Rect): ConditionalFormatModel[] {
  return sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => intersect(r, rect)));
}

export function clearConditionalFormats(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  assertUnprotected(sheet);
  sheet.conditionalFormats = cutOut(sheet.conditionalFormats, rect);
  wb.markChanged("formats", sheet);
}

export function deleteConditionalFormat(wb: WorkbookModel, sheet: SheetModel, cf: ConditionalFormatModel): void {
  assertUnprotected(sheet);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
  wb.markChanged("formats", sheet);
}

/** A rule or style change of a conditional format; `rule` must match its type. */
export function updateConditionalFormat(wb: WorkbookModel, sheet: SheetModel, cf: ConditionalFormatModel, update: Partial<Pick<ConditionalFormatModel, "rule" | "format" | "stopIfTrue">>): void {
  assertUnprotected(sheet);
  if (update.rule) {
    if (cf.type === "CellValue" && typeof update.rule.formula1 !== "string" && typeof update.rule.formula1 !== "number") {
      throw officeError("InvalidArgument", "A cell value rule needs formula1.");
    }
    for (const key of ["formula", "formula1", "formula2"]) {
      const f = update.rule[key];
      if (typeof f === "string" && f.startsWith("=") && !wb.engine.isValidFormula(f)) {
        throw officeError("InvalidArgument", `The formula "${f}" is not valid (formulas use the English form with commas).`);
      }
    }
    cf.rule = JSON.parse(JSON.stringify(update.rule));
  }
  if (update.format) cf.format = { ...cf.format, ...update.format };
  if (update.stopIfTrue !== undefined) cf.stopIfTrue = update.stopIfTrue;
  wb.markChanged("formats", sheet);
}

export function isWithin(cf: ConditionalFormatModel, rect: Rect): boolean {
  return cf.rects.every((r) => containsRect(rect, r));
}

// ---- charts ----------------------------------------------------------------------------

/** Excel's default chart size: 5 × 3 inches, in points. */
const CHART_WIDTH = 360;
const CHART_HEIGHT = 216;

export function addChart(wb: WorkbookModel, sheet: SheetModel, chartType: string, source: { sheet: SheetModel; rect: Rect }, seriesBy: string): ChartModel {
  const base = wb.locale === "de" ? "Diagramm " : "Chart ";
  let n = sheet.charts.length + 1;
  while (sheet.charts.some((c) => c.name === base + n)) n++;
  let top = 0;
  for (let r = 0; r < source.rect.row; r++) top += source.sheet.rowHeight(r);
  let left = 0;
  for (let c = 0; c < source.rect.col + source.rect.cols; c++) left += source.sheet.columnWidth(c);
  const chart: ChartModel = {
    id: `{CH${wb.newId()}}`,
    name: base + n,
    chartType,
    sourceSheetId: source.sheet.id,
    source: source.rect,
    seriesBy,
    title: "",
    titleVisible: false,
    legendVisible: true,
    legendPosition: "Right",
    top,
    left,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
  sheet.charts.push(chart);
  wb.markChanged("objects", sheet);
  return chart;
}
