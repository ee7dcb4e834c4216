import { Dec, toCents } from "./decimal";
import { isOmitted, parseFte, parseResidents, parseRoomCosts, parseSalary } from "./inputs";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters } from "./standard";

/**
 * The budget of one Quartier for one year, computed exactly with decimal.js.
 *
 *   Personalkosten  = VbE × Gehalt je VbE
 *   Sachkosten      = VbE × Sachkosten je VbE
 *   Projektkosten   = max(Einwohner × Satz, Mindestbetrag)
 *   Verfügungsfonds = Einwohner × Satz, mindestens Mindestbetrag wenn Einwohner < Schwelle
 *   Projektmittel   = Sachkosten + Projektkosten + Verfügungsfonds
 *   Gesamtbudget    = Personalkosten + Projektmittel + Raumkosten
 *
 * Each line is computed exactly and rounded to cents once, half-up; the sums add rounded
 * lines (which is exact), so Projektmittel always equals the sum of the three lines shown.
 */

/** Parameters turned into Decimals once, so the hot path builds no constants. */
export type CompiledParameters = Readonly<Record<FigureKey, Dec>>;

export function compileParameters(params: Parameters): CompiledParameters {
  const out = {} as Record<FigureKey, Dec>;
  for (const key of FIGURE_KEYS) out[key] = new Dec(params[key]);
  return Object.freeze(out);
}

export const DEFAULT_PARAMETERS: CompiledParameters = compileParameters(defaultParameters());

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

// --- single lines (validated inputs in, cents out) -------------------------------------------

export function staffCostOf(fte: Dec, salaryPerFte: Dec): Dec {
  return toCents(fte.mul(salaryPerFte));
}

export function materialCostOf(fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  return toCents(fte.mul(p.materialCostPerFte));
}

export function projectCostOf(residents: number, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  const perResident = p.projectCostPerResident.mul(residents);
  return toCents(perResident.lt(p.projectCostMinimum) ? p.projectCostMinimum : perResident);
}

export function dispositionFundOf(residents: number, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  const perResident = p.dispositionFundPerResident.mul(residents);
  const minimumApplies = p.dispositionFundMinimumBelowResidents.gt(residents);
  return toCents(minimumApplies && perResident.lt(p.dispositionFundMinimum) ? p.dispositionFundMinimum : perResident);
}

export function projectFundsOf(residents: number, fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  return materialCostOf(fte, p).plus(projectCostOf(residents, p)).plus(dispositionFundOf(residents, p));
}

// --- whole budget from raw input -------------------------------------------------------------

/** Validates raw input; throws QmInputError with a German message. */
export function computeBudget(input: BudgetInput, p: CompiledParameters = DEFAULT_PARAMETERS): BudgetLines {
  const residents = parseResidents(input.residents);
  const fte = isOmitted(input.fte) ? p.minFte : parseFte(input.fte);
  const salaryPerFte = isOmitted(input.salaryPerFte) ? p.salaryPerFte : parseSalary(input.salaryPerFte);
  const roomCosts = isOmitted(input.roomCosts) ? new Dec(0) : toCents(parseRoomCosts(input.roomCosts));
  return budgetOf(residents, fte, salaryPerFte, roomCosts, p);
}

/** The budget from already validated values. */
export function budgetOf(residents: number, fte: Dec, salaryPerFte: Dec, roomCosts: Dec, p: CompiledParameters): BudgetLines {
  const staffCost = staffCostOf(fte, salaryPerFte);
  const materialCost = materialCostOf(fte, p);
  const projectCost = projectCostOf(residents, p);
  const dispositionFund = dispositionFundOf(residents, p);
  const projectFunds = materialCost.plus(projectCost).plus(dispositionFund);
  const total = staffCost.plus(projectFunds).plus(roomCosts);
  return { residents, fte, salaryPerFte, staffCost, materialCost, projectCost, dispositionFund, projectFunds, roomCosts, total };
}

/** The budget lines in the order and with the German/English labels used in every output. */
export const BUDGET_LINES = [
  { key: "staffCost", de: "Personalkosten", en: "Staff costs", json: "personalkosten" },
  { key: "materialCost", de: "Sachkosten", en: "Material costs", json: "sachkosten" },
  { key: "projectCost", de: "Projektkosten", en: "Project costs", json: "projektkosten" },
  { key: "dispositionFund", de: "Verfügungsfonds", en: "Disposition fund", json: "verfuegungsfonds" },
  { key: "projectFunds", de: "Projektmittel", en: "Project funds", json: "projektmittel" },
  { key: "roomCosts", de: "Raumkosten", en: "Room costs", json: "raumkosten" },
  { key: "total", de: "Gesamtbudget", en: "Total budget", json: "gesamtbudget" },
] as const satisfies readonly { key: keyof BudgetLines; de: string; en: string; json: string }[];

export type BudgetLineKey = (typeof BUDGET_LINES)[number]["key"];
