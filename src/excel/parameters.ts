/**
 * The standard's figures as this workbook uses them. They live in two places, so that everyone
 * who opens the workbook computes the same:
 * - the Parameter sheet's named cells (`Sachkosten_je_VbE` …), when the workbook has them:
 *   the template's own formulas compute with these, so they win;
 * - the document settings (`Office.context.document.settings`), which travel with the file
 *   also when it has no Parameter sheet.
 * Figures found in neither are the standard's. Loading and saving also hand the figures to the
 * QM.* functions (`setActiveParameters`), so the next recalculation uses them.
 *
 * Two `context.sync()` calls per load or save, whatever the number of figures.
 */
import { Dec } from "../core/decimal";
import { parameterName } from "../core/names";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters } from "../core/standard";
import { setActiveParameters } from "../functions/activeParameters";

/** Key of the figures in the document settings. */
export const SETTINGS_KEY = "QM-Planer.Parameter";

export type ParameterSource = "sheet" | "settings" | "standard";

export interface WorkbookParameters {
  parameters: Parameters;
  /** Where the figures came from; "sheet" when at least one named cell was read. */
  source: ParameterSource;
  /** The sheet of the named cells, when source is "sheet". */
  sheet?: string;
}

/** A figure as an exact decimal string, or undefined if the value is no non-negative finite number. */
export function figureValue(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return new Dec(value).toFixed();
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) return new Dec(value.trim()).toFixed();
  return undefined;
}

function settingsParameters(): Partial<Parameters> {
  const stored: unknown = Office.context.document.settings.get(SETTINGS_KEY);
  const out: Partial<Parameters> = {};
  if (typeof stored !== "object" || stored === null) return out;
  for (const key of FIGURE_KEYS) {
    const value = figureValue((stored as Record<string, unknown>)[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function saveSettings(parameters: Parameters): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(SETTINGS_KEY, { ...parameters });
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "saveAsync")),
    ),
  );
}

interface NamedCell {
  key: FigureKey;
  range: Excel.Range;
}

/** Queues the reads of the figures' named cells: needs the loaded workbook names. */
function namedCells(names: Excel.NamedItemCollection): NamedCell[] {
  const wanted = new Map(FIGURE_KEYS.map((key) => [parameterName(key).toLowerCase(), key] as const));
  const cells: NamedCell[] = [];
  for (const item of names.items) {
    const key = wanted.get(item.name.toLowerCase());
    if (key === undefined || item.type !== Excel.NamedItemType.range) continue;
    const range = item.getRange();
    range.load(["values"]);
    range.worksheet.load("name");
    cells.push({ key, range });
  }
  return cells;
}

/** The figures' named cells with their values loaded: two syncs. */
async function readNamedCells(context: Excel.RequestContext): Promise<NamedCell[]> {
  const names = context.workbook.names;
  names.load("items/name,items/type");
  await context.sync();
  const cells = namedCells(names);
  await context.sync();
  return cells;
}

/** The workbook's figures: named cells over settings over the standard. Two syncs. */
export async function loadWorkbookParameters(): Promise<WorkbookParameters> {
  const result = await Excel.run(async (context) => {
    const cells = await readNamedCells(context);
    const stored = settingsParameters();
    const parameters: Parameters = { ...defaultParameters(), ...stored };
    let sheet: string | undefined;
    for (const { key, range } of cells) {
      const value = figureValue(range.values[0]?.[0]);
      if (value === undefined) continue;
      parameters[key] = value;
      sheet = range.worksheet.name;
    }
    const source: ParameterSource = sheet !== undefined ? "sheet" : Object.keys(stored).length > 0 ? "settings" : "standard";
    return { parameters, source, sheet };
  });
  setActiveParameters(result.parameters);
  return result;
}

/** Stores the figures in the named cells (where the workbook has them) and in the settings. Two syncs. */
export async function saveWorkbookParameters(parameters: Parameters): Promise<WorkbookParameters> {
  // Validated before anything is written, so a bad figure leaves the workbook as it was.
  setActiveParameters(parameters);
  const sheet = await Excel.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/type");
    await context.sync();
    const cells = namedCells(names);
    for (const { key, range } of cells) range.values = [[Number(parameters[key])]];
    // QM.* cells depend on the figures only through the functions' state, not on any cell:
    // without a full calculation they would show the old figures until edited.
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
    return cells[0]?.range.worksheet.name;
  });
  await saveSettings(parameters);
  return { parameters: { ...parameters }, source: sheet !== undefined ? "sheet" : "settings", sheet };
}
