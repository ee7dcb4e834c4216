/**
 * The workbook contract: sheet names and defined names of a QM-Planer planning workbook.
 * The template writes them, the readers of the compliance check and outside tools rely on
 * them. Documented in the README ("Namen im Arbeitsblatt"). Change only with a version note.
 */
import { FigureKey, RAHMENSTANDARD } from "./standard";

export const SHEETS = {
  parameters: "Parameter",
  comparison: "Vergleich",
  report: "Prüfbericht",
  /** Prefix of every Quartier sheet: "QM Nord". */
  neighbourhoodPrefix: "QM ",
} as const;

/** Workbook-wide names on the Parameter sheet: the standard's figures … */
export function parameterName(key: FigureKey): string {
  return RAHMENSTANDARD.figures[key].definedName;
}

/** … and the planning assumptions beside them. */
export const PLANNING_NAMES = {
  tariffIncrease: "Tarifsteigerung",
  shareFederal: "Anteil_Bund",
  shareState: "Anteil_Land",
  shareMunicipal: "Anteil_Gemeinde",
  standardVersion: "Standard_Version",
} as const;

/** Sheet-scoped names on every Quartier sheet: single input cells. */
export const INPUT_NAMES = {
  neighbourhood: "Quartier",
  residents: "Einwohner",
  fte: "VbE",
  salaryPerFte: "Gehalt_je_VbE",
  roomCosts: "Raumkosten",
} as const;

/**
 * Sheet-scoped name of the Träger (provider) cell on a Quartier sheet: text, may be empty.
 * Kept apart from INPUT_NAMES because the rules never read it; the Vergleich lists it.
 */
export const PROVIDER_NAME = "Traeger";

/** Sheet-scoped yes/no cells ("ja" / "nein"), keyed by the standard's requirement id. */
export const YES_NO_NAMES = {
  fachkraft: "Fachkraft_Hochschulabschluss",
  buero: "Buero",
  veranstaltungsraum: "Veranstaltungsraum",
  zentrale_lage: "Zentrale_Lage",
  anlaufstelle: "Anlaufstelle",
  fachliche_anbindung: "Fachliche_Anbindung",
  vernetzung: "Vernetzung",
} as const;

export const YES = "ja";
export const NO = "nein";

/** Sheet-scoped rows of planned amounts across the plan years (first cell = first year). */
export const PLAN_NAMES = {
  staffCost: "Plan_Personalkosten",
  materialCost: "Plan_Sachkosten",
  projectCost: "Plan_Projektkosten",
  dispositionFund: "Plan_Verfuegungsfonds",
  roomCosts: "Plan_Raumkosten",
} as const;

/** Sheet-scoped row of the plan years themselves (numbers, e.g. 2026, 2027, 2028). */
export const PLAN_YEARS_NAME = "Planjahre";

/**
 * Sheet-scoped work plan: per focus area of the standard, the cell with the planned measures
 * (text; empty = none planned) and the cell with the planned hours per year.
 */
export function measuresName(focusAreaId: string): string {
  return "Massnahmen_" + capitalise(focusAreaId);
}
export function hoursName(focusAreaId: string): string {
  return "Stunden_" + capitalise(focusAreaId);
}

function capitalise(id: string): string {
  return id
    .split("_")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("_");
}

/**
 * Workbook-wide name of the base year on the Parameter sheet: the year for which each
 * Quartier's `Gehalt_je_VbE` is given. The Personalkosten Richtwert of plan year J is
 * VbE × Gehalt_je_VbE × (1 + Tarifsteigerung)^(J − Basisjahr), rounded to cents.
 */
export const BASE_YEAR_NAME = "Basisjahr";

/** Sheet-scoped rows of the standard's Richtwerte across the plan years (first cell = first year). */
export const RICHTWERT_NAMES = {
  staffCost: "Richtwert_Personalkosten",
  materialCost: "Richtwert_Sachkosten",
  projectCost: "Richtwert_Projektkosten",
  dispositionFund: "Richtwert_Verfuegungsfonds",
  roomCosts: "Richtwert_Raumkosten",
} as const;

/** Sheet-scoped rows of the funding table's sums across the plan years (external funds, €). */
export const FUNDING_NAMES = {
  applied: "Drittmittel_Beantragt",
  granted: "Drittmittel_Bewilligt",
} as const;

/**
 * Sheet-scoped names the Budget tab gives each block it inserts ("QMPlaner_Budgetblock_1" …
 * on the block's sheet). The block's labels (Einwohner, VbE, Personalkosten …) read like a
 * plan, but it is the add-in's own calculator output, not a Quartier: the readers leave the
 * cells these names cover out of a sheet read by its labels. A name in the file (not a
 * document setting) so that the CLI, reading a saved workbook, skips the block too; a user who
 * wants the block read as a plan deletes the name.
 */
export const OWN_BLOCK_NAME_PREFIX = "QMPlaner_Budgetblock_";

export function isOwnBlockName(name: string): boolean {
  return name.toUpperCase().startsWith(OWN_BLOCK_NAME_PREFIX.toUpperCase());
}
