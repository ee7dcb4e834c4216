/**
 * The Vergleich tab's figures come from the budget round's consolidation
 * (`core/consolidation`): the same rows, shares split to the cent, check verdicts and sums as
 * `qm-planer vergleich` — for the open workbook as for submitted files. The pane computes
 * nothing of its own; it only chooses a year and an order (`comparisonView`, `sortRows`).
 *
 * The open workbook is measured against the built-in Rahmenstandard, as "Prüfen" checks it,
 * so the tab's "erfüllt" is the check's verdict.
 */
import { Consolidation, Consolidator } from "../../core/consolidation/consolidate";
import type { Dec } from "../../core/decimal";
import type { WorkbookPlan } from "../../core/plan";
import { BUILT_IN_PROFILE } from "../../core/profile";
import type { Parameters } from "../../core/standard";

/** The consolidation of the open workbook's plans; `label` stands where a file name would. */
export function consolidateOpenWorkbook(plan: WorkbookPlan, label: string, parameters?: Parameters): Consolidation {
  const c = new Consolidator(parameters ? { profile: { ...BUILT_IN_PROFILE, parameters } } : {});
  c.addPlan(label, plan);
  return c.finish();
}

export interface ComparisonEntry {
  name: string;
  sheet: string | null;
  year: number | null;
  total?: Dec;
  perResident?: Dec;
  /** The Quartier's Richtwert (Gesamtbudget) for that year. */
  standard?: Dec;
  /** total − standard: negative means the plan falls below the standard. */
  deviation?: Dec;
}

/**
 * The first plan year of every Quartier, from the consolidation (kept for the drift tests,
 * which hold the tab's deviation to the Vergleich sheet's with the workbook's own figures).
 */
export function compareNeighbourhoods(plan: WorkbookPlan, parameters: Parameters): ComparisonEntry[] {
  return consolidateOpenWorkbook(plan, "", parameters).neighbourhoods.map((n) => {
    const y = n.years[0];
    return {
      name: n.name,
      sheet: n.sheet,
      year: y?.year ?? null,
      total: y?.total ?? undefined,
      perResident: y?.perResident ?? undefined,
      standard: y?.richtwertTotal ?? undefined,
      deviation: y?.deviation ?? undefined,
    };
  });
}
