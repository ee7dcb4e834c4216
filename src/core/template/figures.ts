/**
 * The core's own numbers for a planning template, computed exactly with decimal.js: the
 * Richtwert of every budget line per Quartier and plan year, and the comparison table. The
 * workbook's formulas compute the same figures; the LibreOffice tests hold them to the cent.
 *
 * Tariff increase: the salary per VbE of a Quartier is given for the base year (the first plan
 * year). The Personalkosten Richtwert of plan year J is
 *   round(VbE × Gehalt_je_VbE × (1 + Tarifsteigerung)^(J − Basisjahr), 2)
 * — one rounding, of the escalated line, exactly as the workbook formula does it. No other
 * line changes with the tariff.
 */
import { BudgetLines, budgetOf, compileParameters, CompiledParameters } from "../budget";
import { Dec, toCents } from "../decimal";
import type { Neighbourhood, TemplatePlan } from "./input";

/** The salary per VbE in a plan year, unrounded (rounding happens once, on the line). */
export function escalatedSalary(salaryPerFte: Dec, tariffIncrease: Dec, yearsAfterBase: number): Dec {
  return salaryPerFte.mul(new Dec(1).plus(tariffIncrease).pow(yearsAfterBase));
}

/** The standard's budget for one Quartier in one plan year. */
export function richtwertOf(
  n: Neighbourhood,
  yearsAfterBase: number,
  tariffIncrease: Dec,
  p: CompiledParameters,
): BudgetLines {
  return budgetOf(n.residents, n.fte, escalatedSalary(n.salaryPerFte, tariffIncrease, yearsAfterBase), n.roomCosts, p);
}

/** Richtwerte of every Quartier (outer) and plan year (inner). */
export function richtwerteOf(plan: TemplatePlan): BudgetLines[][] {
  const p = compileParameters(plan.parameters);
  return plan.neighbourhoods.map((n) => plan.years.map((_, k) => richtwertOf(n, k, plan.tariffIncrease, p)));
}

/** Amount per resident, to the cent; undefined for a Quartier without residents. */
export function perResident(total: Dec, residents: number): Dec | undefined {
  return residents === 0 ? undefined : toCents(total.div(residents));
}

/** VbE per 1 000 residents, two decimals; undefined without residents. */
export function ftePerThousandResidents(fte: Dec, residents: number): Dec | undefined {
  return residents === 0 ? undefined : fte.div(residents).mul(1000).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** The municipality's part of what external funds do not cover, to the cent. */
export function municipalShareOf(total: Dec, externalFunds: Dec, share: Dec): Dec {
  return toCents(total.minus(externalFunds).mul(share));
}
