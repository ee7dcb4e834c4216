/**
 * The standard's figures as rules: staff (VbE, Fachkraft, pay) and the three lines of the
 * Projektmittel. Minimums come from the budget core's own functions (and the pay reference
 * from the template's own escalation), so the check, the budget and the workbook's Richtwerte
 * can never disagree; a plan exactly at the minimum passes, one cent below fails.
 */
import { dispositionFundOf, materialCostOf, projectCostOf, staffCostOf } from "../budget";
import { Dec, toCents } from "../decimal";
import { formatEuro, formatNumber } from "../format";
import { NeighbourhoodPlan, planColumns, PlanLineKey, yearOf } from "../plan";
import { lineYearLabel, nameOf, yesNoRequirement } from "../read/fields";
import { say, Texts, Wording } from "../read/texts";
import { RAHMENSTANDARD } from "../standard";
import { escalatedSalary } from "../template/figures";
import { eur, NO_TEXT, vbe, YES_TEXT } from "./quantity";
import type { Rule, RuleContext, RuleHit } from "./types";

const figures = RAHMENSTANDARD.figures;

/** A minimum and how it follows from the plan and the standard. */
interface Minimum {
  amount: Dec;
  why: Texts;
}

const BELOW_MINIMUM: Wording<{ line: Texts; planned: Dec; minimum: Minimum }> = {
  de: (a) => `${a.line.de}: geplant ${formatEuro(a.planned)}, der Standard verlangt mindestens ${formatEuro(a.minimum.amount)} (${a.minimum.why.de}).`,
  en: (a) =>
    `${a.line.en}: planned ${formatEuro(a.planned, "en")}, the standard requires at least ${formatEuro(a.minimum.amount, "en")} (${a.minimum.why.en}).`,
};

/**
 * Compares every plan year's amount of a line with its minimum for that year; `minimum`
 * returns undefined when an input it needs is unreadable (the input rules report that).
 */
function perYear(plan: NeighbourhoodPlan, key: PlanLineKey, minimum: (year: number | null) => Minimum | undefined): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < planColumns(plan); i++) {
    const jahr = yearOf(plan, i);
    const min = minimum(jahr);
    const planned = plan.lines[key][i];
    if (!min || !planned.ok || planned.value.gte(min.amount)) continue;
    hits.push({
      jahr,
      message: say(BELOW_MINIMUM, { line: lineYearLabel(key, jahr, i), planned: planned.value, minimum: min }),
      soll: eur(min.amount),
      ist: eur(planned.value),
      zelle: planned.cell,
    });
  }
  return hits;
}

const fteText = (fte: Dec, lang: "de" | "en"): string => formatNumber(fte, lang, 4);

const TOO_FEW_FTE: Wording<{ fte: Dec; min: Dec }> = {
  de: (a) => `Geplant sind ${fteText(a.fte, "de")} VbE, der Standard verlangt mindestens ${fteText(a.min, "de")} VbE.`,
  en: (a) => `${fteText(a.fte, "en")} FTE are planned, the standard requires at least ${fteText(a.min, "en")} FTE.`,
};

export const minFteRule: Rule = {
  id: "personal.mindest_vbe",
  severity: "verstoss",
  source: figures.minFte.source,
  check(plan, { params }) {
    const fte = plan.fte;
    if (!fte.ok || fte.value.gte(params.minFte)) return [];
    return [{ jahr: null, message: say(TOO_FEW_FTE, { fte: fte.value, min: params.minFte }), soll: vbe(params.minFte), ist: vbe(fte.value), zelle: fte.cell }];
  },
};

const NO_QUALIFIED_STAFF: Wording<Texts> = {
  de: (requirement) => `Keine ${requirement.de} angegeben; der Standard verlangt eine.`,
  en: (requirement) => `Not given: ${requirement.en}; the standard requires one.`,
};

export const qualifiedStaffRule: Rule = {
  id: "personal.fachkraft",
  severity: "verstoss",
  source: figures.minFte.source,
  check(plan) {
    const answer = plan.yesNo.fachkraft;
    if (!answer.ok || answer.value) return [];
    return [{ jahr: null, message: say(NO_QUALIFIED_STAFF, nameOf(yesNoRequirement("fachkraft"))), soll: YES_TEXT, ist: NO_TEXT, zelle: answer.cell }];
  },
};

interface PayReference {
  fte: Dec;
  salary: Dec;
  /** The yearly tariff increase and the year it counts from; absent when the salary is not escalated. */
  escalation?: { increase: Dec; baseYear: number };
  tolerance: Dec;
}

const PAY_WHY: Wording<PayReference> = {
  de: (a) =>
    `${fteText(a.fte, "de")} VbE × ${formatEuro(a.salary)} nach ${RAHMENSTANDARD.tariff}` +
    (a.escalation ? `, mit ${formatNumber(a.escalation.increase.mul(100))} % Tarifsteigerung je Jahr seit ${a.escalation.baseYear}` : "") +
    (a.tolerance.isZero() ? "" : `, abzüglich ${formatNumber(a.tolerance.mul(100))} % Toleranz`),
  en: (a) =>
    `${fteText(a.fte, "en")} FTE × ${formatEuro(a.salary, "en")} under ${RAHMENSTANDARD.tariff}` +
    (a.escalation ? `, with a tariff increase of ${formatNumber(a.escalation.increase.mul(100), "en")} % a year since ${a.escalation.baseYear}` : "") +
    (a.tolerance.isZero() ? "" : `, less a tolerance of ${formatNumber(a.tolerance.mul(100), "en")} %`),
};

/**
 * The pay reference for the planned VbE in a plan year, less the allowed tolerance. Like the
 * template's Personalkosten Richtwert, the salary grows by the workbook's tariff increase
 * from the base year (else the plan's first year) on, and the line is rounded once. Years
 * before the base year keep the standard's salary: the reference never falls below it.
 */
function payMinimum(fte: Dec, year: number | null, firstYear: number | null, ctx: RuleContext): Minimum {
  const reference = ctx.params.salaryPerFte;
  const baseYear = ctx.tariff.baseYear ?? firstYear;
  const years = year === null || baseYear === null ? 0 : Math.max(0, year - baseYear);
  const escalation = years > 0 && !ctx.tariff.increase.isZero() && baseYear !== null ? { increase: ctx.tariff.increase, baseYear } : undefined;
  const full = staffCostOf(fte, escalatedSalary(reference, ctx.tariff.increase, years));
  const amount = ctx.salaryTolerance.isZero() ? full : toCents(full.mul(new Dec(1).minus(ctx.salaryTolerance)));
  return { amount, why: say(PAY_WHY, { fte, salary: reference, escalation, tolerance: ctx.salaryTolerance }) };
}

export const payRule: Rule = {
  id: "personal.verguetung",
  severity: "verstoss",
  source: figures.salaryPerFte.source,
  check(plan, ctx) {
    const fte = plan.fte;
    const firstYear = yearOf(plan, 0);
    return perYear(plan, "staffCost", (year) => (fte.ok ? payMinimum(fte.value, year, firstYear, ctx) : undefined));
  },
};

const MATERIAL_WHY: Wording<{ fte: Dec; rate: Dec }> = {
  de: (a) => `${fteText(a.fte, "de")} VbE × ${formatEuro(a.rate)}`,
  en: (a) => `${fteText(a.fte, "en")} FTE × ${formatEuro(a.rate, "en")}`,
};

export const materialCostRule: Rule = {
  id: "sachkosten.mindest",
  severity: "verstoss",
  source: figures.materialCostPerFte.source,
  check(plan, { params }) {
    const fte = plan.fte;
    if (!fte.ok) return [];
    const minimum: Minimum = { amount: materialCostOf(fte.value, params), why: say(MATERIAL_WHY, { fte: fte.value, rate: params.materialCostPerFte }) };
    return perYear(plan, "materialCost", () => minimum);
  },
};

const residentsText = (n: number | Dec, lang: "de" | "en"): string => formatNumber(n, lang, 0);

const PROJECT_WHY: Wording<{ residents: number; rate: Dec; min: Dec }> = {
  de: (a) => `${residentsText(a.residents, "de")} Einwohner × ${formatEuro(a.rate)}, mindestens ${formatEuro(a.min)}`,
  en: (a) => `${residentsText(a.residents, "en")} residents × ${formatEuro(a.rate, "en")}, at least ${formatEuro(a.min, "en")}`,
};

export const projectCostRule: Rule = {
  id: "projektkosten.mindest",
  severity: "verstoss",
  source: figures.projectCostPerResident.source,
  check(plan, { params }) {
    const residents = plan.residents;
    if (!residents.ok) return [];
    const minimum: Minimum = {
      amount: projectCostOf(residents.value, params),
      why: say(PROJECT_WHY, { residents: residents.value, rate: params.projectCostPerResident, min: params.projectCostMinimum }),
    };
    return perYear(plan, "projectCost", () => minimum);
  },
};

const FUND_WHY: Wording<{ residents: number; rate: Dec; floor?: { min: Dec; below: Dec } }> = {
  de: (a) =>
    `${residentsText(a.residents, "de")} Einwohner × ${formatEuro(a.rate)}` +
    (a.floor ? `, mindestens ${formatEuro(a.floor.min)} unter ${residentsText(a.floor.below, "de")} Einwohnern` : ""),
  en: (a) =>
    `${residentsText(a.residents, "en")} residents × ${formatEuro(a.rate, "en")}` +
    (a.floor ? `, at least ${formatEuro(a.floor.min, "en")} below ${residentsText(a.floor.below, "en")} residents` : ""),
};

export const dispositionFundRule: Rule = {
  id: "verfuegungsfonds.mindest",
  severity: "verstoss",
  source: figures.dispositionFundPerResident.source,
  check(plan, { params }) {
    const residents = plan.residents;
    if (!residents.ok) return [];
    const minimumApplies = params.dispositionFundMinimumBelowResidents.gt(residents.value);
    const floor = minimumApplies ? { min: params.dispositionFundMinimum, below: params.dispositionFundMinimumBelowResidents } : undefined;
    const minimum: Minimum = {
      amount: dispositionFundOf(residents.value, params),
      why: say(FUND_WHY, { residents: residents.value, rate: params.dispositionFundPerResident, floor }),
    };
    return perYear(plan, "dispositionFund", () => minimum);
  },
};

export const MINIMUM_RULES: readonly Rule[] = [minFteRule, qualifiedStaffRule, payRule, materialCostRule, projectCostRule, dispositionFundRule];
