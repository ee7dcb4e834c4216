/**
 * The compliance check: every rule over every Quartier of a plan, with the figures in force
 * (the workbook's own Parameter figures where it has them, else the standard's).
 */
import { compileParameters } from "../budget";
import { Dec } from "../decimal";
import { QmInputError } from "../errors";
import { formatNumber } from "../format";
import { SHEETS } from "../names";
import type { WorkbookPlan } from "../plan";
import { readWorkbookPlan, ReadOptions } from "../read/workbookPlan";
import { defaultParameters, FIGURE_KEYS, FigureKey, RAHMENSTANDARD } from "../standard";
import type { WorkbookSnapshot } from "../workbook";
import { INPUT_RULES } from "./inputs";
import { MINIMUM_RULES } from "./minimums";
import { FOCUS_AREA_RULES, FURTHER_STANDARD_RULES, ROOM_RULES, roomCostsRule } from "./requirements";
import type { Finding, Rule, RuleContext } from "./types";

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
}

export interface NeighbourhoodResult {
  /** The Quartier's name; "Parameter" for problems with the workbook's own figures. */
  name: string;
  /** The sheet it was read from (null when no sheet holds a plan). */
  sheet: string | null;
  findings: Finding[];
}

export interface CheckResult {
  neighbourhoods: NeighbourhoodResult[];
  /** The figures taken from the workbook's Parameter sheet instead of the standard. */
  workbookFigures: FigureKey[];
}

function toleranceOf(percent: number | undefined): Dec {
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

export function checkPlan(plan: WorkbookPlan, options: CheckOptions = {}): CheckResult {
  const figures = defaultParameters();
  const workbookFigures: FigureKey[] = [];
  const parameterFindings: Finding[] = [];
  for (const key of FIGURE_KEYS) {
    const read = plan.parameters[key];
    if (!read) continue;
    if (read.ok) {
      figures[key] = read.value.toFixed();
      workbookFigures.push(key);
      continue;
    }
    const standardValue = RAHMENSTANDARD.figures[key];
    parameterFindings.push({
      regel: `eingabe.${read.problem}`,
      schwere: "hinweis",
      quartier: SHEETS.parameters,
      jahr: null,
      meldung: `${read.detail} Geprüft wird mit dem Wert des Standards (${formatNumber(standardValue.value)}).`,
      soll: null,
      ist: null,
      zelle: read.cell ?? null,
    });
  }
  const ctx: RuleContext = { params: compileParameters(figures), salaryTolerance: toleranceOf(options.salaryTolerancePercent) };

  const neighbourhoods: NeighbourhoodResult[] = plan.neighbourhoods.map((n) => ({
    name: n.name,
    sheet: n.sheet,
    findings: RULES.flatMap((rule) =>
      rule.check(n, ctx).map(
        ({ schwere, ...hit }): Finding => ({ regel: rule.id, schwere: schwere ?? rule.severity, quartier: n.name, ...hit }),
      ),
    ),
  }));
  if (neighbourhoods.length === 0) neighbourhoods.push(noPlanFound(options.sheet));
  if (parameterFindings.length > 0) neighbourhoods.unshift({ name: SHEETS.parameters, sheet: SHEETS.parameters, findings: parameterFindings });
  return { neighbourhoods, workbookFigures };
}

const NO_PLAN = "(keine Quartiersplanung gefunden)";

function noPlanFound(sheet: string | undefined): NeighbourhoodResult {
  const where = sheet === undefined ? "In dieser Arbeitsmappe" : `Auf dem Blatt „${sheet}“`;
  return {
    name: NO_PLAN,
    sheet: sheet ?? null,
    findings: [
      {
        regel: "eingabe.fehlt",
        schwere: "verstoss",
        quartier: NO_PLAN,
        jahr: null,
        meldung: `${where} wurde keine Quartiersplanung gefunden: weder die Namen der QM-Planer-Vorlage (Einwohner, VbE, Plan_Sachkosten …) noch Beschriftungen wie Einwohner, VbE, Sachkosten oder Projektkosten.`,
        soll: null,
        ist: null,
        zelle: null,
      },
    ],
  };
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
