/**
 * The Vergleich tab's figures, from the plans read out of the open workbook: per Quartier the
 * planned total of its first plan year, € je Einwohner, VbE je 1 000 Einwohner and the
 * deviation from its Richtwert — the same Richtwert the workbook's sheets compute
 * (`core/richtwert.ts`: the Quartier's own salary per VbE, the workbook's figures, tariff
 * increase and base year). A figure that could not be read stays undefined: never taken as 0.
 */
import { compileParameters } from "../../core/budget";
import { richtwertOfPlan, tariffOfPlan } from "../../core/richtwert";
import { Dec } from "../../core/decimal";
import { NeighbourhoodPlan, PLAN_LINE_KEYS, WorkbookPlan, yearOf } from "../../core/plan";
import type { Parameters } from "../../core/standard";
import { ftePerThousandResidents, perResident } from "../../core/template/figures";

export interface ComparisonEntry {
  name: string;
  sheet: string;
  year: number | null;
  residents?: number;
  fte?: Dec;
  /** Sum of the planned lines of the first plan year. */
  total?: Dec;
  perResident?: Dec;
  ftePerThousand?: Dec;
  /** The Quartier's Richtwert (Gesamtbudget) for that year. */
  standard?: Dec;
  /** total − standard: negative means the plan falls below the standard. */
  deviation?: Dec;
}

function plannedTotal(plan: NeighbourhoodPlan): Dec | undefined {
  let total = new Dec(0);
  for (const key of PLAN_LINE_KEYS) {
    const first = plan.lines[key][0];
    if (!first || !first.ok) return undefined;
    total = total.plus(first.value);
  }
  return total;
}

export function compareNeighbourhoods(plan: WorkbookPlan, parameters: Parameters): ComparisonEntry[] {
  const p = compileParameters(parameters);
  const tariff = tariffOfPlan(plan);
  return plan.neighbourhoods.map((n) => {
    const entry: ComparisonEntry = { name: n.name, sheet: n.sheet, year: yearOf(n, 0), total: plannedTotal(n) };
    if (n.fte.ok) entry.fte = n.fte.value;
    if (!n.residents.ok) return entry;
    const residents = n.residents.value;
    entry.residents = residents;
    if (entry.total) entry.perResident = perResident(entry.total, residents);
    if (entry.fte) {
      entry.ftePerThousand = ftePerThousandResidents(entry.fte, residents);
      entry.standard = richtwertOfPlan(n, 0, tariff, p)?.total;
      if (entry.total && entry.standard) entry.deviation = entry.total.minus(entry.standard);
    }
    return entry;
  });
}

/** The mean of the defined values, or undefined when there is none. */
export function averageOf(values: readonly (Dec | undefined)[]): Dec | undefined {
  const defined = values.filter((v): v is Dec => v !== undefined);
  if (defined.length === 0) return undefined;
  return defined.reduce((a, b) => a.plus(b), new Dec(0)).div(defined.length);
}
