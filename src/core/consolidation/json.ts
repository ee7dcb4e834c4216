/**
 * The `vergleich --json` document (issue 9's contract; keys German as every JSON output):
 * amounts as decimal strings with two decimals ("12345.67"), as `budget --json`; VbE as an
 * exact decimal string; what could not be read as null, never 0.
 */
import { centsString, Dec } from "../decimal";
import { findingJson, FindingJson } from "../rules";
import type { Consolidation, ConsolidatedNeighbourhood, ConsolidatedYear, ShareSums } from "./consolidate";

export interface VergleichYearJson {
  jahr: number | null;
  einwohner: number | null;
  vbe: string | null;
  personalkosten: string | null;
  sachkosten: string | null;
  projektkosten: string | null;
  verfuegungsfonds: string | null;
  raumkosten: string | null;
  gesamt: string | null;
  richtwert_gesamt: string | null;
  abweichung: string | null;
  drittmittel_bewilligt: string;
  anteil_bund: string | null;
  anteil_land: string | null;
  anteil_gemeinde: string | null;
  je_einwohner: string | null;
}

export interface VergleichNeighbourhoodJson {
  name: string;
  datei: string;
  traeger: string | null;
  verstoesse: FindingJson[];
  hinweise: FindingJson[];
  jahre: VergleichYearJson[];
}

interface SharesJson {
  gesamt: string;
  anteil_bund: string;
  anteil_land: string;
  anteil_gemeinde: string;
}

export interface VergleichJson {
  standard: { name: string; version: string };
  quartiere: VergleichNeighbourhoodJson[];
  summe: SharesJson & { jahre: Array<{ jahr: number | null } & SharesJson> };
  fehler: Array<{ datei: string; fehler: string }>;
}

function money(amount: Dec | null): string | null {
  return amount === null ? null : centsString(amount);
}

export function yearJson(y: ConsolidatedYear): VergleichYearJson {
  return {
    jahr: y.year,
    einwohner: y.residents,
    vbe: y.fte === null ? null : y.fte.toFixed(),
    personalkosten: money(y.lines.staffCost),
    sachkosten: money(y.lines.materialCost),
    projektkosten: money(y.lines.projectCost),
    verfuegungsfonds: money(y.lines.dispositionFund),
    raumkosten: money(y.lines.roomCosts),
    gesamt: money(y.total),
    richtwert_gesamt: money(y.richtwertTotal),
    abweichung: money(y.deviation),
    drittmittel_bewilligt: centsString(y.grantedFunds),
    anteil_bund: money(y.shares?.federal ?? null),
    anteil_land: money(y.shares?.state ?? null),
    anteil_gemeinde: money(y.shares?.municipal ?? null),
    je_einwohner: money(y.perResident),
  };
}

export function neighbourhoodJson(n: ConsolidatedNeighbourhood): VergleichNeighbourhoodJson {
  return {
    name: n.name,
    datei: n.file,
    traeger: n.provider,
    verstoesse: n.violations.map(findingJson),
    hinweise: n.hints.map(findingJson),
    jahre: n.years.map(yearJson),
  };
}

function sharesJson(s: ShareSums): SharesJson {
  return {
    gesamt: centsString(s.total),
    anteil_bund: centsString(s.shares.federal),
    anteil_land: centsString(s.shares.state),
    anteil_gemeinde: centsString(s.shares.municipal),
  };
}

export function vergleichJson(c: Consolidation): VergleichJson {
  return {
    standard: { ...c.standard },
    quartiere: c.neighbourhoods.map(neighbourhoodJson),
    summe: { ...sharesJson(c.sums), jahre: c.sums.years.map((y) => ({ jahr: y.year, ...sharesJson(y) })) },
    fehler: c.errors.map((e) => ({ datei: e.file, fehler: e.message })),
  };
}
