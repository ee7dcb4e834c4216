/**
 * What a workbook's parameters are, decided from what the Office.js adapter read — pure, so
 * the adapter (`src/excel/parameters.ts`) only reads and writes. They live in two places, so
 * that everyone who opens the workbook computes the same:
 * - the Parameter sheet's named cells (`Sachkosten_je_VbE`, `Basisjahr`, `Anteil_Land` …):
 *   the template's own formulas compute with these, so they win;
 * - the document settings, which travel with the file also when it has no Parameter sheet.
 * Figures found in neither are the built-in standard's; planning assumptions found in neither
 * stay unknown (the template sets them when it creates the sheet).
 */
import { Dec } from "./decimal";
import { FieldError, FieldKey, FIGURE_DIGITS, figureValue, PLANNING_KEYS, PlanningKey, SHARE_KEYS, validFigures } from "./fields";
import { BASE_YEAR_NAME, parameterName, PLANNING_NAMES } from "./names";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters, RAHMENSTANDARD } from "./standard";
import { TEMPLATE_LIMITS } from "./template/input";

/** Keys of the document settings. */
export const SETTINGS_KEYS = {
  figures: "QM-Planer.Parameter",
  planning: "QM-Planer.Planung",
  standard: "QM-Planer.Standard",
} as const;

/** Planning assumptions as exact decimal strings: shares and tariff increase as ratios (0.4, not 40). */
export type Planning = Record<PlanningKey, string>;

export interface StandardIdentity {
  name: string;
  version: string;
  /** ISO date, when a profile gave one. */
  validFrom?: string;
}

export const BUILT_IN_IDENTITY: Readonly<StandardIdentity> = Object.freeze({
  name: RAHMENSTANDARD.name,
  version: RAHMENSTANDARD.version,
  validFrom: RAHMENSTANDARD.validFrom,
});

export type ParameterSource = "sheet" | "settings" | "standard";

export interface WorkbookParameters {
  parameters: Parameters;
  /** The planning assumptions the workbook holds (none without a Parameter sheet or saved ones). */
  planning: Partial<Planning>;
  /** The standard or profile the figures come from. */
  standard: StandardIdentity;
  /** Where the figures came from; "sheet" when at least one named cell was read. */
  source: ParameterSource;
  /** The sheet of the named cells, when source is "sheet". */
  sheet?: string;
  /** That sheet's id, which names it in change events also after a rename. */
  sheetId?: string;
  /** Fields whose named cell is a formula: the add-in never overwrites those. */
  formulas: FieldKey[];
}

/** The defined name of every field on the Parameter sheet. */
export const FIELD_NAMES: ReadonlyArray<{ key: FieldKey; name: string }> = [
  ...FIGURE_KEYS.map((key) => ({ key, name: parameterName(key) })),
  { key: "baseYear", name: BASE_YEAR_NAME },
  { key: "tariffIncrease", name: PLANNING_NAMES.tariffIncrease },
  { key: "shareFederal", name: PLANNING_NAMES.shareFederal },
  { key: "shareState", name: PLANNING_NAMES.shareState },
  { key: "shareMunicipal", name: PLANNING_NAMES.shareMunicipal },
];

const PLANNING_LABELS: Readonly<Record<PlanningKey, { de: string; en: string }>> = {
  baseYear: { de: "Basisjahr", en: "Base year" },
  tariffIncrease: { de: "Tarifsteigerung", en: "Tariff increase" },
  shareFederal: { de: "Förderanteil Bund", en: "Federal share" },
  shareState: { de: "Förderanteil Land", en: "State share" },
  shareMunicipal: { de: "Förderanteil Gemeinde", en: "Municipal share" },
};

export function fieldLabel(key: FieldKey): { de: string; en: string } {
  if ((FIGURE_KEYS as readonly string[]).includes(key)) {
    const f = RAHMENSTANDARD.figures[key as FigureKey];
    return { de: f.name, en: f.nameEn };
  }
  return PLANNING_LABELS[key as PlanningKey];
}

/** A named cell as the adapter read it. */
export interface NamedCellRead {
  key: FieldKey;
  value: unknown;
  formula: unknown;
  /** "Parameter!B3" */
  address: string;
  sheet: string;
  sheetId: string;
}

/** Everything the adapter read for the parameters: the named cells that exist, and the settings. */
export interface ParameterRead {
  cells: readonly NamedCellRead[];
  settings: Readonly<Record<keyof typeof SETTINGS_KEYS, unknown>>;
}

function isFigureKey(key: FieldKey): key is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(key);
}

function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

function storedFields<K extends string>(stored: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  if (typeof stored !== "object" || stored === null) return out;
  for (const key of keys) {
    const value = figureValue((stored as Record<string, unknown>)[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function storedIdentity(stored: unknown): StandardIdentity | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { name, version, validFrom } = stored as Record<string, unknown>;
  if (typeof name !== "string" || name.trim() === "" || typeof version !== "string" || version.trim() === "") return undefined;
  return typeof validFrom === "string" ? { name, version, validFrom } : { name, version };
}

/** The workbook's parameters: named cells over settings over the built-in standard. */
export function resolveWorkbookParameters(read: ParameterRead): WorkbookParameters {
  const stored = storedFields(read.settings.figures, FIGURE_KEYS);
  const parameters: Parameters = { ...defaultParameters(), ...stored };
  const planning: Partial<Planning> = storedFields(read.settings.planning, PLANNING_KEYS);
  const formulas: FieldKey[] = [];
  let figureCell: NamedCellRead | undefined;
  for (const cell of read.cells) {
    if (isFormula(cell.formula)) formulas.push(cell.key);
    const value = figureValue(cell.value);
    if (value === undefined) continue;
    if (isFigureKey(cell.key)) {
      parameters[cell.key] = value;
      figureCell = cell;
    } else planning[cell.key] = value;
  }
  const source: ParameterSource = figureCell !== undefined ? "sheet" : Object.keys(stored).length > 0 ? "settings" : "standard";
  return {
    parameters,
    planning,
    standard: storedIdentity(read.settings.standard) ?? { ...BUILT_IN_IDENTITY },
    source,
    sheet: figureCell?.sheet,
    sheetId: figureCell?.sheetId,
    formulas,
  };
}

/**
 * A refusal to save the parameters, in German and in English for the pane (like
 * `TemplateWriteError`), with the fields it is about. Whatever it reports, the workbook and
 * the figures the QM.* functions compute with are as they were, unless the message says
 * otherwise.
 */
export class ParameterSaveError extends Error {
  readonly messageEn: string;
  readonly keys: readonly FieldKey[];

  constructor(message: string, messageEn: string, keys: readonly FieldKey[] = []) {
    super(message);
    this.name = "ParameterSaveError";
    this.messageEn = messageEn;
    this.keys = keys;
  }
}

// --- planning assumptions --------------------------------------------------------------------

/** Basisjahr limits: the template's plan years. */
const YEAR_RANGE = { from: TEMPLATE_LIMITS.yearMin, to: TEMPLATE_LIMITS.yearMax } as const;
/**
 * How close the shares must add up to 1: the Parameter sheet's own check (`ROUND(sum,6)<>1`),
 * so that 1/3 written as Excel's 0.333333333333333 three times passes, as on the sheet.
 */
const SHARE_SUM_TOLERANCE = "0.0000005";

function percent(value: Dec | string, lang: "de" | "en"): string {
  const text = new Dec(value).mul(100).toDecimalPlaces(4).toFixed();
  return `${lang === "de" ? text.replace(".", ",") : text} %`;
}

/** Every problem of the planning assumptions, by field (and "shares" for their sum). */
export function planningProblems(planning: Partial<Record<PlanningKey, string>>): FieldError[] {
  const problems: FieldError[] = [];
  for (const key of PLANNING_KEYS) {
    const raw = planning[key];
    if (raw === undefined) continue;
    const label = PLANNING_LABELS[key];
    const value = figureValue(raw);
    const fail = (de: string, en: string) => problems.push(new FieldError(key, raw, `${label.de}: ${de}`, `${label.en}: ${en}`));
    if (value === undefined) fail(`„${raw}“ ist keine gültige Zahl (ab 0, höchstens ${FIGURE_DIGITS} Stellen).`, `"${raw}" is no valid number (0 or more, at most ${FIGURE_DIGITS} digits).`);
    else if (key === "baseYear") {
      const year = new Dec(value);
      if (!year.isInteger() || year.lt(YEAR_RANGE.from) || year.gt(YEAR_RANGE.to))
        fail(`${value} ist kein Jahr von ${YEAR_RANGE.from} bis ${YEAR_RANGE.to}.`, `${value} is no year from ${YEAR_RANGE.from} to ${YEAR_RANGE.to}.`);
    } else if (key === "tariffIncrease") {
      if (new Dec(value).gt(TEMPLATE_LIMITS.tariffIncreaseMax))
        fail(`${percent(value, "de")} liegt über ${percent(TEMPLATE_LIMITS.tariffIncreaseMax, "de")} je Jahr.`, `${percent(value, "en")} is above ${percent(TEMPLATE_LIMITS.tariffIncreaseMax, "en")} per year.`);
    } else if (new Dec(value).gt(1)) fail(`${percent(value, "de")} liegt über 100 %.`, `${percent(value, "en")} is above 100 %.`);
  }
  const shares = SHARE_KEYS.map((key) => figureValue(planning[key]));
  if (problems.length === 0 && shares.every((s) => s !== undefined)) {
    const sum = shares.reduce((total, s) => total.plus(s as string), new Dec(0));
    if (sum.minus(1).abs().gt(SHARE_SUM_TOLERANCE))
      problems.push(
        new FieldError("shares", sum.toFixed(), `Die Förderanteile ergeben zusammen ${percent(sum, "de")}, nicht 100 %.`, `The funding shares add up to ${percent(sum, "en")}, not 100 %.`),
      );
  }
  return problems;
}

/** The planning assumptions as canonical decimals; throws the first problem. */
export function validPlanning(planning: Partial<Record<PlanningKey, string>>): Partial<Planning> {
  const problems = planningProblems(planning);
  if (problems.length > 0) throw problems[0];
  const out: Partial<Planning> = {};
  for (const key of PLANNING_KEYS) if (planning[key] !== undefined) out[key] = figureValue(planning[key]) as string;
  return out;
}

/** A profile's share ("1/3", "0.4") as the decimal a cell holds: Excel keeps 15 digits. */
export function shareDecimal(text: string): string {
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text.trim());
  const value = fraction ? new Dec(fraction[1]).div(fraction[2]).toSignificantDigits(FIGURE_DIGITS) : new Dec(text.trim());
  return value.toFixed();
}

/**
 * A cell's share as the exact text a profile writes: a short decimal as it is ("0.4"), a
 * decimal that is a third or a sixth as Excel keeps it (0.333333333333333) as its fraction, so
 * the shares of an exported profile add up to exactly 1 again.
 */
export function shareText(decimal: string): string {
  const value = new Dec(decimal);
  if (value.decimalPlaces() <= 6) return value.toFixed();
  for (let d = 2; d <= 100; d++) {
    const n = value.mul(d).round();
    if (n.div(d).minus(value).abs().lt("1e-13")) return `${n.toFixed()}/${d}`;
  }
  return value.toFixed();
}

// --- saving ----------------------------------------------------------------------------------

export interface ParameterChange {
  parameters: Parameters;
  /** Planning assumptions to store; those left out stay as they are. */
  planning?: Partial<Planning>;
  /** The standard or profile the figures come from; left out: stays as it is. */
  standard?: StandardIdentity;
}

export interface CellWrite {
  key: FieldKey;
  address: string;
  value: number;
}

export interface SavePlan {
  parameters: Parameters;
  planning: Partial<Planning>;
  /** Only the cells whose value changes. */
  writes: CellWrite[];
  /** The settings' new content, by settings key; keys left out keep theirs. */
  settings: Partial<Record<keyof typeof SETTINGS_KEYS, object>>;
  /** The workbook's parameters once the save went through. */
  result: WorkbookParameters;
}

/**
 * What a save writes: refuses an invalid figure or planning value (`FieldError`) and a changed
 * field whose cell holds a formula (`ParameterSaveError` naming each field and cell), before
 * anything is written. Only cells whose value changed are written.
 */
export function planSave(read: ParameterRead, change: ParameterChange): SavePlan {
  const cells = read.cells;
  const parameters = validFigures(change.parameters);
  const planning = validPlanning(change.planning ?? {});
  const wanted = (key: FieldKey): string | undefined => (isFigureKey(key) ? parameters[key] : planning[key]);
  const changed = cells.filter((cell) => {
    const value = wanted(cell.key);
    return value !== undefined && figureValue(cell.value) !== value;
  });
  const formulas = changed.filter((cell) => isFormula(cell.formula));
  if (formulas.length > 0) {
    const listed = (lang: "de" | "en") =>
      formulas.map(({ key, address }) => (lang === "de" ? `„${fieldLabel(key).de}“ (${address})` : `"${fieldLabel(key).en}" (${address})`)).join(", ");
    throw new ParameterSaveError(
      `Im Blatt wird mit einer Formel berechnet: ${listed("de")}. Formeln überschreibt das Add-in nicht; bitte den neuen Wert dort in der Formel eintragen (oder die Formel durch eine Zahl ersetzen) und dann speichern. Es wurde nichts gespeichert.`,
      `Computed by a formula on the sheet: ${listed("en")}. The add-in does not overwrite formulas; please change the value in the formula there (or replace the formula by a number) and save again. Nothing was saved.`,
      formulas.map((cell) => cell.key),
    );
  }
  const settings: SavePlan["settings"] = { figures: { ...parameters } };
  const storedPlanning = storedFields(read.settings.planning, PLANNING_KEYS);
  if (Object.keys(planning).length > 0) settings.planning = { ...storedPlanning, ...planning };
  if (change.standard) settings.standard = { ...change.standard };
  const standard = change.standard ?? storedIdentity(read.settings.standard) ?? BUILT_IN_IDENTITY;

  const figureCell = cells.find((cell) => isFigureKey(cell.key));
  const resultPlanning: Partial<Planning> = { ...storedPlanning, ...planning };
  for (const cell of cells) {
    const value = figureValue(cell.value);
    if (!isFigureKey(cell.key) && planning[cell.key] === undefined && value !== undefined) resultPlanning[cell.key] = value;
  }
  return {
    parameters,
    planning,
    writes: changed.map(({ key, address }) => ({ key, address, value: Number(wanted(key)) })),
    settings,
    result: {
      parameters,
      planning: resultPlanning,
      standard: { ...standard },
      source: figureCell !== undefined ? "sheet" : "settings",
      sheet: figureCell?.sheet,
      sheetId: figureCell?.sheetId,
      formulas: cells.filter((cell) => isFormula(cell.formula)).map((cell) => cell.key),
    },
  };
}
