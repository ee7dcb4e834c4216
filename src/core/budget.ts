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

// --- what each parameter set implies, worked out once -----------------------------------------

/**
 * The custom functions evaluate the same parameter set many thousand times, and every
 * decimal.js operation allocates. So what follows from the parameters alone is worked out
 * once per set, exactly, and cached:
 *
 * - For whole resident counts E and rates ≥ 0, "E × rate is below the minimum" is the same as
 *   "E is below a fixed count"; where a minimum applies, the line is the minimum's Decimal
 *   itself, with no multiplication and no comparison.
 * - Where both per-resident lines apply and both rates have at most two decimals, the lines
 *   are whole cents without rounding, so Projektkosten + Verfügungsfonds = E × (sum of the
 *   rates): one multiplication instead of two and an addition.
 *
 * Anything else (fractional E, negative rates) takes the plain exact comparisons.
 */
interface Derived {
  /** Whether the counts below may be used: both per-resident rates are ≥ 0. */
  countsApply: boolean;
  /** Projektkosten: the minimum applies for whole E below this count. */
  projectMinimumBelow: number;
  /** Verfügungsfonds: the minimum applies for whole E below this count (threshold and minimum together). */
  fundMinimumBelow: number;
  projectMinimum: Dec;
  fundMinimum: Dec;
  bothMinimums: Dec;
  /** Sum of both per-resident rates, if adding the lines needs no rounding; else undefined. */
  combinedRate: Dec | undefined;
}

/** A whole Decimal as a number; beyond the safe integers, ±Infinity (no safe E reaches it). */
function countAsNumber(count: Dec): number {
  if (count.abs().gt(Number.MAX_SAFE_INTEGER)) return count.isNegative() ? -Infinity : Infinity;
  return count.toNumber();
}

/** The least whole E with rate × E ≥ minimum (rate ≥ 0); for smaller E the minimum applies. */
function leastResidentsReaching(rate: Dec, minimum: Dec): number {
  if (rate.isZero()) return minimum.gt(0) ? Infinity : -Infinity;
  // rate × E < minimum ⇔ E < minimum / rate ⇔ E < ⌈minimum / rate⌉ for whole E. The ceiling is
  // exact: a whole quotient is computed exactly, and any other quotient of two decimals of a
  // few digits (figures come from text or from Excel's 15-digit numbers) lies much further
  // from a whole number than the 40-digit rounding of the division could move it.
  return countAsNumber(minimum.div(rate).ceil());
}

const DERIVED = new WeakMap<CompiledParameters, Derived>();

function derivedOf(p: CompiledParameters): Derived {
  let d = DERIVED.get(p);
  if (d === undefined) {
    const projectRate = p.projectCostPerResident;
    const fundRate = p.dispositionFundPerResident;
    const countsApply = !projectRate.isNegative() && !fundRate.isNegative();
    const projectMinimum = toCents(p.projectCostMinimum);
    const fundMinimum = toCents(p.dispositionFundMinimum);
    d = {
      countsApply,
      projectMinimumBelow: countsApply ? leastResidentsReaching(projectRate, p.projectCostMinimum) : NaN,
      fundMinimumBelow: countsApply
        ? Math.min(
            // E < threshold ⇔ E < ⌈threshold⌉ for whole E.
            countAsNumber(p.dispositionFundMinimumBelowResidents.ceil()),
            leastResidentsReaching(fundRate, p.dispositionFundMinimum),
          )
        : NaN,
      projectMinimum,
      fundMinimum,
      bothMinimums: projectMinimum.plus(fundMinimum),
      combinedRate: projectRate.decimalPlaces() <= 2 && fundRate.decimalPlaces() <= 2 ? projectRate.plus(fundRate) : undefined,
    };
    DERIVED.set(p, d);
  }
  return d;
}

/** The derived figures, if they hold for this resident count; else undefined (use exact comparisons). */
function countsFor(residents: number, p: CompiledParameters): Derived | undefined {
  if (!Number.isSafeInteger(residents)) return undefined;
  const d = derivedOf(p);
  return d.countsApply ? d : undefined;
}

// --- single lines (validated inputs in, cents out) -------------------------------------------

export function staffCostOf(fte: Dec, salaryPerFte: Dec): Dec {
  return toCents(fte.mul(salaryPerFte));
}

export function materialCostOf(fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  return toCents(fte.mul(p.materialCostPerFte));
}

export function projectCostOf(residents: number, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  const d = countsFor(residents, p);
  if (d) return residents < d.projectMinimumBelow ? d.projectMinimum : toCents(p.projectCostPerResident.mul(residents));
  const perResident = p.projectCostPerResident.mul(residents);
  return toCents(perResident.lt(p.projectCostMinimum) ? p.projectCostMinimum : perResident);
}

export function dispositionFundOf(residents: number, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  const d = countsFor(residents, p);
  if (d) return residents < d.fundMinimumBelow ? d.fundMinimum : toCents(p.dispositionFundPerResident.mul(residents));
  const perResident = p.dispositionFundPerResident.mul(residents);
  const minimumApplies = p.dispositionFundMinimumBelowResidents.gt(residents);
  return toCents(minimumApplies && perResident.lt(p.dispositionFundMinimum) ? p.dispositionFundMinimum : perResident);
}

/** Projektkosten + Verfügungsfonds, with as few decimal.js operations as the case allows. */
function residentLinesOf(residents: number, p: CompiledParameters): Dec {
  const d = countsFor(residents, p);
  if (d) {
    const projectMinimumApplies = residents < d.projectMinimumBelow;
    const fundMinimumApplies = residents < d.fundMinimumBelow;
    if (projectMinimumApplies && fundMinimumApplies) return d.bothMinimums;
    if (!projectMinimumApplies && !fundMinimumApplies && d.combinedRate) return d.combinedRate.mul(residents);
  }
  return projectCostOf(residents, p).plus(dispositionFundOf(residents, p));
}

export function projectFundsOf(residents: number, fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS): Dec {
  return materialCostOf(fte, p).plus(residentLinesOf(residents, p));
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
  // Adding zero room costs (the default) would only allocate a copy.
  const staffAndFunds = staffCost.plus(projectFunds);
  const total = roomCosts.isZero() ? staffAndFunds : staffAndFunds.plus(roomCosts);
  return { residents, fte, salaryPerFte, staffCost, materialCost, projectCost, dispositionFund, projectFunds, roomCosts, total };
}

/**
 * Only the Gesamtbudget, from already validated values: the same lines as `budgetOf`, with
 * Projektkosten and Verfügungsfonds taken together where that needs fewer operations.
 * QM.GESAMTBUDGET calls this in hot recalculations.
 */
export function totalBudgetOf(residents: number, fte: Dec, salaryPerFte: Dec, roomCosts: Dec, p: CompiledParameters): Dec {
  const staffAndFunds = staffCostOf(fte, salaryPerFte).plus(projectFundsOf(residents, fte, p));
  return roomCosts.isZero() ? staffAndFunds : staffAndFunds.plus(roomCosts);
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
