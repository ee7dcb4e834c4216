/**
 * The check's own rules applied to a budget computed from inputs (the CLI's `budget`, the
 * pane's Budget tab): a budget "nach dem Rahmenstandard" can still rest on inputs below it
 * (1,5 VbE, 38.000 € je VbE). Which inputs are below the standard is not written again here:
 * the budget becomes a one-year plan and the check's staff and money rules judge it, so the
 * warning beside a line and the check's finding are the same sentence.
 */
import type { BudgetLines, CompiledParameters } from "../budget";
import { Dec } from "../decimal";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, ReadResult, YES_NO_KEYS, YesNoKey } from "../plan";
import { BUILT_IN_PROFILE, StandardProfile } from "../profile";
import { RAHMENSTANDARD } from "../standard";
import { MINIMUM_RULES } from "./minimums";
import { Finding, findingOf } from "./types";

/** Where a budget's values "stand": nowhere; findings about it carry no cell. */
const NO_CELL: CellRef = { sheet: "", address: "" };

function known<T>(value: T): ReadResult<T> {
  return { ok: true, value, cell: NO_CELL };
}

/** The rules that judge inputs and amounts, not the yes/no requirements a budget does not state. */
const BUDGET_RULES = MINIMUM_RULES.filter((rule) => rule.id !== "personal.fachkraft");

/** The findings of the check's rules about a computed budget (one plan year, no base year). */
export function checkBudget(lines: BudgetLines, params: CompiledParameters, profile?: StandardProfile): Finding[] {
  const planned = {} as Record<PlanLineKey, ReadResult<Dec>[]>;
  for (const key of PLAN_LINE_KEYS) planned[key] = [known(lines[key])];
  const yesNo = {} as Record<YesNoKey, ReadResult<boolean>>;
  for (const key of YES_NO_KEYS) yesNo[key] = known(true);
  const plan: NeighbourhoodPlan = {
    name: "",
    sheet: "",
    origin: "fremd",
    residents: known(lines.residents),
    fte: known(lines.fte),
    roomCosts: known(lines.roomCosts),
    salaryPerFte: known(lines.salaryPerFte),
    years: [],
    lines: planned,
    yesNo,
    measures: Object.fromEntries(RAHMENSTANDARD.focusAreas.map((a) => [a.id, known("")])),
  };
  const against = profile && profile !== BUILT_IN_PROFILE ? { de: `das Profil „${profile.name}“`, en: `the profile "${profile.name}"` } : undefined;
  const ctx = { params, salaryTolerance: new Dec(0), tariff: { increase: new Dec(0), baseYear: null }, against };
  return BUDGET_RULES.flatMap((rule) => rule.check(plan, ctx).map((hit) => ({ ...findingOf(hit, rule.id, rule.severity, ""), zelle: null })));
}
