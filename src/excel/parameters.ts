/**
 * The workbook's parameters through Office.js: reads and writes the Parameter sheet's named
 * cells and the document settings, nothing else. What the figures are (`resolveWorkbookParameters`),
 * what a save writes or refuses (`planSave`) is decided in `src/core/parameterSources.ts`; when
 * the QM.* functions take the figures and whether they must recalculate, in the task pane's
 * `workbookParameters.ts` with the runtime state (`src/functions/state.ts`).
 *
 * Round trips, whatever the number of figures: one per read, three per recalculation (of the
 * sheets holding QM.* formulas, `recalculate.ts`; two of them before a save's writes), two per
 * save (plus saving the settings); one to start watching the user's edits.
 */
import { findQmSheets, queueSheetCalculation } from "./recalculate";
import { saveDocumentSettings } from "./settings";
import {
  FIELD_NAMES,
  NamedCellRead,
  ParameterChange,
  ParameterRead,
  ParameterSaveError,
  planSave,
  resolveWorkbookParameters,
  SETTINGS_KEYS,
  type WorkbookParameters,
} from "../core/parameterSources";

export { figureValue } from "../core/fields";
export { ParameterSaveError } from "../core/parameterSources";
export type { ParameterChange, ParameterSource, WorkbookParameters } from "../core/parameterSources";

/** Key of the figures in the document settings. */
export const SETTINGS_KEY = SETTINGS_KEYS.figures;

type SettingsName = keyof typeof SETTINGS_KEYS;
const SETTINGS_NAMES = Object.keys(SETTINGS_KEYS) as SettingsName[];

function readSettings(): ParameterRead["settings"] {
  const settings = Office.context.document.settings;
  const out = {} as Record<SettingsName, unknown>;
  for (const name of SETTINGS_NAMES) out[name] = settings.get(SETTINGS_KEYS[name]);
  return out;
}

/** Puts the settings back as they were (and, with `save`, into the workbook). */
async function restoreSettings(stored: ParameterRead["settings"], save: boolean): Promise<void> {
  const settings = Office.context.document.settings;
  for (const name of SETTINGS_NAMES) {
    const value = stored[name];
    if (value === null || value === undefined) settings.remove(SETTINGS_KEYS[name]);
    else settings.set(SETTINGS_KEYS[name], value);
  }
  if (save) await saveDocumentSettings();
}

/**
 * Stores the settings' new content. If Office cannot save them, the add-in's copy of the
 * settings is put back too, so a later read does not find values the file does not have.
 */
async function writeSettings(content: Partial<Record<SettingsName, object>>, before: ParameterRead["settings"]): Promise<void> {
  const settings = Office.context.document.settings;
  for (const name of SETTINGS_NAMES) if (content[name] !== undefined) settings.set(SETTINGS_KEYS[name], content[name]);
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
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface QueuedCell {
  key: NamedCellRead["key"];
  /** A null object when the workbook has no such name, or the name is no range. */
  range: Excel.Range;
}

/** Queues the reads of every field's named cell, found or not: no sync to list the names first. */
function queueNamedCells(context: Excel.RequestContext): QueuedCell[] {
  return FIELD_NAMES.map(({ key, name }) => {
    const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load(["values", "formulas", "address"]);
    range.worksheet.load(["name", "id"]);
    return { key, range };
  });
}

function namedCellsRead(cells: readonly QueuedCell[]): NamedCellRead[] {
  return cells
    .filter(({ range }) => !range.isNullObject)
    .map(({ key, range }) => ({
      key,
      value: range.values[0]?.[0],
      formula: range.formulas[0]?.[0],
      address: range.address,
      sheet: range.worksheet.name,
      sheetId: range.worksheet.id,
    }));
}

/** The named cells and the settings as the workbook holds them. One sync. */
export async function readWorkbookParameters(): Promise<ParameterRead> {
  return Excel.run(async (context) => {
    const cells = queueNamedCells(context);
    await context.sync();
    return { cells: namedCellsRead(cells), settings: readSettings() };
  });
}

/** The workbook's figures: named cells over settings over the standard. One sync. */
export async function loadWorkbookParameters(): Promise<WorkbookParameters> {
  return resolveWorkbookParameters(await readWorkbookParameters());
}

/**
 * Recalculates the sheets holding QM.* formulas: those cells depend on the figures only through
 * the functions' state, not on any cell, so without it they would show the old figures until
 * edited. Three syncs.
 */
export async function recalculateFunctions(): Promise<void> {
  await Excel.run(async (context) => {
    queueSheetCalculation(await findQmSheets(context));
    await context.sync();
  });
}

export interface SaveOptions {
  /**
   * Called once the save is certain to be attempted — after the refusals, with the cells'
   * writes queued — so the caller hands the figures to the QM.* functions before the
   * recalculation of the same batch runs. If the batch then fails, the save rejects.
   */
  onWrite?: () => void;
  /** Recalculate the sheets holding QM.* formulas after the writes, in their batch (not when they fail); two syncs more. */
  recalculate?: boolean;
}

/**
 * Stores the figures, planning assumptions and the standard's identity in the named cells
 * (where the workbook has them) and in the settings. Two syncs, plus saving the settings.
 *
 * Refusals (`planSave`) come before anything is written. If Office refuses the settings or
 * the cells (e.g. a protected sheet), what was changed is put back.
 */
export async function saveWorkbookParameters(change: ParameterChange, options: SaveOptions = {}): Promise<WorkbookParameters> {
  return Excel.run(async (context) => {
    // Found before anything is written, so that their calculation joins the writes' batch.
    const qmSheets = options.recalculate ? await findQmSheets(context) : [];
    const queued = queueNamedCells(context);
    await context.sync();
    const settingsBefore = readSettings();
    const plan = planSave({ cells: namedCellsRead(queued), settings: settingsBefore }, change);

    // The settings first: unlike cells they cannot be written in the same batch, and a refusal
    // there leaves the cells untouched.
    await writeSettings(plan.settings, settingsBefore);
    const ranges = new Map(queued.map(({ key, range }) => [key, range] as const));
    for (const { key, value } of plan.writes) ranges.get(key)!.values = [[value]];
    options.onWrite?.();
    queueSheetCalculation(qmSheets);
    try {
      await context.sync();
    } catch (error) {
      return rollBack(settingsBefore, error);
    }
    return plan.result;
  });
}

/** Puts the settings' previous content back and says what happened. */
async function rollBack(settings: ParameterRead["settings"], error: unknown): Promise<never> {
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
