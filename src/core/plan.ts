/**
 * The plan of each Quartier as read from a workbook: every input with the cell it came from,
 * or why it could not be read. Nothing unreadable becomes 0 — the rules turn each failure into
 * an `eingabe.*` finding instead of a silent pass.
 */
import type { Dec } from "./decimal";
import { YES_NO_NAMES } from "./names";
import type { FigureKey } from "./standard";

export interface CellRef {
  sheet: string;
  /** A1 address without `$` ("B3"). */
  address: string;
}

/**
 * Why a value could not be read. Each is also the suffix of its finding's rule id
 * (`eingabe.leer` …), so ids stay stable when messages change.
 */
export type ReadProblem =
  /** No defined name / no label for it. */
  | "fehlt"
  /** The cell is empty. */
  | "leer"
  /** A formula the file carries no computed value for. */
  | "formel_ohne_wert"
  /** An error value such as #DIV/0!. */
  | "fehlerwert"
  /** Text or a truth value where a number belongs. */
  | "kein_zahlwert"
  /** A number the input rules refuse (negative, fractional residents, implausible). */
  | "ungueltig"
  /** Neither "ja" nor "nein". */
  | "ja_nein"
  /** A defined name that points nowhere usable (#REF!, a formula, several areas). */
  | "bezug";

export type ReadResult<T> =
  | { ok: true; value: T; cell: CellRef }
  /** `detail` says what is wrong in German, `detailEn` the same in English. */
  | { ok: false; problem: ReadProblem; detail: string; detailEn: string; cell?: CellRef };

export type PlanLineKey = "staffCost" | "materialCost" | "projectCost" | "dispositionFund" | "roomCosts";

export const PLAN_LINE_KEYS: readonly PlanLineKey[] = ["staffCost", "materialCost", "projectCost", "dispositionFund", "roomCosts"];

export type YesNoKey = keyof typeof YES_NO_NAMES;

export const YES_NO_KEYS = Object.keys(YES_NO_NAMES) as YesNoKey[];

export interface NeighbourhoodPlan {
  /** The Quartier's name (its name cell, else the sheet name without the "QM " prefix). */
  name: string;
  sheet: string;
  /** "vorlage": read through the template's defined names; "fremd": found by its labels. */
  origin: "vorlage" | "fremd";
  residents: ReadResult<number>;
  fte: ReadResult<Dec>;
  /** The yearly room costs input (the plan rows per year are in `lines.roomCosts`). */
  roomCosts: ReadResult<Dec>;
  /**
   * The salary per VbE in the base year the Quartier's Richtwert uses (the template's
   * `Gehalt_je_VbE`); absent where the sheet has none (then the standard's reference counts).
   */
  salaryPerFte?: ReadResult<Dec>;
  /** The plan years, one per plan column; empty when the sheet names none. */
  years: ReadResult<number>[];
  /** Planned amounts per line, one per plan column (same length for every line). */
  lines: Record<PlanLineKey, ReadResult<Dec>[]>;
  yesNo: Record<YesNoKey, ReadResult<boolean>>;
  /** Planned measures per focus area id; "" means none planned. */
  measures: Record<string, ReadResult<string>>;
  /** The Träger named on the sheet (the template's `Traeger` cell); absent where the sheet has none or it is empty. */
  provider?: string;
  /** External funds granted per plan column (the template's `Drittmittel_Bewilligt`); absent where the sheet has no such row. */
  grantedFunds?: ReadResult<Dec>[];
}

export type ShareKey = "federal" | "state" | "municipal";

export interface WorkbookPlan {
  /**
   * The Parameter figures the workbook defines itself (absent: it has no such name). The check
   * measures against the standard and reports each that differs from it.
   */
  parameters: Partial<Record<FigureKey, ReadResult<Dec>>>;
  /** The workbook's yearly tariff increase as a fraction (0.03 = 3 %); absent: not defined. */
  tariffIncrease?: ReadResult<Dec>;
  /** The year the salaries are given for; absent: not defined (the first plan year counts). */
  baseYear?: ReadResult<number>;
  /** The funding shares of Bund, Land and Gemeinde the workbook sets (fractions, 1/3 ≈ 0.333…); absent: not defined. */
  shares?: Partial<Record<ShareKey, ReadResult<Dec>>>;
  neighbourhoods: NeighbourhoodPlan[];
  /** Quartier sheets ("QM …") that could be read neither through names nor through labels. */
  unreadSheets: string[];
  /** Sheets the workbook lists whose content is missing from the file (any name: never silently left out). */
  missingSheets?: { sheet: string; part?: string }[];
}

/** Number of plan columns (years) of a plan. */
export function planColumns(plan: NeighbourhoodPlan): number {
  return plan.lines.staffCost.length;
}

/** The year of plan column `i`, or null when the sheet does not say (or says it unreadably). */
export function yearOf(plan: NeighbourhoodPlan, i: number): number | null {
  const y = plan.years[i];
  return y && y.ok ? y.value : null;
}
