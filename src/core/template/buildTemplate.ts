/**
 * Quartiere and plan years → the whole planning workbook as data (`WorkbookModel`).
 * Sheets: "Parameter", one "QM <Name>" per Quartier, "Vergleich". Sheet names are made
 * Excel-safe and unique, also against sheets that already exist in the target workbook
 * (`existingSheets`), so a writer never has to touch a user's sheet.
 */
import { SHEETS } from "../names";
import { buildComparisonSheet } from "./comparisonSheet";
import { TemplateInput, TemplatePlan, validateTemplateInput } from "./input";
import type { WorkbookModel } from "./model";
import { buildNeighbourhoodSheet } from "./neighbourhoodSheet";
import { richtwerteOf } from "./figures";
import { richtwertPrompts } from "./notes";
import { buildParameterSheet } from "./parameterSheet";
import { assignSheetNames } from "./sheetNames";

export interface BuildOptions {
  /** Names of sheets already in the workbook the template goes into. */
  existingSheets?: Iterable<string>;
  /** "Today", for the default plan years. */
  today?: Date;
}

/** The sheet name wanted for a Quartier. */
export function neighbourhoodSheetName(name: string): string {
  return SHEETS.neighbourhoodPrefix + name;
}

/** Builds the model from a validated plan. */
export function buildWorkbookModel(plan: TemplatePlan, existingSheets: Iterable<string> = []): WorkbookModel {
  const requested = [SHEETS.parameters, ...plan.neighbourhoods.map((n) => neighbourhoodSheetName(n.name)), SHEETS.comparison];
  const { names: sheetNames, renamed } = assignSheetNames(requested, existingSheets);
  const parameterSheetName = sheetNames[0];
  const neighbourhoodSheets = sheetNames.slice(1, -1);
  const comparisonSheetName = sheetNames[sheetNames.length - 1];

  const parameters = buildParameterSheet(parameterSheetName, plan);
  const prompts = richtwertPrompts(plan);
  const richtwerte = richtwerteOf(plan);
  const quartiere = plan.neighbourhoods.map((n, i) => buildNeighbourhoodSheet(neighbourhoodSheets[i], n, plan.years, prompts, richtwerte[i]));
  const comparison = buildComparisonSheet(comparisonSheetName, neighbourhoodSheets, plan.years);
  return {
    sheets: [parameters.sheet, ...quartiere.map((q) => q.sheet), comparison],
    names: [...parameters.names, ...quartiere.flatMap((q) => q.names)],
    renamed,
  };
}

/** Validates the input (German `TemplateInputError` on bad input) and builds the model. */
export function buildTemplate(input: TemplateInput, options: BuildOptions = {}): { plan: TemplatePlan; model: WorkbookModel } {
  const plan = validateTemplateInput(input, options.today);
  return { plan, model: buildWorkbookModel(plan, options.existingSheets) };
}
