/**
 * The standard's figures as this workbook uses them. They live in two places, so that everyone
 * who opens the workbook computes the same:
 * - the Parameter sheet's named cells (`Sachkosten_je_VbE` …), when the workbook has them:
 *   the template's own formulas compute with these, so they win;
 * - the document settings (`Office.context.document.settings`), which travel with the file
 *   also when it has no Parameter sheet.
 * Figures found in neither are the standard's. Loading and saving also hand the figures to the
 * QM.* functions (`setActiveParameters`) and, when that changes what they compute with, ask for
 * a full calculation: QM.* cells depend on the figures only through the functions' state, not
 * on any cell, so without it they would show the old figures until edited.
 *
 * Round trips, whatever the number of figures: two per load (three when the figures changed),
 * two per save; one to start watching the user's edits.
 */
import { Dec } from "../core/decimal";
import { parameterName } from "../core/names";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters } from "../core/standard";
import { activeParameters, setActiveParameters } from "../functions/activeParameters";

/** Key of the figures in the document settings. */
export const SETTINGS_KEY = "QM-Planer.Parameter";

export type ParameterSource = "sheet" | "settings" | "standard";

export interface WorkbookParameters {
  parameters: Parameters;
  /** Where the figures came from; "sheet" when at least one named cell was read. */
  source: ParameterSource;
  /** The sheet of the named cells, when source is "sheet". */
  sheet?: string;
  /** That sheet's id, which names it in change events also after a rename. */
  sheetId?: string;
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
    range.worksheet.load(["name", "id"]);
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

/**
 * Hands the figures to the QM.* functions. True when they differ from those the functions
 * computed with so far, i.e. when the QM.* cells need a full calculation. Throws (and changes
 * nothing) if a figure is no decimal number.
 */
function handToFunctions(parameters: Parameters): boolean {
  const before = activeParameters();
  setActiveParameters(parameters);
  const after = activeParameters();
  return FIGURE_KEYS.some((key) => !before[key].eq(after[key]));
}

/** The workbook's figures: named cells over settings over the standard. Two syncs, three when they changed. */
export async function loadWorkbookParameters(): Promise<WorkbookParameters> {
  return Excel.run(async (context) => {
    const cells = await readNamedCells(context);
    const stored = settingsParameters();
    const parameters: Parameters = { ...defaultParameters(), ...stored };
    let sheet: Excel.Worksheet | undefined;
    for (const { key, range } of cells) {
      const value = figureValue(range.values[0]?.[0]);
      if (value === undefined) continue;
      parameters[key] = value;
      sheet = range.worksheet;
    }
    if (handToFunctions(parameters)) {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    }
    const source: ParameterSource = sheet !== undefined ? "sheet" : Object.keys(stored).length > 0 ? "settings" : "standard";
    return { parameters, source, sheet: sheet?.name, sheetId: sheet?.id };
  });
}

/** Stores the figures in the named cells (where the workbook has them) and in the settings. Two syncs. */
export async function saveWorkbookParameters(parameters: Parameters): Promise<WorkbookParameters> {
  // Validated before anything is written, so a bad figure leaves the workbook as it was.
  handToFunctions(parameters);
  const sheet = await Excel.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/type");
    await context.sync();
    const cells = namedCells(names);
    for (const { key, range } of cells) range.values = [[Number(parameters[key])]];
    // Always, also when the functions had these figures already: cells computed before may
    // still show older ones (e.g. from a copy of the file computed elsewhere).
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
    return cells[0]?.range.worksheet;
  });
  await saveSettings(parameters);
  return { parameters: { ...parameters }, source: sheet !== undefined ? "sheet" : "settings", sheet: sheet?.name, sheetId: sheet?.id };
}

/**
 * Calls `onEdit` with the worksheet's id whenever a person changes cells of any sheet (not
 * when this add-in writes), so figures typed straight into the Parameter sheet can be picked
 * up. Registered on the worksheet collection rather than on the Parameter sheet, because that
 * sheet may be created (by "Vorlage erstellen") only after the pane started. The handler
 * itself makes no round trip. One sync.
 */
export async function watchUserEdits(onEdit: (worksheetId: string) => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (event) => {
      if (event.triggerSource !== "ThisLocalAddin") onEdit(event.worksheetId);
    });
    await context.sync();
  });
}
