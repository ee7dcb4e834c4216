/**
 * The compliance check: every rule over every Quartier of a plan, measured against the
 * standard's figures, plus the findings about the workbook itself — its Parameter sheet
 * (`parameters.ts`) and Quartier sheets that could not be read at all.
 */
import { compileParameters, DEFAULT_PARAMETERS } from "../budget";
import { Dec } from "../decimal";
import { QmInputError } from "../errors";
import { formatNumber } from "../format";
import { SHEETS } from "../names";
import type { WorkbookPlan } from "../plan";
import { BUILT_IN_PROFILE, StandardProfile } from "../profile";
import { nameFromSheet } from "../read/template";
import { say, Texts, Wording } from "../read/texts";
import { readWorkbookPlan, ReadOptions } from "../read/workbookPlan";
import type { WorkbookSnapshot } from "../workbook";
import { INPUT_RULES } from "./inputs";
import { MINIMUM_RULES } from "./minimums";
import { parameterFindings } from "./parameters";
import { tariffOfPlan } from "../richtwert";
import { FOCUS_AREA_RULES, FURTHER_STANDARD_RULES, ROOM_RULES, roomCostsRule } from "./requirements";
import { Finding, findingOf, Rule, RuleContext } from "./types";

/** Every rule, in the order findings are listed: what could not be read first. */
export const RULES: readonly Rule[] = [
  ...INPUT_RULES,
  ...MINIMUM_RULES,
  ...ROOM_RULES,
  roomCostsRule,
  ...FURTHER_STANDARD_RULES,
  ...FOCUS_AREA_RULES,
];

export interface CheckOptions extends ReadOptions {
  /** Allowed shortfall of the Personalkosten below the tariff reference, in percent (default 0). */
  salaryTolerancePercent?: number;
  /** The standard to measure against: a city's profile; default the built-in Rahmenstandard. */
  profile?: StandardProfile;
}

export interface NeighbourhoodResult {
  /** The Quartier's name; "Parameter" for findings about the workbook's own figures. */
  name: string;
  /** The sheet it was read from (null when no sheet holds a plan). */
  sheet: string | null;
  findings: Finding[];
}

export interface CheckResult {
  neighbourhoods: NeighbourhoodResult[];
}

/**
 * The allowed shortfall as a fraction; throws a German QmInputError outside 0 to below 100 %.
 * Exported so that a command line can refuse a bad value before it reads any file.
 */
export function toleranceOf(percent: number | undefined): Dec {
  if (percent === undefined) return new Dec(0);
  if (!Number.isFinite(percent) || percent < 0 || percent >= 100)
    throw new QmInputError(
      "range",
      "Toleranz",
      `Toleranz: ${formatNumber(percent)} % ist nicht möglich (0 bis unter 100 %).`,
      `Tolerance: ${percent} % is not possible (0 to below 100 %).`,
    );
  return new Dec(percent).div(100);
}

/** A finding about the workbook as a whole (no rule of a Quartier reports it). */
function workbookFinding(quartier: string, message: Texts): Finding {
  return { regel: "eingabe.fehlt", schwere: "verstoss", quartier, jahr: null, meldung: message.de, messageEn: message.en, soll: null, ist: null, zelle: null };
}

const UNREAD_SHEET: Wording<string> = {
  de: (sheet) =>
    `Blatt „${sheet}“: keine Namen der QM-Planer-Vorlage und keine erkennbaren Beschriftungen (Einwohner, VbE, Sachkosten …); das Blatt ist nicht geprüft.`,
  en: (sheet) => `Sheet "${sheet}": neither the QM-Planer template's names nor recognisable labels (Einwohner, VbE, Sachkosten …); the sheet is not checked.`,
};

/** A Quartier sheet neither reader could read: a Verstoß, never silently left out. */
function unreadSheet(sheet: string): NeighbourhoodResult {
  const name = nameFromSheet(sheet);
  return { name, sheet, findings: [workbookFinding(name, say(UNREAD_SHEET, sheet))] };
}

const MISSING_SHEET: Wording<{ sheet: string; part?: string }> = {
  de: (a) =>
    `Blatt „${a.sheet}“: Die Arbeitsmappe führt das Blatt, aber sein Inhalt${a.part ? ` (${a.part})` : ""} fehlt in der Datei; das Blatt ist nicht geprüft.`,
  en: (a) => `Sheet "${a.sheet}": the workbook lists the sheet, but its content${a.part ? ` (${a.part})` : ""} is missing from the file; the sheet is not checked.`,
};

/** A listed sheet without content (its part missing from the file): a Verstoß, never silently left out. */
function missingSheet(missing: { sheet: string; part?: string }): NeighbourhoodResult {
  const name = nameFromSheet(missing.sheet);
  return { name, sheet: missing.sheet, findings: [workbookFinding(name, say(MISSING_SHEET, missing))] };
}

/** Name of the result entry when a workbook or sheet holds no plan at all (the pane translates it). */
export const NO_PLAN = "(keine Quartiersplanung gefunden)";

const NO_PLAN_FOUND: Wording<string | undefined> = {
  de: (sheet) =>
    `${sheet === undefined ? "In dieser Arbeitsmappe" : `Auf dem Blatt „${sheet}“`} wurde keine Quartiersplanung gefunden: weder die Namen der QM-Planer-Vorlage (Einwohner, VbE, Plan_Sachkosten …) noch Beschriftungen wie Einwohner, VbE, Sachkosten oder Projektkosten.`,
  en: (sheet) =>
    `No neighbourhood plan was found ${sheet === undefined ? "in this workbook" : `on the sheet "${sheet}"`}: neither the QM-Planer template's names (Einwohner, VbE, Plan_Sachkosten …) nor labels such as Einwohner, VbE, Sachkosten or Projektkosten.`,
};

function noPlanFound(sheet: string | undefined): NeighbourhoodResult {
  return { name: NO_PLAN, sheet: sheet ?? null, findings: [workbookFinding(NO_PLAN, say(NO_PLAN_FOUND, sheet))] };
}

export function checkPlan(plan: WorkbookPlan, options: CheckOptions = {}): CheckResult {
  const params = options.profile ? compileParameters(options.profile.parameters) : DEFAULT_PARAMETERS;
  const ctx: RuleContext = {
    params,
    salaryTolerance: toleranceOf(options.salaryTolerancePercent),
    tariff: tariffOfPlan(plan),
    against: options.profile && options.profile !== BUILT_IN_PROFILE ? { de: `das Profil „${options.profile.name}“`, en: `the profile "${options.profile.name}"` } : undefined,
  };
  const neighbourhoods: NeighbourhoodResult[] = plan.neighbourhoods.map((n) => ({
    name: n.name,
    sheet: n.sheet,
    findings: RULES.flatMap((rule) => rule.check(n, ctx).map((hit) => findingOf(hit, rule.id, rule.severity, n.name))),
  }));
  neighbourhoods.push(...plan.unreadSheets.map(unreadSheet));
  neighbourhoods.push(...(plan.missingSheets ?? []).map(missingSheet));
  if (neighbourhoods.length === 0) neighbourhoods.push(noPlanFound(options.sheet));
  const parameters = parameterFindings(plan, options.profile);
  if (parameters.length > 0) neighbourhoods.unshift({ name: SHEETS.parameters, sheet: SHEETS.parameters, findings: parameters });
  return { neighbourhoods };
}

/** Reads the plan from a workbook snapshot and checks it. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  return checkPlan(readWorkbookPlan(snapshot, options), options);
}

export interface NeighbourhoodSummary {
  name: string;
  sheet: string | null;
  violations: number;
  hints: number;
  /** No Verstoß (hints may remain). */
  compliant: boolean;
}

/** The per-Quartier summary the pane shows: "erfüllt" / "n Verstöße" / "n Hinweise". */
export function summarise(result: CheckResult): NeighbourhoodSummary[] {
  return result.neighbourhoods.map((n) => {
    const violations = n.findings.filter((f) => f.schwere === "verstoss").length;
    return { name: n.name, sheet: n.sheet, violations, hints: n.findings.length - violations, compliant: violations === 0 };
  });
}

export function hasViolation(result: CheckResult): boolean {
  return result.neighbourhoods.some((n) => n.findings.some((f) => f.schwere === "verstoss"));
}
