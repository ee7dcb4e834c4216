/**
 * The core's own numbers for a planning template, computed exactly from the rulebook: the
 * Richtwert of every budget line per Quartier and plan year, and the comparison table. The
 * workbook's formulas are compiled from the same rules; the LibreOffice tests hold the two to
 * the cent.
 *
 * Tariff increase: the salary per VbE of a Quartier is given for the base year (the first plan
 * year); plan year J counts max(0, J − Basisjahr) years of increase (README, "Basisjahr").
 */
import { BudgetLines, budgetOf, compileParameters, CompiledParameters, YearAssumptions, yearsAfterBase } from "../budget";
import { Dec, toCents } from "../decimal";
import type { Neighbourhood, TemplatePlan } from "./input";

/** The standard's budget for one Quartier in one plan year. */
export function richtwertOf(n: Neighbourhood, year: YearAssumptions, p: CompiledParameters): BudgetLines {
  return budgetOf(n.residents, n.fte, n.salaryPerFte, n.roomCosts, p, year);
}

/** Richtwerte of every Quartier (outer) and plan year (inner); the first plan year is the base year. */
export function richtwerteOf(plan: TemplatePlan): BudgetLines[][] {
  const p = compileParameters(plan.parameters);
  const baseYear = plan.years[0];
  return plan.neighbourhoods.map((n) =>
    plan.years.map((year) => richtwertOf(n, { tariffIncrease: plan.tariffIncrease, yearsAfterBase: yearsAfterBase(year, baseYear) }, p)),
  );
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
