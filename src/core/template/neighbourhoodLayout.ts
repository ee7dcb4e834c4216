/**
 * Where things stand on a Quartier sheet. The sheet builder writes there and the comparison
 * sheet reads from there, so the two cannot drift apart.
 *
 *   A            B …                C …                 D …
 *   Budgetposition  Richtwert per year | Planansatz per year | Abweichung per year
 *
 * The three blocks of the budget table sit side by side, one column per plan year each; the
 * funding table below puts "beantragt" under the Richtwert block and "bewilligt" under the
 * Planansatz block.
 */
import { BudgetLineKey } from "../budget";
import { INPUT_NAMES, YES_NO_NAMES } from "../names";
import { RAHMENSTANDARD } from "../standard";

export const INPUT_ROWS: Record<keyof typeof INPUT_NAMES, number> = {
  neighbourhood: 5,
  residents: 6,
  fte: 7,
  salaryPerFte: 8,
  roomCosts: 9,
};

/** The Träger (provider) of the Quartier's office, below the inputs (`PROVIDER_NAME`). */
export const PROVIDER_ROW = 10;

export const YES_NO_FIRST_ROW = 12;
export const YES_NO_KEYS = Object.keys(YES_NO_NAMES) as Array<keyof typeof YES_NO_NAMES>;

export const BUDGET_SECTION_ROW = YES_NO_FIRST_ROW + YES_NO_KEYS.length + 1;
export const BUDGET_HEADER_ROW = BUDGET_SECTION_ROW + 1;
export const BUDGET_YEAR_ROW = BUDGET_HEADER_ROW + 1;

/** Budget rows in the order of `BUDGET_LINES`. */
export const BUDGET_ROWS: Record<BudgetLineKey, number> = {
  staffCost: BUDGET_YEAR_ROW + 1,
  materialCost: BUDGET_YEAR_ROW + 2,
  projectCost: BUDGET_YEAR_ROW + 3,
  dispositionFund: BUDGET_YEAR_ROW + 4,
  projectFunds: BUDGET_YEAR_ROW + 5,
  roomCosts: BUDGET_YEAR_ROW + 6,
  total: BUDGET_YEAR_ROW + 7,
};
export const BUDGET_LAST_ROW = BUDGET_ROWS.total;

export const WORK_PLAN_SECTION_ROW = BUDGET_LAST_ROW + 2;
export const WORK_PLAN_HEADER_ROW = WORK_PLAN_SECTION_ROW + 1;
export const WORK_PLAN_FIRST_ROW = WORK_PLAN_HEADER_ROW + 1;
export const WORK_PLAN_COLS = { measures: 2, hours: 3 } as const;
/** One row per focus area of the standard, then the sum of hours. */
export const WORK_PLAN_SUM_ROW = WORK_PLAN_FIRST_ROW + RAHMENSTANDARD.focusAreas.length;

export const FUNDING_SECTION_ROW = WORK_PLAN_SUM_ROW + 2;
export const FUNDING_HEADER_ROW = FUNDING_SECTION_ROW + 1;
export const FUNDING_YEAR_ROW = FUNDING_SECTION_ROW + 2;
export const FUNDING_FIRST_ROW = FUNDING_SECTION_ROW + 3;
/** The funding programmes named by the standard, then one row for other programmes. */
export const FUNDING_PROGRAMMES: readonly string[] = [...RAHMENSTANDARD.fundingProgrammes.map((p) => p.name), "Sonstige Programme"];
export const FUNDING_SUM_ROW = FUNDING_FIRST_ROW + FUNDING_PROGRAMMES.length;

export const LABEL_COL = 1;
export const VALUE_COL = 2;

/** Column positions that depend on the number of plan years. */
export class NeighbourhoodLayout {
  constructor(readonly yearCount: number) {}

  richtwertCol(yearIndex: number): number {
    return VALUE_COL + yearIndex;
  }
  planCol(yearIndex: number): number {
    return VALUE_COL + this.yearCount + yearIndex;
  }
  deviationCol(yearIndex: number): number {
    return VALUE_COL + 2 * this.yearCount + yearIndex;
  }
  get lastCol(): number {
    return this.deviationCol(this.yearCount - 1);
  }

  appliedCol(yearIndex: number): number {
    return this.richtwertCol(yearIndex);
  }
  grantedCol(yearIndex: number): number {
    return this.planCol(yearIndex);
  }
}
