/**
 * The consolidation as a table to look at (the task pane's Vergleich tab): one row per
 * Quartier for one plan year or for all years, a sum row, and sorting by any column. Every
 * figure is taken from the consolidation's rows (`consolidate.ts`, shares split to the cent);
 * a row "over all years" and the sum row are sums of those rows — the sums of the shares are
 * the consolidation's own `sums`, which are sums of the rows — so the sum of a column always
 * equals the sum of what is listed above it. Nothing here computes a rule or splits a share.
 *
 * The mean € je Einwohner is weighted: Σ Gesamt ÷ Σ Einwohner (of the rows whose Gesamt could
 * be read), as the comparison workbook's "Übersicht" computes it; the mean of the Quartiere's
 * ratios would let a small Quartier weigh as much as a large one.
 *
 * A row with an unreadable input (`incomplete` > 0) shows what was read, without deviation and
 * means; the sums leave its incomplete plan years out altogether — as on the "Übersicht".
 */
import { Dec, toCents } from "../decimal";
import { ftePerThousandResidents } from "../template/figures";
import { meetsStandard } from "./columns";
import type { Consolidation, ConsolidatedNeighbourhood, ConsolidatedYear } from "./consolidate";
import type { ShareSplit } from "./shares";

/** One plan year, or all of them ("all"); null: the rows whose year could not be read. */
export type ViewYear = number | null | "all";

export interface ViewRow {
  /** Position of the Quartier in the consolidation (files in the order given). */
  index: number;
  neighbourhood: ConsolidatedNeighbourhood;
  /** Residents of the year; over all years null (summed they would count each Quartier per year). */
  residents: number | null;
  total: Dec | null;
  richtwertTotal: Dec | null;
  deviation: Dec | null;
  grantedFunds: Dec | null;
  shares: ShareSplit | null;
  /** Weighted over the rows: Σ Gesamt ÷ Σ Einwohner (per year when over all years). */
  perResident: Dec | null;
  ftePerThousand: Dec | null;
  compliant: boolean;
  /** Plan years of the row with an input that could not be read (a Quartier whose sheet could not be read: 1 over all years). */
  incomplete: number;
}

export interface ViewSums {
  total: Dec;
  richtwertTotal: Dec;
  /** Null when a row is incomplete: a sum of deviations would mix the read and the missing. */
  deviation: Dec | null;
  grantedFunds: Dec;
  shares: ShareSplit;
  /** Σ Gesamt ÷ Σ Einwohner of the rows with a Gesamt; null without residents. */
  weightedPerResident: Dec | null;
  compliant: number;
  count: number;
  /** Rows the sums leave out (listed above with their unreadable inputs, or a Quartier whose sheet could not be read): the sums hold the complete rows only. */
  incomplete: number;
}

export interface ComparisonView {
  year: ViewYear;
  rows: ViewRow[];
  sums: ViewSums;
}

export type ViewColumnKey =
  | "neighbourhood"
  | "total"
  | "perResident"
  | "ftePerThousand"
  | "deviation"
  | "shareFederal"
  | "shareState"
  | "shareMunicipal"
  | "compliant";

/** The plan years the consolidation has rows for, ascending (a row without a readable year as null, last). */
export function viewYears(c: Consolidation): Array<number | null> {
  return c.sums.years.map((y) => y.year);
}

function sumOf(values: ReadonlyArray<Dec | null>): Dec | null {
  const defined = values.filter((v): v is Dec => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a.plus(b), new Dec(0));
}

function addShares(a: ShareSplit, b: ShareSplit): ShareSplit {
  return { federal: a.federal.plus(b.federal), state: a.state.plus(b.state), municipal: a.municipal.plus(b.municipal) };
}

function sharesOf(years: readonly ConsolidatedYear[]): ShareSplit | null {
  const defined = years.map((y) => y.shares).filter((s): s is ShareSplit => s !== null);
  return defined.length === 0 ? null : defined.reduce(addShares);
}

/** Σ Gesamt ÷ Σ Einwohner of the years with both, to the cent. */
function weighted(total: Dec | null, years: readonly ConsolidatedYear[]): Dec | null {
  const residents = years.reduce((n, y) => (y.total !== null && y.residents !== null ? n + y.residents : n), 0);
  return total === null || residents <= 0 ? null : toCents(total.div(residents));
}

function fteWeighted(years: readonly ConsolidatedYear[]): Dec | null {
  const withFte = years.filter((y) => y.fte !== null && y.residents !== null);
  const residents = withFte.reduce((n, y) => n + (y.residents as number), 0);
  if (withFte.length === 0 || residents <= 0) return null;
  return ftePerThousandResidents(
    withFte.reduce((a, y) => a.plus(y.fte as Dec), new Dec(0)),
    residents,
  ) ?? null;
}

function rowOf(n: ConsolidatedNeighbourhood, index: number, year: ViewYear): ViewRow | undefined {
  const years = year === "all" ? n.years : n.years.filter((y) => y.year === year);
  // A Quartier without a row in the chosen year is not listed for it; over all years it is (with its findings).
  if (years.length === 0 && year !== "all") return undefined;
  const total = sumOf(years.map((y) => y.total));
  const incomplete = years.filter((y) => y.unread.length > 0).length + (year === "all" && n.unreadSheet ? 1 : 0);
  return {
    index,
    neighbourhood: n,
    residents: year === "all" || years.length !== 1 ? null : years[0].residents,
    total,
    richtwertTotal: sumOf(years.map((y) => y.richtwertTotal)),
    deviation: incomplete > 0 ? null : sumOf(years.map((y) => y.deviation)),
    grantedFunds: sumOf(years.map((y) => y.grantedFunds)),
    shares: sharesOf(years),
    perResident: incomplete > 0 ? null : weighted(total, years),
    ftePerThousand: incomplete > 0 ? null : fteWeighted(years),
    compliant: meetsStandard(n),
    incomplete,
  };
}

export function comparisonView(c: Consolidation, year: ViewYear): ComparisonView {
  const rows = c.neighbourhoods.map((n, i) => rowOf(n, i, year)).filter((r): r is ViewRow => r !== undefined);
  // The sums are of the complete rows only, as the consolidation's own (see Consolidator.finish).
  const years = c.neighbourhoods.flatMap((n) => (year === "all" ? n.years : n.years.filter((y) => y.year === year))).filter((y) => y.unread.length === 0);
  // The consolidation's own sums (sums of its rows): the same figures the CLI's JSON and workbook show.
  const own = year === "all" ? c.sums : c.sums.years.find((y) => y.year === year);
  const total = own?.total ?? new Dec(0);
  const sum = (values: ReadonlyArray<Dec | null>): Dec => sumOf(values) ?? new Dec(0);
  // A Quartier whose sheet could not be read has no row in a plan year, yet is missing from its sums.
  const unreadSheets = year === "all" ? 0 : c.neighbourhoods.filter((n) => n.unreadSheet).length;
  const incomplete = rows.filter((r) => r.incomplete > 0).length + unreadSheets;
  return {
    year,
    rows,
    sums: {
      total,
      richtwertTotal: sum(years.map((y) => y.richtwertTotal)),
      deviation: incomplete > 0 ? null : sum(years.map((y) => y.deviation)),
      grantedFunds: sum(years.map((y) => y.grantedFunds)),
      shares: own?.shares ?? { federal: new Dec(0), state: new Dec(0), municipal: new Dec(0) },
      weightedPerResident: incomplete > 0 ? null : weighted(total, years),
      compliant: rows.filter((r) => r.compliant).length,
      count: rows.length,
      incomplete,
    },
  };
}

type SortValue = string | Dec | boolean | null;

function sortValue(r: ViewRow, key: ViewColumnKey): SortValue {
  switch (key) {
    case "neighbourhood":
      return r.neighbourhood.name;
    case "shareFederal":
      return r.shares?.federal ?? null;
    case "shareState":
      return r.shares?.state ?? null;
    case "shareMunicipal":
      return r.shares?.municipal ?? null;
    case "compliant":
      return r.compliant;
    default:
      return r[key];
  }
}

const collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });

/** The rows sorted by a column; what could not be read stays last in either direction, ties keep the files' order. */
export function sortRows(rows: readonly ViewRow[], key: ViewColumnKey, direction: "ascending" | "descending"): ViewRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    let cmp: number;
    if (typeof x === "string") cmp = collator.compare(x, y as string);
    else if (typeof x === "boolean") cmp = Number(x) - Number(y as boolean);
    else cmp = x.comparedTo(y as Dec);
    return cmp !== 0 ? sign * cmp : a.index - b.index;
  });
}
