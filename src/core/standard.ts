/**
 * The framework standard ("Rahmenstandard Quartiermanagement") as data.
 *
 * This file is the single place where the standard's figures are written. The budget core,
 * the custom functions, the compliance rules, the templates and the CLI all read them from
 * here (or from a workbook's own copy of them, see `Parameters`). Figures are decimal strings
 * so that they enter decimal.js exactly.
 */

/** Keys of the numeric figures of the standard (code identifiers, English). */
export type FigureKey =
  | "minFte"
  | "salaryPerFte"
  | "materialCostPerFte"
  | "projectCostPerResident"
  | "projectCostMinimum"
  | "dispositionFundPerResident"
  | "dispositionFundMinimum"
  | "dispositionFundMinimumBelowResidents";

export type FigureUnit = "VbE" | "EUR_PER_FTE" | "EUR_PER_RESIDENT" | "EUR" | "RESIDENTS";

export interface Figure {
  key: FigureKey;
  /** German display name; also what `QM.PARAMETER` accepts. */
  name: string;
  /** English display name. */
  nameEn: string;
  /** Excel defined name of the figure on the "Parameter" sheet of a planning workbook. */
  definedName: string;
  /** The value as an exact decimal string. */
  value: string;
  unit: FigureUnit;
  /** What the figure means, in German. */
  meaning: string;
  /** The line of the standard's text the figure comes from (verbatim). */
  source: string;
}

export interface Requirement {
  /** Stable id, used by the compliance rules. */
  id: string;
  name: string;
  nameEn: string;
  /** The standard's wording (verbatim where possible). */
  source: string;
}

export interface FocusArea extends Requirement {
  /** Short label used in work plans. */
  short: string;
}

export interface Standard {
  name: string;
  version: string;
  /** ISO date from which this version applies. */
  validFrom: string;
  figures: Record<FigureKey, Figure>;
  /** Accepted degrees for the mandatory Fachkraft. */
  qualifications: readonly Requirement[];
  /** Tariff reference for the pay of the staff. */
  tariff: string;
  rooms: readonly Requirement[];
  furtherStandards: readonly Requirement[];
  focusAreas: readonly FocusArea[];
  fundingProgrammes: readonly Requirement[];
}

const PERSONAL_VBE = "mindestens 2 VbE, davon 1 Fachkraft mit Hochschulabschluss Sozialwesen oder Stadt- und Raumplanung";
const PERSONAL_PAY = "Bezahlung nach TVÖD/S11 (ca. 45.000 Euro/pro Jahr)";
const SACHKOSTEN = "Sachkosten: 3.500 Euro pro 1 VbE";
const PROJEKTKOSTEN = "Projektkosten: 2 Euro pro Bewohner, mindestens 5.000 Euro pro Quartier";
const VERFUEGUNGSFONDS =
  "Verfügungsfonds: 0,50 Euro pro Bewohner, mindestens 2.000 Euro pro Quartier, wenn weniger als 5.000 Einwohner";

export const RAHMENSTANDARD: Standard = {
  name: "Rahmenstandard Quartiermanagement",
  version: "2026.1",
  validFrom: "2026-01-01",
  tariff: "TVöD S11",
  figures: {
    minFte: {
      key: "minFte",
      name: "Mindest-VbE",
      nameEn: "Minimum FTE",
      definedName: "Mindest_VbE",
      value: "2",
      unit: "VbE",
      meaning: "Mindestpersonal je Quartier in Vollzeitäquivalenten",
      source: PERSONAL_VBE,
    },
    salaryPerFte: {
      key: "salaryPerFte",
      name: "Gehalt je VbE",
      nameEn: "Salary per FTE",
      definedName: "Referenzgehalt_je_VbE",
      value: "45000",
      unit: "EUR_PER_FTE",
      meaning: "Jährliche Personalkosten je VbE nach TVöD S11 (Richtwert)",
      source: PERSONAL_PAY,
    },
    materialCostPerFte: {
      key: "materialCostPerFte",
      name: "Sachkosten je VbE",
      nameEn: "Material cost per FTE",
      definedName: "Sachkosten_je_VbE",
      value: "3500",
      unit: "EUR_PER_FTE",
      meaning: "Jährliche Sachkosten je VbE",
      source: SACHKOSTEN,
    },
    projectCostPerResident: {
      key: "projectCostPerResident",
      name: "Projektkosten je Einwohner",
      nameEn: "Project cost per resident",
      definedName: "Projektkosten_je_Einwohner",
      value: "2",
      unit: "EUR_PER_RESIDENT",
      meaning: "Jährliche Projektkosten je Einwohner des Quartiers",
      source: PROJEKTKOSTEN,
    },
    projectCostMinimum: {
      key: "projectCostMinimum",
      name: "Projektkosten Mindestbetrag",
      nameEn: "Project cost minimum",
      definedName: "Projektkosten_Mindestbetrag",
      value: "5000",
      unit: "EUR",
      meaning: "Mindestbetrag der jährlichen Projektkosten je Quartier",
      source: PROJEKTKOSTEN,
    },
    dispositionFundPerResident: {
      key: "dispositionFundPerResident",
      name: "Verfügungsfonds je Einwohner",
      nameEn: "Disposition fund per resident",
      definedName: "Verfuegungsfonds_je_Einwohner",
      value: "0.5",
      unit: "EUR_PER_RESIDENT",
      meaning: "Jährlicher Verfügungsfonds je Einwohner des Quartiers",
      source: VERFUEGUNGSFONDS,
    },
    dispositionFundMinimum: {
      key: "dispositionFundMinimum",
      name: "Verfügungsfonds Mindestbetrag",
      nameEn: "Disposition fund minimum",
      definedName: "Verfuegungsfonds_Mindestbetrag",
      value: "2000",
      unit: "EUR",
      meaning: "Mindestbetrag des Verfügungsfonds für Quartiere unter der Einwohnerschwelle",
      source: VERFUEGUNGSFONDS,
    },
    dispositionFundMinimumBelowResidents: {
      key: "dispositionFundMinimumBelowResidents",
      name: "Verfügungsfonds Schwelle Einwohner",
      nameEn: "Disposition fund resident threshold",
      definedName: "Verfuegungsfonds_Schwelle_Einwohner",
      value: "5000",
      unit: "RESIDENTS",
      meaning: "Der Mindestbetrag des Verfügungsfonds gilt, wenn das Quartier weniger Einwohner hat",
      source: VERFUEGUNGSFONDS,
    },
  },
  qualifications: [
    { id: "sozialwesen", name: "Hochschulabschluss Sozialwesen", nameEn: "Degree in social work", source: PERSONAL_VBE },
    {
      id: "stadtplanung",
      name: "Hochschulabschluss Stadt- und Raumplanung",
      nameEn: "Degree in urban and spatial planning",
      source: PERSONAL_VBE,
    },
  ],
  rooms: [
    {
      id: "buero",
      name: "Büroräume",
      nameEn: "Office rooms",
      source: "Büro- und Veranstaltungsräume in zentraler Lage, gegebenenfalls entsprechende Miet- und Betriebskosten",
    },
    {
      id: "veranstaltungsraum",
      name: "Veranstaltungsraum",
      nameEn: "Event room",
      source: "Büro- und Veranstaltungsräume in zentraler Lage, gegebenenfalls entsprechende Miet- und Betriebskosten",
    },
    {
      id: "zentrale_lage",
      name: "Zentrale Lage",
      nameEn: "Central location",
      source: "Büro- und Veranstaltungsräume in zentraler Lage, gegebenenfalls entsprechende Miet- und Betriebskosten",
    },
    {
      id: "anlaufstelle",
      name: "Bürgernahe Anlaufstelle mit technischer Ausstattung",
      nameEn: "Walk-in contact point with equipment",
      source: "Bürgernahe Anlaufstelle mit entsprechender technischer Ausstattung",
    },
  ],
  furtherStandards: [
    {
      id: "fachliche_anbindung",
      name: "Fachliche Anbindung",
      nameEn: "Professional anchoring",
      source: "Fachliche Anbindung (Austausch und Verbindung Theorie und Praxis)",
    },
    {
      id: "vernetzung",
      name: "Vernetzung",
      nameEn: "Networking",
      source: "Vernetzung mit Initiativen und Akteuren der Gemeinwesenarbeit",
    },
  ],
  focusAreas: [
    {
      id: "information",
      short: "Information",
      name: "Schnittstelle für Informationen",
      nameEn: "Information hub",
      source: "Im Quartiermanagement laufen alle Informationen um und über den Stadtteil zusammen.",
    },
    {
      id: "netzwerk",
      short: "Netzwerk",
      name: "Netzwerkarbeit, Koordination und Moderation",
      nameEn: "Networking, coordination and moderation",
      source: "ist zugleich Moderator zwischen Bürgerinteressen und Verwaltung.",
    },
    {
      id: "projektentwicklung",
      short: "Projektentwicklung",
      name: "Projektentwicklung",
      nameEn: "Project development",
      source: "entwickelt mit den Akteuren vor Ort und den Kooperationspartnern gemeinsam Projekte",
    },
    {
      id: "oeffentlichkeitsarbeit",
      short: "Öffentlichkeitsarbeit",
      name: "Öffentlichkeitsarbeit",
      nameEn: "Public relations",
      source: "wird durch das Quartiermanagement aktiv Öffentlichkeitsarbeit für den Stadtteil betrieben.",
    },
    {
      id: "veranstaltungen",
      short: "Veranstaltungen",
      name: "Veranstaltungen und Aktionen",
      nameEn: "Events and activities",
      source: "gelingt es zielgerichtet Veranstaltungen und Aktionen zu organisieren.",
    },
  ],
  fundingProgrammes: [
    { id: "esf", name: "ESF", nameEn: "ESF", source: "ESF-Fördermittel" },
    { id: "staerken_vor_ort", name: "STÄRKEN vor Ort", nameEn: "STÄRKEN vor Ort", source: "STÄRKEN vor Ort" },
    { id: "biwaq", name: "BIWAQ", nameEn: "BIWAQ", source: "BIWAQ" },
    { id: "exwost", name: "ExWoSt", nameEn: "ExWoSt", source: "EXWOST" },
    { id: "tibi", name: "TIBI", nameEn: "TIBI", source: "TIBI" },
  ],
};

export const FIGURE_KEYS = Object.keys(RAHMENSTANDARD.figures) as FigureKey[];

/** The figures a workbook (or a call) actually uses: the standard's, possibly adapted by a city. */
export type Parameters = Record<FigureKey, string>;

/** The standard's own figures as `Parameters`. */
export function defaultParameters(standard: Standard = RAHMENSTANDARD): Parameters {
  const out = {} as Parameters;
  for (const key of FIGURE_KEYS) out[key] = standard.figures[key].value;
  return out;
}

/**
 * Normalises a parameter name for lookup: case, umlauts (ä/ae …), ß, and separators
 * (space, `-`, `_`) do not matter, so "Sachkosten je VbE", "sachkosten_je_vbe" and the defined
 * name all match.
 */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\s_\-.]+/g, "");
}

const FIGURE_BY_NAME: ReadonlyMap<string, Figure> = (() => {
  const map = new Map<string, Figure>();
  for (const key of FIGURE_KEYS) {
    const f = RAHMENSTANDARD.figures[key];
    for (const alias of [f.name, f.nameEn, f.definedName, f.key]) map.set(normaliseName(alias), f);
  }
  return map;
})();

/** Finds a figure by its German or English name, its defined name or its key; undefined if unknown. */
export function findFigure(name: string): Figure | undefined {
  return FIGURE_BY_NAME.get(normaliseName(name));
}
