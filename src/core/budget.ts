import { Dec } from "./decimal";
import { isOmitted, parseFte, parseResidents, parseRoomCosts, parseSalary } from "./inputs";
import { Fixed, fixedText, parseFixed } from "./rulebook/exact";
import { evaluateExact, evaluateLines, ExactEnv } from "./rulebook/evaluate";
import type { Expr, InputKey, LineKey, PlanningKey } from "./rulebook/expr";
import { LINE_RULES } from "./rulebook/lines";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters } from "./standard";

/**
 * The budget of one Quartier for one year as decimal.js values, for the core's consumers
 * (CLI, check, templates, pane). The rules themselves are data (`rulebook/lines.ts`) and are
 * evaluated exactly there; this module only converts between Decimals and that evaluation.
 *
 *   Personalkosten  = VbE × Gehalt je VbE (× (1 + Tarifsteigerung)^Jahre nach dem Basisjahr)
 *   Sachkosten      = VbE × Sachkosten je VbE
 *   Projektkosten   = max(Einwohner × Satz, Mindestbetrag)
 *   Verfügungsfonds = Einwohner × Satz, mindestens Mindestbetrag wenn Einwohner < Schwelle
 *   Projektmittel   = Sachkosten + Projektkosten + Verfügungsfonds
 *   Gesamtbudget    = Personalkosten + Projektmittel + Raumkosten
 */

/** Parameters turned into Decimals once. */
export type CompiledParameters = Readonly<Record<FigureKey, Dec>>;

const FIXED_FIGURES = new WeakMap<CompiledParameters, Record<FigureKey, Fixed>>();

export function compileParameters(params: Parameters): CompiledParameters {
  const out = {} as Record<FigureKey, Dec>;
  for (const key of FIGURE_KEYS) out[key] = new Dec(params[key]);
  return Object.freeze(out);
}

export const DEFAULT_PARAMETERS: CompiledParameters = compileParameters(defaultParameters());

/** Decimals are immutable: each one's exact value is worked out once (amountOf converts the same inputs for every rule and year). */
const FIXED_OF_DEC = new WeakMap<Dec, Fixed>();

/** A Decimal as the rulebook's exact value (its plain decimal text is exact). The result is shared: read it, do not change it. */
export function fixedOf(d: Dec | number): Fixed {
  if (typeof d === "number") return Number.isSafeInteger(d) ? { m: BigInt(d), s: 0 } : (parseFixed(new Dec(d).toFixed()) as Fixed);
  let f = FIXED_OF_DEC.get(d);
  if (!f) FIXED_OF_DEC.set(d, (f = parseFixed(new Dec(d).toFixed()) as Fixed));
  return f;
}

export function decOf(f: Fixed): Dec {
  return new Dec(fixedText(f));
}

function figuresOf(p: CompiledParameters): Record<FigureKey, Fixed> {
  let f = FIXED_FIGURES.get(p);
  if (!f) {
    f = {} as Record<FigureKey, Fixed>;
    for (const key of FIGURE_KEYS) f[key] = fixedOf(p[key]);
    FIXED_FIGURES.set(p, f);
  }
  return f;
}

export interface BudgetInput {
  residents: number;
  /** VbE; default: the standard's minimum. */
  fte?: number;
  /** Salary per VbE and year; default: the standard's reference. */
  salaryPerFte?: number;
  /** Rent and running costs of the rooms per year; default 0. */
  roomCosts?: number;
}

export interface BudgetLines {
  residents: number;
  fte: Dec;
  salaryPerFte: Dec;
  staffCost: Dec;
  materialCost: Dec;
  projectCost: Dec;
  dispositionFund: Dec;
  projectFunds: Dec;
  roomCosts: Dec;
  total: Dec;
}

/** What a line's inputs are for one Quartier. */
export interface LineInputValues {
  residents: number;
  fte: Dec;
  salaryPerFte: Dec;
  roomCosts: Dec;
}

/** The planning assumptions of a plan year: tariff increase per year and years after the base year. */
export interface YearAssumptions {
  tariffIncrease: Dec;
  /** max(0, plan year − base year): see README, "Basisjahr". */
  yearsAfterBase: number;
}

export const NO_ESCALATION: YearAssumptions = { tariffIncrease: new Dec(0), yearsAfterBase: 0 };

/** Years of tariff increase in a plan year: never negative (years before the base year keep its salary). */
export function yearsAfterBase(year: number | null, baseYear: number | null): number {
  return year === null || baseYear === null ? 0 : Math.max(0, year - baseYear);
}

function envOf(inputs: LineInputValues, p: CompiledParameters, year: YearAssumptions): ExactEnv {
  const values: Record<InputKey, Fixed> = {
    residents: fixedOf(inputs.residents),
    fte: fixedOf(inputs.fte),
    salaryPerFte: fixedOf(inputs.salaryPerFte),
    roomCosts: fixedOf(inputs.roomCosts),
  };
  const planning: Record<PlanningKey, Fixed> = { tariffIncrease: fixedOf(year.tariffIncrease), yearsAfterBase: fixedOf(year.yearsAfterBase) };
  return { inputs: values, figures: figuresOf(p), planning };
}

/** Any rule expression (a line, a minimum) for one Quartier and year, exactly. */
export function amountOf(expr: Expr, inputs: LineInputValues, p: CompiledParameters, year: YearAssumptions = NO_ESCALATION): Dec {
  return decOf(evaluateExact(expr, envOf(inputs, p, year)));
}

/** The budget from already validated values, for one plan year. */
export function budgetOf(
  residents: number,
  fte: Dec,
  salaryPerFte: Dec,
  roomCosts: Dec,
  p: CompiledParameters,
  year: YearAssumptions = NO_ESCALATION,
): BudgetLines {
  const lines = evaluateLines(envOf({ residents, fte, salaryPerFte, roomCosts }, p, year));
  const out = { residents, fte, salaryPerFte } as BudgetLines;
  for (const key of Object.keys(lines) as LineKey[]) out[key] = decOf(lines[key]);
  return out;
}

/** Validates raw input; throws QmInputError with a German message. */
export function computeBudget(input: BudgetInput, p: CompiledParameters = DEFAULT_PARAMETERS): BudgetLines {
  const residents = parseResidents(input.residents);
  const fte = isOmitted(input.fte) ? p.minFte : parseFte(input.fte);
  const salaryPerFte = isOmitted(input.salaryPerFte) ? p.salaryPerFte : parseSalary(input.salaryPerFte);
  const roomCosts = isOmitted(input.roomCosts) ? new Dec(0) : parseRoomCosts(input.roomCosts);
  return budgetOf(residents, fte, salaryPerFte, roomCosts, p);
}

/** No inputs, figures or assumptions: for adding lines whose amounts are given (`plannedTotalOf`). */
const NO_ENV: ExactEnv = { inputs: {} as ExactEnv["inputs"], figures: {} as ExactEnv["figures"], planning: {} as ExactEnv["planning"] };

/**
 * The Gesamtbudget of planned amounts (a plan's lines as the Träger wrote them), added by the
 * rulebook's own sums — Projektmittel, then Gesamtbudget — so a plan's total is never a
 * second definition of what the total is.
 */
export function plannedTotalOf(planned: Readonly<Record<"staffCost" | "materialCost" | "projectCost" | "dispositionFund" | "roomCosts", Dec>>): Dec {
  const memo = new Map<LineKey, Fixed>((Object.keys(planned) as LineKey[]).map((key) => [key, fixedOf(planned[key as keyof typeof planned])]));
  return decOf(evaluateExact({ op: "line", key: "total" }, NO_ENV, memo));
}

/** The budget lines in the order and with the German/English labels used in every output. */
export const BUDGET_LINES: readonly { key: LineKey; de: string; en: string; json: string }[] = LINE_RULES.map(({ key, de, en, json }) => ({
  key,
  de,
  en,
  json,
}));

export type BudgetLineKey = LineKey;
