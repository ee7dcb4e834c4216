/**
 * The standard's figures as rules: staff (VbE, Fachkraft, pay) and the three lines of the
 * Projektmittel. The money minimums are the rulebook's own lines (`rulebook/lines.ts`,
 * `MINIMUM_RULES_DATA`), evaluated exactly and explained in the rulebook's words, so the
 * check, the budget and the workbook's Richtwerte can never disagree; a plan exactly at the
 * minimum passes, one cent below fails.
 */
import { amountOf, LineInputValues, YearAssumptions, yearsAfterBase } from "../budget";
import { Dec, toCents } from "../decimal";
import { formatEuro, formatNumber } from "../format";
import { NeighbourhoodPlan, planColumns, PlanLineKey, yearOf } from "../plan";
import { lineYearLabel, nameOf, yesNoRequirement } from "../read/fields";
import { say, Texts, Wording } from "../read/texts";
import { RAHMENSTANDARD } from "../standard";
import type { InputKey } from "../rulebook/expr";
import { referencesOf } from "../rulebook/expr";
import { explainLine } from "../rulebook/explain";
import { lineExpr, lineRule, MINIMUM_RULES_DATA, MinimumRule, withFigures } from "../rulebook/lines";
import { eur, NO_TEXT, vbe, YES_TEXT } from "./quantity";
import type { Rule, RuleHit } from "./types";

const figures = RAHMENSTANDARD.figures;

/** A minimum and how it follows from the plan and the standard. */
interface Minimum {
  amount: Dec;
  /** How it follows, in words: worked out only for a finding (most plans pass). */
  why: () => Texts;
}

/** "der Standard" / "the standard", or the profile the check was given. */
export const THE_STANDARD: Texts = { de: "der Standard", en: "the standard" };

const BELOW_MINIMUM: Wording<{ line: Texts; planned: Dec; amount: Dec; why: Texts; against: Texts }> = {
  de: (a) => `${a.line.de}: geplant ${formatEuro(a.planned)}, ${a.against.de} verlangt mindestens ${formatEuro(a.amount)} (${a.why.de}).`,
  en: (a) => `${a.line.en}: planned ${formatEuro(a.planned, "en")}, ${a.against.en} requires at least ${formatEuro(a.amount, "en")} (${a.why.en}).`,
};

/**
 * Compares every plan year's amount of a line with its minimum for that year; `minimum`
 * returns undefined when an input it needs is unreadable (the input rules report that).
 */
function perYear(plan: NeighbourhoodPlan, key: PlanLineKey, against: Texts, minimum: (year: number | null) => Minimum | undefined): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < planColumns(plan); i++) {
    const jahr = yearOf(plan, i);
    const min = minimum(jahr);
    const planned = plan.lines[key][i];
    if (!min || !planned.ok || planned.value.gte(min.amount)) continue;
    hits.push({
      jahr,
      // A plan without plan years and of one column is a budget: its line needs no column number.
      message: say(BELOW_MINIMUM, {
        line: lineYearLabel(key, jahr, plan.years.length === 0 && planColumns(plan) === 1 ? null : i),
        planned: planned.value,
        amount: min.amount,
        why: min.why(),
        against,
      }),
      soll: eur(min.amount),
      ist: eur(planned.value),
      zelle: planned.cell,
    });
  }
  return hits;
}

const fteText = (fte: Dec, lang: "de" | "en"): string => formatNumber(fte, lang, 4);

const TOO_FEW_FTE: Wording<{ fte: Dec; min: Dec; against: Texts }> = {
  de: (a) => `Geplant sind ${fteText(a.fte, "de")} VbE, ${a.against.de} verlangt mindestens ${fteText(a.min, "de")} VbE.`,
  en: (a) => `${fteText(a.fte, "en")} FTE are planned, ${a.against.en} requires at least ${fteText(a.min, "en")} FTE.`,
};

export const minFteRule: Rule = {
  id: "personal.mindest_vbe",
  severity: "verstoss",
  source: figures.minFte.source,
  check(plan, { params, against }) {
    const fte = plan.fte;
    if (!fte.ok || fte.value.gte(params.minFte)) return [];
    return [{ jahr: null, message: say(TOO_FEW_FTE, { fte: fte.value, min: params.minFte, against: against ?? THE_STANDARD }), soll: vbe(params.minFte), ist: vbe(fte.value), zelle: fte.cell }];
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

const residentsText = (n: number | Dec, lang: "de" | "en"): string => formatNumber(n, lang, 0);

/** What the plan gives for a minimum's inputs, in words: "8.000 Einwohner", "2,5 VbE". */
const INPUT_WORDS: Partial<Record<InputKey, (v: LineInputValues, lang: "de" | "en") => string>> = {
  residents: (v, lang) => `${residentsText(v.residents, lang)} ${lang === "de" ? "Einwohner" : "residents"}`,
  fte: (v, lang) => `${fteText(v.fte, lang)} ${lang === "de" ? "VbE" : "FTE"}`,
};

const TOLERANCE: Wording<Dec> = {
  de: (t) => `, abzüglich ${formatNumber(t.mul(100))} % Toleranz`,
  en: (t) => `, less a tolerance of ${formatNumber(t.mul(100), "en")} %`,
};

/**
 * A money minimum of the rulebook (`MINIMUM_RULES_DATA`) as a check: every plan year's
 * planned line against the line's own rule, evaluated with the plan's inputs (and, where the
 * rule says so, the standard's figure instead of an input) and the workbook's tariff increase
 * from the base year (else the plan's first year) on.
 */
function minimumRule(data: MinimumRule): Rule {
  const rule = lineRule(data.line);
  const expr = withFigures(rule.expr, data.fromStandard ?? {});
  const needs = referencesOf(expr, lineExpr).inputs;
  return {
    id: data.id,
    severity: "verstoss",
    source: figures[rule.source ?? "minFte"].source,
    check(plan, ctx) {
      const residents = plan.residents;
      const fte = plan.fte;
      if ((needs.has("residents") && !residents.ok) || (needs.has("fte") && !fte.ok)) return [];
      const inputs: LineInputValues = {
        residents: residents.ok ? residents.value : 0,
        fte: fte.ok ? fte.value : new Dec(0),
        salaryPerFte: ctx.params.salaryPerFte,
        roomCosts: new Dec(0),
      };
      const baseYear = ctx.tariff.baseYear ?? yearOf(plan, 0);
      const tolerance = data.toleranceApplies ? ctx.salaryTolerance : new Dec(0);
      const given = [...needs].flatMap((key) => (INPUT_WORDS[key] ? [key] : []));
      const why = (year: YearAssumptions): Texts => {
        const words = (lang: "de" | "en"): string =>
          [given.map((key) => (INPUT_WORDS[key] as NonNullable<(typeof INPUT_WORDS)[InputKey]>)(inputs, lang)).join(", "), explainLine(data.line, ctx.params, lang, { ...(year.yearsAfterBase > 0 ? year : {}), fromStandard: data.fromStandard })]
            .filter((t) => t !== "")
            .join(" × ") + (tolerance.isZero() ? "" : TOLERANCE[lang](tolerance));
        return { de: words("de"), en: words("en") };
      };
      return perYear(plan, data.line, ctx.against ?? THE_STANDARD, (jahr) => {
        const year: YearAssumptions = { tariffIncrease: ctx.tariff.increase, yearsAfterBase: yearsAfterBase(jahr, baseYear) };
        const full = amountOf(expr, inputs, ctx.params, year);
        const amount = tolerance.isZero() ? full : toCents(full.mul(new Dec(1).minus(tolerance)));
        return { amount, why: () => why(year) };
      });
    },
  };
}

const MONEY_MINIMUMS: readonly Rule[] = MINIMUM_RULES_DATA.map(minimumRule);

export const MINIMUM_RULES: readonly Rule[] = [minFteRule, qualifiedStaffRule, ...MONEY_MINIMUMS];
