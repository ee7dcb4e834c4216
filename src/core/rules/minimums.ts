/**
 * The standard's figures as rules: staff (VbE, Fachkraft, pay) and the three lines of the
 * Projektmittel. Minimums come from the budget core's own functions, so the check and the
 * budget can never disagree; a plan exactly at the minimum passes, one cent below fails.
 */
import { dispositionFundOf, materialCostOf, projectCostOf, staffCostOf } from "../budget";
import { Dec, toCents } from "../decimal";
import { formatEuro, formatNumber } from "../format";
import { NO, YES } from "../names";
import { NeighbourhoodPlan, planColumns, PlanLineKey, yearOf } from "../plan";
import { lineYearLabel, yesNoRequirement } from "../read/fields";
import { RAHMENSTANDARD } from "../standard";
import { eur, text, vbe } from "./quantity";
import type { Rule, RuleContext, RuleHit } from "./types";

const figures = RAHMENSTANDARD.figures;

/**
 * Compares every plan year's amount of a line with its minimum; `minimum` returns undefined
 * when an input it needs is unreadable (the input rules report that).
 */
function perYear(
  plan: NeighbourhoodPlan,
  key: PlanLineKey,
  minimum: () => { amount: Dec; why: string } | undefined,
): RuleHit[] {
  const min = minimum();
  if (!min) return [];
  const hits: RuleHit[] = [];
  for (let i = 0; i < planColumns(plan); i++) {
    const planned = plan.lines[key][i];
    if (!planned.ok || planned.value.gte(min.amount)) continue;
    const jahr = yearOf(plan, i);
    hits.push({
      jahr,
      meldung: `${lineYearLabel(key, jahr, i)}: geplant ${formatEuro(planned.value)}, der Standard verlangt mindestens ${formatEuro(min.amount)} (${min.why}).`,
      soll: eur(min.amount),
      ist: eur(planned.value),
      zelle: planned.cell,
    });
  }
  return hits;
}

export const minFteRule: Rule = {
  id: "personal.mindest_vbe",
  severity: "verstoss",
  source: figures.minFte.source,
  check(plan, { params }) {
    const fte = plan.fte;
    if (!fte.ok || fte.value.gte(params.minFte)) return [];
    return [
      {
        jahr: null,
        meldung: `Geplant sind ${formatNumber(fte.value, "de", 4)} VbE, der Standard verlangt mindestens ${formatNumber(params.minFte, "de", 4)} VbE.`,
        soll: vbe(params.minFte),
        ist: vbe(fte.value),
        zelle: fte.cell,
      },
    ];
  },
};

export const qualifiedStaffRule: Rule = {
  id: "personal.fachkraft",
  severity: "verstoss",
  source: figures.minFte.source,
  check(plan) {
    const answer = plan.yesNo.fachkraft;
    if (!answer.ok || answer.value) return [];
    return [
      {
        jahr: null,
        meldung: `Keine ${yesNoRequirement("fachkraft").name} angegeben; der Standard verlangt eine.`,
        soll: text(YES),
        ist: text(NO),
        zelle: answer.cell,
      },
    ];
  },
};

/** The pay reference applied to the planned VbE, less the allowed tolerance. */
function payMinimum(fte: Dec, ctx: RuleContext): { amount: Dec; why: string } {
  const reference = staffCostOf(fte, ctx.params.salaryPerFte);
  const amount = ctx.salaryTolerance.isZero() ? reference : toCents(reference.mul(new Dec(1).minus(ctx.salaryTolerance)));
  const tolerance = ctx.salaryTolerance.isZero() ? "" : `, abzüglich ${formatNumber(ctx.salaryTolerance.mul(100))} % Toleranz`;
  return {
    amount,
    why: `${formatNumber(fte, "de", 4)} VbE × ${formatEuro(ctx.params.salaryPerFte)} nach ${RAHMENSTANDARD.tariff}${tolerance}`,
  };
}

export const payRule: Rule = {
  id: "personal.verguetung",
  severity: "verstoss",
  source: figures.salaryPerFte.source,
  check(plan, ctx) {
    const fte = plan.fte;
    return perYear(plan, "staffCost", () => (fte.ok ? payMinimum(fte.value, ctx) : undefined));
  },
};

export const materialCostRule: Rule = {
  id: "sachkosten.mindest",
  severity: "verstoss",
  source: figures.materialCostPerFte.source,
  check(plan, { params }) {
    const fte = plan.fte;
    return perYear(plan, "materialCost", () =>
      fte.ok
        ? { amount: materialCostOf(fte.value, params), why: `${formatNumber(fte.value, "de", 4)} VbE × ${formatEuro(params.materialCostPerFte)}` }
        : undefined,
    );
  },
};

export const projectCostRule: Rule = {
  id: "projektkosten.mindest",
  severity: "verstoss",
  source: figures.projectCostPerResident.source,
  check(plan, { params }) {
    const residents = plan.residents;
    return perYear(plan, "projectCost", () =>
      residents.ok
        ? {
            amount: projectCostOf(residents.value, params),
            why: `${formatNumber(residents.value, "de", 0)} Einwohner × ${formatEuro(params.projectCostPerResident)}, mindestens ${formatEuro(params.projectCostMinimum)}`,
          }
        : undefined,
    );
  },
};

export const dispositionFundRule: Rule = {
  id: "verfuegungsfonds.mindest",
  severity: "verstoss",
  source: figures.dispositionFundPerResident.source,
  check(plan, { params }) {
    const residents = plan.residents;
    return perYear(plan, "dispositionFund", () => {
      if (!residents.ok) return undefined;
      const minimumApplies = params.dispositionFundMinimumBelowResidents.gt(residents.value);
      const floor = minimumApplies
        ? `, mindestens ${formatEuro(params.dispositionFundMinimum)} unter ${formatNumber(params.dispositionFundMinimumBelowResidents, "de", 0)} Einwohnern`
        : "";
      return {
        amount: dispositionFundOf(residents.value, params),
        why: `${formatNumber(residents.value, "de", 0)} Einwohner × ${formatEuro(params.dispositionFundPerResident)}${floor}`,
      };
    });
  },
};

export const MINIMUM_RULES: readonly Rule[] = [minFteRule, qualifiedStaffRule, payRule, materialCostRule, projectCostRule, dispositionFundRule];
