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
 * two per save (plus saving the settings); one to start watching the user's edits.
 */
import { saveDocumentSettings } from "./settings";
import { Dec } from "../core/decimal";
import { parameterName } from "../core/names";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters, RAHMENSTANDARD } from "../core/standard";
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

/**
 * Significant digits a figure may have: Excel's own precision, so every figure is exactly the
 * number a cell holds, and far below the 40 digits the budget core computes with, so its
 * precomputed thresholds (e.g. "the minimum applies below E residents") stay exact.
 */
const FIGURE_DIGITS = 15;

/**
 * A decimal, also in exponent spelling as JavaScript writes small and large numbers ("1e-7").
 * At most three exponent digits, which decimal.js reads exactly; longer exponents could turn
 * into 0 or Infinity.
 */
const DECIMAL_TEXT = /^\d+(\.\d+)?(e[+-]?\d{1,3})?$/i;

/**
 * A figure as an exact decimal string, or undefined if the value is no non-negative finite
 * number of at most 15 significant digits. A number (a cell's value) is read to Excel's 15
 * digits, so `=0.1*3` is 0.3, not 0.30000000000000004; a text (from the settings) must not
 * need rounding.
 */
export function figureValue(value: unknown): string | undefined {
  let figure: Dec;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) figure = new Dec(value.toPrecision(FIGURE_DIGITS));
  else if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) figure = new Dec(value.trim());
  else return undefined;
  return figure.isFinite() && figure.sd() <= FIGURE_DIGITS ? figure.toFixed() : undefined;
}

/**
 * A refusal to save the figures, in German and in English for the pane (like
 * `TemplateWriteError`). Whatever it reports, the workbook and the figures the QM.* functions
 * compute with are as they were, unless the message says otherwise.
 */
export class ParameterSaveError extends Error {
  readonly messageEn: string;

  constructor(message: string, messageEn: string) {
    super(message);
    this.name = "ParameterSaveError";
    this.messageEn = messageEn;
  }
}

function figureName(key: FigureKey): { de: string; en: string } {
  const figure = RAHMENSTANDARD.figures[key];
  return { de: figure.name, en: figure.nameEn };
}

/** The figures as exact decimal strings; refuses the first that `figureValue` cannot read. */
function validFigures(parameters: Parameters): Parameters {
  const out = {} as Parameters;
  for (const key of FIGURE_KEYS) {
    const value = figureValue(parameters[key]);
    if (value === undefined) {
      const name = figureName(key);
      throw new ParameterSaveError(
        `„${parameters[key]}“ ist für „${name.de}“ keine gültige Zahl (ab 0, höchstens ${FIGURE_DIGITS} Stellen). Es wurde nichts gespeichert.`,
        `"${parameters[key]}" is no valid number for "${name.en}" (0 or more, at most ${FIGURE_DIGITS} digits). Nothing was saved.`,
      );
    }
    out[key] = value;
  }
  return out;
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

/** The settings' figures as they were, to put back: `null` when there were none. */
type StoredSettings = unknown;

/** Puts the settings' figures back as they were (and, with `save`, into the workbook). */
async function restoreSettings(stored: StoredSettings, save: boolean): Promise<void> {
  const settings = Office.context.document.settings;
  if (stored === null || stored === undefined) settings.remove(SETTINGS_KEY);
  else settings.set(SETTINGS_KEY, stored);
  if (save) await saveDocumentSettings();
}

/**
 * Stores the figures in the document settings; returns what the settings held before. If Office
 * cannot save them, the add-in's copy of the settings is put back too, so a later load does not
 * read figures the file does not have.
 */
async function saveSettings(parameters: Parameters): Promise<StoredSettings> {
  const settings = Office.context.document.settings;
  const before: StoredSettings = settings.get(SETTINGS_KEY);
  settings.set(SETTINGS_KEY, { ...parameters });
  try {
    await saveDocumentSettings();
  } catch (error) {
    await restoreSettings(before, false);
    const reason = messageOf(error);
    throw new ParameterSaveError(
      `Die Kennzahlen konnten nicht in den Einstellungen der Arbeitsmappe gespeichert werden (Office meldet: ${reason}). Es wurde nichts geändert.`,
      `The figures could not be saved in the workbook's settings (Office reports: ${reason}). Nothing was changed.`,
    );
  }
  return before;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/** The figures the QM.* functions compute with now, to hand back if a save fails. */
function functionFigures(): Parameters {
  const active = activeParameters();
  const out = {} as Parameters;
  for (const key of FIGURE_KEYS) out[key] = active[key].toFixed();
  return out;
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

/** A figure's named cell as a save sees it, read in one sync. */
interface FigureCell {
  key: FigureKey;
  /** A null object when the workbook has no such name, or the name is no range. */
  range: Excel.Range;
}

/** Queues the reads of every figure's named cell, found or not: no sync to list the names first. */
function queueFigureCells(context: Excel.RequestContext): FigureCell[] {
  return FIGURE_KEYS.map((key) => {
    const range = context.workbook.names.getItemOrNullObject(parameterName(key)).getRangeOrNullObject();
    range.load(["values", "formulas", "address"]);
    range.worksheet.load(["name", "id"]);
    return { key, range };
  });
}

function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

/** The user's formulas are theirs: refuses to replace any, naming each figure and cell. */
function refuseFormulas(cells: readonly FigureCell[]): void {
  const formulas = cells.filter((cell) => isFormula(cell.range.formulas[0]?.[0]));
  if (formulas.length === 0) return;
  const listed = (lang: "de" | "en") =>
    formulas.map(({ key, range }) => (lang === "de" ? `„${figureName(key).de}“ (${range.address})` : `"${figureName(key).en}" (${range.address})`)).join(", ");
  throw new ParameterSaveError(
    `Im Blatt wird mit einer Formel berechnet: ${listed("de")}. Formeln überschreibt das Add-in nicht; bitte den neuen Wert dort in der Formel eintragen (oder die Formel durch eine Zahl ersetzen) und dann speichern. Es wurde nichts gespeichert.`,
    `Computed by a formula on the sheet: ${listed("en")}. The add-in does not overwrite formulas; please change the value in the formula there (or replace the formula by a number) and save again. Nothing was saved.`,
  );
}

/** Hands the functions' previous figures back and the settings' previous content. */
async function rollBack(functions: Parameters, settings: StoredSettings, error: unknown): Promise<never> {
  setActiveParameters(functions);
  const reason = messageOf(error);
  try {
    await restoreSettings(settings, true);
  } catch (restoreError) {
    const cleanup = messageOf(restoreError);
    throw new ParameterSaveError(
      `Die Kennzahlen konnten nicht ins Blatt geschrieben werden (Excel meldet: ${reason}), und die Einstellungen der Arbeitsmappe ließen sich nicht zurücksetzen (${cleanup}): sie enthalten schon die neuen Werte. Die QM-Funktionen rechnen weiter mit den bisherigen. Bitte erneut speichern, sobald das Blatt beschreibbar ist.`,
      `The figures could not be written to the sheet (Excel reports: ${reason}), and the workbook's settings could not be reset (${cleanup}): they hold the new values already. The QM functions keep computing with the previous ones. Please save again once the sheet can be written.`,
    );
  }
  throw new ParameterSaveError(
    `Die Kennzahlen konnten nicht ins Blatt geschrieben werden (Excel meldet: ${reason}). Es wurde nichts geändert.`,
    `The figures could not be written to the sheet (Excel reports: ${reason}). Nothing was changed.`,
  );
}

/**
 * Stores the figures in the named cells (where the workbook has them) and in the settings, and
 * then hands them to the QM.* functions. Two syncs, plus saving the settings.
 *
 * Before anything is written, it refuses a figure that is no number and a changed figure whose
 * cell holds a formula. Only cells whose figure changed are written. If Office refuses the
 * settings or the cells (e.g. a protected sheet), what was changed is put back: the functions
 * keep the figures the workbook still has.
 */
export async function saveWorkbookParameters(parameters: Parameters): Promise<WorkbookParameters> {
  const figures = validFigures(parameters);
  return Excel.run(async (context) => {
    const cells = queueFigureCells(context);
    await context.sync();
    const present = cells.filter((cell) => !cell.range.isNullObject);
    const changed = present.filter(({ key, range }) => {
      const current = figureValue(range.values[0]?.[0]);
      return current === undefined || !new Dec(current).eq(figures[key]);
    });
    refuseFormulas(changed);

    // The settings first: unlike cells they cannot be written in the same batch, and a refusal
    // there leaves the cells untouched.
    const settingsBefore = await saveSettings(figures);
    const functionsBefore = functionFigures();
    for (const { key, range } of changed) range.values = [[Number(figures[key])]];
    setActiveParameters(figures);
    // Always, also when the functions had these figures already: cells computed before may
    // still show older ones (e.g. from a copy of the file computed elsewhere). Queued after the
    // writes, so it does not run when they fail.
    context.workbook.application.calculate(Excel.CalculationType.full);
    try {
      await context.sync();
    } catch (error) {
      return rollBack(functionsBefore, settingsBefore, error);
    }
    const sheet = present[0]?.range.worksheet;
    return { parameters: figures, source: sheet !== undefined ? "sheet" : "settings", sheet: sheet?.name, sheetId: sheet?.id };
  });
}

/**
 * Calls `onEdit` with the worksheet's id whenever a person changes cells of any sheet, so
 * figures typed straight into the Parameter sheet can be picked up. This add-in's own writes
 * (a save, a template) are left out by the event's `triggerSource`, which Excel reports from
 * ExcelApi 1.14 on, the version the manifest requires. Registered on the worksheet collection
 * rather than on the Parameter sheet, because that sheet may be created (by "Vorlage
 * erstellen") only after the pane started. The handler itself makes no round trip. One sync.
 */
export async function watchUserEdits(onEdit: (worksheetId: string) => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (event) => {
      if (event.triggerSource !== "ThisLocalAddin") onEdit(event.worksheetId);
    });
    await context.sync();
  });
}
