/**
 * A Quartier's Richtwert for one plan year, from a plan read out of a workbook: the
 * rulebook's lines with the plan's inputs (its VbE, residents, room costs and salary per VbE,
 * else the standard's reference salary) and the workbook's tariff increase from its base year
 * (else the plan's first year). The template's Richtwert cells compute the same (`template/
 * figures.ts` for the core's side); the Vergleich tab and sheet compare plans against it.
 */
import { BudgetLines, budgetOf, CompiledParameters, yearsAfterBase } from "./budget";
import { Dec } from "./decimal";
import { NeighbourhoodPlan, WorkbookPlan, yearOf } from "./plan";

/** The workbook's tariff increase (0 when it has none or it is unreadable) and base year. */
export function tariffOfPlan(plan: Pick<WorkbookPlan, "tariffIncrease" | "baseYear">): { increase: Dec; baseYear: number | null } {
  return {
    increase: plan.tariffIncrease?.ok ? plan.tariffIncrease.value : new Dec(0),
    baseYear: plan.baseYear?.ok ? plan.baseYear.value : null,
  };
}

/** The Richtwert lines of plan column `column`; undefined when residents or VbE cannot be read. */
export function richtwertOfPlan(
  n: NeighbourhoodPlan,
  column: number,
  tariff: { increase: Dec; baseYear: number | null },
  p: CompiledParameters,
): BudgetLines | undefined {
  if (!n.residents.ok || !n.fte.ok) return undefined;
  const salary = n.salaryPerFte?.ok ? n.salaryPerFte.value : p.salaryPerFte;
  const roomCosts = n.roomCosts.ok ? n.roomCosts.value : new Dec(0);
  const baseYear = tariff.baseYear ?? yearOf(n, 0);
  const year = { tariffIncrease: tariff.increase, yearsAfterBase: yearsAfterBase(yearOf(n, column), baseYear) };
  return budgetOf(n.residents.value, n.fte.value, salary, roomCosts, p, year);
}
