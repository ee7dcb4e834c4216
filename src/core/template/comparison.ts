/**
 * The "Vergleich" table: one row per plan year and Quartier, a sum row per plan year and a
 * sum row over all years. The columns are defined once here; the sheet builder writes them
 * as formulas, `comparisonTable` computes the same figures in the core.
 *
 * At generation the Planansätze equal the Richtwerte and there are no external funds yet, so
 * the table shows the standard's budget; later the formulas follow the user's entries.
 */
import { BUDGET_LINES, BudgetLineKey, BudgetLines } from "../budget";
import { Dec } from "../decimal";
import { ftePerThousandResidents, municipalShareOf, perResident, richtwerteOf } from "./figures";
import type { TemplatePlan } from "./input";
import { NUMBER_FORMATS } from "./styles";

export type ComparisonColumnKey =
  | "year"
  | "neighbourhood"
  | "residents"
  | "fte"
  | BudgetLineKey
  | "perResident"
  | "ftePerThousand"
  | "deviation"
  | "municipalShare"
  | "externalFunds";

export interface ComparisonColumn {
  key: ComparisonColumnKey;
  header: string;
  /** Absent: Excel's "General" (a text format would turn the name formula into text in Excel). */
  numberFormat?: string;
  width: number;
}

/** The budget lines without the total, which stands beside the name (a chart shows the two). */
const lineColumns: ComparisonColumn[] = BUDGET_LINES.filter((l) => l.key !== "total").map((l) => ({
  key: l.key,
  header: l.de,
  numberFormat: NUMBER_FORMATS.euro,
  // Wide enough for the longest header ("Verfügungsfonds", "Personalkosten") and amounts in the millions.
  width: 17,
}));

export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  { key: "year", header: "Planjahr", numberFormat: NUMBER_FORMATS.year, width: 10 },
  { key: "neighbourhood", header: "Quartier", width: 24 },
  { key: "total", header: "Gesamt", numberFormat: NUMBER_FORMATS.euro, width: 15 },
  { key: "residents", header: "Einwohner", numberFormat: NUMBER_FORMATS.integer, width: 12 },
  { key: "fte", header: "VbE", numberFormat: NUMBER_FORMATS.fte, width: 8 },
  ...lineColumns,
  { key: "perResident", header: "€ je Einwohner", numberFormat: NUMBER_FORMATS.euro, width: 13 },
  { key: "ftePerThousand", header: "VbE je 1.000 Einwohner", numberFormat: NUMBER_FORMATS.fte, width: 12 },
  { key: "deviation", header: "Abweichung vom Richtwert", numberFormat: NUMBER_FORMATS.euroSigned, width: 15 },
  { key: "municipalShare", header: "Anteil Gemeinde", numberFormat: NUMBER_FORMATS.euro, width: 15 },
  { key: "externalFunds", header: "Drittmittel (bewilligt)", numberFormat: NUMBER_FORMATS.euro, width: 15 },
];

/** Sum rows add these columns; ratios are recomputed from the sums. */
export const SUMMED_COLUMNS: ReadonlySet<ComparisonColumnKey> = new Set<ComparisonColumnKey>([
  "residents",
  "fte",
  ...BUDGET_LINES.map((l) => l.key),
  "deviation",
  "municipalShare",
  "externalFunds",
]);

/** Columns left empty in the sum over all years (residents and VbE would be counted per year). */
export const PER_YEAR_ONLY_COLUMNS: ReadonlySet<ComparisonColumnKey> = new Set<ComparisonColumnKey>([
  "residents",
  "fte",
  "perResident",
  "ftePerThousand",
]);

export type ComparisonRowKind = "neighbourhood" | "yearTotal" | "grandTotal";

export interface ComparisonRow {
  kind: ComparisonRowKind;
  year?: number;
  /** Index of the Quartier for "neighbourhood" rows. */
  index?: number;
  /** The figures; undefined = the cell is empty. Names are strings, amounts Decimals. */
  values: Partial<Record<ComparisonColumnKey, Dec | number | string>>;
}

/** The order of the rows: per plan year its Quartiere and a sum row, then the sum of all years. */
export function comparisonLayout(neighbourhoods: number, years: readonly number[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const year of years) {
    for (let index = 0; index < neighbourhoods; index++) rows.push({ kind: "neighbourhood", year, index, values: {} });
    rows.push({ kind: "yearTotal", year, values: {} });
  }
  rows.push({ kind: "grandTotal", values: {} });
  return rows;
}

function neighbourhoodValues(plan: TemplatePlan, index: number, yearIndex: number, r: BudgetLines): ComparisonRow["values"] {
  const n = plan.neighbourhoods[index];
  const externalFunds = new Dec(0);
  const values: ComparisonRow["values"] = {
    year: plan.years[yearIndex],
    neighbourhood: n.name,
    residents: n.residents,
    fte: n.fte,
    deviation: new Dec(0),
    municipalShare: municipalShareOf(r.total, externalFunds, plan.shares.municipal),
    externalFunds,
  };
  for (const l of BUDGET_LINES) values[l.key] = r[l.key];
  const pr = perResident(r.total, n.residents);
  if (pr) values.perResident = pr;
  const fpt = ftePerThousandResidents(n.fte, n.residents);
  if (fpt) values.ftePerThousand = fpt;
  return values;
}

function sumOf(rows: readonly ComparisonRow[], key: ComparisonColumnKey): Dec {
  return rows.reduce((acc, r) => acc.plus(new Dec(r.values[key] as Dec | number)), new Dec(0));
}

function totalValues(rows: readonly ComparisonRow[], perYear: boolean): ComparisonRow["values"] {
  const values: ComparisonRow["values"] = {};
  for (const key of SUMMED_COLUMNS) if (perYear || !PER_YEAR_ONLY_COLUMNS.has(key)) values[key] = sumOf(rows, key);
  if (perYear) {
    const residents = (values.residents as Dec).toNumber();
    const pr = perResident(values.total as Dec, residents);
    if (pr) values.perResident = pr;
    const fpt = ftePerThousandResidents(values.fte as Dec, residents);
    if (fpt) values.ftePerThousand = fpt;
  }
  return values;
}

/** The comparison table with the core's figures (what the workbook shows when it is generated). */
export function comparisonTable(plan: TemplatePlan): ComparisonRow[] {
  const richtwerte = richtwerteOf(plan);
  const rows = comparisonLayout(plan.neighbourhoods.length, plan.years);
  const yearTotals: ComparisonRow[] = [];
  let block: ComparisonRow[] = [];
  for (const row of rows) {
    if (row.kind === "neighbourhood") {
      const yearIndex = plan.years.indexOf(row.year as number);
      row.values = neighbourhoodValues(plan, row.index as number, yearIndex, richtwerte[row.index as number][yearIndex]);
      block.push(row);
    } else if (row.kind === "yearTotal") {
      row.values = { year: row.year, neighbourhood: `Summe ${row.year}`, ...totalValues(block, true) };
      yearTotals.push(row);
      block = [];
    } else {
      row.values = { neighbourhood: "Summe aller Planjahre", ...totalValues(yearTotals, false) };
    }
  }
  return rows;
}
