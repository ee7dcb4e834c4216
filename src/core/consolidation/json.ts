/**
 * The `vergleich --json` document (issue 9's contract; keys German as every JSON output):
 * amounts as decimal strings with two decimals ("12345.67"), as `budget --json`; VbE as an
 * exact decimal string; what could not be read as null, never 0.
 */
import { centsString, Dec } from "../decimal";
import { findingJson, FindingJson } from "../rules";
import { PLAN_LINE_KEYS, PlanLineKey } from "../plan";
import { cellName } from "../read/cells";
import { lineRule } from "../rulebook/lines";
import type { Consolidation, ConsolidatedNeighbourhood, ConsolidatedYear, ShareSums, UnreadEntry, UnreadKey } from "./consolidate";

/** What could not be read, by the JSON's own keys (the rulebook's: "sachkosten" …; "einwohner", "vbe"; "blatt": the whole sheet). */
const UNREAD_JSON_KEYS: Record<UnreadKey, string> = {
  ...(Object.fromEntries(PLAN_LINE_KEYS.map((key) => [key, lineRule(key).json])) as Record<PlanLineKey, string>),
  residents: "einwohner",
  fte: "vbe",
  sheet: "blatt",
};

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
  /** The row's inputs that could not be read (keys as above); empty: the row is complete. */
  nicht_lesbar: string[];
}

export interface VergleichNeighbourhoodJson {
  name: string;
  datei: string;
  traeger: string | null;
  verstoesse: FindingJson[];
  hinweise: FindingJson[];
  jahre: VergleichYearJson[];
  /** false when an input of a year (or the whole sheet) could not be read: its amounts are missing from the sums. */
  vollstaendig: boolean;
}

export interface VergleichUnreadJson {
  datei: string;
  quartier: string;
  jahre: Array<number | null>;
  angabe: string;
  zelle: string | null;
  meldung: string;
}

interface SharesJson {
  gesamt: string;
  anteil_bund: string;
  anteil_land: string;
  anteil_gemeinde: string;
  /** false: the sums leave rows out (each Quartier-year with an unreadable input, all of it); `summe.nicht_lesbar` says which. */
  vollstaendig: boolean;
}

export interface VergleichJson {
  standard: { name: string; version: string };
  quartiere: VergleichNeighbourhoodJson[];
  summe: SharesJson & { jahre: Array<{ jahr: number | null } & SharesJson>; nicht_lesbar: VergleichUnreadJson[] };
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
    nicht_lesbar: y.unread.map((u) => UNREAD_JSON_KEYS[u.key]),
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
    vollstaendig: n.unreadSheet === null && n.years.every((y) => y.unread.length === 0),
  };
}

function sharesJson(s: ShareSums): SharesJson {
  return {
    gesamt: centsString(s.total),
    anteil_bund: centsString(s.shares.federal),
    anteil_land: centsString(s.shares.state),
    anteil_gemeinde: centsString(s.shares.municipal),
    vollstaendig: s.incomplete === 0,
  };
}

function unreadJson(u: UnreadEntry): VergleichUnreadJson {
  return { datei: u.file, quartier: u.neighbourhood, jahre: [...u.years], angabe: UNREAD_JSON_KEYS[u.key], zelle: u.cell && cellName(u.cell), meldung: u.detail };
}

export function vergleichJson(c: Consolidation): VergleichJson {
  return {
    standard: { ...c.standard },
    quartiere: c.neighbourhoods.map(neighbourhoodJson),
    summe: { ...sharesJson(c.sums), jahre: c.sums.years.map((y) => ({ jahr: y.year, ...sharesJson(y) })), nicht_lesbar: c.unread.map(unreadJson) },
    fehler: c.errors.map((e) => ({ datei: e.file, fehler: e.message })),
  };
}
