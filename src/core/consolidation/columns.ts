/**
 * The columns of the consolidated table, defined once: the comparison workbook's "Daten" sheet
 * writes them, and a task pane can sort and show by the same keys. Each column says how to get
 * its value from a Quartier's plan year; undefined leaves the cell empty (never 0).
 */
import type { Dec } from "../decimal";
import { ftePerThousandResidents } from "../template/figures";
import { NUMBER_FORMATS } from "../template/styles";
import { ConsolidatedNeighbourhood, ConsolidatedYear, UNREAD_LABELS } from "./consolidate";

/** The figures every table of the comparison shows, per row and summed: one list for all of them. */
export type FigureColumnKey =
  | "total"
  | "richtwertTotal"
  | "deviation"
  | "grantedFunds"
  | "shareFederal"
  | "shareState"
  | "shareMunicipal"
  | "perResident"
  | "ftePerThousand";

export type DataColumnKey =
  | "number"
  | "neighbourhood"
  | "file"
  | "sheet"
  | "provider"
  | "year"
  | "residents"
  | "fte"
  | "staffCost"
  | "materialCost"
  | "projectCost"
  | "dispositionFund"
  | "roomCosts"
  | FigureColumnKey
  | "violations"
  | "hints"
  | "compliant"
  | "unread";

export interface DataColumn {
  key: DataColumnKey;
  header: string;
  width: number;
  numberFormat?: string;
  /** The cell's value for entry number `number` (1-based) and one of its plan years. */
  value: (n: ConsolidatedNeighbourhood, y: ConsolidatedYear, number: number) => number | string | undefined;
}

/** Amounts go into cells as numbers; every amount here is whole cents, which a double holds exactly enough for Excel's 15 digits. */
const amount = (d: Dec | null | undefined): number | undefined => (d === null || d === undefined ? undefined : d.toNumber());
const text = (s: string | null): string | undefined => (s === null || s === "" ? undefined : s);
const EURO = NUMBER_FORMATS.euro;

/** "ja" when the Quartier has no Verstoß (hints may remain), as the check's summary says "erfüllt". */
export function meetsStandard(n: ConsolidatedNeighbourhood): boolean {
  return n.violations.length === 0;
}

export const DATA_COLUMNS: readonly DataColumn[] = [
  { key: "number", header: "Nr.", width: 6, numberFormat: NUMBER_FORMATS.integer, value: (_n, _y, number) => number },
  { key: "neighbourhood", header: "Quartier", width: 24, value: (n) => n.name },
  { key: "file", header: "Datei", width: 28, value: (n) => n.file },
  { key: "sheet", header: "Blatt", width: 18, value: (n) => text(n.sheet) },
  { key: "provider", header: "Träger", width: 22, value: (n) => text(n.provider) },
  { key: "year", header: "Planjahr", width: 9, numberFormat: NUMBER_FORMATS.year, value: (_n, y) => y.year ?? undefined },
  { key: "residents", header: "Einwohner", width: 11, numberFormat: NUMBER_FORMATS.integer, value: (_n, y) => y.residents ?? undefined },
  { key: "fte", header: "VbE", width: 7, numberFormat: NUMBER_FORMATS.fte, value: (_n, y) => amount(y.fte) },
  { key: "staffCost", header: "Personalkosten", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.lines.staffCost) },
  { key: "materialCost", header: "Sachkosten", width: 14, numberFormat: EURO, value: (_n, y) => amount(y.lines.materialCost) },
  { key: "projectCost", header: "Projektkosten", width: 14, numberFormat: EURO, value: (_n, y) => amount(y.lines.projectCost) },
  { key: "dispositionFund", header: "Verfügungsfonds", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.lines.dispositionFund) },
  { key: "roomCosts", header: "Raumkosten", width: 14, numberFormat: EURO, value: (_n, y) => amount(y.lines.roomCosts) },
  { key: "total", header: "Gesamt", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.total) },
  { key: "richtwertTotal", header: "Richtwert Gesamt", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.richtwertTotal) },
  { key: "deviation", header: "Abweichung vom Richtwert", width: 15, numberFormat: NUMBER_FORMATS.euroSigned, value: (_n, y) => amount(y.deviation) },
  { key: "grantedFunds", header: "Drittmittel (bewilligt)", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.grantedFunds) },
  { key: "shareFederal", header: "Anteil Bund", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.shares?.federal) },
  { key: "shareState", header: "Anteil Land", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.shares?.state) },
  { key: "shareMunicipal", header: "Anteil Gemeinde", width: 15, numberFormat: EURO, value: (_n, y) => amount(y.shares?.municipal) },
  { key: "perResident", header: "€ je Einwohner", width: 12, numberFormat: EURO, value: (_n, y) => amount(y.perResident) },
  {
    key: "ftePerThousand",
    header: "VbE je 1.000 Einwohner",
    width: 12,
    numberFormat: NUMBER_FORMATS.fte,
    value: (_n, y) => (y.fte === null || y.residents === null ? undefined : amount(ftePerThousandResidents(y.fte, y.residents))),
  },
  { key: "violations", header: "Verstöße", width: 9, numberFormat: NUMBER_FORMATS.integer, value: (n) => n.violations.length },
  { key: "hints", header: "Hinweise", width: 9, numberFormat: NUMBER_FORMATS.integer, value: (n) => n.hints.length },
  { key: "compliant", header: "Standard erfüllt", width: 10, value: (n) => (meetsStandard(n) ? "ja" : "nein") },
  // Last, so that the columns before keep their places: what of the row could not be read (empty: the row is complete).
  { key: "unread", header: "Nicht lesbar", width: 18, value: (_n, y) => text(y.unread.map((u) => UNREAD_LABELS[u.key].de).join(", ")) },
];

/** 1-based column of a data column. */
export function dataCol(key: DataColumnKey): number {
  const i = DATA_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unbekannte Spalte ${key}`);
  return i + 1;
}
