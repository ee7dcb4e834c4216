/**
 * "Vorlage anlegen" in Excel: renders the core's template model into the open workbook through
 * Office.js. Layout comes entirely from the model (the same one the CLI writes with exceljs).
 *
 * Rules kept here:
 * - One `Excel.run`, a constant number of round trips whatever the number of Quartiere:
 *   one sync to read the existing sheet and name list, one to write everything.
 * - Nothing of the user's is touched: sheet names clashing with existing sheets get a free
 *   name ("Parameter (2)"), reported in the result; if the workbook already has one of the
 *   workbook-wide Parameter names (an earlier template), nothing is created and the user is
 *   told to use a new workbook (the new formulas would otherwise read the old figures).
 * - If writing fails, every sheet and name created so far is removed again (two more syncs)
 *   and the failure is reported, in German and English.
 */
import {
  buildWorkbookModel,
  CellModel,
  CellStyle,
  SheetModel,
  SheetRenaming,
  STYLES,
  StyleKey,
  TemplateInput,
  TemplatePlan,
  validateTemplateInput,
  WorkbookModel,
} from "../core/template";
import { cellsOfRange, columnLetter } from "../core/template/addresses";
import { withEnglishLabels } from "../core/template/english";
import type { Language } from "../core/format";
import { say, Texts, Wording } from "../core/read/texts";
import { SHEETS } from "../core/names";
import { readWorkbookPlan } from "../core/read/workbookPlan";
import { buildAddition, isUnchangedComparison } from "../core/template/addNeighbourhoods";
import { readWorkbookSnapshot } from "./readPlan";

export interface TemplateProgress {
  /** Steps done so far, of `total`. */
  done: number;
  total: number;
  /** What is happening, in German, for the pane's progress bar. */
  message: string;
}

export interface CreateTemplateOptions {
  onProgress?: (progress: TemplateProgress) => void;
  /** "Today", for the default plan years. */
  today?: Date;
  /** Largest estimated request per sync, in bytes (tests lower it); see MAX_BATCH_BYTES. */
  maxBatchBytes?: number;
  /**
   * The `Excel.run` to write with (default: the global one). The browser preview writes its
   * sample workbook with the host's own while the pane's calls wait for that workbook.
   */
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** "en" where Office runs in English: the sheets' labels in English (names, sheet names and "ja"/"nein" stay). */
  lang?: Language;
}

/**
 * Excel on the web refuses a request larger than 5 MB. Sheets are sent together while their
 * estimated size stays below this, so up to about 100 Quartiere × 10 plan years go in one sync
 * and larger plans in a few, bounded by size, not by the number of Quartiere.
 */
export const MAX_BATCH_BYTES = 2_000_000;

export interface CreateTemplateResult {
  /** The sheets created, in order: Parameter, one per Quartier, Vergleich. */
  sheets: string[];
  /** Sheets that got another name than asked for (existing sheet, too long, forbidden characters). */
  renamed: SheetRenaming[];
  plan: TemplatePlan;
}

/** A failure the pane shows as it is: `message` in German, `messageEn` when the pane is English. */
export class TemplateWriteError extends Error {
  readonly messageEn: string;

  constructor(message: string, messageEn: string) {
    super(message);
    this.name = "TemplateWriteError";
    this.messageEn = messageEn;
  }
}

function refusal(texts: Texts): TemplateWriteError {
  return new TemplateWriteError(texts.de, texts.en);
}

/** The workbook has a workbook-wide name of the template already (an earlier template). */
const NAME_TAKEN: Wording<string> = {
  de: (name) =>
    `Die Mappe enthält schon den Namen „${name}“ (wohl aus einer früheren Vorlage). Bitte die Vorlage in einer neuen Mappe anlegen; es wurde nichts geändert.`,
  en: (name) =>
    `The workbook already contains the name "${name}" (probably from an earlier template). Please create the template in a new workbook; nothing was changed.`,
};

/** Writing failed, and everything created was removed again. */
const ROLLED_BACK: Wording<string> = {
  de: (reason) => `Die Vorlage konnte nicht angelegt werden (${reason}). Alles bereits Angelegte wurde wieder entfernt.`,
  en: (reason) => `The template could not be created (${reason}). Everything created so far was removed again.`,
};

/** Writing failed, and so did removing what was created: the user must look at these sheets. */
const ROLLBACK_FAILED: Wording<{ reason: string; cleanup: string; sheets: readonly string[] }> = {
  de: ({ reason, cleanup, sheets }) =>
    `Die Vorlage konnte nicht angelegt werden (${reason}), und das bereits Angelegte ließ sich nicht ganz entfernen (${cleanup}). Bitte die Blätter ${sheets.map((s) => `„${s}“`).join(", ")} prüfen.`,
  en: ({ reason, cleanup, sheets }) =>
    `The template could not be created (${reason}), and what was created so far could not all be removed (${cleanup}). Please check the sheets ${sheets.map((s) => `"${s}"`).join(", ")}.`,
};

/** Column width in characters → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px). */
function widthInPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** Formulas and constants of a sheet as one rectangle from A1, so one write covers the sheet. */
function formulaGrid(sheet: SheetModel): { address: string; formulas: (string | number)[][] } {
  const rows = Math.max(...sheet.cells.map((c) => c.row));
  const cols = Math.max(...sheet.cells.map((c) => c.col));
  const formulas = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  for (const c of sheet.cells) formulas[c.row - 1][c.col - 1] = c.formula !== undefined ? "=" + c.formula : (c.value ?? "");
  return { address: `A1:${columnLetter(cols)}${rows}`, formulas };
}

/** Horizontal runs of neighbouring cells that share a key, as range addresses. */
function runs(cells: readonly CellModel[], keyOf: (c: CellModel) => string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let start: CellModel | undefined;
  let last: CellModel | undefined;
  const flush = (): void => {
    if (!start || !last) return;
    const key = keyOf(start) as string;
    const range = start === last ? start.address : `${start.address}:${last.address}`;
    out.set(key, [...(out.get(key) ?? []), range]);
  };
  for (const c of cells) {
    const key = keyOf(c);
    const continues = start && last && key !== undefined && key === keyOf(start) && c.row === last.row && c.col === last.col + 1;
    if (continues) last = c;
    else {
      flush();
      [start, last] = key === undefined ? [undefined, undefined] : [c, c];
    }
  }
  flush();
  return out;
}

function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold) format.font.bold = true;
  if (s.italic) format.font.italic = true;
  if (s.fontSize) format.font.size = s.fontSize;
  if (s.fontColor) format.font.color = "#" + s.fontColor;
  if (s.fill) format.fill.color = "#" + s.fill;
  if (s.wrap) format.wrapText = true;
  if (s.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
  if (s.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
}

/**
 * A rough size of what `queueSheet` sends: the formula grid, the number formats, and an
 * allowance per cell for the style, protection and format operations.
 */
function estimatedBytes(sheet: SheetModel, formulas: (string | number)[][]): number {
  const formats = sheet.cells.reduce((n, c) => n + (c.numberFormat ? c.numberFormat.length + 3 : 0), 0);
  const prompts = sheet.prompts.reduce((n, p) => n + p.ranges.length * (p.title.length + p.message.length + 64), 0);
  return JSON.stringify(formulas).length + formats + prompts + 24 * sheet.cells.length;
}

/** Queues everything of one sheet except its names; protection comes last (it blocks the rest). */
function queueSheet(ws: Excel.Worksheet, sheet: SheetModel, { address, formulas }: { address: string; formulas: (string | number)[][] }): void {
  // Number formats first: a text cell ("@") keeps "2026.1" or a numeric Quartier name as text.
  // No formula cell carries "@" (the model refuses it), so no formula turns into text.
  // Written by runs, not as a grid: a grid of "General" for every empty cell would be half of
  // what is sent to Excel, and Excel on the web limits a request to 5 MB.
  for (const [format, ranges] of runs(sheet.cells, (c) => c.numberFormat))
    for (const range of ranges) ws.getRange(range).numberFormat = [cellsOfRange(range).map(() => format)];
  ws.getRange(address).formulas = formulas;
  for (const { col, width } of sheet.columnWidths) ws.getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = widthInPoints(width);
  for (const [style, ranges] of runs(sheet.cells, (c) => c.style))
    for (const range of ranges) applyStyle(ws.getRange(range).format, STYLES[style as StyleKey]);
  for (const range of runs(sheet.cells, (c) => (c.locked ? undefined : "input")).get("input") ?? [])
    ws.getRange(range).format.protection.locked = false;
  for (const v of sheet.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
    dv.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: v.error?.title ?? "Ungültige Eingabe",
      message: v.error?.message ?? `Bitte ${v.values.map((x) => `„${x}“`).join(" oder ")} wählen.`,
    };
  }
  // An input message without a rule (Excel's "Any value"; ExcelApi 1.8).
  for (const p of sheet.prompts)
    for (const range of p.ranges) ws.getRange(range).dataValidation.prompt = { showPrompt: true, title: p.title, message: p.message };
  for (const cf of sheet.conditionalFormats) {
    const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = "=" + cf.formula;
    const s = STYLES[cf.style];
    if (s.fontColor) format.custom.format.font.color = "#" + s.fontColor;
    if (s.fill) format.custom.format.fill.color = "#" + s.fill;
  }
  if (sheet.chart) {
    const chart = ws.charts.add("ColumnClustered", ws.getRange(sheet.chart.source), "Columns");
    chart.title.text = sheet.chart.title;
    const [from, to] = sheet.chart.position.split(":");
    chart.setPosition(from, to);
  }
  if (sheet.freeze) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(cols)}${rows}`));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (cols > 0) ws.freezePanes.freezeColumns(cols);
  }
  if (sheet.protect) ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
}

function localAddress(address: string): string {
  return address.replace(/\$/g, "");
}

/** Writes the model: sheets and names first, then the sheets' contents in batches by size. */
async function sendWorkbook(
  context: Excel.RequestContext,
  model: WorkbookModel,
  progress: (message: string) => void,
  maxBatchBytes: number,
  /** Queues more work into the last batch (the in-place rewrite of an existing sheet). */
  alsoQueue?: (last: Excel.Worksheet | undefined) => void,
): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  // All sheets and names first, so every formula finds its names and other sheets.
  for (const sheet of model.sheets) sheets.set(sheet.name, context.workbook.worksheets.add(sheet.name));
  for (const n of model.names) {
    const ws = sheets.get(n.sheet) as Excel.Worksheet;
    const range = ws.getRange(localAddress(n.address));
    if (n.scope === "workbook") context.workbook.names.add(n.name, range, n.comment);
    else ws.names.add(n.name, range, n.comment);
  }
  let pending = 0;
  for (const sheet of model.sheets) {
    const grid = formulaGrid(sheet);
    const bytes = estimatedBytes(sheet, grid.formulas);
    if (pending > 0 && pending + bytes > maxBatchBytes) {
      await context.sync();
      pending = 0;
    }
    queueSheet(sheets.get(sheet.name) as Excel.Worksheet, sheet, grid);
    pending += bytes;
    progress(`Blatt „${sheet.name}“ vorbereitet`);
  }
  alsoQueue?.(sheets.get(model.sheets[model.sheets.length - 1]?.name));
  sheets.get(model.sheets[model.sheets.length - 1]?.name)?.activate();
  progress(`${model.sheets.length} Blätter werden an Excel übertragen …`);
  await context.sync();
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Removes the sheets and workbook names of the model that exist (i.e. that this run created). */
async function removeCreated(context: Excel.RequestContext, model: WorkbookModel): Promise<void> {
  const sheets = model.sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s.name));
  const names = model.names.filter((n) => n.scope === "workbook").map((n) => context.workbook.names.getItemOrNullObject(n.name));
  await context.sync();
  for (const ws of sheets) if (!ws.isNullObject) ws.delete();
  for (const n of names) if (!n.isNullObject) n.delete();
  await context.sync();
}

/**
 * Creates the planning workbook's sheets in the open workbook. Throws `TemplateInputError`
 * (bad input, before Excel is touched) or `TemplateWriteError` (German and English, for the pane).
 */
export async function createTemplate(input: TemplateInput, options: CreateTemplateOptions = {}): Promise<CreateTemplateResult> {
  return createTemplateFromPlan(validateTemplateInput(input, options.today), options);
}

/** The same for an already validated plan (e.g. from `planFromTable` on pasted text or a range). */
export async function createTemplateFromPlan(plan: TemplatePlan, options: CreateTemplateOptions = {}): Promise<CreateTemplateResult> {
  // Reading, one step per sheet (Parameter, Quartiere, Vergleich), the transfer, done.
  const total = 1 + (plan.neighbourhoods.length + 2) + 2;
  let done = 0;
  const progress = (message: string): void => options.onProgress?.({ done: ++done, total, message });
  const run = options.run ?? (<T,>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));

  return run(async (context) => {
    const existingSheets = context.workbook.worksheets.load("items/name");
    const existingNames = context.workbook.names.load("items/name");
    await context.sync();
    progress("Mappe gelesen");

    const built = buildWorkbookModel(plan, existingSheets.items.map((s) => s.name));
    const model = options.lang === "en" ? withEnglishLabels(built, plan) : built;
    const taken = new Set(existingNames.items.map((n) => n.name.toUpperCase()));
    const clash = model.names.find((n) => n.scope === "workbook" && taken.has(n.name.toUpperCase()));
    if (clash) throw refusal(say(NAME_TAKEN, clash.name));

    try {
      await sendWorkbook(context, model, progress, options.maxBatchBytes ?? MAX_BATCH_BYTES);
    } catch (e) {
      try {
        await removeCreated(context, model);
      } catch (cleanup) {
        throw refusal(say(ROLLBACK_FAILED, { reason: messageOf(e), cleanup: messageOf(cleanup), sheets: model.sheets.map((s) => s.name) }));
      }
      throw refusal(say(ROLLED_BACK, messageOf(e)));
    }
    progress("Fertig");
    return { sheets: model.sheets.map((s) => s.name), renamed: model.renamed, plan };
  });
}

/**
 * Writes a workbook model built elsewhere (the budget round's comparison) into the open
 * workbook as new sheets, by the same renderer as the template: one sync to read the sheet and
 * name lists, then the sheets (one more per 2 MB), removed again if writing fails. `build`
 * gets the existing sheet names and must return a model whose sheet names are free. A
 * workbook-wide name the workbook has already (an earlier comparison) is kept as it is; the new
 * one is scoped to its own sheet instead. Print titles are left to the program (Office.js
 * cannot add `_xlnm` names).
 */
export async function writeModelAsNewSheets(
  build: (existingSheets: string[]) => WorkbookModel,
  options: Pick<CreateTemplateOptions, "maxBatchBytes"> = {},
): Promise<{ sheets: string[]; renamed: SheetRenaming[] }> {
  return Excel.run(async (context) => {
    const existingSheets = context.workbook.worksheets.load("items/name");
    const existingNames = context.workbook.names.load("items/name");
    await context.sync();
    const built = build(existingSheets.items.map((s) => s.name));
    const taken = new Set(existingNames.items.map((n) => n.name.toUpperCase()));
    const names = built.names
      .filter((n) => !n.name.startsWith("_xlnm."))
      .map((n) => (n.scope === "workbook" && taken.has(n.name.toUpperCase()) ? { ...n, scope: "sheet" as const } : n));
    const model = { ...built, names };
    try {
      await sendWorkbook(context, model, () => undefined, options.maxBatchBytes ?? MAX_BATCH_BYTES);
    } catch (e) {
      try {
        await removeCreated(context, { ...model, names: model.names.filter((n) => !taken.has(n.name.toUpperCase())) });
      } catch (cleanup) {
        throw refusal(say(ROLLBACK_FAILED, { reason: messageOf(e), cleanup: messageOf(cleanup), sheets: model.sheets.map((s) => s.name) }));
      }
      throw refusal(say(ROLLED_BACK, messageOf(e)));
    }
    return { sheets: model.sheets.map((s) => s.name), renamed: model.renamed };
  });
}

const NO_PLAN_YET: Texts = {
  de: "Die Mappe hat noch keine Planung aus der Vorlage (kein Quartiersblatt mit den Namen der Vorlage). Bitte zuerst „Vorlage erstellen“.",
  en: "The workbook has no plan from the template yet (no Quartier sheet with the template's names). Please use \"Create template\" first.",
};

export interface AddNeighbourhoodsResult {
  /** The new Quartier sheets. */
  sheets: string[];
  renamed: SheetRenaming[];
  /** The Vergleich sheet over all Quartiere, and whether it replaced the unchanged old one or stands beside a changed one. */
  comparison: { sheet: string; replaced: boolean } | null;
  /** The plan years the new sheets got (the workbook's). */
  years: number[];
}

/**
 * "Quartier hinzufügen": new Quartier sheets in a workbook that has a plan from the template,
 * for its plan years, with sheet-scoped names only (the workbook-wide Parameter names exist
 * and the new formulas use them); the Vergleich sheet rebuilt over all Quartiere — in place
 * when it is still exactly what the template wrote, else as a new sheet beside it. Four syncs
 * whatever the number of Quartiere: the workbook (two, as "Prüfen" reads it), the Vergleich
 * sheet's formulas, the writing (one more per 2 MB).
 */
export async function addNeighbourhoods(plan: TemplatePlan, options: Pick<CreateTemplateOptions, "maxBatchBytes"> = {}): Promise<AddNeighbourhoodsResult> {
  return Excel.run(async (context) => {
    const { snapshot } = await readWorkbookSnapshot(context);
    const read = readWorkbookPlan(snapshot);
    const templateSheets = read.neighbourhoods.filter((n) => n.origin === "vorlage");
    const years = templateSheets[0]?.years.map((y) => (y.ok ? y.value : NaN)) ?? [];
    if (templateSheets.length === 0 || years.length === 0 || years.some((y) => !Number.isInteger(y))) throw refusal(NO_PLAN_YET);
    const sheetNames = snapshot.sheets.map((s) => s.name);
    const comparisonSheet = sheetNames.find((n) => n.toLowerCase() === SHEETS.comparison.toLowerCase()) ?? null;
    const addition = buildAddition({ ...plan, years }, { sheets: sheetNames, neighbourhoodSheets: templateSheets.map((n) => n.sheet), comparisonSheet, years });

    const old = comparisonSheet ? context.workbook.worksheets.getItem(comparisonSheet) : undefined;
    const used = old?.getUsedRangeOrNullObject(true);
    used?.load("formulas,rowIndex,columnIndex");
    old?.charts.load("items/name");
    old?.protection.load("protected");
    if (old) await context.sync();
    // Formulas from A1: the used range may start further in; an offset used range is not the template's.
    const unchanged =
      !!old && !!used && !!addition.previousComparison && (used.isNullObject || (used.rowIndex === 0 && used.columnIndex === 0 && isUnchangedComparison(addition.previousComparison, used.formulas)));

    const comparison = unchanged ? addition.comparison : addition.comparisonAside;
    try {
      const created = [...addition.model.sheets, ...(unchanged ? [] : [comparison])];
      await sendWorkbook(context, { ...addition.model, sheets: created }, () => undefined, options.maxBatchBytes ?? MAX_BATCH_BYTES, () => {
        if (!unchanged || !old) return;
        // The template's own Vergleich, untouched since: rewritten in place, so references to it stay valid.
        if (old.protection.protected) old.protection.unprotect();
        old.getRange().clear("All");
        old.freezePanes.unfreeze();
        for (const chart of old.charts.items) chart.delete();
        queueSheet(old, comparison, formulaGrid(comparison));
      });
    } catch (e) {
      try {
        await removeCreated(context, { ...addition.model, sheets: [...addition.model.sheets, ...(unchanged ? [] : [comparison])], names: [] });
      } catch (cleanup) {
        throw refusal(say(ROLLBACK_FAILED, { reason: messageOf(e), cleanup: messageOf(cleanup), sheets: addition.model.sheets.map((s) => s.name) }));
      }
      throw refusal(say(ROLLED_BACK, messageOf(e)));
    }
    return {
      sheets: addition.model.sheets.map((s) => s.name),
      renamed: addition.model.renamed,
      comparison: { sheet: comparison.name, replaced: unchanged },
      years,
    };
  });
}

/** The selection "Aus Markierung übernehmen" reads: where it is, and its used part's values row by row. */
export interface SelectedRows {
  /** The selected range as Excel names it ("Liste!A1:C4"), for the pane's message of what was taken. */
  address: string;
  rows: unknown[][];
}

/**
 * The values of the selected range, for "Quartiere aus der Markierung übernehmen": one sync.
 * Only the used part of the selection is read, so selecting whole columns does not ask Excel
 * for a million rows. `planFromTable` (core) reads them; its errors name the row within it.
 */
export async function readSelectedRows(): Promise<SelectedRows> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address");
    const used = selected.getUsedRangeOrNullObject(true).load("values");
    await context.sync();
    return { address: selected.address, rows: used.isNullObject ? [] : used.values };
  });
}
