/**
 * The Richtwert formulas of a Quartier sheet, written over the defined names so they read like
 * the standard and compute without the add-in. Each line is rounded to cents once, as the
 * budget core does (Excel's ROUND rounds half away from zero, i.e. half-up for amounts ≥ 0).
 * Sheet-scoped names (Einwohner, VbE, …) resolve to the sheet the formula stands on.
 */
import { BudgetLineKey } from "../budget";
import { BASE_YEAR_NAME, INPUT_NAMES, parameterName, PLANNING_NAMES } from "../names";

const E = INPUT_NAMES.residents;
const VBE = INPUT_NAMES.fte;

/**
 * The formula of one Richtwert line. `yearCell` is the cell holding the plan year of the
 * column; `cellOf` gives the cell of another line in the same column (for the sums).
 */
export function richtwertFormula(
  line: BudgetLineKey,
  cells: { yearCell: string; cellOf: (line: BudgetLineKey) => string },
): string {
  const p = parameterName;
  switch (line) {
    case "staffCost":
      return `ROUND(${VBE}*${INPUT_NAMES.salaryPerFte}*(1+${PLANNING_NAMES.tariffIncrease})^(${cells.yearCell}-${BASE_YEAR_NAME}),2)`;
    case "materialCost":
      return `ROUND(${VBE}*${p("materialCostPerFte")},2)`;
    case "projectCost":
      return `ROUND(MAX(${p("projectCostPerResident")}*${E},${p("projectCostMinimum")}),2)`;
    case "dispositionFund": {
      const perResident = `${p("dispositionFundPerResident")}*${E}`;
      return `ROUND(IF(${E}<${p("dispositionFundMinimumBelowResidents")},MAX(${perResident},${p("dispositionFundMinimum")}),${perResident}),2)`;
    }
    case "roomCosts":
      return `ROUND(${INPUT_NAMES.roomCosts},2)`;
    case "projectFunds":
    case "total":
      return sumFormula(line, cells.cellOf);
  }
}

/** The lines a sum line adds, as the budget core defines them. */
export const SUM_PARTS: Record<"projectFunds" | "total", readonly BudgetLineKey[]> = {
  projectFunds: ["materialCost", "projectCost", "dispositionFund"],
  total: ["staffCost", "projectFunds", "roomCosts"],
};

/** Projektmittel or Gesamtbudget as the sum of its lines' cells (for Richtwert and Planansatz). */
export function sumFormula(line: "projectFunds" | "total", cellOf: (line: BudgetLineKey) => string): string {
  return SUM_PARTS[line].map(cellOf).join("+");
}
