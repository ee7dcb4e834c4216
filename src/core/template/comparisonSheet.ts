/**
 * The "Vergleich" sheet: the comparison table of `comparison.ts` as formulas over the Quartier
 * sheets, so it follows every change of a Planansatz, an input or a Parameter.
 */
import { BudgetLineKey, BUDGET_LINES } from "../budget";
import { PLANNING_NAMES } from "../names";
import { absoluteAddress, cellAddress, rangeAddress, sheetReference } from "./addresses";
import {
  COMPARISON_COLUMNS,
  ComparisonColumnKey,
  comparisonLayout,
  ComparisonRow,
  PER_YEAR_ONLY_COLUMNS,
  SUMMED_COLUMNS,
} from "./comparison";
import type { SheetModel } from "./model";
import { BUDGET_ROWS, FUNDING_SUM_ROW, INPUT_ROWS, NeighbourhoodLayout, VALUE_COL } from "./neighbourhoodLayout";
import { CellSpec, SheetBuilder } from "./sheetBuilder";

export const COMPARISON_HEADER_ROW = 4;
export const COMPARISON_FIRST_ROW = COMPARISON_HEADER_ROW + 1;

const LINE_KEYS: ReadonlySet<string> = new Set(BUDGET_LINES.map((l) => l.key));

/** 1-based column of a comparison column. */
export function comparisonCol(key: ComparisonColumnKey): number {
  return COMPARISON_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** The comparison rows with the sheet row each stands on. */
export function comparisonRows(neighbourhoods: number, years: readonly number[]): Array<ComparisonRow & { sheetRow: number }> {
  return comparisonLayout(neighbourhoods, years).map((r, i) => ({ ...r, sheetRow: COMPARISON_FIRST_ROW + i }));
}

export function buildComparisonSheet(
  sheetName: string,
  neighbourhoodSheets: readonly string[],
  years: readonly number[],
): SheetModel {
  const b = new SheetBuilder(sheetName, "comparison");
  const layout = new NeighbourhoodLayout(years.length);
  const at = (key: ComparisonColumnKey, row: number): string => cellAddress(row, comparisonCol(key));

  b.set(1, 1, { value: "Vergleich der Quartiere", style: "title" });
  b.set(2, 1, {
    value: `Planansätze der Quartiersblätter. Abweichung = Plan − Richtwert; Anteil Gemeinde = (Gesamt − Drittmittel) × ${PLANNING_NAMES.shareMunicipal}.`,
    style: "note",
  });
  COMPARISON_COLUMNS.forEach((c, i) => {
    b.set(COMPARISON_HEADER_ROW, i + 1, { value: c.header, style: "header" });
    b.width(i + 1, c.width);
  });

  /** Ratios are recomputed from the row's own residents, VbE and total, in every kind of row. */
  const ratio = (key: "perResident" | "ftePerThousand", row: number): string => {
    const residents = at("residents", row);
    const expr = key === "perResident" ? `${at("total", row)}/${residents}` : `${at("fte", row)}/${residents}*1000`;
    return `IF(${residents}=0,"",ROUND(${expr},2))`;
  };

  const rows = comparisonRows(neighbourhoodSheets.length, years);
  const yearTotalRows: number[] = [];
  let blockStart = COMPARISON_FIRST_ROW;
  for (const r of rows) {
    const row = r.sheetRow;
    const style = r.kind === "neighbourhood" ? undefined : "total";
    for (const c of COMPARISON_COLUMNS) {
      const spec = ((): CellSpec | undefined => {
        if (r.kind === "neighbourhood") {
          const sheet = neighbourhoodSheets[r.index as number];
          const j = years.indexOf(r.year as number);
          const ref = (rowOnSheet: number, colOnSheet: number): string => sheetReference(sheet, absoluteAddress(rowOnSheet, colOnSheet));
          if (c.key === "year") return { value: r.year };
          if (c.key === "neighbourhood") return { formula: ref(INPUT_ROWS.neighbourhood, VALUE_COL) };
          if (c.key === "residents") return { formula: ref(INPUT_ROWS.residents, VALUE_COL) };
          if (c.key === "fte") return { formula: ref(INPUT_ROWS.fte, VALUE_COL) };
          if (LINE_KEYS.has(c.key)) return { formula: ref(BUDGET_ROWS[c.key as BudgetLineKey], layout.planCol(j)) };
          if (c.key === "perResident" || c.key === "ftePerThousand") return { formula: ratio(c.key, row) };
          if (c.key === "deviation") return { formula: ref(BUDGET_ROWS.total, layout.deviationCol(j)) };
          if (c.key === "municipalShare")
            return { formula: `ROUND((${at("total", row)}-${at("externalFunds", row)})*${PLANNING_NAMES.shareMunicipal},2)` };
          return { formula: ref(FUNDING_SUM_ROW, layout.grantedCol(j)) };
        }
        if (r.kind === "yearTotal") {
          if (c.key === "year") return { value: r.year };
          if (c.key === "neighbourhood") return { value: `Summe ${r.year}` };
          if (c.key === "perResident" || c.key === "ftePerThousand") return { formula: ratio(c.key, row) };
          const col = comparisonCol(c.key);
          return { formula: `SUM(${rangeAddress(blockStart, col, row - 1, col)})` };
        }
        if (c.key === "neighbourhood") return { value: "Summe aller Planjahre" };
        if (!SUMMED_COLUMNS.has(c.key) || PER_YEAR_ONLY_COLUMNS.has(c.key)) return undefined;
        return { formula: yearTotalRows.map((yr) => at(c.key, yr)).join("+") };
      })();
      if (spec) b.set(row, comparisonCol(c.key), { ...spec, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}), style: spec.style ?? style });
    }
    if (r.kind === "yearTotal") {
      yearTotalRows.push(row);
      blockStart = row + 1;
    }
  }

  const firstYearLast = COMPARISON_FIRST_ROW + neighbourhoodSheets.length - 1;
  const nameCol = comparisonCol("neighbourhood");
  const totalCol = comparisonCol("total");
  if (totalCol !== nameCol + 1) throw new Error("Vergleich: die Spalte Gesamt muss neben dem Quartier stehen.");
  const chartCol = COMPARISON_COLUMNS.length + 2;
  b.addChart({
    title: `Gesamtbudget je Quartier ${years[0]} (Planansatz)`,
    source: rangeAddress(COMPARISON_FIRST_ROW, nameCol, firstYearLast, totalCol),
    position: rangeAddress(COMPARISON_HEADER_ROW, chartCol, COMPARISON_HEADER_ROW + 18, chartCol + 7),
  });
  b.freezePanes(COMPARISON_HEADER_ROW, 2);
  return b.build();
}
