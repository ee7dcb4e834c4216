/**
 * "Quartier hinzufügen": more Quartiere for a workbook that has a plan already. The new
 * Quartier sheets are built exactly as the template builds them (same layout, sheet-scoped
 * names, formulas over the workbook-wide Parameter names that exist already and are reused,
 * never added again), under names free in the workbook, for the plan years the workbook has.
 * The Vergleich sheet is built anew over all Quartier sheets, old and new; the writer replaces
 * the old one only if it is still exactly what the template wrote (`isUnchangedComparison`),
 * else it adds the extended one beside it — nothing of the user's is overwritten.
 */
import { SHEETS } from "../names";
import { neighbourhoodSheetName } from "./buildTemplate";
import { buildNeighbourhoodSheet } from "./neighbourhoodSheet";
import { buildComparisonSheet } from "./comparisonSheet";
import type { TemplatePlan } from "./input";
import type { SheetModel, WorkbookModel } from "./model";
import { richtwertPrompts } from "./notes";
import { assignSheetNames } from "./sheetNames";

export interface ExistingPlan {
  /** Every sheet of the workbook. */
  sheets: readonly string[];
  /** The template's Quartier sheets, in the order the Vergleich lists them. */
  neighbourhoodSheets: readonly string[];
  /** The template's Vergleich sheet, if the workbook has one. */
  comparisonSheet: string | null;
  /** The plan years of the workbook (its Quartier sheets'). */
  years: readonly number[];
}

export interface Addition {
  /** The new Quartier sheets and their sheet-scoped names (no workbook-wide name). */
  model: WorkbookModel;
  /** The Vergleich over all Quartier sheets, named as the old one (to replace it) … */
  comparison: SheetModel;
  /** … or, when the old one was changed by the user, under this free name beside it. */
  comparisonAside: SheetModel;
  /** What the old Vergleich sheet holds if nobody changed it; null without one. */
  previousComparison: SheetModel | null;
}

export function buildAddition(plan: TemplatePlan, existing: ExistingPlan): Addition {
  const years = [...existing.years];
  const requested = [...plan.neighbourhoods.map((n) => neighbourhoodSheetName(n.name)), SHEETS.comparison];
  const { names, renamed } = assignSheetNames(requested, existing.sheets);
  const newSheets = names.slice(0, -1);
  const prompts = richtwertPrompts(plan);
  const built = plan.neighbourhoods.map((n, i) => buildNeighbourhoodSheet(newSheets[i], n, years, prompts));
  const all = [...existing.neighbourhoodSheets, ...newSheets];
  const asideName = names[names.length - 1];
  const comparisonRenaming = renamed.filter((r) => r.actual === asideName);
  return {
    model: { sheets: built.map((b) => b.sheet), names: built.flatMap((b) => b.names), renamed: renamed.filter((r) => !comparisonRenaming.includes(r)) },
    comparison: buildComparisonSheet(existing.comparisonSheet ?? asideName, all, years),
    comparisonAside: buildComparisonSheet(asideName, all, years),
    previousComparison: existing.comparisonSheet ? buildComparisonSheet(existing.comparisonSheet, existing.neighbourhoodSheets, years) : null,
  };
}

/** A formula as the program may give it back: without the "=", sheet quotes and case. */
function normal(v: unknown): string {
  return String(v ?? "").replace(/^=/, "").replace(/'/g, "").toUpperCase();
}

/**
 * Whether the sheet's formulas (as Office.js `Range.formulas` gives them from A1) are exactly
 * what `expected` wrote: every cell of the model as written, nothing else filled.
 */
export function isUnchangedComparison(expected: SheetModel, formulas: readonly (readonly unknown[])[]): boolean {
  const want = new Map(expected.cells.filter((c) => c.formula !== undefined || c.value !== undefined).map((c) => [`${c.row - 1}:${c.col - 1}`, c.formula ?? c.value]));
  for (let r = 0; r < formulas.length; r++)
    for (let c = 0; c < formulas[r].length; c++) {
      const got = formulas[r][c];
      const key = `${r}:${c}`;
      if (got === "" || got === null || got === undefined) {
        if (want.has(key)) return false;
        continue;
      }
      if (!want.has(key) || normal(got) !== normal(want.get(key))) return false;
      want.delete(key);
    }
  return want.size === 0;
}
